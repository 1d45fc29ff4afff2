/// Where a display formula and its equation number go across the measure, by TeX's rule
/// (TeXbook, ch. 19 and Appendix B, `\eqno`; amsmath's tags follow it): the formula is centred;
/// a number that would come closer to it than twice its own width pushes the formula left by
/// half its width (never closer than a quad); a number that does not fit beside the formula with a quad between them
/// goes to a line of its own below, right-aligned, and the formula is centred on the full
/// measure. A number is never drawn over its formula.
struct DisplayPlacement: Equatable {
    /// The formula's left end, from the left of the measure (0 when it is wider than the measure:
    /// it then runs over on the right, as TeX's overfull display does).
    var formulaX: Double
    /// The number's left end, from the left of the measure; nil without a number.
    var numberX: Double?
    /// The number is set on a line of its own below the formula.
    var numberBelow = false

    /// Places a formula `formulaWidth` wide with a number `numberWidth` wide (nil: none) on a
    /// measure `measure` wide; `quad` is the least space between them (1 em of the body).
    static func place(formulaWidth w: Double, numberWidth e: Double?, measure z: Double, quad: Double) -> DisplayPlacement {
        guard let e, e > 0 else { return DisplayPlacement(formulaX: max(0, (z - w) / 2), numberX: nil) }
        if w + e + quad > z {
            return DisplayPlacement(formulaX: max(0, (z - w) / 2), numberX: max(0, z - e), numberBelow: true)
        }
        var d = (z - w) / 2
        // Centred, the formula would crowd its number: centre it in what the number leaves,
        // keeping a quad before the number (TeX may leave half a quad there).
        if d < 2 * e { d = max(0, min((z - w - e) / 2, z - e - quad - w)) }
        return DisplayPlacement(formulaX: d, numberX: z - e)
    }
}
