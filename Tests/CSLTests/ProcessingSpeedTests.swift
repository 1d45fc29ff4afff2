import BibTeX
import CSL
import Foundation
import XCTest

/// The budget of issue #19: a 300-entry bibliography with 200 citations in well under 100 ms.
final class ProcessingSpeedTests: XCTestCase {
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
        let start = Date()
        let bib = Bibliography.bibtex(source, file: "large.bib")
        let items = Array(bib.items.prefix(300))
        XCTAssertEqual(items.count, 300)
        let parsed = Date()
        let processor = try CitationProcessor(style: style, items: items)
        let made = Date()
        let out = processor.process(Self.citations(items, count: 200), nocite: ["*"])
        let elapsed = Date().timeIntervalSince(start)
        XCTAssertEqual(out.citations.count, 200)
        XCTAssertEqual(out.bibliography.count, 300)
        print(
            "300 entries, 200 citations (apa): \(String(format: "%.1f", elapsed * 1000)) ms (parse \(String(format: "%.1f", parsed.timeIntervalSince(start) * 1000)), locale \(String(format: "%.1f", made.timeIntervalSince(parsed) * 1000)))"
        )
        #if DEBUG
        XCTAssertLessThan(elapsed, 2.0, "debug build")
        #else
        XCTAssertLessThan(elapsed, 0.1)
        #endif
    }
}
