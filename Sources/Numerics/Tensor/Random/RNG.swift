/// A seedable, splittable random number generator over Philox4x32-10.
///
/// Every sampling call takes a fresh "draw" number d (the counter's high 64 bits); element i
/// of that draw comes from block i / (elements per block) of counter (block, d). Values thus
/// depend only on (seed, split path, draw number, element index) — never on threads or on
/// how the work is chunked. `split(label)` derives an independent generator whose key is a
/// Philox image of the parent key and the label, so named streams ("init", "data", "noise")
/// do not shift when another stream draws more numbers.
public struct RNG: Sendable, Equatable {
    /// The generator's Philox key: its seed, or a split's derived key.
    public let key: UInt64
    /// Sampling calls made so far; the next call uses this as its draw number.
    public private(set) var draws: UInt64 = 0

    /// A generator whose every draw is fixed by `seed`.
    ///
    /// ```swift
    /// var rng = RNG(seed: cellSeed)
    /// let w = rng.normal([64, 2], std: 0.5)            // Tensor<Double>
    /// let init = rng.split("init")                      // an independent stream
    /// ```
    ///
    /// - Parameter seed: Any value; equal seeds give equal streams on every machine and thread count.
    public init(seed: UInt64) { key = seed }

    var keyWords: (UInt32, UInt32) { (UInt32(truncatingIfNeeded: key), UInt32(truncatingIfNeeded: key >> 32)) }

    /// An independent generator named by `label` (FNV-1a of its UTF-8, so stable across runs).
    public func split(_ label: String) -> RNG {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in label.utf8 { h = (h ^ UInt64(byte)) &* 0x100_0000_01b3 }
        return derive(h, tag: 0xFFFF_FFFF)
    }

    /// An independent generator numbered `index` (for per-seed, per-layer, per-run streams).
    public func split(_ index: Int) -> RNG { derive(UInt64(bitPattern: Int64(index)), tag: 0xFFFF_FFFE) }

    /// Child key = Philox(counter: (value, tag, tag), key): the tag words keep these counters
    /// apart from sampling counters, whose draw numbers stay below 2⁶².
    private func derive(_ value: UInt64, tag: UInt32) -> RNG {
        let out = Philox.block((UInt32(truncatingIfNeeded: value), UInt32(truncatingIfNeeded: value >> 32), tag, tag), key: keyWords)
        return RNG(seed: UInt64(out.0) | UInt64(out.1) << 32)
    }

    /// Claims the next draw number.
    mutating func nextDraw() -> UInt64 {
        defer { draws += 1 }
        return draws
    }

    /// Fills `count` outputs, `perBatch` at a time: batch b covers blocks 8b…8b+7 of draw
    /// `draw`; `make` turns the 8 blocks' words into `perBatch` values. Batches are split
    /// across threads; a batch is always computed whole, so values do not depend on chunking.
    func generate<E: BitwiseCopyable>(
        _ count: Int, draw: UInt64, perBatch: Int,
        _ make: (_ w: (SIMD8<UInt32>, SIMD8<UInt32>, SIMD8<UInt32>, SIMD8<UInt32>), _ out: UnsafeMutablePointer<E>) -> Void
    ) -> [E] {
        let batches = (count + perBatch - 1) / perBatch
        let k = keyWords
        let d2 = SIMD8<UInt32>(repeating: UInt32(truncatingIfNeeded: draw))
        let d3 = SIMD8<UInt32>(repeating: UInt32(truncatingIfNeeded: draw >> 32))
        let lanes = SIMD8<UInt64>(0, 1, 2, 3, 4, 5, 6, 7)
        return [E](unsafeUninitializedCapacity: count) { out, initialized in
            let base = out.baseAddress!
            parallelChunks(batches, threshold: 1 << 12) { range in
                let tmp = UnsafeMutablePointer<E>.allocate(capacity: perBatch)
                defer { tmp.deallocate() }
                for b in range {
                    let blocks = SIMD8<UInt64>(repeating: UInt64(b) * 8) &+ lanes
                    let w = Philox.block8(Philox.narrow(blocks), Philox.narrow(blocks &>> 32), d2, d3, key: k)
                    let start = b * perBatch, n = Swift.min(perBatch, count - start)
                    if n == perBatch {
                        make(w, base + start)
                    } else {
                        make(w, tmp)
                        (base + start).moveInitialize(from: tmp, count: n)
                    }
                }
            }
            initialized = count
        }
    }

    /// `count` raw 32-bit words of a fresh draw (word i = word i % 4 of block i / 4).
    public mutating func words(_ count: Int) -> [UInt32] {
        generate(count, draw: nextDraw(), perBatch: 32) { w, out in
            for j in 0..<8 { out[4 * j] = w.0[j]; out[4 * j + 1] = w.1[j]; out[4 * j + 2] = w.2[j]; out[4 * j + 3] = w.3[j] }
        }
    }
}
