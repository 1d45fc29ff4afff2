import Foundation
import Graphics
import Plot
import Notebook

/// Flows blocks down pages: the page and the position on it, what the page still holds (its
/// footnotes, the rules of open block quotes, its running head), page breaks, and what waits
/// for a later place (floats for the next page's top, a heading for the block after it).
///
/// The kinds of content have their own files: text that breaks between lines, with its links
/// and footnotes (`PDFComposer+Text`), shaded boxes that continue on the next page
/// (`PDFComposer+Boxes`), figures and tables (`PDFComposer+Figures`), footnotes at the page
/// bottom (`PDFComposer+Footnotes`), rules beside block quotes (`PDFComposer+Quotes`), the
/// running head and folio (`PDFComposer+RunningHead`), floating figures and tables
/// (`PDFComposer+Floats`), headings kept with what follows (`PDFComposer+Keeps`), and lines
/// that run into the margin (`PDFComposer+Overfull`).
final class PDFComposer {
    let canvas: Canvas
    let style: PageStyle
    /// Set in the running head of every page after the first: the title on the left, the
    /// section on the right (LaTeX's rule: the first section begun on the page, else the one
    /// in effect at its top).
    var runningHead: String?
    var sectionAtTop: String?
    var firstSectionOnPage: String?
    var lastSection: String?
    /// The page being filled (1-based) and the top of the free space on it, in points. Only
    /// the composer's files move them.
    var page = 1
    var y: Double
    /// Whether anything was drawn on this page (a page break before the first thing is no use).
    var pageHasContent = false
    /// Footnotes placed on this page, drawn at its bottom when the page ends.
    var footnotes: [(number: Int, layout: TextLayout)] = []
    /// Left rules of the block quotes that are open, with where each began on this page.
    var quoteRules: [QuoteRule] = []
    /// Pages with a line of text that runs into the margin (a formula wider than the line).
    var overfullPages: [Int] = []
    /// Those lines, with their blocks' Markdown lines, for the render's warnings.
    var overfull: [OverfullLine] = []
    /// The Markdown line of the block being set (for warnings about it).
    var sourceLine: Int?
    /// Floats waiting for the top of the next page, in order.
    var deferredFloats: [PageFloat] = []
    /// Whether waiting floats are being set now (a float drawn then does not float again).
    var placingFloats = false
    /// Headings (and the space around them) held until the next block is known to fit.
    var kept: [KeptItem] = []
    /// Set by `keepWithNext()`: the next `flow` is held.
    var keepNextFlow = false

    init(canvas: Canvas, style: PageStyle) {
        self.canvas = canvas
        self.style = style
        y = style.margin.top
    }

    var remaining: Double { style.bottom - footnoteHeight - y }

    /// Moves down by `h` after drawing something of that height at `y`.
    func advance(_ h: Double) { y += h; pageHasContent = true }

    func space(_ h: Double) {
        if holdIfKeeping(height: h, { [self] in space(h) }) { return }
        if pageHasContent { y = min(y + h, style.bottom) }
    }

    func newPage() {
        endPage()
        canvas.newPage()
        page += 1
        y = style.margin.top
        pageHasContent = false
        sectionAtTop = lastSection
        firstSectionOnPage = nil
        for k in quoteRules.indices { quoteRules[k].top = y }
        placeWaitingFloats()
    }

    /// Starts a new page unless `height` fits on this one (with what is kept for it).
    func ensure(_ height: Double) {
        settle(lead: height)
        if height > remaining && pageHasContent { newPage() }
    }

    /// Ends the last page, after whatever still waits for a place.
    func finish() {
        settle(lead: 0)
        while !deferredFloats.isEmpty { newPage() }
        endPage()
    }

    private func endPage() {
        for rule in quoteRules { drawQuoteRule(rule, to: y) }
        drawFootnotes()
        drawFolioAndRunningHead()
    }

    /// Names the current position for links to `name`.
    func destination(_ name: String, offset: Double = 0) {
        if holdIfKeeping(height: 0, { [self] in destination(name, offset: offset) }) { return }
        canvas.destination(name, at: Point(style.margin.left, max(0, y - offset)))
    }

    /// A horizontal rule across the text block.
    func rule(color: Color, width: Double = 0.5, indent: Double = 0) {
        settle(lead: width)
        canvas.move(to: Point(style.margin.left + indent, y))
        canvas.line(to: Point(style.margin.left + style.textWidth, y))
        canvas.stroke(color, width: width)
        pageHasContent = true
    }
}
