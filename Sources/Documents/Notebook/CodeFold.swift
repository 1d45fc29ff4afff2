import Yams

/// Code folding in HTML (Quarto's `code-fold`): a cell's source inside `<details>`, closed
/// (`true`) or open (`show`). The PDF keeps `echo`: paper cannot fold.
public enum CodeFold: String, Equatable, Sendable {
    case none, folded, shown

    init?(_ node: Node) {
        if let b = node.bool { self = b ? .folded : .none; return }
        guard node.string == "show" else { return nil }
        self = .shown
    }
}

extension Optional {
    func orThrow(_ error: @autoclosure () -> some Error) throws -> Wrapped {
        guard let self else { throw error() }
        return self
    }
}
