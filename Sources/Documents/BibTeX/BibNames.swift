import CSL

/// BibTeX name lists: "First von Last", "von Last, First", "von Last, Jr, First", joined by
/// `and`; a name in braces is an institution; `and others` marks a truncated list.
enum BibNames {
    /// The names, and whether the list ended with `and others`.
    static func parse(_ raw: String) -> (names: [CSLName], others: Bool) {
        var names: [CSLName] = []
        var others = false
        for part in split(raw, separator: "and") {
            let trimmed = part.trimmingSpaces
            if trimmed.isEmpty { continue }
            if trimmed.lowercased() == "others" {
                others = true
                continue
            }
            names.append(name(trimmed))
        }
        return (names, others)
    }

    /// Splits at a word (`and`) or a comma at brace depth 0.
    static func split(_ s: String, separator: String) -> [String] {
        var parts: [String] = []
        var depth = 0
        var current = ""
        let chars = Array(s)
        var i = 0
        while i < chars.count {
            let c = chars[i]
            if c == "{" { depth += 1 }
            if c == "}" { depth -= 1 }
            if depth == 0 {
                if separator == ",", c == "," {
                    parts.append(current)
                    current = ""
                    i += 1
                    continue
                }
                if separator == "and", c.isSpaceFast, i + 4 < chars.count, chars[i + 1] == "a" || chars[i + 1] == "A",
                    chars[i + 2] == "n" || chars[i + 2] == "N", chars[i + 3] == "d" || chars[i + 3] == "D", chars[i + 4].isSpaceFast
                {
                    parts.append(current)
                    current = ""
                    i += 5
                    continue
                }
            }
            current.append(c)
            i += 1
        }
        parts.append(current)
        return parts
    }

    /// Words at brace depth 0 (a braced group stays inside its word).
    static func words(_ s: String) -> [String] {
        var words: [String] = []
        var depth = 0
        var current = ""
        var previous: Character = " "
        for c in s {
            defer { previous = c }
            if c == "{" { depth += 1 }
            if c == "}" { depth -= 1 }
            if depth == 0, c.isSpaceFast || (c == "~" && previous != "\\") {
                if !current.isEmpty { words.append(current) }
                current = ""
            } else {
                current.append(c)
            }
        }
        if !current.isEmpty { words.append(current) }
        return words
    }

    /// BibTeX's test for a von word: its first letter at brace depth 0 is lower case
    /// (a `{\…}` special character counts by its letter).
    static func isLowercaseWord(_ w: String) -> Bool {
        var depth = 0
        var chars = Array(w)[...]
        while let c = chars.popFirst() {
            if c == "{" {
                depth += 1
                if chars.first == "\\" {
                    let letters = chars.drop { !$0.isLetterFast }.dropFirst()
                    if let l = letters.first(where: \.isLetterFast) { return l.isLowercase }
                }
                continue
            }
            if c == "}" { depth -= 1; continue }
            if depth == 0, c.isLetterFast { return c.isLowercase }
        }
        return false
    }

    static func name(_ raw: String) -> CSLName {
        let commaParts = split(raw, separator: ",").map(\.trimmingSpaces)
        if commaParts.count == 1, raw.hasPrefix("{"), raw.hasSuffix("}"), words(raw).count == 1 {
            return CSLName(literal: LaTeXText.plain(raw))
        }
        var first: [String] = []
        var von: [String] = []
        var last: [String] = []
        var jr: String?
        if commaParts.count == 1 {
            let w = words(commaParts[0])
            guard w.count > 1 else { return CSLName(family: LaTeXText.plain(commaParts[0])) }
            let body = Array(w.dropLast())
            if let start = body.firstIndex(where: isLowercaseWord) {
                let end = body.lastIndex(where: isLowercaseWord)!
                first = Array(w[..<start])
                von = Array(w[start...end])
                last = Array(w[(end + 1)...])
            } else {
                first = body
                last = [w.last!]
            }
        } else {
            let w = words(commaParts[0])
            var vonEnd = -1
            for (i, word) in w.dropLast().enumerated() where isLowercaseWord(word) { vonEnd = i }
            von = vonEnd >= 0 ? Array(w[...vonEnd]) : []
            last = Array(w[(vonEnd + 1)...])
            if commaParts.count == 2 {
                first = words(commaParts[1])
            } else {
                jr = commaParts[1]
                first = words(commaParts[2...].joined(separator: ", "))
            }
        }
        func text(_ ws: [String]) -> String? {
            let s = LaTeXText.plain(ws.joined(separator: " ")).trimmingSpaces
            return s.isEmpty ? nil : s
        }
        var n = CSLName(family: text(last), given: text(first), droppingParticle: text(von))
        if let jr, let s = text([jr]) { n.suffix = s }
        if n.family == nil, let given = n.given { n = CSLName(family: given) }
        return n
    }
}

extension String {
    var trimmingSpaces: String {
        var s = Substring(self)
        while let f = s.first, f.isSpaceFast { s = s.dropFirst() }
        while let l = s.last, l.isSpaceFast { s = s.dropLast() }
        return String(s)
    }
}
