import XCTest
import Notebook
import OutputChannel
@testable import Runner

/// Cells made of stored-variable declarations (and statements, `StatementLiftingTests`) are lifted out of `main.swift` into
/// `cells.swift` (`CellLifting`): the structure that keeps a cold compile linear in cells,
/// and the behaviour and error locations that must not change with it.
final class TanglerLiftingTests: XCTestCase {
    private func items(_ code: String) -> [String]? {
        SwiftItems.split(code)?.map { $0.tokens.map(\.text).joined(separator: " ") }
    }

    func testSplitterFollowsMultiLineStatementsAndTrailingClosures() {
        XCTAssertEqual(
            items("let a = 1 +\n    2\nlet b = [1, 2]\n    .map { $0 * 2 }\n    .filter {\n        $0 > 2\n    }\nprint(b)"),
            ["let a = 1 + 2", "let b = [ 1 , 2 ] . map { $0 * 2 } . filter { $0 > 2 }", "print ( b )"])
        XCTAssertEqual(items("let f = g(x)\n{ y in y }"), ["let f = g ( x ) { y in y }"], "a trailing closure on the next line")
        XCTAssertEqual(items("let x = y!\n-z"), ["let x = y !", "- z"], "a postfix `!` ends the line; a prefix `-` starts one")
        XCTAssertEqual(items("if a {\n} else {\n}\nlet c = a\n    ? 1\n    : 2"), ["if a { } else { }", "let c = a ? 1 : 2"])
        XCTAssertEqual(items("let a = 1; let b = 2"), ["let a = 1", "let b = 2"])
    }

