/// Where a cell's figure or table may go on the PDF page (the cell option `fig-pos`, LaTeX's
/// placement letters as Quarto passes them on): `h` here, if it fits; `t` at the top of a
/// page; `p` on a page of floats; several together (`htp`, the default); or `H` alone: here
/// and nowhere else (the `float` package's `H`: on the next page, whole, when it does not fit).
///
/// A float only ever moves forward, so it is never set above the text before its cell, and
/// at most to the page after the one its cell is on. HTML has no pages and ignores it.
///
/// ```
/// //| label: fig-wide
/// //| fig-pos: tp
/// ```
public struct FigurePosition: Equatable, Sendable, CustomStringConvertible {
    /// The figure may stay where its cell puts it, when it fits there.
    public let here: Bool
    /// The figure may go to the top of the next page.
    public let top: Bool
    /// The figure may go on a page of floats only.
    public let floatPage: Bool
    /// `H`: the figure does not float at all.
    public let isFixed: Bool

    /// LaTeX's `htp`: here if it fits, else the top of the next page, else a page of floats.
    public static let `default` = FigurePosition(here: true, top: true, floatPage: true, isFixed: false)
    /// `H`: exactly here, whole (moved to the next page with the text when it does not fit).
    public static let fixed = FigurePosition(here: true, top: false, floatPage: false, isFixed: true)

    private init(here: Bool, top: Bool, floatPage: Bool, isFixed: Bool) {
        (self.here, self.top, self.floatPage, self.isFixed) = (here, top, floatPage, isFixed)
    }

    /// Reads `fig-pos`'s value: `H`, or letters of `h`, `t`, `p`, each at most once. As in
    /// LaTeX, `h` alone is taken as `ht`: a figure that does not fit here must go somewhere.
    /// - Parameter letters: the option's value as written.
    /// - Returns: the position, or nil for anything else (`b`, `!`, an empty value: Folio has
    ///   no bottom floats, and says so rather than ignore a letter).
    public init?(_ letters: String) {
        if letters == "H" { self = .fixed; return }
        guard !letters.isEmpty, letters.allSatisfy({ "htp".contains($0) }), Set(letters).count == letters.count else { return nil }
        let here = letters.contains("h"), page = letters.contains("p")
        self.init(here: here, top: letters.contains("t") || (here && !page), floatPage: page, isFixed: false)
    }

    /// The letters, as `fig-pos` takes them (`h` alone reads back as `ht`).
    public var description: String {
        isFixed ? "H" : (here ? "h" : "") + (top ? "t" : "") + (floatPage ? "p" : "")
    }
}
