import Graphics
import Notebook

/// Figures and tables that float, as LaTeX's `htp` placement does: here when they fit; else
/// to the top of the next page, while the text after them fills this one; a float taller
/// than the top area gets a page of floats of its own.
///
/// Folio keeps TeX's rules that matter on a notebook's pages and drops those that exist for
/// placements it does not make:
/// - floats keep their order (one that waits holds back the ones after it);
/// - a float only moves forward: never above the text before its cell (so never before a
///   reference to it in that text), and never further than the top of the next page, unless
///   the floats waiting before it fill that page (then it comes on the page after: ending
///   this page early instead would leave the half-empty page floats are there to avoid);
/// - floats at the top of a page leave the text at least `textFraction` of the page
///   (`\textfraction`), else the page is a page of floats;
/// - a page of floats is made only when the floats fill at least `floatPageFraction` of it
///   (`\floatpagefraction`); one that cannot waits at the top of the next page instead;
/// - floats inside a quote, list or callout (anything indented or ruled) stay in it, here.
/// Bottom floats (`b`) are not made: a figure under the text that follows its code reads
/// backwards in a notebook.
extension PDFComposer {
    /// A figure or table waiting for the top of the next page.
    struct PageFloat {
        let height: Double
        let position: FigurePosition
        let draw: () -> Void
    }

    /// TeX's `\textfraction`: floats at a page's top leave the text at least this much of it.
    static let textFraction = 0.2
    /// TeX's `\floatpagefraction`: a page of floats is at least this full.
    static let floatPageFraction = 0.5
    /// `\floatsep` between floats on one page, `\textfloatsep` between the floats and the text.
    static let floatSeparation = 12.0
    static let textFloatSeparation = 16.0

    /// The height of the text block.
    var textHeight: Double { style.bottom - style.margin.top }

    /// Places a float of `height` (figure or table with its caption) where `position` allows:
    /// `draw` draws it at `y` (through `figure`, `table`, `flow`). Here, it is set between
    /// `before` and `after` of space; moved, at the top of a later page.
    func float(height: Double, position: FigurePosition, before: Double, after: Double, draw: @escaping () -> Void) {
        let nested = !quoteRules.isEmpty || placingFloats
        guard !position.isFixed, !nested else {
            space(before); draw(); space(after)
            return
        }
        // A float that is waiting holds back those after it: they keep their order.
        if deferredFloats.isEmpty {
            let fits = keptHeight + before + height <= remaining
            if (position.here && fits) || (!pageHasContent && keptHeight == 0) {
                settle(lead: before + height)
                space(before); draw(); space(after)
                return
            }
        }
        deferredFloats.append(PageFloat(height: height, position: position, draw: draw))
    }

    /// Sets the waiting floats at the top of the page just begun: as many as fit, in order.
    /// When they make a page of floats, or leave the text less than `textFraction` of the
    /// page, the page is closed: what comes next starts the next page.
    func placeWaitingFloats() {
        guard !deferredFloats.isEmpty, !placingFloats else { return }
        placingFloats = true
        defer { placingFloats = false }
        let total = deferredFloats.reduce(-Self.floatSeparation) { $0 + $1.height + Self.floatSeparation }
        // Only `p` (no `t`): a page of floats, if the floats waiting fill one well enough.
        let pageOfFloats = !deferredFloats[0].position.top && total >= Self.floatPageFraction * textHeight
        var used = 0.0, count = 0
        for f in deferredFloats {
            let gap = count == 0 ? 0 : Self.floatSeparation
            guard count == 0 || used + gap + f.height <= textHeight else { break }
            space(gap)
            f.draw()
            used += gap + f.height
            pageHasContent = true
            count += 1
        }
        deferredFloats.removeFirst(count)
        if pageOfFloats || !deferredFloats.isEmpty || textHeight - used < Self.textFraction * textHeight {
            // A page of floats: nothing else fits (the next thing drawn breaks the page).
            y = style.bottom
        } else {
            space(Self.textFloatSeparation)
        }
    }
}
