import Colors

/// One panel of a figure: scales, guides (ticks, labels, legend, colorbar) and the marks drawn in it.
/// Plot adds the methods that add marks (each checks its inputs and stops with a message naming
/// the mark and the shapes); here is only what travels as data.
public struct Axes: Codable, Equatable, Sendable {
    public var title: String?
    public var xLabel: String?
    public var yLabel: String?
    public var xScale: AxisScale = .linear
    public var yScale: AxisScale = .linear
    /// Fixed limits `[lo, hi]`; nil fits the data with a 4 % margin.
    public var xLimits: [Double]?
    public var yLimits: [Double]?
    public var grid: Bool = false
    public var legend: LegendPlacement = .best
    /// One data unit is the same length on both axes (parametric curves, circles).
    public var equalAspect: Bool = false
    public var colorbarLabel: String?
    /// Set for 3-D axes: the viewing direction in degrees.
    public var view3D: View3D?
    public var zLabel: String?
    public var marks: [Mark] = []
    /// Tick placement, labels and style of the x axis (nil: the defaults).
    public var xTicks: TickSpec?
    /// Tick placement, labels and style of the y axis (nil: the defaults).
    public var yTicks: TickSpec?
    /// A second y axis on the right sharing this x axis (matplotlib's `twinx`); see `Axes.twinY`.
    public var twin: TwinAxis?
    /// Colour of the next series without an explicit colour (Okabe–Ito order).
    package var cycleIndex = 0

    public init(title: String? = nil, xLabel: String? = nil, yLabel: String? = nil) {
        (self.title, self.xLabel, self.yLabel) = (title, xLabel, yLabel)
    }

    package mutating func nextColor(_ c: Color?) -> Color {
        if let c { return c }
        defer { cycleIndex += 1 }
        let n = Palette.cycle.count
        return Palette.cycle[(cycleIndex % n + n) % n]
    }
}

/// Where the legend goes: `best` picks the inside spot that covers the least data (matplotlib's
/// `best`); it goes outside on the right only for a legend too large for the plot or over a grid
/// mark (heatmap, regions, filled contours) that leaves no spot free.
public enum LegendPlacement: String, Codable, Sendable, CaseIterable {
    case best, upperRight, upperLeft, lowerLeft, lowerRight, outside, none
}

/// Viewing angles of a 3-D axes, in degrees (matplotlib's defaults).
public struct View3D: Codable, Equatable, Sendable {
    public var azimuth: Double = -60
    public var elevation: Double = 30
    public init(azimuth: Double = -60, elevation: Double = 30) { (self.azimuth, self.elevation) = (azimuth, elevation) }
}

public enum Palette {
    /// Okabe–Ito: distinguishable with the common colour-vision deficiencies.
    public static let cycle: [Color] = [0x0072B2, 0xD55E00, 0x009E73, 0xCC79A7, 0xE69F00, 0x56B4E9, 0xF0E442, 0x000000]
        .map { Color(hex: $0) }
}
