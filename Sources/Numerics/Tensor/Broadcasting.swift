/// The one loop behind every elementwise binary operation: NumPy broadcasting of two flat
/// row-major operands into a new flat array. Equal shapes and scalar operands take flat,
/// vectorisable loops split across threads; other broadcasts walk strided offsets.
///
/// The operation is a type (`F: BinaryFunction`), not a closure: each use is specialised
/// with `F.apply` inlined into the loop, which a captured closure would prevent.
protocol BinaryFunction {
    associatedtype A
    associatedtype B
    associatedtype O
    static func apply(_ a: A, _ b: B) -> O
}

func broadcastZip<F: BinaryFunction>(
    _ name: String, _ aShape: [Int], _ a: [F.A], _ bShape: [Int], _ b: [F.B],
    _: F.Type
) -> (shape: [Int], scalars: [F.O]) {
    let shape = aShape == bShape ? aShape : broadcastShapes(name, aShape, bShape)
    let count = shape.reduce(1, *)
    let out = [F.O](unsafeUninitializedCapacity: count) { out, initialized in
        a.withUnsafeBufferPointer { pa in
            b.withUnsafeBufferPointer { pb in
                guard let po = out.baseAddress, let xa = pa.baseAddress, let xb = pb.baseAddress else { return }
                if aShape == bShape {
                    parallelChunks(count) { r in for i in r { (po + i).initialize(to: F.apply(xa[i], xb[i])) } }
                } else if pb.count == 1 && shape == aShape {
                    let y = xb[0]
                    parallelChunks(count) { r in for i in r { (po + i).initialize(to: F.apply(xa[i], y)) } }
                } else if pa.count == 1 && shape == bShape {
                    let x = xa[0]
                    parallelChunks(count) { r in for i in r { (po + i).initialize(to: F.apply(x, xb[i])) } }
                } else {
                    let sa = broadcastStrides(aShape, to: shape), sb = broadcastStrides(bShape, to: shape)
                    forEachOffset(shape, sa, sb, sa) { i, oa, ob, _ in (po + i).initialize(to: F.apply(xa[oa], xb[ob])) }
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
        return Tensor(shape: target, scalars: stridedCopy(scalars, base: 0, strides: broadcastStrides(shape, to: target), shape: target))
    }
}
