import Colors

/// A 3-D polyline, depth-sorted together with surfaces so it is hidden where a surface is in front.
public struct Line3DMark: Codable, Equatable, Sendable {
    /// The vertices' x in data units, as many as ``y`` and ``z``; a segment with a non-finite end is not drawn.
    @FramedNumbers public var x: [Double]
    /// The vertices' y in data units, as many as ``x``.
    @FramedNumbers public var y: [Double]
    /// The vertices' z in data units, as many as ``x``.
    @FramedNumbers public var z: [Double]
    /// The legend text (`$…$` math allowed); nil keeps the line out of the legend.
    public var label: String?
    /// The stroke colour.
    public var color: Color
    /// Stroke width in points (default 1.5).
    public var width: Double = 1.5

    /// A 3-D line payload; `Axes.line3D` builds one with the next colour of the cycle.
    ///
    /// - Parameters:
    ///   - x: The x of the vertices, in data units.
    ///   - y: The y of the vertices, as many as `x`.
    ///   - z: The z of the vertices, as many as `x`.
    ///   - label: Legend text, or nil for none.
    ///   - color: Stroke colour.
    ///   - width: Stroke width in points.
    public init(x: [Double], y: [Double], z: [Double], label: String? = nil, color: Color, width: Double = 1.5) {
        self.x = x
        self.y = y
        self.z = z
        self.label = label
        self.color = color
        self.width = width
    }
}

extension Line3DMark: MarkPayload {
    /// "line3D": the family name in validation messages ("mark 2 (line3D): …").
    public static let kind = "line3D"

    /// Lengths of x, y and z that differ, or a non-finite or negative width.
    public func problems() -> [String] {
        var p = Problems()
        p.same([("x", x.count), ("y", y.count), ("z", z.count)]); p.finite("width", width)
        return p.list
    }
}
