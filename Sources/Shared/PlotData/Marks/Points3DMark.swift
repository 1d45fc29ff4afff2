import Colors

public struct Points3DMark: Codable, Equatable, Sendable {
    @FramedNumbers public var x: [Double]
    @FramedNumbers public var y: [Double]
    @FramedNumbers public var z: [Double]
    public var label: String?
    public var color: Color
    public var size: Double = 4

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
    public static let kind = "points3D"

    public func problems() -> [String] {
        var p = Problems()
        p.same([("x", x.count), ("y", y.count), ("z", z.count)]); p.finite("size", size)
        return p.list
    }
}
