internal import CTensorKernels

/// Sampling distributions over `RNG`. Each call claims one draw number; see `RNG` for why the
/// values do not depend on thread count. Per-element layout (documented for reproducibility):
/// Float uses one 32-bit word per uniform, Double two.
extension RNG {
    static let twoPow53: Double = 1.0 / 9_007_199_254_740_992

    /// [1, 2) from the top 23 bits of each word, as a float's mantissa under exponent 0.
    @inline(__always) static func oneToTwo(_ w: SIMD8<UInt32>) -> SIMD8<Float> {
        unsafeBitCast((w &>> 9) | 0x3F80_0000, to: SIMD8<Float>.self)
    }
    /// Uniform on [0, 1) in steps of 2⁻²³.
    @inline(__always) static func unitFloat(_ w: SIMD8<UInt32>) -> SIMD8<Float> { oneToTwo(w) - 1 }
    /// A uniform integer in 0..<n from two words: the high half of a 64×64-bit product.
    @inline(__always) static func bounded(_ hi: UInt32, _ lo: UInt32, _ n: Int) -> Int {
        let x: UInt64 = UInt64(hi) << 32 | UInt64(lo)
        return Int(x.multipliedFullWidth(by: UInt64(n)).high)
    }
    @inline(__always) static func unitDouble(_ hi: UInt32, _ lo: UInt32) -> Double {
        Double((UInt64(hi) << 32 | UInt64(lo)) >> 11) * twoPow53
    }

    @inline(__always) static func store(_ v: SIMD8<Float>, _ p: UnsafeMutablePointer<Float>) {
        UnsafeMutableRawPointer(p).storeBytes(of: v, as: SIMD8<Float>.self)
    }

    /// Box–Muller on eight word pairs: u = 2 − [1, 2) in (0, 1] keeps the log finite; t in
    /// [-0.5, 0.5) is the angle over 2π. Writes cosines to out[8·slot…] and sines to the
    /// next eight. (Float layout of a batch of 32: four runs of 8 lanes, as stored by SIMD.)
    @inline(__always)
    static func boxMuller(_ a: SIMD8<UInt32>, _ b: SIMD8<UInt32>, _ out: UnsafeMutablePointer<Float>, slot: Int) {
        let u = 2 - oneToTwo(a)
        let t = oneToTwo(b) - 1.5
        let r = (-2 * FastMath.log(u)).squareRoot()
        let (s, c) = FastMath.sinCosTwoPi(t)
        store(r * c, out + 8 * slot)
        store(r * s, out + 8 * slot + 8)
    }

    /// The Float normal stream in Swift: its definition, and what `normalFloats` must equal
    /// bit for bit (TensorTests check it). Batch b of 32 values is Box–Muller on blocks 8b…8b+7.
    func normalFloatsSwift(_ n: Int, draw: UInt64) -> [Float] {
        generate(n, draw: draw, perBatch: 32) { w, out in
            RNG.boxMuller(w.0, w.1, out, slot: 0)
            RNG.boxMuller(w.2, w.3, out, slot: 2)  // elements 16…31
        }
    }

    /// The same values as `normalFloatsSwift`, computed by CTensorKernels with AVX2/AVX-512
    /// (4× the SSE2 Swift code). Batches are split across threads; a batch is always whole.
    func normalFloats(_ n: Int, draw: UInt64) -> [Float] {
        let (k0, k1) = keyWords, full = n / 32, batches = (n + 31) / 32
        return uninitializedArray(n) { base in
            parallelChunks(batches, threshold: 1 << 12) { r in
                let end = Swift.min(r.upperBound, full)
                if end > r.lowerBound {
                    folio_normal_f32(k0, k1, draw, r.lowerBound, end - r.lowerBound, base + 32 * r.lowerBound)
                }
                if r.upperBound > full {  // the last, partial batch
                    var tmp = [Float](repeating: 0, count: 32)
                    tmp.withUnsafeMutableBufferPointer { folio_normal_f32(k0, k1, draw, full, 1, $0.baseAddress!) }
                    (base + 32 * full).initialize(from: tmp, count: n - 32 * full)
                }
            }
        }
    }

    /// Uniform on [low, high).
    /// (`low`/`high` are Doubles so that `as:` alone picks the element type.)
    public mutating func uniform<T: TensorScalar>(_ shape: [Int], low: Double = 0, high: Double = 1, as _: T.Type = Double.self) -> Tensor<T> {
        let n = shape.reduce(1, *), d = nextDraw()
        let u: Tensor<T>
        if T.self == Float.self {
            let v: [Float] = generate(n, draw: d, perBatch: 32) { w, out in
                RNG.store(RNG.unitFloat(w.0), out); RNG.store(RNG.unitFloat(w.1), out + 8)
                RNG.store(RNG.unitFloat(w.2), out + 16); RNG.store(RNG.unitFloat(w.3), out + 24)
            }
            u = Tensor(shape: shape, scalars: unsafeBitCast(v, to: [T].self))
        } else {
            let v: [Double] = generate(n, draw: d, perBatch: 16) { w, out in
                for j in 0..<8 { out[2 * j] = RNG.unitDouble(w.0[j], w.1[j]); out[2 * j + 1] = RNG.unitDouble(w.2[j], w.3[j]) }
            }
            u = Tensor(shape: shape, scalars: v.map { T($0) })
        }
        return low == 0 && high == 1 ? u : u * T(high - low) + T(low)
    }

