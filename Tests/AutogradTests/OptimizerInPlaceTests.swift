import XCTest
@testable import Tensor
import Autograd

/// Gradient descent writes θ − η·g over the parameters' own storage when nothing else holds
/// it (a training loop's parameters), and into a copy when something does (value semantics);
/// either way with the bits of the tensor expression θ − η·g.
final class OptimizerInPlaceTests: XCTestCase {
    func parameters<T: TensorScalar>(_: T.Type) -> ([Tensor<T>], [Tensor<T>]) {
        let net = MLP<T>(widths: [9, 33, 4], activation: .relu, seed: 2)
        let g = net.parameters.enumerated().map { k, p in
            Tensor<T>(shape: p.shape, scalars: (0..<p.count).map { T(Double(($0 * 37 + k) % 101) / 50 - 1) })
        }
        return (net.parameters.map { Tensor(shape: $0.shape, scalars: $0.scalars.map { $0 }) }, g)
    }

    func check<T: TensorScalar>(_: T.Type) {
        var (theta, g) = parameters(T.self)
        let eta = T(0.05)
        let want = zip(theta, g).map { $0 - eta * $1 }
        let addresses = theta.map(\.storageAddress)
        var opt = Optimizer<T>(.gradientDescent, learningRate: 0.05)
        opt.update(&theta, gradients: g)
        XCTAssertEqual(theta.map(\.storageAddress), addresses, "\(T.self): unshared parameters are updated in place")
        XCTAssertEqual(theta.flatMap(\.scalars), want.flatMap(\.scalars), "\(T.self): the bits of θ − η·g")

        let kept = theta
        let wantNext = zip(theta, g).map { $0 - eta * $1 }
        opt.update(&theta, gradients: g)
        XCTAssertEqual(kept.flatMap(\.scalars), want.flatMap(\.scalars), "\(T.self): a copy held elsewhere is left alone")
        XCTAssertEqual(theta.flatMap(\.scalars), wantNext.flatMap(\.scalars), "\(T.self): the shared update's bits")
        XCTAssertNotEqual(theta.map(\.storageAddress), kept.map(\.storageAddress), "\(T.self): a shared tensor gets new storage")
    }

    func testGradientDescentUpdatesInPlaceUnlessShared() {
        check(Float.self)
        check(Double.self)
    }
}
