import XCTest
import Notebook
import OutputChannel
@testable import Runner

/// `error: allow` and `error: expected` show the failure and go on without the failed cell.
final class ErrorPolicyTests: XCTestCase {
    static let notebook = """
        ```swift
        let a = 21
        print("a is", a)
        ```

        ```swift
        //| error: allow
        let xs = [1]
        print("before the trap")
        print(xs[3])
        ```

        ```swift
        print("after", a * 2)
        ```
        """

    func testAllowedFailureGoesOnWithoutTheFailedCell() throws {
        let f = try RunnerFixture()
        let (_, result) = try f.run(Self.notebook)
        XCTAssertTrue(result.succeeded, "\(result.failures) \(result.compileErrors)")
        XCTAssertEqual(result.cells[0]?.outputs, [.stream(name: "stdout", text: "a is 21\n")])
        guard case .failed(let error)? = result.cells[1]?.status else { return XCTFail() }
        XCTAssertEqual(error.message, "Index out of range")
        XCTAssertEqual(error.line, 10)
        XCTAssertEqual(result.cells[1]?.outputs, [.stream(name: "stdout", text: "before the trap\n"), .error(error)])
        XCTAssertEqual(result.cells[2]?.status, .succeeded)
        XCTAssertEqual(result.cells[2]?.outputs, [.stream(name: "stdout", text: "after 42\n")])
        XCTAssertEqual(
            result.compilerInvocations, 3, "the notebook at -O, at -Onone up to the trap to place it, then at -O without the failed cell")
        XCTAssertEqual(result.programRuns, 3)

        let (_, again) = try f.run(Self.notebook)
        XCTAssertEqual((0..<3).map { again.cells[$0]!.cache }, [.reused, .reused, .reused])
        XCTAssertEqual(again.compilerInvocations + again.programRuns, 0)
        XCTAssertEqual(again.cells[2]?.outputs, [.stream(name: "stdout", text: "after 42\n")])
    }

    func testStopPolicyEndsTheNotebook() throws {
        let f = try RunnerFixture()
        let (_, result) = try f.run(Self.notebook.replacingOccurrences(of: "//| error: allow\n", with: ""))
        XCTAssertEqual(result.failures.map(\.line), [9])
        XCTAssertEqual(result.cells[2]?.status, .notRun)
        XCTAssertEqual(result.compilerInvocations, 2, "at -O, then at -Onone to place the trap")
    }

    func testACellNeedingTheFailedCellsDeclarationsFailsToCompileWithANote() throws {
        let f = try RunnerFixture()
        let (_, result) = try f.run(
            Self.notebook.replacingOccurrences(of: "print(\"after\", a * 2)", with: "print(\"after\", xs)"),
            cached: false)
        let d = try XCTUnwrap(result.compileErrors.first)
        XCTAssertEqual(d.line, 14)
        XCTAssertEqual(d.message, "cannot find 'xs' in scope (the rest of the notebook runs without the failed cell at line 8)")
        XCTAssertEqual(result.cells[0]?.status, .succeeded, "results before the failure are kept")
    }
}
