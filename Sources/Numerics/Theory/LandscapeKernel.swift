import Autograd
import Tensor
internal import Foundation

/// Built-in losses of a landscape, which its concrete kernel evaluates without building tensors.
public enum LossObjective: Sendable {
    /// mean over all entries of (prediction − target)².
    case meanSquaredError
    /// −(1/n) Σᵢ Σ_c y_ic log softmax(zᵢ)_c: logits against one-hot (or probability) rows.
    case crossEntropy
}

/// The concrete loop behind `LossLandscape.surface` for networks of plain layers.
///
/// The first layer's products X·[W; D₁; D₂]ᵀ are computed once by one gemm; each grid point
/// then costs an elementwise combination for layer 1 and, for the layers above, one small gemm
/// per chunk of samples with that point's perturbed weights W + αD₁ + βD₂ (formed once per
/// point). Grid points are shared among the threads; chunks are small enough that OpenBLAS
/// runs each product on the calling thread, and each point's loss is summed in the same order
/// whichever thread computes it, so results do not depend on threading.
enum LandscapeKernel {
    struct Result { var values: [Double]; var inCentreRegion: [Bool]; var switching: Int }

    static func surfaceFloat(
        _ net: MLP<Float>, _ x: Tensor<Float>, _ y: Tensor<Float>, _ objective: LossObjective,
        _ d1: [Tensor<Float>], _ d2: [Tensor<Float>], _ points: [(Double, Double)]
    ) -> Result? {
        surface(net, x, y, objective, d1, d2, points)
    }

    static func surfaceDouble(
        _ net: MLP<Double>, _ x: Tensor<Double>, _ y: Tensor<Double>, _ objective: LossObjective,
        _ d1: [Tensor<Double>], _ d2: [Tensor<Double>], _ points: [(Double, Double)]
    ) -> Result? {
        surface(net, x, y, objective, d1, d2, points)
    }

    /// Losses at θ* + α d1 + β d2 for each (α, β) of `points`; nil when the network has an
    /// activation without a plain kernel.
    static func surface<T: TensorScalar>(
        _ net: MLP<T>, _ x: Tensor<T>, _ y: Tensor<T>, _ objective: LossObjective,
        _ d1: [Tensor<T>], _ d2: [Tensor<T>], _ points: [(Double, Double)]
    ) -> Result? {
        guard let layers = PlainLayer.unpack(net) else { return nil }
        let dir1 = directionLayers(d1, net), dir2 = directionLayers(d2, net)
        let n = x.shape[0], d0 = layers[0].inputs, o1 = layers[0].outputs
        let outputs = layers.last!.outputs
        guard y.count == n * outputs else { fatalError("LossLandscape: targets have \(y.count) entries, expected \(n) × \(outputs)") }

        // X·[W₁; D₁; D₂]ᵀ → [n, 3·o1], row i = (x_i·W₁ᵀ | x_i·D₁ᵀ | x_i·D₂ᵀ).
        let stacked = layers[0].weights + dir1[0].weights + dir2[0].weights
        var first = [T](repeating: 0, count: n * 3 * o1)
        // Narrow inputs: row blocks on our threads, each product below OpenBLAS's threading
        // threshold (its idle workers would otherwise spin against the grid loop that follows).
        let rowsPerCall = (1 << 18) / max(3 * o1 * d0, 1)
        let blocks = rowsPerCall >= 16 ? (n + rowsPerCall - 1) / rowsPerCall : 1
        let rowsPerBlock = (n + blocks - 1) / blocks
        x.scalars.withUnsafeBufferPointer { xp in
            stacked.withUnsafeBufferPointer { sp in
                first.withUnsafeMutableBufferPointer { fp in
                    onThreads(min(blocks, probeThreads)) { t in
                        for block in stride(from: t, to: blocks, by: min(blocks, probeThreads)) {
                            let lo = block * rowsPerBlock, m = min(rowsPerBlock, n - lo)
                            if m <= 0 { continue }
                            T.gemm(
                                transA: false, transB: true, m: m, n: 3 * o1, k: d0, alpha: 1, a: xp.baseAddress! + lo * d0, lda: d0,
                                b: sp.baseAddress!, ldb: d0, beta: 0, c: fp.baseAddress! + lo * 3 * o1, ldc: 3 * o1)
                        }
                    }
                }
            }
        }
        // Pre-activations whose sign is tracked: every layer with a non-identity activation.
        var offsets: [Int?] = []
        var tracked = 0
        for l in layers { offsets.append(l.activation == .identity ? nil : tracked); if l.activation != .identity { tracked += l.outputs } }
        let largest = layers.dropFirst().map { $0.inputs * $0.outputs }.max() ?? 1
        // OpenBLAS multithreads a product above 65 536·4 multiply-adds; stay below it per call.
        let chunk = max(8, min(256, n, (1 << 18) / max(largest, 1)))
        let threads = chunk * largest <= 1 << 18 && points.count > 1 ? min(probeThreads, points.count) : 1
        let plane = Plane(
            layers: layers, dir1: dir1, dir2: dir2, first: first, y: y.scalars, n: n, tracked: tracked,
            offsets: offsets, chunk: chunk, objective: objective)

        // The centre's pattern, then every point against it.
        var centre = [T](repeating: 0, count: n * tracked)
        var scratch = Plane<T>.Scratch(plane)
        _ = plane.loss(0, 0, &scratch, centre: &centre, record: true)
        var values = [Double](repeating: 0, count: points.count)
        var same = [Bool](repeating: false, count: points.count)
        var changedPerThread = [[T]](repeating: [], count: threads)
        let bounds = (0...threads).map { $0 * points.count / threads }
        values.withUnsafeMutableBufferPointer { vp in
            same.withUnsafeMutableBufferPointer { sp in
                changedPerThread.withUnsafeMutableBufferPointer { cp in
                    onThreads(threads) { t in
                        var scratch = Plane<T>.Scratch(plane)
                        var centreCopy = centre
                        var differs = [UInt8](repeating: 0, count: bounds[t + 1] - bounds[t])
                        // Chunks outside, points inside: a chunk's first-layer products stay in cache
                        // while every point of this thread uses them; each point still sums its
                        // chunks in order.
                        var start = 0
                        while start < n {
                            let m = min(plane.chunk, n - start)
                            for g in bounds[t]..<bounds[t + 1] {
                                let (a, b) = points[g]
                                plane.perturb(T(a), T(b), &scratch)
                                let (sum, flips) = plane.evaluateChunk(start, m, T(a), T(b), &scratch, centre: &centreCopy, record: false)
                                vp[g] += sum
                                differs[g - bounds[t]] |= flips
                            }
                            start += m
                        }
                        for g in bounds[t]..<bounds[t + 1] {
                            vp[g] = plane.normalise(vp[g])
                            sp[g] = differs[g - bounds[t]] == 0
                        }
                        cp[t] = scratch.changed
                    }
                }
            }
        }
        var switching = 0
        for i in 0..<(n * tracked) where changedPerThread.contains(where: { $0[i] != 0 }) { switching += 1 }
        return Result(values: values, inCentreRegion: same, switching: switching)
    }

