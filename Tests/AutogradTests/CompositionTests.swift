import XCTest
import Tensor
@testable import Autograd

/// Sequential keeps MLP's API and values, Dropout is reproducible and PyTorch-shaped, and the
/// minibatch schedule is a seeded, deterministic partition of the data.
final class CompositionTests: XCTestCase {
    func testMLPInsideSequentialComputesTheSameBitForBit() {
        let mlp = MLP<Double>(widths: [3, 8, 8, 2], activation: .relu, seed: 5)
        var net = Sequential<Double>([mlp])
        let x = testTensor([7, 3], seed: 1)
        XCTAssertEqual(net(x), mlp(x))
        XCTAssertEqual(net.parameterCount, mlp.parameterCount)
        // Setting the flat parameter list reaches the layers, in order.
        var changed = net.parameters
        changed[0] = changed[0] * 2
        net.parameters = changed
        XCTAssertEqual((net.layers[0] as! MLP<Double>).parameters[0], mlp.parameters[0] * 2)
        // A DenseLayer draws the weights of the first layer of an MLP with the same seed.
        let dense = DenseLayer<Double>(inputs: 3, outputs: 8, activation: .relu, seed: 5)
        XCTAssertEqual(dense.parameters[0], mlp.parameters[0])
        XCTAssertEqual(dense.parameters[1], mlp.parameters[1])
        // Rank-3 inputs are mapped on their last axis.
        let seq = testTensor([2, 7, 3], seed: 2)
        let y = withoutGradients { dense.forward(.constant(seq), parameters: dense.parameters.map(Variable.constant)).value }
        XCTAssertEqual(y.shape, [2, 7, 8])
        XCTAssertEqual(y.select(1, axis: 0), mlp.layerOutputs(seq.select(1, axis: 0))[0])
    }

    func testDropoutIsReproducibleScaledAndIdentityInEvaluation() {
        var drop = Dropout<Double>(probability: 0.25, seed: 9)
        drop.step = 3
        let shape = [128, 1000]  // 8000 Philox batches: enough for RNG to split the work across threads
        let saved = (tensorThreads, parallelThreshold)
        defer { (tensorThreads, parallelThreshold) = saved }
        tensorThreads = 1
        let serial = drop.mask(shape)
        tensorThreads = 4
        parallelThreshold = 1
        XCTAssertEqual(drop.mask(shape), serial, "the same seed and step give the same mask at any thread count")
        let kept = serial.scalars.filter { $0 != 0 }
        XCTAssertTrue(kept.allSatisfy { $0 == 1 / 0.75 })
        // 128 000 Bernoulli(0.75) draws: the kept fraction is within 5 standard deviations of 0.75.
        let fraction = Double(kept.count) / Double(serial.count)
        XCTAssertEqual(fraction, 0.75, accuracy: 5 * (0.75 * 0.25 / Double(serial.count)).squareRoot())
        drop.step = 4
        XCTAssertNotEqual(drop.mask(shape), serial, "another step draws another mask")
        let x = testTensor([5, 4], seed: 1)
        var net = Sequential<Double>([Dropout(probability: 0.5, seed: 1)])
        XCTAssertNotEqual(net(x), x)
        net.setTraining(false)
        XCTAssertEqual(net(x), x, "evaluation mode is the identity")
        XCTAssertEqual(Dropout<Double>(probability: 1).mask([3]).scalars, [0, 0, 0])
    }

    func testSequentialSwitchesModesAndStepsOfNestedLayers() {
        var net = Sequential<Double>([
            Sequential([Dropout(probability: 0.5, seed: 2), BatchNorm(features: 4)]), Dropout(probability: 0.5, seed: 3),
        ])
        net.setStep(7)
        net.setTraining(false)
        let inner = net.layers[0] as! Sequential<Double>
        XCTAssertEqual((inner.layers[0] as! Dropout<Double>).step, 7)
        XCTAssertFalse((inner.layers[1] as! BatchNorm<Double>).isTraining)
        XCTAssertFalse((net.layers[1] as! Dropout<Double>).isTraining)
    }

    func testMinibatchesPartitionEachEpochReproducibly() {
        let batches = Minibatches(count: 10, batchSize: 4, seed: 3)
        XCTAssertEqual(batches.batchesPerEpoch, 3)
        let epoch0 = batches.indices(epoch: 0)
        XCTAssertEqual(epoch0.map(\.count), [4, 4, 2])
        XCTAssertEqual(epoch0.joined().sorted(), Array(0..<10))
        XCTAssertEqual(Minibatches(count: 10, batchSize: 4, seed: 3).indices(epoch: 0), epoch0, "same seed, same order")
        XCTAssertNotEqual(batches.indices(epoch: 1), epoch0, "each epoch is reshuffled")
        XCTAssertNotEqual(Minibatches(count: 10, batchSize: 4, seed: 4).indices(epoch: 0), epoch0)
        XCTAssertEqual(Minibatches(count: 10, batchSize: 4, dropLast: true).batchesPerEpoch, 2)
        XCTAssertEqual(Minibatches(count: 5, batchSize: 2, shuffle: false).indices(epoch: 9), [[0, 1], [2, 3], [4]])
        let x = Tensor<Double>(shape: [10, 2], scalars: (0..<20).map(Double.init))
        let y = Tensor<Double>(shape: [10], scalars: (0..<10).map { Double($0) * 10 })
        for ((bx, by), idx) in zip(batches.batches(x, y, epoch: 0), epoch0) {
            XCTAssertEqual(bx.scalars, idx.flatMap { [Double(2 * $0), Double(2 * $0 + 1)] })
            XCTAssertEqual(by.scalars, idx.map { Double($0) * 10 })
        }
    }
}
