import Tensor

/// Matrix product of 2-D variables: d(AB) = dA·B + A·dB.
public func matmul<T>(_ a: Variable<T>, _ b: Variable<T>) -> Variable<T> {
    matmul(a, b, transposingA: false, transposingB: false)
}

/// op(A)·op(B) with gemm's transpose flags (no transposed copies). Each cotangent is again such a
/// product, so the rule differentiates to any order.
public func matmul<T>(_ a: Variable<T>, _ b: Variable<T>, transposingA tA: Bool, transposingB tB: Bool) -> Variable<T> {
    Variable(matmul(a.value, b.value, transposingA: tA, transposingB: tB), op: "matmul", parents: [a, b]) { g in
        switch (tA, tB) {
        case (false, false): [matmul(g, b, transposingA: false, transposingB: true), matmul(a, g, transposingA: true, transposingB: false)]
        case (false, true): [matmul(g, b, transposingA: false, transposingB: false), matmul(g, a, transposingA: true, transposingB: false)]
        case (true, false): [matmul(b, g, transposingA: false, transposingB: true), matmul(a, g, transposingA: false, transposingB: false)]
        case (true, true): [matmul(b, g, transposingA: true, transposingB: true), matmul(g, a, transposingA: true, transposingB: true)]
        }
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
