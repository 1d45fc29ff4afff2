import XCTest

@testable import Notebook

/// Text-valued cell options (`caption`) are read as written unless quoted or a YAML block:
/// the colons, `#`, quotes and TeX backslashes of real captions survive.
final class TextOptionTests: XCTestCase {
    func caption(_ lines: String...) throws -> CellOptions {
        let text = "```swift\n" + lines.map { "//| " + $0 + "\n" }.joined() + "let a = 1\n```\n"
        let document = try Document.parse(text, path: "c.md")
        return try XCTUnwrap(document.cells.first).options
    }

    func testAnUnquotedCaptionIsTheRestOfTheLineAsWritten() throws {
        XCTAssertEqual(try caption("caption: (a) The fit: median and band").caption, "(a) The fit: median and band")
        XCTAssertEqual(try caption("caption: Left: the loss. Right: the fit.").caption, "Left: the loss. Right: the fit.")
        XCTAssertEqual(try caption("caption: Run #3 of 5, seed # 7").caption, "Run #3 of 5, seed # 7", "`#` is not a comment")
        XCTAssertEqual(try caption(#"caption: The $\alpha$-fit with \texttt{lr} = 0.1"#).caption, #"The $\alpha$-fit with \texttt{lr} = 0.1"#)
        XCTAssertEqual(try caption("caption: Moran's I, \"local\" and [global] {x}").caption, "Moran's I, \"local\" and [global] {x}")
        XCTAssertEqual(try caption("caption: - a dash, * a star, & an ampersand").caption, "- a dash, * a star, & an ampersand")
    }

    func testQuotedCaptionsKeepYAMLsMeaningButNotItsTeXEatingEscapes() throws {
        XCTAssertEqual(try caption(#"caption: "Left: the loss. Right: the fit.""#).caption, "Left: the loss. Right: the fit.")
        XCTAssertEqual(
            try caption(#"caption: "The $\alpha$ and \texttt{x}, $\nabla f$, $\beta$""#).caption, #"The $\alpha$ and \texttt{x}, $\nabla f$, $\beta$"#)
        XCTAssertEqual(try caption(#"caption: "Escaped \"quotes\" and $\\sigma$""#).caption, #"Escaped "quotes" and $\sigma$"#)
        XCTAssertEqual(try caption("caption: 'It''s $\\ell$: the depth'").caption, "It's $\\ell$: the depth")
        XCTAssertEqual(try caption("caption: \"Quoted\" # a YAML comment after the closing quote").caption, "Quoted")
    }

    func testMultiLineYAMLFormsKeepWorking() throws {
        XCTAssertEqual(try caption("caption: |", "  Two lines: kept", "  as written.").caption, "Two lines: kept\nas written.")
        XCTAssertEqual(try caption("caption: >-", "  Folded: into", "  one line.", "echo: false").caption, "Folded: into one line.")
        XCTAssertEqual(try caption("caption: >-", "  Folded", "echo: false").echo, false, "the next key ends the block")
        XCTAssertEqual(try caption("caption: A long caption:", "  continued below.").caption, "A long caption: continued below.")
        XCTAssertEqual(try caption("caption: \"A quoted one", "  over two lines\"").caption, "A quoted one over two lines")
    }

    func testACaptionIsPlacedForWarningsAboutItsMath() throws {
        let options = try caption("label: fig-x", "caption: The fit: $\\alpha$")
        XCTAssertEqual(options.captionPlace, CellOptions.TextPlace(line: 3, column: 14, verbatim: true))
        XCTAssertEqual(options.lineCount, 2)
    }

    func testAQuotedCaptionYAMLCannotReadSaysWhatToWrite() {
        for (value, advice) in [
            ("'Moran's I'", "write `//| caption: Moran's I`"),
            ("\"open ended", "write `//| caption: open ended`"),
            ("\"a\" and \"b\"", "write `//| caption: a\" and \"b`"),
        ] {
            XCTAssertThrowsError(try caption("caption: " + value), value) { error in
                let d = error as! Diagnostic
                XCTAssertEqual("\(d.line):\(d.column)", "2:14", value)
                XCTAssertTrue(d.message.contains(advice), d.message)
            }
        }
        XCTAssertThrowsError(try caption("caption:")) { error in
            XCTAssertTrue((error as! Diagnostic).message.contains("needs a text value"))
        }
    }

    func testOtherOptionsAreStillYAML() {
        XCTAssertThrowsError(try caption("fig-width: a: b: c")) { error in
            let d = error as! Diagnostic
            XCTAssertTrue(d.message.contains("must be quoted, e.g. fig-width: \"a: b: c\""), d.message)
        }
        XCTAssertEqual(try caption("label: fig-x # a comment").label, "fig-x")
    }
}
