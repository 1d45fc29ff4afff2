internal import Foundation
import Graphics
import PlotData

extension Axes {
    /// Box plots of samples (matplotlib's `ax.boxplot(data, positions=, widths=, notch=, whis=,
    /// tick_labels=, orientation=)`): per group a box from the first to the third quartile
    /// (NumPy's linear interpolation), the median across it, whiskers to the furthest data
    /// within `whis` × IQR of the box, and the data beyond them as hollow circles.
    ///
    /// ```swift
    /// fig.axes.boxplot([lossesSGD, lossesAdam], names: ["SGD", "Adam"], notch: true)
    /// ```
    /// - Parameters:
    ///   - groups: one sample per box; NaN and ±∞ are left out.
    ///   - positions: box centres (nil: 1, 2, 3, …).
    ///   - width: box width in data units.
    ///   - notch: draws notches at median ∓ 1.57 · IQR / √n (a rough 95 % interval of the median).
    ///   - whis: whisker reach in IQRs.
    ///   - names: category labels, set as the ticks of the category axis.
    ///   - vertical: upright boxes (false: lying along x).
    ///   - label: legend text.
    ///   - color: the colour (nil: the next colour of the cycle).
    ///   - alpha: opacity in 0…1.
    /// - Note: Traps with a message when a group has no finite value or the counts differ.
    /// - Complexity: O(n log n) for n samples in all (a sort per group).
    public mutating func boxplot(
        _ groups: [[Double]], positions: [Double]? = nil, width: Double = 0.5, notch: Bool = false, whis: Double = 1.5,
        names: [String]? = nil, vertical: Bool = true, label: String? = nil, color: Color? = nil, alpha: Double? = nil
    ) {
        let at = positions ?? groups.indices.map { Double($0 + 1) }
        Axes.check("boxplot", [("groups", groups.count), ("positions", at.count)] + (names.map { [("names", $0.count)] } ?? []))
        guard whis.isFinite, whis >= 0 else { fatalError("boxplot: whis must be a finite number ≥ 0, got \(whis)") }
        let stats = groups.enumerated().map { k, g -> BoxStatistics in
            guard let s = BoxStatistics(g, whis: whis) else { fatalError("boxplot: group \(k + 1) has no finite value") }
            return s
        }
        let m = BoxMark(
            positions: at, lowerQuartile: stats.map(\.q1), median: stats.map(\.median), upperQuartile: stats.map(\.q3),
            lowerWhisker: stats.map(\.lowerWhisker), upperWhisker: stats.map(\.upperWhisker),
            notchLower: notch ? stats.map(\.notchLower) : nil, notchUpper: notch ? stats.map(\.notchUpper) : nil,
            outliers: stats.map(\.outliers), width: width, vertical: vertical, label: label, color: nextColor(color), alpha: alpha)
        if let problem = m.problems().first { fatalError("boxplot: " + problem) }
        marks.append(.box(m))
        if let names { vertical ? xTicks(at, labels: names) : yTicks(at, labels: names) }
    }
}

/// The five numbers (and outliers, notch) of one sample, as matplotlib's `cbook.boxplot_stats`.
struct BoxStatistics {
    var q1, median, q3, lowerWhisker, upperWhisker, notchLower, notchUpper: Double
    var outliers: [Double]

    init?(_ data: [Double], whis: Double) {
        let s = data.filter(\.isFinite).sorted()
        guard !s.isEmpty else { return nil }
        (q1, median, q3) = (BoxStatistics.quantile(s, 0.25), BoxStatistics.quantile(s, 0.5), BoxStatistics.quantile(s, 0.75))
        let iqr = q3 - q1
        let (lo, hi) = (q1 - whis * iqr, q3 + whis * iqr)
        // Whiskers end at data, never past the box (a skewed sample can have none inside the reach).
        let (q1, q3) = (q1, q3)
        let low = min(q1, s.first { $0 >= lo } ?? q1), high = max(q3, s.last { $0 <= hi } ?? q3)
        (lowerWhisker, upperWhisker) = (low, high)
        outliers = s.filter { $0 < low || $0 > high }
        let half = 1.57 * iqr / Double(s.count).squareRoot()
        (notchLower, notchUpper) = (median - half, median + half)
    }

    /// NumPy's default (linear) quantile of sorted data.
    static func quantile(_ s: [Double], _ p: Double) -> Double {
        let h = Double(s.count - 1) * p
        let i = Int(h.rounded(.down)), f = h - Double(i)
        return i + 1 < s.count ? s[i] + f * (s[i + 1] - s[i]) : s[i]
    }
}

