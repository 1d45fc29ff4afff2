import XCTest
@testable import Report

final class CodeWrapTests: XCTestCase {
    func testLongLinesBreakWithinTheColumnsAndContinueFurtherIn() {
        let code = """
            let short = 1
                let net = MLP<Double>(widths: widths, activation: row.activation, initialization: .he, seed: 7)
            """
        let wrapped = CodeWrap.wrap(code, columns: 40).split(separator: "\n").map(String.init)
        XCTAssertEqual(wrapped[0], "let short = 1")
        XCTAssertTrue(wrapped.allSatisfy { $0.count <= 40 }, "\(wrapped)")
        XCTAssertGreaterThan(wrapped.count, 3)
        // Continuations start four columns further in than the statement (4 → 8 spaces).
        for line in wrapped.dropFirst(2) { XCTAssertTrue(line.hasPrefix("        ") && !line.hasPrefix("         ")) }
        // No code is lost: removing the added breaks and indentation gives the original tokens.
        let tokens = { (s: String) in s.split(whereSeparator: { $0 == " " || $0 == "\n" }).joined(separator: " ") }
        XCTAssertEqual(tokens(wrapped.joined(separator: "\n")), tokens(code))
    }

    func testShortCodeAndUnbreakableWordsAreLeftAlone() {
        XCTAssertEqual(CodeWrap.wrap("a\n  b", columns: 40), "a\n  b")
        let word = String(repeating: "x", count: 60)
        XCTAssertEqual(CodeWrap.wrap(word, columns: 40), word)
    }
}

final class PlainTitleTests: XCTestCase {
    func testMathInOutlineAndRunningHeadIsUnicode() {
        XCTAssertEqual(
            PDFReport.Writer.plainTitle([.text("Law 1: the "), .math("\\sigma^\\ell"), .text(" scaling")]),
            "Law 1: the σ^ℓ scaling")
    }
}
