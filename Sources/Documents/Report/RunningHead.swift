import Foundation
import Graphics
import MathType
import Notebook

/// The text of a running head: italic prose with its inline math typeset by MathType (a
/// section "Law 1: the $\sigma^\ell$ scaling" shows σ with a raised ℓ, not "σ^ℓ"), on one
/// line of the head's width, shortened at a word boundary with an ellipsis when it is longer.
///
/// A head is written as prose with `$…$` spans, `\$` for a dollar sign (`RunningHead.source`
/// writes a heading's inlines so); the PDF outline keeps the plain Unicode form (MathPlainText).
enum RunningHead {
    /// A heading's inlines as a head's source: text with `$` escaped, math between `$`.
    static func source(_ content: [Inline]) -> String {
        content.map { inline -> String in
            if case .math(let tex) = inline { return "$" + tex + "$" }
            return escaped([inline].plainText)
        }.joined()
    }

    /// Plain text (a document title) as a head's source: nothing in it is math.
    static func escaped(_ text: String) -> String { text.replacingOccurrences(of: "$", with: "\\$") }

    /// The head laid out on one line of `width` in italics of `font` (whose size is `size`),
    /// math in `color`; aligned in `width` as `alignment`.
    static func layout(
        _ source: String, canvas: Canvas, font: String, size: Double, color: Color, width: Double,
        alignment: TextLayout.Alignment
    ) -> TextLayout {
        let words = Self.words(source)
        func text(_ words: [Word], ellipsis: Bool) -> RichText {
            var rich = RichText()
            rich.tag("<i>")
            for (k, w) in words.enumerated() {
                if k > 0 { rich.text(" ") }
                for part in w.parts {
                    switch part {
                    case .text(let s): rich.text(s)
                    case .math(let tex):
                        // One box per formula: a head never breaks inside it.
                        let m = MathRenderer.shared.layout(tex, style: .text, size: size, color: color)
                        rich.box(MathBox(width: m.width, ascent: m.ascent, descent: m.descent, draw: m.draw))
                    }
                }
            }
            if ellipsis { rich.text("…") }
            rich.tag("</i>")
            return rich
        }
        func laidOut(_ rich: RichText, width: Double?) -> TextLayout {
            let l = TextLayout(canvas: canvas, markup: rich.markup, font: font, width: width, alignment: alignment)
            l.reserve(rich.inlineBoxes)
            return l
        }
        func fits(_ rich: RichText) -> Bool { laidOut(rich, width: nil).size.width <= width }
        var chosen = text(words, ellipsis: false)
        if !fits(chosen) {
            // A head that ends "… and a…" reads badly: end on a content word.
            let weak: Set<String> = ["a", "an", "the", "of", "and", "or", "to", "in", "on", "for", "with", "by", "from", "at", "as"]
            var kept = words
            chosen = text(Array(words.prefix(1)), ellipsis: true)
            while kept.count > 1 {
                kept.removeLast()
                while kept.count > 1, weak.contains(kept.last!.plain.lowercased()) { kept.removeLast() }
                var trimmed = kept
                trimmed[trimmed.count - 1].trimTrailingPunctuation()
                let candidate = text(trimmed, ellipsis: true)
                if fits(candidate) { chosen = candidate; break }
            }
        }
        return laidOut(chosen, width: width)
    }

    /// A word of the head: text and formulas with no space between them outside the formulas.
    struct Word {
        enum Part { case text(String), math(String) }
        var parts: [Part]
        var plain: String { parts.map { if case .text(let s) = $0 { s } else { "x" } }.joined() }

        mutating func trimTrailingPunctuation() {
            guard case .text(let s)? = parts.last else { return }
            let t = s.trimmingCharacters(in: CharacterSet(charactersIn: ",;:—– "))
            parts[parts.count - 1] = .text(t)
        }
    }

    /// The source split at its spaces outside math; a formula stays whole.
    static func words(_ source: String) -> [Word] {
        var words: [Word] = [], parts: [Word.Part] = []
        var text = "", math = "", inMath = false, escape = false
        func flushText() { if !text.isEmpty { parts.append(.text(text)); text = "" } }
        func endWord() {
            flushText()
            if !parts.isEmpty { words.append(Word(parts: parts)); parts = [] }
        }
        for c in source {
            if escape {
                // Outside math only `\$` is an escape; any other backslash is text.
                if inMath { math.append(c) } else { text += c == "$" ? "$" : "\\" + String(c) }
                escape = false
            } else if c == "\\" && !inMath {
                escape = true
            } else if c == "$" {
                if inMath { parts.append(.math(math)); math = "" } else { flushText() }
                inMath.toggle()
            } else if inMath {
                if c == "\\" { escape = true }
                math.append(c)
            } else if c == " " {
                endWord()
            } else {
                text.append(c)
            }
        }
        // An unclosed `$` is a dollar sign and the text after it.
        if escape && !inMath { text += "\\" }
        if inMath { text += "$" + math }
        endWord()
        return words
    }
}
