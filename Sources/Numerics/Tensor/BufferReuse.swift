/// Writing a result over an operand that is a dead temporary.
///
/// In `tanh(a * x + b)`, `a * x` and `a * x + b` are temporaries no one can see again. NumPy
/// cannot know that and allocates a fresh array per operation; a fresh 4 MB array costs a
/// thousand page faults, as long as the arithmetic itself. Swift can know it: the elementwise
/// operations take their tensor operands `consuming`, so a temporary arrives owned, and if its
/// storage is referenced by nothing else the result is written over it.
///
/// Value semantics hold because this is the copy-on-write test itself: every other tensor
/// that shares the elements (`let y = x`) holds a reference to the same storage, so the
/// storage is not unique and a fresh result is allocated. Storage is always one contiguous
/// row-major array (Tensor.swift), so there are no views or broadcast strides to write through;
/// callers reuse an operand only when its shape is the result's shape.

/// Whether nothing but `array` references its element storage (false for an empty array).
///
/// Array does not expose its copy-on-write test. On Linux an Array is exactly one strong
/// reference to its native storage object (checked by size here, and by the tests), so the
/// standard library's `isKnownUniquelyReferenced` answers for that reference; elsewhere this
/// says no and every result is fresh.
@inline(__always)
func isUniquelyReferencedStorage<T>(_ array: inout [T]) -> Bool {
    #if os(Linux)
    guard MemoryLayout<[T]>.size == MemoryLayout<AnyObject>.size, !array.isEmpty else { return false }
    return withUnsafeMutablePointer(to: &array) { p in
        UnsafeMutableRawPointer(p).withMemoryRebound(to: AnyObject.self, capacity: 1) { isKnownUniquelyReferenced(&$0.pointee) }
    }
    #else
    return false
    #endif
}

extension Tensor {
    /// The address of the first element (nil when empty): lets tests check that a result was
    /// written over a temporary operand, and that a shared one was left alone.
    var storageAddress: UnsafeRawPointer? { scalars.withUnsafeBufferPointer { UnsafeRawPointer($0.baseAddress) } }
}
