import Foundation

/// Numeric tests, ordinals, roman numerals and page ranges.
enum Numbers {
    /// CSL's "numeric": digits with optional letter affixes, joined by "-", "&", "," or "and".
    static func isNumeric(_ s: String) -> Bool {
        let trimmed = s.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty else { return false }
        let tokens = trimmed.replacingOccurrences(of: " and ", with: ",").split(whereSeparator: { ",&-–".contains($0) })
        return !tokens.isEmpty
            && tokens.allSatisfy { t in
                let w = t.trimmingCharacters(in: .whitespaces)
                let digits = w.filter(\.isNumber)
                return !digits.isEmpty && w.first.map { $0.isNumber || $0.isLetter } == true
                    && w.filter({ !$0.isNumber }).count <= 2 && (w.first!.isNumber || w.last!.isNumber)
            }
    }

    static func roman(_ n: Int) -> String {
        guard n > 0, n < 4000 else { return String(n) }
        let table: [(Int, String)] = [
            (1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"), (50, "l"), (40, "xl"),
            (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"),
        ]
        var n = n
        var out = ""
        for (v, s) in table { while n >= v { out += s; n -= v } }
        return out
    }

    /// Whether a value names more than one thing ("1-3", "2, 5", "2 & 4"): the plural of labels.
    static func isPlural(_ s: String) -> Bool {
        s.contains("-") || s.contains("\u{2013}") || s.contains(",") || s.contains("&") || s.contains(" and ")
    }
}

enum PageRange {
    /// Formats "a-b" pairs in `s` by `style` (expanded, minimal, minimal-two, chicago(-15/-16)).
    static func format(_ s: String, style: String?, delimiter: String) -> String {
        let pieces = s.components(separatedBy: ", ")
        return pieces.map { one($0, style: style, delimiter: delimiter) }.joined(separator: ", ")
    }

    static func one(_ s: String, style: String?, delimiter: String) -> String {
        let parts = s.replacingOccurrences(of: "\u{2013}", with: "-").components(separatedBy: "-").filter { !$0.isEmpty }
        guard parts.count == 2 else { return s.replacingOccurrences(of: "--", with: delimiter) }
        let a = parts[0].trimmingCharacters(in: .whitespaces), b = parts[1].trimmingCharacters(in: .whitespaces)
        guard let style, let ai = Int(a), let bi = Int(b), ai < bi else { return a + delimiter + b }
        let second = String(b), first = String(a)
        var expanded = second
        if second.count < first.count { expanded = String(first.prefix(first.count - second.count)) + second }
        func minimal(keep: Int) -> String {
            guard expanded.count == first.count else { return expanded }
            var i = 0
            let fa = Array(first), fb = Array(expanded)
            while i < fa.count - 1, fa[i] == fb[i] { i += 1 }
            let kept = max(fb.count - i, min(keep, fb.count))
            return String(fb.suffix(kept))
        }
        switch style {
        case "expanded": return first + delimiter + expanded
        case "minimal": return first + delimiter + minimal(keep: 1)
        case "minimal-two": return first + delimiter + minimal(keep: 2)
        case "chicago", "chicago-15", "chicago-16":
            if ai < 100 || ai % 100 == 0 { return first + delimiter + expanded }
            if ai % 100 < 10 { return first + delimiter + minimal(keep: 1) }
            if style != "chicago-16", first.count == 4, minimal(keep: 2).count >= 3 { return first + delimiter + expanded }
            return first + delimiter + minimal(keep: 2)
        default: return first + delimiter + second
        }
    }
}
