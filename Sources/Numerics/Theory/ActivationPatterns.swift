import Autograd
import Tensor

/// ReLU activation patterns of a network over sample points: which hidden neurons are on.
/// Points with equal patterns lie in the same linear region (the network is affine there).
public struct ActivationRegions {
    /// Region index of every point, 0..<count, numbered in order of first appearance.
    public let regionOfPoint: [Int32]
    /// Number of distinct patterns among the points.
    public let count: Int

    /// Patterns of `net` at each row of `points`, computed in chunks through BLAS.
    /// Hidden layers must be ReLU-like (a neuron is "on" when its pre-activation is > 0).
    /// Work is done in f64 in concrete (non-generic) loops: generic code across a module
    /// boundary is not specialised and would pay a witness call per element.
    public init<T>(_ net: MLP<T>, points: Tensor<T>, chunk: Int = 256) {
        var layers: [PlainLayer<Double>] = []
        var k = 0
        for layer in net.layers.dropLast() {
            let w = net.parameters[k].scalars.map { Double($0) }.map { $0 * layer.weightScale }
            let b =
                layer.hasBias
                ? net.parameters[k + 1].scalars.map { Double($0) * layer.biasScale }
                : [Double](repeating: 0, count: layer.outputs)
            layers.append(PlainLayer(weights: w, bias: b, inputs: layer.inputs, outputs: layer.outputs, activation: layer.activation))
            k += layer.parameterCount
        }
        let doubles = T.self == Double.self ? unsafeBitCast(points.scalars, to: [Double].self) : points.scalars.map { Double($0) }
        (regionOfPoint, count) = Self.patterns(layers, points: doubles, dimension: points.shape[1], chunk: chunk)
    }

    /// Each point's pattern as bits (the threads over chunks of points; a chunk's products are
    /// small enough that OpenBLAS runs them on the calling thread), then region numbers in order
    /// of first appearance.
    private static func patterns(_ layers: [PlainLayer<Double>], points: [Double], dimension d: Int, chunk: Int) -> ([Int32], Int) {
        let n = points.count / max(d, 1)
        let words = max(1, (layers.reduce(0) { $0 + $1.outputs } + 63) / 64)
        let widest = max(d, layers.map(\.outputs).max() ?? 1)
        var bits = [UInt64](repeating: 0, count: n * words)
        let chunks = (n + chunk - 1) / chunk
        let threads = chunks > 1 ? min(probeThreads, chunks) : 1
        points.withUnsafeBufferPointer { pp in
            bits.withUnsafeMutableBufferPointer { bp in
                onThreads(threads) { t in
                    var hBuffer = [Double](repeating: 0, count: chunk * widest), zBuffer = hBuffer
                    hBuffer.withUnsafeMutableBufferPointer { hb in
                        zBuffer.withUnsafeMutableBufferPointer { zb in
                            for c in stride(from: t, to: chunks, by: threads) {
                                let start = c * chunk, m = min(chunk, n - start)
                                var h = UnsafeMutablePointer(mutating: pp.baseAddress! + start * d), z = zb.baseAddress!
                                var spare = hb.baseAddress!
                                var bit = 0
                                for layer in layers {
                                    let o = layer.outputs, plain = PlainLayer<Double>.supports(layer.activation)
                                    // The one dense-layer forward's product and bias, the signs read, then σ.
                                    layer.weights.withUnsafeBufferPointer { wp in
                                        layer.bias.withUnsafeBufferPointer { biasp in
                                            DenseForward.affine(
                                                UnsafePointer(h), rows: m, inputs: layer.inputs, weights: wp.baseAddress!,
                                                outputs: o, bias: biasp.baseAddress!, into: z)
                                        }
                                    }
                                    for i in 0..<m {
                                        let row = z + i * o, out = bp.baseAddress! + (start + i) * words
                                        // Bits gather in a register; memory is touched once per word.
                                        var word: UInt64 = 0, index = bit >> 6, shift = UInt64(bit & 63)
                                        for j in 0..<o {
                                            word |= (row[j] > 0 ? 1 : 0) &<< shift
                                            shift &+= 1
                                            if shift == 64 { out[index] |= word; word = 0; index &+= 1; shift = 0 }
                                        }
                                        if shift != 0 { out[index] |= word }
                                    }
                                    if plain {
                                        DenseForward.activate(z, count: m * o, layer.activation)
                                    } else {  // any other activation, through Autograd's kernel
                                        let out = layer.activation.apply(
                                            to: Tensor(shape: [m, o], scalars: Array(UnsafeBufferPointer(start: z, count: m * o))))
                                        out.scalars.withUnsafeBufferPointer { z.update(from: $0.baseAddress!, count: m * o) }
                                    }
                                    bit += o
                                    // The layer's output becomes the next input; the points are never written.
                                    h = z
                                    swap(&z, &spare)
                                }
                            }
                        }
                    }
                }
            }
        }
        var ids = [Int32](repeating: 0, count: n)
        // Patterns of up to 128 neurons hash as two words; wider ones as arrays.
        var small: [PatternKey: Int32] = [:]
        var large: [[UInt64]: Int32] = [:]
        for i in 0..<n {
            let next = Int32(small.count + large.count)
            if words <= 2 {
                let key = PatternKey(low: bits[i * words], high: words == 2 ? bits[i * words + 1] : 0)
                if let id = small[key] { ids[i] = id } else { small[key] = next; ids[i] = next }
            } else {
                let pattern = Array(bits[i * words..<(i + 1) * words])
                if let id = large[pattern] { ids[i] = id } else { large[pattern] = next; ids[i] = next }
            }
        }
        return (ids, small.count + large.count)
    }

    struct PatternKey: Hashable { var low, high: UInt64 }

    /// One value in [0, 1) per point, equal within a region and scattered between regions
    /// (a hash of the region index), for drawing a region map through a colormap so that
    /// neighbouring regions get visibly different shades.
    public func shades(seed: UInt64 = 0) -> [Double] {
        var table = [Double](repeating: 0, count: count)
        for r in 0..<count {
            var z = UInt64(r) &+ seed &* 0x9E3779B97F4A7C15 &+ 0x9E3779B97F4A7C15
            z = (z ^ (z >> 30)) &* 0xBF58476D1CE4E5B9
            z = (z ^ (z >> 27)) &* 0x94D049BB133111EB
            table[r] = Double((z ^ (z >> 31)) >> 11) / Double(1 << 53)
        }
        return regionOfPoint.map { table[Int($0)] }
    }

    /// A regular grid over [lo, hi]² with `resolution`² cell centres, row by row from the
    /// bottom (row 0 at y = lo), x along columns — the layout of Plot's heatmaps and contours
    /// and of `LossLandscape.Surface`.
    public static func grid<T: TensorScalar>(resolution: Int, lo: Double, hi: Double, as _: T.Type = Double.self) -> Tensor<T> {
        var xs: [T] = []
        xs.reserveCapacity(resolution * resolution * 2)
        for r in 0..<resolution {
            let y = lo + (hi - lo) * (Double(r) + 0.5) / Double(resolution)
            for c in 0..<resolution {
                xs.append(T(lo + (hi - lo) * (Double(c) + 0.5) / Double(resolution))); xs.append(T(y))
            }
        }
        return Tensor(shape: [resolution * resolution, 2], scalars: xs)
    }
}
