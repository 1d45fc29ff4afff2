import Foundation

/// Pandoc-style attributes at the end of a line: `Title {#sec-x .unnumbered}`.
enum Attributes {
    /// Splits `text` into what precedes a trailing `{…}` and the id and classes inside it.
    /// Returns nil unless the braces hold only `#id`, `.class` and `key=value` words.
    static func split(_ text: String) -> (rest: String, id: String?, classes: [String])? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard trimmed.hasSuffix("}"), let open = trimmed.lastIndex(of: "{") else { return nil }
        let inner = trimmed[trimmed.index(after: open)..<trimmed.index(before: trimmed.endIndex)]
        var id: String? = nil, classes: [String] = []
        for word in inner.split(separator: " ") {
            if word.hasPrefix("#"), word.count > 1 {
                id = String(word.dropFirst())
            } else if word.hasPrefix("."), word.count > 1 {
                classes.append(String(word.dropFirst()))
            } else if word == "-" {
                classes.append("unnumbered")
            }  // Pandoc's shorthand
            else if !word.contains("=") {
                return nil
            }
        }
        guard id != nil || !classes.isEmpty else { return nil }
        return (String(trimmed[..<open]), id, classes)
    }
}

/// Finds `@fig-x`, `@tbl-x`, `@eq-x`, `@sec-x`, theorem and callout labels (`@thm-x`,
/// `@nte-x`) in text (Quarto's syntax). `extra` adds the prefixes of the notebook's own
/// theorem kinds.
enum CrossReferences {
    static let kinds: Set<String> = [
        "fig", "tbl", "eq", "sec", "thm", "lem", "cor", "prp", "cnj", "def", "exm", "exr", "alg", "asm", "axm", "hyp",
        "nte", "tip", "imp", "cau", "wrn", "rem", "sol",
    ]

    static func split(_ inlines: [Inline], line: Int, extra: Set<String> = []) -> [Inline] {
        inlines.flatMap { inline -> [Inline] in
            if case .text(let s) = inline { return split(s, line: line, extra: extra) }
            return [inline]
        }
    }

    static func split(_ text: String, line: Int, extra: Set<String> = []) -> [Inline] {
        guard text.contains("@") else { return [.text(text)] }
        let chars = Array(text)
        var result: [Inline] = []
        var buffer = ""
        var line = line
        var i = 0
        func isLabel(_ c: Character) -> Bool { c.isLetter || c.isNumber || c == "-" || c == "_" || c == ":" }
        while i < chars.count {
            let c = chars[i]
            // Not inside a word (an e-mail address is not a reference).
            let startsWord = i == 0 || !(chars[i - 1].isLetter || chars[i - 1].isNumber)
            if c == "@", startsWord {
                var j = i + 1
                while j < chars.count && isLabel(chars[j]) { j += 1 }
                // A label does not end in punctuation: "see @fig-a." ends the sentence.
                while j > i + 1 && (chars[j - 1] == "-" || chars[j - 1] == ":" || chars[j - 1] == "_") { j -= 1 }
                var label = String(chars[(i + 1)..<j])
                // Quarto's capitalised form (`@Thm-x` at a sentence start) is the same reference;
                // Folio's reference texts are capitalised already.
                if let first = label.first, first.isUppercase, let dash = label.firstIndex(of: "-"),
                    kinds.contains(label[..<dash].lowercased()) || extra.contains(label[..<dash].lowercased())
                {
                    label = first.lowercased() + label.dropFirst()
                }
                if let dash = label.firstIndex(of: "-"), kinds.contains(String(label[..<dash])) || extra.contains(String(label[..<dash])),
                    label.index(after: dash) < label.endIndex
                {
                    if !buffer.isEmpty { result.append(.text(buffer)); buffer = "" }
                    result.append(.crossReference(label: label, line: line))
                    i = j
                    continue
                }
            }
            if c == "\n" { line += 1 }
            buffer.append(c)
            i += 1
        }
        if !buffer.isEmpty { result.append(.text(buffer)) }
        return result
    }
}
