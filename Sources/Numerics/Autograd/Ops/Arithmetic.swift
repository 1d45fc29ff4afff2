import Tensor

// Elementwise arithmetic with NumPy broadcasting. The adjoint of broadcasting is a sum over
// the stretched axes, so every rule ends with `unbroadcast` to its operand's shape. Operands that
// need no gradient (constants) get no cotangent computed.

extension Variable {
    func unbroadcast(_ g: Variable) -> Variable { g.summed(toShape: shape) }

    /// Sums over broadcast axes to reach `shape` (differentiable: its VJP broadcasts back).
    public func summed(toShape target: [Int]) -> Variable {
        if shape == target { return self }
        let from = shape
        return Variable(Kernels.sum(value, toShape: target), op: "sumToShape", parents: [self]) { g in
            [g.broadcast(to: from)]
        }
    }

    /// Broadcasts to `target` (differentiable: its VJP sums back).
    public func broadcast(to target: [Int]) -> Variable {
        if shape == target { return self }
        let from = shape
        return Variable(value.broadcast(to: target), op: "broadcast", parents: [self]) { g in
            [g.summed(toShape: from)]
        }
    }
}

/// a + b elementwise, broadcasting as NumPy does; the gradient is summed back to each shape.
public func + <T>(a: Variable<T>, b: Variable<T>) -> Variable<T> {
    Variable(a.value + b.value, op: "add", parents: [a, b]) { g in
        [a.requiresGrad ? a.unbroadcast(g) : nil, b.requiresGrad ? b.unbroadcast(g) : nil]
    }
}

/// a − b elementwise, with broadcasting.
public func - <T>(a: Variable<T>, b: Variable<T>) -> Variable<T> {
    Variable(a.value - b.value, op: "sub", parents: [a, b]) { g in
        [a.requiresGrad ? a.unbroadcast(g) : nil, b.requiresGrad ? b.unbroadcast(-g) : nil]
    }
}

/// a ⊙ b elementwise (the Hadamard product, not `matmul`), with broadcasting.
public func * <T>(a: Variable<T>, b: Variable<T>) -> Variable<T> {
    Variable(a.value * b.value, op: "mul", parents: [a, b]) { g in
        [a.requiresGrad ? a.unbroadcast(g * b) : nil, b.requiresGrad ? b.unbroadcast(g * a) : nil]
    }
}

/// a / b elementwise, with broadcasting.
public func / <T>(a: Variable<T>, b: Variable<T>) -> Variable<T> {
    Variable(a.value / b.value, op: "div", parents: [a, b]) { g in
        [a.requiresGrad ? a.unbroadcast(g / b) : nil, b.requiresGrad ? b.unbroadcast(-(g * a) / (b * b)) : nil]
    }
}

/// −a elementwise.
public prefix func - <T>(a: Variable<T>) -> Variable<T> {
    Variable(-a.value, op: "neg", parents: [a]) { g in [-g] }
}

// Scalars mix with variables as constants.
/// s·a: a scalar (a constant) times a variable.
public func * <T>(s: T, a: Variable<T>) -> Variable<T> {
    Variable(s * a.value, op: "scale", parents: [a]) { g in [s * g] }
}
/// a·s: a variable times a constant scalar.
public func * <T>(a: Variable<T>, s: T) -> Variable<T> { s * a }
/// a + s: a constant added to every element.
public func + <T>(a: Variable<T>, s: T) -> Variable<T> {
    Variable(a.value + s, op: "shift", parents: [a]) { g in [g] }
}
/// s + a: a constant added to every element.
public func + <T>(s: T, a: Variable<T>) -> Variable<T> { a + s }
/// a − s: a constant subtracted from every element.
public func - <T>(a: Variable<T>, s: T) -> Variable<T> { a + (-s) }
/// s − a elementwise.
public func - <T>(s: T, a: Variable<T>) -> Variable<T> { -a + s }
/// a / s: every element divided by a constant.
public func / <T>(a: Variable<T>, s: T) -> Variable<T> { (1 / s) * a }
