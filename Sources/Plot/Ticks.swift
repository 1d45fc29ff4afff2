import Foundation

/// Tick positions for a linear axis: "nice" steps of 1, 2, 2.5 or 5 × 10^k giving about
/// `target` ticks that cover [lo, hi]. (The extended Wilkinson search arrives with the full Plot.)
public enum Ticks {
    public static func linear(_ lo: Double, _ hi: Double, target: Int = 5) -> [Double] {
        guard lo.isFinite, hi.isFinite else { return [] }
        if lo == hi { return [lo] }
        let raw = (hi - lo) / Double(max(target, 1))
        let exponent = Int(floor(log10(raw)))
        let mag = pow(10, Double(exponent))
        let mantissa = [1, 2, 2.5, 5, 10].first { $0 * mag >= raw } ?? 10
        let step = mantissa * mag
        // k·m·10^e computed as (k·m)/10^(−e) for e < 0, so 3 × 0.2 prints as 0.6, not 0.6000000000000001.
        func value(_ k: Double) -> Double {
            exponent < 0 ? (k * mantissa) / pow(10, Double(-exponent)) : k * mantissa * pow(10, Double(exponent))
        }
        var ticks: [Double] = []
        var k = (lo / step).rounded(.up)
        while value(k) <= hi + step * 1e-9 {
            ticks.append(k == 0 ? 0 : value(k))
            k += 1
        }
        return ticks
    }

    /// Shortest label that tells ticks apart ("0.5", "1", "2.5").
    public static func label(_ v: Double, step: Double) -> String {
        let decimals = max(0, -Int(floor(log10(step) + 1e-9)) + (step / pow(10, floor(log10(step))) == 2.5 ? 1 : 0))
        return String(format: "%.\(decimals)f", v).replacingOccurrences(of: "-", with: "\u{2212}")
    }
}
