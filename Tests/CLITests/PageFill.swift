import Foundation
import XCTest
import TestSupport

/// How full the notebooks' PDF pages are, measured on the PDFs NotebookLawTests renders with the
/// release `folio` (as `make render` does): how far down the text block each page's words
/// (`pdftotext -bbox-layout`) and its ink (`pdftoppm`, so vector figures count) reach. No page
/// but the last may end before 60 % of the text block: floats, keeps and widow control must
/// not leave half-empty pages. The whole distribution is printed for the record.
enum PageFill {
    /// The text block of both paper sizes is 72 pt from the top and the bottom edge.
    static let margin = 72.0
    static let least = 0.6

    /// The fill of every page of `pdf`, from 0 (nothing in the text block) to 1 (down to its bottom).
    static func fills(_ pdf: URL) throws -> [Double] {
        let pages = try PDFPages(pdf)
        guard let height = pages.pages.first?.height else { return [] }
        let (top, bottom) = (margin, height - margin)
        // The running head sits above the text block and the page number below it: left out.
        let ink = try PDFPages.lowestInk(pdf, top: top - 2, bottom: bottom + 2)
        return pages.pages.enumerated().map { n, page in
            let words = page.words.filter { $0.yMin >= top - 6 && $0.yMax <= bottom + 4 }.map(\.yMax).max()
            let lowest = max(words ?? top, (n < ink.count ? ink[n] : nil) ?? top)
            return min(1, max(0, (lowest - top) / (bottom - top)))
        }
    }

    /// Fails for every page but the last of each PDF that is less than `least` full.
    static func check(_ pdfs: [URL], file: StaticString = #filePath, line: UInt = #line) throws {
        var all: [Double] = [], report: [String] = []
        for pdf in pdfs {
            let stem = pdf.deletingPathExtension().lastPathComponent
            let fills = try fills(pdf)
            report.append("\(stem): " + fills.map { String(format: "%.0f", 100 * $0) }.joined(separator: " "))
            for (k, fill) in fills.enumerated().dropLast() {
                all.append(fill)
                XCTAssertGreaterThanOrEqual(fill, least, "\(stem).pdf page \(k + 1) is \(Int(100 * fill)) % full", file: file, line: line)
            }
        }
        let sorted = all.sorted()
        func percentile(_ p: Double) -> Double { sorted.isEmpty ? 0 : sorted[min(sorted.count - 1, Int(p * Double(sorted.count)))] }
        print("page fill (% of the text block; every page, last included):\n" + report.joined(separator: "\n"))
        print(
            String(
                format: "pages but the last: %d; minimum %.0f %%, 10th percentile %.0f %%, median %.0f %%", sorted.count,
                100 * (sorted.first ?? 0), 100 * percentile(0.1), 100 * percentile(0.5)))
    }
}
