/// A problem in a formula: what went wrong and where. `offset` counts Unicode scalars (characters)
/// from the start of the TeX source given to `MathRenderer.layout`, so a caller adds the formula's
/// position in its document to report a line and column.
public struct MathError: Error, Equatable, CustomStringConvertible, Sendable {
    /// Where the problem is, in Unicode scalars from the start of the TeX source (0 is its first character).
    public var offset: Int
    /// What is wrong, as a sentence for the reader ("unknown command \frak").
    public var message: String
    public var description: String { "math error at offset \(offset): \(message)" }
}