    func testSplitterSkipsStringsAndCommentsWithBrackets() {
        XCTAssertEqual(items(#"let s = "a { ( [ \" }""#)?.count, 1)
        XCTAssertEqual(items("let m = \"\"\"\n  } ) \\(x + (y * 2)) \"\n  \"\"\"\nlet n = 2")?.count, 2, "multi-line string with interpolation")
        XCTAssertEqual(items(##"let r = #"raw \( { " "#"##)?.count, 1, "no interpolation in a raw string")
        XCTAssertEqual(items(##"let r = #"a \#(f("}")) b"#"##)?.count, 1, "raw interpolation")
        XCTAssertEqual(items("let a = 1 // { (\n/* { /* nested } */ ( */\nlet b = 2"), ["let a = 1", "let b = 2"])
        XCTAssertNil(SwiftItems.split("let a = \"open"), "an unclosed string")
        XCTAssertNil(SwiftItems.split("/* open"), "an unclosed comment")
        XCTAssertNil(SwiftItems.split("let a = (1"), "an unclosed bracket")
        XCTAssertNil(SwiftItems.split("let a = 1)"), "a bracket closed twice")
    }

    func testConditionalCompilationBlockIsOneItem() {
        XCTAssertEqual(
            items("#if os(Linux)\nlet a = 1\n#else\nlet a = 2\n#endif\nlet b = a"),
            [
                "#if os ( Linux ) let a = 1 #else let a = 2 #endif", "let b = a",
            ])
        XCTAssertNil(CellLifting.parts("#if os(Linux)\nlet a = 1\n#endif"))
    }

    func testOnlyPlainDeclarationsWithInitialisersAreLifted() {
        XCTAssertEqual(
            CellLifting.parts("let a = 1\n// a comment\nvar b: [Int] = [1,\n  2]\nlet c = try! f()")?.map(\.name), ["a", "b", "c"])
        for notLifted in [
            "var x: Int", "let x = try f()", "let x = await f()", "let (a, b) = (1, 2)", "let a = 1, b = 2",
            "private let x = 1", "@MainActor let x = 1", "var x = 1 { didSet { print(x) } }", "let x = #line",
            "let _ = f()", "let a = 1\nfunc f() {}", "func f() {}", "struct S {}", "let x = { guard y else { return 0 }; return 1 }()",
            "let a = 1 /* a comment\n that goes on */", "",
        ] {
            XCTAssertNil(CellLifting.parts(notLifted), notLifted)
        }
        XCTAssertTrue(CellLifting.forbidden(["let a = 1", "guard let b = Int(\"2\") else { fatalError() }"]))
        XCTAssertFalse(CellLifting.forbidden(["let a = 1", "if let b = Int(\"2\") { print(b) }"]))
    }

    /// The structure that keeps the compile linear (no timing): for cells of one-line `let`s,
    /// `main.swift` holds no top-level declaration and one call; the declarations are at file
    /// scope of `cells.swift`, each at its Markdown line.
    func testOneLineDeclarationCellsLeaveNoTopLevelDeclarationInMain() throws {
        let n = 2_000
        let md = (0..<n).map { "```swift\nlet v\($0) = \($0)\n```\n" }.joined(separator: "\n")
        let doc = try Document.parse(md, path: "nb/x.md")
        let program = Tangler.generate(for: doc, params: [], seed: 1, plan: nil)
        XCTAssertEqual(program.cells, Array(0..<n))
        let mainLines = program.source.split(separator: "\n")
        XCTAssertFalse(mainLines.contains { $0.hasPrefix("let v") || $0.hasPrefix("var ") }, "no cell declaration in main.swift")
        XCTAssertEqual(mainLines.filter { $0 == "_folioLiftedCells0()" }.count, 1)
        XCTAssertEqual(mainLines.filter { !$0.hasPrefix("//") && !$0.hasPrefix("#sourceLocation") }.count, 8, "a prelude of fixed size")
        let lifted = program.liftedSource
        XCTAssertTrue(lifted.contains("#sourceLocation(file: \"nb/x.md\", line: 2)\nlet v0 = 0\n"))
        XCTAssertTrue(lifted.contains("#sourceLocation(file: \"nb/x.md\", line: \(2 + 4 * (n - 1)))\nlet v\(n - 1) = \(n - 1)\n"))
        XCTAssertEqual(lifted.components(separatedBy: "    _folioNextCell()\n").count - 1, n, "each cell's boundary, in the run")
        XCTAssertEqual(program.liftedCellOfLine[lifted.split(separator: "\n", omittingEmptySubsequences: false).firstIndex(of: "let v7 = 7")! + 1], 7)
    }

    func testNotebooksWithoutLiftableCellsAreTangledAsBefore() throws {
        let doc = try Document.parse("```swift\nlet a = 1\nprint(try f(a))\n```\n", path: "nb/x.md")
        let program = Tangler.generate(for: doc, params: [], seed: 0, plan: nil)
        XCTAssertEqual(program.liftedSource, "")
        XCTAssertTrue(program.source.contains("line: 2)\nlet a = 1\nprint(try f(a))\n#sourceLocation()"))
    }

    static let notebook = """
        ---
        params:
          n: 4
        ---

        ```swift
        import Foundation
        func early() -> Int { later * 10 }
        print("first")
        ```

        ```swift
        let xs = (0..<params.n).map { i -> Int in print("init xs"); return i * i }
        var total = xs.reduce(0, +)
        let root = try! Int(sqrt(Double(total)).rounded())
        ```

        ```swift
        total += 1
        print(xs, total, root, early())
        ```

        ```swift
        let later = 7
        ```

        ```swift
        later
        ```
        """

    /// Lifted initialisers run in their own cell, in order, see `params` and main.swift's
    /// globals, and are read and written from the cells that stay in `main.swift`; a function
    /// called before a later cell's `let` initialises that global then (defined, where it read
    /// an uninitialised global before).
    func testLiftedCellsRunInOrderWithTheirOutputs() throws {
        let f = try RunnerFixture()
        let (doc, result) = try f.run(Self.notebook, cached: false)
        let program = Tangler.generate(for: doc, params: doc.frontMatter.params, seed: 0, plan: nil)
        XCTAssertTrue(program.liftedSource.contains("let later = 7"))
        XCTAssertTrue(program.liftedSource.contains("var total = xs.reduce(0, +)"))
        XCTAssertEqual(result.cells[0]?.outputs, [.stream(name: "stdout", text: "first\n")])
        XCTAssertEqual(result.cells[1]?.outputs, [.stream(name: "stdout", text: String(repeating: "init xs\n", count: 4))])
        XCTAssertEqual(result.cells[2]?.outputs, [.stream(name: "stdout", text: "[0, 1, 4, 9] 15 4 70\n")])
        XCTAssertEqual(result.cells[3]?.outputs, [])
        XCTAssertEqual(result.cells[4]?.outputs.count, 1, "the last line `later` is shown")
        XCTAssertTrue(result.failures.isEmpty, "\(result.failures)")
    }

    /// The same error where the cell is lifted and where it stays in `main.swift` (a statement
    /// appended to it, on a line of its own), at the same Markdown line and column.
    func testTypeErrorInALiftedInitialiserIsAtItsMarkdownLineAndColumn() throws {
        let f = try RunnerFixture()
        let cell = "```swift\nlet a = 1\n```\n\n```swift\nlet b = 2\nlet c: String = a + b\n"
        let (doc, lifted) = try f.run(cell + "```\n", cached: false)
        XCTAssertFalse(Tangler.generate(for: doc, params: [], seed: 0, plan: nil).liftedSource.isEmpty)
        let (_, inMain) = try f.run(cell + "func keep() {}\n```\n", cached: false)
        XCTAssertEqual(lifted.compileErrors.map(\.line), [7], "\(lifted.compileErrors)")
        XCTAssertEqual(lifted.compileErrors.first?.column, 19)
        XCTAssertEqual(lifted.compileErrors, inMain.compileErrors)
        XCTAssertFalse(lifted.compileErrors.contains { $0.message.contains("cells.swift") || $0.message.contains("main.swift") })
    }

    func testTrapInALiftedInitialiserIsAtItsMarkdownLineAndColumn() throws {
        let f = try RunnerFixture()
        let cells = "```swift\nlet xs = [1, 2, 3]\n```\n\n```swift\nlet fine = 1\nlet bad = xs[fine + 5]\n"
        let after = "```\n\n```swift\nprint(\"after\")\n```\n"
        for (variant, md) in [("lifted", cells + after), ("in main.swift", cells + "func keep() {}\n" + after)] {
            let (_, result) = try f.run(md, cached: false)
            XCTAssertEqual(result.cells[0]?.status, .succeeded, variant)
            guard case .failed(let error)? = result.cells[1]?.status else { return XCTFail("\(variant): \(String(describing: result.cells[1]))") }
            XCTAssertEqual(error.message, "Index out of range", variant)
            XCTAssertEqual(error.line, 7, variant)
            XCTAssertEqual(error.column, 13, "\(variant): the subscript")
            XCTAssertEqual(result.cells[2]?.status, .notRun, variant)
        }
    }

    /// `abort()` is found from the SIGABRT handler's addresses (`AbortLocation`), through
    /// `swift_once` and the global's initialiser, at the same place as in `main.swift`.
    func testAbortInALiftedInitialiserIsAtItsMarkdownLine() throws {
        let f = try RunnerFixture()
        let cells = "```swift\nlet a = 1\n```\n\n```swift\nlet b: Int = a > 0 ? { () -> Int in abort() }() : 0\n"
        var places: [String: [Int?]] = [:]
        for (variant, md) in [("lifted", cells + "```\n"), ("in main.swift", cells + "func keep() {}\n```\n")] {
            let (_, result) = try f.run(md, cached: false)
            guard case .failed(let error)? = result.cells[1]?.status else { return XCTFail("\(variant): \(String(describing: result.cells[1]))") }
            XCTAssertEqual(error.line, 6, "\(variant): \(error)")
            places[variant] = [error.line, error.column]
        }
        XCTAssertEqual(places["lifted"], places["in main.swift"])
    }

    /// A lifted initialiser that names a global a later cell declares in `main.swift` is not
    /// lifted: the cell behaves exactly as before (Swift 5 reads `a` uninitialised, as zero).
    func testInitialiserNamingALaterMainGlobalIsNotLifted() throws {
        let codes = ["let b = a + 1", "let c = 2", "var a = 5\nfunc keep() {}"]
        XCTAssertEqual(CellLifting.plan(codes).keys.sorted(), [1])
        XCTAssertEqual(CellLifting.plan(["let a = 5", "let b = a + 1"]).keys.sorted(), [0, 1])
        // Kept in main.swift, `d` declares there and keeps the cell above that names it too.
        XCTAssertEqual(CellLifting.plan(["let e = d", "let d = a", "var a = 5\nfunc keep() {}"]).keys.sorted(), [])
        let f = try RunnerFixture()
        let (_, result) = try f.run("```swift\nlet b = a + 1\n```\n\n```swift\nvar a = 5\nfunc keep() {}\nprint(a)\n```\n", cached: false)
        XCTAssertEqual(result.compileErrors, [])
        XCTAssertEqual(result.cells[1]?.outputs, [.stream(name: "stdout", text: "5\n")])
    }

    func testRedeclaredLiftedNameIsAnErrorAtTheSecondDeclaration() throws {
        let f = try RunnerFixture()
        let (_, result) = try f.run("```swift\nlet a = 1\n```\n\n```swift\nlet a = 2\n```\n", cached: false)
        XCTAssertEqual(result.compileErrors.map(\.line), [6], "\(result.compileErrors)")
        XCTAssertTrue(result.compileErrors.first?.message.contains("invalid redeclaration of 'a'") == true, "\(result.compileErrors)")
    }

    /// A statement above the cell that declares a lifted global initialises it early (documented
    /// in `CellLifting`; in `main.swift` it read 0); a name never declared is an error at its line.
    func testUseBeforeDeclarationIsDefinedAndUndeclaredNamesAreErrors() throws {
        let f = try RunnerFixture()
        let (_, early) = try f.run("```swift\nprint(b)\n```\n\n```swift\nlet b = 5\n```\n", cached: false)
        XCTAssertEqual(early.cells[0]?.outputs, [.stream(name: "stdout", text: "5\n")])
        let (_, missing) = try f.run("```swift\nlet a = 1\n```\n\n```swift\nlet c = a + nowhere\n```\n", cached: false)
        XCTAssertEqual(missing.compileErrors.map(\.line), [6], "\(missing.compileErrors)")
        XCTAssertEqual(missing.compileErrors.first?.column, 13)
    }
}
