import XCTest
@testable import MathType

/// The plain-text form of formulas (PDF outline, running heads, page descriptions, the site
/// index) comes from the parser that typesets them.
final class PlainTextTests: XCTestCase {
    func testSymbolsAndScriptsAreUnicode() {
        XCTAssertEqual(MathPlainText.plain(#"\sigma^\ell"#), "σ^ℓ")
        XCTAssertEqual(MathPlainText.plain(#"\sigma_w/\sqrt{2}"#), "σ_w/√2")
        XCTAssertEqual(MathPlainText.plain("x^2 + y_i"), "x² + yᵢ")
        XCTAssertEqual(MathPlainText.plain("n^{-1/2}"), "n^(−1/2)", "a script with a character that has no script form")
        XCTAssertEqual(MathPlainText.plain(#"3 \cdot 10^{-2}"#), "3 ⋅ 10⁻²", "the dot operator U+22C5")
        XCTAssertEqual(MathPlainText.plain("W_{ij}"), "Wᵢⱼ")
        XCTAssertEqual(MathPlainText.plain("f'(x) + A^T"), "f′(x) + Aᵀ")
    }

    func testSpacingFollowsTeXsAtomClasses() {
        XCTAssertEqual(MathPlainText.plain("(1, n, n, 1)"), "(1,\u{2009}n,\u{2009}n,\u{2009}1)", "thin space after punctuation")
        XCTAssertEqual(MathPlainText.plain("a=b"), "a = b")
        XCTAssertEqual(MathPlainText.plain("-x"), "−x", "a leading minus is unary: no space")
        XCTAssertEqual(MathPlainText.plain(#"\log x"#), "log\u{2009}x")
        XCTAssertEqual(MathPlainText.plain("x_{a+b}"), "x_(a+b)", "no operator space in scripts")
    }

    func testAlphabetsFractionsAndNames() {
        XCTAssertEqual(MathPlainText.plain(#"\mathrm{Length}\,\mathbb{E}"#), "Length\u{2009}𝔼")
        XCTAssertEqual(MathPlainText.plain(#"x \in \mathbb{R}^n, \mathcal{N}(0, 1)"#), "x ∈ ℝⁿ,\u{2009}𝒩(0,\u{2009}1)")
        XCTAssertEqual(MathPlainText.plain(#"\mathbf{W}"#), "W", "bold letters stay letters text search finds")
        XCTAssertEqual(MathPlainText.plain(#"\frac{a}{bc}"#), "a/(bc)")
        XCTAssertEqual(MathPlainText.plain(#"\frac12"#), "1/2")
        XCTAssertEqual(MathPlainText.plain(#"\sqrt{x+1}"#), "√(x + 1)")
        XCTAssertEqual(MathPlainText.plain(#"\left\| x \right\|_2"#), "‖x‖₂")
        XCTAssertEqual(MathPlainText.plain(#"\sum_{i=1}^n \alpha_i"#), "∑_(i=1)ⁿ\u{2009}αᵢ")
    }

    func testAFormulaTheParserRejectsIsGivenAsWritten() {
        XCTAssertEqual(MathPlainText.plain(#" \frac{a "#), #"\frac{a"#)
    }

    func testProseKeepsItsTextAndSetsItsMath() {
        XCTAssertEqual(MathPlainText.prose("cost $\\$5$ and $x_i$"), "cost $5 and xᵢ")
        XCTAssertEqual(MathPlainText.prose("rate $n^{-1/2}$, not $n^{-1}$."), "rate n^(−1/2), not n⁻¹.")
        XCTAssertEqual(MathPlainText.prose("an unclosed $x"), "an unclosed $x")
    }
}
