internal import Foundation

/// Tick positions and labels.
///
/// Linear axes use the extended Wilkinson search (Talbot, Lin & Hanrahan 2010): among steps
/// q·10^z (q from a preference list) and starting points, pick the labelling that best trades
/// simplicity, coverage of the data and closeness to the wanted density. Axis drawing asks for
/// fewer ticks until the labels no longer overlap.
public enum Ticks {
    static let niceSteps: [Double] = [1, 5, 2, 2.5, 4, 3]
    static let weights = (simplicity: 0.25, coverage: 0.2, density: 0.5, legibility: 0.05)

    /// About `target` ticks inside [lo, hi] (both ends inclusive).
    public static func linear(_ lo: Double, _ hi: Double, target: Int = 5) -> [Double] {
        guard lo.isFinite, hi.isFinite else { return [] }
        if lo == hi { return [lo] }
        let (dmin, dmax) = (min(lo, hi), max(lo, hi))
        // The search may choose labels past the data; ask for denser labellings until at least
        // two fall inside the range.
        let eps = (dmax - dmin) * 1e-9
        var inside: [Double] = []
        for m in max(2, target)...(max(2, target) + 8) {
            guard let best = extended(dmin, dmax, m: m) else { continue }
            inside = best.filter { $0 >= dmin - eps && $0 <= dmax + eps }
            if inside.count >= 2 { break }
        }
        return inside
    }

    /// The extended Wilkinson labelling of [dmin, dmax] with about m labels (may extend past the data).
    static func extended(_ dmin: Double, _ dmax: Double, m: Int) -> [Double]? {
        let Q = niceSteps, n = Double(Q.count)
        let w = weights
        let range = dmax - dmin
        guard range.isFinite, range > 0, m >= 2 else { return nil }
        // The scores square (0.1·range): beyond ~1e150 that overflows, every score is NaN and the
        // pruning never fires (a search of minutes). Search in units of 10^e and scale back.
        let e = Int(floor(log10(max(abs(dmin), abs(dmax)))))
        // A range within ~1e-12 of its magnitude has no labelling the doubles can tell apart, and
        // its start counters would pass 2^53, where `start += 1` no longer moves: no ticks.
        guard range / max(abs(dmin), abs(dmax)) > 1e-12 else { return nil }
        if abs(e) > 100 {
            let unit = pow(10, Double(e))
            return extended(dmin / unit, dmax / unit, m: m).map { $0.map { $0 * unit } }
        }
        var bestScore = -2.0
        var best: (start: Double, count: Int, q: Double, j: Double, z: Int)?
        func coverage(_ lmin: Double, _ lmax: Double) -> Double {
            1 - 0.5 * (pow(dmax - lmax, 2) + pow(dmin - lmin, 2)) / pow(0.1 * range, 2)
        }
        func coverageMax(_ span: Double) -> Double {
            guard span > range else { return 1 }
            let half = (span - range) / 2
            return 1 - 0.5 * (2 * half * half) / pow(0.1 * range, 2)
        }
        func density(_ k: Double, _ lmin: Double, _ lmax: Double) -> Double {
            let r = (k - 1) / (lmax - lmin)
            let rt = (Double(m) - 1) / (max(lmax, dmax) - min(dmin, lmin))
            return 2 - max(r / rt, rt / r)
        }
        func densityMax(_ k: Double) -> Double { k >= Double(m) ? 2 - (k - 1) / (Double(m) - 1) : 1 }

        var j = 1.0
        outer: while j < 20 {
            for (qi, q) in Q.enumerated() {
                let sm = 1 - Double(qi) / (n - 1) - j + 1
                if w.simplicity * sm + w.coverage + w.density + w.legibility < bestScore { break outer }
                var k = 2.0
                while k < 50 {
                    let dm = densityMax(k)
                    if w.simplicity * sm + w.coverage + w.density * dm + w.legibility < bestScore { break }
                    let delta = range / (k + 1) / j / q
                    guard delta.isFinite, delta > 0 else { break }
                    var z = Int(max(-400, min(400, ceil(log10(delta)))))
                    while z < 400 {
                        let step = j * q * pow(10, Double(z))
                        let cm = coverageMax(step * (k - 1))
                        if w.simplicity * sm + w.coverage * cm + w.density * dm + w.legibility < bestScore { break }
                        let minStart = floor(dmax / step) * j - (k - 1) * j
                        let maxStart = ceil(dmin / step) * j
                        if minStart > maxStart { z += 1; continue }
                        var start = minStart
                        while start <= maxStart {
                            let lmin = start * (step / j), lmax = lmin + step * (k - 1)
                            // Zero among the labels is a bonus to simplicity.
                            let r = lmin.truncatingRemainder(dividingBy: step)
                            let hasZero = (abs(r) < 1e-10 * step || step - abs(r) < 1e-10 * step) && lmin <= 0 && lmax >= 0
                            let s = 1 - Double(qi) / (n - 1) - j + (hasZero ? 1 : 0)
                            let score =
                                w.simplicity * s + w.coverage * coverage(lmin, lmax)
                                + w.density * density(k, lmin, lmax) + w.legibility
                            if score > bestScore {
                                bestScore = score
                                best = (start, Int(k), q, j, z)
                            }
                            start += 1
                        }
                        z += 1
                    }
                    k += 1
                }
            }
            j += 1
        }
        guard let b = best else { return nil }
        // Label i is (start + i·j)·q·10^z; dividing by 10^−z keeps decimals exact (0.6, not 0.6000000000000001).
        return (0..<b.count).map { i in
            let units = (b.start + Double(i) * b.j) * b.q
            let v = b.z < 0 ? units / pow(10, Double(-b.z)) : units * pow(10, Double(b.z))
            return v == 0 ? 0 : v
        }
    }

