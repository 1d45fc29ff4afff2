import Foundation
import Graphics
import MathType

extension Harness {
    /// TeX math: parsed and typeset as a display formula and as a plot label with `$…$` inside,
    /// drawn on a small canvas and written as the SVG the HTML page inlines.
    static let math = Harness(
        name: "math", maxLength: 2048,
        summary: "MathRenderer.layout / layoutText, draw, svg"
    ) { bytes in
        let tex = String(decoding: bytes, as: UTF8.self)
        let scalars = tex.unicodeScalars.count
        let renderer = MathRenderer.shared
        let display = renderer.layout(tex, style: .display, size: 11)
        checkLayout(display, scalars: scalars, what: "layout")
        let label = renderer.layoutText(tex, size: 9)
        checkLayout(label, scalars: scalars, what: "layoutText")
        let canvas = Canvas(.png(dpi: 24), width: 120, height: 60)
        display.draw(on: canvas, at: Point(2, 30))
        label.draw(on: canvas, at: Point(2, 50))
        _ = canvas.finish()
        _ = display.svg(idPrefix: "f")
    }

    /// Every extent and mark is a finite number, and an error points inside the source
    /// (a NaN or ∞ would silently break the PDF and SVG).
    static func checkLayout(_ l: MathLayout, scalars: Int, what: String) {
        for (name, v) in [("width", l.width), ("ascent", l.ascent), ("descent", l.descent)] where !v.isFinite {
            finding("\(what): \(name) is \(v)")
        }
        for item in l.items {
            switch item {
            case let .glyph(_, x, y, scale, _):
                guard x.isFinite, y.isFinite, scale.isFinite else { finding("\(what): glyph at \(x), \(y) scale \(scale)") }
            case let .rule(x, y, w, h, _):
                guard x.isFinite, y.isFinite, w.isFinite, h.isFinite else { finding("\(what): rule \(x), \(y), \(w)×\(h)") }
            }
        }
        for e in l.errors where e.offset < 0 || e.offset > scalars {
            finding("\(what): error offset \(e.offset) outside 0…\(scalars): \(e.message)")
        }
        if let tag = l.tag { checkLayout(tag, scalars: scalars, what: what + " tag") }
    }
}
