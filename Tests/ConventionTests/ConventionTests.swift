import Foundation
import XCTest

/// The habits the repository keeps (docs/contributing.md), checked over every Swift file so
/// that they hold without anyone having to remember them.
final class ConventionTests: XCTestCase {
    /// Tests that may skip: explicit opt-ins that no setup script provides. A missing tool is a
    /// failure (TestSupport's `MissingTool`), never a skip: a CI machine without chromium,
    /// poppler or NumPy must not pass by running fewer tests.
    let maySkip: Set<String> = [
        "Tests/ReportTests/LookTests.swift"  // FOLIO_REPORT_LOOK=/dir writes pictures for a person
    ]

    func testNoTestSkipsExceptTheExplicitOptIns() throws {
        let skip = "XCT" + "Skip"  // spelled apart so that this file does not find itself
        var skipping: [String] = []
        for path in SourceFiles.paths(under: ["Tests"]) where try SourceFiles.text(path).contains(skip) {
            skipping.append(path)
        }
        XCTAssertEqual(
            Set(skipping).subtracting(maySkip).sorted(), [],
            "throw TestSupport's MissingTool(name) for a missing tool instead of skipping")
    }

    func testImportsComeFirst() throws {
        var late: [String] = []
        for path in SourceFiles.paths() {
            late += SourceFiles.lateImports(try SourceFiles.text(path)).map { "\(path):\($0)" }
        }
        XCTAssertEqual(late, [], "move these imports to the top of their files")
    }

    func testLateImportsAreFoundAndScriptsInStringsAreNot() {
        XCTAssertEqual(SourceFiles.lateImports("import A\n\n// c\n@testable import B\nlet x = 1\nimport C\n"), [6])
        XCTAssertEqual(SourceFiles.lateImports("import A\n#if canImport(Glibc)\nimport Glibc\n#endif\nlet x = 1\n"), [])
        XCTAssertEqual(SourceFiles.lateImports("/* a\nb */\nimport A\nlet s = \"\"\"\nimport json\n\"\"\"\ninternal import B\n"), [7])
        XCTAssertEqual(SourceFiles.lateImports("let s = #\"\"\"\n    import re\n    \"\"\"#\nlet t = \"\"\"x\"\"\"\nimport D\n"), [5])
    }

    /// Files small enough to read in one sitting: none over 400 lines.
    func testNoSwiftFileIsOver400Lines() throws {
        var long: [String] = []
        for path in SourceFiles.paths() {
            let count = try SourceFiles.text(path).split(separator: "\n", omittingEmptySubsequences: false).count - 1
            if count > 400 { long.append("\(path): \(count) lines") }
        }
        XCTAssertEqual(long, [])
    }
}
