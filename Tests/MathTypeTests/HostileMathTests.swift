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
        // Lengths up to TeX's limit are accepted (16000 pt is 1600 em at 10 pt).
        XCTAssertNil(error(#"a\hspace{16000pt}b"#))
        XCTAssertEqual(Self.renderer.layout(#"a\hspace{16000pt}b"#, size: 10).width, 16000, accuracy: 30)
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

    func testLongFlatFormulasLayOutOrAreTooLarge() {
        // 800 symbols fit within \maxdimen (1638 em); 100 000 do not (TeX's "dimension too large").
        let fits = Self.renderer.layout(Array(repeating: "x+", count: 400).joined() + "y", size: 10)
        XCTAssertTrue(fits.errors.isEmpty)
        XCTAssertGreaterThan(fits.width, 500)
        let start = Date()
        let long = Self.renderer.layout(Array(repeating: "x+", count: 50_000).joined() + "y", size: 10)
        XCTAssertEqual(long.errors.first?.message, #"formula too large: beyond TeX's \maxdimen (16383.99998pt) across or up"#)
        XCTAssertLessThan(long.width, 2000, "drawn as the red box")
        XCTAssertLessThan(Date().timeIntervalSince(start), 30)
        let many = String(repeating: #"\hspace{16383pt}"#, count: 3)
        XCTAssertEqual(error(many)?.hasPrefix("formula too large"), true)
    }
}
