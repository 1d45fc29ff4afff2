import Notebook

/// What a fenced div is to the report: a theorem-like statement, a proof, a remark or
/// solution, a callout, or a plain group whose classes only reach the HTML. One reading for
/// the numbering, the PDF and the HTML, so the three agree.
struct DivRole {
    enum Kind: Equatable {
        case theorem(TheoremSettings.Kind)
        case proof, remark, solution
        case callout(Callout)
        case plain
    }

    var kind: Kind
    /// The title: a `## Name` first line, or `name="…"` / `title="…"`.
    var title: [Inline]?
    /// The blocks without the title heading.
    var body: [Block]

    init(_ div: FencedDiv, settings: TheoremSettings) {
        let classes = div.classes
        if let id = div.id, let k = settings.kind(label: id) {
            kind = .theorem(k)
        } else if let k = classes.lazy.compactMap(settings.kind(className:)).first {
            kind = .theorem(k)
        } else if classes.contains("proof") {
            kind = .proof
        } else if classes.contains("remark") {
            kind = .remark
        } else if classes.contains("solution") {
            kind = .solution
        } else if let c = classes.lazy.compactMap(Callout.init(className:)).first {
            kind = .callout(c)
        } else if let id = div.id, let c = Callout(label: id) {
            kind = .callout(c)
        } else {
            kind = .plain
        }
        body = div.blocks
        title = nil
        guard kind != .plain else { return }
        if case .heading(_, let content, _)? = body.first {
            title = content.filter {
                if case .attributes = $0 { return false }; return true
            }
            body.removeFirst()
        } else if let text = div.attribute("name") ?? div.attribute("title") {
            title = Numbering.markdownInline(text, line: div.line)
        }
    }

    /// Whether the statement gets a number: kinds are numbered unless the kind or the div
    /// (`.unnumbered`, `-`) says otherwise.
    func numbered(_ div: FencedDiv) -> Bool {
        guard case .theorem(let k) = kind else { return false }
        return k.numbered && !div.classes.contains("unnumbered")
    }
}

/// Quarto's callouts (GitHub's alerts map to them): a coloured rule and a title line.
enum Callout: String, CaseIterable, Equatable {
    case note, tip, important, caution, warning

    init?(className: String) {
        guard className.hasPrefix("callout-"), let c = Callout(rawValue: String(className.dropFirst(8))) else { return nil }
        self = c
    }

    init?(label: String) {
        guard let c = Self.allCases.first(where: { label.hasPrefix($0.prefix + "-") }) else { return nil }
        self = c
    }

    /// The cross-reference prefix of a callout's id (`#nte-x`), as Quarto's.
    var prefix: String {
        switch self {
        case .note: "nte"
        case .tip: "tip"
        case .important: "imp"
        case .caution: "cau"
        case .warning: "wrn"
        }
    }

    var name: String { rawValue.prefix(1).uppercased() + rawValue.dropFirst() }

    /// GitHub's alert colours (print well, and keep apart in grey).
    var hex: UInt32 {
        switch self {
        case .note: 0x0969da
        case .tip: 0x1a7f37
        case .important: 0x8250df
        case .caution: 0xcf222e
        case .warning: 0x9a6700
        }
    }
}
