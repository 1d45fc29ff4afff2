/// Counting and order statistics under NumPy's names: `histogram` (counts and edges, binned
/// exactly as NumPy bins) and `percentile`.

/// The counts of a histogram and the edges of its bins: bin i is [edges[i], edges[i + 1]), the last
/// bin also holding values equal to its right edge, as in NumPy.
public struct Histogram<Scalar: TensorScalar>: Sendable {
    /// Values per bin (or the probability density per bin when `density` was asked for).
    public var counts: Tensor<Scalar>
    /// `counts.count + 1` increasing bin edges.
    public var edges: Tensor<Scalar>
}

/// The histogram of all elements of `x` in `bins` equal-width bins over `range` (default: the
/// smallest to the largest element), NumPy's `histogram(x, bins, range, density)`.
///
/// Values outside `range` are not counted. A bin's index is computed from its edges with the same
/// corrections NumPy makes, so a value on an edge lands in the same bin as in NumPy.
///
/// ```swift
/// let h = histogram(samples, bins: 30)          // h.counts, h.edges
/// let p = histogram(samples, bins: 30, density: true)  // Σ p.counts · width = 1
/// ```
/// - Parameters:
///   - bins: the number of bins, ≥ 1.
///   - range: the lower and upper edge; when both are equal the range is widened by 0.5 each way.
///   - density: divide each count by the number of counted values times the bin width.
/// - Precondition: without `range`, every element is finite (NumPy raises for the same input).
/// - Complexity: O(n).
public func histogram<T>(_ x: Tensor<T>, bins: Int = 10, range: ClosedRange<T>? = nil, density: Bool = false) -> Histogram<T> {
    guard bins >= 1 else { fatalError("histogram: bins must be ≥ 1, got \(bins)") }
    var lo: T, hi: T
    if let range {
        (lo, hi) = (range.lowerBound, range.upperBound)
        guard lo.isFinite, hi.isFinite else { fatalError("histogram: range \(range) is not finite") }
    } else {
        guard x.scalars.allSatisfy(\.isFinite) else {
            fatalError("histogram: the data holds NaN or infinite values; pass a finite range: to bin the rest")
        }
        (lo, hi) = x.count == 0 ? (0, 1) : (x.min(), x.max())
    }
    if lo == hi { (lo, hi) = (lo - 0.5, hi + 0.5) }
    let edges = Tensor<T>.linspace(lo, hi, count: bins + 1)
    let e = edges.scalars, scale = T(bins) / (hi - lo)
    var counts = [T](repeating: 0, count: bins)
    for v in x.scalars where v >= lo && v <= hi {
        var i = Swift.min(bins - 1, Int((v - lo) * scale))
        // The scaled index can be one off where a value sits on a rounded edge: compare with the
        // edges themselves, as NumPy does.
        if v < e[i] { i -= 1 } else if i < bins - 1 && v >= e[i + 1] { i += 1 }
        counts[i] += 1
    }
    if density {
        let total = counts.reduce(0, +)
        if total > 0 { for i in 0..<bins { counts[i] /= total * (e[i + 1] - e[i]) } }
    }
    return Histogram(counts: Tensor(counts), edges: edges)
}

extension Tensor {
    /// The q-th percentile (0 ≤ q ≤ 100) of all elements, NumPy's `percentile` with its default
    /// linear interpolation: `x.percentile(50)` is the median.
    public func percentile(_ q: Double) -> Scalar {
        guard q >= 0 && q <= 100 else { fatalError("percentile: q = \(q) is outside [0, 100]") }
        return quantile(q / 100)
    }

    /// The q-th percentile along `axis`.
    public func percentile(_ q: Double, axis: Int, keepDims: Bool = false) -> Tensor {
        guard q >= 0 && q <= 100 else { fatalError("percentile: q = \(q) is outside [0, 100]") }
        return quantile(q / 100, axis: axis, keepDims: keepDims)
    }
}
