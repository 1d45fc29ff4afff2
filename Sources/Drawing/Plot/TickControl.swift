internal import Foundation
import PlotData

extension Axes {
    /// Sets the x axis's ticks (matplotlib's `set_xticks`, `MaxNLocator(n)`, `AutoMinorLocator`,
    /// `tick_params`); arguments left nil keep what was set before.
    ///
    /// ```swift
    /// fig.axes.xTicks([0, .pi / 2, .pi], labels: ["0", "$\\pi/2$", "$\\pi$"])
    /// fig.axes.xTicks(count: 3, minor: 5, direction: .in)
    /// ```
    /// - Parameters:
    ///   - positions: fixed tick positions in data units (outside the limits: not drawn).
    ///   - labels: one label per position; `$…$` is typeset as math.
    ///   - count: the number of ticks to aim for.
    ///   - format: plain, scientific or percent labels.
    ///   - minor: parts each major interval is divided into by minor ticks (0: none).
    ///   - direction: out (default), in, or inout.
    ///   - logSteps: decades or 1-2-5 steps on a log axis.
    /// - Note: Traps with a message when labels and positions differ in number, or `count` is not in 1…50.
    public mutating func xTicks(
        _ positions: [Double]? = nil, labels: [String]? = nil, count: Int? = nil, format: TickFormat? = nil,
        minor: Int? = nil, direction: TickDirection? = nil, logSteps: LogTickSteps? = nil
    ) {
        xTicks = Axes.merged(xTicks, "xTicks", positions, labels, count, format, minor, direction, logSteps)
    }

    /// Sets the y axis's ticks; see `xTicks(_:labels:count:format:minor:direction:logSteps:)`.
    /// - Parameters:
    ///   - positions: fixed tick positions in data units.
    ///   - labels: one label per position (math allowed).
    ///   - count: the number of ticks to aim for.
    ///   - format: plain, scientific or percent labels.
    ///   - minor: parts each major interval is divided into by minor ticks (0: none).
    ///   - direction: out (default), in, or inout.
    ///   - logSteps: decades or 1-2-5 steps on a log axis.
    public mutating func yTicks(
        _ positions: [Double]? = nil, labels: [String]? = nil, count: Int? = nil, format: TickFormat? = nil,
        minor: Int? = nil, direction: TickDirection? = nil, logSteps: LogTickSteps? = nil
    ) {
        yTicks = Axes.merged(yTicks, "yTicks", positions, labels, count, format, minor, direction, logSteps)
    }

    /// Labels the x ticks with a closure (matplotlib's `FuncFormatter`).
    ///
    /// The closure runs in the notebook, so it is applied here to every tick the axis can choose
    /// for its current limits; call it after adding the marks (or after fixing the limits or the
    /// positions). A tick it was not asked about keeps the default label.
    /// ```swift
    /// fig.axes.xTicks(formatter: { "\(Int($0)) ms" })
    /// ```
    /// - Parameter formatter: tick value → label (`$…$` is typeset as math).
    public mutating func xTicks(formatter: (Double) -> String) {
        let values = candidateTicks(positions: xTicks?.positions, scale: xScale, limits: limits().x, spec: xTicks)
        var spec = xTicks ?? TickSpec()
        (spec.formattedValues, spec.formattedLabels) = (values, values.map(formatter))
        xTicks = spec
    }

    /// Labels the y ticks with a closure; see `xTicks(formatter:)`.
    /// - Parameter formatter: tick value → label (`$…$` is typeset as math).
    public mutating func yTicks(formatter: (Double) -> String) {
        let values = candidateTicks(positions: yTicks?.positions, scale: yScale, limits: limits().y, spec: yTicks)
        var spec = yTicks ?? TickSpec()
        (spec.formattedValues, spec.formattedLabels) = (values, values.map(formatter))
        yTicks = spec
    }

    static func merged(
        _ old: TickSpec?, _ name: String, _ positions: [Double]?, _ labels: [String]?, _ count: Int?,
        _ format: TickFormat?, _ minor: Int?, _ direction: TickDirection?, _ logSteps: LogTickSteps?
    ) -> TickSpec {
        var s = old ?? TickSpec()
        if let positions { s.positions = positions; s.labels = nil }
        if let labels { s.labels = labels }
        if let count { s.count = count }
        if let format { s.format = format }
        if let minor { s.minor = minor }
        if let direction { s.direction = direction }
        if let logSteps { s.logSteps = logSteps }
        if let problem = s.problems(name).first { fatalError(problem) }
        return s
    }

    /// Every tick position the drawing may choose for these limits, at any density.
    func candidateTicks(positions: [Double]?, scale: AxisScale, limits: (Double, Double), spec: TickSpec?) -> [Double] {
        if let positions { return positions }
        let (lo, hi) = (min(limits.0, limits.1), max(limits.0, limits.1))
        var out = Set<Double>()
        for target in 2...14 { out.formUnion(Ticks.linear(lo, hi, target: target)) }
        if scale == .log {
            for n in 1...12 { out.formUnion(Ticks.logMajor(lo, hi, maxCount: n)) }
            out.formUnion(Ticks.logOneTwoFive(lo, hi))
        }
        if case .symlog(let c) = scale { for n in 2...12 { out.formUnion(Ticks.symlog(lo, hi, threshold: c, maxCount: n)) } }
        return out.sorted()
    }
}

extension Axes {
    /// The panel's second y axis on the right (matplotlib's `ax.twinx()`), as an `Axes` that
    /// shares this panel's x axis: add marks to it and set its `yLabel`, `yScale`, `yLimits`
    /// and `yTicks`; its other settings are ignored. Colours continue this panel's cycle, and
    /// its labelled marks join this panel's legend.
    ///
    /// ```swift
    /// fig.axes.line(x: steps, y: loss, label: "loss")
    /// fig.axes.twinY.line(x: steps, y: accuracy, label: "accuracy")
    /// fig.axes.twinY.yLabel = "accuracy"
    /// ```
    public var twinY: Axes {
        get {
            var a = Axes(xLabel: nil, yLabel: twin?.yLabel)
            (a.xScale, a.xLimits, a.cycleIndex) = (xScale, xLimits, cycleIndex)
            if let t = twin { (a.yScale, a.yLimits, a.yTicks, a.marks) = (t.yScale, t.yLimits, t.yTicks, t.marks) }
            return a
        }
        set {
            var t = twin ?? TwinAxis()
            (t.yLabel, t.yScale, t.yLimits, t.yTicks, t.marks) = (newValue.yLabel, newValue.yScale, newValue.yLimits, newValue.yTicks, newValue.marks)
            twin = t
            cycleIndex = newValue.cycleIndex
        }
    }

    /// The right axis as a panel of its own, with this panel's x limits (for limits and drawing).
    func twinPanel(xLimits: (Double, Double)) -> Axes? {
        guard let t = twin else { return nil }
        var a = Axes()
        (a.xScale, a.xLimits, a.yScale, a.yLimits, a.yTicks, a.marks) = (xScale, [xLimits.0, xLimits.1], t.yScale, t.yLimits, t.yTicks, t.marks)
        return a
    }
}
