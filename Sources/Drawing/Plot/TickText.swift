internal import Foundation
import Graphics
import PlotData

/// Tick labels and minor ticks as a notebook's `TickSpec` asks for them: explicit labels,
/// a formatter closure's table, plain / scientific / percent formats, minor subdivisions.
enum TickText {
    /// Labels for `values` per the spec, or nil when the spec leaves labelling to the scale.
    static func labels(_ values: [Double], spec: TickSpec?, scale: AxisScale, canvas: Canvas) -> [DrawnLabel]? {
        guard let spec else { return nil }
        let size = PlotStyle.tickSize
        if let table = spec.formattedValues, let text = spec.formattedLabels, table.count == text.count {
            return values.map { v in
                // The closure saw every candidate tick; compare with a tolerance of the axis's scale.
                let tolerance = 1e-9 * max(1, abs(v))
                if let i = table.firstIndex(where: { abs($0 - v) <= tolerance }) {
                    return LabelRenderer.render(canvas, text[i], size, false)
                }
                return LabelRenderer.markup(canvas, Ticks.labels([v]).labels[0], size)
            }
        }
        guard let format = spec.format else { return nil }
        return markup(values, format).map { LabelRenderer.markup(canvas, $0, size) }
    }

    /// Pango markup of each value in a format.
    static func markup(_ values: [Double], _ format: TickFormat) -> [String] {
        switch format {
        case .plain: return plain(values)
        case .percent: return plain(values.map { $0 * 100 }).map { $0 + "%" }
        case .scientific:
            return values.map { v in
                guard v != 0, v.isFinite else { return "0" }
                let e = Int(floor(log10(abs(v)) + 1e-12))
                let m = v / pow(10, Double(e))
                let mantissa = plain([m])[0]
                return (mantissa == "1" ? "" : mantissa == "\u{2212}1" ? "\u{2212}" : mantissa + "×") + Ticks.powerOfTenMarkup(e)
            }
        }
    }

    /// Decimals with the fewest digits that tell the values apart, never a factored power of ten.
    static func plain(_ values: [Double]) -> [String] {
        var decimals = 0
        while decimals < 12 {
            let p = pow(10, Double(decimals))
            if values.allSatisfy({ abs(($0 * p).rounded() - $0 * p) < 1e-6 * max(1, abs($0 * p)) }) { break }
            decimals += 1
        }
        return values.map { Ticks.format($0, decimals: decimals) }
    }

    /// Minor ticks dividing each major interval into `parts` (0: none). Linear axes divide the
    /// major step, continuing past the first and last major ticks to the limits; log axes keep
    /// their 2…9 × 10^k ticks for any `parts` > 0.
    static func minor(_ major: [Double], parts: Int, scale: AxisScale, lo: Double, hi: Double, default d: [Double]) -> [Double] {
        guard parts > 0 else { return [] }
        guard scale == .linear else { return d }
        guard major.count >= 2, parts >= 2 else { return [] }
        let step = abs(major[1] - major[0]) / Double(parts)
        let (a, b) = (min(lo, hi), max(lo, hi)), eps = step * 1e-9
        guard step.isFinite, step > 0, (b - a) / step < 5_000 else { return [] }
        let first = Int(floor((a - major[0]) / step)), last = Int(ceil((b - major[0]) / step))
        return (first...last).compactMap { k -> Double? in
            let v = major[0] + Double(k) * step
            return k % parts != 0 && v >= a - eps && v <= b + eps ? v : nil
        }
    }
}

extension AxisGuide {
    /// Ticks at the spec's fixed positions (those inside the limits), with its labels or
    /// formatted values; nil when the spec fixes no positions.
    static func fixed(_ spec: TickSpec?, scale: AxisScale, lo: Double, hi: Double, canvas: Canvas) -> AxisGuide? {
        guard let spec, let positions = spec.positions else { return nil }
        let (a, b) = (min(lo, hi), max(lo, hi)), eps = (b - a) * 1e-9
        let inside = positions.indices.filter { positions[$0] >= a - eps && positions[$0] <= b + eps && scale.accepts(positions[$0]) }
        let major = inside.map { positions[$0] }
        let labels: [DrawnLabel]
        if let text = spec.labels, text.count == positions.count {
            labels = inside.map { LabelRenderer.render(canvas, text[$0], PlotStyle.tickSize, false) }
        } else if let custom = TickText.labels(major, spec: spec, scale: scale, canvas: canvas) {
            labels = custom
        } else {
            // Fixed positions carry no common ×10^k: each is labelled in full.
            labels = TickText.plain(major).map { LabelRenderer.markup(canvas, $0, PlotStyle.tickSize) }
        }
        let minor = scale == .log ? Ticks.logMinor(a, b).filter { !major.contains($0) } : []
        return AxisGuide(major: major, labels: labels, minor: minor, exponent: nil)
    }
}
