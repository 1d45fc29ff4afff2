import Colors

/// The symbol a scatter mark draws at each point (matplotlib's `marker`), filled unless a stroke.
public enum MarkerShape: String, Codable, Sendable, CaseIterable {
    /// A filled disc (the default, matplotlib's `"o"`).
    case circle
    /// A filled square (`"s"`): a second series beside circles.
    case square
    /// A filled upward triangle (`"^"`).
    case triangle
    /// A filled diamond (`"D"`).
    case diamond
    /// A diagonal cross drawn as two strokes (`"x"`): reads over dense filled markers.
    case cross
    /// An upright cross drawn as two strokes (`"+"`).
    case plus
}

/// Points with markers; NaN/Inf points are skipped. `values` colours points through `colormap`.
public struct ScatterMark: Codable, Equatable, Sendable {
    /// The points' x in data units, as many as ``y``; a point with a non-finite coordinate is skipped.
    @FramedNumbers public var x: [Double]
    /// The points' y in data units, as many as ``x``.
    @FramedNumbers public var y: [Double]
    /// The legend text (`$…$` math allowed), shown with the marker; nil keeps the points out of the legend.
    public var label: String?
    /// The marker colour when ``values`` is nil.
    public var color: Color
    /// Opacity in 0…1 multiplying the colour's own (matplotlib's `alpha`); nil is opaque.
    public var alpha: Double?
    /// The values at the ends of the colormap (nil: the values' own range); a shared colorbar sets it.
    public var valueRange: [Double]?
    /// Marker size in points: the diameter of a circle, the width of a cross (default 4; matplotlib's
    /// `s` is an area, this a length).
    public var size: Double = 4
    /// The symbol drawn at each point (default `.circle`).
    public var marker: MarkerShape = .circle
    /// One value per point, coloured through ``colormap`` over ``valueRange`` (matplotlib's `c=`); a
    /// point with a non-finite value is skipped. Nil draws every point in ``color``.
    public var values: [Double]?
    /// The map ``values`` are coloured through (default `.viridis`); unused without values.
    public var colormap: Colormap = .viridis

    /// A scatter payload; `Axes.scatter` builds one with the next colour of the cycle and checks the lengths.
    ///
    /// - Parameters:
    ///   - x: The x of the points, in data units.
    ///   - y: The y of the points, as many as `x`.
    ///   - label: Legend text, or nil for none.
    ///   - color: Marker colour without `values`.
    ///   - size: Marker size in points.
    ///   - marker: The marker symbol.
    ///   - values: Per-point values to colour-map, as many as `x`, or nil.
    ///   - colormap: The colormap for `values`.
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
    /// "scatter": the family name in validation messages ("mark 2 (scatter): …").
    public static let kind = "scatter"

    /// Lengths of x, y (and values) that differ, a non-finite or negative size, an alpha outside 0…1, or a bad value range.
    public func problems() -> [String] {
        var p = Problems()
        p.same([("x", x.count), ("y", y.count)] + (values.map { [("values", $0.count)] } ?? []))
        p.finite("size", size)
        p.alpha(alpha)
        if let valueRange { p.range("valueRange", valueRange) }
        return p.list
    }
}
