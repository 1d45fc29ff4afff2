import XCTest
@testable import Tensor
@testable import Autograd

/// Hessian-vector products by forward-over-reverse (ForwardOverReverse.swift) against double
/// backward, the path every graph took before (itself checked against the unfused graph in
/// FusedNodeTests), and against central differences of the gradient; f64, every activation and
/// loss with a rule, standard and NTK parametrisation, with and without bias. Then: a graph with
/// a node that has no rule still gets double backward, and the products are the same bits on
/// 1, 2, 3, 4 and 8 threads.
final class ForwardOverReverseTests: XCTestCase {
    struct Case {
        var name: String
        var net: MLP<Double>
        var loss: ([Variable<Double>]) -> Variable<Double>
    }

    func cases() -> [Case] {
        var out: [Case] = []
        let x = testTensor([9, 5], seed: 1)
        let labels = (0..<9).map { ($0 * 5) % 4 }
        for act in [Activation.relu, .tanh, .identity] {
            for parametrisation in [Parametrisation.standard, .ntk] {
                for bias in [true, false] {
                    let tag = "\(act) \(parametrisation) bias \(bias)"
                    let classifier = MLP<Double>(
                        widths: [5, 7, 6, 4], activation: act, bias: bias, parametrisation: parametrisation, seed: 3)
                    out.append(
                        Case(name: "cross-entropy " + tag, net: classifier) { theta in
                            Loss.crossEntropy(logits: classifier.forward(.constant(x), parameters: theta), labels: labels)
                        })
                    let regression = MLP<Double>(
                        widths: [5, 8, 1], activation: act, outputActivation: .tanh, bias: bias, parametrisation: parametrisation, seed: 4)
                    let y = testTensor([9, 1], seed: 2)
                    out.append(
                        Case(name: "mse " + tag, net: regression) { theta in
                            Loss.meanSquaredError(regression.forward(.constant(x), parameters: theta), .constant(y))
                        })
                }
            }
        }
        return out
    }

    func direction(_ net: MLP<Double>) -> [Tensor<Double>] {
        net.parameters.enumerated().map { testTensor($0.element.shape, seed: 50 + UInt64($0.offset)) }
    }

    func testAgreesWithDoubleBackwardAndFiniteDifferences() throws {
        for c in cases() {
            let v = direction(c.net)
            let theta = Variable.leaves(c.net.parameters)
            let fast = try XCTUnwrap(ForwardOverReverse.hessianVectorProduct(c.loss(theta), theta, v), "\(c.name): no rule")
            let reference = Curvature.doubleBackward(c.loss(theta), theta, v)
            // Central differences of the gradient along v: (∇f(θ + hv) − ∇f(θ − hv)) / 2h.
            let h = 1e-5
            func gradient(_ s: Double) -> [Tensor<Double>] {
                valueAndGradient(at: zip(c.net.parameters, v).map { $0 + s * $1 }, c.loss).gradient
            }
            let (plus, minus) = (gradient(h), gradient(-h))
            for k in fast.indices {
                XCTAssertEqual(fast[k].shape, c.net.parameters[k].shape, c.name)
                for i in fast[k].scalars.indices {
                    let (a, b) = (fast[k].scalars[i], reference[k].scalars[i])
                    let fd = (plus[k].scalars[i] - minus[k].scalars[i]) / (2 * h)
                    XCTAssertEqual(a, b, accuracy: 1e-12 * max(1, abs(b)), "\(c.name): tensor \(k) element \(i)")
                    XCTAssertEqual(a, fd, accuracy: 1e-6 * max(1, abs(fd)), "\(c.name): tensor \(k) element \(i) vs differences")
                }
            }
        }
    }

    func testPublicEntryTakesTheRuleAndAGraphWithoutOneStillWorks() {
        let c = cases()[0]
        let v = direction(c.net)
        let theta = Variable.leaves(c.net.parameters)
        XCTAssertEqual(
            Curvature.hessianVectorProduct(at: c.net.parameters, direction: v, c.loss).flatMap(\.scalars),
            ForwardOverReverse.hessianVectorProduct(c.loss(theta), theta, v)!.flatMap(\.scalars))
        // Weight decay adds nodes (square, sum, scale) without a rule: double backward, whose
        // Hessian of λ‖θ‖² adds 2λv to the loss's H·v.
        let decayed: ([Variable<Double>]) -> Variable<Double> = { c.loss($0) + Loss.weightDecay($0, strength: 0.25) }
        XCTAssertNil(ForwardOverReverse.hessianVectorProduct(decayed(theta), theta, v))
        let withDecay = Curvature.hessianVectorProduct(at: c.net.parameters, direction: v, decayed)
        let plain = Curvature.hessianVectorProduct(at: c.net.parameters, direction: v, c.loss)
        for k in v.indices {
            for i in v[k].scalars.indices {
                XCTAssertEqual(withDecay[k].scalars[i], plain[k].scalars[i] + 0.5 * v[k].scalars[i], accuracy: 1e-12)
            }
        }
    }

    func testBitIdenticalOnEveryThreadCount() {
        let saved = (tensorThreads, parallelThreshold)
        defer { (tensorThreads, parallelThreshold) = saved }
        parallelThreshold = 256
        let net = MLP<Float>(widths: [200, 129, 65, 10], activation: .relu, seed: 7)
        var rng = RNG(seed: 9)
        let x = rng.normal([150, 200], as: Float.self)
        let labels = (0..<150).map { $0 % 10 }
        let v = net.parameters.map { rng.normal($0.shape, as: Float.self) }
        func bits() -> [UInt32] {
            Curvature.hessianVectorProduct(at: net.parameters, direction: v) { theta in
                Loss.crossEntropy(logits: net.forward(.constant(x), parameters: theta), labels: labels)
            }.flatMap { $0.scalars.map(\.bitPattern) }
        }
        tensorThreads = 1
        let one = bits()
        for threads in [2, 3, 4, 8] {
            tensorThreads = threads
            XCTAssertEqual(bits(), one, "\(threads) threads")
        }
    }
}