    /// A direction's tensors in plain form, with the layers' NTK multipliers folded in as for θ.
    static func directionLayers<T: TensorScalar>(_ d: [Tensor<T>], _ net: MLP<T>) -> [(weights: [T], bias: [T])] {
        var k = 0
        return net.layers.map { layer in
            defer { k += layer.parameterCount }
            let ws = T(layer.weightScale), bs = T(layer.biasScale)
            let w = d[k].scalars
            let b = layer.hasBias ? d[k + 1].scalars : [T](repeating: 0, count: layer.outputs)
            return (ws == 1 ? w : w.map { ws * $0 }, bs == 1 ? b : b.map { bs * $0 })
        }
    }
}

/// Everything a grid point's evaluation reads (shared, immutable) and its per-thread buffers.
struct Plane<T: TensorScalar> {
    let layers: [PlainLayer<T>]
    let dir1: [(weights: [T], bias: [T])]
    let dir2: [(weights: [T], bias: [T])]
    let first: [T]
    let y: [T]
    let n: Int
    let tracked: Int
    let offsets: [Int?]
    let chunk: Int
    let objective: LossObjective

    struct Scratch {
        /// The point's perturbed weights and biases, per layer.
        var weights: [[T]]
        var biases: [[T]]
        var h: [T]
        var z: [T]
        /// Per tracked pre-activation: has its sign differed from the centre's at any point so far.
        var changed: [T]
        var sameAsCentre = true

        init(_ p: Plane) {
            weights = p.layers.map { $0.weights }
            biases = p.layers.map { $0.bias }
            let widest = p.layers.map(\.outputs).max()!
            h = [T](repeating: 0, count: p.chunk * widest)
            z = [T](repeating: 0, count: p.chunk * widest)
            changed = [T](repeating: 0, count: p.n * p.tracked)
        }
    }

    /// Loss at θ* + a·d1 + b·d2, all chunks in order. With `record`, writes the pattern to
    /// `centre`; otherwise compares against it (into `scratch.changed`).
    func loss(_ a: T, _ b: T, _ s: inout Scratch, centre: inout [T], record: Bool) -> Double {
        perturb(a, b, &s)
        var total = 0.0
        var start = 0
        while start < n {
            let m = min(chunk, n - start)
            total += evaluateChunk(start, m, a, b, &s, centre: &centre, record: record).sum
            start += m
        }
        return normalise(total)
    }

