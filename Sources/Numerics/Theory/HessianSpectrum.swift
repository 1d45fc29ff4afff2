internal import Foundation
import Tensor

/// Extreme eigenvalues of a Hessian known only through Hessian-vector products (Lanczos).
public enum HessianSpectrum {
    /// Ritz values (ascending) after `steps` Lanczos iterations with full reorthogonalisation,
    /// from a seeded random start. The extreme ones converge first: `.first` and `.last`
    /// approximate λ_min and λ_max.
    public static func lanczos(
        dimension n: Int, steps: Int, seed: UInt64 = 0,
        hvp: ([Double]) -> [Double]
    ) -> [Double] {
        let m = min(steps, n)
        guard m > 0 else { return [] }
        var rng = RNG(seed: seed)
        var q = rng.normal([n], as: Double.self).scalars
        let norm0 = sqrt(q.reduce(0) { $0 + $1 * $1 })
        q = q.map { $0 / norm0 }
        var basis: [[Double]] = [q]
        var alphas: [Double] = [], betas: [Double] = []
        for j in 0..<m {
            var w = hvp(basis[j])
            let a = zip(w, basis[j]).reduce(0) { $0 + $1.0 * $1.1 }
            alphas.append(a)
            // Full reorthogonalisation keeps the basis orthonormal in floating point.
            for v in basis {
                let c = zip(w, v).reduce(0) { $0 + $1.0 * $1.1 }
                for i in 0..<n { w[i] -= c * v[i] }
            }
            let b = sqrt(w.reduce(0) { $0 + $1 * $1 })
            if j == m - 1 || b < 1e-12 { break }
            betas.append(b)
            basis.append(w.map { $0 / b })
        }
        let k = alphas.count
        var t = [Double](repeating: 0, count: k * k)
        for i in 0..<k {
            t[i * k + i] = alphas[i]
            if i + 1 < k { t[i * k + i + 1] = betas[i]; t[(i + 1) * k + i] = betas[i] }
        }
        return eigh(Tensor(shape: [k, k], scalars: t)).values.scalars
    }
}
