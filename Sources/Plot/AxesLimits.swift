import Foundation

/// The data range an axes shows: the marks' extent, padded by 4 % (in the scale's own space)
/// unless every mark fills a grid exactly (heatmaps, contours), with sensible fallbacks for
/// empty and constant data.
extension Axes {
    func dataExtent() -> (x: [Double], y: [Double], tight: Bool) {
        var xs: [Double] = [], ys: [Double] = []
        var tight = true
        func add(_ x: [Double], _ y: [Double]) { xs += x; ys += y; tight = false }
        for m in marks {
            switch m {
            case .line(let l): add(l.x, l.y)
            case .scatter(let s): add(s.x, s.y)
            case .band(let b): add(b.x + b.x, b.lower + b.upper)
            case .bars(let b):
                add(b.left + zip(b.left, b.width).map(+), b.height + [b.baseline])
            case .stem(let s): add(s.x, s.y + [s.baseline])
            case .step(let s): add(s.x, s.y)
            case .heatmap(let h): xs += h.xRange; ys += h.yRange
            case .contour(let c): xs += c.xRange; ys += c.yRange
            case .regions(let r): xs += r.xRange; ys += r.yRange
            case .rule(let r): if r.orientation == .horizontal { ys.append(r.value) } else { xs.append(r.value) }
            case .text(let t): add([t.x], [t.y])
            case .arrow(let a): add([a.from[0], a.to[0]], [a.from[1], a.to[1]])
            case .surface, .line3D, .points3D: break
            }
        }
        return (xs, ys, tight)
    }

    /// Limits in data units for x and y.
    func limits() -> (x: (Double, Double), y: (Double, Double)) {
        let e = dataExtent()
        return (xLimits.map { ($0[0], $0[1]) } ?? Axes.fit(e.x, scale: xScale, pad: !e.tight),
                yLimits.map { ($0[0], $0[1]) } ?? Axes.fit(e.y, scale: yScale, pad: !e.tight))
    }

    static func fit(_ values: [Double], scale: AxisScale, pad: Bool) -> (Double, Double) {
        let u = values.filter { scale.accepts($0) }.map { scale.forward($0) }.filter(\.isFinite)
        guard var lo = u.min(), var hi = u.max() else { return scale == .log ? (1, 10) : (0, 1) }
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
