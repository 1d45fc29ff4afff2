import Foundation
import Graphics
import PlotData

/// The methods notebooks call to add marks to a panel: each checks its inputs (stopping with a
/// message naming the mark and the shapes) and appends the mark's payload.
extension Axes {
    static func check(_ what: String, _ counts: [(String, Int)]) {
        guard let first = counts.first else { return }
        if counts.contains(where: { $0.1 != first.1 }) {
            fatalError("\(what): lengths differ (" + counts.map { "\($0.0) has \($0.1)" }.joined(separator: ", ") + ")")
        }
    }

    static func checkGrid(_ what: String, _ count: Int, rows: Int, columns: Int) {
        guard rows >= 1, columns >= 1, count == rows * columns else {
            fatalError("\(what): \(count) values do not fill a \(rows)×\(columns) grid")
        }
    }

    // MARK: 2-D marks

    public mutating func line(x: [Double], y: [Double], label: String? = nil, color: Color? = nil,
                              width: Double = 1.25, dash: [Double] = []) {
        Axes.check("line", [("x", x.count), ("y", y.count)])
        marks.append(.line(LineMark(x: x, y: y, label: label, color: nextColor(color), width: width, dash: dash)))
    }

    /// A parametric curve (x(t), y(t)); sets equal aspect so circles stay round.
    public mutating func parametric(x: [Double], y: [Double], label: String? = nil, color: Color? = nil) {
        line(x: x, y: y, label: label, color: color)
        equalAspect = true
    }

    public mutating func scatter(x: [Double], y: [Double], label: String? = nil, color: Color? = nil,
                                 size: Double = 4, marker: MarkerShape = .circle,
                                 values: [Double]? = nil, colormap: Colormap = .viridis) {
        Axes.check("scatter", [("x", x.count), ("y", y.count)] + (values.map { [("values", $0.count)] } ?? []))
        marks.append(.scatter(ScatterMark(x: x, y: y, label: label, color: nextColor(color), size: size,
                                          marker: marker, values: values, colormap: colormap)))
    }

    public mutating func band(x: [Double], lower: [Double], upper: [Double], label: String? = nil,
                              color: Color? = nil, opacity: Double = 0.25) {
        Axes.check("band", [("x", x.count), ("lower", lower.count), ("upper", upper.count)])
        marks.append(.band(BandMark(x: x, lower: lower, upper: upper, label: label, color: nextColor(color), opacity: opacity)))
    }

    /// Bars centred on `x`, `width` data units wide.
    public mutating func bar(x: [Double], height: [Double], width: Double = 0.8, label: String? = nil, color: Color? = nil) {
        Axes.check("bar", [("x", x.count), ("height", height.count)])
        marks.append(.bars(BarMark(left: x.map { $0 - width / 2 }, width: Array(repeating: width, count: x.count),
                                   height: height, label: label, color: nextColor(color))))
    }

    /// A histogram of `data` in `bins` equal bins over its finite range (or `range`).
    public mutating func histogram(_ data: [Double], bins: Int = 20, range: [Double]? = nil, density: Bool = false,
                                   label: String? = nil, color: Color? = nil) {
        guard bins >= 1 else { fatalError("histogram: bins must be ≥ 1, got \(bins)") }
        let finite = data.filter(\.isFinite)
        var lo = range?[0] ?? finite.min() ?? 0, hi = range?[1] ?? finite.max() ?? 1
        if lo == hi { lo -= 0.5; hi += 0.5 }
        let w = (hi - lo) / Double(bins)
        var counts = [Double](repeating: 0, count: bins)
        for v in finite where v >= lo && v <= hi { counts[min(bins - 1, Int((v - lo) / w))] += 1 }
        if density, !finite.isEmpty { counts = counts.map { $0 / (Double(finite.count) * w) } }
        marks.append(.bars(BarMark(left: (0..<bins).map { lo + Double($0) * w }, width: Array(repeating: w, count: bins),
                                   height: counts, label: label, color: nextColor(color), edge: true)))
    }

    public mutating func stem(x: [Double], y: [Double], baseline: Double = 0, label: String? = nil, color: Color? = nil) {
        Axes.check("stem", [("x", x.count), ("y", y.count)])
        marks.append(.stem(StemMark(x: x, y: y, baseline: baseline, label: label, color: nextColor(color))))
    }

    public mutating func step(x: [Double], y: [Double], position: StepPosition = .post, label: String? = nil, color: Color? = nil) {
        Axes.check("step", [("x", x.count), ("y", y.count)])
        marks.append(.step(StepMark(x: x, y: y, position: position, label: label, color: nextColor(color))))
    }

    /// A heatmap of `values` (row-major, rows × columns, row 0 at the bottom) with a colorbar.
    public mutating func heatmap(_ values: [Double], rows: Int, columns: Int, x: [Double]? = nil, y: [Double]? = nil,
                                 colormap: Colormap = .viridis, range: [Double]? = nil, colorbar: String? = "") {
        Axes.checkGrid("heatmap", values.count, rows: rows, columns: columns)
        let r = range ?? Axes.finiteRange(values)
        marks.append(.heatmap(HeatmapMark(values: values, rows: rows, columns: columns,
                                          xRange: x ?? [0, Double(columns)], yRange: y ?? [0, Double(rows)],
                                          colormap: colormap, valueRange: r)))
        if let colorbar { colorbarLabel = colorbar }
    }

