// einsum as NumPy's numpy.einsum(optimize=True) computes it: each operand's repeated labels
// become a diagonal and its private labels are summed away, then the operands are contracted two
// at a time in a greedy order (opt_einsum's: the pair whose result removes the most elements
// first), each contraction one batched gemm on operands permuted to [batch, free, contracted].

/// An operand while contracting: its elements and one label per axis (no repeats).
struct LabeledTensor<T: TensorScalar> {
    var tensor: Tensor<T>
    var labels: [Int]
}

/// Einstein summation over NumPy's subscripts (NumPy's `einsum` with `optimize=True`).
///
/// ```swift
/// einsum("ij,jk->ik", a, b)          // matmul(a, b)
/// einsum("ii", m)                    // the trace
/// einsum("ii->i", m)                 // the diagonal
/// einsum("...ij,...jk", x, y)        // a batched product, broadcasting the leading axes
/// einsum("ab,bc,cd,da->", p, q, r, s)   // a ring of four tensors, contracted pairwise
/// ```
/// - Parameters:
///   - subscripts: Letters per operand separated by commas, optionally `->` and the output's
///     letters (implicit output: the letters used once, alphabetically); `...` for broadcast axes.
///   - operands: The tensors, one per comma-separated term.
/// - Returns: The contraction, with the output's axes in its order.
/// - Precondition: The subscripts are well formed and the sizes of equal labels agree; otherwise
///   it traps quoting the subscripts. Each pairwise step costs one gemm (O(batch·m·n·k)).
public func einsum<T: TensorScalar>(_ subscripts: String, _ operands: Tensor<T>...) -> Tensor<T> { einsum(subscripts, operands) }

/// Einstein summation over an array of operands (the variadic `einsum` with an array).
///
/// - Parameters:
///   - subscripts: NumPy's subscripts.
///   - operands: The tensors.
/// - Returns: The contraction.
public func einsum<T: TensorScalar>(_ subscripts: String, _ operands: [Tensor<T>]) -> Tensor<T> {
    precondition(!operands.isEmpty, "einsum: needs at least one operand")
    let parsed = EinsumSubscripts(subscripts, shapes: operands.map(\.shape))
    return contract(zip(operands, parsed.inputs).map { LabeledTensor(tensor: $0, labels: $1) }, output: parsed.output, op: "einsum '\(subscripts)'")
}

/// Sums products of `a` and `b` over the given axes (NumPy's `tensordot`): the result's axes
/// are `a`'s remaining axes followed by `b`'s.
///
/// - Parameters:
///   - a: The first tensor.
///   - b: The second tensor.
///   - axes: The pairs of axes to contract, `a`'s and `b`'s, of equal sizes.
/// - Returns: The contraction. O(one gemm).
/// - Precondition: The axes exist, are distinct and have equal sizes; otherwise it traps.
public func tensordot<T: TensorScalar>(_ a: Tensor<T>, _ b: Tensor<T>, axes: ([Int], [Int])) -> Tensor<T> {
    precondition(axes.0.count == axes.1.count, "tensordot: \(axes.0.count) axes of a but \(axes.1.count) of b")
    let ax = axes.0.map { normalizeAxis("tensordot", $0, rank: a.rank) }, bx = axes.1.map { normalizeAxis("tensordot", $0, rank: b.rank) }
    precondition(Set(ax).count == ax.count && Set(bx).count == bx.count, "tensordot: repeated axis in \(axes)")
    let la = Array(0..<a.rank)
    var lb = Array(a.rank..<(a.rank + b.rank))
    for (i, j) in zip(ax, bx) {
        precondition(a.shape[i] == b.shape[j], "tensordot: axis \(i) of \(a.shape) and axis \(j) of \(b.shape) differ in size")
        lb[j] = la[i]
    }
    let output = la.filter { !lb.contains($0) } + lb.filter { !la.contains($0) }
    return contract([LabeledTensor(tensor: a, labels: la), LabeledTensor(tensor: b, labels: lb)], output: output, op: "tensordot")
}

/// `tensordot` over the last `axes` axes of `a` and the first `axes` of `b` (NumPy's `axes=N`).
///
/// - Parameters:
///   - a: The first tensor.
///   - b: The second tensor.
///   - axes: How many axes to contract (default 2).
/// - Returns: The contraction.
public func tensordot<T: TensorScalar>(_ a: Tensor<T>, _ b: Tensor<T>, axes: Int = 2) -> Tensor<T> {
    precondition(axes >= 0 && axes <= a.rank && axes <= b.rank, "tensordot: cannot contract \(axes) axes of \(a.shape) and \(b.shape)")
    return tensordot(a, b, axes: (Array((a.rank - axes)..<a.rank), Array(0..<axes)))
}

