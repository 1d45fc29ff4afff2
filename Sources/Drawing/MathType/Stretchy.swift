/// Glyphs grown to a size: the MATH table's size variants first, then its glyph assemblies.
extension Typesetter {
    /// `ch` at least `target` ems tall (height + depth, formula ems) — or as tall as the font allows.
    /// The box keeps the glyph's own baseline; callers centre it on the axis if they need to.
    func verticalGlyph(_ ch: Unicode.Scalar, atLeast target: Double, _ style: MathStyle) -> Box {
        guard let g = font.glyph(for: ch) else { return charBox(ch, nil, style) }
        let s = scale(style)
        var last = glyphBox(g, style)
        for v in font.variants(g, vertical: true) {
            let b = glyphBox(v.glyph, style)
            last = b
            if b.height + b.depth >= target { return b }
        }
        let (parts, italic) = font.assembly(g, vertical: true)
        guard !parts.isEmpty else { return last }
        return assemble(parts, italic: italic, target: target / s, vertical: true, scale: s)
    }

    /// `ch` at least `target` ems wide (wide accents, braces, arrows).
    func horizontalGlyph(_ ch: Unicode.Scalar, atLeast target: Double, _ style: MathStyle) -> Box {
        guard let g = font.glyph(for: ch) else { return charBox(ch, nil, style) }
        let s = scale(style)
        var last = glyphBox(g, style)
        for v in font.variants(g, vertical: false) {
            var b = glyphBox(v.glyph, style)
            b.width -= b.italic
            last = b
            if b.width >= target { return b }
        }
        let (parts, _) = font.assembly(g, vertical: false)
        guard !parts.isEmpty else { return last }
        return assemble(parts, italic: 0, target: target / s, vertical: false, scale: s)
    }

    /// Builds an assembly at least `target` (unscaled ems) long: repeat the extenders the fewest
    /// times that reach it, then spread the overlaps evenly, never below minConnectorOverlap and
    /// never beyond the connectors (OpenType MATH, GlyphAssembly).
    func assemble(_ parts: [MathFont.AssemblyPart], italic: Double, target: Double, vertical: Bool, scale s: Double) -> Box {
        let minOverlap = c.minConnectorOverlap
        var sequence: [MathFont.AssemblyPart] = []
        for repeats in 1...200 {
            sequence = parts.flatMap { $0.isExtender ? Array(repeating: $0, count: repeats) : [$0] }
            let longest = sequence.reduce(0) { $0 + $1.fullAdvance } - minOverlap * Double(sequence.count - 1)
            if longest >= target || !parts.contains(where: \.isExtender) { break }
        }
        if !parts.contains(where: \.isExtender) { sequence = parts }
        let full = sequence.reduce(0) { $0 + $1.fullAdvance }
        var maxOverlap = Double.infinity
        for i in 1..<max(sequence.count, 1) where sequence.count > 1 {
            maxOverlap = min(maxOverlap, sequence[i - 1].endConnector, sequence[i].startConnector)
        }
        var overlap = sequence.count > 1 ? (full - target) / Double(sequence.count - 1) : 0
        overlap = max(minOverlap, min(overlap, maxOverlap.isFinite ? maxOverlap : minOverlap))
        overlap = max(overlap, 0)

        var box = Box()
        var position = 0.0
        var across = (low: 0.0, high: 0.0)
        for (i, p) in sequence.enumerated() {
            let m = font.metrics(p.glyph)
            if vertical {
                // Parts run bottom to top; each part's ink bottom sits at `position`.
                box.items.append(.glyph(id: p.glyph, x: 0, y: (position + m.depth) * s, scale: s, color: nil))
                box.width = max(box.width, m.advance * s)
            } else {
                box.items.append(.glyph(id: p.glyph, x: position * s, y: 0, scale: s, color: nil))
                across = (max(across.low, m.depth), max(across.high, m.height))
            }
            position += p.fullAdvance - (i == sequence.count - 1 ? 0 : overlap)
        }
        if vertical {
            box.height = position * s
            box.depth = 0
            box.width += italic * s
            box.italic = italic * s
        } else {
            box.width = position * s
            box.height = across.high * s
            box.depth = across.low * s
        }
        return box
    }
}
