import XCTest
@testable import Tensor
import Autograd

/// Gradients of a network's loss (products, bias, activations, softmax cross-entropy, their
/// backward passes) are the same bits on 1, 2, 3, 4 and 8 threads.
final class ThreadCountGradientTests: XCTestCase {
    func gradientBits<T: TensorScalar>(_: T.Type) -> [UInt64] {
        let net = MLP<T>(widths: [37, 129, 65, 10], activation: .tanh, seed: 11)
        var rng = RNG(seed: 5)
        let x = Variable(rng.normal([301, 37], as: T.self))
        let labels = (0..<301).map { ($0 * 7) % 10 }
        let theta = net.parameters.map { Variable($0) }
        let loss = Loss.crossEntropy(logits: net.forward(x, parameters: theta), labels: labels)
        let grads = Backward.gradients(of: loss, wrt: theta + [x])
        let all = [loss.value] + grads.map(\.value)
        return all.flatMap { t in t.scalars.map { s in (s as? Double)?.bitPattern ?? UInt64((s as! Float).bitPattern) } }
    }

    func testNetworkGradientsAreBitIdenticalOnEveryThreadCount() {
        let saved = (tensorThreads, parallelThreshold)
        defer { (tensorThreads, parallelThreshold) = saved }
        parallelThreshold = 256
        tensorThreads = 1
        let one = (gradientBits(Float.self), gradientBits(Double.self))
        for threads in [2, 3, 4, 8] {
            tensorThreads = threads
            XCTAssertEqual(gradientBits(Float.self), one.0, "Float, \(threads) threads")
            XCTAssertEqual(gradientBits(Double.self), one.1, "Double, \(threads) threads")
        }
    }
}
