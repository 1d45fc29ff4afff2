import Foundation
import XCTest
import Tensor
@testable import Autograd

/// The one dense-layer forward (Kernels/DenseForward.swift) on raw buffers: the values of the
/// fused layer bit for bit, each step of its fixed order, and its activations' edge cases.
final class DenseForwardTests: XCTestCase {
    /// Runs `DenseForward.layer` on tensors (x [m, k], w [n, k], b [n] already scaled).
    private func layer<T: TensorScalar>(
        _ x: Tensor<T>, _ w: Tensor<T>, _ b: Tensor<T>?, weightScale: Double = 1,
        _ activation: Activation
    ) -> Tensor<T> {
        let (m, k, n) = (x.shape[0], x.shape[1], w.shape[0])
        var z = [T](repeating: 7, count: m * n)
        x.scalars.withUnsafeBufferPointer { px in
            w.scalars.withUnsafeBufferPointer { pw in
                z.withUnsafeMutableBufferPointer { pz in
                    if let b {
                        b.scalars.withUnsafeBufferPointer { pb in
                            DenseForward.layer(
                                px.baseAddress!, rows: m, inputs: k, weights: pw.baseAddress!, outputs: n,
                                weightScale: weightScale, bias: pb.baseAddress!, activation: activation, into: pz.baseAddress!)
                        }
                    } else {
                        DenseForward.layer(
                            px.baseAddress!, rows: m, inputs: k, weights: pw.baseAddress!, outputs: n,
                            weightScale: weightScale, bias: nil, activation: activation, into: pz.baseAddress!)
                    }
                }
            }
        }
        return Tensor(shape: [m, n], scalars: z)
    }

    /// Rows wider than eight lanes with a tail (n = 13), so both the SIMD loops and their tails run.
    func testLayerIsTheFusedDenseLayerBitForBit() {
        let x = testTensor([6, 7], seed: 11), w = testTensor([13, 7], seed: 12), b = testTensor([13], seed: 13)
        for activation in [Activation.relu, .identity] {
            for (ws, bs, bias) in [(1.0, 1.0, true), (0.7, 0.3, true), (0.7, 1.0, false)] {
                let dense = Dense(
                    inputs: 7, outputs: 13, activation: activation, hasBias: bias, parametrisation: ws == 1 ? .standard : .ntk,
                    weightScale: ws, biasScale: bs)
                let fused = dense.forward(.constant(x), weight: .constant(w), bias: bias ? .constant(b) : nil).value
                let scaled = bias ? Tensor(shape: [13], scalars: b.scalars.map { bs == 1 ? $0 : bs * $0 }) : nil
                XCTAssertEqual(
                    layer(x, w, scaled, weightScale: ws, activation).scalars.map(\.bitPattern),
                    fused.scalars.map(\.bitPattern), "\(activation) s_w \(ws) bias \(bias)")
                let fusedF = dense.forward(
                    .constant(float32(x)), weight: .constant(float32(w)),
                    bias: bias ? .constant(float32(b)) : nil
                ).value
                // s_b·b in the layer's precision, as the fused layer scales it.
                let scaledF = bias ? Tensor(shape: [13], scalars: float32(b).scalars.map { bs == 1 ? $0 : Float(bs) * $0 }) : nil
                XCTAssertEqual(
                    layer(float32(x), float32(w), scaledF, weightScale: ws, activation).scalars.map(\.bitPattern),
                    fusedF.scalars.map(\.bitPattern), "\(activation) s_w \(ws) bias \(bias) f32")
            }
        }
    }

    /// Per element: the product, then s_w·z, then + b, then σ (leaky ReLU as v·(v > 0 ? 1 : a), tanh as tanh).
    func testTheOrderOfEachElementsOperations() {
        let x = testTensor([4, 5], seed: 21), w = testTensor([10, 5], seed: 22), b = testTensor([10], seed: 23)
        let product = matmul(x, w, transposingA: false, transposingB: true).scalars
        let z = (0..<40).map { 0.7 * product[$0] + b.scalars[$0 % 10] }
        XCTAssertEqual(layer(x, w, b, weightScale: 0.7, .identity).scalars, z)
        XCTAssertEqual(layer(x, w, b, weightScale: 0.7, .leakyReLU(slope: 0.1)).scalars, z.map { $0 * ($0 > 0 ? 1 : 0.1) })
        XCTAssertEqual(layer(x, w, b, weightScale: 0.7, .tanh).scalars, z.map { Foundation.tanh($0) })
        XCTAssertEqual(layer(x, w, b, weightScale: 0.7, .relu).scalars, z.map { $0 < 0 ? 0 : $0 })
        // No inputs: the bias through σ.
        let empty = Tensor<Double>(shape: [3, 0], scalars: []), none = Tensor<Double>(shape: [10, 0], scalars: [])
        XCTAssertEqual(layer(empty, none, b, .relu).scalars, (0..<30).map { max(0, b.scalars[$0 % 10]) })
    }

    /// `finish` and `activate` are the steps after the product, on rows already in place.
    func testFinishAndActivateAreTheLayerAfterItsProduct() {
        let x = testTensor([5, 3], seed: 31), w = testTensor([9, 3], seed: 32), b = testTensor([9], seed: 33)
        var z = matmul(x, w, transposingA: false, transposingB: true).scalars
        z.withUnsafeMutableBufferPointer { pz in
            b.scalars.withUnsafeBufferPointer { DenseForward.finish(pz.baseAddress!, rows: 5, outputs: 9, bias: $0.baseAddress!, activation: .tanh) }
        }
        XCTAssertEqual(z, layer(x, w, b, .tanh).scalars)
        var a = layer(x, w, b, .identity).scalars
        a.withUnsafeMutableBufferPointer { DenseForward.activate($0.baseAddress!, count: 45, .relu) }
        XCTAssertEqual(a, layer(x, w, b, .relu).scalars)
    }

    /// ReLU as the Tensor kernel: only x < 0 becomes (+)0, so −∞ is 0, NaN and −0 stay.
    func testReLUEdgeCases() {
        for values in [
            [-Double.infinity, .nan, -0.0, -1e-300, 2, .infinity, -3, 0, 5],
            Array(repeating: -Double.infinity, count: 3) + [.nan, -0.0, -1, 1, 0, 4],
        ] {
            var z = values
            z.withUnsafeMutableBufferPointer { DenseForward.activate($0.baseAddress!, count: values.count, .relu) }
            let expected = values.map { $0 < 0 ? 0 : $0 }
            XCTAssertEqual(z.map(\.bitPattern), expected.map(\.bitPattern))
            let floats = values.map(Float.init)  // −1e−300 is −0 here
            var f = floats
            f.withUnsafeMutableBufferPointer { DenseForward.activate($0.baseAddress!, count: values.count, .relu) }
            XCTAssertEqual(f.map(\.bitPattern), floats.map { ($0 < 0 ? 0 : $0).bitPattern })
        }
        XCTAssertEqual(Activation.all.filter(DenseForward.hasKernel), [.identity, .relu, .leakyReLU(slope: 0.01), .tanh])
    }
}
