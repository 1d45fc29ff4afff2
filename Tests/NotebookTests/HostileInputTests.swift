import XCTest
@testable import Notebook

/// Text no author writes but a parser meets: NULs, byte-order marks, stray `---`, YAML
/// nested or sized to exhaust the parser, and sizes that made parsing superlinear.
final class HostileInputTests: XCTestCase {
    func parse(_ s: String) throws -> Document { try Document.parse(s, path: "t.md") }

    func error(_ s: String) -> Diagnostic? {
        do { _ = try parse(s); return nil } catch { return error as? Diagnostic }
    }

    func testNULBytesBecomeReplacementCharactersAndKeepTheTextAfterThem() throws {
        let doc = try parse("a\0b\n\nafter\n")
        XCTAssertEqual(doc.blocks, [.paragraph([.text("a\u{FFFD}b")], line: 1), .paragraph([.text("after")], line: 3)])
    }

    func testAByteOrderMarkDoesNotHideTheFrontMatter() throws {
        let doc = try parse("\u{FEFF}---\ntitle: T\n---\n\n# H\n")
        XCTAssertEqual(doc.frontMatter.title, "T")
        XCTAssertEqual(doc.blocks, [.heading(level: 1, content: [.text("H")], line: 5)])
    }

    func testCRLFFrontMatterAndCellsKeepTheirLines() throws {
        let doc = try parse("---\r\ntitle: T\r\nseed: 3\r\n---\r\n\r\n```swift\r\n//| echo: false\r\nx\r\n```\r\n")
        XCTAssertEqual(doc.frontMatter.seed, 3)
        XCTAssertEqual(doc.cells.map(\.firstLine), [8])
        XCTAssertEqual(doc.cells.first?.code, "x")
    }

    func testAnUnclosedFrontMatterIsAnErrorAtItsFirstLine() {
        for text in ["---", "---\n", "---\ntitle: T\n\n# Heading\n"] {
            let e = error(text)
            XCTAssertEqual(e.map { "\($0.line):\($0.column)" }, "1:1", text)
            XCTAssertEqual(e?.message, "front matter starts with '---' but has no closing '---' (or '...')")
        }
        XCTAssertEqual(try parse("---\n---\n").frontMatter, FrontMatter(), "empty front matter")
        XCTAssertEqual(try parse("Text\n\n---\n").blocks.last, .rule(line: 3), "a later --- is a rule")
    }

    func testDeepYAMLIsAnErrorNotAStackOverflow() {
        let flow = error("---\ntitle: " + String(repeating: "[", count: 10_000) + "\n---\n")
        XCTAssertEqual(flow?.line, 2)
        XCTAssertEqual(flow?.message, "front matter is nested more than 64 levels deep")
        let dashes = error("---\nparams:\n  x: 1\nlist:\n" + String(repeating: "- ", count: 10_000) + "a\n---\n")
        XCTAssertEqual(dashes?.line, 5)
        var indented = "---\n"
        for k in 0..<200 { indented += String(repeating: " ", count: k) + "k\(k):\n" }
        XCTAssertEqual(error(indented + "---\n")?.message, "front matter is nested more than 64 levels deep")
        // Brackets inside quotes and comments are text, not nesting.
        XCTAssertEqual(
            try parse("---\ntitle: \"" + String(repeating: "[", count: 200) + "\" # [[[[\n---\n").frontMatter.title,
            String(repeating: "[", count: 200))
    }

    func testHugeFrontMatterIsRefused() {
        let e = error("---\nabstract: |\n" + String(repeating: "  " + String(repeating: "a", count: 1000) + "\n", count: 1100) + "---\n")
        XCTAssertEqual(e?.message, "front matter is larger than 1 MiB")
        XCTAssertEqual(e?.line, 1048, "the line that crosses the megabyte")
    }

    func testTenThousandCellsParseOnceAndAreLookedUpDirectly() throws {
        let text = (0..<10_000).map { "```swift\nlet v\($0) = \($0)\n```\n" }.joined(separator: "\n")
        let began = Date()
        let doc = try parse(text)
        var lines = 0
        for i in 0..<10_000 { lines += doc.cells[i].firstLine - (doc.cell(at: i)?.firstLine ?? 0) }
        XCTAssertLessThan(Date().timeIntervalSince(began), 20, "509 s before")
        XCTAssertEqual(lines, 0)
        XCTAssertEqual(doc.cells.count, 10_000)
        XCTAssertEqual(doc.cell(at: 9_999)?.firstLine, 9_999 * 4 + 2)
        var copy = doc
        copy.blocks = Array(doc.blocks.prefix(2))
        XCTAssertEqual(copy.cells.count, 2, "cells follow the blocks")
    }

    func testManyUnmatchedBacktickRunsAndTextRunsAreLinear() throws {
        // Runs of 1…1500 backticks, none closed: each scanned the rest of the file before.
        let runs = (1...1500).map { String(repeating: "`", count: $0) }.joined(separator: " a ")
        // 100 000 `[` split one paragraph into as many text runs, each merge copying the paragraph.
        let brackets = String(repeating: "[a ", count: 100_000)
        let began = Date()
        let doc = try parse(runs + "\n\n" + brackets + "\n")
        XCTAssertLessThan(Date().timeIntervalSince(began), 30)
        XCTAssertEqual(doc.blocks.count, 2)
        guard case .paragraph(let text, 3)? = doc.blocks.last else { return XCTFail() }
        XCTAssertEqual(text, [.text(String(brackets.dropLast()))])
    }

