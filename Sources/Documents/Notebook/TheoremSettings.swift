import Yams

/// The theorem-like kinds a notebook knows, and how they are numbered (front matter
/// `theorems:`). Built in are Quarto's prefixes plus assumptions, axioms and hypotheses; the
/// front matter adds kinds, shares counters (`counter: thm` numbers lemmas with theorems) and
/// numbers within sections (`numbering: section` → "Theorem 2.3").
///
///     theorems:
///       numbering: section
///       kinds:
///         - {prefix: cla, name: Claim, counter: thm}
///         - {prefix: lem, counter: thm}
public struct TheoremSettings: Equatable, Sendable {
    /// amsthm's styles: plain sets the statement in italics, definition and remark upright
    /// (remark with an italic head).
    public enum Style: String, Equatable, Sendable { case plain, definition, remark }

    public struct Kind: Equatable, Sendable {
        public var prefix: String
        public var name: String
        /// The prefix whose counter numbers this kind (its own by default).
        public var counter: String
        public var style: Style
        public var numbered = true
    }

    public private(set) var kinds: [Kind] = Self.builtIn
    /// "Theorem 2.3": the counters restart at each top-level section.
    public var numberWithinSections = false

    public init() {}

    public static let builtIn: [Kind] = [
        ("thm", "Theorem", Style.plain), ("lem", "Lemma", .plain), ("cor", "Corollary", .plain),
        ("prp", "Proposition", .plain), ("cnj", "Conjecture", .plain), ("def", "Definition", .definition),
        ("exm", "Example", .definition), ("exr", "Exercise", .definition), ("alg", "Algorithm", .definition),
        ("asm", "Assumption", .definition), ("axm", "Axiom", .definition), ("hyp", "Hypothesis", .definition),
    ].map { Kind(prefix: $0.0, name: $0.1, counter: $0.0, style: $0.2) }

    /// The kind of a label (`thm-main` → Theorem).
    public func kind(label: String) -> Kind? {
        guard let dash = label.firstIndex(of: "-"), label.index(after: dash) < label.endIndex else { return nil }
        let prefix = label[..<dash]
        return kinds.first { $0.prefix == prefix }
    }

    /// The kind a class names (`.theorem`, `.lemma`: an unlabelled but numbered statement).
    public func kind(className: String) -> Kind? { kinds.first { $0.name.lowercased() == className } }

    static func parse(_ node: Node, line: Int, column: Int, firstLine: Int, file: String) throws -> TheoremSettings {
        func fail(_ n: Node?, _ m: String) -> Diagnostic {
            Diagnostic(
                file: file, line: n?.mark.map { firstLine + $0.line - 1 } ?? line, column: n?.mark?.column ?? column,
                message: m)
        }
        var settings = TheoremSettings()
        var entries: [Node] = []
        if let seq = node.sequence {
            entries = Array(seq)
        } else if let map = node.mapping {
            for (k, v) in map {
                switch k.string {
                case "numbering":
                    guard let s = v.string, s == "section" || s == "document" else {
                        throw fail(v, "theorems 'numbering' must be section or document")
                    }
                    settings.numberWithinSections = s == "section"
                case "kinds":
                    guard let seq = v.sequence else { throw fail(v, "theorems 'kinds' needs a list of {prefix, name, counter}") }
                    entries = Array(seq)
                default: throw fail(k, "unknown theorems key '\(k.string ?? "?")' (known: kinds, numbering)")
                }
            }
        } else {
            throw fail(node, "front matter 'theorems' needs a mapping (numbering, kinds) or a list of kinds")
        }
        for entry in entries {
            guard let map = entry.mapping else { throw fail(entry, "a theorem kind needs {prefix: …, name: …}") }
            var fields: [String: (String, Node)] = [:]
            for (k, v) in map {
                guard let key = k.string, ["prefix", "name", "counter", "style", "numbered"].contains(key) else {
                    throw fail(k, "unknown theorem kind key '\(k.string ?? "?")' (known: counter, name, numbered, prefix, style)")
                }
                guard let s = v.string else { throw fail(v, "theorem kind '\(key)' needs a text value") }
                fields[key] = (s, v)
            }
            guard let (prefix, prefixNode) = fields["prefix"] else { throw fail(entry, "a theorem kind needs a 'prefix' (e.g. cla)") }
            guard !prefix.isEmpty, prefix.allSatisfy({ $0.isASCII && $0.isLetter }) else {
                throw fail(prefixNode, "theorem prefix '\(prefix)' must be letters only")
            }
            let existing = settings.kinds.firstIndex { $0.prefix == prefix }
            guard existing != nil || fields["name"] != nil else { throw fail(entry, "new theorem kind '\(prefix)' needs a 'name'") }
            var kind = existing.map { settings.kinds[$0] } ?? Kind(prefix: prefix, name: "", counter: prefix, style: .plain)
            if let (name, _) = fields["name"] { kind.name = name }
            if let (style, n) = fields["style"] {
                guard let s = Style(rawValue: style) else { throw fail(n, "theorem style must be plain, definition or remark") }
                kind.style = s
            }
            if let (numbered, n) = fields["numbered"] {
                guard let b = Bool(numbered) else { throw fail(n, "theorem kind 'numbered' needs true or false") }
                kind.numbered = b
            }
            if let (counter, n) = fields["counter"] {
                guard settings.kinds.contains(where: { $0.prefix == counter }) || counter == prefix else {
                    throw fail(n, "theorem counter '\(counter)' is not a known prefix (define it first)")
                }
                kind.counter = counter
            }
            if let existing { settings.kinds[existing] = kind } else { settings.kinds.append(kind) }
        }
        return settings
    }
}
