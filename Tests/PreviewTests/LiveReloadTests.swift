import Foundation
import XCTest
import TestSupport

/// `folio preview` in a real browser: an edit reaches the open page without the test reloading
/// it, a failing cell lays its error over the last good page, the fix takes the error away, and
/// nothing the preview adds to the page reaches the files under `output/`.
final class LiveReloadTests: PreviewTestCase {
    func notebook(prose: String, cell: String) -> String {
        "---\ntitle: Live page\n---\n\n\(prose)\n\n```swift\n\(cell)\n```\n"
    }

    func testAnEditReachesTheOpenPageAndAFailureShowsItsPlace() throws {
        let good = "print(\"checkpoint\", 40 + 1)"
        try write("notebooks/live.md", notebook(prose: "First version of the prose.", cell: good))
        try startPreview(["notebooks/live.md"], page: "/live.html")
        let page = try DevToolsPage(url: "http://127.0.0.1:\(port)/live.html", folder: dir)
        defer { page.close() }
        XCTAssertTrue(try page.waitFor("window.__folioPreview && document.body.innerText.length > 0", seconds: 30))
        // The page's words without the soft hyphens the report puts into long words.
        _ = try page.evaluate("window.pageText = () => document.body.innerText.replace(/\\u00ad/g, ''); 0")
        XCTAssertTrue(try page.string("pageText()").contains("First version"))
        let loadID = try page.string("window.__folioPreview.loadID")

        // A prose edit: the page changes in place.
        try write("notebooks/live.md", notebook(prose: "Second version of the prose.", cell: good))
        XCTAssertTrue(try page.waitFor("pageText().includes('Second version')", seconds: 60), log)
        XCTAssertFalse(try page.string("pageText()").contains("First version"))
        XCTAssertEqual(try page.string("window.__folioPreview.loadID"), loadID, "the page was swapped in place, not reloaded")

        // A cell that prints, then fails on line 9 of the notebook (the fence opens on line 7).
        let broken = "print(\"checkpoint\", 40 + 2)\nprecondition(1 + 1 == 3, \"the law does not hold\")"
        try write("notebooks/live.md", notebook(prose: "Third version of the prose.", cell: broken))
        XCTAssertTrue(try page.waitFor("document.getElementById('folio-preview-error')", seconds: 120), log)
        let location = try page.string("document.getElementById('folio-preview-error').dataset.location")
        XCTAssertTrue(location.hasSuffix("live.md:9:1") || location.contains("live.md:9"), "overlay at \(location); \(log)")
        let overlay = try page.string("document.getElementById('folio-preview-error').innerText")
        XCTAssertTrue(overlay.contains("checkpoint 42"), "the cell's last printed line is shown: \(overlay)")
        XCTAssertTrue(try page.string("pageText()").contains("Second version"), "the last good page stays under the overlay")

        // The overlay covers the page's top: the reader dismisses it (× or Escape) and brings it back
        // from the badge, which keeps saying that the render failed.
        let overlayShown = "!!document.getElementById('folio-preview-error')"
        _ = try page.evaluate("document.querySelector('#folio-preview-error button.close').click(); 0")
        XCTAssertTrue(try page.waitFor("!" + overlayShown, seconds: 5))
        XCTAssertTrue(try page.string("document.getElementById('folio-preview-badge').innerText").contains("render failed"))
        _ = try page.evaluate("document.querySelector('#folio-preview-badge a.show-error').click(); 0")
        XCTAssertTrue(try page.waitFor(overlayShown, seconds: 5))
        _ = try page.evaluate("document.dispatchEvent(new KeyboardEvent('keydown', {key: 'Escape'})); 0")
        XCTAssertTrue(try page.waitFor("!" + overlayShown, seconds: 5))
        _ = try page.evaluate("document.querySelector('#folio-preview-badge a.show-error').click(); 0")
        XCTAssertTrue(try page.waitFor(overlayShown, seconds: 5))

        // The fix removes the overlay and brings the new page.
        try write("notebooks/live.md", notebook(prose: "Fourth version of the prose.", cell: good))
        XCTAssertTrue(
            try page.waitFor("!document.getElementById('folio-preview-error') && pageText().includes('Fourth version')", seconds: 120),
            log)
        XCTAssertEqual(try page.string("window.__folioPreview.loadID"), loadID)
        XCTAssertEqual(try page.string("window.__folioPreview.state"), "fresh")
        XCTAssertFalse(try page.string("document.getElementById('folio-preview-badge').innerText").contains("show error"))

        // What the preview served carried the script; what it wrote does not.
        XCTAssertTrue(try get("/live.html").body.contains("/__folio/live.js"))
        let output = dir.appendingPathComponent("output")
        let pages = try FileManager.default.contentsOfDirectory(atPath: output.path).filter { $0.hasSuffix(".html") }
        XCTAssertEqual(Set(pages), ["live.html", "index.html"])
        for name in pages {
            let html = try String(contentsOf: output.appendingPathComponent(name), encoding: .utf8)
            XCTAssertFalse(html.lowercased().contains("<script"), "\(name) holds a script")
        }
        XCTAssertEqual(interruptPreview(), 0, log)
    }
}
