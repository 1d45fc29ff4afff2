import Colors

/// An arrow from one data point to another, with optional text at its tail.
public struct ArrowMark: Codable, Equatable, Sendable {
    /// The tail and the head, each `[x, y]` in data units; the head carries the arrowhead.
    public var from, to: [Double]
    /// Text beyond the tail, on the side away from the head, at tick-label size (`$…$` math allowed); nil for a bare arrow.
    public var text: String?
    /// The colour of shaft, head and text (default near-black #222222).
    public var color: Color = Color(hex: 0x222222)
    /// Opacity in 0…1 multiplying the colour's own (matplotlib's `alpha`); nil is opaque.
    public var alpha: Double?

    /// An arrow payload; `Axes.arrow` builds one.
    ///
    /// - Parameters:
    ///   - from: The tail, `[x, y]` in data units.
    ///   - to: The head, `[x, y]` in data units.
    ///   - text: Text at the tail, or nil.
    ///   - color: Colour of shaft, head and text.
    public init(from: [Double], to: [Double], text: String? = nil, color: Color = Color(hex: 0x222222)) {
        self.from = from
        self.to = to
        self.text = text
        self.color = color
    }
}

extension ArrowMark: MarkPayload {
    /// "arrow": the family name in validation messages ("mark 2 (arrow): …").
    public static let kind = "arrow"

    /// Ends that are not two finite numbers each, or an alpha outside 0…1.
    public func problems() -> [String] {
        var p = Problems()
        if from.count != 2 || to.count != 2 || !(from + to).allSatisfy({ $0.isFinite && abs($0) <= PlotLimits.maxMagnitude }) {
            p.append("from and to must be two finite numbers each, got \(from) and \(to)")
        }
        p.alpha(alpha)
        return p.list
    }
}
