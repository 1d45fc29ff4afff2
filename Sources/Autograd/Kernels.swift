import Tensor

/// The raw tensor computations the differentiation rules need: broadcasting, summing a
/// gradient back to an operand's shape, reshapes. Kept in one place so they can move onto
/// the Tensor core's vectorised kernels without touching any rule.
enum Kernels {
    /// NumPy's broadcast shape of `a` and `b`, or a message naming both.
    static func broadcastShape(_ a: [Int], _ b: [Int], op: String) -> [Int] {
        let n = max(a.count, b.count)
        let pa = Array(repeating: 1, count: n - a.count) + a, pb = Array(repeating: 1, count: n - b.count) + b
        return (0..<n).map { i in
            if pa[i] == pb[i] || pb[i] == 1 { return pa[i] }
            if pa[i] == 1 { return pb[i] }
            fatalError("\(op): shapes \(a) and \(b) cannot be broadcast together")
        }
    }

    /// Strides of `shape` (row-major) seen through broadcasting to `target` (0 on stretched axes).
    static func broadcastStrides(_ shape: [Int], to target: [Int]) -> [Int] {
        let padded = Array(repeating: 1, count: target.count - shape.count) + shape
        var strides = [Int](repeating: 0, count: target.count)
        var s = 1
        for i in stride(from: target.count - 1, through: 0, by: -1) {
            strides[i] = padded[i] == 1 && target[i] != 1 ? 0 : s
            s *= padded[i]
        }
        return strides
    }

    /// Elementwise `f(a, b)` with broadcasting.
    static func zip<T>(_ a: Tensor<T>, _ b: Tensor<T>, op: String, _ f: (T, T) -> T) -> Tensor<T> {
        if a.shape == b.shape { return Tensor(shape: a.shape, scalars: Swift.zip(a.scalars, b.scalars).map(f)) }
        let shape = broadcastShape(a.shape, b.shape, op: op)
        let sa = broadcastStrides(a.shape, to: shape), sb = broadcastStrides(b.shape, to: shape)
        let count = shape.reduce(1, *)
        var out = [T](); out.reserveCapacity(count)
        var index = [Int](repeating: 0, count: shape.count)
        var ia = 0, ib = 0
        for _ in 0..<count {
            out.append(f(a.scalars[ia], b.scalars[ib]))
            // Odometer increment, keeping both flat offsets in step.
            var d = shape.count - 1
            while d >= 0 {
                index[d] += 1; ia += sa[d]; ib += sb[d]
                if index[d] < shape[d] { break }
                ia -= sa[d] * shape[d]; ib -= sb[d] * shape[d]; index[d] = 0
                d -= 1
            }
        }
        return Tensor(shape: shape, scalars: out)
    }

    /// Sums `g` over the axes along which `shape` was broadcast, giving a tensor of `shape`
    /// (the adjoint of broadcasting).
    static func sum<T>(_ g: Tensor<T>, toShape shape: [Int]) -> Tensor<T> {
        if g.shape == shape { return g }
        let strides = broadcastStrides(shape, to: g.shape)
        var out = [T](repeating: 0, count: shape.reduce(1, *))
        var index = [Int](repeating: 0, count: g.shape.count)
        var o = 0
        for v in g.scalars {
            out[o] += v
            var d = g.shape.count - 1
            while d >= 0 {
                index[d] += 1; o += strides[d]
                if index[d] < g.shape[d] { break }
                o -= strides[d] * g.shape[d]; index[d] = 0
                d -= 1
            }
        }
        return Tensor(shape: shape, scalars: out)
    }

    /// Sum along `axis`, keeping it as length 1.
    static func sum<T>(_ x: Tensor<T>, axis: Int) -> Tensor<T> {
        var shape = x.shape
        shape[axis] = 1
        return sum(x, toShape: shape)
    }

    static func reshape<T>(_ x: Tensor<T>, _ shape: [Int]) -> Tensor<T> {
        guard shape.reduce(1, *) == x.count else {
            fatalError("reshape: cannot reshape \(x.shape) (\(x.count) elements) to \(shape)")
        }
        return Tensor(shape: shape, scalars: x.scalars)
    }
}