/// Contracts labelled operands down to `output`'s labels.
func contract<T: TensorScalar>(_ operands: [LabeledTensor<T>], output: [Int], op: String) -> Tensor<T> {
    var size: [Int: Int] = [:]
    for term in operands {
        for (label, n) in zip(term.labels, term.tensor.shape) {
            guard let known = size[label] else { size[label] = n; continue }
            if known == n || (label < 0 && n == 1) { continue }
            precondition(label < 0 && known == 1, "\(op): a label has sizes \(known) and \(n) (operand shapes \(operands.map(\.tensor.shape)))")
            size[label] = n
        }
    }
    var terms = operands.map { diagonal(broadcastAxesDropped($0, size)) }
    func needed(besides skipped: Set<Int>) -> Set<Int> {
        var keep = Set(output)
        for (i, t) in terms.enumerated() where !skipped.contains(i) { keep.formUnion(t.labels) }
        return keep
    }
    for i in terms.indices { terms[i] = summed(terms[i], keeping: needed(besides: [i])) }
    while terms.count > 1 {
        // Greedy: the pair whose product is smallest relative to what it consumes.
        var best = (i: 0, j: 1, cost: Int.max)
        for i in terms.indices {
            for j in (i + 1)..<terms.count {
                let keep = needed(besides: [i, j])
                let result = Set(terms[i].labels + terms[j].labels).filter { keep.contains($0) }
                let cost = result.map { size[$0]! }.reduce(1, *) - terms[i].tensor.count - terms[j].tensor.count
                if cost < best.cost { best = (i, j, cost) }
            }
        }
        let keep = needed(besides: [best.i, best.j])
        let merged = pairwise(terms[best.i], terms[best.j], keeping: keep)
        terms.remove(at: best.j)
        terms[best.i] = merged
        terms[best.i] = summed(terms[best.i], keeping: needed(besides: [best.i]))
    }
    let last = summed(terms[0], keeping: Set(output))
    // Output labels absent from the operand are broadcast axes dropped as size 1.
    let shape = output.map { size[$0] ?? 1 }
    let present = output.filter { last.labels.contains($0) }
    let order = present.map { last.labels.firstIndex(of: $0)! }
    let arranged = order == Array(order.indices) ? last.tensor : last.tensor.permuted(order)
    return arranged.reshaped(shape)
}

/// Drops size-1 axes of "..." that other operands broadcast to a larger size.
private func broadcastAxesDropped<T>(_ term: LabeledTensor<T>, _ size: [Int: Int]) -> LabeledTensor<T> {
    let drop = term.labels.indices.filter { term.labels[$0] < 0 && term.tensor.shape[$0] == 1 && size[term.labels[$0]]! > 1 }
    if drop.isEmpty { return term }
    let keep = term.labels.indices.filter { !drop.contains($0) }
    return LabeledTensor(tensor: term.tensor.reshaped(keep.map { term.tensor.shape[$0] }), labels: keep.map { term.labels[$0] })
}

/// Repeated labels of one operand become one axis: its (generalised) diagonal.
private func diagonal<T>(_ term: LabeledTensor<T>) -> LabeledTensor<T> {
    if Set(term.labels).count == term.labels.count { return term }
    var labels: [Int] = [], shape: [Int] = [], strides: [Int] = []
    let own = term.tensor.strides
    for (axis, label) in term.labels.enumerated() {
        if let at = labels.firstIndex(of: label) {
            precondition(shape[at] == term.tensor.shape[axis], "einsum: repeated label with sizes \(shape[at]) and \(term.tensor.shape[axis])")
            strides[at] += own[axis]
        } else {
            labels.append(label)
            shape.append(term.tensor.shape[axis])
            strides.append(own[axis])
        }
    }
    return LabeledTensor(tensor: Tensor(shape: shape, scalars: stridedCopy(term.tensor.scalars, base: 0, strides: strides, shape: shape)), labels: labels)
}

/// Sums the axes whose labels are not in `keep`.
private func summed<T>(_ term: LabeledTensor<T>, keeping keep: Set<Int>) -> LabeledTensor<T> {
    var term = term
    for axis in term.labels.indices.reversed() where !keep.contains(term.labels[axis]) {
        term.tensor = term.tensor.sum(axis: axis)
        term.labels.remove(at: axis)
    }
    return term
}

