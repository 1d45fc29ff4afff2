import Foundation
import XCTest
import Notebook
import Plot
@testable import Report

/// A render resolves its notebook once — numbers, cross references, local images, figure names —
/// and every format is made from that one resolution.
final class ResolvedNotebookTests: XCTestCase {
    func testEveryFormatIsMadeFromOneResolution() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("folio-resolved-\(UUID())")
        let out = dir.appendingPathComponent("output")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        var small = Figure(width: 72, height: 36), large = Figure(width: 144, height: 72)
        small.line(x: [0, 1], y: [0, 1]); large.line(x: [0, 1], y: [1, 0])
        let image = dir.appendingPathComponent("diagram.png")
        let read = Data(FigureFiles.png(small, dpi: 72))
        try read.write(to: image)
        let md = "# R\n\n![A diagram](diagram.png){#fig-d}\n\nSee @fig-d and @fig-none.\n"
        try md.write(to: dir.appendingPathComponent("r.md"), atomically: true, encoding: .utf8)
        let document = try Document.load(path: dir.appendingPathComponent("r.md").path)
        let resolved = ResolvedNotebook(ExecutedNotebook(document: document, outputs: [:]), projectRoot: dir)
        XCTAssertEqual(
            resolved.diagnostics.map(\.description),
            ["\(document.path):5:1: warning: unknown cross reference @fig-none (known: fig-d)"])

        // The file changes after the resolution: what is published is what was resolved.
        try Data(FigureFiles.png(large, dpi: 72)).write(to: image)
        try ReportWriter(outputDirectory: out).write(resolved)
        XCTAssertEqual(try Data(contentsOf: out.appendingPathComponent("r/images/diagram.png")), read)
        let html = try String(contentsOf: out.appendingPathComponent("r.html"), encoding: .utf8)
        XCTAssertTrue(html.contains("<span class=\"label\">Figure 1:</span> A diagram"), html)
        XCTAssertTrue(html.contains("<a class=\"xref\" href=\"#fig-d\">Figure 1</a>"), html)
        let pdf = try Data(contentsOf: out.appendingPathComponent("r.pdf"))
        XCTAssertEqual(pdf, Data(PDFReport.render(resolved)), "the PDF written is the resolved notebook's")
    }
}
