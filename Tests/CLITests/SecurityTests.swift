import Foundation
import TestSupport
import XCTest
#if canImport(Glibc)
import Glibc
#endif

/// `folio render` on notebooks that try to publish files from elsewhere, hang the render, put
/// script into the site or write outside the output folder.
final class SecurityTests: CLITestCase {
    var outside: URL!
    let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + Array(repeating: 0, count: 40)

    override func setUpWithError() throws {
        try super.setUpWithError()
        // A folder beside the project, holding what must never be published.
        outside = dir.deletingLastPathComponent().appendingPathComponent(dir.lastPathComponent + "-outside")
        try FileManager.default.createDirectory(at: outside, withIntermediateDirectories: true)
        try Data(png + Array("TOP-SECRET".utf8)).write(to: outside.appendingPathComponent("secret.png"))
        try Data("TOP-SECRET text".utf8).write(to: outside.appendingPathComponent("secret.txt"))
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: outside)
        try super.tearDownWithError()
    }

    /// Runs `folio` and fails (instead of hanging the suite) when it takes longer than `limit`.
    func folio(_ args: [String], limit: TimeInterval) throws -> CommandResult {
        let started = try start(args)
        let deadline = Date().addingTimeInterval(limit)
        while started.process.isRunning && Date() < deadline { usleep(50_000) }
        if started.process.isRunning {
            started.process.terminate()
            XCTFail("folio \(args.joined(separator: " ")) still running after \(limit) s")
        }
        return try started.wait()
    }

    /// Every file under `output/`, relative to it.
    func outputFiles() -> [String] {
        let root = dir.appendingPathComponent("output")
        return (FileManager.default.enumerator(atPath: root.path)?.compactMap { $0 as? String } ?? []).sorted()
    }

    func assertNoSecretPublished(file: StaticString = #filePath, line: UInt = #line) {
        for f in outputFiles() {
            let data = FileManager.default.contents(atPath: dir.appendingPathComponent("output/" + f).path) ?? Data()
            XCTAssertNil(data.range(of: Data("TOP-SECRET".utf8)), "secret bytes in output/\(f)", file: file, line: line)
        }
    }

    func testImagesFromOutsideTheProjectAreNotPublished() throws {
        let fm = FileManager.default
        let rel = "../../" + outside.lastPathComponent
        try Data(png).write(to: dir.appendingPathComponent("notebooks/ok.png"))
        try fm.createSymbolicLink(
            atPath: dir.appendingPathComponent("notebooks/link.png").path, withDestinationPath: outside.appendingPathComponent("secret.png").path)
        try fm.createSymbolicLink(atPath: dir.appendingPathComponent("notebooks/shared").path, withDestinationPath: outside.path)
        try fm.createSymbolicLink(atPath: dir.appendingPathComponent("notebooks/zero.png").path, withDestinationPath: "/dev/zero")
        XCTAssertEqual(mkfifo(dir.appendingPathComponent("notebooks/fifo.png").path, 0o600), 0)
        try fm.createDirectory(at: dir.appendingPathComponent("notebooks/folder.png"), withIntermediateDirectories: true)
        try write(
            "notebooks/leak.md",
            """
            # Leak

            ![up](\(rel)/secret.png) ![abs](\(outside.path)/secret.png)
            ![enc](%2e%2e/%2e%2e/\(outside.lastPathComponent)/secret.png)
            ![link](link.png) ![dir](shared/secret.png) ![pw](../../../../../../../../etc/passwd)
            ![fifo](fifo.png) ![folder](folder.png) ![zero](zero.png) ![txt](\(rel)/secret.txt)

            ![ok](ok.png)
            """)
        let r = try folio(["render", "notebooks/leak.md"], limit: 120)
        XCTAssertEqual(r.status, 0, r.stderr)
        let warnings = r.stderr.split(separator: "\n").map(String.init).filter { $0.contains(": warning: ") }
        let locations = warnings.map { String($0.prefix(while: { $0 != " " })) }
        XCTAssertEqual(
            locations,
            [
                "notebooks/leak.md:3:1:", "notebooks/leak.md:3:\(rel.count + 20):", "notebooks/leak.md:4:1:",
                "notebooks/leak.md:5:1:", "notebooks/leak.md:5:19:", "notebooks/leak.md:5:45:",
                "notebooks/leak.md:6:1:", "notebooks/leak.md:6:19:", "notebooks/leak.md:6:41:",
                "notebooks/leak.md:6:59:",
            ], r.stderr)
        XCTAssertTrue(warnings[0].hasPrefix("notebooks/leak.md:3:1: warning: image '\(rel)/secret.png' is outside the project folder "), warnings[0])
        XCTAssertTrue(warnings[6].hasSuffix("warning: image 'fifo.png' is a pipe, not an image file: not published"), warnings[6])
        XCTAssertTrue(warnings[7].hasSuffix("warning: image 'folder.png' is a folder, not an image file: not published"), warnings[7])
        XCTAssertTrue(warnings[8].contains("warning: image 'zero.png' is outside the project folder"), warnings[8])
        XCTAssertEqual(outputFiles().filter { $0.hasPrefix("leak/images/") }, ["leak/images/ok.png"])
        assertNoSecretPublished()
        let html = try String(contentsOf: dir.appendingPathComponent("output/leak.html"), encoding: .utf8)
        XCTAssertTrue(html.contains("<span class=\"missing-image\" title=\"image not available\">[up]</span>"), html)
        XCTAssertFalse(html.contains("secret"), html)
        XCTAssertFalse(html.contains("passwd"), html)
    }

    func testResourcesPublishesWhatTheFrontMatterLists() throws {
        let rel = "../../" + outside.lastPathComponent
        try write("notebooks/res.md", "---\nresources:\n  - \(rel)/secret.png\n---\n# R\n\n![logo](\(rel)/secret.png) ![t](\(rel)/secret.txt)\n")
        let r = try folio(["render", "notebooks/res.md"], limit: 120)
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertEqual(outputFiles().filter { $0.hasPrefix("res/images/") }, ["res/images/secret.png"])
        XCTAssertTrue(r.stderr.contains("notebooks/res.md:7:\(rel.count + 22): warning: image '\(rel)/secret.txt' is outside the project folder"), r.stderr)
        let html = try String(contentsOf: dir.appendingPathComponent("output/res.html"), encoding: .utf8)
        XCTAssertTrue(html.contains("<img src=\"res/images/secret.png\" alt=\"logo\">"), html)
    }

    func testScriptLinksAreWarnedAndNotPublished() throws {
        try write(
            "notebooks/js.md",
            """
            # Links

            [a](java&#x09;script:alert(1)) and [b](&#x0B;javascript:alert(2)) and <JavaScript:alert(3)>
            and [ok](https://example.com) and <script>alert(4)</script> <img src=x onerror=alert(5)>

            <a href="javascript:alert(6)">raw</a>
            """)
        let r = try folio(["render", "notebooks/js.md"], limit: 120)
        XCTAssertEqual(r.status, 0, r.stderr)
        let warnings = r.stderr.split(separator: "\n").filter { $0.contains(": warning: ") }
        XCTAssertEqual(
            warnings.map { String($0.prefix(while: { $0 != " " })) },
            ["notebooks/js.md:3:5:", "notebooks/js.md:3:40:", "notebooks/js.md:3:72:"], r.stderr)
        XCTAssertTrue(
            warnings[0].hasSuffix(
                "warning: link to 'java\\u{9}script:alert(1)' not published: 'javascript:' links are not allowed (only http, https, mailto and relative links); its text is shown without the link"
            ), String(warnings[0]))
        let html = try String(contentsOf: dir.appendingPathComponent("output/js.html"), encoding: .utf8)
        XCTAssertFalse(html.lowercased().contains("<script"))
        XCTAssertFalse(html.lowercased().contains("href=\"javascript"))
        XCTAssertFalse(html.contains("<img src=x"))
        XCTAssertTrue(html.contains("<a href=\"https://example.com\">ok</a>"))
        XCTAssertTrue(html.contains("<span class=\"blocked-link\" title=\"link not published\">a</span>"))
    }

    /// The abstract and cell captions are rendered as Markdown too: a script link there is
    /// warned about at its own line and column, and published as text only.
    func testScriptLinksInTheAbstractAndCaptionsAreWarnedAtTheirPlace() throws {
        try write(
            "notebooks/meta.md",
            """
            ---
            title: Meta
            abstract: "See [a](javascript:alert(1))."
            ---

            ```swift
            //| caption: See [b](javascript:alert(2)).
            print(1)
            ```
            """)
        let r = try folio(["render", "notebooks/meta.md"], limit: 120)
        XCTAssertEqual(r.status, 0, r.stderr)
        let warnings = r.stderr.split(separator: "\n").filter { $0.contains(": warning: ") }
        XCTAssertEqual(
            warnings.map { String($0.prefix(while: { $0 != " " })) }, ["notebooks/meta.md:3:20:", "notebooks/meta.md:7:22:"],
            r.stderr)
        XCTAssertTrue(warnings.allSatisfy { $0.contains("not published: 'javascript:' links are not allowed") }, r.stderr)
        let html = try String(contentsOf: dir.appendingPathComponent("output/meta.html"), encoding: .utf8)
        XCTAssertFalse(html.lowercased().contains("javascript"), "neither link reaches the page, not even as an attribute")
        // The description is the abstract as a reader sees it, not its Markdown.
        XCTAssertTrue(html.contains("<meta name=\"description\" content=\"See a.\">"), html)
    }

    func testIndexLinksPercentEncodeNotebookNames() throws {
        for name in ["a#b", "x y%", "q?\"é"] { try write("notebooks/\(name).md", "# \(name)\n") }
        let r = try folio(["render"], limit: 120)
        XCTAssertEqual(r.status, 0, r.stderr)
        let index = try String(contentsOf: dir.appendingPathComponent("output/index.html"), encoding: .utf8)
        let hrefs = try NSRegularExpression(pattern: #"href="([^"]+)""#).matches(in: index, range: NSRange(index.startIndex..., in: index))
            .map { String(index[Range($0.range(at: 1), in: index)!]) }
        XCTAssertEqual(Set(hrefs.filter { $0.hasSuffix(".html") }).count, 3, "\(hrefs)")
        for href in hrefs {
            XCTAssertFalse(href.contains("#") || href.contains("?") || href.contains(" ") || href.contains("\""), href)
            // Percent-decoded, each link names a file that was written.
            let file = href.replacingOccurrences(of: "&amp;", with: "&").removingPercentEncoding ?? href
            XCTAssertTrue(FileManager.default.fileExists(atPath: dir.appendingPathComponent("output/" + file).path), "\(href) → \(file)")
        }
        XCTAssertTrue(hrefs.contains("a%23b.html") || hrefs.contains("a-b.html"), "\(hrefs)")
    }

    func testHostileCellLabelsNameFilesInsideTheOutputFolder() throws {
        try write(
            "notebooks/lab.md",
            """
            ```swift
            //| label: ../../../escaped
            var fig = Figure(width: 72, height: 72)
            fig.line(x: [0, 1], y: [0, 1])
            show(fig)
            ```
            """)
        let r = try folio(["render", "notebooks/lab.md"], limit: 600)
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: dir.deletingLastPathComponent().appendingPathComponent("escaped.png").path))
        XCTAssertTrue(outputFiles().contains("lab/---..-..-escaped.png"), "\(outputFiles())")
        XCTAssertTrue(outputFiles().allSatisfy { !$0.contains("..") || $0.hasPrefix("lab/---..") }, "\(outputFiles())")
    }
}
