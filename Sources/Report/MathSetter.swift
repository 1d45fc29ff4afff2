import Foundation
import Graphics

/// Typeset math, measured: what a line makes room for and then draws.
struct MathBox {
    var width: Double, ascent: Double, descent: Double
    /// Draws with the baseline's left end at `origin`.
    var draw: (Canvas, Point) -> Void
}

/// The one seam where math is measured and drawn, for every output format.
///
/// Until `MathType` typesets TeX, math is set as italic text with Greek letters and common
/// symbols replaced by their Unicode characters (`TeXFallback`). To wire MathType, change only
/// this file: `inlinePDF` appends `text.box(MathBox(…))` of the formula's layout (the line makes
/// room for it through a Pango shape attribute and the composer draws it at the box's place),
/// `displayPDF` returns a `Display` that draws the layout, and the HTML functions return the
/// formula's SVG inline.
enum MathSetter {
    /// Inline math inside a line of PDF text.
    static func inlinePDF(_ tex: String, into text: inout RichText) {
        TeXFallback.pango(tex, into: &text)
    }

    /// A display formula as something of known size the composer places and draws.
    struct Display {
        var width: Double, height: Double
        var draw: (Canvas, Point) -> Void   // top-left
    }

    static func displayPDF(_ tex: String, canvas: Canvas, font: String, width: Double) -> Display {
        var text = RichText()
        inlinePDF(tex, into: &text)
        let layout = TextLayout(canvas: canvas, markup: text.markup, font: font, width: width, alignment: .center)
        layout.reserve(text.inlineBoxes)
        return Display(width: layout.size.width, height: layout.size.height) { canvas, p in
            layout.draw(on: canvas, at: p, color: PageStyle.inkColor)
        }
    }

    /// Splits `\tag{…}` off a display formula: the formula without it, and the tag's text.
    static func splitTag(_ tex: String) -> (tex: String, tag: String?) {
        guard let r = tex.range(of: #"\\tag\*?\{([^{}]*)\}"#, options: .regularExpression) else { return (tex, nil) }
        let inner = tex[r].drop(while: { $0 != "{" }).dropFirst().dropLast()
        return (tex.replacingCharacters(in: r, with: ""), String(inner))
    }

    static func inlineHTML(_ tex: String) -> String {
        "<span class=\"math\">" + TeXFallback.html(tex) + "</span>"
    }

    static func displayHTML(_ tex: String) -> String {
        "<span class=\"math\">" + TeXFallback.html(tex) + "</span>"
    }
}
