/// Keeps: what must not end a page. A heading is held back until the block after it comes,
/// then set on the page where that block's first lines go (TeX's `\nobreak` after a heading
/// with its `\clubpenalty`: a heading never ends a page, and takes two lines of what follows
/// with it). Consecutive headings are held together; the space and link destinations around
/// them are held with them.
extension PDFComposer {
    /// Something held until the next block is known to fit below it.
    struct KeptItem {
        let height: Double
        let draw: () -> Void
    }

    /// The next `flow` (a heading) is held and goes on the page of the block after it.
    func keepWithNext() { keepNextFlow = true }

    /// The height of what is held.
    var keptHeight: Double { kept.reduce(0) { $0 + $1.height } }

    /// Holds `draw` (of `height`) with what is kept, when something is.
    /// - Returns: whether it was held (else the caller draws it now).
    func holdIfKeeping(height: Double, _ draw: @escaping () -> Void) -> Bool {
        guard !kept.isEmpty || keepNextFlow else { return false }
        kept.append(KeptItem(height: height, draw: draw))
        return true
    }

    /// Draws what is held, on this page when `lead` (the first lines of what follows) fits
    /// below it, else at the top of a new page.
    func settle(lead: Double) {
        guard !kept.isEmpty else { return }
        let items = kept
        kept = []
        if items.reduce(0, { $0 + $1.height }) + lead > remaining && pageHasContent { newPage() }
        for item in items { item.draw() }
    }
}
