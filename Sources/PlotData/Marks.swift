import Colors

/// Everything an Axes can hold, as one Codable enum: a figure travels from the notebook
/// process to the renderer as JSON, and each case's payload is a small value type.
/// The payloads are plain data (PlotData has only Foundation below it), so the runner can read
/// and check them without linking the drawing code; Plot draws them.
public enum Mark: Codable, Equatable, Sendable {
    case line(LineMark)
    case scatter(ScatterMark)
    case band(BandMark)
    case bars(BarMark)
    case stem(StemMark)
    case step(StepMark)
    case heatmap(HeatmapMark)
    case contour(ContourMark)
    case regions(RegionMark)
    case rule(RuleMark)
    case text(TextMark)
    case arrow(ArrowMark)
    case surface(SurfaceMark)
    case line3D(Line3DMark)
    case points3D(Points3DMark)
}

/// A polyline; NaN/Inf in x or y lifts the pen (a gap), it is never joined across.
public struct LineMark: Codable, Equatable, Sendable {
    public var x, y: [Double]
    public var label: String?
    public var color: Color
    public var width: Double = 1.25
    public var dash: [Double] = []
    public init(x: [Double], y: [Double], label: String? = nil, color: Color, width: Double = 1.25, dash: [Double] = []) {
        (self.x, self.y, self.label, self.color, self.width, self.dash) = (x, y, label, color, width, dash)
    }
}

public enum MarkerShape: String, Codable, Sendable, CaseIterable { case circle, square, triangle, diamond, cross, plus }

/// Points with markers; NaN/Inf points are skipped. `values` colours points through `colormap`.
public struct ScatterMark: Codable, Equatable, Sendable {
    public var x, y: [Double]
    public var label: String?
    public var color: Color
    public var size: Double = 4
    public var marker: MarkerShape = .circle
    public var values: [Double]?
    public var colormap: Colormap = .viridis
    public init(x: [Double], y: [Double], label: String? = nil, color: Color, size: Double = 4, marker: MarkerShape = .circle, values: [Double]? = nil, colormap: Colormap = .viridis) {
        (self.x, self.y, self.label, self.color, self.size, self.marker, self.values, self.colormap) = (x, y, label, color, size, marker, values, colormap)
    }
}

/// A shaded band between `lower` and `upper` (e.g. the IQR around a median line).
public struct BandMark: Codable, Equatable, Sendable {
    public var x, lower, upper: [Double]
    public var label: String?
    public var color: Color
    public var opacity: Double = 0.25
    public init(x: [Double], lower: [Double], upper: [Double], label: String? = nil, color: Color, opacity: Double = 0.25) {
        (self.x, self.lower, self.upper, self.label, self.color, self.opacity) = (x, lower, upper, label, color, opacity)
    }
}

/// Rectangles from `baseline` to `height`, spanning [left, left + width]: bar charts and histograms.
public struct BarMark: Codable, Equatable, Sendable {
    public var left, width, height: [Double]
    public var baseline: Double = 0
    public var label: String?
    public var color: Color
    public var edge: Bool = false
    public init(left: [Double], width: [Double], height: [Double], baseline: Double = 0, label: String? = nil, color: Color, edge: Bool = false) {
        (self.left, self.width, self.height, self.baseline, self.label, self.color, self.edge) = (left, width, height, baseline, label, color, edge)
    }
}

/// Vertical stems from `baseline` to each y, capped with a dot.
public struct StemMark: Codable, Equatable, Sendable {
    public var x, y: [Double]
    public var baseline: Double = 0
    public var label: String?
    public var color: Color
    public init(x: [Double], y: [Double], baseline: Double = 0, label: String? = nil, color: Color) {
        (self.x, self.y, self.baseline, self.label, self.color) = (x, y, baseline, label, color)
    }
}

public enum StepPosition: String, Codable, Sendable { case pre, post, mid }

/// A staircase through the points: the value holds until the next x (`post`), from the previous (`pre`), or switches midway.
public struct StepMark: Codable, Equatable, Sendable {
    public var x, y: [Double]
    public var position: StepPosition = .post
    public var label: String?
    public var color: Color
    public var width: Double = 1.25
    public init(x: [Double], y: [Double], position: StepPosition = .post, label: String? = nil, color: Color, width: Double = 1.25) {
        (self.x, self.y, self.position, self.label, self.color, self.width) = (x, y, position, label, color, width)
    }
}

/// A grid of values (row-major, `rows` × `columns`, row 0 at `yRange.lowerBound`) coloured by a colormap.
public struct HeatmapMark: Codable, Equatable, Sendable {
    public var values: [Double]
    public var rows, columns: Int
    public var xRange, yRange: [Double]
    public var colormap: Colormap
    public var valueRange: [Double]
    public init(values: [Double], rows: Int, columns: Int, xRange: [Double], yRange: [Double], colormap: Colormap, valueRange: [Double]) {
        (self.values, self.rows, self.columns, self.xRange, self.yRange, self.colormap, self.valueRange) = (values, rows, columns, xRange, yRange, colormap, valueRange)
    }
}

