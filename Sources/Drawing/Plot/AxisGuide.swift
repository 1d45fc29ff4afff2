internal import Foundation
import Graphics
import PlotData

/// Ticks and tick labels of one axis, chosen for its drawn length so labels never overlap.
struct AxisGuide {
    var major: [Double]
    var labels: [DrawnLabel]
    var minor: [Double]
    /// `×10^k` drawn at the end of the axis when labels factor out a power of ten.
    var exponent: DrawnLabel?
    /// Which side of the frame the ticks point to.
    var direction: TickDirection = .out

    /// How far ticks reach outside the frame (labels sit beyond), in points.
    var outward: Double { AxisGuide.reach(direction, PlotStyle.tickLength).outside }

    /// The span of a tick of `length` across the frame line: (outside, inside) in points.
    static func reach(_ d: TickDirection, _ length: Double) -> (outside: Double, inside: Double) {
        switch d {
        case .out: (length, 0)
        case .in: (0, length)
        case .inout: (length * 0.75, length * 0.75)
        }
    }

    var maxLabelWidth: Double { labels.map(\.size.width).max() ?? 0 }
    var maxLabelHeight: Double { labels.map(\.size.height).max() ?? 0 }

    /// `lo`, `hi` in data units; `length` in points; horizontal axes space labels by width;
    /// `spec` holds what the notebook set (positions, labels, count, format, minor ticks, direction).
    static func make(
        scale: AxisScale, lo: Double, hi: Double, length: Double, horizontal: Bool, canvas: Canvas, spec: TickSpec? = nil
    ) -> AxisGuide {
        var g =
            fixed(spec, scale: scale, lo: lo, hi: hi, canvas: canvas)
            ?? automatic(scale: scale, lo: lo, hi: hi, length: length, horizontal: horizontal, canvas: canvas, spec: spec)
        g.direction = spec?.direction ?? .out
        if let parts = spec?.minor { g.minor = TickText.minor(g.major, parts: parts, scale: scale, lo: lo, hi: hi, default: g.minor) }
        return g
    }

