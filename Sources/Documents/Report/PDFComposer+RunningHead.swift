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
            // Heads are prose with `$…$` math (RunningHead), typeset on one line.
            let left = RunningHead.layout(
                runningHead, canvas: canvas, font: font, size: 8.5, color: style.muted, width: leftWidth,
                alignment: section == nil ? .center : .left)
            left.draw(on: canvas, at: Point(style.margin.left, top), color: style.muted)
            if let section {
                let right = RunningHead.layout(
                    section, canvas: canvas, font: font, size: 8.5, color: style.muted, width: half, alignment: .right)
                right.draw(on: canvas, at: Point(style.margin.left + style.textWidth - half, top), color: style.muted)
            }
            canvas.move(to: Point(style.margin.left, top + left.size.height + 3))
            canvas.line(to: Point(style.margin.left + style.textWidth, top + left.size.height + 3))
            canvas.stroke(style.codeBorder, width: 0.4)
        }
    }

    /// A top-level section begins here (for the running head).
    func beginSection(_ title: String) {
        if firstSectionOnPage == nil { firstSectionOnPage = title }
        lastSection = title
    }
}
