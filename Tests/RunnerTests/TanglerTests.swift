import XCTest
import Notebook
@testable import Runner

final class TanglerTests: XCTestCase {
    func testProgramHasTypedParamsAndSourceLocations() throws {
        let doc = try Document.parse(
            "---\nparams:\n  n: 3\n  s: 0.5\n---\n\n```swift\nlet a = params.n\nprint(a, #line)\n```\n\n```swift\n//| eval: false\nlet b = 2\n```\n",
            path: "nb/x.md")
        let src = Tangler.program(for: doc, params: doc.frontMatter.params, seed: 9)
        XCTAssertTrue(src.contains("    let n: Int\n    let s: Double\n"))
        XCTAssertTrue(src.contains("let params = NotebookParams(n: 3, s: 0.5)"))
        XCTAssertTrue(src.contains("let seed: UInt64 = 9"))
        XCTAssertTrue(src.contains("#sourceLocation(file: \"nb/x.md\", line: 8)\nlet a = params.n\nprint(a, #line)\n#sourceLocation()"))
        XCTAssertFalse(src.contains("let b = 2"), "eval: false cells are not compiled")
    }

    /// The guard against a cold render going superlinear in cells again, without timing: every
    /// top-level statement of `main.swift` deepens the compiler's scope chain for all the code
    /// below it (see `Tangler`), so cell boundaries must add one statement each, without
    /// arguments, and the prelude must not grow with the notebook.
    func testEachCellBoundaryIsOneStatementWithoutArguments() throws {
        func generatedStatements(cells n: Int) throws -> [String] {
            // `#line` keeps the cells in main.swift (`LiftableStatement`), as cells that are not lifted.
            let md = (0..<n).map { "```swift\nprint(\($0), #line)\n```\n" }.joined(separator: "\n")
            let doc = try Document.parse(md, path: "nb/x.md")
            let program = Tangler.generate(
                for: doc, params: [], seed: 1,
                plan: ExecutionPlan(
                    document: doc,
                    context: ExecutionContext(
                        toolchain: "t", flags: [], params: [], seed: 1, inputs: [:])))
            XCTAssertEqual(program.cells, Array(0..<n))
            // The generated lines outside the cells' `#sourceLocation` regions that are code.
            var inCell = false, statements: [String] = []
            for line in program.source.split(separator: "\n", omittingEmptySubsequences: false) {
                if line.hasPrefix("#sourceLocation(file:") { inCell = true; continue }
                if line == "#sourceLocation()" { inCell = false; continue }
                if !inCell, !line.isEmpty, !line.hasPrefix("//") { statements.append(String(line)) }
            }
            return statements
        }
        let ten = try generatedStatements(cells: 10), twenty = try generatedStatements(cells: 20)
        XCTAssertEqual(twenty.count - ten.count, 10, "one generated statement per cell")
        XCTAssertEqual(ten.filter { $0 == "_folioNextCell()" }.count, 11, "one before each cell and one after the last")
        XCTAssertEqual(twenty.filter { $0.hasPrefix("_folioCells(") }.count, 1, "one table for the whole program")
        XCTAssertEqual(ten.count, twenty.count - 10)
    }

    func testCellTableCarriesIndicesSeedsAndMemoScopesInOrder() throws {
        let doc = try Document.parse(
            "```swift\nlet a = 1\nprint(a, #line)\n```\n\n```swift\n//| eval: false\nlet b = 2\n```\n\n```swift\n//| label: c\nprint(a, #line)\n```\n",
            path: "nb/x.md")
        let plan = ExecutionPlan(document: doc, context: ExecutionContext(toolchain: "t", flags: [], params: [], seed: 5, inputs: [:]))
        let program = Tangler.generate(for: doc, params: [], seed: 5, plan: plan)
        let e = plan.entries
        XCTAssertEqual(e.map(\.index), [0, 2])
        XCTAssertTrue(program.source.contains("\n_folioCells(\"0:\(e[0].seed):\(e[0].memoScope) 2:\(e[1].seed):\(e[1].memoScope)\")\n"))
        XCTAssertEqual(e[1].seed, ExecutionPlan.cellSeed(document: 5, cell: doc.cells[2]))
        // Skipped cells leave the table with their boundary.
        let skipped = Tangler.generate(for: doc, params: [], seed: 5, plan: plan, skipping: [0])
        XCTAssertTrue(skipped.source.contains("\n_folioCells(\"2:\(e[1].seed):\(e[1].memoScope)\")\n"))
        XCTAssertEqual(skipped.source.components(separatedBy: "_folioNextCell()").count - 1, 2)
    }

    /// A boundary line belongs to the cell above it (a cell left open is reported there);
    /// the first to the first cell, the last to the last.
    func testBoundaryLinesMapToTheCellTheyEnd() throws {
        // `#line` keeps the cells in main.swift (`LiftableStatement`).
        let doc = try Document.parse("```swift\nprint(#line)\n```\n\n```swift\nprint(#line)\n```\n", path: "nb/x.md")
        let program = Tangler.generate(for: doc, params: [], seed: 0, plan: nil)
        let lines = program.source.split(separator: "\n", omittingEmptySubsequences: false)
        let boundaries = lines.indices.filter { lines[$0] == "_folioNextCell()" }.map { $0 + 1 }
        XCTAssertEqual(boundaries.count, 3)
        XCTAssertEqual(boundaries.map { program.cellOfLine[$0] }, [0, 0, 1])
        XCTAssertEqual(program.cellOfLine[boundaries[1] + 2], 1, "the second cell's code")
    }

    func testLastLineDisplay() {
        XCTAssertEqual(Tangler.displayingLastLine("let f = 1\nf\n\n"), "let f = 1\nshow(f)\n\n")
        XCTAssertEqual(Tangler.displayingLastLine("result.table"), "show(result.table)")
        XCTAssertEqual(Tangler.displayingLastLine("  fig"), "  show(fig)")
        for notDisplayed in ["print(x)", "x = 1", "let y = 2", "}", "return", "a + b", "// note", "f()", "x.y()"] {
            XCTAssertEqual(Tangler.displayingLastLine(notDisplayed), notDisplayed)
        }
    }
}
