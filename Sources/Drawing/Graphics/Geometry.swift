/// Points, sizes and rectangles in the canvas's user space (PostScript points unless scaled).
public struct Point: Codable, Hashable, Sendable {
    public var x, y: Double
    public init(_ x: Double, _ y: Double) { (self.x, self.y) = (x, y) }
}

public struct Size: Codable, Hashable, Sendable {
    public var width, height: Double
    public init(_ width: Double, _ height: Double) { (self.width, self.height) = (width, height) }
}

public struct Rect: Codable, Hashable, Sendable {
    public var x, y, width, height: Double
    public init(x: Double, y: Double, width: Double, height: Double) {
        (self.x, self.y, self.width, self.height) = (x, y, width, height)
    }
    public var maxX: Double { x + width }
    public var maxY: Double { y + height }
}

/// Physical lengths convert to points (1/72 in), the unit of PDF and of Cairo's vector surfaces.
public enum Length {
    public static func inches(_ v: Double) -> Double { v * 72 }
    public static func millimetres(_ v: Double) -> Double { v * 72 / 25.4 }
}
