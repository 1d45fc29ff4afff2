import Autograd
import Tensor

extension LossLandscape {
    /// Least-squares fit of r(α, β) − r(0, 0) ≈ dα + eβ + aα² + bαβ + cβ² over a surface
    /// (the linear terms absorb a non-zero gradient at θ*). Returns (a, b, c, d, e) and the
    /// number of grid points used: with `centreRegionOnly`, only points in θ*'s activation
    /// region, where the loss is smooth (see `Surface.inCentreRegion`).
    public static func quadraticFit(_ surface: Surface, centreRegionOnly: Bool = false)
        -> (a: Double, b: Double, c: Double, d: Double, e: Double, points: Int)
    {
        let centreRow = surface.betas.firstIndex(of: 0), centreColumn = surface.alphas.firstIndex(of: 0)
        guard let r0 = centreRow, let c0 = centreColumn else {
            fatalError("quadraticFit: the grid must contain α = β = 0 (use an odd number of points)")
        }
        let centre = surface[row: r0, column: c0]
        var rows: [Double] = [], rhs: [Double] = []
        for (r, beta) in surface.betas.enumerated() {
            for (c, alpha) in surface.alphas.enumerated() {
                if centreRegionOnly && !surface.inCentreRegion[r * surface.columns + c] { continue }
                rows += [alpha * alpha, alpha * beta, beta * beta, alpha, beta]
                rhs.append(surface[row: r, column: c] - centre)
            }
        }
        let n = rhs.count
        guard n >= 5 else { fatalError("quadraticFit: only \(n) grid points to fit 5 coefficients") }
        let fit = lstsq(Tensor(shape: [n, 5], scalars: rows), Tensor(shape: [n, 1], scalars: rhs)).solution.scalars
        return (fit[0], fit[1], fit[2], fit[3], fit[4], n)
    }
}

extension LossLandscape where T == Double {
    /// The quadratic form of the Hessian of the mean squared error at θ* on the plane:
    /// (½δ₁ᵀHδ₁, δ₁ᵀHδ₂, ½δ₂ᵀHδ₂), from Hessian-vector products (double backward).
    /// These are the a, b, c a quadratic fit of a small-span surface should find.
    public func hessianQuadraticForm(_ d1: [Tensor<Double>], _ d2: [Tensor<Double>]) -> (a: Double, b: Double, c: Double) {
        let loss: ([Variable<Double>]) -> Variable<Double> = { theta in
            Loss.meanSquaredError(self.net.forward(.constant(self.x), parameters: theta), .constant(self.y))
        }
        let h1 = Curvature.hessianVectorProduct(at: net.parameters, direction: d1, loss)
        let h2 = Curvature.hessianVectorProduct(at: net.parameters, direction: d2, loss)
        func dot(_ u: [Tensor<Double>], _ v: [Tensor<Double>]) -> Double {
            zip(u, v).reduce(0.0) { acc, pair in acc + zip(pair.0.scalars, pair.1.scalars).reduce(0.0) { $0 + $1.0 * $1.1 } }
        }
        return (0.5 * dot(d1, h1), dot(d1, h2), 0.5 * dot(d2, h2))
    }

    /// Offset (in grid cells: columns, rows) of the surface's minimum from its centre.
    public static func minimumOffset(_ surface: Surface) -> (columns: Int, rows: Int) {
        let best = surface.values.indices.min { surface.values[$0] < surface.values[$1] }!
        return (best % surface.columns - surface.columns / 2, best / surface.columns - surface.rows / 2)
    }
}
