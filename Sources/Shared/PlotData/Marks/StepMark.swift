import Colors

/// Where a step's riser sits between two points (matplotlib's `where=`).
public enum StepPosition: String, Codable, Sendable {
    /// Each value holds from the previous x up to its own (the riser at the previous x): a value that applies to the interval before it.
    case pre
    /// Each value holds from its x until the next (the riser at the next x): a counter or a piecewise-constant signal sampled at change points.
    case post
    /// The riser halfway between neighbouring xs: each value holds over the interval centred on its x.
    case mid
}

/// A staircase through the points: the value holds until the next x (`post`), from the previous (`pre`), or switches midway.
public struct StepMark: Codable, Equatable, Sendable {
    /// The points the staircase passes through, in data units, of equal length.
    public var x, y: [Double]
    /// Where the riser between two points sits (default `.post`: each value holds until the next x).
    public var position: StepPosition = .post
    /// The legend text (`$…$` math allowed); nil keeps the staircase out of the legend.
    public var label: String?
    /// The stroke colour.
    public var color: Color
    /// Opacity in 0…1 multiplying the colour's own (matplotlib's `alpha`); nil is opaque.
    public var alpha: Double?
    /// Stroke width in points (default 1.25).
    public var width: Double = 1.25

    /// A staircase payload; `Axes.step` builds one with the next colour of the cycle.
    ///
    /// - Parameters:
    ///   - x: The x of the points, in data units.
    ///   - y: The y of the points, as many as `x`.
    ///   - position: Where the risers sit.
    ///   - label: Legend text, or nil for none.
    ///   - color: Stroke colour.
    ///   - width: Stroke width in points.
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
    /// "step": the family name in validation messages ("mark 2 (step): …").
    public static let kind = "step"

    /// Lengths of x and y that differ, a non-finite width, or an alpha outside 0…1.
    public func problems() -> [String] {
        var p = Problems()
        p.same([("x", x.count), ("y", y.count)]); p.finite("width", width)
        p.alpha(alpha)
        return p.list
    }
}
