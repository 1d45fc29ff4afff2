import Tensor

// Differentiable einsum and tensordot. The cotangent of one operand is itself an einsum: of the
// output's cotangent with every other operand, onto that operand's labels. Three things make
// an operand's labels differ from what that einsum can produce, and each is one more constant
// factor in the same einsum: a label used only by this operand (summed in the forward pass:
// a ones vector spreads the cotangent back), a size-1 axis broadcast against the others (a
// ones vector of length 1), and a label repeated within the operand (a diagonal in the forward
// pass: an identity matrix puts the cotangent back on the diagonal). So every VJP is an einsum of
// Variables, and second derivatives follow.

/// Einstein summation over Variables with NumPy's subscripts (see Tensor's `einsum`).
///
/// ```swift
/// let energy = einsum("i,ij,j->", x, a, x)       // xᵀAx, differentiable in x and A
/// ```
/// - Parameters:
///   - subscripts: NumPy's subscripts (implicit or explicit output, repeated labels, `...`).
///   - operands: The variables.
/// - Returns: The contraction; its VJP to each operand is an einsum of the cotangent and the others.
/// - Precondition: As Tensor's `einsum`.
public func einsum<T>(_ subscripts: String, _ operands: Variable<T>...) -> Variable<T> { einsum(subscripts, operands) }

/// Einstein summation over an array of Variables.
///
/// - Parameters:
///   - subscripts: NumPy's subscripts.
///   - operands: The variables.
/// - Returns: The contraction.
public func einsum<T>(_ subscripts: String, _ operands: [Variable<T>]) -> Variable<T> {
    let (labels, output) = einsumLabels(subscripts, shapes: operands.map(\.shape))
    return einsum(labels: labels, output: output, operands)
}

/// `tensordot` over Variables: sums products over the paired axes (NumPy's `tensordot`).
///
/// - Parameters:
///   - a: The first variable.
///   - b: The second variable.
///   - axes: The pairs of axes to contract.
/// - Returns: `a`'s remaining axes followed by `b`'s.
public func tensordot<T>(_ a: Variable<T>, _ b: Variable<T>, axes: ([Int], [Int])) -> Variable<T> {
    let la = Array(0..<a.shape.count)
    var lb = Array(a.shape.count..<(a.shape.count + b.shape.count))
    for (i, j) in zip(axes.0, axes.1) {
        lb[j < 0 ? j + b.shape.count : j] = la[i < 0 ? i + a.shape.count : i]
    }
    let output = la.filter { !lb.contains($0) } + lb.filter { !la.contains($0) }
    return einsum(labels: [la, lb], output: output, [a, b])
}

/// einsum over integer labels, differentiable.
func einsum<T>(labels: [[Int]], output: [Int], _ operands: [Variable<T>]) -> Variable<T> {
    let value = einsum(labels: labels, output: output, operands.map(\.value))
    return Variable(value, op: "einsum", parents: operands) { g in
        operands.indices.map { i in
            operands[i].requiresGrad ? einsumCotangent(i, labels: labels, output: output, operands, g) : nil
        }
    }
}

/// The cotangent of operand `i` of an einsum whose output cotangent is `g`.
private func einsumCotangent<T>(_ i: Int, labels: [[Int]], output: [Int], _ operands: [Variable<T>], _ g: Variable<T>) -> Variable<T> {
    let own = labels[i], shape = operands[i].shape
    var size: [Int: Int] = [:]
    for (l, t) in zip(labels, operands) { for (label, n) in zip(l, t.shape) { size[label] = max(size[label] ?? 1, n) } }
    // Labels the other factors (and the cotangent) carry at their full size.
    var available = Set(output)
    for (j, l) in labels.enumerated() where j != i { available.formUnion(l) }
    var fresh = (labels.joined().max() ?? 0) + output.count + 1
    var target: [Int] = [], seen: Set<Int> = [], direct: [Int] = []
    var extraLabels: [[Int]] = [], extraValues: [Variable<T>] = []
    for (axis, label) in own.enumerated() {
        let n = shape[axis]
        if seen.contains(label) {
            // A repeated label: the cotangent sits on the diagonal.
            target.append(fresh)
            extraLabels.append([label, fresh])
            extraValues.append(.constant(identity(n)))
            fresh += 1
            continue
        }
        seen.insert(label)
        target.append(label)
        if available.contains(label) && !(n == 1 && size[label, default: 1] > 1) {
            direct.append(label)
        } else {
            // Summed away or broadcast in the forward pass: spread back with ones.
            extraLabels.append([label])
            extraValues.append(.constant(Tensor<T>.ones([n])))
        }
    }
    let others = operands.indices.filter { $0 != i }
    let core = einsum(labels: [output] + others.map { labels[$0] }, output: direct, [g] + others.map { operands[$0] })
    if extraLabels.isEmpty && direct == target { return core }
    return einsum(labels: [direct] + extraLabels, output: target, [core] + extraValues)
}

/// The n×n identity.
private func identity<T: TensorScalar>(_ n: Int) -> Tensor<T> {
    Tensor(shape: [n, n], scalars: (0..<(n * n)).map { $0 / n == $0 % n ? 1 : 0 })
}
