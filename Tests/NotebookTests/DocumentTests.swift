import XCTest
@testable import Notebook

final class DocumentTests: XCTestCase {
    let sample = """
        ---
        title: Sample
        author: [A. One, B. Two]
        seed: 7
        params:
          width: 100
          sigma: 2.0
          act: relu
          bias: false
        ---

        # The law

        For weights $W_{ij} \\sim \\mathcal{N}(0, \\sigma^2/n)$ and a set $\\{x\\}$, costs $5 and $6.

        ```swift
        //| label: fig-circle
        //| echo: false
        let x = 1
        print(x)
        ```

        $$
        \\mathbb{E}\\,L = \\sigma^\\ell c
        $$

        ```text
        not $math$ here
        ```

        ```swift
        x
        ```
        """

    func testFrontMatterAndParams() throws {
        let doc = try Document.parse(sample, path: "nb.md")
        XCTAssertEqual(doc.frontMatter.title, "Sample")
        XCTAssertEqual(doc.frontMatter.author, "A. One, B. Two")
        XCTAssertEqual(doc.frontMatter.seed, 7)
        XCTAssertEqual(doc.frontMatter.params.map(\.name), ["width", "sigma", "act", "bias"])
        XCTAssertEqual(doc.frontMatter.params.map(\.value), [.int(100), .double(2.0), .string("relu"), .bool(false)])
        XCTAssertEqual(doc.frontMatter.params.map(\.line), [6, 7, 8, 9])
    }

    func testCellsKeepMarkdownLinesAndOptions() throws {
        let doc = try Document.parse(sample, path: "nb.md")
        let cells = doc.cells
        XCTAssertEqual(cells.count, 2)
        XCTAssertEqual(cells[0].options.label, "fig-circle")
        XCTAssertEqual(cells[0].options.echo, false)
        XCTAssertEqual(cells[0].code, "let x = 1\nprint(x)")
        XCTAssertEqual(cells[0].firstLine, 19)  // the line of `let x = 1`
        XCTAssertEqual(cells[1].code, "x")
        XCTAssertEqual(cells[1].firstLine, 32)
        XCTAssertEqual(cells.map(\.index), [0, 1])
    }

    func testMathIsProtectedFromMarkdownEscapes() throws {
        let doc = try Document.parse(sample, path: "nb.md")
        guard case .paragraph(let inlines, let line) = doc.blocks[1] else { return XCTFail("\(doc.blocks[1])") }
        XCTAssertEqual(line, 14)
        let maths = inlines.compactMap {
            if case .math(let t) = $0 { return t }; return nil
        }
        XCTAssertEqual(maths, ["W_{ij} \\sim \\mathcal{N}(0, \\sigma^2/n)", "\\{x\\}"])
        // "$5 and $6" is money, not math.
        XCTAssertTrue(inlines.plainText.contains("costs $5 and $6"))
        guard case .displayMath(let tex, let dline) = doc.blocks[3] else { return XCTFail("\(doc.blocks[3])") }
        XCTAssertEqual(tex.trimmingCharacters(in: .whitespacesAndNewlines), "\\mathbb{E}\\,L = \\sigma^\\ell c")
        XCTAssertEqual(dline, 23)
        guard case .code(let lang, let text, _) = doc.blocks[4] else { return XCTFail("\(doc.blocks[4])") }
        XCTAssertEqual(lang, "text")
        XCTAssertEqual(text, "not $math$ here")
    }

    func testUnknownCellOptionIsAnErrorAtItsLineAndColumn() {
        let text = "# T\n\n```swift\n//| label: a\n//| colour: red\nlet x = 1\n```\n"
        XCTAssertThrowsError(try Document.parse(text, path: "bad.md")) { error in
            let d = error as! Diagnostic
            XCTAssertEqual(d.line, 5)
            XCTAssertEqual(d.column, 5)
            XCTAssertTrue(d.description.hasPrefix("bad.md:5:5: error: unknown cell option 'colour'"), d.description)
        }
    }

    func testBadOptionValue() {
        let text = "```swift\n//| echo: maybe\n```\n"
        XCTAssertThrowsError(try Document.parse(text, path: "b.md")) { error in
            XCTAssertEqual((error as! Diagnostic).line, 2)
            XCTAssertTrue("\(error)".contains("true or false"))
        }
    }

    func testMalformedFrontMatterReportsTheYAMLLine() {
        let text = "---\ntitle: ok\nparams:\n  a: [1, 2\n---\n# x\n"
        XCTAssertThrowsError(try Document.parse(text, path: "fm.md")) { error in
            let d = error as! Diagnostic
            XCTAssertEqual(d.file, "fm.md")
            XCTAssertTrue((4...5).contains(d.line), d.description)
            XCTAssertTrue(d.message.contains("not valid YAML"))
        }
        XCTAssertThrowsError(try Document.parse("---\ntitle: x\n", path: "open.md")) { error in
            XCTAssertTrue("\(error)".contains("no closing '---'"))
        }
        XCTAssertThrowsError(try Document.parse("---\ntitel: x\n---\n", path: "k.md")) { error in
            XCTAssertEqual((error as! Diagnostic).line, 2)
        }
    }

    func testEmptyNotebookIsAnEmptyDocument() throws {
        let doc = try Document.parse("", path: "empty.md")
        XCTAssertEqual(doc.blocks, [])
        XCTAssertEqual(doc.title, "empty")
    }

    func testNonUTF8FileIsADiagnosticWithPosition() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("latin1-\(UUID()).md")
        try Data([0x23, 0x20, 0x41, 0x0A, 0x63, 0x61, 0x66, 0xE9, 0x0A]).write(to: url)  // "# A\ncaf\xe9\n"
        defer { try? FileManager.default.removeItem(at: url) }
        XCTAssertThrowsError(try Document.load(path: url.path)) { error in
            let d = error as! Diagnostic
            XCTAssertEqual(d.line, 2)
            XCTAssertEqual(d.column, 4)
            XCTAssertTrue(d.message.contains("UTF-8"))
        }
        XCTAssertThrowsError(try Document.load(path: "/no/such/notebook.md")) { error in
            XCTAssertEqual("\(error)", "/no/such/notebook.md:1:1: error: no such file")
        }
    }

    func testCRLFLineEndingsKeepLineNumbers() throws {
        let doc = try Document.parse("# A\r\n\r\n```swift\r\nlet y = 2\r\n```\r\n", path: "w.md")
        XCTAssertEqual(doc.cells.first?.firstLine, 4)
        XCTAssertEqual(doc.cells.first?.code, "let y = 2")
    }

    func testGFMTablesListsAndInlines() throws {
        let text = "| a | b |\n|---|---|\n| 1 | **2** |\n\n1. one\n2. two ~~x~~\n"
        let doc = try Document.parse(text, path: "t.md")
        guard case .table(let header, let rows, nil, _) = doc.blocks[0] else { return XCTFail() }
        XCTAssertEqual(header.map(\.plainText), ["a", "b"])
        XCTAssertEqual(rows[0][1], [.strong([.text("2")])])
        guard case .list(true, 1, let items, _) = doc.blocks[1] else { return XCTFail() }
        XCTAssertEqual(items.count, 2)
    }

    func testParamOverridesKeepTheirType() {
        XCTAssertEqual(ParamValue.int(3).overridden(by: "5"), .int(5))
        XCTAssertNil(ParamValue.int(3).overridden(by: "5.5"))
        XCTAssertEqual(ParamValue.double(1).overridden(by: "4"), .double(4))
        XCTAssertEqual(ParamValue.string("a\"b").swiftLiteral, "\"a\\\"b\"")
    }
}
