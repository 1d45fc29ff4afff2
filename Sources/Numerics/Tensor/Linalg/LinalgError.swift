/// A LAPACK routine that reported failure, named with the operation and the matrix shape.
public struct LinalgError: Error, CustomStringConvertible, Equatable {
    /// The function that failed ("cholesky", "solve", "inv").
    public var operation: String
    /// The shape of the matrix it was given.
    public var shape: [Int]
    /// LAPACK's `info`: for a failed factorisation, the 1-based index of the offending pivot or minor.
    public var info: Int
    /// What went wrong, in words ("not positive definite", "singular").
    public var reason: String

    public var description: String { "\(operation): \(reason) for a matrix of shape \(shape) (LAPACK info = \(info))" }
}

/// Checks a 2-D (optionally square) operand, naming the operation in the message.
func requireMatrix<T>(_ op: String, _ a: Tensor<T>, square: Bool = false) {
    guard a.rank == 2 else { fatalError("\(op): needs a 2-D matrix, got shape \(a.shape)") }
    if square && a.shape[0] != a.shape[1] { fatalError("\(op): needs a square matrix, got shape \(a.shape)") }
    guard allFinite(a.scalars) else { fatalError("\(op): matrix of shape \(a.shape) contains NaN or infinity") }
}

// Element loops of the linear-algebra wrappers, on concrete Float/Double: the wrappers are
// generic and run unspecialised from other modules, where a per-element witness call made
// the finiteness check and eigh's transpose cost 3 ms of a 512² eigh (Specialization.swift).

/// True when no element is NaN or infinite.
func allFinite<T: TensorScalar>(_ x: [T]) -> Bool {
    x.withUnsafeBytes { raw in
        if T.self == Double.self { return finite(raw.bindMemory(to: Double.self)) }
        if T.self == Float.self { return finite(raw.bindMemory(to: Float.self)) }
        return x.allSatisfy { $0.isFinite }
    }
}

@inline(__always) private func finite<E: BinaryFloatingPoint>(_ p: UnsafeBufferPointer<E>) -> Bool {
    var ok = true
    for e in p { ok = ok && e.isFinite }  // no early exit: a branch-free loop vectorises
    return ok
}

/// Transposes the n×n row-major matrix in `v` in place.
func transposeSquare<T: TensorScalar>(_ v: inout [T], _ n: Int) {
    v.withUnsafeMutableBytes { raw in
        if T.self == Double.self {
            swapAcross(raw.bindMemory(to: Double.self), n)
        } else if T.self == Float.self {
            swapAcross(raw.bindMemory(to: Float.self), n)
        } else {
            swapAcross(raw.bindMemory(to: T.self), n)
        }
    }
}

/// In 16 × 16 blocks, so both the rows and the columns being swapped stay in cache (a plain
/// double loop strides through a 512² matrix column by column: 0.8 ms of an eigh).
@inline(__always) private func swapAcross<E>(_ p: UnsafeMutableBufferPointer<E>, _ n: Int) {
    let b = 16
    for bi in stride(from: 0, to: n, by: b) {
        for bj in stride(from: bi, to: n, by: b) {
            for i in bi..<min(bi + b, n) {
                for j in max(bj, i + 1)..<max(min(bj + b, n), max(bj, i + 1)) { p.swapAt(i * n + j, j * n + i) }
            }
        }
    }
}

/// Stops with the error's text: for failures a caller could not sensibly recover from.
func check(_ info: Int, _ op: String, _ shape: [Int], _ reason: String) {
    if info != 0 {
        let r = info < 0 ? "invalid argument \(-info) passed to LAPACK" : reason
        fatalError(LinalgError(operation: op, shape: shape, info: info, reason: r).description)
    }
}