    /// Contours of z sampled on a grid (row-major, rows = y samples, columns = x samples).
    /// `levels` nil picks about 8 nice levels over the data.
    public mutating func contour(_ z: [Double], rows: Int, columns: Int, x: [Double], y: [Double],
                                 levels: [Double]? = nil, filled: Bool = false, lines: Bool = true, labels: Bool = false,
                                 colormap: Colormap = .viridis, lineColor: Color? = nil, colorbar: String? = "") {
        Axes.checkGrid("contour", z.count, rows: rows, columns: columns)
        guard x.count == 2, y.count == 2 else { fatalError("contour: x and y are [lo, hi] ranges, got \(x.count) and \(y.count) values") }
        let r = Axes.finiteRange(z)
        let lv = levels ?? Axes.autoLevels(r)
        marks.append(.contour(ContourMark(values: z, rows: rows, columns: columns, xRange: x, yRange: y, levels: Array(Set(lv.filter(\.isFinite))).sorted(),
                                          filled: filled, lines: lines, labels: labels, colormap: colormap, lineColor: lineColor)))
        if filled, let colorbar { colorbarLabel = colorbar }
    }

    /// A categorical region map: `categories[i]` indexes `names`; colours follow the Okabe–Ito cycle.
    public mutating func regions(_ categories: [Int], rows: Int, columns: Int, x: [Double], y: [Double], names: [String],
                                 colors: [Color]? = nil) {
        Axes.checkGrid("regions", categories.count, rows: rows, columns: columns)
        if let bad = categories.first(where: { $0 < 0 || $0 >= names.count }) {
            fatalError("regions: category \(bad) has no name (\(names.count) names)")
        }
        let cs = colors ?? names.indices.map { Palette.cycle[$0 % Palette.cycle.count] }
        marks.append(.regions(RegionMark(categories: categories, rows: rows, columns: columns, xRange: x, yRange: y,
                                         names: names, colors: cs)))
    }

    public mutating func hline(_ y: Double, color: Color = Color(hex: 0x555555), dash: [Double] = [4, 2], label: String? = nil) {
        marks.append(.rule(RuleMark(orientation: .horizontal, value: y, color: color, dash: dash, label: label)))
    }

    public mutating func vline(_ x: Double, color: Color = Color(hex: 0x555555), dash: [Double] = [4, 2], label: String? = nil) {
        marks.append(.rule(RuleMark(orientation: .vertical, value: x, color: color, dash: dash, label: label)))
    }

    public mutating func text(_ s: String, x: Double, y: Double, anchor: TextAnchor = .left, size: Double = 8) {
        marks.append(.text(TextMark(x: x, y: y, text: s, anchor: anchor, size: size)))
    }

    public mutating func arrow(from: (Double, Double), to: (Double, Double), text: String? = nil) {
        marks.append(.arrow(ArrowMark(from: [from.0, from.1], to: [to.0, to.1], text: text)))
    }

    // MARK: 3-D marks (they turn the axes into a 3-D box)

    public mutating func surface(_ z: [Double], rows: Int, columns: Int, x: [Double], y: [Double], colormap: Colormap = .viridis) {
        Axes.checkGrid("surface", z.count, rows: rows, columns: columns)
        guard rows >= 2, columns >= 2 else { fatalError("surface: needs at least 2×2 samples, got \(rows)×\(columns)") }
        marks.append(.surface(SurfaceMark(z: z, rows: rows, columns: columns, xRange: x, yRange: y, colormap: colormap)))
        if view3D == nil { view3D = View3D() }
    }

    public mutating func line3D(x: [Double], y: [Double], z: [Double], label: String? = nil, color: Color? = nil, width: Double = 1.5) {
        Axes.check("line3D", [("x", x.count), ("y", y.count), ("z", z.count)])
        marks.append(.line3D(Line3DMark(x: x, y: y, z: z, label: label, color: nextColor(color), width: width)))
        if view3D == nil { view3D = View3D() }
    }

    public mutating func points3D(x: [Double], y: [Double], z: [Double], label: String? = nil, color: Color? = nil, size: Double = 4) {
        Axes.check("points3D", [("x", x.count), ("y", y.count), ("z", z.count)])
        marks.append(.points3D(Points3DMark(x: x, y: y, z: z, label: label, color: nextColor(color), size: size)))
        if view3D == nil { view3D = View3D() }
    }

    /// About 9 nice levels whose first is ≤ the data minimum and last ≥ its maximum, so filled
    /// bands cover the whole domain.
    static func autoLevels(_ r: [Double]) -> [Double] {
        var lv = Ticks.extended(r[0], r[1], m: 9) ?? [r[0], r[1]]
        let step = lv.count > 1 ? lv[1] - lv[0] : 1
        while lv.first! > r[0] { lv.insert(lv.first! - step, at: 0) }
        while lv.last! < r[1] { lv.append(lv.last! + step) }
        return lv
    }

    static func finiteRange(_ v: [Double]) -> [Double] {
        var lo = Double.infinity, hi = -Double.infinity
        for x in v where x.isFinite { lo = min(lo, x); hi = max(hi, x) }
        guard lo <= hi else { return [0, 1] }
        if lo == hi { lo -= 0.5; hi += 0.5 }
        return [lo, hi]
    }
}
