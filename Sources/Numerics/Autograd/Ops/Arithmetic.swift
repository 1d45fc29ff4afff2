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

public func + <T>(a: Variable<T>, b: Variable<T>) -> Variable<T> {
    Variable(a.value + b.value, op: "add", parents: [a, b]) { g in
        [a.requiresGrad ? a.unbroadcast(g) : nil, b.requiresGrad ? b.unbroadcast(g) : nil]
    }
}

public func - <T>(a: Variable<T>, b: Variable<T>) -> Variable<T> {
    Variable(a.value - b.value, op: "sub", parents: [a, b]) { g in
        [a.requiresGrad ? a.unbroadcast(g) : nil, b.requiresGrad ? b.unbroadcast(-g) : nil]
    }
}

public func * <T>(a: Variable<T>, b: Variable<T>) -> Variable<T> {
    Variable(a.value * b.value, op: "mul", parents: [a, b]) { g in
        [a.requiresGrad ? a.unbroadcast(g * b) : nil, b.requiresGrad ? b.unbroadcast(g * a) : nil]
    }
}

public func / <T>(a: Variable<T>, b: Variable<T>) -> Variable<T> {
    Variable(a.value / b.value, op: "div", parents: [a, b]) { g in
        [a.requiresGrad ? a.unbroadcast(g / b) : nil, b.requiresGrad ? b.unbroadcast(-(g * a) / (b * b)) : nil]
    }
}

public prefix func - <T>(a: Variable<T>) -> Variable<T> {
    Variable(-a.value, op: "neg", parents: [a]) { g in [-g] }
}

// Scalars mix with variables as constants.
public func * <T>(s: T, a: Variable<T>) -> Variable<T> {
    Variable(s * a.value, op: "scale", parents: [a]) { g in [s * g] }
}
public func * <T>(a: Variable<T>, s: T) -> Variable<T> { s * a }
public func + <T>(a: Variable<T>, s: T) -> Variable<T> {
    Variable(a.value + s, op: "shift", parents: [a]) { g in [g] }
}
public func + <T>(s: T, a: Variable<T>) -> Variable<T> { a + s }
public func - <T>(a: Variable<T>, s: T) -> Variable<T> { a + (-s) }
public func - <T>(s: T, a: Variable<T>) -> Variable<T> { -a + s }
public func / <T>(a: Variable<T>, s: T) -> Variable<T> { (1 / s) * a }
