import Graphics

/// A continuous colormap: a 256-entry lookup table identical to matplotlib's (sampled once from
/// it, see ColormapData), looked up like matplotlib does: index ⌊x·256⌋ clamped to 0…255.
public struct Colormap: Codable, Equatable, Sendable {
    public let name: String

    /// The perceptually uniform maps, plus diverging ones for signed data centred on zero.
    public static let names = ["viridis", "magma", "inferno", "plasma", "cividis", "RdBu_r", "coolwarm"]

    public static let viridis = Colormap(uncheckedName: "viridis")
    public static let magma = Colormap(uncheckedName: "magma")
    public static let inferno = Colormap(uncheckedName: "inferno")
    public static let plasma = Colormap(uncheckedName: "plasma")
    public static let cividis = Colormap(uncheckedName: "cividis")
    /// Diverging blue → white → red.
    public static let diverging = Colormap(uncheckedName: "RdBu_r")
    public static let coolwarm = Colormap(uncheckedName: "coolwarm")

    private init(uncheckedName: String) { name = uncheckedName }

    public struct UnknownName: Error, CustomStringConvertible {
        public let name: String
        public var description: String {
            "unknown colormap '\(name)' (known: \(Colormap.names.joined(separator: ", ")), diverging)"
        }
    }

    /// The map called `name`; "diverging" is RdBu_r. Throws for an unknown name.
    public static func named(_ name: String) throws -> Colormap {
        if name == "diverging" { return .diverging }
        guard names.contains(name) else { throw UnknownName(name: name) }
        return Colormap(uncheckedName: name)
    }

    public init(from decoder: Decoder) throws {
        let name = try decoder.singleValueContainer().decode(String.self)
        self = try Colormap.named(name)
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(name)
    }

    /// The 256 entries as 0xRRGGBB (fetch once before a loop over many values).
    public var table: [UInt32] { ColormapData.tables[name]! }

    /// Index into the LUT for t in 0…1, as matplotlib computes it.
    @inline(__always) static func index(_ t: Double) -> Int {
        // NaN would pass through min/max and trap in Int(): the lowest entry.
        guard t > 0 else { return 0 }
        return min(255, Int((min(t, 1) * 256).rounded(.down)))
    }

    /// The LUT entry for t in 0…1 as 0xRRGGBB (NaN gives nil: drawn transparent).
    public func hex(_ t: Double) -> UInt32? {
        guard !t.isNaN else { return nil }
        return table[Colormap.index(t)]
    }

    public func color(_ t: Double) -> Color {
        guard let h = hex(t) else { return Color(red: 0, green: 0, blue: 0, alpha: 0) }
        return Color(hex: h)
    }
}

/// `colormap: "magma"` in notebooks; a misspelt name stops with the list of known maps.
extension Colormap: ExpressibleByStringLiteral {
    public init(stringLiteral name: String) {
        do { self = try Colormap.named(name) } catch { fatalError("Colormap: \(error)") }
    }
}
