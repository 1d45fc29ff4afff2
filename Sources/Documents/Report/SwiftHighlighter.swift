import Graphics

/// Swift syntax colouring for code cells: a small tokenizer for keywords, strings, comments,
/// numbers, attributes and type names. The PDF and the HTML use the same classes and colours.
enum SwiftHighlighter {
    enum Kind: String, CaseIterable { case keyword = "kw", string = "st", comment = "cm", number = "nu", type = "ty", attribute = "at" }

    /// Colours shared by PDF and HTML (a muted, print-friendly palette).
    static func color(_ kind: Kind) -> String {
        switch kind {
        case .keyword: "#8a2a87"
        case .string: "#a33a1a"
        case .comment: "#6a737d"
        case .number: "#1c5f99"
        case .type: "#0b6e69"
        case .attribute: "#8a5a00"
        }
    }

    static let keywords: Set<String> = [
        "let", "var", "func", "return", "if", "else", "guard", "for", "in", "while", "repeat", "switch", "case",
        "default", "break", "continue", "struct", "class", "enum", "protocol", "extension", "import", "init", "self",
        "Self", "true", "false", "nil", "where", "throws", "throw", "try", "catch", "do", "defer", "static", "public",
        "private", "internal", "fileprivate", "inout", "some", "any", "as", "is", "async", "await", "mutating",
        "typealias", "associatedtype", "super", "final", "lazy", "weak", "override", "subscript", "rethrows", "fallthrough",
    ]

    /// (text, kind) runs covering `code` exactly; plain text has kind nil.
    static func tokens(_ code: String) -> [(String, Kind?)] {
        let c = Array(code)
        var out: [(String, Kind?)] = []
        var i = 0
        func add(_ s: String, _ k: Kind?) {
            if k == nil, case (let prev, nil)? = out.last { out[out.count - 1].0 = prev + s } else { out.append((s, k)) }
        }
        while i < c.count {
            let ch = c[i]
            if ch == "/" && i + 1 < c.count && c[i + 1] == "/" {
                var j = i; while j < c.count && c[j] != "\n" { j += 1 }
                add(String(c[i..<j]), .comment); i = j
            } else if ch == "/" && i + 1 < c.count && c[i + 1] == "*" {
                var j = i + 2; while j + 1 < c.count && !(c[j] == "*" && c[j + 1] == "/") { j += 1 }
                j = min(j + 2, c.count)
                add(String(c[i..<j]), .comment); i = j
            } else if ch == "\"" {
                // Multi-line `"""` or single-line string; `\(…)` interpolation stays in the string colour.
                let triple = i + 2 < c.count && c[i + 1] == "\"" && c[i + 2] == "\""
                var j = i + (triple ? 3 : 1)
                while j < c.count {
                    if c[j] == "\\" { j += 2; continue }
                    if triple {
                        if j + 2 < c.count && c[j] == "\"" && c[j + 1] == "\"" && c[j + 2] == "\"" { j += 3; break }
                    } else if c[j] == "\"" || c[j] == "\n" {
                        j += 1; break
                    }
                    j += 1
                }
                j = min(j, c.count)
                add(String(c[i..<j]), .string); i = j
            } else if ch.isNumber || (ch == "." && i + 1 < c.count && c[i + 1].isNumber && (i == 0 || !(c[i - 1].isLetter || c[i - 1].isNumber))) {
                var j = i
                while j < c.count && (c[j].isNumber || c[j].isLetter || c[j] == "_" || (c[j] == "." && j + 1 < c.count && c[j + 1].isNumber)) { j += 1 }
                add(String(c[i..<j]), .number); i = j
            } else if ch.isLetter || ch == "_" || ch == "@" || ch == "#" {
                var j = i + 1
                while j < c.count && (c[j].isLetter || c[j].isNumber || c[j] == "_") { j += 1 }
                let word = String(c[i..<j])
                let kind: Kind? =
                    ch == "@" || ch == "#"
                    ? .attribute
                    : keywords.contains(word)
                        ? .keyword
                        : (ch.isUppercase ? .type : nil)
                add(word, kind); i = j
            } else {
                add(String(ch), nil); i += 1
            }
        }
        return out
    }

    static func pango(_ code: String) -> String {
        tokens(code).map { text, kind in
            let escaped = TextLayout.escape(text)
            guard let kind else { return escaped }
            let style = kind == .comment ? " font_style=\"italic\"" : ""
            return "<span foreground=\"\(color(kind))\"\(style)>\(escaped)</span>"
        }.joined()
    }

    static func html(_ code: String) -> String {
        tokens(code).map { text, kind in
            guard let kind else { return HTML.escape(text) }
            return "<span class=\"\(kind.rawValue)\">\(HTML.escape(text))</span>"
        }.joined()
    }

    static var css: String {
        Kind.allCases.map { ".\($0.rawValue){color:\(color($0))\($0 == .comment ? ";font-style:italic" : "")}" }.joined()
    }
}