/// One contraction as a batched gemm: batch labels (in both, kept), free labels of each side
/// (kept), contracted labels (in both, not kept). Each side is permuted only when neither its
/// [batch, free, contracted] nor its [batch, contracted, free] order is already the stored one
/// (the second is read through gemm's transpose).
private func pairwise<T>(_ a: LabeledTensor<T>, _ b: LabeledTensor<T>, keeping keep: Set<Int>) -> LabeledTensor<T> {
    let batch = a.labels.filter { b.labels.contains($0) && keep.contains($0) }
    let contracted = a.labels.filter { b.labels.contains($0) && !keep.contains($0) }
    let freeA = a.labels.filter { !b.labels.contains($0) }, freeB = b.labels.filter { !a.labels.contains($0) }
    func sized(_ t: LabeledTensor<T>, _ labels: [Int]) -> Int { labels.map { t.tensor.shape[t.labels.firstIndex(of: $0)!] }.reduce(1, *) }
    let (nb, m, k, n) = (sized(a, batch), sized(a, freeA), sized(a, contracted), sized(b, freeB))
    func arranged(_ t: LabeledTensor<T>, _ normal: [Int], _ transposed: [Int]) -> (Tensor<T>, Bool) {
        if t.labels == normal { return (t.tensor, false) }
        if t.labels == transposed { return (t.tensor, true) }
        return (t.tensor.permuted(normal.map { t.labels.firstIndex(of: $0)! }), false)
    }
    let (ta, transA) = arranged(a, batch + freeA + contracted, batch + contracted + freeA)
    let (tb, transB) = arranged(b, batch + contracted + freeB, batch + freeB + contracted)
    var out = [T](repeating: 0, count: nb * m * n)
    if m > 0 && n > 0 && k > 0 {
        ta.scalars.withUnsafeBufferPointer { pa in
            tb.scalars.withUnsafeBufferPointer { pb in
                out.withUnsafeMutableBufferPointer { pc in
                    for i in 0..<nb {
                        T.gemm(
                            transA: transA, transB: transB, m: m, n: n, k: k, alpha: 1, a: pa.baseAddress! + i * m * k, lda: transA ? m : k,
                            b: pb.baseAddress! + i * k * n, ldb: transB ? k : n, beta: 0, c: pc.baseAddress! + i * m * n, ldc: n)
                    }
                }
            }
        }
    }
    let labels = batch + freeA + freeB
    let shape = labels.map { l in a.labels.firstIndex(of: l).map { a.tensor.shape[$0] } ?? b.tensor.shape[b.labels.firstIndex(of: l)!] }
    return LabeledTensor(tensor: Tensor(shape: shape, scalars: out), labels: labels)
}

/// The integer labels einsum reads from NumPy subscripts: letters by code point, the axes of
/// "..." as −k … −1 (aligned from the right), with the implicit output filled in. For code that
/// builds its own contractions (Autograd's einsum gradient).
///
/// - Parameters:
///   - subscripts: NumPy's subscripts.
///   - shapes: The operands' shapes.
/// - Returns: Each operand's labels and the output's.
/// - Precondition: The subscripts are well formed for the shapes; otherwise it traps.
public func einsumLabels(_ subscripts: String, shapes: [[Int]]) -> (inputs: [[Int]], output: [Int]) {
    let parsed = EinsumSubscripts(subscripts, shapes: shapes)
    return (parsed.inputs, parsed.output)
}

/// einsum over integer labels (see ``einsumLabels(_:shapes:)``): any integers, equal ones
/// contracted, the output's in its order. Negative labels broadcast size-1 axes.
///
/// - Parameters:
///   - labels: One label per axis of each operand.
///   - output: The output's labels, each present in some operand.
///   - operands: The tensors.
/// - Returns: The contraction.
public func einsum<T: TensorScalar>(labels: [[Int]], output: [Int], _ operands: [Tensor<T>]) -> Tensor<T> {
    precondition(labels.count == operands.count, "einsum: \(labels.count) label lists for \(operands.count) operands")
    for (l, t) in zip(labels, operands) { precondition(l.count == t.rank, "einsum: \(l.count) labels for an operand of shape \(t.shape)") }
    return contract(zip(operands, labels).map { LabeledTensor(tensor: $0, labels: $1) }, output: output, op: "einsum")
}
