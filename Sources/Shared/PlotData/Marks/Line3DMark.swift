import Colors

/// A 3-D polyline, depth-sorted together with surfaces so it is hidden where a surface is in front.
public struct Line3DMark: Codable, Equatable, Sendable {
    @FramedNumbers public var x: [Double]
    @FramedNumbers public var y: [Double]
    @FramedNumbers public var z: [Double]
    public var label: String?
    public var color: Color
    public var width: Double = 1.5

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
    public static let kind = "line3D"

    public func problems() -> [String] {
        var p = Problems()
        p.same([("x", x.count), ("y", y.count), ("z", z.count)]); p.finite("width", width)
        return p.list
    }
}
