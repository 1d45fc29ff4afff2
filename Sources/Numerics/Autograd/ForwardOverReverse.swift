import Tensor

/// What the forward-over-reverse Hessian-vector product needs to know of a recorded node, for
/// the nodes that have a rule: enough to push a tangent through the node (forward) and to
/// differentiate its VJP in that direction (reverse), from the values already on the graph.
/// Not generic, so that every node of a first-order training step stores and frees it without
/// a metadata lookup (a generic payload cost the 2-16-16-1 step 15 %).
enum SecondOrderRule {
    /// A fused dense layer (Ops/DenseNode.swift), parents [x, W] or [x, W, b]; its value is o = σ(z).
    case dense(weightScale: Double, biasScale: Double, activation: CurvatureActivation)
    /// Mean softmax cross-entropy of logits [n, k] (parent [logits]).
    case crossEntropy(labels: [Int])
    /// mean((a − b)²), parents [prediction, target].
    case meanSquaredError
}

/// H·v as Pearlmutter's R-operator over a recorded first-order graph: one forward sweep pushes
/// the tangent v through every node (Rz = s_w(Rx·Wᵀ + x·RWᵀ) + s_b·Rb for a layer), one reverse
/// sweep carries each cotangent g together with its tangent Rg (Rdx = s_w(Rgz·W + gz·RW),
/// RdW = s_w(Rgzᵀx + gzᵀRx), …); Rg at the parameters is H·v.
///
/// The double-backward path records the whole first backward pass as a graph and walks it again:
/// about twice the gemms of this one plus the graph's nodes, closures and tensors (12× a forward
/// pass on 784-256-256-10, 7× on 2-16-16-1, where this is ≤ 5×). Here nothing is recorded, leaves'
/// cotangents (which H·v does not need) are never formed, and a constant input's are skipped.
///
/// Every node from the output back to the parameters needs a rule (dense layers with identity,
/// ReLU or tanh; cross-entropy; mean squared error); otherwise the caller takes double backward.
/// Deterministic: gemms split at places fixed by the data, every other loop runs on one thread.
enum ForwardOverReverse {
    /// H·v for the scalar `output` recorded from `theta`, or nil when some node has no rule.
    static func hessianVectorProduct<T>(_ output: Variable<T>, _ theta: [Variable<T>], _ v: [Tensor<T>]) -> [Tensor<T>]? {
        if T.self == Float.self { return same(hvpFloat(same(output), same(theta), same(v)) as [Tensor<Float>]?) }
        if T.self == Double.self { return same(hvpDouble(same(output), same(theta), same(v)) as [Tensor<Double>]?) }
        return nil
    }
}

private func hvpFloat(_ o: Variable<Float>, _ t: [Variable<Float>], _ v: [Tensor<Float>]) -> [Tensor<Float>]? { hvp(o, t, v) }
private func hvpDouble(_ o: Variable<Double>, _ t: [Variable<Double>], _ v: [Tensor<Double>]) -> [Tensor<Double>]? { hvp(o, t, v) }

/// The nodes leading to `output` in topological order (output last), or nil at the first
/// interior node without a rule.
@inline(__always)
private func ruledOrder<T>(_ output: Variable<T>) -> (order: [Variable<T>], index: [ObjectIdentifier: Int])? {
    var order: [Variable<T>] = []
    var index: [ObjectIdentifier: Int] = [:]
    var seen = Set<ObjectIdentifier>()
    var stack: [(Variable<T>, Bool)] = [(output, false)]
    while let (node, expanded) = stack.popLast() {
        if expanded {
            index[ObjectIdentifier(node)] = order.count
            order.append(node)
            continue
        }
        guard seen.insert(ObjectIdentifier(node)).inserted else { continue }
        if !node.parents.isEmpty && node.secondOrder == nil { return nil }
        stack.append((node, true))
        for p in node.parents where p.requiresGrad && !seen.contains(ObjectIdentifier(p)) { stack.append((p, false)) }
    }
    return (order, index)
}

