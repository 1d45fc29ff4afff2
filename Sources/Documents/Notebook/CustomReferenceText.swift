/// Quarto's custom reference text: `[Thm. @thm-x]` prints "Thm. 2", `[-@thm-x]` prints "2".
/// cmark-gfm leaves the brackets as text (no link definition matches), so they are read
/// around each reference after the text runs are merged.
enum CustomReferenceText {
    static func apply(_ inlines: [Inline]) -> [Inline] {
        guard
            inlines.contains(where: {
                if case .crossReference = $0 { return true }; return false
            })
        else { return inlines }
        var out = inlines
        var k = 1
        while k + 1 < out.count {
            guard case .crossReference(let label, let line) = out[k], case .text(let before) = out[k - 1],
                case .text(let after) = out[k + 1], after.hasPrefix("]"), let open = before.lastIndex(of: "[")
            else { k += 1; continue }
            let inside = before[before.index(after: open)...]
            guard !inside.contains("]"), inside.count <= 40 else { k += 1; continue }
            var prefix = String(inside)
            if prefix == "-" {
                prefix = ""
            } else {
                guard prefix.hasSuffix(" ") || prefix.isEmpty else { k += 1; continue }
                prefix = String(prefix.dropLast(prefix.isEmpty ? 0 : 1))
                guard !prefix.isEmpty else { k += 1; continue }  // `[@thm-x]`: an ordinary reference
            }
            let head = String(before[..<open]), tail = String(after.dropFirst())
            var replacement: [Inline] = []
            if !head.isEmpty { replacement.append(.text(head)) }
            replacement.append(.customReference(label: label, prefix: prefix, line: line))
            if !tail.isEmpty { replacement.append(.text(tail)) }
            out.replaceSubrange((k - 1)...(k + 1), with: replacement)
            k += head.isEmpty ? 1 : 2
        }
        return out
    }
}
