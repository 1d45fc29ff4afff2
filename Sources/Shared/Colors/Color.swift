/// An sRGB colour with alpha, components in 0…1.
public struct Color: Codable, Hashable, Sendable {
    /// A component in 0…1 (alpha: 0 transparent, 1 opaque; straight, not premultiplied).
    public var red, green, blue, alpha: Double

    /// A colour from sRGB components in 0…1 (`Color(red: 0.12, green: 0.47, blue: 0.71)`).
    ///
    /// - Parameters:
    ///   - red: Red, 0…1.
    ///   - green: Green, 0…1.
    ///   - blue: Blue, 0…1.
    ///   - alpha: Opacity, 0…1 (1: opaque).
    public init(red: Double, green: Double, blue: Double, alpha: Double = 1) {
        (self.red, self.green, self.blue, self.alpha) = (red, green, blue, alpha)
    }

    /// `Color(hex: 0x1f77b4)`.
    public init(hex: UInt32, alpha: Double = 1) {
        self.init(
            red: Double((hex >> 16) & 0xff) / 255, green: Double((hex >> 8) & 0xff) / 255,
            blue: Double(hex & 0xff) / 255, alpha: alpha)
    }

    private enum CodingKeys: String, CodingKey { case red, green, blue, alpha }

    /// Decoded components are clamped to 0…1 (NaN to 0): a colour from another process may hold
    /// anything, and byte conversions of out-of-range components trap.
    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        func unit(_ k: CodingKeys) throws -> Double {
            let v = try c.decode(Double.self, forKey: k)
            return v.isNaN ? 0 : min(max(v, 0), 1)
        }
        self.init(red: try unit(.red), green: try unit(.green), blue: try unit(.blue), alpha: try unit(.alpha))
    }

    /// The same colour with opacity `a` (matplotlib's `alpha`): overlaid fills stay readable.
    ///
    /// - Parameter a: Opacity, 0…1.
    /// - Returns: A copy with `alpha` replaced.
    public func withAlpha(_ a: Double) -> Color { Color(red: red, green: green, blue: blue, alpha: a) }

    /// `#rrggbb` for CSS and SVG.
    public var hexString: String {
        func h(_ x: Double) -> String {
            let v = Int((min(max(x, 0), 1) * 255).rounded())
            return String(v, radix: 16).count == 1 ? "0" + String(v, radix: 16) : String(v, radix: 16)
        }
        return "#" + h(red) + h(green) + h(blue)
    }

    /// Opaque black, #000000.
    public static let black = Color(red: 0, green: 0, blue: 0)
    /// Opaque white, #ffffff.
    public static let white = Color(red: 1, green: 1, blue: 1)
}