/// Contours of a grid sampled at `columns` x-values × `rows` y-values (row-major, row 0 at yRange[0]).
/// `filled` paints the bands between levels; `lines` strokes each level; `labels` writes the level on its line.
public struct ContourMark: Codable, Equatable, Sendable {
    public var values: [Double]
    public var rows, columns: Int
    public var xRange, yRange: [Double]
    public var levels: [Double]
    public var filled: Bool
    public var lines: Bool
    public var labels: Bool
    public var colormap: Colormap
    public var lineColor: Color?
    public init(values: [Double], rows: Int, columns: Int, xRange: [Double], yRange: [Double], levels: [Double], filled: Bool, lines: Bool, labels: Bool, colormap: Colormap, lineColor: Color? = nil) {
        (self.values, self.rows, self.columns, self.xRange, self.yRange, self.levels, self.filled, self.lines, self.labels, self.colormap, self.lineColor) = (values, rows, columns, xRange, yRange, levels, filled, lines, labels, colormap, lineColor)
    }
}

/// A categorical map: each cell holds a category index into `names`, drawn in `colors`.
public struct RegionMark: Codable, Equatable, Sendable {
    public var categories: [Int]
    public var rows, columns: Int
    public var xRange, yRange: [Double]
    public var names: [String]
    public var colors: [Color]
    public init(categories: [Int], rows: Int, columns: Int, xRange: [Double], yRange: [Double], names: [String], colors: [Color]) {
        (self.categories, self.rows, self.columns, self.xRange, self.yRange, self.names, self.colors) = (categories, rows, columns, xRange, yRange, names, colors)
    }
}

/// A horizontal (`y = value`) or vertical (`x = value`) reference line across the axes.
public struct RuleMark: Codable, Equatable, Sendable {
    public enum Orientation: String, Codable, Sendable { case horizontal, vertical }
    public var orientation: Orientation
    public var value: Double
    public var color: Color
    public var width: Double = 0.8
    public var dash: [Double] = [4, 2]
    public var label: String?
    public init(orientation: Orientation, value: Double, color: Color, width: Double = 0.8, dash: [Double] = [4, 2], label: String? = nil) {
        (self.orientation, self.value, self.color, self.width, self.dash, self.label) = (orientation, value, color, width, dash, label)
    }
}

public enum TextAnchor: String, Codable, Sendable { case left, center, right }

/// Text at a data position.
public struct TextMark: Codable, Equatable, Sendable {
    public var x, y: Double
    public var text: String
    public var anchor: TextAnchor = .left
    public var color: Color = Color(hex: 0x222222)
    public var size: Double = 8
    public init(x: Double, y: Double, text: String, anchor: TextAnchor = .left, color: Color = Color(hex: 0x222222), size: Double = 8) {
        (self.x, self.y, self.text, self.anchor, self.color, self.size) = (x, y, text, anchor, color, size)
    }
}

/// An arrow from one data point to another, with optional text at its tail.
public struct ArrowMark: Codable, Equatable, Sendable {
    public var from, to: [Double]
    public var text: String?
    public var color: Color = Color(hex: 0x222222)
    public init(from: [Double], to: [Double], text: String? = nil, color: Color = Color(hex: 0x222222)) {
        (self.from, self.to, self.text, self.color) = (from, to, text, color)
    }
}

/// z sampled on a grid of `columns` x-values × `rows` y-values, drawn as lit, colour-mapped facets.
public struct SurfaceMark: Codable, Equatable, Sendable {
    public var z: [Double]
    public var rows, columns: Int
    public var xRange, yRange: [Double]
    public var colormap: Colormap
    public init(z: [Double], rows: Int, columns: Int, xRange: [Double], yRange: [Double], colormap: Colormap) {
        (self.z, self.rows, self.columns, self.xRange, self.yRange, self.colormap) = (z, rows, columns, xRange, yRange, colormap)
    }
}

/// A 3-D polyline, depth-sorted together with surfaces so it is hidden where a surface is in front.
public struct Line3DMark: Codable, Equatable, Sendable {
    public var x, y, z: [Double]
    public var label: String?
    public var color: Color
    public var width: Double = 1.5
    public init(x: [Double], y: [Double], z: [Double], label: String? = nil, color: Color, width: Double = 1.5) {
        (self.x, self.y, self.z, self.label, self.color, self.width) = (x, y, z, label, color, width)
    }
}

public struct Points3DMark: Codable, Equatable, Sendable {
    public var x, y, z: [Double]
    public var label: String?
    public var color: Color
    public var size: Double = 4
    public init(x: [Double], y: [Double], z: [Double], label: String? = nil, color: Color, size: Double = 4) {
        (self.x, self.y, self.z, self.label, self.color, self.size) = (x, y, z, label, color, size)
    }
}
