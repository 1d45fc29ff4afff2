import XCTest
@testable import Notebook

/// The Markdown model's extensions: attributes, labelled equations, cross references,
/// footnotes, task lists, images and table captions, with the lines they came from.
final class MarkdownModelTests: XCTestCase {
    func parse(_ s: String) throws -> [Block] { try Document.parse(s, path: "t.md").blocks }

    func testHeadingAttributesAreSplitOffTheTitle() throws {
        let blocks = try parse("# Results {#sec-results}\n\n## Notes {.unnumbered}\n\n# Plain {braces} title\n")
        guard case .heading(1, let c, 1) = blocks[0] else { return XCTFail("\(blocks)") }
        XCTAssertEqual(c.plainText, "Results")
        XCTAssertEqual(c.attributes?.id, "sec-results")
        guard case .heading(2, let c2, 3) = blocks[1] else { return XCTFail("\(blocks)") }
        XCTAssertEqual(c2.attributes?.classes, ["unnumbered"])
        XCTAssertNil(c2.attributes?.id)
        guard case .heading(1, let c3, 5) = blocks[2] else { return XCTFail("\(blocks)") }
        XCTAssertEqual(c3.plainText, "Plain {braces} title", "braces that are not attributes stay text")
        XCTAssertNil(c3.attributes)
    }

    func testLabelledDisplayMathOnOneLineAndOverSeveral() throws {
        let blocks = try parse("$$ a = b $$ {#eq-one}\n\ntext\n\n$$\nx^2\n$$ {#eq-two}\n\n$$ c $$\n")
        XCTAssertEqual(blocks[0], .equation(tex: " a = b ", label: "eq-one", line: 1))
        XCTAssertEqual(blocks[2], .equation(tex: "\nx^2\n", label: "eq-two", line: 5))
        XCTAssertEqual(blocks[3], .displayMath(tex: " c ", line: 9))
        XCTAssertEqual(blocks.count, 4)
    }

    func testCrossReferencesCarryTheirLine() throws {
        let blocks = try parse("Intro.\n\nSee @fig-a and\n(@tbl-b), e-mail me@sec-x.org, @eq-c.\n")
        guard case .paragraph(let c, 3) = blocks[1] else { return XCTFail("\(blocks)") }
        let refs = c.compactMap { i -> String? in
            if case .crossReference(let l, let line) = i { return "\(l):\(line)" }; return nil
        }
        XCTAssertEqual(refs, ["fig-a:3", "tbl-b:4", "eq-c:4"], "an address is not a reference; trailing '.' is not in the label")
        XCTAssertTrue(c.plainText.contains("me@sec-x.org"))
    }

    func testFootnotesAreInlinedAtTheirMark() throws {
        let blocks = try parse("Text.[^a] More.\n\n[^a]: The *note*.\n")
        XCTAssertEqual(blocks.count, 1, "the definition is not a block of its own: \(blocks)")
        guard case .paragraph(let c, _) = blocks[0] else { return XCTFail() }
        guard
            let note = c.first(where: {
                if case .footnote = $0 { return true }; return false
            }),
            case .footnote(let body) = note, case .paragraph(let inner, _)? = body.first
        else { return XCTFail("\(c)") }
        XCTAssertEqual(inner, [.text("The "), .emphasis([.text("note")]), .text(".")])
    }

    func testTaskItemsLeadWithACheckbox() throws {
        let blocks = try parse("- [x] done\n- [ ] open\n- plain\n")
        guard case .list(false, _, let items, 1) = blocks[0] else { return XCTFail("\(blocks)") }
        XCTAssertEqual(items[0], [.paragraph([.checkbox(checked: true), .text("done")], line: 1)])
        XCTAssertEqual(items[1], [.paragraph([.checkbox(checked: false), .text("open")], line: 2)])
        XCTAssertEqual(items[2], [.paragraph([.text("plain")], line: 3)])
    }

    /// The box is read from the item as written: cmark-gfm 0.29.0.gfm.6 says an unticked item
    /// that starts with an image (`- [ ] ![x](y.png)`) is ticked, reading the image's `[x]`.
    func testTaskBoxesAreTickedOnlyWhenWrittenTicked() throws {
        let text = "- [ ] ![x](x.png)\n- [X] upper\n\n1. [ ] one\n2) [x] two\n\n* [ ] [x](link.md)\n  - [x] nested\n  - [ ] ![x](n.png)\n"
        var boxes: [Bool] = []
        func walk(_ blocks: [Block]) {
            for b in blocks {
                switch b {
                case .list(_, _, let items, _):
                    for item in items {
                        if case .paragraph(let inl, _)? = item.first, case .checkbox(let checked)? = inl.first { boxes.append(checked) }
                        walk(Array(item.dropFirst()))
                    }
                default: break
                }
            }
        }
        walk(try parse(text))
        XCTAssertEqual(boxes, [false, true, false, true, false, true, false])
    }

