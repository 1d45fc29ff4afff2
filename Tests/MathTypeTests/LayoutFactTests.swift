import Graphics
import XCTest
@testable import MathType

/// Layout facts from the TeXbook's Appendix G and the font's MATH table, measured on the display list.
final class LayoutFactTests: XCTestCase {
    static let renderer = try! MathRenderer()
    var font: MathFont { Self.renderer.font }
    var k: MathConstants { font.constants }

    func glyphs(_ f: MathLayout) -> [(id: UInt32, x: Double, y: Double, scale: Double)] {
        f.items.compactMap { if case let .glyph(id, x, y, s, _) = $0 { (id, x, y, s) } else { nil } }
    }
    func rules(_ f: MathLayout) -> [(x: Double, y: Double, w: Double, h: Double)] {
        f.items.compactMap { if case let .rule(x, y, w, h, _) = $0 { (x, y, w, h) } else { nil } }
    }
    func glyph(_ c: Unicode.Scalar) -> UInt32 { font.glyph(for: c)! }

    func testFractionBarIsCentredOnTheMathAxis() {
        for style in [MathStyle.display, .text] {
            let f = Self.renderer.layout(#"\frac{a+b}{c}"#, style: style, size: 10)
            let bars = rules(f)
            XCTAssertEqual(bars.count, 1)
            XCTAssertEqual(bars[0].y + bars[0].h / 2, 0.25, accuracy: 1e-9, "axis height of Latin Modern Math")
            XCTAssertEqual(bars[0].h, k.fractionRuleThickness, accuracy: 1e-9)
            // The numerator is above the bar and the denominator below it.
            let ys = glyphs(f).map(\.y)
            XCTAssertGreaterThan(ys.first!, bars[0].y + bars[0].h)
            XCTAssertLessThan(ys.last!, bars[0].y)
        }
    }

    func testDisplayFractionUsesDisplayShifts() {
        let d = glyphs(Self.renderer.layout(#"\frac{x}{y}"#, style: .display, size: 10))
        let t = glyphs(Self.renderer.layout(#"\frac{x}{y}"#, style: .text, size: 10))
        XCTAssertEqual(d[0].y, k.fractionNumeratorDisplayStyleShiftUp, accuracy: 1e-9)
        XCTAssertEqual(d[1].y, -k.fractionDenominatorDisplayStyleShiftDown, accuracy: 1e-9)
        XCTAssertGreaterThan(d[0].y, t[0].y)
        XCTAssertEqual(t[0].scale, k.scriptPercentScaleDown / 100, accuracy: 1e-9, "text fractions set their parts in script style")
    }

    func testSuperscriptShiftComesFromTheMathTable() {
        let plain = glyphs(Self.renderer.layout("x^2", style: .text, size: 10))
        XCTAssertEqual(plain.count, 2)
        XCTAssertEqual(plain[1].y, k.superscriptShiftUp, accuracy: 1e-9)
        XCTAssertEqual(plain[1].scale, 0.7, accuracy: 1e-9)
        // The superscript starts after the nucleus's italic correction.
        let x = font.metrics(plain[0].id)
        XCTAssertEqual(plain[1].x, x.advance + x.italic, accuracy: 1e-9)
        // Under a radical the style is cramped: the superscript sits lower.
        let cramped = glyphs(Self.renderer.layout(#"\sqrt{x^2}"#, style: .text, size: 10))
        let two = cramped.first { $0.scale < 1 }!
        XCTAssertEqual(two.y, k.superscriptShiftUpCramped, accuracy: 1e-9)
        XCTAssertLessThan(k.superscriptShiftUpCramped, k.superscriptShiftUp)
    }

    func testSubscriptAloneAndWithSuperscript() {
        let sub = glyphs(Self.renderer.layout("x_i", style: .text, size: 10))
        XCTAssertEqual(sub[1].y, -k.subscriptShiftDown, accuracy: 1e-9)
        let both = glyphs(Self.renderer.layout("x_i^2", style: .text, size: 10))
        let supBottom = both[2].y - font.metrics(both[2].id).depth * 0.7
        let subTop = both[1].y + font.metrics(both[1].id).height * 0.7
        XCTAssertGreaterThanOrEqual(supBottom - subTop, k.subSuperscriptGapMin - 1e-9)
    }

    func testDisplayLimitsGoAboveAndBelow() {
        let d = glyphs(Self.renderer.layout(#"\sum_{i}^{n}"#, style: .display, size: 10))
        let sum = d.first { $0.scale == 1 }!, n = d.first { $0.scale < 1 && $0.y > 0 }!, i = d.first { $0.scale < 1 && $0.y < 0 }!
        let m = font.metrics(sum.id)
        XCTAssertGreaterThanOrEqual(m.height + m.depth, k.displayOperatorMinHeight, "display ∑ is the large variant")
        XCTAssertGreaterThan(n.y - font.metrics(n.id).depth * 0.7, sum.y + m.height, "upper limit above the operator")
        XCTAssertLessThan(i.y + font.metrics(i.id).height * 0.7, sum.y - m.depth, "lower limit below the operator")
        // Centred horizontally over the operator.
        let centre = sum.x + m.advance / 2
        XCTAssertEqual(n.x + font.metrics(n.id).advance * 0.7 / 2, centre, accuracy: 0.02)

        // In text style the same limits become scripts to the right.
        let t = glyphs(Self.renderer.layout(#"\sum_{i}^{n}"#, style: .text, size: 10))
        let tsum = t.first { $0.scale == 1 }!
        XCTAssertTrue(t.filter { $0.scale < 1 }.allSatisfy { $0.x > tsum.x + font.metrics(tsum.id).advance * 0.9 })
        // \limits forces them above and below even for integrals, \nolimits to the side.
        let lim = glyphs(Self.renderer.layout(#"\int\limits_0^1"#, style: .text, size: 10))
        XCTAssertEqual(lim.filter { $0.scale < 1 }.count, 2)
        XCTAssertTrue(lim.filter { $0.scale < 1 }.allSatisfy { $0.x < lim[0].x + font.metrics(lim[0].id).advance })
        let nolim = glyphs(Self.renderer.layout(#"\sum\nolimits_0^1"#, style: .display, size: 10))
        XCTAssertTrue(nolim.filter { $0.scale < 1 }.allSatisfy { $0.x > font.metrics(nolim[0].id).advance * 0.9 })
    }

    func testDelimitersGrowWithTheirContent() {
        let bodies = ["x", #"\frac{a}{b}"#, #"\frac{\frac{a}{b}}{\frac{c}{d}}"#, #"\begin{matrix}1\\2\\3\\4\end{matrix}"#]
        let heights = bodies.map { Self.renderer.layout(#"\left(\#($0)\right)"#, style: .display, size: 10).height }
        for (a, b) in zip(heights, heights.dropFirst()) { XCTAssertGreaterThan(b, a) }
        // The delimiter covers its content.
        for body in bodies {
            let inner = Self.renderer.layout(body, style: .display, size: 10)
            let outer = Self.renderer.layout(#"\left(\#(body)\right)"#, style: .display, size: 10)
            XCTAssertGreaterThanOrEqual(outer.height, inner.height * 0.9 - 0.001, body)
        }
    }

    func testAssembledDelimiterIsTallerThanTheLargestVariant() {
        let paren = glyph("(")
        let variants = font.variants(paren, vertical: true)
        let largest = variants.map { font.metrics($0.glyph) }.map { $0.height + $0.depth }.max()!
        let rows = (1...14).map(String.init).joined(separator: #"\\"#)
        let f = Self.renderer.layout(#"\left(\begin{matrix}\#(rows)\end{matrix}\right."#, style: .display, size: 10)
        let variantIds = Set(variants.map(\.glyph))
        let parts = Set(font.assembly(paren, vertical: true).parts.map(\.glyph))
        let used = glyphs(f).filter { parts.contains($0.id) }
        XCTAssertGreaterThanOrEqual(used.count, 3, "built from the assembly: hook, extenders, hook")
        XCTAssertTrue(glyphs(f).allSatisfy { !variantIds.contains($0.id) || parts.contains($0.id) })
        let top = used.map { $0.y + font.metrics($0.id).height }.max()!
        let bottom = used.map { $0.y - font.metrics($0.id).depth }.min()!
        XCTAssertGreaterThan(top - bottom, largest)
        XCTAssertGreaterThan(top - bottom, 14 * 1.2 * 0.9, "covers 14 rows of the matrix")
    }

    func testWideAccentGrowsAndPlainAccentDoesNot() {
        let hat = glyph("\u{302}")
        let wide = glyphs(Self.renderer.layout(#"\widehat{abcdef}"#, style: .text, size: 10))
        let narrow = glyphs(Self.renderer.layout(#"\hat{abcdef}"#, style: .text, size: 10))
        XCTAssertTrue(narrow.contains { $0.id == hat })
        XCTAssertFalse(wide.contains { $0.id == hat })
        let wideAccent = wide.max { $0.y < $1.y }!
        XCTAssertGreaterThan(font.metrics(wideAccent.id).advance, font.metrics(hat).advance * 2)
    }

    func testTextAndMathShareTheBaseline() {
        let f = glyphs(Self.renderer.layout(#"x + \text{for all } y"#, style: .text, size: 10))
        XCTAssertTrue(f.allSatisfy { abs($0.y) < 1e-12 })
    }

    func testMathBaselineMatchesPangoTextBaseline() {
        // Drawn at the same baseline, Pango's "x" (Latin Modern Roman) and MathType's \mathrm{x}
        // have their ink bottoms on the same pixel row.
        func inkBottom(_ draw: (Canvas) -> Void) -> Int {
            let canvas = Canvas(.png(dpi: 288), width: 60, height: 60)
            draw(canvas)
            let (w, h, rgba) = canvas.pixels()
            var bottom = 0
            for y in 0..<h { for x in 0..<w where rgba[(y * w + x) * 4] < 128 { bottom = max(bottom, y) } }
            return bottom
        }
        let baseline = 40.0
        let math = inkBottom { c in Self.renderer.layout(#"\mathrm{x}"#, size: 24).draw(on: c, at: Point(10, baseline)) }
        let text = inkBottom { c in
            let t = TextLayout(canvas: c, markup: "x", font: "Latin Modern Roman, 24")
            t.draw(on: c, at: Point(10, baseline - t.firstBaseline))
        }
        XCTAssertEqual(math, text, accuracy: 1)
        XCTAssertEqual(Double(math), baseline * 4, accuracy: 2)
    }

    func testInterAtomSpacingFollowsTeX() {
        func advance(_ tex: String) -> Double { Self.renderer.layout(tex, style: .text, size: 18).width / 18 }
        let a = glyph("\u{1D44E}")
        let plus = glyph("+"), eq = glyph("=")
        let wa = font.metrics(a).advance + font.metrics(a).italic
        XCTAssertEqual(advance("a+a"), 2 * wa + font.metrics(plus).advance + 2 * 4 / 18, accuracy: 1e-9)
        XCTAssertEqual(advance("a=a"), 2 * wa + font.metrics(eq).advance + 2 * 5 / 18, accuracy: 1e-9)
        // A typed | is ordinary (it is both \\lvert and \\rvert): no space around it, every run.
        let bar = font.metrics(glyph("|")).advance
        XCTAssertEqual(advance("a|a"), 2 * wa + bar, accuracy: 1e-9)
        XCTAssertEqual(advance(#"a\le a"#), advance("a≤a"), accuracy: 1e-9)
        // A leading + is unary: no spaces (rule 5).
        XCTAssertEqual(advance("+a"), wa + font.metrics(plus).advance, accuracy: 1e-9)
        // No medium spaces in script style.
        let scripted = Self.renderer.layout("x^{a+a}", style: .text, size: 10)
        let gs = glyphs(scripted).filter { $0.scale < 1 }
        let gap = gs[1].x - (gs[0].x + (font.metrics(gs[0].id).advance + font.metrics(gs[0].id).italic) * 0.7)
        XCTAssertEqual(gap, 0, accuracy: 1e-9)
    }

    func testAlphabetsMapToMathematicalAlphanumerics() {
        XCTAssertEqual(Alphabets.map("R", .doubleStruck), "\u{211D}")
        XCTAssertEqual(Alphabets.map("E", .doubleStruck), "\u{1D53C}")
        XCTAssertEqual(Alphabets.map("L", .script), "\u{2112}")
        XCTAssertEqual(Alphabets.map("N", .script), "\u{1D4A9}")
        XCTAssertEqual(Alphabets.map("W", .bold), "\u{1D416}")
        XCTAssertEqual(Alphabets.map("\u{3B8}", .boldItalic), "\u{1D73D}")
        XCTAssertEqual(Alphabets.map("\u{3B8}", .italic), "\u{1D703}")
        XCTAssertEqual(Alphabets.map("h", .italic), "\u{210E}")
        XCTAssertEqual(Alphabets.map("\u{3F5}", .italic), "\u{1D716}")
        XCTAssertEqual(Alphabets.map("g", .fraktur), "\u{1D524}")
    }

    func testTagIsSetApart() {
        let f = Self.renderer.layout(#"E = mc^2 \tag{1.2}"#, style: .display, size: 10)
        XCTAssertEqual(f.errors, [])
        XCTAssertNotNil(f.tag)
        XCTAssertGreaterThan(f.tag!.width, 0)
        XCTAssertLessThan(f.width, Self.renderer.layout("E = mc^2 (1.2)", style: .display, size: 10).width)
    }

    func testTextMayContainMath() {
        let f = glyphs(Self.renderer.layout(#"\text{if $x$ and}"#, style: .text, size: 10))
        let italicX = glyph("\u{1D465}")
        XCTAssertEqual(f.filter { $0.id == italicX }.count, 1, "the x between dollars is math italic")
        XCTAssertEqual(f.count, 8, "i f ␣ x ␣ a n d: spaces are shaped glyphs too")
    }

    func testArrayRules() {
        let f = Self.renderer.layout(#"\begin{array}{|c|c|} \hline a & b \\ \hline c & d \\ \hline \end{array}"#, style: .text, size: 10)
        XCTAssertEqual(f.errors, [])
        let r = rules(f)
        let horizontal = r.filter { $0.w > $0.h }, vertical = r.filter { $0.h > $0.w }
        XCTAssertEqual(horizontal.count, 3)
        XCTAssertEqual(vertical.count, 3)
        // The middle rule lies between the rows' glyphs; the outer ones enclose everything.
        let ys = glyphs(f).map(\.y)
        let middle = horizontal.map(\.y).sorted()[1]
        XCTAssertTrue(ys.contains { $0 > middle } && ys.contains { $0 < middle })
        XCTAssertEqual(vertical.map(\.h).max()!, horizontal.map(\.y).max()! - horizontal.map(\.y).min()!, accuracy: 1e-9)
    }

    func testLabelsMixTextAndMath() {
        let label = MathRenderer.shared.layoutText(#"weights $W_{ij}$ at depth $\ell$"#, size: 10)
        XCTAssertEqual(label.errors, [])
        let ids = glyphs(label).map(\.id)
        XCTAssertTrue(ids.contains(glyph("\u{1D44A}")), "W is math italic")
        XCTAssertTrue(ids.contains(glyph("\u{2113}")), "ℓ")
        XCTAssertTrue(ids.contains(glyph("w")), "text is upright")
        let bad = MathRenderer.shared.layoutText("a $x^$ b", size: 10)
        XCTAssertEqual(bad.errors.first?.offset, 5)
    }

    func testIntegralScriptsUseTheItalicCorrectionOpenTypeStyle() {
        // OpenType operators: superscript at the advance, subscript moved left by the italic correction.
        let f = glyphs(Self.renderer.layout(#"\int_0^1"#, style: .text, size: 10))
        let m = font.metrics(f[0].id)
        XCTAssertGreaterThan(m.italic, 0.1)
        let sub = f.first { $0.scale < 1 && $0.y < 0 }!, sup = f.first { $0.scale < 1 && $0.y > 0 }!
        XCTAssertEqual(sup.x, m.advance, accuracy: 1e-9)
        XCTAssertEqual(sub.x, m.advance - m.italic, accuracy: 1e-9)
    }

    func testPrimesStayFullSizeAndStackOverSubscripts() {
        let f = glyphs(Self.renderer.layout("h'_i", style: .text, size: 10))
        let prime = f.first { $0.id == glyph("\u{2032}") }!, i = f.first { $0.scale < 1 }!
        XCTAssertEqual(prime.scale, 1, "the font's prime is already raised and small")
        XCTAssertEqual(prime.y, 0)
        XCTAssertLessThan(i.x, prime.x + font.metrics(prime.id).advance, "the subscript sits under the prime")
    }

    func testNamedOperatorsTakeLimitsLikeTeX() {
        for tex in [#"\operatorname*{argmax}_{x}"#, #"\mathop{\mathrm{argmax}}_{x}"#, #"\max_{x}"#] {
            let g = glyphs(Self.renderer.layout(tex, style: .display, size: 10))
            let x = g.first { $0.scale < 1 }!
            XCTAssertLessThan(x.y, -0.3, "\(tex): limit below in display style")
            XCTAssertLessThan(x.x, g.filter { $0.scale == 1 }.map(\.x).max()!, "\(tex): under the name")
        }
        // \operatorname (no star) and \sin keep their scripts at the side even in display style.
        for tex in [#"\operatorname{tr}_{x}"#, #"\sin_{x}"#] {
            let g = glyphs(Self.renderer.layout(tex, style: .display, size: 10))
            let x = g.first { $0.scale < 1 }!
            XCTAssertGreaterThan(x.x, g.filter { $0.scale == 1 }.map(\.x).max()!, tex)
        }
    }

    func testInfixFractions() {
        let over = Self.renderer.layout(#"{a \over b}"#, style: .display, size: 10)
        let frac = Self.renderer.layout(#"\frac{a}{b}"#, style: .display, size: 10)
        XCTAssertEqual(over.items, frac.items)
        let choose = Self.renderer.layout(#"n \choose k"#, style: .display, size: 10)
        XCTAssertEqual(rules(choose).count, 0)
        XCTAssertTrue(glyphs(choose).contains { $0.id == glyph("(") || font.variants(glyph("("), vertical: true).map(\.glyph).contains($0.id) })
    }

    func testColours() {
        let f = Self.renderer.layout(#"a + \textcolor{red}{b} + {\color{#0000ff} c}"#, style: .text, size: 10)
        XCTAssertEqual(f.errors, [])
        let colours = f.items.compactMap { if case let .glyph(_, _, _, _, c) = $0 { c } else { nil } }
        XCTAssertEqual(colours, [Color(hex: 0xFF0000), Color(hex: 0x0000FF)], "a and + keep the caller's colour")
        XCTAssertEqual(Self.renderer.layout(#"\color{nocolour} x"#, size: 10).errors.first?.message, "unknown colour 'nocolour'")
    }
}
