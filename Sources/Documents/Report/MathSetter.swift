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

    /// A display formula as something of known size the composer places and draws.
    struct Display {
        var width: Double, height: Double
        var draw: (Canvas, Point) -> Void  // top-left
    }

    /// A display formula centred in `width`; `font` is unused (math has its own font) but kept so
    /// callers do not change when the engine does.
    static func displayPDF(_ tex: String, canvas: Canvas, font: String, width: Double) -> Display {
        let layout = MathRenderer.shared.layout(tex, style: .display, size: bodySize, color: PageStyle.inkColor)
        let pad = 2.0
        return Display(width: width, height: layout.height + 2 * pad) { canvas, p in
            layout.draw(on: canvas, at: Point(p.x + max(0, (width - layout.width) / 2), p.y + pad + layout.ascent))
        }
    }

    /// Splits `\tag{…}` off a display formula: the formula without it, and the tag's text.
    static func splitTag(_ tex: String) -> (tex: String, tag: String?) {
        guard let r = tex.range(of: #"\\tag\*?\{([^{}]*)\}"#, options: .regularExpression) else { return (tex, nil) }
        let inner = tex[r].drop(while: { $0 != "{" }).dropFirst().dropLast()
        return (tex.replacingCharacters(in: r, with: ""), String(inner))
    }

    /// Inline math as an inline SVG whose baseline sits on the text's. `id` must be unique in
    /// the page (glyph symbols are named after it).
    static func inlineHTML(_ tex: String, id: String) -> String {
        svg(MathRenderer.shared.layout(tex, style: .text, size: 12.6), tex: tex, id: id, cls: "math")
    }

    static func displayHTML(_ tex: String, id: String) -> String {
        svg(MathRenderer.shared.layout(tex, style: .display, size: 12.6), tex: tex, id: id, cls: "math display")
    }

    /// HTML body text is 17 px = 12.75 pt; formulas are set at 12.6 pt to match its x-height.
    private static func svg(_ layout: MathLayout, tex: String, id: String, cls: String) -> String {
        let pad = 1.0
        var svg = String(decoding: layout.svg(padding: pad, idPrefix: id), as: UTF8.self)
        if let r = svg.range(of: "<svg") { svg = String(svg[r.lowerBound...]) }  // drop the XML declaration
        // Sizes in em of the body's 12.75 pt, so a formula keeps its size relative to the text
        // around it — the same in body text, larger in headings, smaller in the abstract.
        let em = 12.75
        let shift = String(format: "%.4f", -(layout.descent + pad) / em)
        let label = HTML.escape(tex)
        if let open = svg.range(of: "<svg [^>]*>", options: .regularExpression) {
            var tag = String(svg[open])
            for attribute in ["width", "height"] {
                guard let r = tag.range(of: "\(attribute)=\"([0-9.]+)pt\"", options: .regularExpression) else { continue }
                let value = Double(tag[r].dropFirst(attribute.count + 2).dropLast(3)) ?? 0
                tag.replaceSubrange(r, with: "\(attribute)=\"\(String(format: "%.4f", value / em))em\"")
            }
            tag = tag.replacingOccurrences(of: "<svg ", with: "<svg class=\"\(cls)\" role=\"img\" aria-label=\"\(label)\" style=\"vertical-align:\(shift)em\" ")
            svg.replaceSubrange(open, with: tag)
        }
        return svg.trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
