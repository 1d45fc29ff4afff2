import Foundation
import Yams

/// The value of a text-valued cell option (`caption`, `code-summary`): prose with Markdown and
/// `$…$` math, where YAML's rules silently break what authors write. Quarto reads every option
/// line as YAML, so `fig-cap: (a) The fit: median and band` is a mapping error there, `Run #3`
/// loses `#3` as a comment, and `"$\alpha$"` turns `\a` into a bell character (quarto-cli#1947,
/// #2317). Folio keeps YAML's quoted and block forms and reads everything else as written:
///
/// - unquoted: the rest of the line, verbatim — colons, `#`, quotes and backslashes included;
///   indented `//|` lines below it continue it, joined with spaces (YAML's plain folding);
/// - `'…'`: YAML single quotes (`''` is a quote);
/// - `"…"`: YAML double quotes, except that a backslash escapes only `"` and `\`: every other
///   one is kept, so `"\texttt{x} $\alpha$"` means what a TeX author meant;
/// - `|` or `>` with indented `//|` lines below: a YAML block scalar.
///
/// Any value YAML reads as text reads the same here, except the double-quoted escapes such as
/// `\n` and `\u00e9` (and a trailing ` # comment` on an unquoted value, which stays text).
enum TextOptionValue {
    enum Problem: Error, Equatable { case empty, invalid(String) }

    /// Where a text value sits in the Markdown, to place warnings about what it holds (its math).
    struct Read: Equatable {
        var text: String
        /// Whether `text` is the option line's characters from the value's column on, one for one.
        var verbatim: Bool
    }

    /// `first` is the value written after `key:` (trimmed); `continuation` the bodies of the
    /// indented `//|` lines below it, as written after `//|`.
    static func read(_ first: String, continuation: [String]) -> Result<Read, Problem> {
        let rest = continuation.map { $0.trimmingCharacters(in: .whitespaces) }
        if first.hasPrefix("\"") || first.hasPrefix("'") {
            let yaml = ([first] + continuation).joined(separator: "\n")
            let source = first.hasPrefix("\"") ? texFriendly(yaml) : yaml
            guard let node = try? Yams.compose(yaml: source), case .scalar(let s) = node, s.style != .plain else {
                return .failure(.invalid(first))
            }
            return .success(Read(text: s.string, verbatim: false))
        }
        if isBlockHeader(first) {
            let yaml = ([first] + continuation).joined(separator: "\n")
            guard let node = try? Yams.compose(yaml: yaml), case .scalar(let s) = node else { return .failure(.invalid(first)) }
            let text = s.string.trimmingCharacters(in: .whitespacesAndNewlines)
            return text.isEmpty ? .failure(.empty) : .success(Read(text: text, verbatim: false))
        }
        let words = ([first] + rest).filter { !$0.isEmpty }
        guard !words.isEmpty else { return .failure(.empty) }
        return .success(Read(text: words.joined(separator: " "), verbatim: rest.allSatisfy(\.isEmpty)))
    }

    /// `|`, `>`, with YAML's chomping and indentation indicators, and nothing else but a comment.
    static func isBlockHeader(_ value: String) -> Bool {
        value.range(of: #"^[|>]([1-9][+-]?|[+-][1-9]?)?[ \t]*(#.*)?$"#, options: .regularExpression) != nil
    }

    /// A double-quoted YAML value in which a backslash escapes only `"`, `\` and a line break:
    /// every other backslash is doubled, so YAML keeps it.
    static func texFriendly(_ yaml: String) -> String {
        var out = ""
        var chars = yaml.makeIterator()
        while let c = chars.next() {
            guard c == "\\" else { out.append(c); continue }
            guard let next = chars.next() else { out += "\\\\"; break }
            if next == "\"" || next == "\\" || next == "\n" { out.append(c) } else { out += "\\\\" }
            out.append(next)
        }
        return out
    }

    /// What to write instead of a quoted value YAML cannot read: the text unquoted (taken as
    /// written), or in single quotes with each `'` doubled when it starts with a quote itself.
    static func suggestion(key: String, value: String) -> String {
        var inner = Substring(value)
        if let q = inner.first, q == "\"" || q == "'" {
            inner = inner.dropFirst()
            if inner.last == q { inner = inner.dropLast() }
        }
        if let f = inner.first, f != "\"", f != "'", !isBlockHeader(String(inner)) { return "\(key): \(inner)" }
        return "\(key): '\(value.replacingOccurrences(of: "'", with: "''"))'"
    }
}
