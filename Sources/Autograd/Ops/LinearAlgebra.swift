import Tensor

/// Matrix product of 2-D variables: d(AB) = dA·B + A·dB.
public func matmul<T>(_ a: Variable<T>, _ b: Variable<T>) -> Variable<T> {
    Variable(matmul(a.value, b.value), op: "matmul", parents: [a, b]) { g in
        [matmul(g, b.transposed()), matmul(a.transposed(), g)]
    }
}

extension Variable {
    /// Transpose of a 2-D variable.
    public func transposed() -> Variable {
        Variable(value.transposed(), op: "transpose", parents: [self]) { g in [g.transposed()] }
    }

    public func reshaped(_ newShape: [Int]) -> Variable {
        let old = shape
        return Variable(value.reshaped(newShape), op: "reshape", parents: [self]) { g in [g.reshaped(old)] }
    }
}
