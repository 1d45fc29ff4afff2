import Autograd
import Tensor
internal import Foundation

/// Spectral probes: gradient covariances (active subspaces), Schatten (quasi-)norms and the
/// angles between subspaces, for the low-rank and kernel experiments.
public enum Spectra {
    /// Ĉ_f = (1/n) Σᵢ ∇ₓf(xᵢ) ∇ₓf(xᵢ)ᵀ of a scalar-output network on the rows of `points`,
    /// with its eigenvalues in decreasing order and the matching eigenvectors as columns.
    public static func gradientCovariance(_ net: MLP<Double>, points: Tensor<Double>)
        -> (matrix: Tensor<Double>, eigenvalues: [Double], eigenvectors: Tensor<Double>)
    {
        let g = net.inputGradient(points)  // [n, d]
        let n = Double(points.shape[0])
        let c = matmul(g.transposed(), g).map { $0 / n }
        let (w, v) = eigh(c)
        let d = c.shape[0]
        // eigh returns ascending order; reverse values and columns.
        let order = Array((0..<d).reversed())
        let vectors = Tensor<Double>(shape: [d, d], scalars: (0..<d).flatMap { r in order.map { v[r, $0] } })
        return (c, order.map { w.scalars[$0] }, vectors)
    }

    /// ‖W‖_{S^p} = (Σ σᵢ^p)^{1/p} over the singular values (a quasi-norm for p < 1).
    public static func schattenNorm(_ w: Tensor<Double>, p: Double) -> Double {
        guard p > 0 else { fatalError("schattenNorm: p must be positive, got \(p)") }
        let s = svd(w).s.scalars
        return pow(s.reduce(0) { $0 + pow($1, p) }, 1 / p)
    }

    /// Principal angles (radians, ascending) between the column spans of `a` and `b`
    /// ([d, k] each): arccos of the singular values of QₐᵀQ_b.
    public static func principalAngles(_ a: Tensor<Double>, _ b: Tensor<Double>) -> [Double] {
        let qa = qr(a).q, qb = qr(b).q
        let s = svd(matmul(qa.transposed(), qb)).s.scalars
        return s.map { acos(min(1, max(-1, $0))) }.sorted()
    }

    /// Columns `0..<k` of a matrix (the top-k eigenvectors from `gradientCovariance`).
    public static func leadingColumns(_ m: Tensor<Double>, _ k: Int) -> Tensor<Double> {
        let (r, c) = (m.shape[0], m.shape[1])
        guard k <= c else { fatalError("leadingColumns: \(k) columns requested of a \(r)×\(c) matrix") }
        return Tensor(shape: [r, k], scalars: (0..<r).flatMap { i in (0..<k).map { m[i, $0] } })
    }
}
