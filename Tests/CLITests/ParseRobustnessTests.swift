import XCTest
import TestSupport

/// Hostile notebooks through the real `folio`: each is a diagnostic at its place with exit 4
/// (or a rendered report with a warning), never a crash or a hang.
final class ParseRobustnessTests: CLITestCase {
    /// Runs `folio render path`, failing (and stopping it) if it takes more than a minute.
    func render(_ path: String) throws -> CommandResult {
        let started = try start(["render", path])
        let deadline = Date().addingTimeInterval(60)
        while started.process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        if started.process.isRunning {
            started.process.terminate()
            XCTFail("folio render \(path) still running after 60 s")
        }
        return try started.wait()
    }

    func testTenThousandNestedListsAreAnErrorAtTheCap() throws {
        try write("notebooks/deep.md", "# Deep\n\n" + String(repeating: "- ", count: 10_000) + "x\n")
        let r = try render("notebooks/deep.md")
        XCTAssertEqual(r.status, 4, r.stderr)
        XCTAssertTrue(r.stderr.hasPrefix("notebooks/deep.md:3:201: error: Markdown is nested more than 100 levels deep"), r.stderr)
    }

    func testTenThousandNestedQuotesAroundACellAreAnError() throws {
        try write("notebooks/quotes.md", String(repeating: "> ", count: 10_000) + "```swift\n1\n```\n")
        let r = try render("notebooks/quotes.md")
        XCTAssertEqual(r.status, 4, r.stderr)
        XCTAssertTrue(r.stderr.hasPrefix("notebooks/quotes.md:1:201: error: "), r.stderr)
    }

    func testASelfCitingFootnoteRendersWithAWarning() throws {
        try write("notebooks/note.md", "Text[^a].\n\n[^a]: A note citing itself[^a].\n")
        let r = try render("notebooks/note.md")
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertTrue(r.stderr.contains("notebooks/note.md:3:27: warning: footnote [^a] cites itself; this mark is shown as text"), r.stderr)
        XCTAssertTrue(try pdftotext("output/note.pdf").contains("A note citing itself[^a]."))
    }

    func testAFIFOInputIsAnErrorAtItsEntryWithoutWaiting() throws {
        XCTAssertEqual(mkfifo(dir.appendingPathComponent("notebooks/pipe").path, 0o644), 0)
        try write("notebooks/fifo.md", "---\ntitle: T\ninputs:\n  - pipe\n---\n\n```swift\nprint(1)\n```\n")
        let r = try render("notebooks/fifo.md")
        XCTAssertEqual(r.status, 4, r.stderr)
        XCTAssertTrue(r.stderr.hasPrefix("notebooks/fifo.md:4:5: error: declared input 'pipe' is a FIFO, not a regular file"), r.stderr)
    }

    func testADeviceInputIsAnErrorAtItsEntry() throws {
        try write("notebooks/zero.md", "---\ninputs: [data.csv, /dev/zero]\n---\n\nText.\n")
        try write("notebooks/data.csv", "1\n")
        let r = try render("notebooks/zero.md")
        XCTAssertEqual(r.status, 4, r.stderr)
        XCTAssertTrue(r.stderr.hasPrefix("notebooks/zero.md:2:20: error: declared input '/dev/zero' is a character device"), r.stderr)
    }

    func testANotebookThatIsAFIFOIsRefused() throws {
        XCTAssertEqual(mkfifo(dir.appendingPathComponent("notebooks/p.md").path, 0o644), 0)
        let r = try render("notebooks/p.md")
        XCTAssertEqual(r.status, 4, r.stderr)
        XCTAssertTrue(r.stderr.hasPrefix("notebooks/p.md:1:1: error: is a FIFO, not a notebook file"), r.stderr)
    }

    func testAKeywordParameterIsAnErrorAtItsLine() throws {
        try write("notebooks/kw.md", "---\nparams:\n  width: 3\n  class: 2\n---\n\n```swift\nprint(params.width)\n```\n")
        let r = try render("notebooks/kw.md")
        XCTAssertEqual(r.status, 4, r.stderr)
        XCTAssertTrue(r.stderr.hasPrefix("notebooks/kw.md:4:3: error: parameter name 'class' is a Swift keyword"), r.stderr)
    }

    func testARepeatedKeyAndARepeatedOptionAreErrorsAtTheRepeat() throws {
        try write("notebooks/dup.md", "---\ntitle: A\ntitle: B\n---\n")
        let key = try render("notebooks/dup.md")
        XCTAssertEqual(key.status, 4, key.stderr)
        XCTAssertTrue(key.stderr.hasPrefix("notebooks/dup.md:3:1: error: front matter key 'title' is given twice"), key.stderr)
        try write("notebooks/opt.md", "- item\n\n  ```swift\n  //| echo: false\n  //| echo: true\n  print(1)\n  ```\n")
        let option = try render("notebooks/opt.md")
        XCTAssertEqual(option.status, 4, option.stderr)
        XCTAssertTrue(option.stderr.hasPrefix("notebooks/opt.md:5:7: error: cell option 'echo' is already set at line 4"), option.stderr)
    }

    func testAnUnclosedSwiftFenceIsAnErrorAtItsOpeningLine() throws {
        try write("notebooks/open.md", "# T\n\n```swift\nlet x = 1\n\nProse that would be swallowed.\n")
        let r = try render("notebooks/open.md")
        XCTAssertEqual(r.status, 4, r.stderr)
        XCTAssertTrue(r.stderr.hasPrefix("notebooks/open.md:3:1: error: code fence opened here is never closed"), r.stderr)
    }
}
