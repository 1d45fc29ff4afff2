import Colors

/// Markers at 3-D points (matplotlib's `scatter` on 3-D axes), projected with the panel's
/// `view3D` and depth-sorted together with surfaces and 3-D lines.
public struct Points3DMark: Codable, Equatable, Sendable {
    /// The points' x in data units, as many as ``y`` and ``z``; a point with a non-finite coordinate is skipped.
    @FramedNumbers public var x: [Double]
    /// The points' y in data units, as many as ``x``.
    @FramedNumbers public var y: [Double]
    /// The points' z in data units, as many as ``x``.
    @FramedNumbers public var z: [Double]
    /// The legend text (`$…$` math allowed); nil keeps the points out of the legend.
    public var label: String?
    /// The marker colour.
    public var color: Color
    /// Marker diameter in points (default 4).
    public var size: Double = 4

    /// A 3-D points payload; `Axes.points3D` builds one with the next colour of the cycle.
    ///
    /// - Parameters:
    ///   - x: The x of the points, in data units.
    ///   - y: The y of the points, as many as `x`.
    ///   - z: The z of the points, as many as `x`.
    ///   - label: Legend text, or nil for none.
    ///   - color: Marker colour.
    ///   - size: Marker diameter in points.
    public init(x: [Double], y: [Double], z: [Double], label: String? = nil, color: Color, size: Double = 4) {
        self.x = x
        self.y = y
        self.z = z
        self.label = label
        self.color = color
        self.size = size
    }
}

extension Points3DMark: MarkPayload {
    /// "points3D": the family name in validation messages ("mark 2 (points3D): …").
    public static let kind = "points3D"

    /// Lengths of x, y and z that differ, or a non-finite or negative size.
    public func problems() -> [String] {
        var p = Problems()
        p.same([("x", x.count), ("y", y.count), ("z", z.count)]); p.finite("size", size)
        return p.list
    }
}
