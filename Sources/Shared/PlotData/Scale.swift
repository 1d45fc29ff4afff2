internal import Foundation

/// How data values map to positions along an axis.
public enum AxisScale: Codable, Equatable, Sendable {
    /// Positions proportional to the values.
    case linear
    /// Base-10 logarithm; non-positive values are not drawn.
    case log
    /// Linear within ±threshold, logarithmic outside (for data that crosses zero over decades).
    case symlog(threshold: Double)

    /// Data → a space where the axis is linear.
    public func forward(_ v: Double) -> Double {
        switch self {
        case .linear: return v
        case .log: return v > 0 ? log10(v) : .nan
        case .symlog(let c):
            let a = abs(v)
            return a <= c ? v / c : (v < 0 ? -1 : 1) * (1 + log10(a / c))
        }
    }

    /// The value at position `u` of the linear space (the inverse of ``forward(_:)``).
    public func inverse(_ u: Double) -> Double {
        switch self {
        case .linear: return u
        case .log: return pow(10, u)
        case .symlog(let c):
            let a = abs(u)
            return a <= 1 ? u * c : (u < 0 ? -1 : 1) * c * pow(10, a - 1)
        }
    }

    /// Whether `v` can be placed on this axis.
    /// Magnitudes beyond `PlotLimits.maxMagnitude` are refused like ±∞, so spans stay finite.
    public func accepts(_ v: Double) -> Bool { v.isFinite && abs(v) <= PlotLimits.maxMagnitude && (self != .log || v > 0) }
}