    func testImagesAndTableCaptions() throws {
        let blocks = try parse("![A plot](plot.png)\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n: Sizes $n$. {#tbl-sizes}\n")
        let image = Inline.image(url: "plot.png", alt: [.text("A plot")])
        XCTAssertEqual(blocks[0], .imageFigure(ImageFigure(paragraph: [image])!, line: 1))
        XCTAssertEqual(blocks.count, 2, "the caption belongs to its table: \(blocks)")
        guard case .table(_, _, let caption?, 3) = blocks[1] else { return XCTFail("\(blocks)") }
        XCTAssertEqual(caption, TableCaption(content: [.text("Sizes "), .math("n"), .text(".")], label: "tbl-sizes", line: 7))
        let emphasised = try parse("| a |\n|---|\n| 1 |\n\n: The *best* sizes, see @fig-a. {#tbl-b}\n")
        guard case .table(_, _, let second?, 1) = emphasised[0], emphasised.count == 1 else { return XCTFail("\(emphasised)") }
        XCTAssertEqual(
            second,
            TableCaption(
                content: [
                    .text("The "), .emphasis([.text("best")]), .text(" sizes, see "),
                    .crossReference(label: "fig-a", line: 5), .text("."),
                ], label: "tbl-b", line: 5))
    }

    /// A paragraph that is only an image is a figure when parsed: with its label, or without.
    func testLoneImagesAreFiguresWithTheirLabels() throws {
        let blocks = try parse("![A *plot*](p.png){#fig-p}\n\n![bare](b.png) {#fig-b}\n\n![a](a.png) and text\n\n![c](c.png){#fig-c} more\n")
        guard case .imageFigure(let p, 1) = blocks[0], case .imageFigure(let b, 3) = blocks[1] else { return XCTFail("\(blocks)") }
        XCTAssertEqual(p.url, "p.png")
        XCTAssertEqual(p.alt, [.text("A "), .emphasis([.text("plot")])])
        XCTAssertEqual(p.label, "fig-p")
        XCTAssertEqual(b.label, "fig-b")
        XCTAssertEqual(b.inlines, [.image(url: "b.png", alt: [.text("bare")]), .text(" {#fig-b}")], "the paragraph as written")
        guard case .paragraph = blocks[2], case .paragraph = blocks[3] else { return XCTFail("an image with text is prose: \(blocks)") }
        // A task item that is only an image keeps it as the text after its box.
        guard case .list(_, _, let items, _) = try parse("- [x] ![x](x.png)\n")[0] else { return XCTFail() }
        XCTAssertEqual(items[0], [.paragraph([.checkbox(checked: true), .image(url: "x.png", alt: [.text("x")])], line: 1)])
    }

    /// The abstract is read as Markdown once, with the document, and again only when the front
    /// matter is replaced.
    func testTheAbstractIsParsedWithTheDocument() throws {
        var doc = try Document.parse("---\nabstract: The *law* $\\sigma^\\ell$.\n---\n# A\n", path: "a.md")
        XCTAssertEqual(doc.abstractInlines, [.text("The "), .emphasis([.text("law")]), .text(" "), .math("\\sigma^\\ell"), .text(".")])
        doc.frontMatter.abstract = "![x](x.png)"
        XCTAssertEqual(doc.abstractInlines, [.image(url: "x.png", alt: [.text("x")])], "a lone image is the abstract's text")
        doc.frontMatter.abstract = nil
        XCTAssertNil(doc.abstractInlines)
    }

    /// A second `: caption` is prose: a table has one caption.
    func testATableHasOneCaption() throws {
        let blocks = try parse("| a |\n|---|\n| 1 |\n\n: First {#tbl-a}\n\n: Second\n")
        guard blocks.count == 2, case .table(_, _, let caption?, 1) = blocks[0], case .paragraph(let text, 7) = blocks[1] else {
            return XCTFail("\(blocks)")
        }
        XCTAssertEqual(caption.label, "tbl-a")
        XCTAssertEqual(text, [.text(": Second")])
    }
}

final class DisplayMathBlockTests: XCTestCase {
    /// $$ on lines of its own splits a paragraph, as in Pandoc, and later lines keep their numbers.
    func testDisplayFormulaOnOwnLinesBreaksTheParagraph() throws {
        let doc = try Document.parse("Text before\n$$\nx^2\n$$\nand after.\n\n```swift\nlet a = 1\n```\n", path: "d.md")
        guard doc.blocks.count >= 3 else { return XCTFail("\(doc.blocks)") }
        guard case .paragraph(let first, _) = doc.blocks[0] else { return XCTFail("\(doc.blocks[0])") }
        XCTAssertEqual(first.plainText.trimmingCharacters(in: .whitespacesAndNewlines), "Text before")
        guard case .displayMath(let tex, let line) = doc.blocks[1] else { return XCTFail("\(doc.blocks[1])") }
        XCTAssertEqual(tex.trimmingCharacters(in: .whitespacesAndNewlines), "x^2")
        XCTAssertEqual(line, 2)
        guard case .paragraph(let last, _) = doc.blocks[2] else { return XCTFail("\(doc.blocks[2])") }
        XCTAssertEqual(last.plainText.trimmingCharacters(in: .whitespacesAndNewlines), "and after.")
        XCTAssertEqual(doc.cells.first?.firstLine, 8)
    }
}
