import Tensor

/// Matrix product of 2-D variables: d(AB) = dA·B + A·dB.
public func matmul<T>(_ a: Variable<T>, _ b: Variable<T>) -> Variable<T> {
    matmul(a, b, transposingA: false, transposingB: false)
}

/// op(A)·op(B) with gemm's transpose flags (no transposed copies). Each cotangent is again such a
/// product, so the rule differentiates to any order.
public func matmul<T>(_ a: Variable<T>, _ b: Variable<T>, transposingA tA: Bool, transposingB tB: Bool) -> Variable<T> {
    // 2-D: concrete gemm (Kernels/DenseKernels.swift), the values of Tensor's matmul without its
    // generic overhead; other ranks go to Tensor's matmul (which states what it accepts).
    let value =
        a.shape.count == 2 && b.shape.count == 2
        ? DenseKernels.product(a.value, b.value, transposingA: tA, transposingB: tB)
        : matmul(a.value, b.value, transposingA: tA, transposingB: tB)
    return Variable(value, op: "matmul", parents: [a, b]) { g in
        // Only the cotangents some operand needs (a layer's input batch needs none).
        let (da, db) = (a.requiresGrad, b.requiresGrad)
        switch (tA, tB) {
        case (false, false):
            return [
                da ? matmul(g, b, transposingA: false, transposingB: true) : nil,
                db ? matmul(a, g, transposingA: true, transposingB: false) : nil,
            ]
        case (false, true):
            return [
                da ? matmul(g, b, transposingA: false, transposingB: false) : nil,
                db ? matmul(g, a, transposingA: true, transposingB: false) : nil,
            ]
        case (true, false):
            return [
                da ? matmul(b, g, transposingA: false, transposingB: true) : nil,
                db ? matmul(a, g, transposingA: false, transposingB: false) : nil,
            ]
        case (true, true):
            return [
                da ? matmul(b, g, transposingA: true, transposingB: true) : nil,
                db ? matmul(g, a, transposingA: true, transposingB: true) : nil,
            ]
        }
    }
}

extension Variable {
    /// Transpose of a 2-D variable.
    public func transposed() -> Variable {
        Variable(value.transposed(), op: "transpose", parents: [self]) { g in [g.transposed()] }
    }

    /// The same elements in a new shape (row-major, as `Tensor.reshaped`); the gradient is reshaped
    /// back.
    ///
    /// - Parameter newShape: A shape with the same element count.
    /// - Returns: The reshaped variable.
    public func reshaped(_ newShape: [Int]) -> Variable {
        let old = shape
        return Variable(value.reshaped(newShape), op: "reshape", parents: [self]) { g in [g.reshaped(old)] }
    }
}
