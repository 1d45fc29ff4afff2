import Colors

/// One panel of a figure: scales, guides (ticks, labels, legend, colorbar) and the marks drawn in it.
/// Plot adds the methods that add marks (each checks its inputs and stops with a message naming
/// the mark and the shapes); here is only what travels as data.
public struct Axes: Codable, Equatable, Sendable {
    /// The panel's title, centred above the plot area (`$…$` math allowed); nil draws none.
    public var title: String?
    /// The x-axis label, centred below the tick labels (`$…$` math allowed); nil draws none.
    public var xLabel: String?
    /// The y-axis label, rotated and centred left of the tick labels (`$…$` math allowed); nil draws none.
    public var yLabel: String?
    /// How x values map to positions: `.linear` (the default), `.log` or `.symlog(threshold:)`.
    public var xScale: AxisScale = .linear
    /// How y values map to positions: `.linear` (the default), `.log` or `.symlog(threshold:)`.
    public var yScale: AxisScale = .linear
    /// Fixed limits `[lo, hi]`; nil fits the data with a 4 % margin.
    public var xLimits: [Double]?
    /// Fixed y limits `[lo, hi]` in data units; nil fits the data with a 4 % margin.
    public var yLimits: [Double]?
    /// Whether light grid lines are drawn at the major ticks of both axes, behind the marks (default false).
    public var grid: Bool = false
    /// Where the legend of the labelled marks goes (default `.best`: the emptiest inside spot).
    public var legend: LegendPlacement = .best
    /// One data unit is the same length on both axes (parametric curves, circles).
    public var equalAspect: Bool = false
    /// The label of this panel's colorbar, drawn right of the plot for its first colour-mapped mark;
    /// nil draws no colorbar. `heatmap` and filled `contour` set it (an empty string: a bar without a label).
    public var colorbarLabel: String?
    /// Set for 3-D axes: the viewing direction in degrees.
    public var view3D: View3D?
    /// The z-axis label of a 3-D panel (one with ``view3D`` set); ignored in 2-D.
    public var zLabel: String?
    /// What the panel draws, in drawing order (later marks on top); the `Axes` methods of Plot append to it.
    public var marks: [Mark] = []
    /// Tick placement, labels and style of the x axis (nil: the defaults).
    public var xTicks: TickSpec?
    /// Tick placement, labels and style of the y axis (nil: the defaults).
    public var yTicks: TickSpec?
    /// A second y axis on the right sharing this x axis (matplotlib's `twinx`); see `Axes.twinY`.
    public var twin: TwinAxis?
    /// Colour of the next series without an explicit colour (Okabe–Ito order).
    package var cycleIndex = 0

    /// An empty panel with linear axes, limits fitted to the data and the legend at `.best`.
    ///
    /// - Parameters:
    ///   - title: The title above the plot area, or nil.
    ///   - xLabel: The label below the x axis, or nil.
    ///   - yLabel: The label left of the y axis, or nil.
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
    /// Inside the plot, at whichever of matplotlib's nine spots (corners, edge centres, centre)
    /// covers the least data (the default); outside right when the legend is too large or a grid
    /// mark fills the plot.
    case best
    /// Inside the top right corner, wherever the data is.
    case upperRight
    /// Inside the top left corner, wherever the data is.
    case upperLeft
    /// Inside the bottom left corner, wherever the data is.
    case lowerLeft
    /// Inside the bottom right corner, wherever the data is.
    case lowerRight
    /// Right of the plot area, outside it: never covers data, at the cost of a narrower plot.
    case outside
    /// No legend, even for labelled marks.
    case none
}

/// Viewing angles of a 3-D axes, in degrees (matplotlib's defaults).
public struct View3D: Codable, Equatable, Sendable {
    /// Rotation of the eye about the vertical z axis, in degrees (default −60, matplotlib's `azim`).
    public var azimuth: Double = -60
    /// Angle of the eye above the x–y plane, in degrees (default 30, matplotlib's `elev`; 90 looks straight down).
    public var elevation: Double = 30
    /// A viewing direction; the defaults are matplotlib's `view_init(elev=30, azim=-60)`.
    ///
    /// - Parameters:
    ///   - azimuth: Rotation about the z axis, in degrees.
    ///   - elevation: Angle of the eye above the x–y plane, in degrees.
    public init(azimuth: Double = -60, elevation: Double = 30) { (self.azimuth, self.elevation) = (azimuth, elevation) }
}

/// The colours a panel gives its series in turn when a mark is added without an explicit colour.
public enum Palette {
    /// Okabe–Ito: distinguishable with the common colour-vision deficiencies.
    public static let cycle: [Color] = [0x0072B2, 0xD55E00, 0x009E73, 0xCC79A7, 0xE69F00, 0x56B4E9, 0xF0E442, 0x000000]
        .map { Color(hex: $0) }
}
