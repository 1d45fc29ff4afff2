import Autograd
import Tensor

/// An MLP's affine layers as plain row-major arrays, for the probes' hot loops.
///
/// Theory is built with library evolution: generic code called from a notebook runs
/// unspecialised, paying a witness call per element. The probes therefore unpack a network
/// once into these arrays and run loops that the non-generic `…Float` / `…Double` entry points
/// specialise (the pattern of Sources/Numerics/Tensor/Specialization.swift); a layer itself is computed
/// by Autograd's `DenseForward`, the same loops as `MLP`'s forward pass. NTK-parametrised
/// layers have their forward multipliers folded into W and b here (the landscape perturbs W
/// as one array), so the probes pass weightScale 1.
struct PlainLayer<T: TensorScalar> {
    /// W as [outputs, inputs], row i the incoming weights of output neuron i.
    var weights: [T]
    var bias: [T]
    var inputs: Int
    var outputs: Int
    var activation: Activation

    /// The network's layers, or nil if an activation has no concrete kernel here (callers then
    /// take their generic path).
    static func unpack(_ net: MLP<T>) -> [PlainLayer<T>]? {
        var layers: [PlainLayer<T>] = []
        var k = 0
        for layer in net.layers {
            guard PlainLayer.supports(layer.activation) else { return nil }
            let w = net.parameters[k].scalars
            let ws = T(layer.weightScale), bs = T(layer.biasScale)
            let bias = layer.hasBias ? net.parameters[k + 1].scalars : [T](repeating: 0, count: layer.outputs)
            layers.append(
                PlainLayer(
                    weights: ws == 1 ? w : w.map { ws * $0 }, bias: bs == 1 ? bias : bias.map { bs * $0 },
                    inputs: layer.inputs, outputs: layer.outputs, activation: layer.activation))
            k += layer.parameterCount
        }
        return layers
    }

    /// Whether the one dense-layer forward (Autograd's `DenseForward`) has a loop for `a`.
    static func supports(_ a: Activation) -> Bool { DenseForward.hasKernel(a) }

    /// σ(h·Wᵀ + b) for m rows of h into z, through the one dense-layer forward.
    @inline(__always)
    func forward(_ h: UnsafePointer<T>, rows m: Int, into z: UnsafeMutablePointer<T>) {
        weights.withUnsafeBufferPointer { wp in
            bias.withUnsafeBufferPointer { bp in
                DenseForward.layer(
                    h, rows: m, inputs: inputs, weights: wp.baseAddress!, outputs: outputs, bias: bp.baseAddress!,
                    activation: activation, into: z)
            }
        }
    }
}

@inline(__always) func load8<T: TensorScalar>(_ p: UnsafePointer<T>) -> SIMD8<T> { UnsafeRawPointer(p).loadUnaligned(as: SIMD8<T>.self) }
@inline(__always) func store8<T: TensorScalar>(_ v: SIMD8<T>, _ p: UnsafeMutablePointer<T>) {
    UnsafeMutableRawPointer(p).storeBytes(of: v, as: SIMD8<T>.self)
}

/// Compares the signs of a row of o pre-activations with a pattern (0/1 in the scalar type).
/// With `record`, writes the signs to `centre`; otherwise adds 1 to `changed` where a sign
/// differs from `centre`'s. Returns 1 if any sign differed, else 0.
///
/// The loops are branch-free selects and plain SIMD arithmetic that LLVM vectorises (a sign
/// test written as a branch is a coin flip the predictor loses).
@inline(__always)
func trackSigns<T: TensorScalar>(
    _ z: UnsafePointer<T>, _ o: Int, centre: UnsafeMutablePointer<T>, changed: UnsafeMutablePointer<T>,
    record: Bool
) -> Int {
    if record {
        for j in 0..<o { centre[j] = z[j] > 0 ? 1 : 0 }
        return 0
    }
    // Signs as 0/1 first (a vectorised select), then (on − centre)² counts flips.
    return withUnsafeTemporaryAllocation(of: T.self, capacity: o) { buffer in
        let on = buffer.baseAddress!
        for j in 0..<o { on[j] = z[j] > 0 ? 1 : 0 }
        var sum = SIMD8<T>(repeating: 0)
        var j = 0
        while j + 8 <= o {
            let d = load8(on + j) - load8(centre + j), f = d * d
            store8(load8(changed + j) + f, changed + j)
            sum = sum + f
            j += 8
        }
        var tail: T = 0
        while j < o { let d = on[j] - centre[j]; changed[j] = changed[j] + d * d; tail = tail + d * d; j += 1 }
        return sum.sum() + tail > 0 ? 1 : 0
    }
}

/// Runs `body(t)` for t in 0..<threads on that many threads (inline when 1), on Tensor's pool:
/// the products inside then run on their own thread instead of waking more threads than cores.
@inline(__always)
func onThreads(_ threads: Int, _ body: (Int) -> Void) {
    parallelTasks(threads, threads: threads, body)
}

/// Threads the probes use for their own loops: Tensor's count (the available cores or
/// `FOLIO_THREADS`). Results never depend on it: work is cut at places fixed by the data.
var probeThreads: Int { tensorThreads }