@inline(__always)
private func hvp<T: LaneSelects>(_ output: Variable<T>, _ theta: [Variable<T>], _ v: [Tensor<T>]) -> [Tensor<T>]? {
    guard output.value.count == 1, let (order, index) = ruledOrder(output) else { return nil }
    let count = order.count
    func slot(_ p: Variable<T>) -> Int? { p.requiresGrad ? index[ObjectIdentifier(p)] : nil }
    // Forward sweep: the tangent of every node (and of a tanh layer's pre-activation).
    var tangent = [[T]?](repeating: nil, count: count)
    var preTangent = [[T]?](repeating: nil, count: count)
    for (t, d) in zip(theta, v) { if let j = slot(t) { tangent[j] = d.scalars } }
    for (j, node) in order.enumerated() {
        guard let rule = node.secondOrder else { continue }
        let pt = node.parents.map { p in slot(p).flatMap { tangent[$0] } }
        switch rule {
        case .dense(let ws, let bs, let a):
            let x = node.parents[0].value, w = node.parents[1].value
            let (m, k, n) = (x.shape[0], x.shape[1], w.shape[0])
            var terms: [(a: [T], transA: Bool, b: [T], transB: Bool)] = []
            if let rx = pt[0] { terms.append((rx, false, w.scalars, true)) }
            if let rw = pt[1] { terms.append((x.scalars, false, rw, true)) }
            var rz = productSum(terms, m: m, n: n, k: k, alpha: T(ws))
            if pt.count > 2, let rb = pt[2] { rz = addRows(rz.take(), rb, scale: T(bs), rows: m) }
            guard let rz else { continue }
            tangent[j] = activationSlope(rz, output: node.value.scalars, a)
            if a == .tanh { preTangent[j] = rz }
        case .crossEntropy(let labels):
            guard let rz = pt[0] else { continue }
            let p = LossKernels.softmaxCrossEntropy(node.parents[0].value, labels).probabilities
            tangent[j] = [crossEntropyTangent(p.scalars, labels: labels, classes: p.shape[1], logitsTangent: rz)]
        case .meanSquaredError:
            guard pt[0] != nil || pt[1] != nil else { continue }
            let (a, b) = (node.parents[0].value.scalars, node.parents[1].value.scalars)
            let d = residualTangent(a, b, scale: nil, pt[0], pt[1], tangentScale: 1)
            tangent[j] = [2 * dotResidual(a, b, d) / T(max(a.count, 1))]
        }
    }
    // Which nodes' first-order cotangents the sweep below reads (parents before children, so a
    // parent's answer is known when its child asks): the first layer of a net on a constant
    // batch reads none, so its output's cotangent, a whole gz·W product, is never formed.
    let needsCotangent = cotangentDemand(order, slot: slot, tangent: tangent, preTangent: preTangent)
    // Reverse sweep: each cotangent with its tangent. A leaf's cotangent (the gradient) is never
    // needed, only its tangent: H·v.
    var cot = [[T]?](repeating: nil, count: count)
    var rcot = [[T]?](repeating: nil, count: count)
    cot[count - 1] = [1]
    for j in stride(from: count - 1, through: 0, by: -1) {
        let node = order[j]
        guard let rule = node.secondOrder, cot[j] != nil || rcot[j] != nil else { continue }
        let g = cot[j] ?? []  // empty only where `needsCotangent` says no rule below reads it
        let rg = rcot[j]
        let slots = node.parents.map(slot)
        let pt = slots.map { $0.flatMap { tangent[$0] } }
        func wantsCotangent(_ i: Int) -> Bool { slots[i].map { needsCotangent[$0] } ?? false }
        var out: [(g: [T]?, rg: [T]?)] = Array(repeating: (nil, nil), count: slots.count)
        switch rule {
        case .dense(let ws, let bs, let a):
            let x = node.parents[0].value.scalars, w = node.parents[1].value.scalars
            let (m, k) = (node.parents[0].shape[0], node.parents[0].shape[1]), n = node.shape[1]
            let o = node.value.scalars
            let gz = needsCotangent[j] ? activationSlope(g, output: o, a) : []
            let rgz = slopeTangent(g, rg, preActivationTangent: preTangent[j], output: o, a)
            let s = T(ws)
            if slots[0] != nil {
                if wantsCotangent(0) { out[0].g = productSum([(gz, false, w, false)], m: m, n: k, k: n, alpha: s) }
                var terms: [(a: [T], transA: Bool, b: [T], transB: Bool)] = []
                if let rgz { terms.append((rgz, false, w, false)) }
                if let rw = pt[1] { terms.append((gz, false, rw, false)) }
                out[0].rg = productSum(terms, m: m, n: k, k: n, alpha: s)
            }
            if slots[1] != nil {
                if wantsCotangent(1) { out[1].g = productSum([(gz, true, x, false)], m: n, n: k, k: m, alpha: s) }
                var terms: [(a: [T], transA: Bool, b: [T], transB: Bool)] = []
                if let rgz { terms.append((rgz, true, x, false)) }
                if let rx = pt[0] { terms.append((gz, true, rx, false)) }
                out[1].rg = productSum(terms, m: n, n: k, k: m, alpha: s)
            }
            if slots.count > 2, slots[2] != nil {
                if wantsCotangent(2) { out[2].g = scaledColumnSums(gz, rows: m, scale: T(bs)) }
                out[2].rg = rgz.map { scaledColumnSums($0, rows: m, scale: T(bs)) }
            }
        case .crossEntropy(let labels):
            let p = LossKernels.softmaxCrossEntropy(node.parents[0].value, labels).probabilities
            let n = T(max(labels.count, 1))
            let r = crossEntropyCotangents(
                p.scalars, labels: labels, classes: p.shape[1], scale: g[0] / n, scaleTangent: rg.map { $0[0] / n },
                logitsTangent: pt[0], wantCotangent: wantsCotangent(0))
            out[0] = r
        case .meanSquaredError:
            let (a, b) = (node.parents[0].value.scalars, node.parents[1].value.scalars)
            let c = T(2) / T(max(a.count, 1))
            let d = wantsCotangent(0) || wantsCotangent(1) ? residualTangent(a, b, scale: c * g[0], nil, nil, tangentScale: 0) : nil
            let tangentTerms = pt[0] != nil || pt[1] != nil
            let rd = rg != nil || tangentTerms ? residualTangent(a, b, scale: rg.map { c * $0[0] }, pt[0], pt[1], tangentScale: c * g[0]) : nil
            if slots[0] != nil { out[0] = (wantsCotangent(0) ? d : nil, rd) }
            if slots[1] != nil { out[1] = (wantsCotangent(1) ? d.map { scaledArray($0, -1) } : nil, rd.map { scaledArray($0, -1) }) }
        }
        for (i, s) in slots.enumerated() {
            guard let s else { continue }
            cot[s] = accumulated(cot[s], out[i].g)
            rcot[s] = accumulated(rcot[s], out[i].rg)
            // An interior node reached only by a tangent still runs its rule (with g = 0).
            if wantsCotangent(i) && cot[s] == nil && rcot[s] != nil { cot[s] = [T](repeating: 0, count: node.parents[i].value.count) }
        }
    }
    return zip(theta, v).map { t, d in
        Tensor(shape: d.shape, scalars: slot(t).flatMap { rcot[$0] } ?? [T](repeating: 0, count: d.count))
    }
}

