import XCTest
import Notebook
import OutputChannel
@testable import Runner

/// Cells that mix liftable declarations with statements are lifted too (`CellLifting`,
/// `LiftableStatement`): the statements run in a function of `cells.swift`, in source order with
/// the declarations' touches, at their Markdown lines; every form that behaves differently in a
/// function keeps its cell in `main.swift`.
final class StatementLiftingTests: XCTestCase {
    private func names(_ code: String) -> [String?]? { CellLifting.parts(code)?.map(\.name) }

    func testStatementsAndDeclarationsAreLiftedInSourceOrder() {
        XCTAssertEqual(names("let x = f()\nprint(x)\nlet y = g(x)"), ["x", nil, "y"])
        for lifted in [
            "print(1)", "for i in 0..<3 {\n    print(i)\n}", "if x > 1 { print(x) } else { print(0) }", "x += 1",
            "guard x > 0 else { fatalError(\"no\") }", "let ys = xs.map { v -> Int in return v * 2 }\nprint(ys)",
            "xs.forEach { if $0 > 1 { return } }", "print((try? f()) ?? 0)", "show(fig)", "while i < 3 { i += 1 }",
            "switch x {\ncase 1: print(1)\ndefault: break\n}", "do { print(1) }", "_ = f()", "let r = xs.first { $0 > 1 }",
            "xs.forEach { x in\n    guard x > 0 else { return }\n    print(x)\n}",
            "if let v = Int(\"3\") { print(v) }", "let g: () throws -> Void = { throw E() }",
        ] {
            XCTAssertNotNil(CellLifting.parts(lifted), lifted)
        }
    }

    /// Each form that differs in a function body stays in `main.swift`, as its cell did before.
    func testEachRefusedFormKeepsItsCellInMain() throws {
        for refused in [
            "defer { print(1) }", "print(await f())", "async let x = f()", "return", "if c { return }",
            "guard c else { return }", "for x in xs { if x > 1 { return } }", "try f()", "print(try f())",
            "xs.forEach { try f($0) }", "throw E()", "if c { throw E() }", "do { try f() } catch { print(error) }",
            "outer: for i in 0..<2 { break outer }", "#if DEBUG\nprint(1)\n#endif", "print(#line)",
            "if #available(macOS 14, *) { print(1) }", "@discardableResult func f() -> Int { 1 }", "private var x = 1",
            "lazy var x = 1", "func f() {}", "struct S {}", "enum E { case a }", "final class C {}", "extension Int {}",
            "import Foundation", "typealias T = Int", "guard let x = f() else { fatalError() }",
            "guard case .some(let v) = f() else { fatalError() }", "guard var x = f() else { fatalError() }",
            "guard a, let b = f() else { fatalError() }", "switch x {\n@unknown default: break\n}", "let a = 1; print(a)",
            "print(1); print(2)", "var x: Int\nx = 1", "let a = 1\nprint(a)\nfunc g() {}",
        ] {
            XCTAssertNil(CellLifting.parts(refused), refused)
            XCTAssertNil(CellLifting.plan([refused])[0], refused)
            let doc = try Document.parse("```swift\n\(refused)\n```\n", path: "nb/x.md")
            let program = Tangler.generate(for: doc, params: [], seed: 0, plan: nil)
            XCTAssertEqual(program.liftedSource, "", refused)
            XCTAssertTrue(program.source.contains("line: 2)\n\(refused)\n#sourceLocation()"), refused)
        }
    }

    func testOnlyANameBindingTopLevelGuardForbidsLifting() {
        XCTAssertFalse(CellLifting.forbidden(["let a = 1", "guard a > 0 else { fatalError() }"]))
        XCTAssertEqual(CellLifting.plan(["let a = 1", "guard a > 0 else { fatalError() }"]).keys.sorted(), [0, 1])
        XCTAssertTrue(CellLifting.forbidden(["let a = 1", "guard let b = Int(\"2\") else { fatalError() }"]))
        XCTAssertTrue(CellLifting.forbidden(["let a = 1", "guard a > 0, case let b? = Int(\"2\") else { fatalError() }"]))
        XCTAssertFalse(CellLifting.forbidden(["let a = 1", "func f() async {}\nprint(1)"]))
        XCTAssertTrue(CellLifting.forbidden(["print(1)", "func f() async -> Int { 1 }\nlet t = Task { await f() }"]))
    }

