internal import Foundation
import Tensor

/// Sampled curves to push through networks, as [points, dimension] tensors.
public enum Curves {
    /// γ(t) = (cos 2πt, sin 2πt) at `points` equally spaced t in [0, 1) (a closed curve).
    public static func circle<T: TensorScalar>(points: Int, radius: Double = 1, as _: T.Type = Double.self) -> Tensor<T> {
        var xs: [T] = []
        xs.reserveCapacity(points * 2)
        for i in 0..<points {
            let t = 2 * Double.pi * Double(i) / Double(points)
            xs.append(T(radius * cos(t))); xs.append(T(radius * sin(t)))
        }
        return Tensor(shape: [points, 2], scalars: xs)
    }

    /// The segment from `a` to `b` with `points` samples including both ends.
    public static func segment<T: TensorScalar>(from a: [Double], to b: [Double], points: Int, as _: T.Type = Double.self) -> Tensor<T> {
        guard a.count == b.count, points >= 2 else { fatalError("Curves.segment: endpoints \(a), \(b) need equal dimension and ≥ 2 points") }
        var xs: [T] = []
        for i in 0..<points {
            let t = Double(i) / Double(points - 1)
            for k in a.indices { xs.append(T(a[k] + t * (b[k] - a[k]))) }
        }
        return Tensor(shape: [points, a.count], scalars: xs)
    }

    /// A great circle through orthonormal directions u and v in ℝᵈ: cos(2πt)·u + sin(2πt)·v.
    public static func greatCircle<T: TensorScalar>(_ u: [Double], _ v: [Double], points: Int, as _: T.Type = Double.self) -> Tensor<T> {
        guard u.count == v.count else { fatalError("Curves.greatCircle: u and v have dimensions \(u.count) and \(v.count)") }
        var xs: [T] = []
        for i in 0..<points {
            let t = 2 * Double.pi * Double(i) / Double(points)
            for k in u.indices { xs.append(T(cos(t) * u[k] + sin(t) * v[k])) }
        }
        return Tensor(shape: [points, u.count], scalars: xs)
    }
}
