@testable import Notebook
import XCTest

final class DuplicateLabelTests: XCTestCase {
    func error(_ text: String) -> Diagnostic? {
        do { _ = try Document.parse(text, path: "d.md"); return nil } catch let d as Diagnostic { return d } catch {
            XCTFail("unexpected \(error)"); return nil
        }
    }

    func testASecondCellWithTheSameLabelIsAnErrorAtItsLabelLine() throws {
        let d = try XCTUnwrap(
            error(
                """
                # A

                ```swift
                //| label: fig-a
                let a = 1
                ```

                ```swift
                //| caption: Again.
                //| label: fig-a
                let b = 2
                ```
                """))
        XCTAssertEqual(d.line, 10)
        XCTAssertEqual(d.column, 12)
        XCTAssertTrue(d.message.contains("label 'fig-a' is already used at line 4"), d.message)
    }

    func testHeadingAndImageFigureLabelsAreCheckedToo() throws {
        let heading = try XCTUnwrap(error("# One {#sec-a}\n\nText.\n\n## Two {#sec-a}\n"))
        XCTAssertEqual(heading.line, 5)
        XCTAssertTrue(heading.message.contains("label 'sec-a' is already used at line 1"), heading.message)
        let image = try XCTUnwrap(error("```swift\n//| label: fig-a\nlet a = 1\n```\n\n![A plot](a.png){#fig-a}\n"))
        XCTAssertEqual(image.line, 6)
        XCTAssertEqual(image.column, 19)
    }

    func testEquationAndCellLabelsShareOneNamespaceAndDistinctLabelsPass() throws {
        XCTAssertNil(error("```swift\n//| label: fig-a\nlet a = 1\n```\n\n```swift\n//| label: fig-b\nlet b = 1\n```\n"))
        let d = try XCTUnwrap(error("$$\nx = 1\n$$ {#eq-one}\n\n$$\ny = 2\n$$ {#eq-one}\n"))
        XCTAssertTrue(d.message.contains("label 'eq-one' is already used at line"), d.message)
        XCTAssertEqual(d.line, 7)
        XCTAssertEqual(d.column, 6)
    }
}

final class CellOptionYAMLTests: XCTestCase {
    func testACaptionWithAColonIsTakenAsWritten() throws {
        let text = "```swift\n//| caption: Left: the loss. Right: the fit.\nlet a = 1\n```\n"
        XCTAssertEqual(try Document.parse(text, path: "c.md").cells.first?.options.caption, "Left: the loss. Right: the fit.")
        let quoted = "```swift\n//| caption: \"Left: the loss. Right: the fit.\"\nlet a = 1\n```\n"
        XCTAssertEqual(try Document.parse(quoted, path: "c.md").cells.first?.options.caption, "Left: the loss. Right: the fit.")
    }
}
