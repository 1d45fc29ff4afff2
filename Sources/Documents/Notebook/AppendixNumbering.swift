import Yams

/// How figures, tables and equations are numbered after `# Appendix {.appendix}` (front
/// matter `appendix-numbering`): `continue` keeps the document's numbers (Figure 7 follows
/// Figure 6), `section` numbers them within each lettered section — Figure A.1, Equation
/// (B.2) — as papers do with amsmath's `\numberwithin` in the appendix. Theorem-like
/// statements follow `theorems: {numbering: section}` instead.
public enum AppendixNumbering: String, Equatable, Sendable {
    case `continue`, section

    init?(_ node: Node) {
        guard let s = node.string, let value = Self(rawValue: s) else { return nil }
        self = value
    }
}
