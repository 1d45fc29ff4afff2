import Autograd
import Tensor

// The hot loop of `TrajectoryLength.measure`: one gemm per layer (OpenBLAS threads it), then
// one fused pass over its output — bias, activation and the polyline's segment lengths — split
// over two threads while the rows are still in cache. No per-layer tensors, no generic calls.

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
                    T.gemm(transA: false, transB: true, m: n, n: o, k: layer.inputs, alpha: 1, a: hp.baseAddress!, lda: layer.inputs,
                           b: wp.baseAddress!, ldb: layer.inputs, beta: 0, c: zp.baseAddress!, ldc: o)
                    lengths.append(activateAndMeasure(zp.baseAddress!, rows: n, width: o, bias: layer.bias,
                                                      layer.activation, closed: closed))
                }
            }
        }
        swap(&h, &z)
    }
    return lengths
}

/// Adds the bias, applies σ and returns the polyline length of the rows, in place.
/// The rows are split into two fixed halves (whatever the thread count), so the sum's order,
/// and hence the result, is always the same.
func activateAndMeasure<T: TensorScalar>(_ z: UnsafeMutablePointer<T>, rows n: Int, width o: Int, bias: [T],
                                         _ activation: Activation, closed: Bool) -> Double {
    guard n > 0 else { return 0 }
    let parts = n * o >= 1 << 14 && n >= 4 ? 2 : 1
    let bounds = (0...parts).map { $0 * n / parts }
    var partial = [Double](repeating: 0, count: parts)
    bias.withUnsafeBufferPointer { bp in
        partial.withUnsafeMutableBufferPointer { out in
            let b = bp.baseAddress!
            onThreads(parts) { t in
                var sum = 0.0
                for i in bounds[t]..<bounds[t + 1] {
                    let row = z + i * o
                    _ = trackActivate(row, bias: b, o, activation, centre: nil, changed: nil, record: false)
                    if i > bounds[t] { sum += distance(row - o, row, o) }
                }
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