    /// Normal with the given mean and standard deviation (Box–Muller: each pair of uniforms
    /// gives a cosine and a sine variate). Float runs on vectorised log and sin/cos.
    public mutating func normal<T: TensorScalar>(_ shape: [Int], mean: Double = 0, std: Double = 1, as _: T.Type = Double.self) -> Tensor<T> {
        let n = shape.reduce(1, *), d = nextDraw()
        let z: Tensor<T>
        if T.self == Float.self {
            z = Tensor(shape: shape, scalars: unsafeBitCast(normalFloats(n, draw: d), to: [T].self))
        } else {
            let v: [Double] = generate(n, draw: d, perBatch: 16) { w, out in
                for j in 0..<8 {
                    let u = 1 - RNG.unitDouble(w.0[j], w.1[j]), t = RNG.unitDouble(w.2[j], w.3[j])
                    let r = (-2 * Double.log(u)).squareRoot(), theta = 2 * Double.pi * t
                    out[2 * j] = r * Double.cos(theta)
                    out[2 * j + 1] = r * Double.sin(theta)
                }
            }
            z = Tensor(shape: shape, scalars: v.map { T($0) })
        }
        return mean == 0 && std == 1 ? z : z * T(std) + T(mean)
    }

    /// ±1 with equal probability.
    public mutating func rademacher<T: TensorScalar>(_ shape: [Int], as _: T.Type = Double.self) -> Tensor<T> {
        let w = words(shape.reduce(1, *))
        return Tensor(shape: shape, scalars: w.map { $0 & 1 == 0 ? 1 : -1 })
    }

    /// `count` integers uniform in 0..<n (64-bit multiply-high of two words: bias ≤ n/2⁶⁴).
    public mutating func integers(_ count: Int, below n: Int) -> IntTensor {
        guard n > 0 else { fatalError("integers(below: \(n)): the bound must be positive") }
        let w = words(2 * count)
        return IntTensor((0..<count).map { i in RNG.bounded(w[2 * i], w[2 * i + 1], n) })
    }

    /// A uniformly random permutation of 0..<n (Fisher–Yates).
    public mutating func permutation(_ n: Int) -> IntTensor {
        let w = words(2 * n)
        var p = Array(0..<n)
        for i in stride(from: n - 1, to: 0, by: -1) {
            p.swapAt(i, RNG.bounded(w[2 * i], w[2 * i + 1], i + 1))
        }
        return IntTensor(p)
    }

    /// `count` draws from 0..<n: uniform, or with probabilities proportional to `weights`.
    /// Without replacement (uniform only) it is the start of a random permutation.
    public mutating func choice(_ n: Int, count: Int, replace: Bool = true, weights: [Double]? = nil) -> IntTensor {
        guard n > 0 else { fatalError("choice: cannot choose from an empty range (n = \(n))") }
        if !replace {
            guard weights == nil else { fatalError("choice: weighted sampling without replacement is not supported") }
            guard count <= n else { fatalError("choice: \(count) draws without replacement from \(n) items") }
            return IntTensor(Array(permutation(n).scalars.prefix(count)))
        }
        guard let weights else { return integers(count, below: n) }
        guard weights.count == n, weights.allSatisfy({ $0 >= 0 && $0.isFinite }), weights.contains(where: { $0 > 0 }) else {
            fatalError("choice: need \(n) finite non-negative weights, not all zero; got \(weights.count)")
        }
        var cdf = [Double](), s = 0.0
        for w in weights { s += w; cdf.append(s) }
        let u = uniform([count], as: Double.self).scalars
        return IntTensor(
            u.map { x in
                let target = x * s
                var lo = 0, hi = n - 1  // first index with cdf > target, skipping zero-weight items
                while lo < hi { let mid = (lo + hi) / 2; if cdf[mid] > target { hi = mid } else { lo = mid + 1 } }
                return lo
            })
    }

    /// `count` points uniform on the probability simplex in k dimensions (Dirichlet(1, …, 1)):
    /// normalised standard exponentials. Shape [count, k].
    public mutating func dirichletOnes<T: TensorScalar>(_ k: Int, count: Int, as _: T.Type = Double.self) -> Tensor<T> {
        guard k > 0 else { fatalError("dirichletOnes: dimension k = \(k) must be positive") }
        let u = uniform([count, k], as: Double.self)
        let e = (1 - u).scalars.map { -Double.log($0) }  // 1 − u in (0, 1]
        var out = [T](repeating: 0, count: count * k)
        for i in 0..<count {
            let row = e[(i * k)..<((i + 1) * k)], s = row.reduce(0, +)
            for (j, x) in row.enumerated() { out[i * k + j] = T(x / s) }
        }
        return Tensor(shape: [count, k], scalars: out)
    }
}
