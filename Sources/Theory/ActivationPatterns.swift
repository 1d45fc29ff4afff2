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
    public init<T>(_ net: MLP<T>, points: Tensor<T>, chunk: Int = 8192) {
        var layers: [(weightT: Tensor<Double>, bias: [Double]?, activation: Activation)] = []
        var k = 0
        for layer in net.layers.dropLast() {
            let w = net.parameters[k].transposed()
            layers.append((Tensor(shape: w.shape, scalars: w.scalars.map { Double($0) }),
                           layer.hasBias ? net.parameters[k + 1].scalars.map { Double($0) } : nil, layer.activation))
            k += layer.parameterCount
        }
        let doubles = points.scalars.map { Double($0) }
        (regionOfPoint, count) = Self.patterns(layers, points: doubles, dimension: points.shape[1], chunk: chunk)
    }

    private static func patterns(_ layers: [(weightT: Tensor<Double>, bias: [Double]?, activation: Activation)],
                                 points: [Double], dimension d: Int, chunk: Int) -> ([Int32], Int) {
        let n = points.count / max(d, 1)
        let words = max(1, (layers.reduce(0) { $0 + $1.weightT.shape[1] } + 63) / 64)
        var ids: [Int32] = []
        ids.reserveCapacity(n)
        // Patterns of up to 128 neurons hash as two words; wider ones as arrays.
        var small: [PatternKey: Int32] = [:]
        var large: [[UInt64]: Int32] = [:]
        var start = 0
        while start < n {
            let m = min(chunk, n - start)
            var h = Tensor(shape: [m, d], scalars: Array(points[start * d..<(start + m) * d]))
            var bits = [UInt64](repeating: 0, count: m * words)
            var bit = 0
            for layer in layers {
                let o = layer.weightT.shape[1]
                var z = matmul(h, layer.weightT).scalars
                z.withUnsafeMutableBufferPointer { zp in
                    bits.withUnsafeMutableBufferPointer { bp in
                        if let b = layer.bias {
                            b.withUnsafeBufferPointer { bb in
                                for i in 0..<m { for j in 0..<o { zp[i * o + j] += bb[j] } }
                            }
                        }
                        for i in 0..<m {
                            for j in 0..<o where zp[i * o + j] > 0 {
                                bp[i * words + (bit + j) / 64] |= 1 << UInt64((bit + j) % 64)
                            }
                        }
                    }
                }
                bit += o
                h = layer.activation.apply(to: Tensor(shape: [m, o], scalars: z))
            }
            for i in 0..<m {
                let next = Int32(small.count + large.count)
                if words <= 2 {
                    let key = PatternKey(low: bits[i * words], high: words == 2 ? bits[i * words + 1] : 0)
                    if let id = small[key] { ids.append(id) } else { small[key] = next; ids.append(next) }
                } else {
                    let pattern = Array(bits[i * words..<(i + 1) * words])
                    if let id = large[pattern] { ids.append(id) } else { large[pattern] = next; ids.append(next) }
                }
            }
            start += m
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
