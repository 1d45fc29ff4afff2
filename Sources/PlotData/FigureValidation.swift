import Foundation

/// A figure or table that cannot be drawn as it stands, with every reason found, each naming
/// the field ("figure panel 2: xLimits must hold two finite numbers, got [1.0]").
///
/// Figures and tables travel from the notebook process to `folio` as JSON, so `folio` may be
/// handed any values at all; `RunFiles.read` validates each one so that a bad one fails its
/// cell with this message instead of trapping inside the drawing code. Values that are merely
/// odd but drawable (NaN points: gaps; huge line widths: clamped when drawn) are not problems.
public struct PlotValidationError: Error, CustomStringConvertible, Equatable, Sendable {
    public var problems: [String]
    public var description: String {
        problems.count <= 3 ? problems.joined(separator: "; ")
            : problems.prefix(3).joined(separator: "; ") + "; and \(problems.count - 3) more problem(s)"
    }
}

/// Bounds shared by validation and the defensive drawing code.
public enum PlotLimits {
    /// Largest figure side in points (200 in, PDF's page limit).
    public static let maxFigureSide = 14_400.0
    /// Data magnitudes beyond this are not drawn (as ±∞ is not): spans and paddings of values
    /// up to it stay finite.
    public static let maxMagnitude = 1e300
    /// Panels in one figure (rows × columns).
    public static let maxPanels = 10_000
    /// Contour levels of one mark.
    public static let maxLevels = 1_000
    /// Font size of a text mark, points.
    public static let maxFontSize = 1_000.0
}

extension Figure {
    /// Every reason this figure cannot be drawn; empty when it can.
    public func problems() -> [String] {
        var p: [String] = []
        func sizeOK(_ v: Double) -> Bool { v.isFinite && v > 0 && v <= PlotLimits.maxFigureSide }
        if !sizeOK(width) || !sizeOK(height) {
            p.append("figure: size must be positive and at most \(Int(PlotLimits.maxFigureSide)) pt, got \(width)×\(height) pt")
        }
        let (cells, overflow) = rows.multipliedReportingOverflow(by: columns)
        if rows < 1 || columns < 1 || overflow || cells > PlotLimits.maxPanels {
            p.append("figure: a grid needs 1…\(PlotLimits.maxPanels) panels of ≥ 1 row and column, got \(rows)×\(columns)")
        } else if cells != panels.count {
            p.append("figure: a \(rows)×\(columns) grid needs \(cells) panels, got \(panels.count)")
        }
        for (i, a) in panels.enumerated() {
            p += a.problems().map { "figure panel \(i + 1): " + $0 }
        }
        return p
    }

    /// Throws `PlotValidationError` listing every problem (see `problems()`).
    public func validate() throws {
        let p = problems()
        if !p.isEmpty { throw PlotValidationError(problems: p) }
    }
}

extension Axes {
    /// Every reason this panel cannot be drawn (without the panel prefix).
    public func problems() -> [String] {
        var p: [String] = []
        for (name, scale) in [("xScale", xScale), ("yScale", yScale)] {
            if case .symlog(let c) = scale, !(c.isFinite && c > 0 && c <= PlotLimits.maxMagnitude) {
                p.append("\(name): a symlog threshold must be a positive finite number, got \(c)")
            }
        }
        for (name, limits, scale) in [("xLimits", xLimits, xScale), ("yLimits", yLimits, yScale)] {
            guard let l = limits else { continue }
            if l.count != 2 || !l.allSatisfy({ $0.isFinite && abs($0) <= PlotLimits.maxMagnitude }) {
                p.append("\(name) must hold two finite numbers, got \(l)")
            } else if l[0] == l[1] {
                p.append("\(name) must be two different numbers, got \(l)")
            } else if scale == .log && !(l[0] > 0 && l[1] > 0) {
                p.append("\(name) of a log axis must be positive, got \(l)")
            }
        }
        if let v = view3D, !(v.azimuth.isFinite && v.elevation.isFinite) {
            p.append("view3D: azimuth and elevation must be finite, got \(v.azimuth), \(v.elevation)")
        }
        for (k, m) in marks.enumerated() {
            p += m.problems().map { "mark \(k + 1) (\(m.kind)): " + $0 }
        }
        return p
    }
}

extension Mark {
    /// The mark's family name, as its `Axes` method is called.
    var kind: String {
        switch self {
        case .line: "line"; case .scatter: "scatter"; case .band: "band"; case .bars: "bars"; case .stem: "stem"
        case .step: "step"; case .heatmap: "heatmap"; case .contour: "contour"; case .regions: "regions"
        case .rule: "rule"; case .text: "text"; case .arrow: "arrow"; case .surface: "surface"
        case .line3D: "line3D"; case .points3D: "points3D"
        }
    }

