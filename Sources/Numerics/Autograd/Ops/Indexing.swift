import Tensor

extension Variable {
    /// Elements `range` of a 1-D variable (to split a flat parameter vector into tensors).
    public func selecting(_ range: Range<Int>) -> Variable {
        guard shape.count == 1, range.lowerBound >= 0, range.upperBound <= shape[0] else {
            fatalError("selecting(\(range)): needs a 1-D variable covering the range, shape is \(shape)")
        }
        let n = shape[0]
        return Variable(Tensor(shape: [range.count], scalars: Array(value.scalars[range])), op: "select", parents: [self]) { g in
            [g.padded(before: range.lowerBound, after: n - range.upperBound)]
        }
    }

    /// A 1-D variable with zeros added on both sides (the adjoint of `selecting`).
    public func padded(before: Int, after: Int) -> Variable {
        guard shape.count == 1 else { fatalError("padded: needs a 1-D variable, shape is \(shape)") }
        let n = shape[0]
        let out = [Scalar](repeating: 0, count: before) + value.scalars + [Scalar](repeating: 0, count: after)
        return Variable(Tensor(shape: [out.count], scalars: out), op: "pad", parents: [self]) { g in
            [g.selecting(before..<before + n)]
        }
    }
}

extension ParameterVector {
    /// Splits a flat variable into variables shaped like `like`, differentiably.
    public static func unflatten<T>(_ flat: Variable<T>, like shapes: [Tensor<T>]) -> [Variable<T>] {
        var offset = 0
        return shapes.map { t in
            defer { offset += t.count }
            return flat.selecting(offset..<offset + t.count).reshaped(t.shape)
        }
    }
}
