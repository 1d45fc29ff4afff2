import Graphics
import XCTest
@testable import MathType

/// Rows of math environments, on the display list: `\\[len]` with LaTeX's two meanings
/// (array and cases deepen the row's strut, amsmath's aligned and gathered skip more), and
/// tall rows (`\dfrac`) kept apart so a denominator never touches the next numerator.
final class ArrayRowSpacingTests: XCTestCase {
    static let renderer = try! MathRenderer()
    var font: MathFont { Self.renderer.font }

    func layout(_ tex: String) -> MathLayout {
        let f = Self.renderer.layout(tex, style: .display, size: 10)
        XCTAssertEqual(f.errors, [], tex)
        return f
    }

    func glyphs(_ f: MathLayout) -> [(id: UInt32, x: Double, y: Double, scale: Double)] {
        f.items.compactMap { if case let .glyph(id, x, y, s, _) = $0 { (id, x, y, s) } else { nil } }
    }

    /// The glyph id the formula `letter` alone is drawn with (a math italic letter).
    func glyphID(_ letter: String) -> UInt32 { glyphs(Self.renderer.layout(letter, size: 10))[0].id }

    /// The baseline (ems, y up) of the glyph drawing `letter` in `tex`.
    func baseline(of letter: String, in tex: String) -> Double {
        let id = glyphID(letter)
        guard let g = glyphs(layout(tex)).first(where: { $0.id == id }) else {
            XCTFail("no '\(letter)' in \(tex)")
            return 0
        }
        return g.y
    }

    /// Distance between the baselines of the rows holding `a` and `b`.
    func rowDistance(_ tex: String) -> Double { baseline(of: "a", in: tex) - baseline(of: "b", in: tex) }

    func testRowSpaceInAlignedAndGatheredSkipsItsLengthMore() {
        let ex = 0.431  // 1ex in ems of Latin Modern at 10 pt, as Commands.length reads it
        for (env, row1, row2) in [("aligned", "x &= a", "y &= b"), ("gathered", "x = a", "y = b")] {
            let plain = rowDistance(#"\begin{\#(env)} \#(row1) \\ \#(row2) \end{\#(env)}"#)
            let spaced = rowDistance(#"\begin{\#(env)} \#(row1) \\[2ex] \#(row2) \end{\#(env)}"#)
            XCTAssertEqual(spaced - plain, 2 * ex, accuracy: 1e-9, env)
            let points = rowDistance(#"\begin{\#(env)} \#(row1) \\[4pt] \#(row2) \end{\#(env)}"#)
            XCTAssertEqual(points - plain, 0.4, accuracy: 1e-9, "\(env): 4pt is 0.4 em at 10 pt")
        }
        // Outside any environment, rows stack as amsmath's gather does.
        XCTAssertEqual(rowDistance(#"a \\[1em] b"#) - rowDistance(#"a \\ b"#), 1, accuracy: 1e-9)
    }

    /// In LaTeX's array (and so in cases and the matrices), `\\[len]` ends the row with a strut
    /// `len` deeper than the normal one: a row of ordinary height moves down by `len`.
    func testRowSpaceInArraysDeepensTheStrut() {
        for env in ["matrix", "pmatrix", "bmatrix", "vmatrix", "cases", "array}{cc"] {
            let name = env.split(separator: "}").first!
            let plain = rowDistance(#"\begin{\#(env)} a & 1 \\ b & 2 \end{\#(name)}"#)
            let spaced = rowDistance(#"\begin{\#(env)} a & 1 \\[3pt] b & 2 \end{\#(name)}"#)
            XCTAssertEqual(spaced - plain, 0.3, accuracy: 1e-9, env)
            // A negative length pulls the next row up by it.
            let tight = rowDistance(#"\begin{\#(env)} a & 1 \\[-2pt] b & 2 \end{\#(name)}"#)
            XCTAssertEqual(tight - plain, -0.2, accuracy: 1e-9, env)
        }
        // A row already deeper than strut + len keeps its depth (the strut is a minimum).
        let deep = #"\begin{matrix} \dfrac{a}{y_{y_y}} \\ b \end{matrix}"#
        let deepSpaced = #"\begin{matrix} \dfrac{a}{y_{y_y}} \\[1pt] b \end{matrix}"#
        XCTAssertEqual(rowDistance(deepSpaced), rowDistance(deep), accuracy: 1e-9)
    }

    func testCasesRowsAreStretchedAsAmsmathSetsThem() {
        let cases = rowDistance(#"\begin{cases} a & x \\ b & y \end{cases}"#)
        let matrix = rowDistance(#"\begin{matrix} a & x \\ b & y \end{matrix}"#)
        XCTAssertEqual(matrix, 1.2, accuracy: 1e-9, "a 1.2 em baselineskip")
        XCTAssertEqual(cases, 1.2 * 1.2, accuracy: 1e-9, "\\arraystretch 1.2")
    }

    /// The lowest ink of the denominator above and the highest ink of the numerator below
    /// stay apart by at least a quarter em in cases and aligned, and by TeX's \lineskip in a
    /// matrix (where LaTeX lets them touch).
    func testRowsOfDisplayFractionsDoNotTouch() {
        let formulas: [(String, Double)] = [
            (#"f = \begin{cases} \dfrac{a}{q} & x > 0 \\ \dfrac{b}{y} & x \le 0 \end{cases}"#, 0.25),
            (#"\begin{aligned} u &= \dfrac{a}{q} \\ v &= \dfrac{b}{y} \end{aligned}"#, 0.25),
            (#"\begin{pmatrix} \dfrac{a}{q} \\ \dfrac{b}{y} \end{pmatrix}"#, 0.1),
            (#"\begin{cases} \dfrac{a}{q} \\[2ex] \dfrac{b}{y} \end{cases}"#, 0.25),
        ]
        let (q, b) = (glyphID("q"), glyphID("b"))
        for (tex, least) in formulas {
            let g = glyphs(layout(tex))
            guard let denominator = g.first(where: { $0.id == q }), let numerator = g.first(where: { $0.id == b }) else {
                XCTFail(tex)
                continue
            }
            let bottom = denominator.y - font.metrics(q).depth * denominator.scale
            let top = numerator.y + font.metrics(b).height * numerator.scale
            XCTAssertGreaterThanOrEqual(bottom - top, least - 1e-9, "gap \(bottom - top) em in \(tex)")
        }
    }

    func testAnUnreadableRowSpaceIsAnErrorAtItsBracket() {
        let tex = #"\begin{aligned} a &= b \\[wide] c &= d \end{aligned}"#
        let f = Self.renderer.layout(tex, size: 10)
        XCTAssertEqual(f.errors.count, 1)
        XCTAssertEqual(f.errors.first?.offset, Array(tex.unicodeScalars).firstIndex(of: "["))
        XCTAssertTrue(f.errors.first?.message.contains("wide") ?? false, f.errors.first?.message ?? "")
        // An unclosed bracket is no row space: the row begins with "[" as written.
        XCTAssertEqual(Self.renderer.layout(#"\begin{matrix} a \\ [b \end{matrix}"#, size: 10).errors, [])
    }
}
