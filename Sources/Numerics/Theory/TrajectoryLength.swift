import Autograd
import Tensor
internal import Foundation

/// Lengths of sampled curves and of their images through a network's layers
/// (Raghu et al. 2017; book §1.3.3, Fig. 1.11).
public enum TrajectoryLength {
    /// Length of the polyline through the rows of `points` ([n, d]), in order.
    /// `closed: true` adds the last-to-first segment (for the circle).
    public static func polyline<T>(_ points: Tensor<T>, closed: Bool = false) -> Double {
        guard points.rank == 2 else { fatalError("TrajectoryLength.polyline: needs [n, d] points, got \(points.shape)") }
        let (n, d) = (points.shape[0], points.shape[1])
        guard n > 1 else { return 0 }
        if T.self == Float.self { return polylineFloat(unsafeBitCast(points, to: Tensor<Float>.self), closed) }
        if T.self == Double.self { return polylineDouble(unsafeBitCast(points, to: Tensor<Double>.self), closed) }
        let p = points.scalars
        func segment(_ i: Int, _ j: Int) -> Double {
            var s = 0.0
            for k in 0..<d { let diff = Double(p[i * d + k]) - Double(p[j * d + k]); s += diff * diff }
            return s.squareRoot()
        }
        var total = 0.0
        for i in 1..<n { total += segment(i - 1, i) }
        if closed { total += segment(n - 1, 0) }
        return total
    }

    /// Length of the curve's image after each affine layer: element 0 is the input curve,
    /// element ℓ the output of affine layer ℓ (post-activation; the last layer's activation
    /// is the network's output activation).
    public static func measure<T>(_ net: MLP<T>, along curve: Tensor<T>, closed: Bool = false) -> [Double] {
        guard curve.rank == 2, curve.shape[1] == net.widths[0] else {
            fatalError("TrajectoryLength.measure: needs [n, \(net.widths[0])] points, got \(curve.shape)")
        }
        if T.self == Float.self {
            return layerLengthsFloat(unsafeBitCast(net, to: MLP<Float>.self), unsafeBitCast(curve, to: Tensor<Float>.self), closed)
        }
        if T.self == Double.self {
            return layerLengthsDouble(unsafeBitCast(net, to: MLP<Double>.self), unsafeBitCast(curve, to: Tensor<Double>.self), closed)
        }
        return [polyline(curve, closed: closed)] + net.layerOutputs(curve).map { polyline($0, closed: closed) }
    }

    /// `measure` for each network of a batch (e.g. the members of a sweep) along the same curve.
    public static func measure<T>(_ nets: [MLP<T>], along curve: Tensor<T>, closed: Bool = false) -> [[Double]] {
        nets.map { measure($0, along: curve, closed: closed) }
    }

    /// Least-squares slope and intercept of log(length) against layer index: the per-layer
    /// growth rate is exp(slope).
    public static func logGrowth(_ lengths: [Double]) -> (slope: Double, intercept: Double) {
        let ys = lengths.map { log($0) }
        let xs = ys.indices.map(Double.init)
        let n = Double(ys.count), mx = xs.reduce(0, +) / n, my = ys.reduce(0, +) / n
        let sxy = zip(xs, ys).map { ($0 - mx) * ($1 - my) }.reduce(0, +)
        let sxx = xs.map { ($0 - mx) * ($0 - mx) }.reduce(0, +)
        let slope = sxx == 0 ? 0 : sxy / sxx
        return (slope, my - slope * mx)
    }
}
