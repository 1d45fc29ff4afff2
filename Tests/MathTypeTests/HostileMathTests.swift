import Foundation
import Graphics
import XCTest
@testable import MathType

/// Formulas a hostile or careless notebook may hold: huge dimensions, deep nesting of every
/// kind, very long formulas. Each is an error with a message (drawn as the red box) or a
/// layout of bounded size, never a trap or a stack overflow.
final class HostileMathTests: XCTestCase {
    static let renderer = try! MathRenderer()

    func error(_ tex: String) -> String? { Self.renderer.layout(tex, size: 10).errors.first?.message }

    func testDimensionsBeyondMaxdimenAreErrors() {
        for tex in [#"\hspace{1e9pt}"#, #"\kern{100000pt}"#, #"x\hskip{-20000pt}y"#, #"\mkern{1e12mu}"#, #"\hspace{1700em}"#] {
            XCTAssertEqual(error(tex)?.hasPrefix("dimension too large"), true, tex)
        }
        for tex in [#"\hspace{nanpt}"#, #"\kern{infpt}"#, #"\hspace{-infem}"#] {
            XCTAssertEqual(error(tex)?.hasPrefix("cannot read the length"), true, tex)
        }
        // TeX's own limit is accepted: 16383 pt is 1638.3 em at 10 pt.
        XCTAssertNil(error(#"a\hspace{16383pt}b"#))
        XCTAssertEqual(Self.renderer.layout(#"a\hspace{16383pt}b"#, size: 10).width, 16383, accuracy: 30)
        // \rule and \raisebox are not in the subset: an error, not a huge box.
        XCTAssertEqual(error(#"\rule{100000pt}{100000pt}"#), #"unknown command \rule"#)
        XCTAssertEqual(error(#"\raisebox{1e9pt}{x}"#), #"unknown command \raisebox"#)
    }

    func testEveryKindOfDeepNestingIsAnError() {
        let n = 10_000
        let cases = [
            String(repeating: #"\frac{1}{"#, count: n) + "x" + String(repeating: "}", count: n),
            String(repeating: "{", count: n) + "x" + String(repeating: "}", count: n),
            String(repeating: #"\sqrt{"#, count: n) + "x" + String(repeating: "}", count: n),
            String(repeating: #"\sqrt"#, count: n) + "x",
            String(repeating: #"\left("#, count: n) + "x" + String(repeating: #"\right)"#, count: n),
            String(repeating: #"\begin{matrix}"#, count: n) + "x" + String(repeating: #"\end{matrix}"#, count: n),
            String(repeating: #"\displaystyle "#, count: n) + "x",
            String(repeating: "x^{", count: n) + "x" + String(repeating: "}", count: n),
            String(repeating: #"\color{red}"#, count: n) + "x",
            String(repeating: "a \\over ", count: n) + "b",
        ]
        for tex in cases {
            XCTAssertEqual(error(tex), "formula nested too deeply", String(tex.prefix(30)))
        }
    }

    func testLongFlatFormulasLayOut() {
        let long = Array(repeating: "x+", count: 50_000).joined() + "y"
        let start = Date()
        let m = Self.renderer.layout(long, size: 10)
        XCTAssertTrue(m.errors.isEmpty)
        XCTAssertGreaterThan(m.width, 100_000)
        XCTAssertLessThan(Date().timeIntervalSince(start), 60)
    }
}
