/// Sorting along an axis, and order statistics (quantile, median) with NumPy's default
/// linear interpolation. NaN sorts last, as in NumPy.
extension Tensor {
    /// Total order with NaN after every number.
    @inline(__always)
    static func before(_ x: Scalar, _ y: Scalar) -> Bool { x < y || (!x.isNaN && y.isNaN) }

    /// Applies `body` to each 1-D lane along `axis`, given its values; writes what it returns.
    func mapLanes<E>(_ op: String, axis: Int, _ body: ([Scalar]) -> [E]) -> (shape: [Int], scalars: [E]) {
        let (outer, n, inner, _) = axisLayout(op, axis, keepDims: true)
        var out = [E]()
        out.reserveCapacity(count)
        var results: [[E]] = []
        results.reserveCapacity(outer * inner)
        for i in 0..<outer {
            for j in 0..<inner {
                results.append(body((0..<n).map { scalars[(i * n + $0) * inner + j] }))
            }
        }
        // Reassemble lane results (each of length m) into [outer, m, inner].
        let m = results.first?.count ?? 0
        for i in 0..<outer { for k in 0..<m { for j in 0..<inner { out.append(results[i * inner + j][k]) } } }
        var s = shape
        s[normalizeAxis(op, axis, rank: rank)] = m
        return (s, out)
    }

    /// Values sorted ascending along `axis` (default: last).
    public func sorted(axis: Int = -1) -> Tensor {
        let (s, v) = mapLanes("sorted", axis: axis) { $0.sorted(by: Tensor.before) }
        return Tensor(shape: s, scalars: v)
    }

    /// Indices that sort each lane along `axis`; stable (equal values keep their order).
    public func argsort(axis: Int = -1) -> IntTensor {
        let (s, v) = mapLanes("argsort", axis: axis) { lane in
            // Sorting (value, index) pairs makes the sort stable whatever algorithm is used.
            lane.indices.sorted { Tensor.before(lane[$0], lane[$1]) || (!Tensor.before(lane[$1], lane[$0]) && $0 < $1) }
        }
        return IntTensor(shape: s, scalars: v)
    }

    /// The q-th quantile (0 ≤ q ≤ 1) of all elements, interpolating linearly between order
    /// statistics (NumPy's default method).
    public func quantile(_ q: Double) -> Scalar { flattened().quantile(q, axis: 0).scalar }

    /// The q-th quantile along `axis`.
    public func quantile(_ q: Double, axis: Int, keepDims: Bool = false) -> Tensor {
        guard q >= 0 && q <= 1 else { fatalError("quantile: q = \(q) is outside [0, 1]") }
        let (_, n, _, s) = axisLayout("quantile", axis, keepDims: keepDims)
        guard n > 0 else { fatalError("quantile: axis \(axis) of shape \(shape) is empty") }
        let (_, v) = mapLanes("quantile", axis: axis) { lane -> [Scalar] in
            let x = lane.sorted(by: Tensor.before)
            let pos = q * Double(n - 1)
            let lo = Int(pos.rounded(.down)), hi = Swift.min(lo + 1, n - 1)
            let t = Scalar(pos - Double(lo))
            return [x[lo] + (x[hi] - x[lo]) * t]
        }
        return Tensor(shape: s, scalars: v)
    }

    /// The median of all elements (the 0.5 quantile, interpolating linearly as NumPy's default).
    public func median() -> Scalar { quantile(0.5) }
    /// The median along `axis` (NumPy `median(a, axis=k)`).
    public func median(axis: Int, keepDims: Bool = false) -> Tensor { quantile(0.5, axis: axis, keepDims: keepDims) }
}
