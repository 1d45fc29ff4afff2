import Colors

/// Points with error bars (matplotlib's `errorbar`): at each (x, y) a vertical bar from
/// y − yLower to y + yUpper and a horizontal one from x − xLower to x + xUpper, with caps.
/// Distances are non-negative; a nil pair means no bars in that direction.
public struct ErrorBarMark: Codable, Equatable, Sendable {
    /// The points' coordinates.
    public var x, y: [Double]
    /// Distances below and above each y (nil: no vertical bars).
    public var yLower, yUpper: [Double]?
    /// Distances left and right of each x (nil: no horizontal bars).
    public var xLower, xUpper: [Double]?
    /// Half the length of each cap, in points (0: no caps).
    public var cap: Double
    /// Stroke width of the bars, in points.
    public var width: Double
    /// The marker at each point (nil: none).
    public var marker: MarkerShape?
    /// Marker diameter in points.
    public var markerSize: Double
    /// Whether a line joins the points (matplotlib's `fmt="-o"`).
    public var joined: Bool
    /// The legend text (nil: not in the legend).
    public var label: String?
    /// Colour of bars, caps, markers and line.
    public var color: Color
    /// Opacity in 0…1 multiplying the colour's own; nil is opaque.
    public var alpha: Double?

    /// A payload; `Axes.errorbar` builds one from symmetric or asymmetric errors.
    /// - Parameters:
    ///   - x: x of the points.
    ///   - y: y of the points.
    ///   - yLower: distances below each y, or nil.
    ///   - yUpper: distances above each y, or nil.
    ///   - xLower: distances left of each x, or nil.
    ///   - xUpper: distances right of each x, or nil.
    ///   - cap: half the cap length in points.
    ///   - width: bar stroke width in points.
    ///   - marker: the point marker, or nil.
    ///   - markerSize: marker diameter in points.
    ///   - joined: whether a line joins the points.
    ///   - label: legend text.
    ///   - color: the colour.
    ///   - alpha: opacity, or nil.
    public init(
        x: [Double], y: [Double], yLower: [Double]? = nil, yUpper: [Double]? = nil, xLower: [Double]? = nil,
        xUpper: [Double]? = nil, cap: Double = 2.5, width: Double = 1, marker: MarkerShape? = .circle,
        markerSize: Double = 4, joined: Bool = false, label: String? = nil, color: Color, alpha: Double? = nil
    ) {
        (self.x, self.y, self.yLower, self.yUpper, self.xLower, self.xUpper) = (x, y, yLower, yUpper, xLower, xUpper)
        (self.cap, self.width, self.marker, self.markerSize, self.joined) = (cap, width, marker, markerSize, joined)
        (self.label, self.color, self.alpha) = (label, color, alpha)
    }
}

extension ErrorBarMark: MarkPayload {
    /// "errorbar".
    public static let kind = "errorbar"

    /// Lengths that differ, negative or non-finite distances, a lone lower or upper half, bad sizes.
    public func problems() -> [String] {
        var p = Problems()
        var arrays = [("x", x.count), ("y", y.count)]
        for (name, a) in [("yLower", yLower), ("yUpper", yUpper), ("xLower", xLower), ("xUpper", xUpper)] {
            guard let a else { continue }
            arrays.append((name, a.count))
            if !a.allSatisfy({ $0.isNaN || ($0 >= 0 && $0 <= PlotLimits.maxMagnitude) }) {
                p.append("\(name) must hold distances ≥ 0, got \(a.filter { !($0.isNaN || $0 >= 0) }.prefix(3))")
            }
        }
        if (yLower == nil) != (yUpper == nil) || (xLower == nil) != (xUpper == nil) {
            p.append("errors need both a lower and an upper half")
        }
        p.same(arrays)
        p.finite("cap", cap); p.finite("width", width); p.finite("markerSize", markerSize)
        p.alpha(alpha)
        return p.list
    }
}
