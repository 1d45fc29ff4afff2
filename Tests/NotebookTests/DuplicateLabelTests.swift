@testable import Notebook
import XCTest

final class DuplicateLabelTests: XCTestCase {
    func error(_ text: String) -> Diagnostic? {
        do { _ = try Document.parse(text, path: "d.md"); return nil } catch let d as Diagnostic { return d } catch {
            XCTFail("unexpected \(error)"); return nil
        }
    }

    func testASecondCellWithTheSameLabelIsAnErrorAtItsLabelLine() throws {
        let d = try XCTUnwrap(error("""
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

    func testEquationAndCellLabelsShareOneNamespaceAndDistinctLabelsPass() throws {
        XCTAssertNil(error("```swift\n//| label: fig-a\nlet a = 1\n```\n\n```swift\n//| label: fig-b\nlet b = 1\n```\n"))
        let d = try XCTUnwrap(error("$$\nx = 1\n$$ {#eq-one}\n\n$$\ny = 2\n$$ {#eq-one}\n"))
        XCTAssertTrue(d.message.contains("label 'eq-one' is already used at line"), d.message)
        XCTAssertEqual(d.line, 7)
        XCTAssertEqual(d.column, 6)
    }
}
