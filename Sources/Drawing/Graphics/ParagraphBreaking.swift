internal import CCairo
internal import CPangoCairo
internal import Foundation

/// Breaks a layout's text into lines with `LineBreaker` (Knuth–Plass) instead of Pango's
/// first-fit wrapping. Pango still shapes and draws: the text is measured on one unwrapped
/// line, turned into boxes, glue and penalties, broken, and then each chosen break becomes a
/// paragraph separator for Pango (a space becomes "\n", a soft hyphen "-\n", a break after an
/// explicit hyphen an inserted "\n") while every inter-word space is given its set width as a
/// shape, so the lines are justified to exactly the width TeX's glue setting gives them.
extension TextLayout {
    /// A place inside a formula where a line may break (after a top-level relation or binary
    /// operator): the byte of its separator (an ASCII space the caller put there), TeX's
    /// penalty, and the space between the two pieces when the line does not break there.
    public struct MathBreak {
        /// The separator's byte offset, TeX's penalty for breaking there, and the space in points kept when not breaking.
        public var offset: Int, penalty: Int, gap: Double
        /// A break opportunity inside a formula.
        public init(offset: Int, penalty: Int, gap: Double) { (self.offset, self.penalty, self.gap) = (offset, penalty, gap) }
    }

    /// What one item of the paragraph stands for in the text, to apply the breaks.
    private enum Source {
        case word
        case box(Range<Int>)
        case space(bytes: Range<Int>)
        case softHyphen(Int)
        case afterHyphen(Int)  // a break would insert "\n" here
        case separator(Int)  // a math break's space
        case forced
    }

