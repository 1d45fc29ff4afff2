import Foundation
import Graphics
import MathType

/// Typeset math, measured: what a line makes room for and then draws.
struct MathBox {
    var width: Double, ascent: Double, descent: Double
    /// Draws with the baseline's left end at `origin`.
    var draw: (Canvas, Point) -> Void
}

/// The one seam where math is measured and drawn, for every output format: formulas are
/// typeset by `MathType` from the OpenType MATH table of Latin Modern Math. PDF pages draw the
/// layout in place (inline boxes reserve its room in the Pango line); HTML pages inline the same
/// layout as SVG, so both formats show identical formulas.
enum MathSetter {
    /// Size of math set in body text, in points.
    static let bodySize = 10.5

    /// Inline math inside a line of PDF text.
    static func inlinePDF(_ tex: String, into text: inout RichText, size: Double = bodySize) {
        let layout = MathRenderer.shared.layout(tex, style: .text, size: size, color: PageStyle.inkColor)
        text.math(layout)  // pieces a line may break between (RichText.math)
    }

    /// A display formula as something of known size the composer places and draws, with its
    /// equation number if any.
    struct Display {
        var width: Double, height: Double
        /// Where the formula and its number sit across the measure.
        var placement: DisplayPlacement
        var draw: (Canvas, Point) -> Void  // top-left
    }

    /// A display formula on a measure `width` wide, with `number` (an equation number already
    /// laid out, "(1)") at its right: on the formula's baseline when both fit with a quad
    /// between them, else on a line of its own below, right-aligned (`DisplayPlacement`).
    static func displayPDF(_ tex: String, number: TextLayout? = nil, width: Double) -> Display {
        let layout = MathRenderer.shared.layout(tex, style: .display, size: bodySize, color: PageStyle.inkColor)
        let pad = 2.0, numberGap = 3.0
        let place = DisplayPlacement.place(formulaWidth: layout.width, numberWidth: number?.size.width, measure: width, quad: bodySize)
        let numberHeight = place.numberBelow ? numberGap + (number?.size.height ?? 0) : 0
        return Display(width: width, height: layout.height + 2 * pad + numberHeight, placement: place) { canvas, p in
            let baseline = p.y + pad + layout.ascent
            layout.draw(on: canvas, at: Point(p.x + place.formulaX, baseline))
            guard let number, let x = place.numberX else { return }
            // The number's baseline is the formula's, or it is a line of its own under the formula.
            let top = place.numberBelow ? p.y + pad + layout.height + numberGap : baseline - number.firstBaseline
            number.draw(on: canvas, at: Point(p.x + x, top), color: PageStyle.inkColor)
        }
    }

    /// The formula of a display without its `\tag{…}`, and the number to set beside it: the tag
    /// in parentheses (`\tag*{…}`: as written), else `numbered`'s number in parentheses.
    static func equationNumber(_ source: String, numbered: String?) -> (tex: String, number: String?) {
        let (tex, tag) = splitTag(source)
        if let tag {
            let starred = source.range(of: #"\\tag\*\{"#, options: .regularExpression) != nil
            return (tex, starred ? tag : "(" + tag + ")")
        }
        return (tex, numbered.map { "(" + $0 + ")" })
    }

    /// Splits `\tag{…}` (or `\tag*{…}`) off a display formula: the formula without it, and the tag's text.
    static func splitTag(_ tex: String) -> (tex: String, tag: String?) {
        guard let r = tex.range(of: #"\\tag\*?\{([^{}]*)\}"#, options: .regularExpression) else { return (tex, nil) }
        let inner = tex[r].drop(while: { $0 != "{" }).dropFirst().dropLast()
        return (tex.replacingCharacters(in: r, with: ""), String(inner))
    }

    /// Inline math as inline SVG whose baseline sits on the text's. `id` must be unique in
    /// the page (glyph symbols are named after it). A formula with top-level relations or
    /// binary operators is split there into several SVGs, one per piece, with a break
    /// opportunity (`<wbr>`) between them, so the browser may wrap a long formula at the same
    /// places the PDF does (MathBreaks) and never inside a symbol; the pieces sit in one span
    /// that carries the formula's role and TeX source as its accessible name.
    static func inlineHTML(_ tex: String, id: String) -> String {
        let layout = MathRenderer.shared.layout(tex, style: .text, size: 12.6)
        let pieces = layout.pieces
        guard pieces.count > 1 else { return svg(layout, tex: tex, id: id, cls: "math") }
        let pad = 1.0
        var html = "<span class=\"math-pieces\" role=\"img\" aria-label=\"\(HTML.escape(tex))\">"
        for (k, piece) in pieces.enumerated() {
            let bytes = layout.pieceSVG(
                from: piece.start, to: piece.end + piece.gapAfter,
                padding: (k == 0 ? pad : 0, k == pieces.count - 1 ? pad : 0, pad), idPrefix: "\(id)-\(k + 1)")
            if k > 0 { html += "<wbr>" }
            html += inlineSVG(bytes, descent: layout.descent + pad, attributes: "class=\"math\" aria-hidden=\"true\"")
        }
        return html + "</span>"
    }

    static func displayHTML(_ tex: String, id: String) -> String {
        svg(MathRenderer.shared.layout(tex, style: .display, size: 12.6), tex: tex, id: id, cls: "math display")
    }

    /// HTML body text is 17 px = 12.75 pt; formulas are set at 12.6 pt to match its x-height.
    private static func svg(_ layout: MathLayout, tex: String, id: String, cls: String) -> String {
        let pad = 1.0
        return inlineSVG(
            layout.svg(padding: pad, idPrefix: id), descent: layout.descent + pad,
            attributes: "class=\"\(cls)\" role=\"img\" aria-label=\"\(HTML.escape(tex))\"")
    }

    /// An SVG document as an element of the page: without its XML declaration, sized in em,
    /// lowered by `descent` points so its baseline sits on the text's, with `attributes`.
    private static func inlineSVG(_ document: [UInt8], descent: Double, attributes: String) -> String {
        var svg = String(decoding: document, as: UTF8.self)
        if let r = svg.range(of: "<svg") { svg = String(svg[r.lowerBound...]) }  // drop the XML declaration
        // Sizes in em of the body's 12.75 pt, so a formula keeps its size relative to the text
        // around it — the same in body text, larger in headings, smaller in the abstract.
        let em = 12.75
        let shift = String(format: "%.4f", -descent / em)
        if let open = svg.range(of: "<svg [^>]*>", options: .regularExpression) {
            var tag = String(svg[open])
            for attribute in ["width", "height"] {
                guard let r = tag.range(of: "\(attribute)=\"([0-9.]+)pt\"", options: .regularExpression) else { continue }
                let value = Double(tag[r].dropFirst(attribute.count + 2).dropLast(3)) ?? 0
                tag.replaceSubrange(r, with: "\(attribute)=\"\(String(format: "%.4f", value / em))em\"")
            }
            tag = tag.replacingOccurrences(of: "<svg ", with: "<svg \(attributes) style=\"vertical-align:\(shift)em\" ")
            svg.replaceSubrange(open, with: tag)
        }
        return svg.trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