    /// Major ticks of a log axis: every decade inside [lo, hi], thinned to at most `maxCount`
    /// (every 2nd, 3rd, … decade). Values are powers of ten.
    public static func logMajor(_ lo: Double, _ hi: Double, maxCount: Int = 8) -> [Double] {
        guard lo > 0, hi > lo, lo.isFinite, hi.isFinite else { return lo > 0 && lo == hi ? [lo] : [] }
        let a = Int(ceil(log10(lo) - 1e-9)), b = Int(floor(log10(hi) + 1e-9))
        guard a <= b else { return [] }
        let every = max(1, Int(ceil(Double(b - a + 1) / Double(max(1, maxCount)))))
        return stride(from: a, through: b, by: 1).filter { ($0 - a) % every == 0 || every == 1 }.map { pow(10, Double($0)) }
    }

    /// Ticks at 1, 2 and 5 × 10^k inside [lo, hi]: for log axes that hold fewer than two decade
    /// ticks (0.05 … 0.9 holds only 0.1), where decades alone would leave one label on the axis.
    public static func logOneTwoFive(_ lo: Double, _ hi: Double) -> [Double] {
        guard lo > 0, hi > lo, lo.isFinite, hi.isFinite else { return [] }
        var out: [Double] = []
        for e in Int(floor(log10(lo)))...Int(ceil(log10(hi))) {
            for m in [1.0, 2, 5] {
                let v = m * pow(10, Double(e))
                if v >= lo * (1 - 1e-12) && v <= hi * (1 + 1e-12) { out.append(v) }
            }
        }
        return out
    }

    /// A log-axis label for m × 10^k: plain decimals between 0.001 and 10⁵ ("0.05", "200"),
    /// "m×10^k" beyond.
    public static func logValueMarkup(_ v: Double) -> String {
        let e = Int(floor(log10(v) + 1e-9))
        let m = (v / pow(10, Double(e))).rounded()
        if e >= -3 && e <= 4 {
            return e >= 0 ? String(Int((m * pow(10, Double(e))).rounded())) : String(format: "%.\(-e)f", m * pow(10, Double(e)))
        }
        return (m == 1 ? "" : "\(Int(m))×") + powerOfTenMarkup(e)
    }

