import Foundation
import TestSupport
import XCTest

/// A notebook's files are published as one unit: destinations are checked before anything is
/// replaced, a killed render never leaves a mixed report after the next one, names that would
/// clash are refused up front, and usage errors exit 4.
final class PublicationTests: CLITestCase {
    let notebook =
        "---\ntitle: Good\n---\n\n```swift\n//| label: fig-a\nvar fig = Figure(width: 200, height: 150)\nfig.line(x: [0, 1, 2], y: [0, 1, 4])\nshow(fig)\n```\n"

    func url(_ path: String) -> URL { dir.appendingPathComponent(path) }
    func read(_ path: String) -> String? { try? String(contentsOf: url(path), encoding: .utf8) }

    func testAFolderWherePageGoesIsRefusedBeforeAnythingIsReplaced() throws {
        try write("notebooks/good.md", notebook)
        try FileManager.default.createDirectory(at: url("output/good.html"), withIntermediateDirectories: true)
        try write("output/good.pdf", "previous pdf")
        let r = try folio(["render", "notebooks/good.md"])
        XCTAssertEqual(r.status, 3, r.stderr)
        XCTAssertTrue(r.stderr.contains("output/good.html is a folder, but it is where the page goes"), r.stderr)
        XCTAssertEqual(read("output/good.pdf"), "previous pdf")
        XCTAssertFalse(FileManager.default.fileExists(atPath: url("output/good/manifest.json").path))
        XCTAssertEqual(try leftovers(), [])
    }

    func testAFileWhereTheFiguresFolderGoesIsRefused() throws {
        try write("notebooks/good.md", notebook)
        try FileManager.default.createDirectory(at: url("output"), withIntermediateDirectories: true)
        try write("output/good", "a file")
        try write("output/good.html", "previous page")
        let r = try folio(["render", "notebooks/good.md"])
        XCTAssertEqual(r.status, 3, r.stderr)
        XCTAssertTrue(r.stderr.contains("output/good is a file, but it is where the notebook's figures folder goes"), r.stderr)
        XCTAssertEqual(read("output/good.html"), "previous page")
        XCTAssertFalse(r.stderr.contains("NSCocoaErrorDomain"), r.stderr)
    }

    func testIndexNotebookAndDuplicateNamesAreRefusedBeforeRendering() throws {
        try write("notebooks/index.md", notebook)
        var r = try folio(["render", "notebooks/index.md"])
        XCTAssertEqual(r.status, 4, r.stderr)
        XCTAssertTrue(r.stderr.hasPrefix("notebooks/index.md:1:1: error: a notebook named 'index' would be overwritten by the site index"), r.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: url("output").path))

