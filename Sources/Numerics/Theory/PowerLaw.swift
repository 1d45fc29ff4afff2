internal import Foundation

/// y ≈ c·x^k, fitted by least squares on (log x, log y) — how the experiments state their rates
/// (distance ∝ n⁻¹, fluctuations ∝ n^(−1/2), errors ∝ 4^(−n)).
public struct PowerLaw: Sendable, CustomStringConvertible {
    /// k in c·x^k (−0.5 for fluctuations ∝ n^(−1/2)).
    public let exponent: Double
    /// c in c·x^k.
    public let prefactor: Double

    /// The law c·x^k.
    ///
    /// - Parameters:
    ///   - exponent: k.
    ///   - prefactor: c.
    public init(exponent: Double, prefactor: Double) {
        self.exponent = exponent
        self.prefactor = prefactor
    }

    /// The least-squares line through (log xᵢ, log yᵢ). Needs two or more distinct positive x and
    /// positive y: a rate cannot be read off zero or negative values.
    public static func fit(x: [Double], y: [Double]) -> PowerLaw {
        guard x.count == y.count, x.count >= 2 else {
            fatalError("PowerLaw.fit: needs two or more (x, y) pairs of equal length, got \(x.count) x and \(y.count) y")
        }
        guard let bad = zip(x, y).first(where: { !($0.0 > 0 && $0.1 > 0 && $0.0.isFinite && $0.1.isFinite) }) as (Double, Double)?
        else { return leastSquares(x.map(log), y.map(log)) }
        fatalError("PowerLaw.fit: every x and y must be positive and finite, got (\(bad.0), \(bad.1))")
    }

    private static func leastSquares(_ lx: [Double], _ ly: [Double]) -> PowerLaw {
        let n = Double(lx.count)
        let mx = lx.reduce(0, +) / n, my = ly.reduce(0, +) / n
        let sxx = lx.reduce(0) { $0 + ($1 - mx) * ($1 - mx) }
        guard sxx > 0 else { fatalError("PowerLaw.fit: all x are equal (\(exp(mx))); no rate can be fitted") }
        let k = zip(lx, ly).reduce(0) { $0 + ($1.0 - mx) * ($1.1 - my) } / sxx
        return PowerLaw(exponent: k, prefactor: exp(my - k * mx))
    }

    /// The law's value c·x^k at `x`.
    ///
    /// - Parameter x: A positive number.
    /// - Returns: c·x^k.
    public func callAsFunction(_ x: Double) -> Double { prefactor * pow(x, exponent) }

    public var description: String { String(format: "%.4g·x^%.3f", prefactor, exponent) }
}
