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
    public init<T>(_ net: MLP<T>, points: Tensor<T>, chunk: Int = 8192) {
        let n = points.shape[0], d = points.shape[1]
        var ids: [Int32] = []
        ids.reserveCapacity(n)
        var table: [[UInt64]: Int32] = [:]
        let hiddenWidths = net.widths.dropFirst().dropLast()
        let words = (hiddenWidths.reduce(0, +) + 63) / 64
        var start = 0
        while start < n {
            let m = min(chunk, n - start)
            var h = Tensor(shape: [m, d], scalars: Array(points.scalars[start * d..<(start + m) * d]))
            var bits = [[UInt64]](repeating: [UInt64](repeating: 0, count: words), count: m)
            var bit = 0
            var k = 0
            for layer in net.layers.dropLast() {
                let w = net.parameters[k], b = layer.hasBias ? net.parameters[k + 1] : nil
                k += layer.parameterCount
                var z = matmul(h, w.transposed()).scalars
                let o = layer.outputs
                if let b { for i in 0..<m { for j in 0..<o { z[i * o + j] += b.scalars[j] } } }
                for i in 0..<m {
                    for j in 0..<o where z[i * o + j] > 0 { bits[i][(bit + j) / 64] |= 1 << UInt64((bit + j) % 64) }
                }
                bit += o
                h = layer.activation.apply(to: Tensor(shape: [m, o], scalars: z))
            }
            for pattern in bits {
                if let id = table[pattern] { ids.append(id) } else {
                    let id = Int32(table.count)
                    table[pattern] = id
                    ids.append(id)
                }
            }
            start += m
        }
        regionOfPoint = ids
        count = table.count
    }

    /// A regular grid over [lo, hi]² with `resolution`² points, row by row from the top
    /// (y = hi first), x along columns — the layout images use.
    public static func grid<T: TensorScalar>(resolution: Int, lo: Double, hi: Double, as _: T.Type = Double.self) -> Tensor<T> {
        var xs: [T] = []
        xs.reserveCapacity(resolution * resolution * 2)
        for r in 0..<resolution {
            let y = hi - (hi - lo) * (Double(r) + 0.5) / Double(resolution)
            for c in 0..<resolution {
                xs.append(T(lo + (hi - lo) * (Double(c) + 0.5) / Double(resolution))); xs.append(T(y))
            }
        }
        return Tensor(shape: [resolution * resolution, 2], scalars: xs)
    }
}
