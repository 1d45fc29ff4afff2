import Graphics

/// A figure as a value: what to draw, not how. Codable, so a notebook process can hand it
/// to the renderer, which draws it at its physical size into a PDF page, an SVG or a PNG.
public struct Figure: Codable, Equatable, Sendable {
    /// Physical size in points (1/72 in).
    public var width: Double
    public var height: Double
    public var title: String?
    public var xLabel: String?
    public var yLabel: String?
    public var series: [LineSeries]

    public init(width: Double = 4.5 * 72, height: Double = 3 * 72, title: String? = nil,
                xLabel: String? = nil, yLabel: String? = nil, series: [LineSeries] = []) {
        (self.width, self.height, self.title, self.xLabel, self.yLabel, self.series) =
            (width, height, title, xLabel, yLabel, series)
    }

    /// Adds a line through (x[i], y[i]).
    public mutating func line(x: [Double], y: [Double], label: String? = nil, color: Color? = nil) {
        guard x.count == y.count else { fatalError("Figure.line: x has \(x.count) points, y has \(y.count)") }
        let c = color ?? Palette.cycle[series.count % Palette.cycle.count]
        series.append(LineSeries(x: x, y: y, label: label, color: c))
    }
}

public struct LineSeries: Codable, Equatable, Sendable {
    public var x: [Double]
    public var y: [Double]
    public var label: String?
    public var color: Color
}

public enum Palette {
    /// Okabe–Ito: distinguishable with the common colour-vision deficiencies.
    public static let cycle: [Color] = [0x0072B2, 0xD55E00, 0x009E73, 0xCC79A7, 0xE69F00, 0x56B4E9, 0xF0E442, 0x000000]
        .map { Color(hex: $0) }
}
