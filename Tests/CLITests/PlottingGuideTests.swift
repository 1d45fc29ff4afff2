import XCTest
import TestSupport

/// Renders the plotting gallery `docs/guide/plotting.md` with the release `folio`, as the guide
/// is published: it must render (its box-plot check stops the render when the drawn quartiles
/// differ from `Tensor.percentile`), print that verdict into its PDF, and give every figure its
/// PNG, SVG and PDF file and a place on the HTML page.
final class PlottingGuideTests: XCTestCase {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    let figures = ["fig-lines", "fig-bars", "fig-stats", "fig-ticks", "fig-annotate", "fig-grids", "fig-3d", "fig-regions"]

    func testThePlottingGuideRendersWithEveryFigure() throws {
        let folio = try Tools.releaseFolio()
        let out = uniqueTemporaryURL("folio-guide")
        defer { try? FileManager.default.removeItem(at: out) }
        let r = try Command(folio, ["render", "docs/guide/plotting.md", "-o", out.path, "--no-cache"], currentDirectory: root).run()
        XCTAssertEqual(r.status, 0, r.stderr)
        let text = try Tools.output("pdftotext", [out.appendingPathComponent("plotting.pdf").path, "-"])
            .split(whereSeparator: \.isWhitespace).joined(separator: " ")
        XCTAssertTrue(text.contains("The box quartiles equal Tensor.percentile at 25, 50 and 75 to 1e-12."))
        let html = try String(contentsOf: out.appendingPathComponent("plotting.html"), encoding: .utf8)
        for name in figures {
            for ext in ["png", "svg", "pdf"] {
                XCTAssertTrue(FileManager.default.fileExists(atPath: out.appendingPathComponent("plotting/\(name).\(ext)").path), "\(name).\(ext)")
            }
            XCTAssertTrue(html.contains("plotting/\(name)."), "\(name) on the HTML page")
        }
    }
}
