import Autograd
import Tensor

// The hot loop of `TrajectoryLength.measure`. The curve's rows are split into two halves, one per
// thread; each half goes through the network a chunk of rows at a time, all layers deep, so a
// chunk stays in cache from its product to its bias, activation and segment lengths. Chunks are
// small enough that OpenBLAS runs each product on the calling thread. Segments that cross a
// chunk or half boundary are measured from the rows kept at each layer. Networks too wide for
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
    let threads = n >= 4 * chunk ? probeThreads : 1
    let bounds = (0...threads).map { $0 * n / threads }
    // Per thread: each level's sum, and its first and last rows (flat, `widest` apart).
    var sums = [[Double]](repeating: [], count: threads)
    var firsts = [[T]](repeating: [], count: threads), lasts = firsts
    curve.scalars.withUnsafeBufferPointer { cp in
        sums.withUnsafeMutableBufferPointer { sp in
            firsts.withUnsafeMutableBufferPointer { fp in
                lasts.withUnsafeMutableBufferPointer { lp in
                    onThreads(threads) { t in
                        var sum = [Double](repeating: 0, count: depth)
                        var first = [T](repeating: 0, count: depth * widest), last = first
                        var buffers = [T](repeating: 0, count: 2 * chunk * widest)
                        sum.withUnsafeMutableBufferPointer { sum in
                            first.withUnsafeMutableBufferPointer { first in
                                last.withUnsafeMutableBufferPointer { last in
                                    buffers.withUnsafeMutableBufferPointer { buf in
                                        var start = bounds[t]
                                        // Rows of level `level` (0 = the curve): inner segments, the segment from
                                        // the previous chunk's last row, and this chunk's last row kept.
                                        func measure(_ rows: UnsafePointer<T>, _ m: Int, _ w: Int, _ level: Int) {
                                            let keep = last.baseAddress! + level * widest
                                            if start == bounds[t] {
                                                (first.baseAddress! + level * widest).update(from: rows, count: w)
                                            } else {
                                                sum[level] += distance(UnsafePointer(keep), rows, w)
                                            }
                                            var s = 0.0
                                            for i in 1..<max(m, 1) { s += distance(rows + (i - 1) * w, rows + i * w, w) }
                                            sum[level] += s
                                            keep.update(from: rows + (m - 1) * w, count: w)
                                        }
                                        while start < bounds[t + 1] {
                                            let m = min(chunk, bounds[t + 1] - start)
                                            var h = cp.baseAddress! + start * d
                                            measure(h, m, d, 0)
                                            var z = buf.baseAddress!, spare = buf.baseAddress! + chunk * widest
                                            for (l, layer) in layers.enumerated() {
                                                layer.forward(h, rows: m, into: z)
                                                measure(z, m, layer.outputs, l + 1)
                                                h = UnsafePointer(z)
                                                swap(&z, &spare)
                                            }
                                            start += m
                                        }
                                    }
                                }
                            }
                        }
                        sp[t] = sum
                        fp[t] = first
                        lp[t] = last
                    }
                }
            }
        }
    }
    let widths = [d] + layers.map(\.outputs)
    return (0..<depth).map { level in
        let w = widths[level]
        var total = sums[0][level]
        for t in 1..<threads {
            total += distance(lasts[t - 1], level * widest, firsts[t], level * widest, w) + sums[t][level]
        }
        if closed { total += distance(lasts[threads - 1], level * widest, firsts[0], level * widest, w) }
        return total
    }
}

/// The distance between rows of two flat arrays.
func distance<T: TensorScalar>(_ a: [T], _ i: Int, _ b: [T], _ j: Int, _ w: Int) -> Double {
    a.withUnsafeBufferPointer { ap in b.withUnsafeBufferPointer { bp in distance(ap.baseAddress! + i, bp.baseAddress! + j, w) } }
}

/// For networks too wide for single-threaded chunks: one (threaded) gemm per layer over all rows,
/// then one fused pass on two threads.
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
