import XCTest
@testable import Notebook

/// Every parse error names the place it is about: the `inputs:` entry, the repeated key, the
/// parameter, the option — in Markdown columns, counted in characters.
final class DiagnosticPlacementTests: XCTestCase {
    var dir: URL!

    override func setUpWithError() throws {
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("notebook-\(UUID())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        try Data("1,2\n".utf8).write(to: dir.appendingPathComponent("data.csv"))
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: dir) }

    func error(_ s: String) -> Diagnostic? {
        do { _ = try Document.parse(s, path: "t.md"); return nil } catch { return error as? Diagnostic }
    }

    /// Loads a notebook with `inputs` written in the folder, and returns its error.
    func loadError(inputs: String) throws -> Diagnostic? {
        let path = dir.appendingPathComponent("n.md").path
        try "---\ntitle: T\ninputs:\n  - data.csv\n  - \(inputs)\n---\n\nText.\n".write(toFile: path, atomically: true, encoding: .utf8)
        do { _ = try Document.load(path: path); return nil } catch { return error as? Diagnostic }
    }

    func place(_ d: Diagnostic?) -> String { d.map { "\($0.line):\($0.column)" } ?? "no error" }

    func testInputErrorsAreAtTheirEntry() throws {
        XCTAssertNil(try loadError(inputs: "data.csv"), "a regular file passes")
        let missing = try loadError(inputs: "missing.csv")
        XCTAssertEqual(place(missing), "5:5")
        XCTAssertEqual(missing?.message, "declared input 'missing.csv' does not exist (looked for \(dir.appendingPathComponent("missing.csv").path))")
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("folder"), withIntermediateDirectories: true)
        let folder = try loadError(inputs: "folder")
        XCTAssertEqual(place(folder), "5:5")
        XCTAssertTrue(folder?.message.hasPrefix("declared input 'folder' is a directory, not a file") ?? false)
    }

    func testFIFOsAndDevicesAreRefusedWithoutReading() throws {
        let fifo = dir.appendingPathComponent("pipe").path
        XCTAssertEqual(mkfifo(fifo, 0o644), 0)
        let began = Date()
        let pipe = try loadError(inputs: "pipe")
        XCTAssertEqual(place(pipe), "5:5")
        XCTAssertTrue(pipe?.message.hasPrefix("declared input 'pipe' is a FIFO, not a regular file") ?? false, "\(String(describing: pipe))")
        let zero = try loadError(inputs: "/dev/zero")
        XCTAssertEqual(place(zero), "5:5")
        XCTAssertTrue(zero?.message.hasPrefix("declared input '/dev/zero' is a character device, not a regular file") ?? false)
        XCTAssertLessThan(Date().timeIntervalSince(began), 5, "nothing waited for a writer or read for ever")
        try FileManager.default.createSymbolicLink(atPath: dir.appendingPathComponent("loop").path, withDestinationPath: "loop")
        let loop = try loadError(inputs: "loop")
        XCTAssertEqual(place(loop), "5:5")
        XCTAssertTrue(loop?.message.hasPrefix("declared input 'loop' cannot be read: ") ?? false, "\(String(describing: loop))")
    }

    func testASingleInputIsAtItsValue() throws {
        let path = dir.appendingPathComponent("one.md").path
        try "---\ninputs: gone.csv\n---\n".write(toFile: path, atomically: true, encoding: .utf8)
        XCTAssertThrowsError(try Document.load(path: path)) { XCTAssertEqual(self.place($0 as? Diagnostic), "2:9") }
    }

    func testNotebooksThatAreNotRegularFilesAreRefused() throws {
        for (path, message) in [
            ("/dev/zero", "is a character device, not a notebook file"), (dir.path, "is a directory, not a notebook"),
            (dir.appendingPathComponent("none.md").path, "no such file"),
        ] {
            XCTAssertThrowsError(try Document.load(path: path)) { XCTAssertEqual(($0 as? Diagnostic)?.message, message) }
        }
        let fifo = dir.appendingPathComponent("n.md").path
        XCTAssertEqual(mkfifo(fifo, 0o644), 0)
        XCTAssertThrowsError(try Document.load(path: fifo)) { XCTAssertEqual(($0 as? Diagnostic)?.message, "is a FIFO, not a notebook file") }
    }

    func testARepeatedFrontMatterKeyIsAnErrorAtTheRepeat() {
        let top = error("---\ntitle: A\nseed: 1\ntitle: B\n---\n")
        XCTAssertEqual(place(top), "4:1")
        XCTAssertEqual(top?.message, "front matter key 'title' is given twice (first at line 2); give each key once")
        XCTAssertEqual(place(error("---\nparams:\n  n: 1\n  m: 2\n  n: 3\n---\n")), "5:3")
        XCTAssertEqual(place(error("---\nexecute:\n  timeout: 5\n  timeout: 6\n---\n")), "4:3")
        XCTAssertEqual(place(error("---\nparams: {n: 1, n: 2}\n---\n")), "2:16")
    }

    func testParametersNamedWithSwiftKeywordsAreErrorsAtTheirLine() {
        for name in ["class", "let", "func", "self", "Type", "init", "_", "Self", "protocol", "in"] {
            let e = error("---\nparams:\n  ok: 1\n  \(name): 2\n---\n")
            XCTAssertEqual(place(e), "4:3", name)
            XCTAssertEqual(e?.message, "parameter name '\(name)' is a Swift keyword; choose another name")
        }
        XCTAssertEqual(error("---\nparams:\n  1x: 2\n---\n")?.message, "parameter name '1x' is not a Swift identifier")
        XCTAssertEqual(
            error("---\nparams:\n  \u{301}a: 2\n---\n")?.message, "parameter name '\u{301}a' is not a Swift identifier",
            "a combining mark cannot start a name")
        XCTAssertEqual(place(error("---\nparams:\n  a-b: 2\n---\n")), "3:3")
        XCTAssertNil(error("---\nparams:\n  classes: 2\n  σ: 1.0\n---\n"), "names that merely contain a keyword are fine")
    }

    func testOptionErrorsInsideListsAndQuotesAreAtMarkdownColumns() {
        let list = error("# T\n\n- item\n\n  ```swift\n  //| echo: maybe\n  x\n  ```\n")
        XCTAssertEqual(place(list), "6:7")
        XCTAssertEqual(list?.sourceLine, "  //| echo: maybe")
        XCTAssertEqual(place(error("> ```swift\n> //| bogus: 1\n> ```\n")), "2:7")
        XCTAssertEqual(place(error("> - ```swift\n>   //| timeout: -1\n>   ```\n")), "2:9")
        // A value that is not YAML: the column of the value, after a two-byte character's worth of text.
        XCTAssertEqual(place(error("- ```swift\n  //| caption: \"é\n  ```\n")), "2:16")
    }

    func testCellsKnowEachLinesColumnOffset() throws {
        let doc = try Document.parse("> ```swift\n> //| echo: false\n> let σσσ = y\n>     z\n> ```\n\n1. ```swift\n   a\n   ```\n", path: "t.md")
        XCTAssertEqual(doc.cells.count, 2)
        let quoted = doc.cells[0]
        XCTAssertEqual(quoted.firstLine, 3)
        XCTAssertEqual(quoted.columnOffsets, [2, 2])
        // swiftc reports `y` at byte column 14 of `let σσσ = y`: character 11, Markdown column 13.
        XCTAssertEqual(quoted.markdownColumn(line: 3, utf8Column: 14), 13)
        XCTAssertEqual(quoted.markdownColumn(line: 4, utf8Column: 5), 7)
        XCTAssertEqual(doc.cells[1].columnOffsets, [3])
        XCTAssertEqual(doc.cells[1].markdownColumn(line: 8, utf8Column: 1), 4)
        XCTAssertEqual(doc.cell(at: 1), doc.cells[1])
        XCTAssertNil(doc.cell(at: 2))
        // The document maps any compiler position: through the cell holding the line.
        XCTAssertEqual(doc.markdownColumn(line: 3, utf8Column: 14), 13)
        XCTAssertEqual(doc.markdownColumn(line: 8, utf8Column: 2), 5)
        XCTAssertEqual(doc.cell(containingLine: 4)?.index, 0)
        XCTAssertNil(doc.cell(containingLine: 6), "the blank line between the cells")
        XCTAssertEqual(doc.markdownColumn(line: 6, utf8Column: 3), 3)
    }

    func testARepeatedCellOptionIsAnErrorAtTheRepeat() {
        let e = error("```swift\n//| echo: false\n//| label: fig-a\n//|   echo: true\nx\n```\n")
        XCTAssertEqual(place(e), "4:7")
        XCTAssertEqual(e?.message, "cell option 'echo' is already set at line 2; give each option once")
    }

    func testAnUnclosedSwiftFenceIsAnErrorWhereItOpens() throws {
        let e = error("# T\n\nText.\n\n```swift\nlet x = 1\n\nMore prose.\n")
        XCTAssertEqual(place(e), "5:1")
        XCTAssertEqual(e?.message, "code fence opened here is never closed; add a closing fence")
        XCTAssertEqual(place(error("- item\n\n  ```swift\n  x\n- next\n")), "3:3")
        XCTAssertEqual(place(error("text\n\n```swift")), "3:1")
        // Shown code still renders, with a warning at its fence.
        let doc = try Document.parse("Text.\n\n~~~~python\nprint(1)\n~~~\n", path: "t.md")
        XCTAssertEqual(doc.warnings.map { "\($0.line):\($0.column) \($0.severity)" }, ["3:1 warning"])
        // Closed fences, also in quotes and with longer closing runs, are quiet.
        XCTAssertEqual(try Document.parse("> ```swift\n> x\n> ````\n\n```text\n```\n", path: "t.md").warnings, [])
    }
}
