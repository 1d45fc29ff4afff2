import XCTest
import Tensor
import Autograd
@testable import Theory

/// The probes' layers (PlainLayers.swift) are computed by the one dense-layer forward, the loops
/// of `MLP`'s own forward pass: over the same rows they give its layer outputs bit for bit.
final class PlainLayerTests: XCTestCase {
    private func probeOutputs<T: TensorScalar>(_ net: MLP<T>, _ x: Tensor<T>) -> [[T]] {
        let layers = PlainLayer.unpack(net)!
        var h = x.scalars, outputs: [[T]] = []
        for layer in layers {
            var z = [T](repeating: 0, count: x.shape[0] * layer.outputs)
            h.withUnsafeBufferPointer { hp in
                z.withUnsafeMutableBufferPointer { layer.forward(hp.baseAddress!, rows: x.shape[0], into: $0.baseAddress!) }
            }
            outputs.append(z)
            h = z
        }
        return outputs
    }

    func testPlainLayersGiveTheNetworksLayerOutputsBitForBit() {
        let x = Tensor<Double>(shape: [37, 3], scalars: (0..<111).map { sin(Double($0) * 0.37) })
        for activations in [[Activation.relu, .relu, .identity], [.identity, .relu, .relu]] {
            let net = MLP<Double>(widths: [3, 19, 11, 5], activations: activations, seed: 3)
            XCTAssertEqual(
                probeOutputs(net, x).map { $0.map(\.bitPattern) },
                net.layerOutputs(x).map { $0.scalars.map(\.bitPattern) }, "\(activations)")
            let f = MLP<Float>(widths: [3, 19, 11, 5], activations: activations, seed: 3)
            let xf = Tensor<Float>(shape: x.shape, scalars: x.scalars.map(Float.init))
            XCTAssertEqual(
                probeOutputs(f, xf).map { $0.map(\.bitPattern) },
                f.layerOutputs(xf).map { $0.scalars.map(\.bitPattern) }, "\(activations) f32")
        }
        // Activations without a loop leave the probes to their generic paths.
        XCTAssertNil(PlainLayer.unpack(MLP<Double>(widths: [2, 4, 1], activation: .gelu)))
    }
}
