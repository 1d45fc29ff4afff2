import Foundation
import Tensor

/// Lengths of sampled curves, the quantity of Raghu et al.'s trajectory-length experiment.
public enum TrajectoryLength {
    /// Length of the polyline through the rows of `points` ([n, d]), in order.
    /// Pass `closed: true` for a closed curve (the circle), adding the last-to-first segment.
    public static func polyline<T>(_ points: Tensor<T>, closed: Bool = false) -> Double {
        guard points.rank == 2 else { fatalError("TrajectoryLength.polyline: needs [n, d] points, got \(points.shape)") }
        let (n, d) = (points.shape[0], points.shape[1])
        guard n > 1 else { return 0 }
        let p = points.scalars
        var total = 0.0
        func seg(_ i: Int, _ j: Int) -> Double {
            var s = 0.0
            for k in 0..<d { let diff = Double(p[i * d + k] - p[j * d + k]); s += diff * diff }
            return s.squareRoot()
        }
        for i in 1..<n { total += seg(i - 1, i) }
        if closed { total += seg(n - 1, 0) }
        return total
    }
}

/// Sampled curves to push through networks.
public enum Curves {
    /// γ(t) = (cos 2πt, sin 2πt) at `points` equally spaced t in [0, 1), as [points, 2].
    public static func circle<T: TensorScalar>(points: Int, as _: T.Type = Double.self) -> Tensor<T> {
        var xs: [T] = []
        xs.reserveCapacity(points * 2)
        for i in 0..<points {
            let t = 2 * Double.pi * Double(i) / Double(points)
            xs.append(T(cos(t))); xs.append(T(sin(t)))
        }
        return Tensor(shape: [points, 2], scalars: xs)
    }
}
