import Colors

public enum MarkerShape: String, Codable, Sendable, CaseIterable { case circle, square, triangle, diamond, cross, plus }

/// Points with markers; NaN/Inf points are skipped. `values` colours points through `colormap`.
public struct ScatterMark: Codable, Equatable, Sendable {
    @FramedNumbers public var x: [Double]
    @FramedNumbers public var y: [Double]
    public var label: String?
    public var color: Color
    /// Opacity in 0…1 multiplying the colour's own (matplotlib's `alpha`); nil is opaque.
    public var alpha: Double?
    /// The values at the ends of the colormap (nil: the values' own range); a shared colorbar sets it.
    public var valueRange: [Double]?
    public var size: Double = 4
    public var marker: MarkerShape = .circle
    public var values: [Double]?
    public var colormap: Colormap = .viridis

    public init(
        x: [Double], y: [Double], label: String? = nil, color: Color, size: Double = 4,
        marker: MarkerShape = .circle, values: [Double]? = nil, colormap: Colormap = .viridis
    ) {
        self.x = x
        self.y = y
        self.label = label
        self.color = color
        self.size = size
        self.marker = marker
        self.values = values
        self.colormap = colormap
    }
}

extension ScatterMark: MarkPayload {
    public static let kind = "scatter"

    public func problems() -> [String] {
        var p = Problems()
        p.same([("x", x.count), ("y", y.count)] + (values.map { [("values", $0.count)] } ?? []))
        p.finite("size", size)
        p.alpha(alpha)
        if let valueRange { p.range("valueRange", valueRange) }
        return p.list
    }
}
