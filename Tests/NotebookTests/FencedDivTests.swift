import XCTest
@testable import Notebook

/// Pandoc's fenced divs in the document model: attributes, nesting, exact lines and columns of
/// what is inside, warnings for fences that do not pair, GitHub alerts, custom reference text
/// and the front matter's theorem kinds.
final class FencedDivTests: XCTestCase {
    func parse(_ s: String) throws -> Document { try Document.parse(s, path: "t.md") }

    func testAttributesIdClassesAndQuotedValues() throws {
        let doc = try parse("::: {#thm-a .theorem .x key=v name=\"A \\\"big\\\" one\" other='y z'}\nBody.\n:::\n")
        guard case .div(let d)? = doc.blocks.first else { return XCTFail("\(doc.blocks)") }
        XCTAssertEqual(d.id, "thm-a")
        XCTAssertEqual(d.classes, ["theorem", "x"])
        XCTAssertEqual(d.attribute("key"), "v")
        XCTAssertEqual(d.attribute("name"), "A \"big\" one")
        XCTAssertEqual(d.attribute("other"), "y z")
        XCTAssertEqual(d.blocks, [.paragraph([.text("Body.")], line: 2)])
        XCTAssertEqual(d.line, 1)
        XCTAssertTrue(doc.warnings.isEmpty, "\(doc.warnings)")
    }

    func testShorthandClassAndNestingWithAnyNumberOfColons() throws {
        let doc = try parse("text\n\n:::: warning\nouter\n\n::: {.inner}\ninner\n:::\n\nafter inner\n::::\n\nend\n")
        XCTAssertEqual(doc.blocks.count, 3, "\(doc.blocks)")
        guard case .div(let outer) = doc.blocks[1] else { return XCTFail("\(doc.blocks)") }
        XCTAssertEqual(outer.classes, ["warning"])
        XCTAssertEqual(outer.blocks.count, 3)
        guard case .div(let inner) = outer.blocks[1] else { return XCTFail("\(outer.blocks)") }
        XCTAssertEqual(inner.classes, ["inner"])
        XCTAssertEqual(inner.blocks, [.paragraph([.text("inner")], line: 7)])
        XCTAssertEqual(outer.blocks[2], .paragraph([.text("after inner")], line: 10))
        XCTAssertEqual(doc.blocks[2], .paragraph([.text("end")], line: 13))
    }

    func testAFenceInterruptsAParagraphAndCodeFencesAreLeftAlone() throws {
        let doc = try parse("::: {.a}\nline one\n:::\n```text\n::: not a fence\n:::\n```\n")
        guard case .div(let d) = doc.blocks[0] else { return XCTFail("\(doc.blocks)") }
        XCTAssertEqual(d.blocks, [.paragraph([.text("line one")], line: 2)])
        XCTAssertEqual(doc.blocks[1], .code(language: "text", text: "::: not a fence\n:::", line: 4))
    }

    /// A cell inside a div keeps its Markdown lines: a bad option is an error at its line and column.
    func testErrorsInsideDivsPointAtTheirLineAndColumn() throws {
        let md = "# A\n\n::: {#thm-x}\n::: {.callout-note}\n```swift\n//| echo: maybe\nprint(1)\n```\n:::\n:::\n"
        XCTAssertThrowsError(try parse(md)) { e in
            XCTAssertTrue("\(e)".hasPrefix("t.md:6:5: error: cell option 'echo' needs true or false"), "\(e)")
        }
        let ok = try parse(md.replacingOccurrences(of: "maybe", with: "false"))
        let cells = Document.cells(in: ok.blocks)
        XCTAssertEqual(cells.map(\.firstLine), [7], "cells inside divs are found and keep their line")
    }

