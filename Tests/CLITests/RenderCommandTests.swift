import XCTest

/// The `render` command's basic contract: outputs, exit codes, error locations.
final class RenderCommandTests: CLITestCase {
    func testRendersTheHelloNotebookByDefault() throws {
        let hello = try String(contentsOf: packageRoot.appendingPathComponent("notebooks/hello.md"), encoding: .utf8)
        try write("notebooks/hello.md", hello)
        let r = try folio(["render"])
        XCTAssertEqual(r.status, 0, r.stderr)
        for f in ["output/hello.pdf", "output/hello.html", "output/index.html", "output/hello/fig-circle.png"] {
            XCTAssertTrue(FileManager.default.fileExists(atPath: dir.appendingPathComponent(f).path), f)
        }
        let text = try pdftotext("output/hello.pdf")
        XCTAssertTrue(text.contains("a is 3×3:"), text)
        XCTAssertTrue(text.contains("trace of a·aᵀ = 204.0"), text)
    }

    func testTypeErrorReportsMarkdownLineAndLeavesOutputAlone() throws {
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("output"), withIntermediateDirectories: true)
        try write("output/bad.pdf", "previous render")
        try write(
            "notebooks/bad.md",
            """
            ---
            title: Broken
            ---

            ```swift
            let fine = 1
            ```

            ```swift
            let n: Int = fine + "two"
            ```
            """)
        let r = try folio(["render", "notebooks/bad.md"])
        XCTAssertEqual(r.status, 2, r.stderr)
        XCTAssertTrue(r.stderr.hasPrefix("notebooks/bad.md:10:21: error: "), r.stderr)
        XCTAssertEqual(try String(contentsOf: dir.appendingPathComponent("output/bad.pdf"), encoding: .utf8), "previous render")
        XCTAssertFalse(FileManager.default.fileExists(atPath: dir.appendingPathComponent("output/bad.html").path))
    }

    func testFailingCellExitsOne() throws {
        try write("notebooks/trap.md", "```swift\nlet r = 1.2\nif r != 1 { fatalError(\"law does not hold: ratio \\(r)\") }\n```\n")
        let r = try folio(["render", "notebooks/trap.md"])
        XCTAssertEqual(r.status, 1, r.stderr)
        XCTAssertTrue(r.stderr.contains("notebooks/trap.md:3:13: error: law does not hold: ratio 1.2"), r.stderr)
    }

    func testFailingCellShowsWhatItPrintedOnStderr() throws {
        let prints = (1...25).map { "print(\"value \($0)\")" }.joined(separator: "\n")
        try write("notebooks/law.md", "# Law\n\n```swift\n\(prints)\nfatalError(\"law does not hold\")\n```\n")
        let r = try folio(["render", "notebooks/law.md"])
        XCTAssertEqual(r.status, 1, r.stderr)
        XCTAssertTrue(r.stderr.contains("notebooks/law.md:4: note: the cell printed (last 20 of 25 lines):\n    value 6\n"), r.stderr)
        XCTAssertTrue(r.stderr.contains("    value 25\n"), r.stderr)
        XCTAssertFalse(r.stderr.contains("value 5\n"), r.stderr)
        // The error comes first, then the printed lines, then the summary.
        let error = try XCTUnwrap(r.stderr.range(of: "error: law does not hold"))
        let note = try XCTUnwrap(r.stderr.range(of: "note: the cell printed"))
        XCTAssertLessThan(error.lowerBound, note.lowerBound)
    }

    /// Without the fonts reports are set in, folio names them and what installs them, and
    /// stops before compiling or writing anything (it used to trap inside the math renderer).
    func testMissingFontsAreNamedBeforeAnythingRuns() throws {
        try write("notebooks/a.md", "# A\n\n$x^2$\n\n```swift\nprint(1)\n```\n")
        try write(
            "fonts.conf",
            "<?xml version=\"1.0\"?>\n<!DOCTYPE fontconfig SYSTEM \"fonts.dtd\">\n<fontconfig><cachedir>\(dir.path)/fc</cachedir></fontconfig>\n")
        let r = try folio(["render", "notebooks/a.md"], environment: ["FONTCONFIG_FILE": dir.appendingPathComponent("fonts.conf").path])
        XCTAssertEqual(r.status, 4, r.stderr)
        XCTAssertEqual(
            r.stderr,
            "folio: error: fonts the report needs are not installed: Latin Modern Roman (Debian package fonts-lmodern), "
                + "Latin Modern Sans (Debian package fonts-lmodern), Latin Modern Math (Debian package fonts-lmodern), "
                + "DejaVu Sans Mono (Debian package fonts-dejavu-core); scripts/setup installs them\n")
        XCTAssertFalse(FileManager.default.fileExists(atPath: dir.appendingPathComponent("output").path))
        XCTAssertFalse(FileManager.default.fileExists(atPath: dir.appendingPathComponent(".cache/programs").path))
    }

    func testBadPathsAndFilesGiveOneLineErrors() throws {
        let missing = try folio(["render", "notebooks/nope.md"])
        XCTAssertEqual(missing.status, 4)
        XCTAssertEqual(missing.stderr, "notebooks/nope.md:1:1: error: no such file or folder\n")

        try Data([0x41, 0x0A, 0xFF, 0xFE]).write(to: dir.appendingPathComponent("notebooks/binary.md"))
        let binary = try folio(["render", "notebooks/binary.md"])
        XCTAssertEqual(binary.status, 4)
        XCTAssertEqual(binary.stderr, "notebooks/binary.md:2:1: error: file is not valid UTF-8\n")

        try write("notebooks/opt.md", "```swift\n//| colour: red\n```\n")
        let opt = try folio(["render", "notebooks/opt.md"])
        XCTAssertEqual(opt.status, 4)
        XCTAssertTrue(opt.stderr.hasPrefix("notebooks/opt.md:2:5: error: unknown cell option 'colour'"), opt.stderr)

        let usage = try folio(["render", "-P", "novalue"])
        XCTAssertEqual(usage.status, 4)
    }

    func testEmptyNotebookGivesAnEmptyReport() throws {
        try write("notebooks/empty.md", "")
        let r = try folio(["render", "notebooks/empty.md", "-o", "site"])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertTrue(FileManager.default.fileExists(atPath: dir.appendingPathComponent("site/empty.pdf").path))
        XCTAssertTrue(FileManager.default.fileExists(atPath: dir.appendingPathComponent("site/empty.html").path))
    }

    func testParamOverride() throws {
        try write("notebooks/p.md", "---\nparams:\n  k: 2\n---\n```swift\nprint(\"k squared is\", params.k * params.k)\n```\n")
        let r = try folio(["render", "notebooks/p.md", "-P", "k=12"])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertTrue(try pdftotext("output/p.pdf").contains("k squared is 144"))
        let bad = try folio(["render", "notebooks/p.md", "-P", "j=1"])
        XCTAssertEqual(bad.status, 4)
        XCTAssertTrue(bad.stderr.contains("no parameter 'j'"), bad.stderr)
    }

    func testUnwritableOutputIsARenderError() throws {
        try write("notebooks/ok.md", "# Fine\n")
        try write("blocked", "a file where the output folder should be")
        let r = try folio(["render", "notebooks/ok.md", "-o", "blocked"])
        XCTAssertEqual(r.status, 3, r.stderr)
        XCTAssertTrue(r.stderr.hasPrefix("folio: error: notebooks/ok.md: could not write the report"), r.stderr)
    }
}
