import Foundation
import TestSupport
import XCTest

/// Sweeps with the real `folio`: the grid's folders and aggregate page, one more value running
/// one more point, what `-P` means for one value and for text, front matter `sweep:`, and a
/// point that fails.
final class SweepCommandTests: CLITestCase {
    static let notebook = """
        ---
        title: Sweep study
        params:
          width: 64
          lr: 0.001
          tag: a
        ---

        ```swift
        let loss = 1.0 / Double(params.width) + 10 * params.lr
        print("width", params.width, "lr", params.lr, "tag", params.tag)
        publish("final loss", loss)
        ```
        """

    func exists(_ path: String) -> Bool { FileManager.default.fileExists(atPath: dir.appendingPathComponent(path).path) }
    func text(_ path: String) throws -> String { try String(contentsOf: dir.appendingPathComponent(path), encoding: .utf8) }

    func testAGridRendersEveryPointAndTheAggregateAndOneMoreValueRunsOneMorePoint() throws {
        try write("notebooks/nb.md", Self.notebook)
        let first = try folio(["render", "notebooks/nb.md", "-P", "width=64,256", "-P", "lr=1e-3,1e-2", "--explain"])
        XCTAssertEqual(first.status, 0, first.stderr)
        XCTAssertTrue(first.stdout.contains("rendered sweep notebooks/nb.md (4 points, 4 run)"), first.stdout)
        let points = ["width-64_lr-0.001", "width-64_lr-0.01", "width-256_lr-0.001", "width-256_lr-0.01"]
        for p in points {
            XCTAssertTrue(exists("output/nb/\(p)/nb.pdf") && exists("output/nb/\(p)/nb.html"), p)
            XCTAssertTrue(first.stdout.contains("notebooks/nb.md [\(p)]: 1 compile, 1 run"), first.stdout)
        }
        XCTAssertTrue(try pdftotext("output/nb/width-256_lr-0.01/nb.pdf").contains("width 256 lr 0.01 tag a"))
        // The aggregate: a row per point with its published value, links that resolve, a figure.
        let html = try text("output/nb.html")
        for p in points {
            XCTAssertTrue(html.contains("href=\"nb/\(p)/nb.html\""), p)
            XCTAssertTrue(html.contains("href=\"nb/\(p)/nb.pdf\""), p)
        }
        let table = try pdftotext("output/nb.pdf")
        XCTAssertTrue(table.contains("0.025625") && table.contains("0.103906"), table)  // 1/64 + 0.01, 1/256 + 0.1
        XCTAssertTrue(table.contains("Figure 1: final loss over width, one line per lr."), table)
        XCTAssertTrue(exists("output/nb/fig-sweep-1.svg"))

        // One more width: two more points run, the four others are reused from the cache.
        let second = try folio(["render", "notebooks/nb.md", "-P", "width=64,256,1024", "-P", "lr=1e-3,1e-2", "--explain"])
        XCTAssertEqual(second.status, 0, second.stderr)
        XCTAssertTrue(second.stdout.contains("rendered sweep notebooks/nb.md (6 points, 2 run)"), second.stdout)
        XCTAssertEqual(second.stdout.components(separatedBy: ": 1 compile, 1 run").count - 1, 2, second.stdout)
        XCTAssertEqual(second.stdout.components(separatedBy: ": 0 compiles, 0 runs").count - 1, 4, second.stdout)
        XCTAssertTrue(exists("output/nb/width-1024_lr-0.01/nb.pdf") && exists("output/nb/width-64_lr-0.001/nb.pdf"))
        XCTAssertTrue(try pdftotext("output/nb.pdf").contains("width-1024_lr-0.01"))
    }