    func problems() -> [String] {
        var p: [String] = []
        /// Arrays that pair up element by element.
        func same(_ arrays: [(String, Int)]) {
            guard let first = arrays.first, arrays.contains(where: { $0.1 != first.1 }) else { return }
            p.append("lengths differ (" + arrays.map { "\($0.0) has \($0.1)" }.joined(separator: ", ") + ")")
        }
        func grid(_ count: Int, _ rows: Int, _ columns: Int, least: Int = 1) {
            let (cells, overflow) = rows.multipliedReportingOverflow(by: columns)
            if rows < least || columns < least || overflow || cells != count {
                p.append("\(count) values do not fill a \(rows)×\(columns) grid" + (least > 1 ? " (at least \(least)×\(least))" : ""))
            }
        }
        func range(_ name: String, _ r: [Double]) {
            if r.count != 2 || !r.allSatisfy({ $0.isFinite && abs($0) <= PlotLimits.maxMagnitude }) {
                p.append("\(name) must hold two finite numbers, got \(r)")
            }
        }
        func finite(_ name: String, _ v: Double, atLeast lo: Double = 0) {
            if !(v.isFinite && v >= lo) { p.append("\(name) must be a finite number ≥ \(lo.formatted0), got \(v)") }
        }
        func dash(_ d: [Double]) {
            if !d.allSatisfy({ $0.isFinite && $0 >= 0 }) { p.append("dash lengths must be finite and ≥ 0, got \(d)") }
        }
        switch self {
        case .line(let l): same([("x", l.x.count), ("y", l.y.count)]); finite("width", l.width); dash(l.dash)
        case .scatter(let s):
            same([("x", s.x.count), ("y", s.y.count)] + (s.values.map { [("values", $0.count)] } ?? []))
            finite("size", s.size)
        case .band(let b): same([("x", b.x.count), ("lower", b.lower.count), ("upper", b.upper.count)])
        case .bars(let b): same([("left", b.left.count), ("width", b.width.count), ("height", b.height.count)])
        case .stem(let s): same([("x", s.x.count), ("y", s.y.count)])
        case .step(let s): same([("x", s.x.count), ("y", s.y.count)]); finite("width", s.width)
        case .heatmap(let h):
            grid(h.values.count, h.rows, h.columns)
            range("xRange", h.xRange); range("yRange", h.yRange); range("valueRange", h.valueRange)
        case .contour(let c):
            grid(c.values.count, c.rows, c.columns, least: 2)
            range("xRange", c.xRange); range("yRange", c.yRange)
            if !c.levels.allSatisfy(\.isFinite) { p.append("levels must be finite numbers, got \(c.levels.prefix(10))") }
            else if c.levels.count > PlotLimits.maxLevels { p.append("at most \(PlotLimits.maxLevels) levels, got \(c.levels.count)") }
            else if zip(c.levels, c.levels.dropFirst()).contains(where: { $0 >= $1 }) {
                p.append("levels must increase strictly, got \(c.levels.prefix(10))")
            } else if c.filled && c.levels.count < 2 { p.append("filled contours need at least 2 levels, got \(c.levels.count)") }
        case .regions(let r):
            grid(r.categories.count, r.rows, r.columns)
            range("xRange", r.xRange); range("yRange", r.yRange)
            if r.colors.isEmpty { p.append("needs at least one colour") }
            if let bad = r.categories.first(where: { $0 < 0 || $0 >= r.names.count }) {
                p.append("category \(bad) has no name (\(r.names.count) names)")
            }
        case .rule(let r): finite("width", r.width); dash(r.dash)
        case .text(let t):
            if !(t.size.isFinite && t.size > 0 && t.size <= PlotLimits.maxFontSize) {
                p.append("size must be a font size in (0, \(Int(PlotLimits.maxFontSize))] pt, got \(t.size)")
            }
        case .arrow(let a):
            if a.from.count != 2 || a.to.count != 2 || !(a.from + a.to).allSatisfy({ $0.isFinite && abs($0) <= PlotLimits.maxMagnitude }) {
                p.append("from and to must be two finite numbers each, got \(a.from) and \(a.to)")
            }
        case .surface(let s):
            grid(s.z.count, s.rows, s.columns, least: 2)
            range("xRange", s.xRange); range("yRange", s.yRange)
        case .line3D(let l): same([("x", l.x.count), ("y", l.y.count), ("z", l.z.count)]); finite("width", l.width)
        case .points3D(let q): same([("x", q.x.count), ("y", q.y.count), ("z", q.z.count)]); finite("size", q.size)
        }
        return p
    }
}

extension Table {
    /// Every reason this table cannot be drawn; empty when it can.
    public func problems() -> [String] {
        var p: [String] = []
        for (i, row) in rows.enumerated() where row.count != columns.count {
            p.append("table row \(i + 1) has \(row.count) cells, the table has \(columns.count) columns")
            if p.count >= 3 { break }
        }
        return p
    }

    /// Throws `PlotValidationError` listing every problem (see `problems()`).
    public func validate() throws {
        let p = problems()
        if !p.isEmpty { throw PlotValidationError(problems: p) }
    }
}

private extension Double {
    var formatted0: String { self == rounded() ? String(Int(self)) : String(self) }
}
