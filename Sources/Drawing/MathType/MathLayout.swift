internal import Foundation
import Graphics

/// A typeset formula: a display list with its extent, drawable on any Canvas.
/// Lengths are in points; `ascent` is above the baseline and `descent` below it.
public struct MathLayout {
    /// The advance width in points: where the next text starts after the formula.
    public let width: Double
    /// The extent above the baseline, in points (TeX's height).
    public let ascent: Double
    /// The extent below the baseline, in points (TeX's depth).
    public let descent: Double
    /// Problems in the source; when non-empty the layout shows them as a red error box.
    public let errors: [MathError]
    /// The typeset `\tag{…}` label, which the caller places at the right margin of a display.
    public var tag: MathLayout? { tagStorage.first }
    private let tagStorage: [MathLayout]
    /// The marks in ems of `size`, y up from the baseline (for tests and other back ends).
    public let items: [DisplayItem]
    /// The font size the formula was typeset at, in points: the em of ``items``.
    public let size: Double
    /// The colour the formula is drawn in.
    public let color: Color
    let fontFile: String
    /// Where a line of text may break inside the formula, in points (see MathBreaks.swift).
    public internal(set) var breakPoints: [MathBreakPoint] = []

    init(box: Box, size: Double, color: Color, fontFile: String, errors: [MathError], tag: MathLayout?) {
        width = box.width * size
        ascent = box.height * size
        descent = box.depth * size
        items = box.items
        self.size = size
        self.color = color
        self.fontFile = fontFile
        self.errors = errors
        tagStorage = tag.map { [$0] } ?? []
    }

    /// The total vertical extent in points, ``ascent`` plus ``descent``.
    public var height: Double { ascent + descent }

    /// Draws the formula with the left end of its baseline at `origin` (canvas coordinates, y down).
    public func draw(on canvas: Canvas, at origin: Point) { draw(items, on: canvas, at: origin) }

    /// Draws some of the formula's marks (a piece of it, when a line breaks inside it).
    func draw(_ items: [DisplayItem], on canvas: Canvas, at origin: Point) {
        // Glyphs go out in runs of one scale and colour, so each run is one show_glyphs call.
        var run: [PositionedGlyph] = []
        var runKey: (scale: Double, color: Color)?
        func flush() {
            if let key = runKey, !run.isEmpty {
                canvas.drawGlyphs(run, fontFile: fontFile, size: size * key.scale, color: key.color)
            }
            run.removeAll(keepingCapacity: true)
        }
        for item in items {
            switch item {
            case let .glyph(id, x, y, scale, c):
                let key = (scale, c ?? color)
                if let r = runKey, r.scale != key.0 || r.color != key.1 { flush() }
                runKey = key
                run.append(PositionedGlyph(id: id, x: origin.x + x * size, y: origin.y - y * size))
            case let .rule(x, y, w, h, c):
                flush()
                canvas.fillRect(
                    Rect(x: origin.x + x * size, y: origin.y - (y + h) * size, width: w * size, height: h * size),
                    color: c ?? color)
            }
        }
        flush()
    }

    /// The formula alone as an SVG document (for HTML pages), `padding` points around its box.
    /// Its baseline is `padding + ascent` below the top: inline in text with
    /// `vertical-align: -(descent + padding)pt` to sit on the line's baseline.
    ///
    /// Cairo names glyph symbols `glyph0-1`… in every document and numbers surfaces with a
    /// process-wide counter; both are rewritten with `idPrefix`, so several formulas can be
    /// inlined in one HTML page without their glyphs colliding, and output is byte-identical.
    public func svg(padding: Double = 1, idPrefix: String = "m") -> [UInt8] {
        Self.renamingIds(render(.svg, padding: padding), idPrefix: idPrefix)
    }

    /// Cairo's SVG ids (`surface7`, `glyph0-1`) rewritten to start with `idPrefix`.
    static func renamingIds(_ svg: [UInt8], idPrefix: String) -> [UInt8] {
        var text = String(decoding: svg, as: UTF8.self)
        text = text.replacingOccurrences(
            of: #"id="surface[0-9]+""#, with: "id=\"\(idPrefix)-surface\"",
            options: .regularExpression)
        text = text.replacingOccurrences(of: "id=\"glyph", with: "id=\"\(idPrefix)-glyph")
        text = text.replacingOccurrences(of: "href=\"#glyph", with: "href=\"#\(idPrefix)-glyph")
        return Array(text.utf8)
    }

    /// The formula alone as a PNG at `dpi` (white background).
    public func png(dpi: Double = 144, padding: Double = 2) -> [UInt8] {
        render(.png(dpi: dpi), padding: padding)
    }

    /// The formula alone as a one-page PDF.
    public func pdf(padding: Double = 1) -> [UInt8] {
        render(.pdf, padding: padding)
    }

    private func render(_ kind: Canvas.Kind, padding: Double) -> [UInt8] {
        let canvas = Canvas(kind, width: max(width, 1) + 2 * padding, height: max(height, 1) + 2 * padding)
        draw(on: canvas, at: Point(padding, padding + ascent))
        return canvas.finish()
    }
}
