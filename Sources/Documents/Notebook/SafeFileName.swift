/// The one rule for every file name Folio derives from notebook text — cell labels (figure
/// files, logs), image copies, notebook names. Notebook text is untrusted: a label such as
/// `../../etc/x`, `.bashrc`, a NUL byte or 10 000 characters must still name one harmless file
/// inside the folder it is written to. It lives in Notebook, below both Runner and Report.
public enum SafeFileName {
    /// Longest stem returned, in bytes (every character kept is ASCII, so also in characters).
    /// Leaves room for a suffix (`-2`, `.png`, `.log`) under the common 255-byte name limit.
    public static let maxLength = 100

    /// `text` as a file-name stem: ASCII letters, digits, `-`, `_` and `.` are kept, every
    /// other character (`/`, `\`, NUL, spaces, controls, non-ASCII) becomes `-`. Leading dots
    /// become `-`, so the stem is never `.`, `..` or a hidden file. A stem longer than
    /// `maxLength` is cut and ends in `-` and 8 hex digits of a hash of the whole text, so two
    /// long labels that share a beginning still get different names. Never empty: an empty
    /// `text` gives `fallback`.
    ///
    /// Distinct texts can map to one stem (`a b` and `a/b` both give `a-b`); and file systems
    /// that ignore case (macOS, Windows) see `Fig` and `fig` as one file. Callers that write
    /// several files into one folder make names unique with `unique(_:in:)`.
    public static func stem(_ text: String, fallback: String = "file") -> String {
        var kept = String(
            text.unicodeScalars.map { s -> Character in
                let ok =
                    s.isASCII
                    && (("a"..."z").contains(s) || ("A"..."Z").contains(s) || ("0"..."9").contains(s)
                        || s == "-" || s == "_" || s == ".")
                return ok ? Character(s) : "-"
            })
        if kept.isEmpty { return fallback == text ? "file" : stem(fallback) }
        // No hidden files, no `.` or `..`.
        let dots = kept.prefix(while: { $0 == "." }).count
        if dots > 0 { kept = String(repeating: "-", count: dots) + kept.dropFirst(dots) }
        if kept.utf8.count > maxLength {
            let hash = String(fnv1a(text), radix: 16)
            let tag = String(repeating: "0", count: max(0, 8 - hash.count)) + hash.suffix(8)
            kept = String(kept.prefix(maxLength - 9)) + "-" + tag
        }
        return kept
    }

    /// `name`, or `name` with `-2`, `-3`, … before its extension, whichever is not yet in `used`
    /// compared without case; the result is added to `used` (lowercased).
    public static func unique(_ name: String, in used: inout Set<String>) -> String {
        let dot = name.lastIndex(of: ".").flatMap { $0 == name.startIndex ? nil : $0 }
        let base = dot.map { String(name[..<$0]) } ?? name
        let ext = dot.map { String(name[$0...]) } ?? ""
        var candidate = name, k = 1
        while used.contains(candidate.lowercased()) { k += 1; candidate = "\(base)-\(k)\(ext)" }
        used.insert(candidate.lowercased())
        return candidate
    }

    /// 64-bit FNV-1a of the UTF-8 bytes: stable across runs and machines (Swift's `Hasher` is
    /// seeded per process), so the same long label always gets the same file name.
    static func fnv1a(_ text: String) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in text.utf8 { h = (h ^ UInt64(b)) &* 0x0000_0100_0000_01b3 }
        return h
    }
}
