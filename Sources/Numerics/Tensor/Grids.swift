/// Evenly spaced values on a log scale (NumPy's `logspace`, `geomspace`) and coordinate grids
/// (`meshgrid`), under NumPy's names and semantics.

/// How `meshgrid` orders the output axes: NumPy's `indexing='xy'` (Cartesian, the default: the
/// first input varies along columns) or `'ij'` (matrix: the first input varies along rows).
public enum MeshIndexing: Sendable, Equatable {
    case xy, ij
}

extension Tensor {
    /// `count` values base^t for t evenly spaced from `start` to `end` inclusive (NumPy
    /// `logspace`): `logspace(0, 3, count: 4)` is 1, 10, 100, 1000.
    public static func logspace(_ start: Scalar, _ end: Scalar, count: Int, base: Scalar = 10) -> Tensor {
        let exponents = linspace(start, end, count: count)
        return Tensor(shape: exponents.shape, scalars: exponents.scalars.map { Scalar.pow(base, $0) })
    }

    /// `count` values from `start` to `end` inclusive in geometric progression (NumPy
    /// `geomspace`): `geomspace(1, 1000, count: 4)` is 1, 10, 100, 1000, with both ends exact.
    /// - Precondition: `start` and `end` are non-zero and of the same sign.
    public static func geomspace(_ start: Scalar, _ end: Scalar, count: Int) -> Tensor {
        guard start != 0, end != 0, (start < 0) == (end < 0) else {
            fatalError("geomspace(\(start), \(end)): the ends must be non-zero and of the same sign")
        }
        let sign: Scalar = start < 0 ? -1 : 1
        let logs = linspace(Scalar.log(Swift.abs(start)), Scalar.log(Swift.abs(end)), count: count)
        var values = logs.scalars.map { sign * Scalar.exp($0) }
        if count > 0 { values[0] = start }
        if count > 1 { values[count - 1] = end }
        return Tensor(values)
    }
}

/// Coordinate matrices from two coordinate vectors (NumPy `meshgrid`): with `.xy` indexing both
/// are `y.count × x.count` and `X[i, j] = x[j]`, `Y[i, j] = y[i]` — the layout `Axes.heatmap` and
/// `contour` expect; with `.ij` both are `x.count × y.count`.
///
/// ```swift
/// let (X, Y) = meshgrid(.linspace(-1, 1, count: 51), .linspace(-1, 1, count: 51))
/// let r = sqrt(X * X + Y * Y)
/// ```
/// - Precondition: both inputs are 1-D.
public func meshgrid<T>(_ x: Tensor<T>, _ y: Tensor<T>, indexing: MeshIndexing = .xy) -> (Tensor<T>, Tensor<T>) {
    let grids = meshgrid([x, y], indexing: indexing)
    return (grids[0], grids[1])
}

/// Coordinate arrays for any number of 1-D inputs (NumPy `meshgrid(*xi)`): output k has input k's
/// values along axis k (`.ij`), with the first two axes swapped for `.xy` as NumPy does.
/// - Precondition: every input is 1-D.
public func meshgrid<T>(_ axes: [Tensor<T>], indexing: MeshIndexing = .xy) -> [Tensor<T>] {
    for (k, a) in axes.enumerated() where a.rank != 1 {
        fatalError("meshgrid: input \(k) must be 1-D, got shape \(a.shape)")
    }
    var shape = axes.map(\.count)
    let swapped = indexing == .xy && axes.count >= 2
    if swapped { shape.swapAt(0, 1) }
    return axes.indices.map { k in
        var position = k
        if swapped && k < 2 { position = 1 - k }
        var spread = [Int](repeating: 1, count: axes.count)
        spread[position] = axes[k].count
        return axes[k].reshaped(spread).broadcast(to: shape)
    }
}
