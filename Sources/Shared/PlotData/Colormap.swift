/// A continuous colormap, by name: what a figure carries. Plot holds the lookup tables (see
/// ColormapLookup); a decoded name that is not one of `names` is refused here.
public struct Colormap: Codable, Equatable, Sendable {
    /// The map's name, one of ``names``.
    public let name: String

    /// The perceptually uniform maps, plus diverging ones for signed data centred on zero.
    public static let names = ["viridis", "magma", "inferno", "plasma", "cividis", "RdBu_r", "coolwarm"]

    /// matplotlib's default: perceptually uniform, dark blue to yellow.
    public static let viridis = Colormap(uncheckedName: "viridis")
    /// Perceptually uniform, black through purple to pale yellow.
    public static let magma = Colormap(uncheckedName: "magma")
    /// Perceptually uniform, black through red to pale yellow.
    public static let inferno = Colormap(uncheckedName: "inferno")
    /// Perceptually uniform, blue through purple to yellow.
    public static let plasma = Colormap(uncheckedName: "plasma")
    /// Perceptually uniform and readable with colour-vision deficiency, blue to yellow.
    public static let cividis = Colormap(uncheckedName: "cividis")
    /// Diverging blue → white → red.
    public static let diverging = Colormap(uncheckedName: "RdBu_r")
    /// Moreland's diverging blue → grey → red.
    public static let coolwarm = Colormap(uncheckedName: "coolwarm")

    private init(uncheckedName: String) { name = uncheckedName }

    /// A colormap name Folio does not know; the message lists the known ones.
    public struct UnknownName: Error, CustomStringConvertible {
        /// The name asked for.
        /// The name asked for.
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
}

/// `colormap: "magma"` in notebooks; a misspelt name stops with the list of known maps.
extension Colormap: ExpressibleByStringLiteral {
    /// The map named by a string literal (`colormap: "magma"`).
    ///
    /// - Precondition: A known name; otherwise the cell stops with the list of known maps.
    public init(stringLiteral name: String) {
        do { self = try Colormap.named(name) } catch { fatalError("Colormap: \(error)") }
    }
}