extension BoxMark: MarkRecipe {
    var count: Int { [positions.count, lowerQuartile.count, median.count, upperQuartile.count, lowerWhisker.count, upperWhisker.count].min()! }

    /// (category, value) → frame point, for either orientation.
    func point(_ c: Double, _ v: Double, _ f: PlotFrame) -> Point { vertical ? f.point(c, v) : f.point(v, c) }
    func accepts(_ c: Double, _ v: Double, _ f: PlotFrame) -> Bool { vertical ? f.accepts(c, v) : f.accepts(v, c) }

    func addExtent(x: inout Axes.Extent, y: inout Axes.Extent) -> Bool {
        let n = count
        let cats = (0..<n).flatMap { [positions[$0] - width / 2, positions[$0] + width / 2] }
        let values = (0..<n).flatMap { [lowerWhisker[$0], upperWhisker[$0]] } + outliers.flatMap { $0 }
        if vertical { x.add(cats); y.add(values) } else { y.add(cats); x.add(values) }
        return true
    }

    func legendEntries() -> [(Legend.Swatch, String)] { label.map { [(.patch(color.faded(alpha).withAlpha(color.faded(alpha).alpha * 0.45)), $0)] } ?? [] }

    func footprint(in f: PlotFrame) -> Legend.Footprint {
        var out: [Point] = []
        for i in 0..<count {
            let (c, h) = (positions[i], width / 2)
            for v in stride(from: 0.0, through: 1.0, by: 0.125) {
                let value = lowerWhisker[i] + v * (upperWhisker[i] - lowerWhisker[i])
                for cc in [c - h, c, c + h] where accepts(cc, value, f) { out.append(point(cc, value, f)) }
            }
            if i < outliers.count { for o in outliers[i] where accepts(c, o, f) { out.append(point(c, o, f)) } }
        }
        return .points(out)
    }

    func draw(on canvas: Canvas, frame f: PlotFrame) {
        let edge = color.faded(alpha), fill = edge.withAlpha(edge.alpha * 0.45)
        let notched = notchLower != nil && notchUpper != nil
        for i in 0..<count where accepts(positions[i], median[i], f) {
            let (c, h) = (positions[i], width / 2)
            guard [lowerWhisker[i], lowerQuartile[i], upperQuartile[i], upperWhisker[i]].allSatisfy({ accepts(c, $0, f) }) else { continue }
            // The box outline, pinched to 1/2 width at the median when notched (matplotlib's shape).
            var outline: [(Double, Double)] = [(c - h, lowerQuartile[i]), (c + h, lowerQuartile[i])]
            if notched, let lo = notchLower?[i], let hi = notchUpper?[i] {
                outline += [
                    (c + h, lo), (c + h / 2, median[i]), (c + h, hi), (c + h, upperQuartile[i]), (c - h, upperQuartile[i]), (c - h, hi),
                    (c - h / 2, median[i]), (c - h, lo),
                ]
            } else {
                outline += [(c + h, upperQuartile[i]), (c - h, upperQuartile[i])]
            }
            let pts = outline.map { point($0.0, $0.1, f) }
            canvas.move(to: pts[0])
            for p in pts.dropFirst() { canvas.line(to: p) }
            canvas.closePath()
            canvas.fill(fill, preserve: true)
            canvas.setLineJoin(.miter)
            canvas.stroke(edge, width: 0.9)
            // Whiskers and their caps (half the box wide).
            for (from, to) in [(lowerQuartile[i], lowerWhisker[i]), (upperQuartile[i], upperWhisker[i])] {
                canvas.move(to: point(c, from, f)); canvas.line(to: point(c, to, f))
                canvas.move(to: point(c - h / 2, to, f)); canvas.line(to: point(c + h / 2, to, f))
            }
            canvas.stroke(edge, width: 0.9)
            let mh = notched ? h / 2 : h
            canvas.move(to: point(c - mh, median[i], f)); canvas.line(to: point(c + mh, median[i], f))
            canvas.stroke(PlotStyle.ink.faded(alpha), width: 1.6)
            if i < outliers.count {
                for o in outliers[i] where accepts(c, o, f) { canvas.circle(center: point(c, o, f), radius: 1.8) }
                canvas.stroke(edge, width: 0.7)
            }
        }
    }
}
