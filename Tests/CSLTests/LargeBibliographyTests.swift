import BibTeX
import CSL
import Foundation
import XCTest

/// Issue #19's workload, 300 entries and 200 citations, is processed whole. How fast is
/// measured by `folio-bench citations` against pandoc, side by side, not here: a timed unit
/// test on a shared machine measures the machine.
final class LargeBibliographyTests: XCTestCase {
    /// 300 entries: the peer bibliography's 81, repeated under new keys and years.
    static func largeBibliography() throws -> String {
        let base = try String(contentsOf: PeerComparisonTests.fixture, encoding: .utf8)
        var out = ""
        for copy in 0..<4 {
            out += base.replacingOccurrences(of: #"(@[a-z]+\{)([A-Za-z0-9]+),"#, with: "$1$2x\(copy),", options: .regularExpression)
                .replacingOccurrences(of: "year = {", with: "year = {\(copy + 1)")
        }
        return out
    }

    static func citations(_ items: [CSLItem], count: Int) -> [Citation] {
        (0..<count).map { n in
            let a = items[(n * 7) % items.count].id, b = items[(n * 13 + 5) % items.count].id
            return n % 3 == 0
                ? Citation(items: [CitationItem(id: a, locator: String(n + 1), label: "page")])
                : Citation(items: [CitationItem(id: a), CitationItem(id: b)], narrative: n % 5 == 0)
        }
    }

    func testThreeHundredEntriesAndTwoHundredCitations() throws {
        let source = try Self.largeBibliography()
        let style = try CSLLibrary().style("apa")
        let bib = Bibliography.bibtex(source, file: "large.bib")
        let items = Array(bib.items.prefix(300))
        XCTAssertEqual(items.count, 300)
        let processor = try CitationProcessor(style: style, items: items)
        let out = processor.process(Self.citations(items, count: 200), nocite: ["*"])
        XCTAssertEqual(out.citations.count, 200)
        XCTAssertEqual(out.bibliography.count, 300)
        XCTAssertFalse(out.citations.contains { PlainTextRenderer().render($0).isEmpty }, "every citation has text")
    }
}
