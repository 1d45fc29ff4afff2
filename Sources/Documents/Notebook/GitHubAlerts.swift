/// GitHub's alerts, a block quote whose first line is `[!NOTE]`, `[!TIP]`, `[!IMPORTANT]`,
/// `[!WARNING]` or `[!CAUTION]`: the same callouts as `::: {.callout-note}` and its kin.
enum GitHubAlerts {
    static let kinds = ["note", "tip", "important", "warning", "caution"]

    /// The callout div a quote stands for, or nil when it is an ordinary quote.
    static func callout(_ inner: [Block], line: Int) -> Block? {
        guard case .paragraph(let content, let pline)? = inner.first else { return nil }
        // cmark splits `[!NOTE]` into several text nodes: read the leading text as one.
        var lead = "", taken = 0
        for case .text(let t) in content.prefix(while: {
            if case .text = $0 { return true }; return false
        }) {
            lead += t; taken += 1
        }
        guard lead.hasPrefix("[!"), let close = lead.firstIndex(of: "]") else { return nil }
        let kind = lead[lead.index(lead.startIndex, offsetBy: 2)..<close].lowercased()
        guard kinds.contains(kind) else { return nil }
        var rest: [Inline] = []
        let after = lead[lead.index(after: close)...].drop(while: { $0 == " " })
        if !after.isEmpty { rest.append(.text(String(after))) }
        rest += content.dropFirst(taken)
        if case .softBreak? = rest.first { rest.removeFirst() }
        if case .lineBreak? = rest.first { rest.removeFirst() }
        var blocks = Array(inner.dropFirst())
        if !rest.isEmpty { blocks.insert(.paragraph(rest, line: pline + (after.isEmpty ? 1 : 0)), at: 0) }
        return .div(FencedDiv(classes: ["callout-\(kind)"], blocks: blocks, line: line))
    }
}
