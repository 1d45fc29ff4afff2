import XCTest
import Notebook
import OutputChannel
import Plot
import TestSupport
@testable import Report

/// Renders a document with real Cairo/Pango and checks the files with poppler's tools.
final class ReportTests: XCTestCase {
    var out: URL!

    override func setUpWithError() throws {
        out = uniqueTemporaryURL("folio-report")
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: out) }

    func notebook() throws -> ExecutedNotebook {
        let doc = try Document.parse(
            """
            ---
            title: Report <fixture>
            author: Tester
            abstract: An abstract & more.
            ---

            # Introduction

            Some *prose* with `code` and <script>alert(1)</script> in it.

            ```swift
            //| label: fig-line
            //| caption: A line.
            print("cell output 123")
            ```

            ## Second heading

            ```swift
            //| echo: false
            let hidden = "secret code"
            ```

            | k | v |
            |---|---|
            | 1 | 2 |
            """, path: "fixture.md")
        var fig = Figure(width: 216, height: 144)
        fig.line(x: [0, 1, 2], y: [0, 1, 4])
        return ExecutedNotebook(
            document: doc,
            outputs: [
                0: [.stream(name: "stdout", text: "cell output 123\n"), .figure(fig)],
                1: [.value("shown value 456")],
            ])
    }

    func testPDFTextFontsAndDeterminism() throws {
        let nb = try notebook()
        let writer = ReportWriter(outputDirectory: out)
        try writer.write(nb)
        let pdf = out.appendingPathComponent("fixture.pdf")
        let text = try Tools.output("pdftotext", ["-layout", pdf.path, "-"])
        let order = [
            "Report <fixture>", "Tester", "An abstract & more.", "Introduction", "cell output 123",
            "A line.", "Second heading", "shown value 456",
        ]
        var cursor = text.startIndex
        for needle in order {
            guard let r = text.range(of: needle, range: cursor..<text.endIndex) else {
                return XCTFail("'\(needle)' missing or out of order in:\n\(text)")
            }
            cursor = r.upperBound
        }
        XCTAssertFalse(text.contains("secret code"), "echo: false hides the code")

        let fonts = try Tools.output("pdffonts", [pdf.path])
        let rows = fonts.split(separator: "\n").dropFirst(2)
        XCTAssertFalse(rows.isEmpty)
        for row in rows {
            XCTAssertFalse(row.contains("Type 3"), String(row))
            let cols = row.split(separator: " ", omittingEmptySubsequences: true)
            XCTAssertEqual(cols[cols.count - 5], "yes", "not embedded: \(row)")
        }
        XCTAssertTrue(fonts.contains("LMRoman10"), fonts)

        let first = try Data(contentsOf: pdf)
        try writer.write(nb)
        XCTAssertEqual(first, try Data(contentsOf: pdf), "re-render is byte-identical")
        let info = try Tools.output("pdfinfo", [pdf.path])
        XCTAssertTrue(info.range(of: #"Title:\s+Report <fixture>"#, options: .regularExpression) != nil, info)
        XCTAssertTrue(info.range(of: #"Page size:\s+595\.2\d* x 841\.89 pts \(A4\)"#, options: .regularExpression) != nil, info)
    }

    func testHTMLEscapesAndLinksFigureFiles() throws {
        try ReportWriter(outputDirectory: out).write(try notebook())
        let html = try String(contentsOf: out.appendingPathComponent("fixture.html"), encoding: .utf8)
        XCTAssertFalse(html.contains("<script"), "no script, author text escaped")
        XCTAssertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        XCTAssertTrue(html.contains("<h1>Report &lt;fixture&gt;</h1>"))
        XCTAssertTrue(html.contains("cell output 123"))
        for ext in ["png", "svg", "pdf"] {
            XCTAssertTrue(FileManager.default.fileExists(atPath: out.appendingPathComponent("fixture/fig-line.\(ext)").path), ext)
        }
        XCTAssertTrue(html.contains("src=\"fixture/fig-line.png\""))
        let index = try String(contentsOf: out.appendingPathComponent("index.html"), encoding: .utf8)
        XCTAssertTrue(index.contains("href=\"fixture.html\""))
        XCTAssertTrue(index.contains("Report &lt;fixture&gt;"))
        XCTAssertLessThan(html.utf8.count, 50_000)
    }

    func testFigureFilesHaveThePhysicalSize() throws {
        var fig = Figure(width: 288, height: 144)
        fig.line(x: [0, 1], y: [0, 1])
        let pdf = out.appendingPathComponent("f.pdf")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        try Data(FigureFiles.pdf(fig)).write(to: pdf)
        let info = try Tools.output("pdfinfo", [pdf.path])
        XCTAssertTrue(info.range(of: #"Page size:\s+288 x 144 pts"#, options: .regularExpression) != nil, info)
        let png = FigureFiles.png(fig, dpi: 100)
        // IHDR width and height, big-endian, at bytes 16..<24: 4 in × 100 dpi, 2 in × 100 dpi.
        let w = png[16..<20].reduce(0) { $0 << 8 | Int($1) }, h = png[20..<24].reduce(0) { $0 << 8 | Int($1) }
        XCTAssertEqual([w, h], [400, 200])
        // pHYs right after IHDR: 100 dpi = 3937 pixels per metre in x and y, unit metre.
        XCTAssertEqual(PNGResolution.chunkTypes(png).prefix(2), ["IHDR", "pHYs"])
        XCTAssertEqual(Array(png[41..<50]), [0, 0, 0x0F, 0x61, 0, 0, 0x0F, 0x61, 1])
        XCTAssertEqual(PNGResolution.crc32(Array("IEND".utf8)), 0xAE42_6082, "the CRC every PNG's IEND carries")
    }
}
