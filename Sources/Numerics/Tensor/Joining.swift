/// Concatenate, stack, gather (NumPy `take`) and one-hot encoding.
extension Tensor {
    /// Tensors joined along an existing `axis`; all other sizes must agree.
    public static func concatenate(_ parts: [Tensor], axis: Int = 0) -> Tensor {
        guard let first = parts.first else { fatalError("concatenate: needs at least one tensor") }
        let a = normalizeAxis("concatenate", axis, rank: first.rank)
        for p in parts where p.rank != first.rank || p.shape[..<a] != first.shape[..<a] || p.shape[(a + 1)...] != first.shape[(a + 1)...] {
            fatalError("concatenate: shapes \(parts.map(\.shape)) differ off axis \(axis)")
        }
        let outer = first.shape[..<a].reduce(1, *), inner = first.shape[(a + 1)...].reduce(1, *)
        var out = [Scalar]()
        out.reserveCapacity(parts.reduce(0) { $0 + $1.count })
        for i in 0..<outer {
            for p in parts {
                let block = p.shape[a] * inner
                out.append(contentsOf: p.scalars[(i * block)..<((i + 1) * block)])
            }
        }
        var s = first.shape
        s[a] = parts.reduce(0) { $0 + $1.shape[a] }
        return Tensor(shape: s, scalars: out)
    }

    /// Tensors of one shape joined along a new `axis`.
    public static func stack(_ parts: [Tensor], axis: Int = 0) -> Tensor {
        guard let first = parts.first else { fatalError("stack: needs at least one tensor") }
        guard parts.allSatisfy({ $0.shape == first.shape }) else { fatalError("stack: shapes \(parts.map(\.shape)) differ") }
        let a = normalizeAxis("stack", axis, rank: first.rank + 1)
        return concatenate(parts.map { $0.expandingDims(at: a) }, axis: a)
    }

    /// The slices at `indices` along `axis` (NumPy `take`): the result's shape is this shape
    /// with `axis` replaced by the indices' shape. Negative indices count from the end.
    public func gather(_ indices: IntTensor, axis: Int = 0) -> Tensor {
        let a = normalizeAxis("gather", axis, rank: rank)
        let outer = shape[..<a].reduce(1, *), n = shape[a], inner = shape[(a + 1)...].reduce(1, *)
        let idx = indices.scalars.map { i -> Int in
            let k = i < 0 ? i + n : i
            guard k >= 0 && k < n else { fatalError("gather: index \(i) out of range 0..<\(n) on axis \(a) of shape \(shape)") }
            return k
        }
        var out = [Scalar]()
        out.reserveCapacity(outer * idx.count * inner)
        for i in 0..<outer {
            for k in idx { out.append(contentsOf: scalars[((i * n + k) * inner)..<((i * n + k + 1) * inner)]) }
        }
        return Tensor(shape: Array(shape[..<a]) + indices.shape + Array(shape[(a + 1)...]), scalars: out)
    }

    /// Rows of the identity: `labels` of shape s → shape s + [classes].
    public static func oneHot(_ labels: IntTensor, classes: Int) -> Tensor {
        var out: [Scalar] = filled(0, count: labels.count * classes)
        for (i, l) in labels.scalars.enumerated() {
            guard l >= 0 && l < classes else { fatalError("oneHot: label \(l) at flat index \(i) is outside 0..<\(classes)") }
            out[i * classes + l] = 1
        }
        return Tensor(shape: labels.shape + [classes], scalars: out)
    }
}
