internal import Foundation

/// A figure or table that cannot be drawn as it stands, with every reason found, each naming
/// the field ("figure panel 2: xLimits must hold two finite numbers, got [1.0]").
///
/// Figures and tables travel from the notebook process to `folio` as JSON, so `folio` may be
/// handed any values at all; `RunFiles.read` validates each one so that a bad one fails its
/// cell with this message instead of trapping inside the drawing code. Values that are merely
/// odd but drawable (NaN points: gaps; huge line widths: clamped when drawn) are not problems.
public struct PlotValidationError: Error, CustomStringConvertible, Equatable, Sendable {
    /// Every reason found, each a complete sentence naming the panel, mark and field; never empty.
    public var problems: [String]
    public var description: String {
        problems.count <= 3
            ? problems.joined(separator: "; ")
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
        p += (xTicks?.problems("xTicks") ?? []) + (yTicks?.problems("yTicks") ?? [])
        if let twin { p += twin.problems() }
        return p
    }
}

extension TwinAxis {
    /// Every reason the right axis cannot be drawn, each prefixed "twin y".
    /// - Returns: the problems; empty when it can be drawn.
    public func problems() -> [String] {
        var host = Axes()
        (host.yScale, host.yLimits, host.yTicks, host.marks) = (yScale, yLimits, yTicks, marks)
        return host.problems().map { "twin y: " + $0 }
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
