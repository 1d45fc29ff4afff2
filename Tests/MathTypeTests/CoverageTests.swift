import XCTest
@testable import MathType

/// Every command the parser knows draws real glyphs of Latin Modern Math (no .notdef boxes).
final class CoverageTests: XCTestCase {
    static let renderer = MathRenderer.shared

    func testEverySymbolCommandHasAGlyph() {
        var missing: [String] = []
        for (name, _) in Symbols.named.sorted(by: { $0.key < $1.key }) {
            let f = Self.renderer.layout("\\" + name, size: 10)
            let ids = f.items.compactMap { if case let .glyph(id, _, _, _, _) = $0 { id } else { nil } }
            if !f.errors.isEmpty || ids.isEmpty || ids.contains(0) { missing.append(name) }
        }
        XCTAssertEqual(missing, [], "symbols without a glyph in Latin Modern Math")
    }

    func testEveryAlphabetHasItsLetters() {
        for command in ["mathbf", "mathcal", "mathbb", "mathfrak", "mathsf", "mathit", "mathrm", "boldsymbol", "mathtt"] {
            for letters in ["ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz"] {
                if command == "mathcal" && letters.first == "a" { continue }  // no lowercase calligraphic in TeX
                let f = Self.renderer.layout("\\\(command){\(letters)}", size: 10)
                let ids = f.items.compactMap { if case let .glyph(id, _, _, _, _) = $0 { id } else { nil } }
                XCTAssertEqual(ids.count, 26, command)
                XCTAssertFalse(ids.contains(0), "\(command){\(letters)} has .notdef glyphs")
                // The alphabet is its own: no glyph is the plain letter's.
                if command != "mathrm" {
                    let plain = letters.unicodeScalars.compactMap { Self.renderer.font.glyph(for: $0) }
                    XCTAssertTrue(Set(ids).isDisjoint(with: plain), command)
                }
            }
        }
    }

    func testEveryCommandWithArgumentsParses() {
        let samples = [
            #"\frac{a}{b}"#, #"\tfrac12"#, #"\dfrac{a}{b}"#, #"\binom{n}{k}"#, #"\sqrt[3]{x}"#, #"\hat{x}"#, #"\widehat{xy}"#,
            #"\tilde{x}"#, #"\widetilde{xy}"#, #"\bar{x}"#, #"\overline{x}"#, #"\underline{x}"#, #"\dot{x}"#, #"\ddot{x}"#,
            #"\vec{x}"#, #"\overrightarrow{AB}"#, #"\underbrace{x}_{a}"#, #"\overbrace{x}^{a}"#, #"\stackrel{a}{=}"#,
            #"\overset{a}{=}"#, #"\underset{a}{=}"#, #"\sum_{\substack{i<n\\j<m}}"#, #"\operatorname{tr}"#,
            #"\operatorname*{arg\,max}_x"#, #"\left\lVert x\right\rVert"#, #"\left\lfloor x\right\rfloor"#,
            #"\left\lceil x\right\rceil"#, #"\left\langle x\middle| y\right\rangle"#, #"\bigl( \bigr)"#, #"\Big\{ \Big\}"#,
            #"\begin{aligned} a&=b\\c&=d\end{aligned}"#, #"\begin{cases} a & b\\ c & d\end{cases}"#,
            #"\begin{matrix} a\end{matrix}"#, #"\begin{bmatrix} a\end{bmatrix}"#, #"\begin{vmatrix} a\end{vmatrix}"#,
            #"\begin{array}{lcr} a&b&c\end{array}"#, #"x \tag{1}"#, #"\text{a b}"#, #"\mathrm{d}x"#, #"\int\limits_0^1"#,
            #"\sum\nolimits_0^1"#, #"\, \: \; \! \quad \qquad \hspace{1em}"#, #"\displaystyle\frac12 \textstyle\frac12"#,
            #"\not= \not\in"#, #"\mathrel{x} \mathbin{y}"#, #"\xrightarrow{f}"#, #"\boxed{x}"#, #"\phantom{x}"#,
        ]
        for tex in samples {
            let f = Self.renderer.layout(tex, style: .display, size: 10)
            XCTAssertEqual(f.errors, [], tex)
            XCTAssertFalse(f.items.contains { if case .glyph(0, _, _, _, _) = $0 { true } else { false } }, tex)
        }
    }
}
