import XCTest
import Notebook
import OutputChannel
import TestSupport
@testable import Runner

/// Runs real notebooks through real swiftc against the Folio library built beside the tests.
final class NotebookRunnerTests: XCTestCase {
    var work: URL!

    override func setUpWithError() throws {
        work = try makeTemporaryFolder("folio-runner")
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: work) }

    func run(_ text: String, name: String = "nb.md") throws -> (Document, RunResult) {
        let path = work.appendingPathComponent(name).path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        let doc = try Document.load(path: path)
        let runner = NotebookRunner(toolchain: try Toolchain.locate(), workDirectory: work.appendingPathComponent("scratch"))
        return (doc, try runner.run(doc, params: doc.frontMatter.params))
    }

    func testCellsShareScopeAndCaptureOutputInOrder() throws {
        let (_, result) = try run(
            """
            # Two cells

            ```swift
            let greeting = "hello"
            print(greeting, 1)
            show(42)
            print("after")
            ```

            ```swift
            print(greeting.uppercased())
            greeting.count
            ```
            """)
        XCTAssertTrue(result.succeeded, "\(result.compileErrors) \(result.failures)")
        XCTAssertEqual(
            result.cells[0]?.outputs,
            [
                .stream(name: "stdout", text: "hello 1\n"), .value("42"),
                .stream(name: "stdout", text: "after\n"),
            ])
        XCTAssertEqual(result.cells[1]?.outputs, [.stream(name: "stdout", text: "HELLO\n"), .value("5")])
    }

    func testTypeErrorIsReportedAtItsMarkdownLine() throws {
        let (doc, result) = try run(
            """
            # Title

            ```swift
            let a = 1
            ```

            Some prose.

            ```swift
            //| label: broken
            let b: Int = "not a number"
            ```
            """)
        XCTAssertFalse(result.succeeded)
        let d = try XCTUnwrap(result.compileErrors.first)
        XCTAssertEqual(d.file, doc.path)
        XCTAssertEqual(d.line, 11)
        XCTAssertEqual(d.column, 14)
        XCTAssertTrue(d.message.contains("cannot convert value of type 'String'"), d.message)
        XCTAssertEqual(d.sourceLine, "let b: Int = \"not a number\"")
    }

    func testTrapStopsAtItsCellAndKeepsEarlierOutputs() throws {
        let (_, result) = try run(
            """
            ```swift
            print("fine")
            ```

            ```swift
            let xs = [1, 2, 3]
            print("before")
            fatalError("law violated: ratio 1.2")
            ```

            ```swift
            print("never")
            ```
            """)
        XCTAssertEqual(result.cells[0]?.outputs, [.stream(name: "stdout", text: "fine\n")])
        guard case .failed(let error)? = result.cells[1]?.status else { return XCTFail("\(String(describing: result.cells[1]))") }
        XCTAssertTrue(error.message.contains("law violated: ratio 1.2"), error.message)
        XCTAssertEqual(error.line, 8)
        XCTAssertEqual(result.cells[1]?.outputs.first, .stream(name: "stdout", text: "before\n"))
        XCTAssertEqual(result.cells[2]?.status, .notRun)
        XCTAssertEqual(result.failures.count, 1)
        XCTAssertEqual(result.failures.first?.line, 8)
    }

    func testExpectedErrorPolicy() throws {
        let (_, ok) = try run("```swift\n//| error: expected\nlet x = [1][3]\n```\n")
        XCTAssertTrue(ok.failures.isEmpty, "\(ok.failures)")
        if case .failed = ok.cells[0]?.status {} else { XCTFail("cell should have failed") }

        let (_, bad) = try run("```swift\n//| error: expected\nlet y = 1\n```\n", name: "nb2.md")
        XCTAssertEqual(bad.failures.count, 1)
        XCTAssertTrue(bad.failures[0].message.contains("error: expected"))
    }

    func testParamsAreTypedAndOverridable() throws {
        let text = "---\nparams:\n  width: 3\n---\n```swift\nlet w: Int = params.width\nprint(w * 2)\n```\n"
        let path = work.appendingPathComponent("p.md").path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        let doc = try Document.load(path: path)
        let params = try NotebookRunner.resolveParams(doc, overrides: ["width": "21"])
        let result = try NotebookRunner(toolchain: try Toolchain.locate(), workDirectory: work.appendingPathComponent("s"))
            .run(doc, params: params)
        XCTAssertEqual(result.cells[0]?.outputs, [.stream(name: "stdout", text: "42\n")])
        XCTAssertThrowsError(try NotebookRunner.resolveParams(doc, overrides: ["width": "wide"])) { e in
            XCTAssertEqual((e as! Diagnostic).line, 3)
        }
        XCTAssertThrowsError(try NotebookRunner.resolveParams(doc, overrides: ["height": "1"]))
    }
}
