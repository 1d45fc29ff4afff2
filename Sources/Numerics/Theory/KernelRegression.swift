import Tensor

/// Kernel ridge regression, which is also the posterior mean of a Gaussian process with that
/// covariance and noise variance `ridge`: f̂(x) = k(x, X)(K + λI)⁻¹ y.
public struct KernelRegression {
    /// The dual coefficients (K + λI)⁻¹ y, [n, outputs]: f̂(x) = k(x, X)·coefficients.
    public let coefficients: Tensor<Double>  // (K + λI)⁻¹ y, [n, outputs]

    /// `kernel` is K on the training inputs ([n, n]); `targets` [n] or [n, outputs].
    /// A tiny ridge keeps an interpolating fit well-posed; Cholesky fails only if K + λI is not
    /// positive definite, which is reported with its size.
    public init(kernel: Tensor<Double>, targets: Tensor<Double>, ridge: Double = 1e-10) {
        let n = kernel.shape[0]
        guard kernel.shape == [n, n], targets.shape[0] == n else {
            fatalError("KernelRegression: kernel \(kernel.shape) and targets \(targets.shape) do not match")
        }
        var k = kernel
        for i in 0..<n { k[i, i] += ridge }
        let y = targets.rank == 1 ? targets.reshaped([n, 1]) : targets
        do { coefficients = try solve(k, y) } catch {
            fatalError("KernelRegression: K + λI (\(n)×\(n), λ = \(ridge)) is singular: \(error)")
        }
    }

    /// Predictions from the cross-kernel k(x, X) ([m, n]).
    public func predict(crossKernel: Tensor<Double>) -> Tensor<Double> { matmul(crossKernel, coefficients) }
}

extension KernelRegression {
    /// The GP posterior mean at the test points from a kernel computed on the training inputs
    /// followed by the test inputs ([n + m, n + m], e.g. `InfiniteWidthKernels.compute` on the
    /// stacked inputs): fits on the first `trainCount` rows and predicts the rest.
    public static func posteriorMean(
        jointKernel k: Tensor<Double>, trainCount n: Int, targets: Tensor<Double>,
        ridge: Double = 1e-10
    ) -> Tensor<Double> {
        let total = k.shape[0]
        guard k.shape == [total, total], n > 0, n <= total else {
            fatalError("posteriorMean: joint kernel \(k.shape) with \(n) training points")
        }
        let train = Tensor<Double>(shape: [n, n], scalars: (0..<n).flatMap { i in (0..<n).map { k[i, $0] } })
        let cross = Tensor<Double>(shape: [total - n, n], scalars: (n..<total).flatMap { i in (0..<n).map { k[i, $0] } })
        return KernelRegression(kernel: train, targets: targets, ridge: ridge).predict(crossKernel: cross)
    }
}