    static func automatic(
        scale: AxisScale, lo: Double, hi: Double, length: Double, horizontal: Bool, canvas: Canvas, spec: TickSpec?
    ) -> AxisGuide {
        let size = PlotStyle.tickSize
        // Labels the notebook chose a format for; nil keeps the scale's own labels.
        func custom(_ major: [Double]) -> [DrawnLabel]? { TickText.labels(major, spec: spec, scale: scale, canvas: canvas) }
        func position(_ v: Double) -> Double {
            let (a, b) = (scale.forward(lo), scale.forward(hi))
            return (scale.forward(v) - a) / (b - a) * length
        }
        func fits(_ ticks: [Double], _ labels: [DrawnLabel]) -> Bool {
            for i in 1..<max(1, ticks.count) {
                let gap = abs(position(ticks[i]) - position(ticks[i - 1]))
                let need =
                    horizontal
                    ? (labels[i].size.width + labels[i - 1].size.width) / 2 + 5
                    : (labels[i].size.height + labels[i - 1].size.height) / 2 + 1
                if gap < need { return false }
            }
            return true
        }
        switch scale {
        case .log where hi / lo >= 10:
            var maxCount = spec?.count ?? Int(length / (horizontal ? 28 : 14))
            if Ticks.logMajor(lo, hi, maxCount: 100).count < 2 || spec?.logSteps == .oneTwoFive {
                // One decade tick or none: label 1-2-5 steps instead (matplotlib labels a subset
                // of minor ticks here); if those crowd, keep 1 and 5 (or the decade) only.
                for keep in [[1.0, 2, 5], [1, 5], [1]] {
                    let major = Ticks.logOneTwoFive(lo, hi).filter { v in
                        keep.contains((v / pow(10, floor(log10(v) + 1e-9))).rounded())
                    }
                    let labels = custom(major) ?? major.map { LabelRenderer.markup(canvas, Ticks.logValueMarkup($0), size) }
                    if major.count >= 2 && fits(major, labels) || keep == [1] {
                        return AxisGuide(
                            major: major, labels: labels,
                            minor: Ticks.logMinor(lo, hi).filter { !major.contains($0) }, exponent: nil)
                    }
                }
            }
            while true {
                let major = Ticks.logMajor(lo, hi, maxCount: max(1, maxCount))
                let labels =
                    custom(major) ?? major.map { LabelRenderer.markup(canvas, Ticks.powerOfTenMarkup(Int(log10($0).rounded())), size) }
                if fits(major, labels) || maxCount <= 1 {
                    let thinned = major.count >= 2 && log10(major[1] / major[0]) > 1.5
                    return AxisGuide(major: major, labels: labels, minor: thinned ? [] : Ticks.logMinor(lo, hi), exponent: nil)
                }
                maxCount -= 1
            }
        case .symlog(let c):
            var maxCount = spec?.count ?? Int(length / (horizontal ? 28 : 14))
            while true {
                let major = Ticks.symlog(lo, hi, threshold: c, maxCount: max(2, maxCount))
                let labels =
                    custom(major)
                    ?? major.map { v -> DrawnLabel in
                        let e = log10(abs(v))
                        if v != 0, abs(e - e.rounded()) < 1e-9 {
                            return LabelRenderer.markup(canvas, (v < 0 ? "\u{2212}" : "") + Ticks.powerOfTenMarkup(Int(e.rounded())), size)
                        }
                        return LabelRenderer.markup(canvas, Ticks.labels([v]).labels[0], size)
                    }
                if fits(major, labels) { return AxisGuide(major: major, labels: labels, minor: [], exponent: nil) }
                if maxCount <= 2 {
                    // Still crowded (the ±threshold decades sit close to 0): keep 0 and the outer
                    // decades, dropping any label that would touch one already kept.
                    let order = major.indices.sorted {
                        abs(major[$0]) == abs(major[$1]) ? $0 < $1 : (major[$0] == 0 || (major[$1] != 0 && abs(major[$0]) > abs(major[$1])))
                    }
                    var kept: [Int] = []
                    for i in order
                    where kept.allSatisfy({ j in
                        let (a, b) = (min(i, j), max(i, j))
                        return fits([major[a], major[b]], [labels[a], labels[b]])
                    }) { kept.append(i) }
                    kept.sort()
                    return AxisGuide(major: kept.map { major[$0] }, labels: kept.map { labels[$0] }, minor: [], exponent: nil)
                }
                maxCount -= 1
            }
        default:
            // Linear (and log axes spanning less than a decade, labelled with plain numbers).
            // About one label per 0.7 in across and per 0.4 in up (close to matplotlib's density).
            var target = spec?.count ?? max(2, min(10, Int(length / (horizontal ? 50 : 30)) + 1))
            func labelled(_ major: [Double]) -> ([DrawnLabel], DrawnLabel?) {
                if let labels = custom(major) { return (labels, nil) }
                let (text, exponent, _, offsetText) = Ticks.labelsWithOffset(major)
                let labels = text.map { LabelRenderer.markup(canvas, $0, size) }
                // "×10^k" and/or "+offset", written once at the end of the axis.
                let endText =
                    (exponent == 0 ? "" : "×" + Ticks.powerOfTenMarkup(exponent)) + (offsetText.isEmpty ? "" : (exponent == 0 ? "" : " ") + offsetText)
                return (labels, endText.isEmpty ? nil : LabelRenderer.markup(canvas, endText, size))
            }
            while true {
                let major = Ticks.linear(lo, hi, target: target)
                let (labels, exp) = labelled(major)
                if fits(major, labels) {
                    // A narrow panel whose density target gave two ticks: a denser labelling often
                    // still fits (0, 0.5, 1 where 0 and 1 were chosen), and two ticks hardly read as a scale.
                    if major.count < 3 && spec?.count == nil {
                        for denser in (target + 1)...(target + 4) {
                            let m = Ticks.linear(lo, hi, target: denser)
                            guard m.count >= 3 else { continue }
                            let (l, e) = labelled(m)
                            if fits(m, l) { return AxisGuide(major: m, labels: l, minor: [], exponent: e) }
                            break
                        }
                    }
                    return AxisGuide(major: major, labels: labels, minor: [], exponent: exp)
                }
                if target <= 2 {
                    // Even two labels collide on a very short axis: keep the shortest one.
                    guard let i = labels.indices.min(by: { labels[$0].size.width < labels[$1].size.width }) else {
                        return AxisGuide(major: [], labels: [], minor: [], exponent: nil)
                    }
                    return AxisGuide(major: [major[i]], labels: [labels[i]], minor: [], exponent: exp)
                }
                target -= 1
            }
        }
    }
}
