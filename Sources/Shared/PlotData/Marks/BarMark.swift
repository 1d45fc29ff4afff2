import Colors

/// Rectangles from `baseline` to `height`, spanning [left, left + width]: bar charts and histograms.
public struct BarMark: Codable, Equatable, Sendable {
    /// Per bar, in data units and of equal length: its left edge, its width, and the y of its far end
    /// (the top of an upright bar; a value below ``baseline`` hangs down).
    public var left, width, height: [Double]
    /// The y, in data units, every bar starts from (default 0; matplotlib's `bottom`).
    public var baseline: Double = 0
    /// The legend text (`$…$` math allowed); nil keeps the bars out of the legend.
    public var label: String?
    /// The fill colour of every bar.
    public var color: Color
    /// Opacity in 0…1 multiplying the colour's own (matplotlib's `alpha`); nil is opaque.
    public var alpha: Double?
    /// Whether each bar gets a thin (0.4 pt) white outline, which separates adjacent histogram bins
    /// (default false; `Axes.histogram` sets it).
    public var edge: Bool = false

    /// A bars payload; `Axes.bar` and `Axes.histogram` build one from centres or bin edges.
    ///
    /// - Parameters:
    ///   - left: Left edge of each bar, in data units.
    ///   - width: Width of each bar, in data units.
    ///   - height: The y each bar reaches, in data units.
    ///   - baseline: The y every bar starts from.
    ///   - label: Legend text, or nil for none.
    ///   - color: Fill colour.
    ///   - edge: Whether bars get a thin white outline.
    public init(
        left: [Double], width: [Double], height: [Double], baseline: Double = 0, label: String? = nil,
        color: Color, edge: Bool = false
    ) {
        self.left = left
        self.width = width
        self.height = height
        self.baseline = baseline
        self.label = label
        self.color = color
        self.edge = edge
    }
}

extension BarMark: MarkPayload {
    /// "bars": the family name in validation messages ("mark 2 (bars): …").
    public static let kind = "bars"

    /// Lengths of left, width and height that differ, or an alpha outside 0…1.
    public func problems() -> [String] {
        var p = Problems()
        p.same([("left", left.count), ("width", width.count), ("height", height.count)])
        p.alpha(alpha)
        return p.list
    }
}
