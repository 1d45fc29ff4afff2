import Foundation
import XCTest
import Notebook
import TestSupport
@testable import Report

/// The appendix: lettered sections after `# Appendix {.appendix}`, and proofs deferred to it
/// with a note in their statement ("Proof on p. N" in the PDF, a link in the HTML) and a link
/// back from the proof.
final class AppendixReportTests: XCTestCase {
    var out: URL!
    override func setUpWithError() throws { out = try makeTemporaryFolder("folio-appendix") }
    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: out) }

    static let markdown = """
        ---
        theorems:
          numbering: section
        ---

        # Main

        ::: {#thm-x}
        A statement.
        :::

        ::: {.proof of="thm-x" defer="appendix"}
        The deferred argument.
        :::

        Next.

        # Appendix {.appendix}

        # Details

        ## More

        ::: {#lem-y}
        An appendix lemma.
        :::
        """

    func resolved(_ md: String) throws -> ResolvedNotebook {
        ResolvedNotebook(ExecutedNotebook(document: try Document.parse(md, path: "a.md"), outputs: [:]))
    }

    func testAppendixSectionsAreLetteredAndStatementsNumberedWithinThem() throws {
        let r = try resolved(Self.markdown)
        XCTAssertEqual(r.numbering.headings.map { $0.number ?? "-" }, ["1", "-", "A", "A.1"])
        XCTAssertEqual(r.numbering.targets["thm-x"]?.text, "Theorem 1.1")
        XCTAssertEqual(r.numbering.targets["lem-y"]?.text, "Lemma A.1")
        XCTAssertEqual(r.numbering.deferredProofs["thm-x"], "proof-thm-x")
    }

    func testHTMLMovesTheProofToTheEndAndLinksBothWays() throws {
        // Soft hyphens (the page's own hyphenation) left out.
        let html = HTMLReport.render(try resolved(Self.markdown), figureDirectory: "a").replacingOccurrences(of: "\u{AD}", with: "")
        assertInOrder(
            html,
            [
                "<div class=\"theorem thm plain\" id=\"thm-x\">", "<a href=\"#proof-thm-x\">Proof in the appendix</a>", "Next.",
                "An appendix lemma.", "<div class=\"proof\" id=\"proof-thm-x\">",
                "<em>Proof of <a class=\"xref\" href=\"#thm-x\">Theorem 1.1</a>.</em> The deferred argument.",
            ])
        // Without an appendix heading, one is added before the proofs.
        let bare = Self.markdown.components(separatedBy: "# Appendix {.appendix}")[0]
        let page = HTMLReport.render(try resolved(bare), figureDirectory: "a").replacingOccurrences(of: "\u{AD}", with: "")
        assertInOrder(page, ["Next.", "<h1 id=\"appendix\">Appendix</h1>", "The deferred argument."])
    }

    func testPDFNoteNamesThePageOfTheProofAndLinksToIt() throws {
        // Enough text that the appendix starts on a later page.
        let filler = (1...60).map { "Filler paragraph \($0) that takes a line of its own on the page." }.joined(separator: "\n\n")
        let md = Self.markdown.replacingOccurrences(of: "Next.", with: "Next.\n\n" + filler)
        let pdf = out.appendingPathComponent("a.pdf")
        try Data(PDFReport.render(try resolved(md))).write(to: pdf)
        let pages = Int(try Tools.output("pdfinfo", [pdf.path]).split(separator: "\n").first { $0.hasPrefix("Pages:") }!.split(separator: " ").last!)!
        var proofPage = 0
        for p in 1...pages where try Tools.output("pdftotext", ["-f", "\(p)", "-l", "\(p)", pdf.path, "-"]).contains("The deferred argument.") {
            proofPage = p
        }
        XCTAssertGreaterThan(proofPage, 1)
        let first = try Tools.output("pdftotext", ["-f", "1", "-l", "1", pdf.path, "-"])
        XCTAssertTrue(first.contains("Proof on p. \(proofPage)."), first)
        let bytes = String(decoding: try Data(contentsOf: pdf), as: UTF8.self)
        XCTAssertTrue(bytes.contains("/Dest (proof-thm-x)"), "the note links to the proof")
        XCTAssertTrue(bytes.contains("/Dest (thm-x)"), "the proof links back to its theorem")
        let last = try Tools.output("pdftotext", ["-f", "\(proofPage)", "-l", "\(proofPage)", pdf.path, "-"])
            .split(whereSeparator: \.isWhitespace).joined(separator: " ")
        XCTAssertTrue(last.contains("Proof of Theorem 1.1."), last)
        XCTAssertTrue(last.contains("A Details"), last)
    }
}
