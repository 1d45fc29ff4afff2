/// A number a cell hands to a sweep's aggregate page (`publish("final loss", loss)` in the
/// Folio runtime): one row of the aggregate's table per sweep point, one column per name, and a
/// figure of each name over the sweep's axes. A point's own report does not show it (a cell
/// that wants it there prints or shows it too). Travels as `{"published":{"_0":{"name":…,
/// "value":…}}}`; NaN and ±∞ as the channel writes them ("nan", "inf", "-inf").
public struct PublishedValue: Codable, Equatable, Sendable {
    /// The column of the sweep's aggregate table.
    public var name: String
    /// The number published.
    public var value: Double
    /// A value published under `name`.
    public init(name: String, value: Double) { (self.name, self.value) = (name, value) }

    /// Longest name kept: a column heading, not a paragraph.
    public static let maxNameLength = 200
}