    /// A statement naming a global that a later cell declares in `main.swift`, or one that
    /// `main.swift` declares without an initialiser, keeps its cell there.
    func testStatementsNamingMainGlobalsDeclaredLaterOrUninitialisedStayInMain() {
        XCTAssertEqual(CellLifting.plan(["print(a)", "print(2)", "var a = 5\nfunc keep() {}"]).keys.sorted(), [1])
        XCTAssertEqual(CellLifting.plan(["var a: Int\nfunc keep() {}", "a = 3\nprint(a)", "print(2)"]).keys.sorted(), [2])
        XCTAssertEqual(CellLifting.plan(["var a = 0, b = 0\nfunc keep() {}", "b += 1"]).keys.sorted(), [1])
        XCTAssertEqual(CellLifting.plan(["print(b)", "var a = 0, b = 0\nfunc keep() {}"]).keys.sorted(), [])
    }

    /// The structure that keeps the compile linear (no timing): cells mixing a `let` with a
    /// statement, and cells of one statement, leave `main.swift` a prelude of fixed size and one
    /// call; each statement is in a chunk function at its Markdown line.
    func testMixedCellsLeaveMainAFixedPrelude() throws {
        let n = 2_000
        let md = (0..<n).map { $0 % 2 == 0 ? "```swift\nlet v\($0) = \($0)\nprint(v\($0))\n```\n" : "```swift\nprint(\($0))\n```\n" }
        let doc = try Document.parse(md.joined(separator: "\n"), path: "nb/x.md")
        let program = Tangler.generate(for: doc, params: [], seed: 1, plan: nil)
        XCTAssertEqual(program.cells, Array(0..<n))
        let mainLines = program.source.split(separator: "\n")
        XCTAssertEqual(mainLines.filter { !$0.hasPrefix("//") && !$0.hasPrefix("#sourceLocation") }.count, 8, "a prelude of fixed size")
        let lifted = program.liftedSource
        XCTAssertTrue(lifted.contains("    _folioNextCell()\n#sourceLocation(file: \"nb/x.md\", line: 2)\n    _ = v0\n#sourceLocation()\n"))
        XCTAssertTrue(lifted.contains("#sourceLocation(file: \"nb/x.md\", line: 3)\nprint(v0)\n#sourceLocation()\n"))
        XCTAssertTrue(lifted.contains("    _folioNextCell()\n#sourceLocation(file: \"nb/x.md\", line: 7)\nprint(1)\n#sourceLocation()\n"))
        XCTAssertEqual(lifted.components(separatedBy: "    _folioNextCell()\n").count - 1, n)
        // Chunks of at most 32 cells, which -O does not inline back into one large function.
        let chunks = (n + LiftedCells.chunkSize - 1) / LiftedCells.chunkSize
        XCTAssertEqual(lifted.components(separatedBy: "\n@inline(never) func _folioLiftedCells0_").count - 1, chunks)
        XCTAssertTrue(lifted.contains("func _folioLiftedCells0() {\n    _folioLiftedCells0_0()\n    _folioLiftedCells0_1()\n"))
        XCTAssertTrue(lifted.contains("    _folioLiftedCells0_\(chunks - 1)()\n}\n"))
    }

    /// Output order across mixed cells: initialisers and statements run in source order, each in
    /// its cell; a lifted statement mutates a global of `main.swift` and one of `cells.swift`.
    func testMixedCellsRunInSourceOrderWithTheirOutputs() throws {
        let md = """
            ```swift
            var count = 0
            func f(_ s: String) -> Int { print("f", s); count += 1; return count }
            ```

            ```swift
            let a = f("a")
            print("between", a)
            var b = f("b") + a
            ```

            ```swift
            b += 10
            count += 100
            for i in 0..<2 { print("i", i) }
            guard b > 0 else { fatalError("never") }
            b
            ```

            ```swift
            func keep() {}
            print(count, b)
            ```
            """
        let f = try RunnerFixture()
        let (doc, result) = try f.run(md, cached: false, optimize: false)
        let program = Tangler.generate(for: doc, params: [], seed: 0, plan: nil)
        XCTAssertTrue(program.liftedSource.contains("print(\"between\", a)\n"), program.liftedSource)
        XCTAssertTrue(program.liftedSource.contains("count += 100\n"))
        XCTAssertFalse(program.source.contains("print(\"between\""))
        XCTAssertTrue(result.failures.isEmpty, "\(result.failures) \(result.compileErrors)")
        XCTAssertEqual(result.cells[1]?.outputs, [.stream(name: "stdout", text: "f a\nbetween 1\nf b\n")])
        XCTAssertEqual(result.cells[2]?.outputs.first, .stream(name: "stdout", text: "i 0\ni 1\n"))
        XCTAssertEqual(result.cells[2]?.outputs.count, 2, "the last line `b` is shown")
        XCTAssertEqual(result.cells[3]?.outputs, [.stream(name: "stdout", text: "102 13\n")])
    }