    func testOneValueKeepsItsMeaningAndTextSweepsByRepeatingP() throws {
        try write("notebooks/nb.md", Self.notebook)
        // A comma inside one text value is that text, as before sweeps.
        let one = try folio(["render", "notebooks/nb.md", "-P", "tag=a,b", "-P", "width=32"])
        XCTAssertEqual(one.status, 0, one.stderr)
        XCTAssertEqual(one.stdout, "rendered notebooks/nb.md → \(dir.appendingPathComponent("output/nb.pdf").path)\n")
        XCTAssertTrue(try pdftotext("output/nb.pdf").contains("width 32 lr 0.001 tag a,b"))
        XCTAssertFalse(exists("output/nb/tag-a-b"))
        // Repeating -P sweeps any type, commas and all.
        let text = try folio(["render", "notebooks/nb.md", "-P", "tag=x", "-P", "tag=y,z"])
        XCTAssertEqual(text.status, 0, text.stderr)
        XCTAssertTrue(try pdftotext("output/nb/tag-y-z/nb.pdf").contains("tag y,z"))
        XCTAssertTrue(try pdftotext("output/nb/tag-x/nb.pdf").contains("tag x"))
        // A value of the wrong type is an error at the parameter's line.
        let bad = try folio(["render", "notebooks/nb.md", "-P", "width=64,x"])
        XCTAssertEqual(bad.status, 4, bad.stderr)
        XCTAssertTrue(bad.stderr.hasPrefix("notebooks/nb.md:4:1: error: -P width=64,x: expected values of type Int, separated by commas"), bad.stderr)
    }

    func testFrontMatterSweepAndAPinnedAxis() throws {
        let swept = Self.notebook.replacingOccurrences(of: "  tag: a\n", with: "  tag: a\nsweep:\n  width: {from: 32, to: 96, step: 32}\n")
        try write("notebooks/nb.md", swept)
        let r = try folio(["render", "notebooks/nb.md"])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertTrue(r.stdout.contains("rendered sweep notebooks/nb.md (3 points, 3 run)"), r.stdout)
        for w in [32, 64, 96] { XCTAssertTrue(try pdftotext("output/nb/width-\(w)/nb.pdf").contains("width \(w) lr")) }
        // -P with one value pins the swept parameter: one ordinary render.
        let pinned = try folio(["render", "notebooks/nb.md", "-P", "width=48", "-o", "pinned"])
        XCTAssertEqual(pinned.status, 0, pinned.stderr)
        XCTAssertTrue(try pdftotext("pinned/nb.pdf").contains("width 48 lr"))
        XCTAssertFalse(exists("pinned/nb/width-32"))
    }

    func testAFailingPointIsThatPointsFailureAndTheOthersRender() throws {
        try write("notebooks/nb.md", Self.notebook.replacingOccurrences(of: "publish(", with: "precondition(params.width != 256, \"too wide\")\npublish("))
        let r = try folio(["render", "notebooks/nb.md", "-P", "width=64,256"])
        XCTAssertEqual(r.status, 1, r.stderr)
        XCTAssertTrue(r.stderr.contains("notebooks/nb.md:12:"), r.stderr)
        XCTAssertTrue(r.stderr.contains("folio: notebooks/nb.md [width-256]: not rendered (a cell failed)"), r.stderr)
        XCTAssertTrue(exists("output/nb/width-64/nb.pdf"))
        XCTAssertFalse(exists("output/nb/width-256"))
        XCTAssertTrue(try pdftotext("output/nb.pdf").contains("1 failed"))
    }

    /// Published names are cell text, untrusted: Markdown, HTML and TeX in them stay text.
    func testAHostileNameStaysText() throws {
        let hostile = #"x | y](javascript:alert(1)) <script>alert(2)</script> $\\input{/etc/passwd}$"#
        try write(
            "notebooks/nb.md", Self.notebook.replacingOccurrences(of: "publish(\"final loss\"", with: "publish(#\"\(hostile)\"#"))
        let r = try folio(["render", "notebooks/nb.md", "-P", "width=64,256"])
        XCTAssertEqual(r.status, 0, r.stderr)
        let html = try text("output/nb.html")
        XCTAssertFalse(html.contains("<script>") || html.contains("javascript:alert(1))\""), html)
        XCTAssertTrue(html.contains("&lt;script&gt;alert(2)&lt;/script&gt;"), html)
        XCTAssertTrue(try pdftotext("output/nb.pdf").contains("x | y](javascript:alert(1))"))
    }
}
