import Foundation
import XCTest
import Notebook
import TestSupport
@testable import Report

/// `appendix-numbering`: after `# Appendix {.appendix}`, figures, tables and equations keep
/// the document's numbers (`continue`, the default) or restart in each lettered section as
/// A.1, A.2 (`section`), in the numbers, the references and both formats.
final class AppendixNumberingTests: XCTestCase {
    static func markdown(_ numbering: String?) -> String {
        """
        ---
        \(numbering.map { "appendix-numbering: \($0)" } ?? "title: Appendix numbering")
        ---

        # Main

        $$ a = b $$ {#eq-main}

        ![A picture](p.png){#fig-main}

        # Appendix {.appendix}

        # First

        $$ c = d $$ {#eq-first}

        | x |
        |---|
        | 1 |

        : A table {#tbl-first}

        # Second

        $$ e = f $$ {#eq-second}

        See @eq-first, @eq-second, @tbl-first and @fig-main.
        """
    }

    func resolved(_ md: String) throws -> ResolvedNotebook {
        ResolvedNotebook(ExecutedNotebook(document: try Document.parse(md, path: "a.md"), outputs: [:]))
    }

    func testByDefaultTheDocumentsNumbersContinue() throws {
        let n = try resolved(Self.markdown(nil)).numbering
        XCTAssertEqual(n.equationNumbers, ["eq-main": "1", "eq-first": "2", "eq-second": "3"])
        XCTAssertEqual(n.targets["tbl-first"]?.text, "Table 1")
    }

    func testSectionNumberingRestartsInEachLetteredSection() throws {
        let r = try resolved(Self.markdown("section"))
        let n = r.numbering
        XCTAssertEqual(n.equationNumbers, ["eq-main": "1", "eq-first": "A.1", "eq-second": "B.1"])
        XCTAssertEqual(n.targets["eq-second"]?.text, "Equation (B.1)")
        XCTAssertEqual(n.targets["tbl-first"]?.text, "Table A.1")
        XCTAssertEqual(n.targets["fig-main"]?.text, "Figure 1")
        let html = HTMLReport.render(r, figureDirectory: "a")
        XCTAssertTrue(html.contains("(A.1)"), "the display's number in the HTML")
        XCTAssertTrue(html.contains("Equation (B.1)"), "the reference in the HTML")
        XCTAssertTrue(html.contains("Table A.1:"), "the table caption in the HTML")
    }

    func testAnUnknownValueIsAnErrorAtItsLine() throws {
        XCTAssertThrowsError(try Document.parse(Self.markdown("chapter"), path: "a.md")) { error in
            let d = error as? Diagnostic
            XCTAssertEqual(d?.line, 2)
            XCTAssertTrue(d?.message.contains("continue or section") ?? false, "\(error)")
        }
    }
}