    /// A trap in a lifted statement is at its Markdown line and column, at -Onone and under the
    /// -O default (re-run at -Onone to place it), as where the cell stays in `main.swift`.
    func testTrapInALiftedStatementIsAtItsMarkdownLineAndColumn() throws {
        let f = try RunnerFixture()
        let cell = "```swift\nlet xs = [1, 2]\n```\n\n```swift\nlet i = xs.count + 3\nprint(\"before\")\nprint(xs[i])\n"
        let after = "```\n\n```swift\nprint(\"after\")\n```\n"
        for optimize in [false, nil] {
            for (variant, md) in [("lifted", cell + after), ("in main.swift", cell + "func keep() {}\n" + after)] {
                let label = "\(variant), optimize \(String(describing: optimize))"
                let (doc, result) = try f.run(md, cached: false, optimize: optimize)
                let lifted = Tangler.generate(for: doc, params: [], seed: 0, plan: nil).liftedSource
                XCTAssertEqual(lifted.contains("print(xs[i])"), variant == "lifted", label)
                guard case .failed(let error)? = result.cells[1]?.status else { return XCTFail("\(label): \(String(describing: result.cells[1]))") }
                XCTAssertEqual(error.message, "Index out of range", label)
                XCTAssertEqual(error.line, 8, label)
                XCTAssertEqual(error.column, 9, "\(label): the subscript")
                XCTAssertEqual(result.cells[1]?.outputs.first, .stream(name: "stdout", text: "before\n"), label)
                XCTAssertEqual(result.cells[2]?.status, .notRun, label)
            }
        }
    }

    func testCompileErrorInALiftedStatementIsAtItsMarkdownLineAndColumn() throws {
        let f = try RunnerFixture()
        let cell = "```swift\nlet a = 1\n```\n\n```swift\nlet b = 2\nprint(a)\nlet c: String = a + b\nif c.isEmpty { print(a + \"x\") }\n"
        let (doc, lifted) = try f.run(cell + "```\n", cached: false)
        XCTAssertTrue(Tangler.generate(for: doc, params: [], seed: 0, plan: nil).liftedSource.contains("if c.isEmpty"))
        let (_, inMain) = try f.run(cell + "func keep() {}\n```\n", cached: false)
        XCTAssertEqual(lifted.compileErrors.map(\.line), [8, 9], "\(lifted.compileErrors)")
        XCTAssertEqual(lifted.compileErrors.map(\.column), [19, 24])
        XCTAssertEqual(lifted.compileErrors, inMain.compileErrors)
    }

    /// A cell in a list item: the Markdown column counts the item's indentation, for a trap and
    /// for a compile error in a lifted statement.
    func testALiftedCellInAListItemHasItsMarkdownColumns() throws {
        let f = try RunnerFixture()
        let trap = "# List\n\n- a step\n\n  ```swift\n  let ys = [1]\n  print(\"in list\")\n  print(ys[ys.count])\n  ```\n"
        let (doc, trapped) = try f.run(trap, cached: false)
        XCTAssertTrue(Tangler.generate(for: doc, params: [], seed: 0, plan: nil).liftedSource.contains("print(ys[ys.count])"))
        guard case .failed(let error)? = trapped.cells[0]?.status else { return XCTFail("\(String(describing: trapped.cells[0]))") }
        XCTAssertEqual([error.line, error.column], [8, 11], "\(error)")
        let broken = trap.replacingOccurrences(of: "print(ys[ys.count])", with: "for y in ys { print(y + \"s\") }")
        let (_, failed) = try f.run(broken, cached: false)
        XCTAssertEqual(failed.compileErrors.map { [$0.line, $0.column] }, [[8, 25]], "\(failed.compileErrors)")
    }

    /// A guard that binds nothing and fails ends its cell at its `fatalError`, in a lifted cell.
    func testAFailingNonBindingGuardInALiftedCellFailsItsCell() throws {
        let f = try RunnerFixture()
        let md =
            "```swift\nlet n = 3\nprint(\"n\", n)\nguard n > 5 else { fatalError(\"n is too small\") }\nprint(\"unreached\")\n```\n\n```swift\nprint(\"after\")\n```\n"
        let (doc, result) = try f.run(md, cached: false)
        XCTAssertTrue(Tangler.generate(for: doc, params: [], seed: 0, plan: nil).liftedSource.contains("guard n > 5"))
        guard case .failed(let error)? = result.cells[0]?.status else { return XCTFail("\(String(describing: result.cells[0]))") }
        XCTAssertTrue(error.message.contains("n is too small"), error.message)
        XCTAssertEqual(error.line, 4, "\(error)")
        XCTAssertEqual(result.cells[0]?.outputs.first, .stream(name: "stdout", text: "n 3\n"))
        XCTAssertEqual(result.cells[1]?.status, .notRun)
    }
}
