/// Points, sizes and rectangles in the canvas's user space (PostScript points unless scaled).
public struct Point: Codable, Hashable, Sendable {
    /// A coordinate in points; y grows downwards on the page.
    public var x, y: Double
    /// The point (x, y).
    public init(_ x: Double, _ y: Double) { (self.x, self.y) = (x, y) }
}

/// A width and a height in points.
public struct Size: Codable, Hashable, Sendable {
    /// A length in points.
    public var width, height: Double
    /// The size width × height.
    public init(_ width: Double, _ height: Double) { (self.width, self.height) = (width, height) }
}

/// An axis-aligned rectangle: its top-left corner and its size, in points.
public struct Rect: Codable, Hashable, Sendable {
    /// The top-left corner (x, y) and the extent, in points.
    public var x, y, width, height: Double
    /// The rectangle with top-left corner (x, y) and the given size.
    public init(x: Double, y: Double, width: Double, height: Double) {
        (self.x, self.y, self.width, self.height) = (x, y, width, height)
    }
    /// The right edge, x + width.
    public var maxX: Double { x + width }
    /// The bottom edge, y + height.
    public var maxY: Double { y + height }
}

/// Physical lengths convert to points (1/72 in), the unit of PDF and of Cairo's vector surfaces.
public enum Length {
    /// `v` inches in points (72 per inch): `Figure(width: Length.inches(6.5), …)`.
    public static func inches(_ v: Double) -> Double { v * 72 }
    /// `v` millimetres in points (72/25.4 per millimetre).
    public static func millimetres(_ v: Double) -> Double { v * 72 / 25.4 }
}