    /// Breaks the text into lines of `width` with TeX's algorithm, justified or ragged (then
    /// aligned as `alignment`). Returns the indices of lines that run over the width (a
    /// formula wider than the line), empty when all fit.
    @discardableResult
    public func breakParagraph(
        width lineWidth: Double, justify: Bool, alignment: Alignment = .left, mathBreaks: [MathBreak] = [],
        parameters: LineBreaker.Parameters = .init()
    ) -> [Int] {
        measured = nil
        pango_layout_set_width(layout, -1)
        pango_layout_set_justify(layout, 0)
        pango_layout_set_alignment(layout, PANGO_ALIGN_LEFT)
        let bytes = Array(text.utf8)
        let edges = clusterEdges(count: bytes.count)
        func x(_ offset: Int) -> Double {
            if let e = edges[offset] { return e }
            var line: Int32 = 0, x: Int32 = 0
            pango_layout_index_to_line_x(layout, Int32(offset), 0, &line, &x)
            return Double(x) / Double(PANGO_SCALE)
        }
        let separators = Dictionary(mathBreaks.map { ($0.offset, $0) }, uniquingKeysWith: { a, _ in a })
        var items: [LineBreaker.Item] = [], sources: [Source] = []
        let hyphen = hyphenWidth()
        var boxStart = 0
        func closeBox(at end: Int) {
            if end > boxStart { items.append(.box(width: x(end) - x(boxStart))); sources.append(.box(boxStart..<end)) }
        }
        func parfill() {
            // Centred lines are balanced: the last one is measured like the others (TeX's
            // \parfillskip 0pt), so a title does not end with one word alone.
            let last = !justify && alignment == .center ? 0.0 : 100_000
            items.append(.glue(width: 0, stretch: last, shrink: 0, breakable: false)); sources.append(.word)
            items.append(.penalty(width: 0, cost: -LineBreaker.infinitePenalty, flagged: false)); sources.append(.forced)
        }
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            if let m = separators[i] {
                closeBox(at: i)
                items.append(.penalty(width: 0, cost: m.penalty, flagged: false)); sources.append(.separator(i))
                // TeX's math glue: \thickmuskip 5mu plus 5mu after a relation, \medmuskip 4mu plus
                // 2mu minus 4mu after an operator — but shrinking by half at most: the space
                // before the operator is inside the formula's piece and keeps its width, and an
                // operator squeezed against its right operand alone ("x² +y²") reads as a defect.
                let relation = m.penalty == 500
                items.append(.glue(width: m.gap, stretch: relation ? m.gap : m.gap / 2, shrink: relation ? 0 : m.gap / 2, breakable: false))
                sources.append(.separator(i))
                i += 1; boxStart = i
            } else if b == 0x20 {
                closeBox(at: i)
                var e = i
                while e < bytes.count && bytes[e] == 0x20 && separators[e] == nil { e += 1 }
                let w = x(e) - x(i)
                let sf = spaceFactor(bytes, before: i)
                items.append(
                    .glue(
                        // Ragged lines keep natural spaces; their right margin stretches instead.
                        width: w + (sf >= 2000 ? w / 3 : 0), stretch: justify ? w / 2 * sf / 1000 : 0,
                        shrink: justify ? w / 3 * 1000 / sf : 0,
                        breakable: true))
                sources.append(.space(bytes: i..<e))
                // No line ends on an en or em dash ("Marchenko –" / "Pastur"), spaced or not.
                if i >= 3, bytes[i - 3] == 0xE2, bytes[i - 2] == 0x80, bytes[i - 1] == 0x93 || bytes[i - 1] == 0x94,
                    case let .glue(gw, gy, gz, _) = items[items.count - 1]
                {
                    items[items.count - 1] = .glue(width: gw, stretch: gy, shrink: gz, breakable: false)
                }
                i = e; boxStart = i
            } else if b == 0xC2, i + 1 < bytes.count, bytes[i + 1] == 0xAD {
                closeBox(at: i)
                // Pango gives an unbroken soft hyphen some width of its own: it stays in the line.
                let own = x(i + 2) - x(i)
                if own != 0 { items.append(.box(width: own)); sources.append(.word) }
                items.append(.penalty(width: hyphen - own, cost: parameters.hyphenPenalty, flagged: true))
                sources.append(.softHyphen(i))
                i += 2; boxStart = i
            } else if b == 0x2D, i > 0, isLetter(bytes[i - 1]), i + 1 < bytes.count, isLetter(bytes[i + 1]) {
                // An explicit hyphen between letters: TeX's \exhyphenpenalty (50). En and em
                // dashes get no break after them ("Marchenko–" / "Pastur").
                closeBox(at: i + 1)
                items.append(.penalty(width: 0, cost: 50, flagged: true)); sources.append(.afterHyphen(i + 1))
                i += 1; boxStart = i
            } else if b == 0xE2, i + 2 < bytes.count, bytes[i + 1] == 0x80, bytes[i + 2] == 0xA8 {
                closeBox(at: i)
                parfill()
                i += 3; boxStart = i
            } else {
                i += 1
            }
        }
        closeBox(at: bytes.count)
        breakLongWords(&items, &sources, lineWidth: lineWidth, x: x, bytes)
        // A title (centred) always keeps its last word on the line before (a tie, as TeX's
        // `~`): its lines may be as short as it takes.
        avoidShortLastLine(&items, &sources, bytes, cost: !justify && alignment == .center ? nil : 700, lineWidth: lineWidth)
        parfill()
        var parameters = parameters
        // TeX's \emergencystretch for the last pass only: a narrow column is better set a
        // little loose than overfull. Half an em keeps every line within twice the natural
        // space on the pdflatex comparison (PeerLineBreakingTests) with fewer overfull lines.
        if parameters.emergencyStretch == 0 { parameters.emergencyStretch = 0.5 * emWidth() }
        // A ragged margin (ragged2e's \RaggedRight): up to a third of the line may stay empty.
        if !justify && parameters.rightSkipStretch == 0 { parameters.rightSkipStretch = lineWidth / 3 }
        let breaks = LineBreaker.breaks(items, width: lineWidth, parameters: parameters)
        guard !breaks.isEmpty else { return [] }
        return apply(breaks, items, sources, bytes, lineWidth: lineWidth, justify: justify, alignment: alignment)
    }

    /// A word longer than the line (a URL, an identifier) may break between any two characters,
    /// at a high cost, rather than run into the margin; such a line ends ragged (TeX's
    /// `glue(0, +S) penalty glue(0, -S)`: the stretch is there only when the line breaks).
    private func breakLongWords(
        _ items: inout [LineBreaker.Item], _ sources: inout [Source], lineWidth: Double, x: (Int) -> Double,
        _ bytes: [UInt8]
    ) {
        var outItems: [LineBreaker.Item] = [], outSources: [Source] = []
        func raggedBreak(_ cost: Int, width: Double = 0, flagged: Bool = false, _ source: Source) {
            outItems += [
                .glue(width: 0, stretch: lineWidth, shrink: 0, breakable: false),
                .penalty(width: width, cost: cost, flagged: flagged),
                .glue(width: 0, stretch: -lineWidth, shrink: 0, breakable: false),
            ]
            outSources += [.word, source, .word]
        }
        var k = 0
        while k < items.count {
            // A run of boxes and penalties between two spaces.
            var end = k, width = 0.0
            while end < items.count, case .box(let w) = items[end] { width += w; end += 1 }
            while end < items.count {
                if case .box(let w) = items[end] { width += w } else if case .penalty = items[end] {} else { break }
                end += 1
            }
            guard end > k, width > lineWidth else {
                outItems.append(items[k]); outSources.append(sources[k]); k += 1
                continue
            }
            for j in k..<end {
                switch (items[j], sources[j]) {
                case (.box, .box(let r)):
                    var from = r.lowerBound
                    for b in (r.lowerBound + 1)..<r.upperBound where bytes[b] & 0xC0 != 0x80 {
                        outItems.append(.box(width: x(b) - x(from))); outSources.append(.box(from..<b))
                        raggedBreak(5000, flagged: true, .afterHyphen(b))
                        from = b
                    }
                    outItems.append(.box(width: x(r.upperBound) - x(from))); outSources.append(.box(from..<r.upperBound))
                case (.penalty(let w, let c, let f), let source): raggedBreak(c, width: w, flagged: f, source)
                default: outItems.append(items[j]); outSources.append(sources[j])
                }
            }
            k = end
        }
        items = outItems
        sources = outSources
    }

    private func isLetter(_ b: UInt8) -> Bool { (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) || b >= 0x80 }

    /// TeX's space factor (\nonfrenchspacing): more room after a sentence, less shrink; a period
    /// after a capital (an initial) is an ordinary space. Closing quotes and brackets are skipped.
    private func spaceFactor(_ bytes: [UInt8], before end: Int) -> Double {
        var k = end - 1
        while k >= 0, [0x29, 0x5D, 0x22, 0x27].contains(bytes[k]) { k -= 1 }
        // ’ and ” (E2 80 99 / E2 80 9D)
        while k >= 2, bytes[k - 2] == 0xE2, bytes[k - 1] == 0x80, bytes[k] == 0x99 || bytes[k] == 0x9D { k -= 3 }
        guard k >= 0 else { return 1000 }
        switch bytes[k] {
        case 0x2E, 0x3F, 0x21: return k > 0 && bytes[k - 1] >= 0x41 && bytes[k - 1] <= 0x5A ? 1000 : 3000
        case 0x3A: return 2000
        case 0x3B: return 1500
        case 0x2C: return 1250
        default: return 1000
        }
    }

    /// A last line holding one short word reads as a defect: the break before it costs more.
    /// `cost` is the break's penalty; nil: no break there at all, unless the last two words
    /// together are wider than the line.
    private func avoidShortLastLine(
        _ items: inout [LineBreaker.Item], _ sources: inout [Source], _ bytes: [UInt8], cost: Int?, lineWidth: Double
    ) {
        guard let k = items.lastIndex(where: { if case .glue(_, _, _, true) = $0 { true } else { false } }),
            case .space(let r) = sources[k], case let .glue(w, y, z, _) = items[k]
        else { return }
        let tail = String(decoding: bytes[r.upperBound...], as: UTF8.self).filter { $0.isLetter || $0.isNumber }
        // Centred text (cost nil) keeps any last word company; a paragraph only a short one.
        guard tail.count <= 3 || cost == nil, items[(k + 1)...].allSatisfy({ if case .box = $0 { true } else { false } }) else { return }
        items[k] = .glue(width: w, stretch: y, shrink: z, breakable: false)
        var tied = w
        for item in items[(k + 1)...] { if case .box(let b) = item { tied += b } }
        for item in items[..<k].reversed() { if case .box(let b) = item { tied += b } else { break } }
        guard let cost = tied > lineWidth ? 700 : cost else { return }
        items.insert(.penalty(width: 0, cost: cost, flagged: false), at: k)
        sources.insert(sources[k], at: k)
    }

    /// Rewrites the text and its attributes so that Pango draws the chosen lines.
    private func apply(
        _ breaks: [LineBreaker.Break], _ items: [LineBreaker.Item], _ sources: [Source], _ bytes: [UInt8],
        lineWidth: Double, justify: Bool, alignment: Alignment
    ) -> [Int] {
        var out = bytes
        var inserted: [Int] = []
        var shapes: [(offset: Int, length: Int, width: Double)] = []
        var overfull: [Int] = []
        var start = 0
        for (line, br) in breaks.enumerated() {
            // The glue is set by the line's own stretch and shrink (the emergency stretch
            // only let the line be chosen, as in TeX).
            var natural = 0.0, stretch = 0.0, shrink = 0.0, leading = true
            for k in start..<br.item {
                switch items[k] {
                case .box(let w): natural += w; leading = false
                case let .glue(w, y, z, _) where !leading: natural += w; stretch += y; shrink += z
                default: break
                }
            }
            if case .penalty(let w, _, _) = items[br.item] { natural += w }
            let fill = lineWidth - natural
            var ratio = fill >= 0 ? (stretch > 0 ? fill / stretch : 0) : (shrink > 0 ? fill / shrink : -2)
            if case .forced = sources[br.item] { ratio = min(ratio, 0) }  // \parfillskip takes the rest
            if ratio < -1 { overfull.append(line) }
            ratio = justify ? max(ratio, -1) : 0
            var atLineStart = true
            for k in start..<br.item {
                if case .box = items[k] { atLineStart = false; continue }
                guard case let .glue(w, y, z, _) = items[k] else { continue }
                switch sources[k] {
                case .space(let r):
                    // Glue after a break is discarded, as in TeX: the spaces keep no width.
                    let set = atLineStart ? 0 : w + ratio * (ratio >= 0 ? y : z)
                    shapes.append((r.lowerBound, r.count, set))
                case .separator(let o): shapes.append((o, 1, atLineStart ? 0 : w + ratio * (ratio >= 0 ? y : z)))
                default: break
                }
            }
            switch sources[br.item] {
            case .space(let r): out[r.lowerBound] = 0x0A
            case .separator(let o): out[o] = 0x0A
            case .softHyphen(let o): out[o] = 0x2D; out[o + 1] = 0x0A
            case .afterHyphen(let o): inserted.append(o)
            case .forced, .word, .box: break
            }
            start = br.item + 1
        }
        // A space or separator that became "\n" keeps no shape (it ends the line).
        shapes = shapes.compactMap { s in
            let skip = out[s.offset] == 0x0A ? 1 : 0
            return s.length - skip > 0 ? (s.offset + skip, s.length - skip, s.width) : nil
        }
        inserted.sort()
        var text: [UInt8] = []
        text.reserveCapacity(out.count + inserted.count)
        var next = 0
        for (k, b) in out.enumerated() {
            while next < inserted.count && inserted[next] == k { text.append(0x0A); next += 1 }
            text.append(b)
        }
        let list = pango_layout_get_attributes(layout).map { pango_attr_list_copy($0) } ?? pango_attr_list_new()
        for p in inserted.reversed() { pango_attr_list_update(list, Int32(p), 0, 1) }
        insertedBreaks = inserted
        let scale = Double(PANGO_SCALE)
        for s in shapes {
            var rect = PangoRectangle(x: 0, y: 0, width: Int32((min(max(s.width, 0), 1e5) * scale).rounded()), height: 0)
            guard let attr = pango_attr_shape_new(&rect, &rect) else { continue }
            attr.pointee.start_index = UInt32(mapped(s.offset))
            attr.pointee.end_index = UInt32(mapped(s.offset) + s.length)
            pango_attr_list_insert(list, attr)
        }
        text.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { pango_layout_set_text(layout, $0.baseAddress, Int32($0.count)) }
        }
        pango_layout_set_attributes(layout, list)
        pango_attr_list_unref(list)
        measured = nil
        // Ragged lines are aligned here: the layout has no width of its own (Pango must not wrap).
        lineShifts = []
        var k: Int32 = 0
        while let l = pango_layout_get_line_readonly(layout, k) {
            var ink = PangoRectangle(), logical = PangoRectangle()
            pango_layout_line_get_extents(l, &ink, &logical)
            let w = Double(logical.width) / scale
            if w > lineWidth + 0.5, !overfull.contains(Int(k)) { overfull.append(Int(k)) }
            switch alignment {
            case .left: lineShifts.append(0)
            case .center: lineShifts.append(max(0, (lineWidth - w) / 2))
            case .right: lineShifts.append(max(0, lineWidth - w))
            }
            k += 1
        }
        measured = nil
        overfullLines = overfull.sorted()
        return overfullLines
    }

    /// The x of every cluster's start (and of the text's end) on the unwrapped layout, in one
    /// walk: asking Pango for each offset separately is linear per call.
    private func clusterEdges(count: Int) -> [Double?] {
        var edges = [Double?](repeating: nil, count: count + 1)
        guard let iter = pango_layout_get_iter(layout) else { return edges }
        defer { pango_layout_iter_free(iter) }
        let s = Double(PANGO_SCALE)
        var end = 0.0
        repeat {
            var ink = PangoRectangle(), logical = PangoRectangle()
            pango_layout_iter_get_cluster_extents(iter, &ink, &logical)
            let index = Int(pango_layout_iter_get_index(iter))
            if index < count { edges[index] = Double(logical.x) / s }
            end = Double(logical.x + logical.width) / s
        } while pango_layout_iter_next_cluster(iter) != 0
        edges[count] = end
        return edges
    }

    /// Widths of the hyphen and the em, by font: measured once per font, not per paragraph.
    nonisolated(unsafe) private static var probes: [String: (hyphen: Double, em: Double)] = [:]
    private static let probesLock = NSLock()
    private func probe() -> (hyphen: Double, em: Double) {
        let key = pango_layout_get_font_description(layout).flatMap { pango_font_description_to_string($0) }
        let name = key.map { String(cString: $0) } ?? ""
        g_free(key)
        Self.probesLock.lock()
        defer { Self.probesLock.unlock() }
        if let p = Self.probes[name] { return p }
        let p = (width(of: "-"), width(of: "M"))
        Self.probes[name] = p
        return p
    }
    private func hyphenWidth() -> Double { probe().hyphen }
    private func emWidth() -> Double { probe().em }

    private func width(of s: String) -> Double {
        guard let probe = pango_layout_copy(layout) else { return 0 }
        defer { g_object_unref(UnsafeMutableRawPointer(probe)) }
        pango_layout_set_attributes(probe, nil)
        pango_layout_set_text(probe, s, Int32(s.utf8.count))
        var ink = PangoRectangle(), logical = PangoRectangle()
        pango_layout_get_extents(probe, &ink, &logical)
        return Double(logical.width) / Double(PANGO_SCALE)
    }
}
