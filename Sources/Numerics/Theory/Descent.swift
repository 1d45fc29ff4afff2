import Tensor

/// Gradient descent and noisy (Langevin-style) SGD on a function of a few variables, recording
/// the path: the GD-vs-SGD experiment of the book's Fig. 1.3, where gradient noise of scale s
/// lets iterates escape a spurious basin.
public enum Descent {
    /// x_{k+1} = x_k − η (∇r(x_k) + s ξ_k), ξ_k ~ N(0, I), for `steps` steps; returns x_0 … x_steps.
    /// With `noise` 0 this is plain gradient descent and uses no random numbers, so it is
    /// reproducible bit for bit.
    public static func path(
        from start: [Double], steps: Int, learningRate eta: Double, noise: Double = 0,
        rng: inout RNG, gradient: ([Double]) -> [Double]
    ) -> [[Double]] {
        var x = start
        var out = [x]
        out.reserveCapacity(steps + 1)
        for _ in 0..<steps {
            let g = gradient(x)
            guard g.count == x.count else { fatalError("Descent.path: gradient has \(g.count) entries for \(x.count) variables") }
            let xi = noise > 0 ? rng.normal([x.count], as: Double.self).scalars : []
            for i in x.indices { x[i] -= eta * (g[i] + (noise > 0 ? noise * xi[i] : 0)) }
            out.append(x)
        }
        return out
    }

    /// Index of the nearest of `minima` to `point` (the basin an end point settled in).
    public static func nearest(_ point: [Double], among minima: [[Double]]) -> Int {
        minima.indices.min { a, b in
            zip(point, minima[a]).reduce(0) { $0 + ($1.0 - $1.1) * ($1.0 - $1.1) }
                < zip(point, minima[b]).reduce(0) { $0 + ($1.0 - $1.1) * ($1.0 - $1.1) }
        }!
    }
}
