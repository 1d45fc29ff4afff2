/// The second y axis of a panel, drawn on its right and sharing its x axis (matplotlib's
/// `ax.twinx()`): its own scale, limits, ticks, label and marks. Notebooks reach it through
/// `Axes.twinY`, which presents it as an `Axes` so every mark method works on it.
public struct TwinAxis: Codable, Equatable, Sendable {
    /// The label beside the right axis.
    public var yLabel: String?
    /// The right axis's scale.
    public var yScale: AxisScale = .linear
    /// Fixed limits `[lo, hi]` of the right axis; nil fits its marks.
    public var yLimits: [Double]?
    /// Ticks of the right axis.
    public var yTicks: TickSpec?
    /// The marks measured against the right axis.
    public var marks: [Mark] = []

    /// An empty right axis.
    /// - Parameter yLabel: its label.
    public init(yLabel: String? = nil) { self.yLabel = yLabel }
}
