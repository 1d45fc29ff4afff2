import Autograd
import Tensor

/// Exact counting of the affine pieces of a ReLU network along a segment x(t) = a + t(b − a),
/// t ∈ [0, 1]. Layer by layer, every pre-activation is affine in t on each current piece, so its
/// zero (if inside the piece) is a breakpoint, computed in f64. Sampling can only undercount.
public enum LinearPieces {
    /// Breakpoints t in (0, 1), sorted, where some neuron switches; pieces = breakpoints + 1
    /// (adjacent pieces with the same pattern cannot occur: every breakpoint flips a neuron).
    public static func breakpoints(_ net: MLP<Double>, from a: [Double], to b: [Double]) -> [Double] {
        let d = a.count
        guard d == net.widths[0], b.count == d else { fatalError("LinearPieces: endpoints must have the input dimension \(net.widths[0])") }
        // Each piece carries the affine map t ↦ h(t) = c + t·s of the current layer's input.
        struct Piece { var lo, hi: Double; var c, s: [Double] }
        var pieces = [Piece(lo: 0, hi: 1, c: a, s: zip(b, a).map { $0 - $1 })]
        var k = 0
        for layer in net.layers.dropLast() {
            let w = net.parameters[k].scalars, bias = layer.hasBias ? net.parameters[k + 1].scalars : [Double](repeating: 0, count: layer.outputs)
            k += layer.parameterCount
            let (o, i) = (layer.outputs, layer.inputs)
            // Slope of the activation below zero: 0 for ReLU, a for leaky ReLU.
            let offSlope: Double
            switch layer.activation {
            case .relu: offSlope = 0
            case .leakyReLU(let a): offSlope = a
            default: fatalError("LinearPieces: needs ReLU or leaky-ReLU hidden layers, got \(layer.activation)")
            }
            var next: [Piece] = []
            for p in pieces {
                // Pre-activations z_j(t) = (W c + b)_j + t (W s)_j on [lo, hi].
                var zc = [Double](repeating: 0, count: o), zs = [Double](repeating: 0, count: o)
                for j in 0..<o {
                    var u = bias[j], v = 0.0
                    for q in 0..<i { u += w[j * i + q] * p.c[q]; v += w[j * i + q] * p.s[q] }
                    zc[j] = u; zs[j] = v
                }
                var cuts = [p.lo, p.hi]
                for j in 0..<o where zs[j] != 0 {
                    let t = -zc[j] / zs[j]
                    if t > p.lo && t < p.hi { cuts.append(t) }
                }
                cuts = Array(Set(cuts)).sorted()
                for (lo, hi) in zip(cuts, cuts.dropFirst()) {
                    let mid = (lo + hi) / 2
                    // On (lo, hi) each neuron is on or off throughout: kept, or scaled by the off slope.
                    var c = zc.map { $0 * offSlope }, s = zs.map { $0 * offSlope }
                    for j in 0..<o where zc[j] + mid * zs[j] > 0 { c[j] = zc[j]; s[j] = zs[j] }
                    next.append(Piece(lo: lo, hi: hi, c: c, s: s))
                }
            }
            pieces = next
        }
        return pieces.dropFirst().map(\.lo)
    }

    /// The number of linear pieces of a ReLU network on the segment from `a` to `b`: its
    /// breakpoints there plus one (exact, not sampled).
    ///
    /// - Parameters:
    ///   - net: A piecewise-linear network (ReLU, leaky ReLU, identity activations).
    ///   - a: The segment's start, in input space.
    ///   - b: The segment's end.
    /// - Returns: At least 1.
    public static func count(_ net: MLP<Double>, from a: [Double], to b: [Double]) -> Int {
        breakpoints(net, from: a, to: b).count + 1
    }

    /// Pieces seen by sampling `samples` equally spaced points: pattern changes + 1.
    public static func sampledCount(_ net: MLP<Double>, from a: [Double], to b: [Double], samples: Int) -> Int {
        let regions = ActivationRegions(net, points: Curves.segment(from: a, to: b, points: samples))
        var changes = 0
        for (x, y) in zip(regions.regionOfPoint, regions.regionOfPoint.dropFirst()) where x != y { changes += 1 }
        return changes + 1
    }
}
