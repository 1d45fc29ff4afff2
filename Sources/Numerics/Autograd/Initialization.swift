internal import Foundation
import Tensor

/// How a dense layer's weights and biases are drawn. Variances are per entry.
public enum Initialization: Codable, Hashable, Sendable {
    /// W ~ N(0, 2/fan_in), b = 0 (He et al., for ReLU).
    case he
    /// W ~ N(0, 2/(fan_in + fan_out)), b = 0 (Glorot & Bengio).
    case xavier
    /// W ~ N(0, σ_w²/fan_in), b ~ N(0, σ_b²): the mean-field / trajectory-length convention.
    case normal(weightVariance: Double, biasVariance: Double)

    func weightStd(fanIn: Int, fanOut: Int) -> Double {
        switch self {
        case .he: (2 / Double(fanIn)).squareRoot()
        case .xavier: (2 / Double(fanIn + fanOut)).squareRoot()
        case .normal(let vw, _): (vw / Double(fanIn)).squareRoot()
        }
    }

    var biasStd: Double {
        if case .normal(_, let vb) = self { return vb.squareRoot() }
        return 0
    }
}

/// Standard parametrisation stores W with its variance; NTK parametrisation stores
/// standard-normal entries and multiplies by σ_w/√fan_in in the forward pass (Jacot et al.),
/// which changes gradient scales and the lazy-training limit.
public enum Parametrisation: String, Codable, Hashable, Sendable {
    /// W stored with its variance σ_w²/fan_in; the forward pass is x·Wᵀ + b (PyTorch's default).
    case standard
    /// W stored standard normal; the forward pass is (σ_w/√fan_in)·x·Wᵀ + σ_b·b (Jacot et al.).
    case ntk
}

/// A source of standard normal numbers for initialisation (Box–Muller over any generator).
/// Seeded generators make networks reproducible.
public struct NormalSampler<G: RandomNumberGenerator> {
    var generator: G
    var spare: Double?

    /// A sampler drawing its uniforms from `generator`.
    ///
    /// - Parameter generator: Any `RandomNumberGenerator` (``SplitMix64`` for reproducible runs).
    public init(_ generator: G) { self.generator = generator }

    /// The next standard normal number: Box–Muller makes them in pairs and hands out the second on
    /// the following call.
    ///
    /// - Returns: A sample of N(0, 1).
    public mutating func next() -> Double {
        if let s = spare { spare = nil; return s }
        var u1 = 0.0
        repeat { u1 = Double.random(in: 0..<1, using: &generator) } while u1 == 0
        let u2 = Double.random(in: 0..<1, using: &generator)
        let r = (-2 * Foundation.log(u1)).squareRoot()
        spare = r * Foundation.sin(2 * .pi * u2)
        return r * Foundation.cos(2 * .pi * u2)
    }
}

/// SplitMix64: a small, fast, seedable generator (Steele et al. 2014) for reproducible init.
public struct SplitMix64: RandomNumberGenerator, Sendable {
    var state: UInt64
    /// A generator whose stream is fixed by `seed`.
    ///
    /// - Parameter seed: Any value; equal seeds give equal streams.
    public init(seed: UInt64) { state = seed }
    /// The next 64 random bits.
    ///
    /// - Returns: A uniformly distributed `UInt64`.
    public mutating func next() -> UInt64 {
        state &+= 0x9E3779B97F4A7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58476D1CE4E5B9
        z = (z ^ (z >> 27)) &* 0x94D049BB133111EB
        return z ^ (z >> 31)
    }
}
