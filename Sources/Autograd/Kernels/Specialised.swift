import Tensor

// Autograd, like Tensor, is built with library evolution: its generic code runs unspecialised
// when a notebook or the benchmarks call it, every element operation going through a witness
// table. The hot kernels of this folder therefore check the scalar type once and call a Float
// or Double function, inside which the compiler specialises the generic body with the element
// operations inlined (the pattern of Tensor's Specialization.swift).

/// Reinterprets a value whose type differs only in a generic argument already known to be equal
/// (Tensor<T> as Tensor<Float> when T == Float).
@inline(__always) func same<A, B>(_ a: A, as _: B.Type = B.self) -> B { unsafeBitCast(a, to: B.self) }

/// A new array of `count` elements written by `body` (no zero-fill first).
@inline(__always)
func filledArray<T>(_ count: Int, _ body: (UnsafeMutablePointer<T>) -> Void) -> [T] {
    [T](unsafeUninitializedCapacity: count) { buffer, initialized in
        if count > 0 { body(buffer.baseAddress!) }
        initialized = count
    }
}