        try FileManager.default.createDirectory(at: url("a"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: url("b"), withIntermediateDirectories: true)
        try write("a/good.md", notebook)
        try write("b/good.md", notebook)
        r = try folio(["render", "a/good.md", "b/good.md"])
        XCTAssertEqual(r.status, 4, r.stderr)
        XCTAssertTrue(r.stderr.contains("b/good.md:1:1: error: both a/good.md and b/good.md would be published as output/good.html"), r.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: url("output").path))
        // The same file named twice is one notebook, rendered once.
        r = try folio(["render", "a/good.md", "a/../a/good.md"])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertEqual(r.stdout.components(separatedBy: "rendered ").count, 2, r.stdout)
    }

    /// A label that looks like a path names a log file inside the notebook's folder, and the
    /// note in the report names that same file.
    func testLogsOfCellsWithPathLikeLabelsStayInsideTheOutputFolder() throws {
        let tag = UUID().uuidString.prefix(8)
        let labels = ["/../../tmp/x\(tag)", "../../y\(tag)"]
        var text = "# Logs\n\n"
        for label in labels {
            text += "```swift\n//| label: \"\(label)\"\nfor i in 0..<10_005 { print(i) }\n```\n\n"
        }
        try write("notebooks/logs.md", text)
        let r = try folio(["render", "notebooks/logs.md"])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: "/tmp/x\(tag).log"))
        XCTAssertFalse(FileManager.default.fileExists(atPath: "/tmp/cell-x\(tag).log"))
        let logs = try FileManager.default.contentsOfDirectory(atPath: url("output/logs").path).filter { $0.hasSuffix(".log") }.sorted()
        XCTAssertEqual(logs, ["cell----..-y\(tag).log", "cell--..-..-tmp-x\(tag).log"])
        let pdf = try pdftotext("output/logs.pdf")
        for log in logs {
            XCTAssertTrue(pdf.contains(log), "the report's note names \(log)")
            XCTAssertEqual(try String(contentsOf: url("output/logs/" + log), encoding: .utf8).split(separator: "\n").count, 10_005)
        }
        let everything = FileManager.default.enumerator(atPath: dir.path)!.compactMap { $0 as? String }
        XCTAssertEqual(everything.filter { $0.contains(String(tag)) && !$0.hasPrefix("output/logs/") && !$0.hasPrefix(".cache") }, [])
    }

    func testUsageErrorsExitFour() throws {
        try write("notebooks/good.md", notebook)
        for args in [
            ["--dpi", "0"], ["--dpi", "-3"], ["--dpi", "nan"], ["--dpi", "1e7"], ["--dpi", "inf"],
            ["--bogus"], ["--dpi"], ["-j", "many"], ["-j", "0"], ["-P", "novalue"],
        ] {
            let r = try folio(["render", "notebooks/good.md"] + args)
            XCTAssertEqual(r.status, 4, "\(args): \(r.stderr)")
            XCTAssertTrue(r.stderr.contains("error"), "\(args): \(r.stderr)")
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: url("output").path))
        XCTAssertEqual(try folio(["--help"]).status, 0)
    }

    /// A render killed between staging and swap leaves a ready staging folder; the next
    /// publication into the folder (of any notebook) finishes it, and removes dead temporaries.
    func testTheNextRenderFinishesAnInterruptedPublication() throws {
        try write("notebooks/good.md", notebook)
        try write("notebooks/other.md", "# Other\n\nprose\n")
        XCTAssertEqual(try folio(["render", "notebooks/good.md"]).status, 0)
        // A dead render's ready staging folder holding a newer page, and its stale pieces.
        let deadPID = "999999999"
        let staging = url("output/.folio-staging-good-\(deadPID)-abcd1234")
        try FileManager.default.createDirectory(at: staging.appendingPathComponent("good"), withIntermediateDirectories: true)
        try "new page".write(to: staging.appendingPathComponent("good.html"), atomically: false, encoding: .utf8)
        try "new manifest".write(to: staging.appendingPathComponent("good/manifest.json"), atomically: false, encoding: .utf8)
        _ = FileManager.default.createFile(atPath: staging.appendingPathComponent(".ready").path, contents: Data())
        let unready = url("output/.folio-staging-other-\(deadPID)-ffff0000")
        try FileManager.default.createDirectory(at: unready, withIntermediateDirectories: true)
        try write("output/good/.fig-a.pdf.\(deadPID).tmp", "half")  // from renders before staging
        try write("output/.index.html.\(deadPID).tmp", "half")

        let r = try folio(["render", "notebooks/other.md"])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertEqual(read("output/good.html"), "new page")
        XCTAssertEqual(read("output/good/manifest.json"), "new manifest")
        XCTAssertEqual(try leftovers(), [])
    }

    /// SIGKILL at many moments of publication: after the next render nothing is mixed — every
    /// file the manifest lists has the bytes it records — and no temporary is left.
    func testKilledRendersNeverLeaveAMixedReport() throws {
        try write("notebooks/good.md", notebook)
        XCTAssertEqual(try folio(["render", "notebooks/good.md"]).status, 0)
        try write("notebooks/other.md", "# Other\n\nprose\n")
        for (i, delay) in [0, 0.001, 0.003, 0.006, 0.01, 0.02, 0.04, 0.08].enumerated() {
            // New prose each time (the cells come from the cache), so old and new pages differ.
            try write("notebooks/good.md", notebook + "\nRevision \(i).\n")
            let started = try start(["render", "notebooks/good.md"])
            // Kill once publication has begun (its staging folder exists), after `delay`.
            let deadline = Date().addingTimeInterval(20)
            while started.process.isRunning, try leftovers().isEmpty, Date() < deadline { usleep(200) }
            Thread.sleep(forTimeInterval: delay)
            kill(started.process.processIdentifier, SIGKILL)
            _ = try? started.wait()
            XCTAssertEqual(try folio(["render", "notebooks/other.md"]).status, 0)
            try assertConsistent("good", "after a kill \(delay) s into publication")
            XCTAssertEqual(try leftovers(), [], "after a kill \(delay) s into publication")
        }
    }

    func assertConsistent(_ name: String, _ context: String) throws {
        let data = try Data(contentsOf: url("output/\(name)/manifest.json"))
        let manifest = try XCTUnwrap(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let files = try XCTUnwrap(manifest["files"] as? [String: String])
        for entry in ["\(name).pdf", "\(name).html", "\(name)/fig-a.png"] {
            let bytes = try Data(contentsOf: url("output/" + entry))
            XCTAssertEqual(files[entry], try sha256(bytes), "\(entry) \(context)")
        }
    }

    /// Staging folders and temporaries anywhere under output/.
    func leftovers() throws -> [String] {
        let root = url("output")
        guard let walker = FileManager.default.enumerator(atPath: root.path) else { return [] }
        return walker.compactMap { $0 as? String }.filter {
            let last = ($0 as NSString).lastPathComponent
            return last.hasPrefix(".folio-staging") || last.hasSuffix(".tmp")
        }
    }

    func sha256(_ data: Data) throws -> String {
        let r = try Command(URL(fileURLWithPath: try Tools.path("sha256sum")), input: data).run()
        return String(r.stdout.prefix(64))
    }
}
