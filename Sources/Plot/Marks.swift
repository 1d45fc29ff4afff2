import Graphics

/// Everything an Axes can hold, as one Codable enum: a figure travels from the notebook
/// process to the renderer as JSON, and each case's payload is a small value type.
/// Drawing lives in one file per family (MarkDrawing+*.swift) behind `MarkDrawing`.
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
}

/// A shaded band between `lower` and `upper` (e.g. the IQR around a median line).
public struct BandMark: Codable, Equatable, Sendable {
    public var x, lower, upper: [Double]
    public var label: String?
    public var color: Color
    public var opacity: Double = 0.25
}

/// Rectangles from `baseline` to `height`, spanning [left, left + width]: bar charts and histograms.
public struct BarMark: Codable, Equatable, Sendable {
    public var left, width, height: [Double]
    public var baseline: Double = 0
    public var label: String?
    public var color: Color
    public var edge: Bool = false
}

/// Vertical stems from `baseline` to each y, capped with a dot.
public struct StemMark: Codable, Equatable, Sendable {
    public var x, y: [Double]
    public var baseline: Double = 0
    public var label: String?
    public var color: Color
}

public enum StepPosition: String, Codable, Sendable { case pre, post, mid }

/// A staircase through the points: the value holds until the next x (`post`), from the previous (`pre`), or switches midway.
public struct StepMark: Codable, Equatable, Sendable {
    public var x, y: [Double]
    public var position: StepPosition = .post
    public var label: String?
    public var color: Color
    public var width: Double = 1.25
}

/// A grid of values (row-major, `rows` × `columns`, row 0 at `yRange.lowerBound`) coloured by a colormap.
public struct HeatmapMark: Codable, Equatable, Sendable {
    public var values: [Double]
    public var rows, columns: Int
    public var xRange, yRange: [Double]
    public var colormap: Colormap
    public var valueRange: [Double]
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
}

/// A categorical map: each cell holds a category index into `names`, drawn in `colors`.
public struct RegionMark: Codable, Equatable, Sendable {
    public var categories: [Int]
    public var rows, columns: Int
    public var xRange, yRange: [Double]
    public var names: [String]
    public var colors: [Color]
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
}

public enum TextAnchor: String, Codable, Sendable { case left, center, right }

/// Text at a data position.
public struct TextMark: Codable, Equatable, Sendable {
    public var x, y: Double
    public var text: String
    public var anchor: TextAnchor = .left
    public var color: Color = Color(hex: 0x222222)
    public var size: Double = 8
}

/// An arrow from one data point to another, with optional text at its tail.
public struct ArrowMark: Codable, Equatable, Sendable {
    public var from, to: [Double]
    public var text: String?
    public var color: Color = Color(hex: 0x222222)
}

/// z sampled on a grid of `columns` x-values × `rows` y-values, drawn as lit, colour-mapped facets.
public struct SurfaceMark: Codable, Equatable, Sendable {
    public var z: [Double]
    public var rows, columns: Int
    public var xRange, yRange: [Double]
    public var colormap: Colormap
}

/// A 3-D polyline, depth-sorted together with surfaces so it is hidden where a surface is in front.
public struct Line3DMark: Codable, Equatable, Sendable {
    public var x, y, z: [Double]
    public var label: String?
    public var color: Color
    public var width: Double = 1.5
}

public struct Points3DMark: Codable, Equatable, Sendable {
    public var x, y, z: [Double]
    public var label: String?
    public var color: Color
    public var size: Double = 4
}
