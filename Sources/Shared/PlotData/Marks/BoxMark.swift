import Colors

/// Box plots as their statistics (matplotlib's `boxplot`): per box its position, quartiles,
/// median, whisker ends and outliers, computed by `Axes.boxplot` in the notebook so the figure
/// carries five numbers per box instead of the samples.
public struct BoxMark: Codable, Equatable, Sendable {
    /// Centre of each box along the category axis.
    public var positions: [Double]
    /// First quartile, median and third quartile of each box.
    public var lowerQuartile, median, upperQuartile: [Double]
    /// Ends of the whiskers: the furthest data within `whis` × IQR of the box.
    public var lowerWhisker, upperWhisker: [Double]
    /// Notch ends, median ∓ 1.57 · IQR / √n (nil: no notches).
    public var notchLower, notchUpper: [Double]?
    /// Data beyond the whiskers, per box.
    public var outliers: [[Double]]
    /// Box width in data units of the category axis.
    public var width: Double
    /// Boxes upright (values on y), or lying along x.
    public var vertical: Bool
    /// The legend text (nil: not in the legend).
    public var label: String?
    /// Colour of the box outline and fill (the fill is lighter).
    public var color: Color
    /// Opacity in 0…1 multiplying the colour's own; nil is opaque.
    public var alpha: Double?

    /// A payload; `Axes.boxplot` computes the statistics from samples.
    /// - Parameters:
    ///   - positions: box centres.
    ///   - lowerQuartile: Q1 of each box.
    ///   - median: the medians.
    ///   - upperQuartile: Q3 of each box.
    ///   - lowerWhisker: lower whisker ends.
    ///   - upperWhisker: upper whisker ends.
    ///   - notchLower: lower notch ends, or nil.
    ///   - notchUpper: upper notch ends, or nil.
    ///   - outliers: the points beyond the whiskers, per box.
    ///   - width: box width in data units.
    ///   - vertical: upright boxes.
    ///   - label: legend text.
    ///   - color: the colour.
    ///   - alpha: opacity, or nil.
    public init(
        positions: [Double], lowerQuartile: [Double], median: [Double], upperQuartile: [Double],
        lowerWhisker: [Double], upperWhisker: [Double], notchLower: [Double]? = nil, notchUpper: [Double]? = nil,
        outliers: [[Double]], width: Double = 0.5, vertical: Bool = true, label: String? = nil, color: Color,
        alpha: Double? = nil
    ) {
        (self.positions, self.lowerQuartile, self.median, self.upperQuartile) = (positions, lowerQuartile, median, upperQuartile)
        (self.lowerWhisker, self.upperWhisker, self.notchLower, self.notchUpper) = (lowerWhisker, upperWhisker, notchLower, notchUpper)
        (self.outliers, self.width, self.vertical, self.label, self.color, self.alpha) = (outliers, width, vertical, label, color, alpha)
    }
}

extension BoxMark: MarkPayload {
    /// "box".
    public static let kind = "box"

    /// Lengths that differ, statistics out of order (whisker ≤ Q1 ≤ median ≤ Q3 ≤ whisker), bad sizes.
    public func problems() -> [String] {
        var p = Problems()
        p.same(
            [
                ("positions", positions.count), ("lowerQuartile", lowerQuartile.count), ("median", median.count),
                ("upperQuartile", upperQuartile.count), ("lowerWhisker", lowerWhisker.count),
                ("upperWhisker", upperWhisker.count), ("outliers", outliers.count),
            ] + [("notchLower", notchLower?.count), ("notchUpper", notchUpper?.count)].compactMap { n, c in c.map { (n, $0) } })
        let n = [positions.count, lowerQuartile.count, median.count, upperQuartile.count, lowerWhisker.count, upperWhisker.count].min()!
        for i in 0..<n {
            let s = [positions[i], lowerWhisker[i], lowerQuartile[i], median[i], upperQuartile[i], upperWhisker[i]]
            if !s.allSatisfy({ $0.isFinite && abs($0) <= PlotLimits.maxMagnitude }) {
                p.append("box \(i + 1): statistics must be finite, got \(s)")
            } else if !(s[1] <= s[2] && s[2] <= s[3] && s[3] <= s[4] && s[4] <= s[5]) {
                p.append("box \(i + 1): needs whisker ≤ Q1 ≤ median ≤ Q3 ≤ whisker, got \(Array(s.dropFirst()))")
            }
        }
        if (notchLower == nil) != (notchUpper == nil) { p.append("notches need both ends") }
        if !(width.isFinite && width > 0 && width <= PlotLimits.maxMagnitude) { p.append("width must be a positive finite number, got \(width)") }
        p.alpha(alpha)
        return p.list
    }
}