    /// Minor ticks of a log axis: 2…9 × 10^k inside [lo, hi] (none when decades are thinned heavily).
    public static func logMinor(_ lo: Double, _ hi: Double) -> [Double] {
        guard lo > 0, hi > lo, lo.isFinite, hi.isFinite else { return [] }
        let a = Int(floor(log10(lo))), b = Int(ceil(log10(hi)))
        guard b - a <= 12 else { return [] }
        var out: [Double] = []
        for e in a...b {
            for m in 2...9 {
                let v = Double(m) * pow(10, Double(e))
                if v >= lo && v <= hi { out.append(v) }
            }
        }
        return out
    }

    /// Ticks of a symlog axis: 0, and ±threshold·10^k decades inside the range.
    public static func symlog(_ lo: Double, _ hi: Double, threshold c: Double, maxCount: Int = 9) -> [Double] {
        var out: [Double] = []
        if lo <= 0 && hi >= 0 { out.append(0) }
        if hi > c { out += logMajor(max(lo, c), hi, maxCount: maxCount / 2 + 1) }
        if lo < -c { out += logMajor(max(-hi, c), -lo, maxCount: maxCount / 2 + 1).map { -$0 } }
        return out.sorted()
    }

    /// Labels for linear ticks with the fewest decimals that tell them apart; large or tiny
    /// magnitudes factor out a power of ten returned as `exponent` (drawn as ×10^k at the axis end).
    public static func labels(_ ticks: [Double]) -> (labels: [String], exponent: Int) {
        guard !ticks.isEmpty, ticks.allSatisfy(\.isFinite) else { return (ticks.map { _ in "" }, 0) }
        let big = ticks.map(abs).max()!
        var exponent = 0
        if big > 0 {
            let e = Int(floor(log10(big)))
            if e >= 5 || e <= -4 { exponent = e }
        }
        let scaled = ticks.map { exponent == 0 ? $0 : $0 / pow(10, Double(exponent)) }
        var decimals = 0
        while decimals < 10 {
            let p = pow(10, Double(decimals))
            if scaled.allSatisfy({ abs(($0 * p).rounded() - $0 * p) < 1e-6 * max(1, abs($0 * p)) }) { break }
            decimals += 1
        }
        return (scaled.map { format($0, decimals: decimals) }, exponent)
    }

    /// Labels for ticks that differ only far right of the decimal point (a loss near 2.3026 moving
    /// by 1e-5): an offset is taken out and written once at the axis end, as matplotlib does.
    /// Returns the labels of `tick − offset`, their power of ten, and the offset (0 when none).
    public static func labelsWithOffset(_ ticks: [Double]) -> (labels: [String], exponent: Int, offset: Double, offsetText: String) {
        guard ticks.count >= 2, let lo = ticks.min(), let hi = ticks.max(), hi > lo else {
            let l = labels(ticks); return (l.labels, l.exponent, 0, "")
        }
        let span = hi - lo, magnitude = max(abs(lo), abs(hi))
        guard span.isFinite, span / magnitude < 1e-3 else { let l = labels(ticks); return (l.labels, l.exponent, 0, "") }
        let e = Int(floor(log10(span))) + 1
        let p = pow(10, Double(e))
        let offset = (lo / p).rounded(.down) * p
        let l = labels(ticks.map { $0 - offset })
        let text = format(offset, decimals: max(0, -e))
        return (l.labels, l.exponent, offset, (offset < 0 ? "" : "+") + text)
    }

    /// The shortest label for one value given a tick step (kept for callers that label single values).
    public static func label(_ v: Double, step: Double) -> String {
        labels([v, v + step]).labels[0]
    }

    static func format(_ v: Double, decimals: Int) -> String {
        var s = String(format: "%.\(decimals)f", v)
        if s.hasPrefix("-") {
            // "-0" and "-0.0" are zero; a true negative gets a typographic minus.
            if Double(s) == 0 { s.removeFirst() } else { s = "\u{2212}" + s.dropFirst() }
        }
        return s
    }

    /// `10<sup>k</sup>` in Pango markup, with a typographic minus.
    public static func powerOfTenMarkup(_ k: Int) -> String {
        // Pango's <sup> neither shrinks nor raises enough at small sizes: explicit span.
        "10<span size=\"70%\" rise=\"3.2pt\">" + (k < 0 ? "\u{2212}\(-k)" : "\(k)") + "</span>"
    }
}