    func testASwiftCellInAFootnoteIsAnError() {
        let e = error("Text[^a].\n\n[^a]: Note.\n\n    ```swift\n    x\n    ```\n")
        XCTAssertEqual(e?.line, 5)
        XCTAssertEqual(e?.message, "a Swift cell cannot be inside a footnote; move it into the text")
    }
}

/// Smaller holes of the same kind: YAML in a cell option, keys that are collections, labels in quotes.
final class HostileInputDetailTests: XCTestCase {
    func error(_ s: String) -> Diagnostic? {
        do { _ = try Document.parse(s, path: "t.md"); return nil } catch { return error as? Diagnostic }
    }

    func testADeepCellOptionValueIsAnErrorAtItsKey() {
        let e = error("```swift\n//| caption: " + String(repeating: "[", count: 10_000) + "\nx\n```\n")
        XCTAssertEqual(e.map { "\($0.line):\($0.column)" }, "2:5")
        XCTAssertEqual(e?.message, "cell option 'caption': value is nested more than 64 levels deep")
    }

    func testAFrontMatterKeyThatIsACollectionIsAnError() {
        let e = error("---\ntitle: T\n? [a, b]\n: c\n---\n")
        XCTAssertEqual(e?.line, 3)
        XCTAssertEqual(e?.message, "front matter keys must be names, not collections")
    }

    func testADuplicateLabelInAQuoteIsAtItsOptionLine() {
        let e = error("```swift\n//| label: fig-a\nx\n```\n\n> ```swift\n> //| label: fig-a\n> y\n> ```\n")
        XCTAssertEqual(e.map { "\($0.line):\($0.column)" }, "7:14")
    }
}

/// Inputs on which the system's cmark-gfm is quadratic or worse: refused before it runs.
final class QuadraticMarkdownTests: XCTestCase {
    func timedError(_ s: String, file: StaticString = #filePath, line: UInt = #line) -> Diagnostic? {
        let began = Date()
        defer { XCTAssertLessThan(Date().timeIntervalSince(began), 10, file: file, line: line) }
        do { _ = try Document.parse(s, path: "t.md"); return nil } catch { return error as? Diagnostic }
    }

    func testDeepQuotesBeforeEmphasisAreRefusedAtTheCap() {
        // 40 000 `>` then 40 000 `a*`: minutes in cmark-gfm 0.29.0.gfm.6.
        let e = timedError(String(repeating: ">", count: 40_000) + String(repeating: "a*", count: 40_000) + "\n")
        XCTAssertEqual(e.map { "\($0.line):\($0.column)" }, "1:101")
        XCTAssertEqual(e?.message, NestingLimit.message())
    }

    func testATableRowWithTooManyCellsIsRefusedAtTheFirstCellTooMany() {
        let e = timedError("a|b\n-|-\n" + String(repeating: "x|", count: 100_000) + "\n")
        XCTAssertEqual(e.map { "\($0.line):\($0.column)" }, "3:2002")
        XCTAssertEqual(e?.message, "more than 1000 '|' on one line; tables have at most 1000 columns")
    }

    func testManyImageOpenersBeforeLinksAreRefused() {
        let e = timedError("Intro.\n\n" + String(repeating: "![ \n", count: 50_000) + String(repeating: "[]()", count: 50_000) + "\n")
        XCTAssertEqual(e.map { "\($0.line):\($0.column)" }, "1003:1")
        XCTAssertEqual(e?.message, "more than 1000 images in one paragraph; split it")
    }

    func testFencedCodeAndOrdinaryTablesAreNotLimited() throws {
        let wide = String(repeating: "|", count: 5_000)
        let doc = try Document.parse(
            "```text\n\(wide)\n```\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n" + String(repeating: "![i](x.png) ", count: 900) + "\n",
            path: "t.md")
        XCTAssertEqual(doc.blocks.count, 3)
        guard case .table(let header, let rows, nil, 5) = doc.blocks[1] else { return XCTFail("\(doc.blocks)") }
        XCTAssertEqual(header.count, 2)
        XCTAssertEqual(rows.count, 1)
    }
}

/// Values that parse but would trap later: placeholders written by hand, endless time limits.
final class HostileValueTests: XCTestCase {
    func testMathPlaceholderCharactersInTheTextAreReplacedNotTrusted() throws {
        // A paragraph that looks like display math number 5 of none: an index out of range before.
        let doc = try Document.parse("\u{E000}\u{E002}5\u{E001}\n\nand $x$\n", path: "t.md")
        XCTAssertEqual(
            doc.blocks,
            [
                .paragraph([.text("\u{FFFD}\u{FFFD}5\u{FFFD}")], line: 1),
                .paragraph([.text("and "), .math("x")], line: 3),
            ])
    }

    func testInfiniteAndHugeTimeoutsAreErrorsAtTheirKey() {
        for value in [".inf", "1e300"] {
            XCTAssertThrowsError(try Document.parse("---\nexecute:\n  timeout: \(value)\n---\n", path: "t.md")) {
                XCTAssertEqual(($0 as? Diagnostic).map { "\($0.line):\($0.column) \($0.message)" }, "3:3 execute.timeout is more than 1000000 seconds")
            }
            XCTAssertThrowsError(try Document.parse("```swift\n//| timeout: \(value)\nx\n```\n", path: "t.md")) {
                XCTAssertEqual(($0 as? Diagnostic).map { "\($0.line):\($0.column) \($0.message)" }, "2:5 cell option 'timeout' is more than 1000000 seconds")
            }
        }
    }
}
