import Foundation
import Graphics

/// The furniture of every page: the folio (page number) at the foot, and from the second page
/// on the running head — the title on the left, the current section on the right, over a rule.
extension PDFComposer {
    func drawFolioAndRunningHead() {
        let folio = TextLayout(canvas: canvas, markup: "\(page)", font: Fonts.description(Fonts.serif, size: 9))
        folio.draw(
            on: canvas, at: Point((style.width - folio.size.width) / 2, style.height - style.margin.bottom / 2 - 6),
            color: style.muted)
        if page > 1, let runningHead {
            let font = Fonts.description(Fonts.serif, size: 8.5)
            let section = firstSectionOnPage ?? sectionAtTop
            let half = style.textWidth / 2 - 6
            let top = style.margin.top / 2 - 4
            let leftWidth = section == nil ? style.textWidth : half
            let left = TextLayout(
                canvas: canvas, markup: "<i>" + TextLayout.escape(oneLine(runningHead, font: font, width: leftWidth)) + "</i>",
                font: font, width: leftWidth, alignment: section == nil ? .center : .left)
            left.draw(on: canvas, at: Point(style.margin.left, top), color: style.muted)
            if let section {
                let right = TextLayout(
                    canvas: canvas, markup: "<i>" + TextLayout.escape(oneLine(section, font: font, width: half)) + "</i>",
                    font: font, width: half, alignment: .right)
                right.draw(on: canvas, at: Point(style.margin.left + style.textWidth - half, top), color: style.muted)
            }
            canvas.move(to: Point(style.margin.left, top + left.size.height + 3))
            canvas.line(to: Point(style.margin.left + style.textWidth, top + left.size.height + 3))
            canvas.stroke(style.codeBorder, width: 0.4)
        }
    }

    /// `text` shortened at a word boundary, with an ellipsis, so that it sets on one line of
    /// `width` in italics: a running head that wraps into the text block reads as a defect.
    func oneLine(_ text: String, font: String, width: Double) -> String {
        func fits(_ s: String) -> Bool {
            TextLayout(canvas: canvas, markup: "<i>" + TextLayout.escape(s) + "</i>", font: font).size.width <= width
        }
        guard !fits(text) else { return text }
        var words = text.split(separator: " ")
        // A head that ends "… and a…" reads badly; end on a content word.
        let weak: Set<String> = ["a", "an", "the", "of", "and", "or", "to", "in", "on", "for", "with", "by", "from", "at", "as"]
        while words.count > 1 {
            words.removeLast()
            while words.count > 1, weak.contains(words.last!.lowercased()) { words.removeLast() }
            let candidate = words.joined(separator: " ").trimmingCharacters(in: CharacterSet(charactersIn: ",;:—– ")) + "…"
            if fits(candidate) { return candidate }
        }
        return String(text.prefix(20)) + "…"
    }

    /// A top-level section begins here (for the running head).
    func beginSection(_ title: String) {
        if firstSectionOnPage == nil { firstSectionOnPage = title }
        lastSection = title
    }
}
