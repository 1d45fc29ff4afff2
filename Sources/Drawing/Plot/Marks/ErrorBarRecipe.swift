internal import Foundation
import Graphics
import PlotData

/// Error sizes along one axis for `Axes.errorbar`: the same distance below and above each
/// point, or a lower and an upper distance (matplotlib's `yerr` of shape (N,) or (2, N)).
public struct ErrorSpan: Sendable, ExpressibleByArrayLiteral {
    /// Distances below (or left of) each point.
    public var lower: [Double]
    /// Distances above (or right of) each point.
    public var upper: [Double]

    /// The same distance on both sides: `.symmetric(standardErrors)`.
    /// - Parameter e: one distance per point.
    /// - Returns: the span.
    public static func symmetric(_ e: [Double]) -> ErrorSpan { ErrorSpan(lower: e, upper: e) }

    /// Different distances below and above: `.asymmetric(lower: median - q1, upper: q3 - median)`.
    /// - Parameters:
    ///   - lower: distances below each point.
    ///   - upper: distances above each point.
    /// - Returns: the span.
    public static func asymmetric(lower: [Double], upper: [Double]) -> ErrorSpan { ErrorSpan(lower: lower, upper: upper) }

    /// A symmetric span from a literal: `yerr: [0.1, 0.2, 0.1]`.
    /// - Parameter elements: one distance per point.
    public init(arrayLiteral elements: Double...) { (lower, upper) = (elements, elements) }

    init(lower: [Double], upper: [Double]) { (self.lower, self.upper) = (lower, upper) }
}

extension Axes {
    /// Points with error bars (matplotlib's `ax.errorbar(x, y, yerr=, xerr=, capsize=, fmt=)`).
    ///
    /// ```swift
    /// fig.axes.errorbar(x: widths, y: means, yerr: .symmetric(sems), label: "mean ± s.e.")
    /// fig.axes.errorbar(x: x, y: med, yerr: .asymmetric(lower: med - q1, upper: q3 - med), cap: 0)
    /// ```
    /// - Parameters:
    ///   - x: x of the points.
    ///   - y: y of the points.
    ///   - yerr: vertical errors (nil: none).
    ///   - xerr: horizontal errors (nil: none).
    ///   - cap: half the cap length in points (0: no caps; matplotlib's `capsize` / 2).
    ///   - marker: the point marker (nil: bars only).
    ///   - joined: whether a line joins the points.
    ///   - label: legend text.
    ///   - color: the colour (nil: the next colour of the cycle).
    ///   - alpha: opacity in 0…1.
    /// - Note: Traps with a message naming the arrays when lengths differ or a distance is negative.
    public mutating func errorbar(
        x: [Double], y: [Double], yerr: ErrorSpan? = nil, xerr: ErrorSpan? = nil, cap: Double = 2.5,
        marker: MarkerShape? = .circle, joined: Bool = false, label: String? = nil, color: Color? = nil, alpha: Double? = nil
    ) {
        let m = ErrorBarMark(
            x: x, y: y, yLower: yerr?.lower, yUpper: yerr?.upper, xLower: xerr?.lower, xUpper: xerr?.upper, cap: cap,
            marker: marker, joined: joined, label: label, color: nextColor(color), alpha: alpha)
        if let problem = m.problems().first { fatalError("errorbar: " + problem) }
        marks.append(.errorbar(m))
    }
}

extension ErrorBarMark: MarkRecipe {
    var count: Int {
        [x.count, y.count, yLower?.count, yUpper?.count, xLower?.count, xUpper?.count].compactMap { $0 }.min() ?? 0
    }

    /// The bars' ends, for point i: (x lo, x hi, y lo, y hi); NaN distances draw no bar.
    func ends(_ i: Int) -> (Double, Double, Double, Double) {
        func d(_ a: [Double]?) -> Double { a.map { $0[i].isFinite ? $0[i] : 0 } ?? 0 }
        return (x[i] - d(xLower), x[i] + d(xUpper), y[i] - d(yLower), y[i] + d(yUpper))
    }

    func addExtent(x: inout Axes.Extent, y: inout Axes.Extent) -> Bool {
        for i in 0..<count where self.x[i].isFinite && self.y[i].isFinite {
            let e = ends(i)
            x.add([e.0, e.1, self.x[i]]); y.add([e.2, e.3, self.y[i]])
        }
        return true
    }

    func legendEntries() -> [(Legend.Swatch, String)] {
        guard let label else { return [] }
        return [(marker.map { .marker(color.faded(alpha), $0) } ?? .line(color.faded(alpha), []), label)]
    }

    func footprint(in f: PlotFrame) -> Legend.Footprint {
        var out: [Point] = []
        for i in 0..<count where f.accepts(x[i], y[i]) {
            let e = ends(i)
            out += Legend.along([x[i], x[i]], [e.2, e.3], f) + Legend.along([e.0, e.1], [y[i], y[i]], f)
        }
        if joined { out += Legend.along(Array(x.prefix(count)), Array(y.prefix(count)), f) }
        return .points(out)
    }

    func draw(on canvas: Canvas, frame f: PlotFrame) {
        let c = color.faded(alpha), n = count
        if joined {
            Mark.polyline(Array(x.prefix(n)), Array(y.prefix(n)), on: canvas, frame: f)
            canvas.setLineJoin(.round)
            canvas.stroke(c, width: 1.25)
        }
        for i in 0..<n where f.accepts(x[i], y[i]) {
            let e = ends(i), p = f.point(x[i], y[i])
            if yLower != nil, f.yScale.accepts(e.2), f.yScale.accepts(e.3) {
                let (a, b) = (f.py(e.2), f.py(e.3))
                canvas.move(to: Point(p.x, a)); canvas.line(to: Point(p.x, b))
                if cap > 0 {
                    for yy in [a, b] { canvas.move(to: Point(p.x - cap, yy)); canvas.line(to: Point(p.x + cap, yy)) }
                }
            }
            if xLower != nil, f.xScale.accepts(e.0), f.xScale.accepts(e.1) {
                let (a, b) = (f.px(e.0), f.px(e.1))
                canvas.move(to: Point(a, p.y)); canvas.line(to: Point(b, p.y))
                if cap > 0 {
                    for xx in [a, b] { canvas.move(to: Point(xx, p.y - cap)); canvas.line(to: Point(xx, p.y + cap)) }
                }
            }
        }
        canvas.setLineCap(.butt)
        canvas.stroke(c, width: min(width, 50))
        guard let marker else { return }
        let stroked = marker == .cross || marker == .plus
        for i in 0..<n where f.accepts(x[i], y[i]) {
            Mark.marker(marker, at: f.point(x[i], y[i]), size: min(markerSize, 200), on: canvas)
            if alpha != nil { stroked ? canvas.stroke(c, width: 1) : canvas.fill(c) }
        }
        if alpha == nil { stroked ? canvas.stroke(c, width: 1) : canvas.fill(c) }
    }
}