/// For each node, whether the reverse sweep reads its first-order cotangent g: a dense layer
/// forms gz = σ′⊙g for an input or bias cotangent that is read in turn, for the terms gz·RW and
/// gzᵀ·Rx of tangents that exist, and for tanh's σ″ term; a loss reads its seed (always there).
/// A leaf's cotangent (the gradient) is never read. Cotangents of unread nodes are not formed;
/// everything that is formed is computed as before, so H·v keeps its bits.
@inline(__always)
private func cotangentDemand<T>(
    _ order: [Variable<T>], slot: (Variable<T>) -> Int?, tangent: [[T]?], preTangent: [[T]?]
) -> [Bool] {
    var needs = [Bool](repeating: false, count: order.count)
    for (j, node) in order.enumerated() {
        guard let rule = node.secondOrder else { continue }
        guard case .dense = rule else {
            needs[j] = true
            continue
        }
        let slots = node.parents.map(slot)
        func read(_ i: Int) -> Bool {
            guard i < slots.count, let s = slots[i] else { return false }
            return !node.parents[i].parents.isEmpty && needs[s]
        }
        func hasTangent(_ i: Int) -> Bool { i < slots.count && slots[i].flatMap { tangent[$0] } != nil }
        let inputTerm = slots[0] != nil && hasTangent(1)  // gz·RW in the input's tangent
        let weightTerm = slots.count > 1 && slots[1] != nil && hasTangent(0)  // gzᵀ·Rx in W's
        needs[j] = read(0) || read(1) || read(2) || inputTerm || weightTerm || preTangent[j] != nil
    }
    return needs
}

/// Σ (a − b)⊙d.
@inline(__always)
private func dotResidual<T: TensorScalar>(_ a: [T], _ b: [T], _ d: [T]) -> T {
    var total: T = 0
    for i in 0..<a.count { total += (a[i] - b[i]) * d[i] }
    return total
}
