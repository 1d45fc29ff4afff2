/// How one axis places, labels and draws its ticks: matplotlib's `set_xticks`, `MaxNLocator`,
/// the tick formatters, `AutoMinorLocator` and `tick_params(direction:)` in one value.
///
/// Every field is optional and nil means "Folio's default", so a figure without tick settings
/// encodes exactly as before this type existed (old figures decode unchanged).
///
/// ```swift
/// fig.axes.xTicks([0, .pi / 2, .pi], labels: ["0", "$\\pi/2$", "$\\pi$"])
/// fig.axes.yTicks(count: 8, format: .percent, minor: 4, direction: .inout)
/// ```
public struct TickSpec: Codable, Equatable, Sendable {
    /// Fixed major tick positions in data units; ticks outside the limits are not drawn.
    public var positions: [Double]?
    /// Labels for `positions`, one each; `$…$` spans are typeset as math.
    public var labels: [String]?
    /// About how many major ticks to aim for (labels still never overlap).
    public var count: Int?
    /// How tick values become labels when no explicit labels are given.
    public var format: TickFormat?
    /// Labels a notebook's formatter closure gave for `formattedValues` (see `Axes.xTicks(formatter:)`).
    public var formattedValues: [Double]?
    /// The closure's labels, one per value of `formattedValues`.
    public var formattedLabels: [String]?
    /// Minor ticks: each major interval is divided into this many parts (0: no minor ticks).
    public var minor: Int?
    /// Which side of the frame the ticks point to.
    public var direction: TickDirection?
    /// Major ticks of a log axis: decades or the 1-2-5 steps of each decade.
    public var logSteps: LogTickSteps?

    /// A specification; every nil field keeps the default.
    /// - Parameters:
    ///   - positions: fixed major ticks in data units.
    ///   - labels: one label per position (math allowed).
    ///   - count: the wanted number of major ticks.
    ///   - format: how values become labels.
    ///   - minor: parts each major interval is divided into by minor ticks (0: none).
    ///   - direction: ticks pointing out of the frame, into it, or both.
    ///   - logSteps: decades or 1-2-5 steps on a log axis.
    public init(
        positions: [Double]? = nil, labels: [String]? = nil, count: Int? = nil, format: TickFormat? = nil,
        minor: Int? = nil, direction: TickDirection? = nil, logSteps: LogTickSteps? = nil
    ) {
        (self.positions, self.labels, self.count, self.format) = (positions, labels, count, format)
        (self.minor, self.direction, self.logSteps) = (minor, direction, logSteps)
    }

    /// Every reason this specification cannot be drawn, each prefixed with `name` ("xTicks").
    /// - Parameter name: the axis field it belongs to, for the messages.
    /// - Returns: the problems; empty when it can be drawn.
    public func problems(_ name: String) -> [String] {
        var p: [String] = []
        if let positions, !positions.allSatisfy({ $0.isFinite && abs($0) <= PlotLimits.maxMagnitude }) {
            p.append("\(name): positions must be finite numbers, got \(positions)")
        }
        if let labels, labels.count != (positions?.count ?? -1) {
            p.append("\(name): \(labels.count) labels need as many positions, got \(positions?.count ?? 0)")
        }
        if let count, !(1...50).contains(count) { p.append("\(name): count must be in 1…50, got \(count)") }
        if let minor, !(0...20).contains(minor) { p.append("\(name): minor must be in 0…20, got \(minor)") }
        if (formattedValues?.count ?? 0) != (formattedLabels?.count ?? 0) {
            p.append("\(name): formatted values and labels differ in number")
        }
        return p
    }
}

/// How tick values become labels (matplotlib's `ScalarFormatter`, `LogFormatterSciNotation`,
/// `PercentFormatter(xmax=1)`).
public enum TickFormat: String, Codable, Sendable, CaseIterable {
    /// Plain decimals with the fewest digits that tell the ticks apart, never factoring ×10^k out.
    case plain
    /// Every label as m×10^k.
    case scientific
    /// Fractions as percentages: 0.25 → 25 %.
    case percent
}

/// Which side of the frame ticks are drawn on (matplotlib's `tick_params(direction:)`).
public enum TickDirection: String, Codable, Sendable, CaseIterable {
    /// Outside the frame (the default).
    case out
    /// Inside the frame, over the data.
    case `in`
    /// Across the frame line, half in and half out.
    case `inout`
}

/// Major ticks of a log axis.
public enum LogTickSteps: String, Codable, Sendable, CaseIterable {
    /// Powers of ten (thinned to every 2nd, 3rd … decade on long axes).
    case decades
    /// 1, 2 and 5 times each power of ten (as long as the labels fit).
    case oneTwoFive
}
