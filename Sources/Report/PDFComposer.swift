import Graphics
import Plot

/// Flows blocks down pages: text that breaks between lines, boxes that continue on the next
/// page, figures that move whole to the next page when they do not fit, page numbers.
final class PDFComposer {
    let canvas: Canvas
    let style: PageStyle
    private(set) var page = 1
    private(set) var y: Double
    private var pageHasContent = false

    init(canvas: Canvas, style: PageStyle) {
        self.canvas = canvas
        self.style = style
        y = style.margin.top
    }

    var remaining: Double { style.bottom - y }

    /// Moves down by `h` after drawing something of that height at `y`.
    func advance(_ h: Double) { y += h; pageHasContent = true }

    func space(_ h: Double) { if pageHasContent { y = min(y + h, style.bottom) } }

    func newPage() {
        drawFolio()
        canvas.newPage()
        page += 1
        y = style.margin.top
        pageHasContent = false
    }

    /// Starts a new page unless `height` fits on this one.
    func ensure(_ height: Double) { if height > remaining && pageHasContent { newPage() } }

    func finish() { drawFolio() }

    private func drawFolio() {
        let number = TextLayout(canvas: canvas, markup: "\(page)", font: Fonts.description(Fonts.serif, size: 9))
        number.draw(on: canvas, at: Point((style.width - number.size.width) / 2, style.height - style.margin.bottom / 2 - 6),
                    color: style.muted)
    }

    func layout(_ markup: String, font: String, indent: Double = 0, width: Double? = nil, justify: Bool = false,
                alignment: TextLayout.Alignment = .left, wrapAnywhere: Bool = false) -> TextLayout {
        TextLayout(canvas: canvas, markup: markup, font: font, width: width ?? (style.textWidth - indent),
                   justify: justify, alignment: alignment, wrapAnywhere: wrapAnywhere)
    }

    /// Draws a text layout line by line, breaking across pages. `keepFirst` lines must stay
    /// together with what follows on one page (headings: keep with the next lines).
    func flow(_ text: TextLayout, indent: Double = 0, color: Color? = nil, minLinesAtBottom: Int = 2,
              onFirstLine: ((Double) -> Void)? = nil) {
        let lines = text.lines
        var i = 0
        while i < lines.count {
            // Widow/orphan control: do not leave fewer than `minLinesAtBottom` lines at a page bottom.
            let needed = lines[i..<min(i + minLinesAtBottom, lines.count)].reduce(0) { $0 + $1.height }
            if needed > remaining && pageHasContent { newPage() }
            var j = i, height = 0.0
            while j < lines.count && (height + lines[j].height <= remaining || j == i) { height += lines[j].height; j += 1 }
            if i == 0 { onFirstLine?(y + lines[0].baseline - lines[0].top) }
            text.drawLines(i..<j, on: canvas, x: style.margin.left + indent, top: y, color: color ?? style.ink)
            y += height
            pageHasContent = true
            i = j
            if i < lines.count { newPage() }
        }
    }

    /// A text layout inside a shaded box (code, outputs), continued across pages.
    func box(_ text: TextLayout, indent: Double = 0, padding: Double = 6, background: Color, border: Color?,
             leftRule: Color? = nil, color: Color? = nil) {
        let lines = text.lines
        var i = 0
        let boxX = style.margin.left + indent
        let boxWidth = style.textWidth - indent
        while i < lines.count {
            let firstNeeds = lines[i].height + 2 * padding
            if firstNeeds > remaining && pageHasContent { newPage() }
            var j = i, height = 0.0
            while j < lines.count && (height + lines[j].height + 2 * padding <= remaining || j == i) {
                height += lines[j].height; j += 1
            }
            let rect = Rect(x: boxX, y: y, width: boxWidth, height: height + 2 * padding)
            canvas.roundedRectangle(rect, radius: 2.5)
            canvas.fill(background, preserve: border != nil)
            if let border { canvas.stroke(border, width: 0.5) }
            if let leftRule {
                canvas.rectangle(Rect(x: rect.x, y: rect.y, width: 2, height: rect.height))
                canvas.fill(leftRule)
            }
            text.drawLines(i..<j, on: canvas, x: boxX + padding + (leftRule == nil ? 0 : 4), top: y + padding,
                           color: color ?? style.ink)
            y += rect.height
            pageHasContent = true
            i = j
            if i < lines.count { newPage() }
        }
    }

    /// A figure at its physical size, centred; moves whole to the next page when it does not fit.
    /// Returns the top of the figure on its page.
    @discardableResult
    func figure(_ figure: Figure, captionHeight: Double = 0) -> Double {
        ensure(figure.height + captionHeight)
        let scale = figure.width > style.textWidth ? style.textWidth / figure.width : 1
        let x = style.margin.left + (style.textWidth - figure.width * scale) / 2
        let top = y
        canvas.save()
        canvas.translate(x, y)
        canvas.scale(scale, scale)
        figure.draw(on: canvas)
        canvas.restore()
        y += figure.height * scale
        pageHasContent = true
        return top
    }

    /// A horizontal rule across the text block.
    func rule(color: Color, width: Double = 0.5) {
        canvas.move(to: Point(style.margin.left, y))
        canvas.line(to: Point(style.margin.left + style.textWidth, y))
        canvas.stroke(color, width: width)
        pageHasContent = true
    }
}
