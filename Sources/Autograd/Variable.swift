import Tensor

/// A tensor that remembers how it was computed, for reverse-mode differentiation.
///
/// Each operation is defined once with its forward value and its vector–Jacobian product
/// side by side (micrograd's shape); `backward()` walks the graph in reverse topological order.
public final class Variable<Scalar: TensorScalar> {
    public let value: Tensor<Scalar>
    public private(set) var grad: Tensor<Scalar>?
    let parents: [Variable]
    /// Given the gradient of this node, the gradient contributions to each parent.
    let vjp: (Tensor<Scalar>) -> [Tensor<Scalar>]

    public init(_ value: Tensor<Scalar>) {
        self.value = value
        parents = []
        vjp = { _ in [] }
    }

    init(_ value: Tensor<Scalar>, parents: [Variable], vjp: @escaping (Tensor<Scalar>) -> [Tensor<Scalar>]) {
        self.value = value
        self.parents = parents
        self.vjp = vjp
    }

    /// Accumulates d(self)/d(node) into every node's `grad`. `self` must be a scalar (one element).
    public func backward() {
        guard value.count == 1 else {
            fatalError("backward(): output has shape \(value.shape); differentiate a scalar (one element)")
        }
        var order: [Variable] = []
        var seen = Set<ObjectIdentifier>()
        func visit(_ v: Variable) {
            guard seen.insert(ObjectIdentifier(v)).inserted else { return }
            v.parents.forEach(visit)
            order.append(v)
        }
        visit(self)
        for v in order { v.grad = nil }
        grad = Tensor(shape: value.shape, repeating: 1)
        for v in order.reversed() {
            guard let g = v.grad else { continue }
            for (p, pg) in zip(v.parents, v.vjp(g)) {
                p.grad = p.grad.map { $0 + pg } ?? pg
            }
        }
    }
}

public func + <T>(a: Variable<T>, b: Variable<T>) -> Variable<T> {
    Variable(a.value + b.value, parents: [a, b]) { g in [g, g] }
}

public func * <T>(a: Variable<T>, b: Variable<T>) -> Variable<T> {
    Variable(a.value * b.value, parents: [a, b]) { g in [g * b.value, g * a.value] }
}

public func matmul<T>(_ a: Variable<T>, _ b: Variable<T>) -> Variable<T> {
    Variable(matmul(a.value, b.value), parents: [a, b]) { g in
        [matmul(g, b.value.transposed()), matmul(a.value.transposed(), g)]
    }
}

public func relu<T>(_ x: Variable<T>) -> Variable<T> {
    Variable(relu(x.value), parents: [x]) { g in
        [Tensor(shape: g.shape, scalars: zip(g.scalars, x.value.scalars).map { $1 > 0 ? $0 : 0 })]
    }
}

public func sum<T>(_ x: Variable<T>) -> Variable<T> {
    Variable(Tensor(shape: [], scalars: [x.value.sum()]), parents: [x]) { g in
        [Tensor(shape: x.value.shape, repeating: g.scalars[0])]
    }
}