    func testUnclosedDivAndStrayFenceAreWarningsAtTheirLines() throws {
        let doc = try parse("Intro.\n\n  ::: {.note}\nInside.\n")

        XCTAssertTrue(doc.warnings[0].description.hasPrefix("t.md:3:3: warning: div opened here is never closed"), "\(doc.warnings)")
        guard case .div(let d) = doc.blocks[1] else { return XCTFail("\(doc.blocks)") }
        XCTAssertEqual(d.blocks, [.paragraph([.text("Inside.")], line: 4)], "closed at the end, nothing lost")
        let nested = try parse("::: {.a}\nx\n\n:::: {.b}\ny\n")
        XCTAssertEqual(nested.warnings.map(\.line), [1, 4], "outermost first")
        guard case .div(let a) = nested.blocks[0], case .div(let b) = a.blocks[1] else { return XCTFail("\(nested.blocks)") }
        XCTAssertEqual(b.blocks, [.paragraph([.text("y")], line: 5)])
        let stray = try parse("a\n\n:::\n\nb\n")
        XCTAssertTrue(stray.warnings[0].description.hasPrefix("t.md:3:1: warning: closing ':::' without an open div"), "\(stray.warnings)")
        let bad = try parse("::: {#x key=\"open}\ntext\n:::\n")
        XCTAssertTrue(bad.warnings[0].description.hasPrefix("t.md:1:9: warning: the value of 'key' has no closing quote"), "\(bad.warnings)")
    }

    func testDivsNestedBeyondTheCapAreAnError() throws {
        let md = String(repeating: "::: {.a}\n", count: 150) + "x\n"
        XCTAssertThrowsError(try parse(md)) { e in XCTAssertTrue("\(e)".contains("nested more than 100 levels"), "\(e)") }
    }

    func testGitHubAlertsAreCallouts() throws {
        let doc = try parse("> [!WARNING]\n> Mind the *gap*.\n\n> [!nope]\n> plain\n")
        guard case .div(let d) = doc.blocks[0] else { return XCTFail("\(doc.blocks)") }
        XCTAssertEqual(d.classes, ["callout-warning"])
        XCTAssertEqual(d.blocks, [.paragraph([.text("Mind the "), .emphasis([.text("gap")]), .text(".")], line: 2)])
        guard case .quote = doc.blocks[1] else { return XCTFail("an unknown alert stays a quote: \(doc.blocks)") }
    }

    func testCustomReferenceTextAndNewKindPrefixes() throws {
        let doc = try parse(
            "---\ntheorems:\n  kinds:\n    - {prefix: cla, name: Claim, counter: thm}\n---\nBy [Thm. @thm-a], [-@lem-b] and @cla-c; [@thm-d] is plain.\n")
        guard case .paragraph(let c, _) = doc.blocks[0] else { return XCTFail("\(doc.blocks)") }
        XCTAssertEqual(
            c,
            [
                .text("By "), .customReference(label: "thm-a", prefix: "Thm.", line: 6), .text(", "),
                .customReference(label: "lem-b", prefix: "", line: 6), .text(" and "), .crossReference(label: "cla-c", line: 6),
                .text("; ["), .crossReference(label: "thm-d", line: 6), .text("] is plain."),
            ])
        XCTAssertEqual(doc.frontMatter.theorems.kind(label: "cla-c")?.counter, "thm")
        let capital = try parse("@Thm-a holds; @Sec-b too; @Nope-c does not.\n")
        guard case .paragraph(let c2, _) = capital.blocks[0] else { return XCTFail("\(capital.blocks)") }
        XCTAssertEqual(
            c2,
            [
                .crossReference(label: "thm-a", line: 1), .text(" holds; "), .crossReference(label: "sec-b", line: 1),
                .text(" too; @Nope-c does not."),
            ])
    }

    func testTheoremSettingsAreCheckedWhereWritten() throws {
        func error(_ yaml: String) -> String {
            do { _ = try parse("---\n\(yaml)\n---\n"); return "" } catch { return "\(error)" }
        }
        XCTAssertTrue(
            error("theorems:\n  numbering: chapter").hasPrefix("t.md:3:14: error: theorems 'numbering' must be section or document"),
            error("theorems:\n  numbering: chapter"))
        XCTAssertTrue(error("theorems:\n  - {prefix: zz}").contains("new theorem kind 'zz' needs a 'name'"))
        XCTAssertTrue(error("theorems:\n  - {prefix: cla, name: Claim, counter: qqq}").contains("theorem counter 'qqq' is not a known prefix"))
        XCTAssertTrue(error("code-fold: maybe").contains("front matter 'code-fold' must be true, false or show"))
        XCTAssertEqual(try parse("---\ncode-fold: show\n---\n").frontMatter.codeFold, .shown)
    }
}
