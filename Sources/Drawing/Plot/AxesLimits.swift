internal import Foundation
import PlotData

/// The data range an axes shows: the marks' extent, padded by 4 % (in the scale's own space)
/// unless every mark fills a grid exactly (heatmaps, contours), with sensible fallbacks for
/// empty and constant data.
extension Axes {
    /// Running extent in scale space; values the scale cannot show (NaN, ≤ 0 on log) are skipped.
    struct Extent {
        let scale: AxisScale
        var lo = Double.infinity, hi = -Double.infinity
        mutating func add(_ v: Double) {
            guard scale.accepts(v) else { return }
            let u = scale.forward(v)
            if u < lo { lo = u }
            if u > hi { hi = u }
        }
        mutating func add<S: Sequence>(_ vs: S) where S.Element == Double { for v in vs { add(v) } }
    }

    /// Extent of the marks in scale space, and whether only grid marks (drawn edge to edge) are present.
    func dataExtent() -> (x: Extent, y: Extent, tight: Bool) {
        var x = Extent(scale: xScale), y = Extent(scale: yScale)
        var tight = true
        for m in marks where m.recipe.addExtent(x: &x, y: &y) { tight = false }
        // The right axis's marks share the x axis: their x extent counts, their y has its own axis.
        var right = Extent(scale: twin?.yScale ?? .linear)
        for m in twin?.marks ?? [] where m.recipe.addExtent(x: &x, y: &right) { tight = false }
        return (x, y, tight)
    }

    /// Limits in data units for x and y.
    func limits() -> (x: (Double, Double), y: (Double, Double)) {
        let e = dataExtent()
        return (
            Axes.usable(xLimits, xScale) ?? Axes.fit(e.x, pad: !e.tight),
            Axes.usable(yLimits, yScale) ?? Axes.fit(e.y, pad: !e.tight)
        )
    }

    /// Explicit limits the drawing can use (validation reports the others; drawing never traps on them).
    static func usable(_ l: [Double]?, _ scale: AxisScale) -> (Double, Double)? {
        guard let l, l.count == 2, scale.accepts(l[0]), scale.accepts(l[1]), l[0] != l[1] else { return nil }
        let span = scale.forward(l[1]) - scale.forward(l[0])
        return span.isFinite && span != 0 ? (l[0], l[1]) : nil
    }

    static func fit(_ values: [Double], scale: AxisScale, pad: Bool) -> (Double, Double) {
        var e = Extent(scale: scale)
        e.add(values)
        return fit(e, pad: pad)
    }

    static func fit(_ e: Extent, pad: Bool) -> (Double, Double) {
        let scale = e.scale
        guard e.lo <= e.hi, (e.hi - e.lo).isFinite else { return scale == .log ? (1, 10) : (0, 1) }
        var (lo, hi) = (e.lo, e.hi)
        if lo == hi {
            // Constant data: a unit around it (a decade on log axes) so it sits mid-axis.
            let half = scale == .linear ? (lo == 0 ? 1 : abs(lo) * 0.1) : 0.5
            (lo, hi) = (lo - half, hi + half)
        } else if pad {
            let p = (hi - lo) * 0.04
            (lo, hi) = (lo - p, hi + p)
        }
        return (scale.inverse(lo), scale.inverse(hi))
    }
}
