import Colors

public enum StepPosition: String, Codable, Sendable { case pre, post, mid }

/// A staircase through the points: the value holds until the next x (`post`), from the previous (`pre`), or switches midway.
public struct StepMark: Codable, Equatable, Sendable {
    public var x, y: [Double]
    public var position: StepPosition = .post
    public var label: String?
    public var color: Color
    /// Opacity in 0…1 multiplying the colour's own (matplotlib's `alpha`); nil is opaque.
    public var alpha: Double?
    public var width: Double = 1.25

    public init(
        x: [Double], y: [Double], position: StepPosition = .post, label: String? = nil, color: Color,
        width: Double = 1.25
    ) {
        self.x = x
        self.y = y
        self.position = position
        self.label = label
        self.color = color
        self.width = width
    }
}

extension StepMark: MarkPayload {
    public static let kind = "step"

    public func problems() -> [String] {
        var p = Problems()
        p.same([("x", x.count), ("y", y.count)]); p.finite("width", width)
        p.alpha(alpha)
        return p.list
    }
}
