import Graphics

/// One mark of a formula's display list, in ems of the formula's size, y up from the baseline.
public enum DisplayItem: Equatable {
    /// A glyph of the math font, scaled by `scale` (script styles draw at 70 %, 50 %).
    case glyph(id: UInt32, x: Double, y: Double, scale: Double, color: Color?)
    /// A filled rectangle whose lower-left corner is at (x, y): fraction bars, radical overbars.
    case rule(x: Double, y: Double, width: Double, height: Double, color: Color?)
}

/// A TeX box: width, height above and depth below the baseline, and the marks inside it.
/// Boxes are values; placing one inside another copies its marks with an offset.
struct Box {
    var width = 0.0, height = 0.0, depth = 0.0
    var items: [DisplayItem] = []
    /// Italic correction of a box that is one glyph (where a superscript may attach).
    var italic = 0.0
    /// Top-accent attachment of a one-glyph box, from its left edge.
    var topAccent: Double?
    /// The box is a single character: TeX then keeps scripts at their default shifts (rule 18a).
    var isCharacter = false

    /// A horizontal kern.
    static func kern(_ w: Double) -> Box { Box(width: w) }

    static func rule(width: Double, thickness: Double, color: Color? = nil) -> Box {
        Box(
            width: width, height: thickness, depth: 0,
            items: [.rule(x: 0, y: 0, width: width, height: thickness, color: color)])
    }

    /// Copies `b`'s marks into this box with its origin at (dx, dy), without changing the size.
    mutating func add(_ b: Box, dx: Double, dy: Double) {
        // No exact reserveCapacity here: reserving count + k on every append defeats the array's
        // geometric growth and made a 100 000-symbol formula quadratic (17 s).
        for item in b.items {
            switch item {
            case let .glyph(id, x, y, s, c): items.append(.glyph(id: id, x: x + dx, y: y + dy, scale: s, color: c))
            case let .rule(x, y, w, h, c): items.append(.rule(x: x + dx, y: y + dy, width: w, height: h, color: c))
            }
        }
    }

    /// Appends `b` to the right, raised by `shift`, and grows this box to hold it.
    mutating func append(_ b: Box, raise shift: Double = 0) {
        add(b, dx: width, dy: shift)
        width += b.width
        height = max(height, b.height + shift)
        depth = max(depth, b.depth - shift)
        italic = b.italic
        isCharacter = false
        topAccent = nil
    }

    /// Recolours every mark that has no colour of its own.
    func colored(_ c: Color) -> Box {
        var b = self
        b.items = items.map {
            switch $0 {
            case let .glyph(id, x, y, s, col): .glyph(id: id, x: x, y: y, scale: s, color: col ?? c)
            case let .rule(x, y, w, h, col): .rule(x: x, y: y, width: w, height: h, color: col ?? c)
            }
        }
        return b
    }
}
