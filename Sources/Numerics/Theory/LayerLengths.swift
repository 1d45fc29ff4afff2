import Autograd
import Tensor

// The hot loop of `TrajectoryLength.measure`. The curve's rows are split into two halves and each
// half into chunks; the chunks are shared among the threads, each going through the network all
// layers deep, so a chunk stays in cache from its product to its bias, activation and segment
// lengths. Chunks are small enough that OpenBLAS runs each product on the calling thread.
// Segments that cross a chunk or half boundary are measured from the rows kept at each layer. Networks too wide for
// such chunks go layer by layer instead (one threaded gemm per layer, then a fused pass).

func layerLengthsFloat(_ net: MLP<Float>, _ curve: Tensor<Float>, _ closed: Bool) -> [Double] { layerLengths(net, curve, closed) }
func layerLengthsDouble(_ net: MLP<Double>, _ curve: Tensor<Double>, _ closed: Bool) -> [Double] { layerLengths(net, curve, closed) }
func polylineFloat(_ p: Tensor<Float>, _ closed: Bool) -> Double { polylineLength(p.scalars, n: p.shape[0], d: p.shape[1], closed: closed) }
func polylineDouble(_ p: Tensor<Double>, _ closed: Bool) -> Double { polylineLength(p.scalars, n: p.shape[0], d: p.shape[1], closed: closed) }

func layerLengths<T: TensorScalar>(_ net: MLP<T>, _ curve: Tensor<T>, _ closed: Bool) -> [Double] {
    guard let layers = PlainLayer.unpack(net) else {
        return [TrajectoryLength.polyline(curve, closed: closed)]
            + net.layerOutputs(curve).map { TrajectoryLength.polyline($0, closed: closed) }
    }
    let (n, d) = (curve.shape[0], curve.shape[1])
    let largest = layers.map { $0.inputs * $0.outputs }.max() ?? 1
    // OpenBLAS multithreads a product above 65 536·4 multiply-adds; stay below it per call.
    let chunk = (1 << 18) / max(largest, 1)
    guard chunk >= 16, n >= 2 else { return layerByLayerLengths(layers, curve, closed) }
    let depth = layers.count + 1, widest = max(d, layers.map(\.outputs).max() ?? 1)
    // Two fixed halves (one when the curve is short), each cut into chunks from its start: where
    // the cuts fall, and the order the sums are added in, depend on the curve alone, never on
    // the thread count, so the lengths are the same bits on any machine.
    let parts = n >= 4 * chunk ? 2 : 1
    let bounds = (0...parts).map { $0 * n / parts }
    let blocks: [Range<Int>] = (0..<parts).flatMap { p in
        stride(from: bounds[p], to: bounds[p + 1], by: chunk).map { $0..<min($0 + chunk, bounds[p + 1]) }
    }
    // Per block: each level's inner sum, and its first and last rows (flat, `widest` apart).
    var inner = [Double](repeating: 0, count: blocks.count * depth)
    var firsts = [T](repeating: 0, count: blocks.count * depth * widest), lasts = firsts
    let threads = min(probeThreads, blocks.count)
    curve.scalars.withUnsafeBufferPointer { cp in
        inner.withUnsafeMutableBufferPointer { ip in
            firsts.withUnsafeMutableBufferPointer { fp in
                lasts.withUnsafeMutableBufferPointer { lp in
                    onThreads(threads) { t in
                        var buffers = [T](repeating: 0, count: 2 * chunk * widest)
                        buffers.withUnsafeMutableBufferPointer { buf in
                            for b in stride(from: t, to: blocks.count, by: threads) {
                                let rows = blocks[b], m = rows.count
                                func measure(_ h: UnsafePointer<T>, _ w: Int, _ level: Int) {
                                    let slot = (b * depth + level) * widest
                                    (fp.baseAddress! + slot).update(from: h, count: w)
                                    (lp.baseAddress! + slot).update(from: h + (m - 1) * w, count: w)
                                    var s = 0.0
                                    for i in 1..<max(m, 1) { s += distance(h + (i - 1) * w, h + i * w, w) }
                                    ip[b * depth + level] = s
                                }
                                var h = cp.baseAddress! + rows.lowerBound * d
                                measure(h, d, 0)
                                var z = buf.baseAddress!, spare = buf.baseAddress! + chunk * widest
                                for (l, layer) in layers.enumerated() {
                                    layer.forward(h, rows: m, into: z)
                                    measure(z, layer.outputs, l + 1)
                                    h = UnsafePointer(z)
                                    swap(&z, &spare)
                                }
                            }
                        }
                    }
                }
            }
        }
    }
    let widths = [d] + layers.map(\.outputs)
    return (0..<depth).map { level in
        let w = widths[level]
        func row(_ b: Int) -> Int { (b * depth + level) * widest }
        // Each half: its chunks' inner sums with the segments joining them, in order.
        var halves: [Double] = [], firstBlock = 0
        for p in 0..<parts {
            var sum = 0.0
            var b = firstBlock
            while b < blocks.count && blocks[b].upperBound <= bounds[p + 1] {
                if b > firstBlock { sum += distance(lasts, row(b - 1), firsts, row(b), w) }
                sum += inner[b * depth + level]
                b += 1
            }
            halves.append(sum)
            firstBlock = b
        }
        let lastOfHalf0 = blocks.firstIndex { $0.upperBound == bounds[1] }!
        var total = halves[0]
        if parts == 2 {
            total += distance(lasts, row(lastOfHalf0), firsts, row(lastOfHalf0 + 1), w) + halves[1]
        }
        if closed { total += distance(lasts, row(blocks.count - 1), firsts, row(0), w) }
        return total
    }
}

