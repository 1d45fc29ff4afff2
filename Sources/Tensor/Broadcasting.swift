/// The one loop behind every elementwise binary operation: NumPy broadcasting of two flat
/// row-major operands into a new flat array. Equal shapes and scalar operands take flat,
/// vectorisable loops split across threads; other broadcasts walk strided offsets.
///
/// `@inline(__always)` so each call site specialises it for its element types and its
/// operation closure (the closure is inlined into the loop, not called per element).
@inline(__always)
func broadcastZip<A, B, O>(_ name: String, _ aShape: [Int], _ a: [A], _ bShape: [Int], _ b: [B],
                           _ f: (A, B) -> O) -> (shape: [Int], scalars: [O]) {
    let shape = aShape == bShape ? aShape : broadcastShapes(name, aShape, bShape)
    let count = shape.reduce(1, *)
    let out = [O](unsafeUninitializedCapacity: count) { out, initialized in
        a.withUnsafeBufferPointer { pa in
            b.withUnsafeBufferPointer { pb in
                let po = out.baseAddress!
                if aShape == bShape {
                    parallelChunks(count) { r in for i in r { (po + i).initialize(to: f(pa[i], pb[i])) } }
                } else if pb.count == 1 && shape == aShape {
                    let y = pb[0]
                    parallelChunks(count) { r in for i in r { (po + i).initialize(to: f(pa[i], y)) } }
                } else if pa.count == 1 && shape == bShape {
                    let x = pa[0]
                    parallelChunks(count) { r in for i in r { (po + i).initialize(to: f(x, pb[i])) } }
                } else {
                    let sa = broadcastStrides(aShape, to: shape), sb = broadcastStrides(bShape, to: shape)
                    forEachOffset(shape, sa, sb, sa) { i, oa, ob, _ in (po + i).initialize(to: f(pa[oa], pb[ob])) }
                }
            }
        }
        initialized = count
    }
    return (shape, out)
}

extension Tensor {
    /// This tensor repeated along broadcast axes to `shape` (NumPy `broadcast_to`, as a copy).
    public func broadcast(to target: [Int]) -> Tensor {
        let joined = broadcastShapes("broadcast(to:)", shape, target)
        guard joined == target else {
            fatalError("broadcast(to:): shape \(shape) cannot be broadcast to \(target)")
        }
        if shape == target { return self }
        let s = broadcastStrides(shape, to: target)
        var out = [Scalar](repeating: 0, count: target.reduce(1, *))
        scalars.withUnsafeBufferPointer { p in
            forEachOffset(target, s, s, s) { i, o, _, _ in out[i] = p[o] }
        }
        return Tensor(shape: target, scalars: out)
    }
}
