import BibTeX
import CSL
import Foundation
import TestSupport
import XCTest

/// The CSL processor alone against pandoc's: both read the same CSL-JSON (pandoc's own reading of
/// the peer bibliography), so only formatting can differ. The differences left are the
/// `and others` lists (docs/citations-vs-pandoc.md, item 2).
final class PeerEngineTests: XCTestCase {
    func testTheSameCSLJSONFormatsTheSameInFiveStyles() throws {
        guard let pandoc = Tools.find("pandoc") else {
            throw MissingTool("pandoc", remedy: "run scripts/setup (it installs Debian's pandoc, the peer these tests compare with)")
        }
        let folder = try makeTemporaryFolder("folio-peer-json")
        defer { try? FileManager.default.removeItem(at: folder) }
        let json = folder.appendingPathComponent("peer.json")
        let converted = try Command(
            URL(fileURLWithPath: pandoc), [PeerComparisonTests.fixture.path, "-f", "biblatex", "-t", "csljson", "-o", json.path]
        ).run()
        XCTAssertEqual(converted.status, 0, converted.stderr)
        let page = folder.appendingPathComponent("nocite.md")
        try "---\nnocite: '@*'\n---\n".write(to: page, atomically: true, encoding: .utf8)
        let bib = Bibliography.load([json.path])
        XCTAssertEqual(bib.diagnostics, [])
        XCTAssertEqual(bib.items.count, 81)
        let library = CSLLibrary()
        for name in ["apa", "chicago-author-date", "ieee", "nature", "association-for-computing-machinery"] {
            let stylePath = library.stylesFolder.appendingPathComponent(name + ".csl").path
            let result = try Command(
                URL(fileURLWithPath: pandoc),
                ["-f", "markdown", "-t", "plain", "--wrap=none", "--citeproc", "--csl=\(stylePath)", "--bibliography=\(json.path)", page.path]
            ).run()
            XCTAssertEqual(result.status, 0, result.stderr)
            let theirs = result.stdout.components(separatedBy: "\n\n").map(PeerComparisonTests.normalise).filter { !$0.isEmpty }
            let out = try CitationProcessor(style: library.style(name), items: bib.items).process([], nocite: ["*"])
            let ours = out.bibliography.map { PeerComparisonTests.normalise(PlainTextRenderer().render($0.content)) }
            let same = PeerComparisonTests.report("\(name) from CSL-JSON", ours: ours, theirs: theirs)
            XCTAssertGreaterThanOrEqual(same, theirs.count - 2, "\(name): entries from the same CSL-JSON")
        }
    }
}