    /// The mean from the sum of per-sample terms.
    func normalise(_ total: Double) -> Double {
        switch objective {
        case .meanSquaredError: total / Double(max(n * layers.last!.outputs, 1))
        case .crossEntropy: total / Double(max(n, 1))
        }
    }

    /// The point's perturbed biases (every layer) and weights (layers above the first) into `s`.
    func perturb(_ a: T, _ b: T, _ s: inout Scratch) {
        for l in layers.indices {
            let (w, bias) = (layers[l].weights, layers[l].bias)
            let (w1, b1, w2, b2) = (dir1[l].weights, dir1[l].bias, dir2[l].weights, dir2[l].bias)
            if l > 0 {
                s.weights[l].withUnsafeMutableBufferPointer { p in
                    for i in w.indices { p[i] = w[i] + a * w1[i] + b * w2[i] }
                }
            }
            s.biases[l].withUnsafeMutableBufferPointer { p in
                for j in bias.indices { p[j] = bias[j] + a * b1[j] + b * b2[j] }
            }
        }
    }

    /// Σ of the objective's terms over samples start..<start+m at the perturbed parameters in
    /// `s`, and whether any tracked pre-activation's sign differs from the centre's (1) or not (0).
    func evaluateChunk(_ start: Int, _ m: Int, _ a: T, _ b: T, _ s: inout Scratch, centre: inout [T], record: Bool)
        -> (sum: Double, flips: UInt8)
    {
        var differs: UInt8 = 0
        var total = 0.0
        let o1 = layers[0].outputs
        first.withUnsafeBufferPointer { fp in
            y.withUnsafeBufferPointer { yp in
                centre.withUnsafeMutableBufferPointer { cp in
                    s.changed.withUnsafeMutableBufferPointer { chp in
                        s.h.withUnsafeMutableBufferPointer { hb in
                            s.z.withUnsafeMutableBufferPointer { zb in
                                var h = hb.baseAddress!, z = zb.baseAddress!
                                // Layer 1 from the precomputed products.
                                let (va, vb) = (SIMD8<T>(repeating: a), SIMD8<T>(repeating: b))
                                s.biases[0].withUnsafeBufferPointer { bp in
                                    for i in 0..<m {
                                        let r = fp.baseAddress! + (start + i) * 3 * o1, out = z + i * o1
                                        var j = 0
                                        while j + 8 <= o1 {
                                            store8(load8(r + j) + va * load8(r + o1 + j) + vb * load8(r + 2 * o1 + j) + load8(bp.baseAddress! + j), out + j)
                                            j += 8
                                        }
                                        while j < o1 { out[j] = r[j] + a * r[o1 + j] + b * r[2 * o1 + j] + bp[j]; j += 1 }
                                    }
                                }
                                for l in layers.indices {
                                    let layer = layers[l], o = layer.outputs
                                    // Layers above: the one dense-layer forward's product and bias with the
                                    // point's weights, the signs compared, then its σ.
                                    if l > 0 {
                                        s.weights[l].withUnsafeBufferPointer { wp in
                                            s.biases[l].withUnsafeBufferPointer { bp in
                                                DenseForward.affine(
                                                    UnsafePointer(h), rows: m, inputs: layer.inputs, weights: wp.baseAddress!,
                                                    outputs: o, bias: bp.baseAddress!, into: z)
                                            }
                                        }
                                    }
                                    if let off = offsets[l] {
                                        for i in 0..<m {
                                            let base = (start + i) * tracked + off
                                            if trackSigns(
                                                z + i * o, o, centre: cp.baseAddress! + base, changed: chp.baseAddress! + base,
                                                record: record) > 0
                                            {
                                                differs = 1
                                            }
                                        }
                                    }
                                    DenseForward.activate(z, count: m * o, layer.activation)
                                    swap(&h, &z)
                                }
                                total = chunkLoss(UnsafePointer(h), yp.baseAddress! + start * layers.last!.outputs, m)
                            }
                        }
                    }
                }
            }
        }
        return (total, differs)
    }

    /// Σ of the objective's per-sample terms over m output rows.
    @inline(__always)
    func chunkLoss(_ p: UnsafePointer<T>, _ t: UnsafePointer<T>, _ m: Int) -> Double {
        let c = layers.last!.outputs
        var sum = 0.0
        switch objective {
        case .meanSquaredError:
            for i in 0..<(m * c) { let e = Double(p[i]) - Double(t[i]); sum += e * e }
        case .crossEntropy:
            for i in 0..<m {
                let row = p + i * c, target = t + i * c
                var top = row[0]
                for k in 1..<c where row[k] > top { top = row[k] }
                var z = 0.0
                for k in 0..<c { z += Double(T.exp(row[k] - top)) }
                let logZ = Double(top) + Foundation.log(z)
                for k in 0..<c where target[k] != 0 { sum -= Double(target[k]) * (Double(row[k]) - logZ) }
            }
        }
        return sum
    }
}
