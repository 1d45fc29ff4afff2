import Colors

/// An arrow from one data point to another, with optional text at its tail.
public struct ArrowMark: Codable, Equatable, Sendable {
    public var from, to: [Double]
    public var text: String?
    public var color: Color = Color(hex: 0x222222)
    /// Opacity in 0…1 multiplying the colour's own (matplotlib's `alpha`); nil is opaque.
    public var alpha: Double?

    public init(from: [Double], to: [Double], text: String? = nil, color: Color = Color(hex: 0x222222)) {
        self.from = from
        self.to = to
        self.text = text
        self.color = color
    }
}

extension ArrowMark: MarkPayload {
    public static let kind = "arrow"

    public func problems() -> [String] {
        var p = Problems()
        if from.count != 2 || to.count != 2 || !(from + to).allSatisfy({ $0.isFinite && abs($0) <= PlotLimits.maxMagnitude }) {
            p.append("from and to must be two finite numbers each, got \(from) and \(to)")
        }
        p.alpha(alpha)
        return p.list
    }
}
