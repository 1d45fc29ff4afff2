import Tensor

/// Sum of all elements, as a one-element variable of shape [].
public func sum<T>(_ x: Variable<T>) -> Variable<T> {
    let shape = x.shape
    return Variable(Tensor(shape: [], scalars: [x.value.sum()]), op: "sum", parents: [x]) { g in
        [g.broadcast(to: shape)]
    }
}

/// Mean of all elements.
public func mean<T>(_ x: Variable<T>) -> Variable<T> { sum(x) / T(max(x.value.count, 1)) }

extension Variable {
    /// Sum along `axis`, keeping the axis with length 1 (so it broadcasts back).
    public func sum(alongAxis axis: Int) -> Variable {
        guard axis >= 0 && axis < shape.count else { fatalError("sum(alongAxis: \(axis)): no such axis in shape \(shape)") }
        var target = shape
        target[axis] = 1
        return summed(toShape: target)
    }
}
