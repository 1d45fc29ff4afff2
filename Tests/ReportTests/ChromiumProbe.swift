import Foundation
import XCTest
import TestSupport

/// Opens a page in headless Chromium and reads back what its probe script measured: the script
/// stores a JSON object in `<body data-probe="…">`, and `--dump-dom` returns the page after it ran.
enum ChromiumProbe {
    /// `html` is written to `folder/probe.html`; the browser profile also lives in `folder`.
    /// `windowWidth` sets the browser's window (its default is 800 px wide).
    static func run(
        _ html: String, in folder: URL, windowWidth: Int? = nil, file: StaticString = #filePath, line: UInt = #line
    ) throws -> String? {
        let page = folder.appendingPathComponent("probe.html")
        try html.write(to: page, atomically: true, encoding: .utf8)
        let (status, dom, err) = try Tools.run(
            "timeout",
            [
                "120", "chromium", "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                "--user-data-dir=\(folder.appendingPathComponent("profile").path)", "--virtual-time-budget=5000", "--dump-dom",
            ] + (windowWidth.map { ["--window-size=\($0),900"] } ?? []) + [page.absoluteString])
        XCTAssertEqual(status, 0, err, file: file, line: line)
        guard let r = dom.range(of: #"data-probe="([^"]*)""#, options: .regularExpression) else {
            XCTFail("no probe result in:\n\(dom.prefix(2000))", file: file, line: line)
            return nil
        }
        return HTMLScan.decodeEntities(String(dom[r].dropFirst("data-probe=\"".count).dropLast()))
    }
}