/// The distance between rows of two flat arrays.
func distance<T: TensorScalar>(_ a: [T], _ i: Int, _ b: [T], _ j: Int, _ w: Int) -> Double {
    a.withUnsafeBufferPointer { ap in b.withUnsafeBufferPointer { bp in distance(ap.baseAddress! + i, bp.baseAddress! + j, w) } }
}

/// For networks too wide for single-threaded chunks: one (threaded) gemm per layer over all rows,
/// then one fused pass on up to two threads (two fixed halves).
func layerByLayerLengths<T: TensorScalar>(_ layers: [PlainLayer<T>], _ curve: Tensor<T>, _ closed: Bool) -> [Double] {
    let (n, d) = (curve.shape[0], curve.shape[1])
    var lengths = [polylineLength(curve.scalars, n: n, d: d, closed: closed)]
    let widest = layers.map(\.outputs).max() ?? 0
    // Two buffers reused by every layer: input and output swap roles.
    var h = curve.scalars + [T](repeating: 0, count: max(0, n * widest - n * d))
    var z = [T](repeating: 0, count: n * widest)
    for layer in layers {
        let o = layer.outputs
        h.withUnsafeBufferPointer { hp in
            layer.weights.withUnsafeBufferPointer { wp in
                z.withUnsafeMutableBufferPointer { zp in
                    // The product alone here (threaded by OpenBLAS); bias and σ follow on our threads.
                    DenseForward.affine(
                        hp.baseAddress!, rows: n, inputs: layer.inputs, weights: wp.baseAddress!, outputs: o,
                        bias: nil, into: zp.baseAddress!)
                    lengths.append(
                        activateAndMeasure(
                            zp.baseAddress!, rows: n, width: o, bias: layer.bias,
                            layer.activation, closed: closed))
                }
            }
        }
        swap(&h, &z)
    }
    return lengths
}

/// Adds the bias, applies σ (the second half of the one dense-layer forward) and returns the
/// polyline length of the rows, in place.
/// The rows are split into two fixed halves (whatever the thread count), so the sum's order,
/// and hence the result, is always the same.
func activateAndMeasure<T: TensorScalar>(
    _ z: UnsafeMutablePointer<T>, rows n: Int, width o: Int, bias: [T],
    _ activation: Activation, closed: Bool
) -> Double {
    guard n > 0 else { return 0 }
    let parts = n * o >= 1 << 14 && n >= 4 ? 2 : 1
    let bounds = (0...parts).map { $0 * n / parts }
    var partial = [Double](repeating: 0, count: parts)
    bias.withUnsafeBufferPointer { bp in
        partial.withUnsafeMutableBufferPointer { out in
            let b = bp.baseAddress!
            onThreads(parts) { t in
                DenseForward.finish(z + bounds[t] * o, rows: bounds[t + 1] - bounds[t], outputs: o, bias: b, activation: activation)
                var sum = 0.0
                for i in bounds[t]..<bounds[t + 1] where i > bounds[t] { sum += distance(z + (i - 1) * o, z + i * o, o) }
                out[t] = sum
            }
        }
    }
    var total = partial[0]
    for t in 1..<parts { total += distance(z + (bounds[t] - 1) * o, z + bounds[t] * o, o) + partial[t] }
    if closed && n > 1 { total += distance(z + (n - 1) * o, z, o) }
    return total
}

func polylineLength<T: TensorScalar>(_ p: [T], n: Int, d: Int, closed: Bool) -> Double {
    guard n > 1 else { return 0 }
    return p.withUnsafeBufferPointer { pp in
        let base = pp.baseAddress!
        var total = 0.0
        for i in 1..<n { total += distance(base + (i - 1) * d, base + i * d, d) }
        if closed { total += distance(base + (n - 1) * d, base, d) }
        return total
    }
}

/// Euclidean distance of two rows, differences and sums in f64, eight lanes at a time.
@inline(__always)
func distance<T: TensorScalar>(_ a: UnsafePointer<T>, _ b: UnsafePointer<T>, _ d: Int) -> Double {
    var acc = SIMD8<Double>(repeating: 0)
    var k = 0
    while k + 8 <= d {
        let e = SIMD8<Double>(load8(a + k)) - SIMD8<Double>(load8(b + k))
        acc = acc + e * e
        k += 8
    }
    var s = acc.sum()
    while k < d { let e = Double(a[k]) - Double(b[k]); s += e * e; k += 1 }
    return s.squareRoot()
}
