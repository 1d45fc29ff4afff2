import Foundation
import XCTest

/// Warnings through the real binary: bad math at its `file.md:line:col` wherever it is set, and
/// `--strict` (or front matter `strict: true`) turning every warning kind into exit 5 with the
/// output folder left exactly as it was.
final class StrictTests: CLITestCase {
    /// One notebook per warning kind, none with cells (nothing to compile): the kind, its text,
    /// and the `file:line:col` the warning must name.
    static let kinds: [(name: String, text: String, place: String)] = [
        ("reference", "# R\n\nSee @fig-nowhere.\n", "notebooks/reference.md:3:1"),
        ("image", "# I\n\n![a diagram](missing.png)\n", "notebooks/image.md:3:1"),
        ("math", "# M\n\nThe law $\\sigma^\\badcommand$ holds.\n", "notebooks/math.md:3:17"),
        ("label", "# L\n\nInline $x$ {#eq-x} is not an equation.\n", "notebooks/label.md:3:12"),
        ("link", "# K\n\nA [bad link](javascript:alert(1)).\n", "notebooks/link.md:3:14"),
        ("fence", "# F\n\nShown code:\n\n```text\nnever closed\n", "notebooks/fence.md:5:1"),
    ]

    func snapshot(_ folder: String) throws -> [String: Data] {
        let root = dir.appendingPathComponent(folder)
        var files: [String: Data] = [:]
        for case let url as URL in FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil) ?? FileManager.default.enumerator(
            atPath: "/nonexistent")!
        {
            var isDir: ObjCBool = false
            guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDir), !isDir.boolValue else { continue }
            files[url.path] = try Data(contentsOf: url)
        }
        return files
    }

    func testEachWarningKindIsAnErrorUnderStrictAndNothingIsPublished() throws {
        for k in Self.kinds { try write("notebooks/\(k.name).md", k.text) }
        let plain = try folio(["render"])
        XCTAssertEqual(plain.status, 0, plain.stderr)
        for k in Self.kinds {
            XCTAssertTrue(plain.stderr.contains("\(k.place): warning: "), "\(k.name): \(plain.stderr)")
        }
        // Edit every notebook so that a publication would change its files, then render strictly.
        for k in Self.kinds { try write("notebooks/\(k.name).md", k.text + "\nAn edit.\n") }
        let before = try snapshot("output")
        XCTAssertFalse(before.isEmpty)
        let strict = try folio(["render", "--strict"])
        XCTAssertEqual(strict.status, 5, strict.stderr)
        for k in Self.kinds {
            XCTAssertTrue(strict.stderr.contains("\(k.place): error: "), "\(k.name): \(strict.stderr)")
            XCTAssertTrue(
                strict.stderr.contains("folio: notebooks/\(k.name).md: not rendered (--strict: 1 warning); existing output left as it was"),
                "\(k.name): \(strict.stderr)")
        }
        XCTAssertFalse(strict.stderr.contains(": warning: "), strict.stderr)
        XCTAssertEqual(try snapshot("output"), before, "strict renders publish nothing")
        XCTAssertEqual(
            try FileManager.default.contentsOfDirectory(atPath: dir.appendingPathComponent("output").path).filter { $0.hasPrefix(".") && $0 != ".folio.lock" },
            [])
    }

    func testFrontMatterStrictAndACleanNotebook() throws {
        try write("notebooks/own.md", "---\nstrict: true\n---\n\nSee @sec-gone.\n")
        try write("notebooks/clean.md", "---\nstrict: true\n---\n\n# Clean {#sec-clean}\n\nSee @sec-clean and $x^2$.\n")
        let r = try folio(["render"])
        XCTAssertEqual(r.status, 5, r.stderr)
        XCTAssertTrue(r.stderr.contains("notebooks/own.md:5:1: error: unknown cross reference @sec-gone"), r.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: dir.appendingPathComponent("output/own.pdf").path))
        XCTAssertTrue(FileManager.default.fileExists(atPath: dir.appendingPathComponent("output/clean.pdf").path), "a notebook without warnings is published")
        XCTAssertEqual(try folio(["render", "--strict", "notebooks/clean.md"]).status, 0)
        try write("notebooks/bad.md", "---\nstrict: maybe\n---\n")
        let bad = try folio(["render", "notebooks/bad.md"])
        XCTAssertEqual(bad.status, 4, bad.stderr)
        XCTAssertTrue(bad.stderr.contains("notebooks/bad.md:2:1: error: front matter 'strict' needs true or false"), bad.stderr)
    }

    /// Bad math in a cell's caption and figure (drawn from the cell's outputs), beside prose:
    /// each at its place, the figure's at the cell's fence, with MathType's message.
    func testBadMathInCaptionsAndFiguresIsWarnedAtItsPlace() throws {
        try write(
            "notebooks/fig.md",
            """
            # Figures

            ```swift
            //| label: fig-bad
            //| caption: (a) The fit: $\\alpha$ and $\\nope$
            var fig = Figure(width: 144, height: 108, xLabel: #"depth $\\ell$"#, yLabel: #"$\\frac{1}{2$"#)
            fig.line(x: [0, 1], y: [0, 1], label: #"$\\wrong$ curve"#)
            show(fig)
            ```

            See @fig-bad.
            """)
        let r = try folio(["render", "notebooks/fig.md"])
        XCTAssertEqual(r.status, 0, r.stderr)
        let warnings = r.stderr.split(separator: "\n").filter { $0.contains(": warning: ") }
        XCTAssertEqual(warnings.count, 3, r.stderr)
        XCTAssertTrue(r.stderr.contains("notebooks/fig.md:5:41: warning: formula `\\nope` does not typeset: unknown command \\nope"), r.stderr)
        XCTAssertTrue(r.stderr.contains("notebooks/fig.md:3:1: warning: formula `\\frac{1}{2` in the figure of cell 'fig-bad' does not typeset: "), r.stderr)
        XCTAssertTrue(
            r.stderr.contains("notebooks/fig.md:3:1: warning: formula `\\wrong` in the figure of cell 'fig-bad' does not typeset: unknown command \\wrong"),
            r.stderr)
        let text = try pdftotext("output/fig.pdf")
        XCTAssertTrue(text.contains("Figure 1: (a) The fit:"), text)
    }
}
