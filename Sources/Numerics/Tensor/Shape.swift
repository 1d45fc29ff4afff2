/// Shape arithmetic shared by every operation: row-major strides, NumPy broadcasting,
/// axis normalisation. Storage is always contiguous row-major; a "view" (transpose, slice,
/// broadcast) is materialised by a copy, which keeps every kernel a flat loop.

/// Row-major strides (in elements) of a contiguous array of `shape`.
func contiguousStrides(_ shape: [Int]) -> [Int] {
    var strides = [Int](repeating: 1, count: shape.count)
    var s = 1
    for i in stride(from: shape.count - 1, through: 0, by: -1) { strides[i] = s; s *= shape[i] }
    return strides
}

/// NumPy's broadcasting rule: align shapes on the right; each pair of sizes must be equal or
/// one of them 1. `op` names the operation in the error message.
public func broadcastShapes(_ op: String, _ a: [Int], _ b: [Int]) -> [Int] {
    switch checkedBroadcast(op, a, b) {
    case .success(let shape): return shape
    case .failure(let e): fatalError(e.message)
    }
}

/// A shape error's text (kept as a value so tests can check the exact message).
struct ShapeError: Error, Equatable { var message: String }

func checkedBroadcast(_ op: String, _ a: [Int], _ b: [Int]) -> Result<[Int], ShapeError> {
    let n = max(a.count, b.count)
    var out = [Int](repeating: 1, count: n)
    for i in 0..<n {
        let x = i < n - a.count ? 1 : a[i - (n - a.count)]
        let y = i < n - b.count ? 1 : b[i - (n - b.count)]
        guard x == y || x == 1 || y == 1 else {
            return .failure(ShapeError(message: "\(op): shapes \(a) and \(b) cannot be broadcast together (axis \(i): \(x) vs \(y))"))
        }
        out[i] = x == 1 ? y : x
    }
    return .success(out)
}

/// Strides that read an array of `shape` as if it had the (broadcast) shape `target`:
/// broadcast axes get stride 0.
func broadcastStrides(_ shape: [Int], to target: [Int]) -> [Int] {
    let own = contiguousStrides(shape)
    let lead = target.count - shape.count
    return (0..<target.count).map { i in i < lead || shape[i - lead] == 1 ? 0 : own[i - lead] }
}

/// An axis given NumPy-style (negative counts from the end) as an index in 0..<rank.
func normalizeAxis(_ op: String, _ axis: Int, rank: Int) -> Int {
    switch checkedAxis(op, axis, rank: rank) {
    case .success(let a): return a
    case .failure(let e): fatalError(e.message)
    }
}

func checkedAxis(_ op: String, _ axis: Int, rank: Int) -> Result<Int, ShapeError> {
    let a = axis < 0 ? axis + rank : axis
    guard a >= 0 && a < rank else { return .failure(ShapeError(message: "\(op): axis \(axis) is out of range for a tensor of rank \(rank)")) }
    return .success(a)
}

/// Visits, in row-major order, the flat offsets into up to three strided operands for every
/// element of `shape`. The innermost axis is a tight loop; `body(i, oa, ob, oc)` gets the
/// output index and the three input offsets.
@inline(__always)
func forEachOffset(
    _ shape: [Int], _ sa: [Int], _ sb: [Int], _ sc: [Int],
    _ body: (Int, Int, Int, Int) -> Void
) {
    let rank = shape.count
    let total = shape.reduce(1, *)
    if total == 0 { return }
    if rank == 0 { body(0, 0, 0, 0); return }
    let n = shape[rank - 1], la = sa[rank - 1], lb = sb[rank - 1], lc = sc[rank - 1]
    var index = [Int](repeating: 0, count: rank)
    var oa = 0, ob = 0, oc = 0, i = 0
    while i < total {
        for k in 0..<n { body(i + k, oa + k * la, ob + k * lb, oc + k * lc) }
        i += n
        // Advance the outer multi-index (odometer), keeping the three offsets in step.
        var axis = rank - 2
        while axis >= 0 {
            index[axis] += 1
            oa += sa[axis]; ob += sb[axis]; oc += sc[axis]
            if index[axis] < shape[axis] { break }
            oa -= sa[axis] * shape[axis]; ob -= sb[axis] * shape[axis]; oc -= sc[axis] * shape[axis]
            index[axis] = 0
            axis -= 1
        }
    }
}
