import Foundation
import XCTest
import Graphics
@testable import Report

/// A centred title is broken as a whole (Knuth–Plass with TeX's \parfillskip 0pt): on layout
/// data, at every measure, no line ends on an en or em dash, spaced or not, and the last line
/// is never one word alone (unless it and the word before it are wider than the measure).
final class TitleBreakingTests: XCTestCase {
    let style = PageStyle(paper: .a4)

    func lines(_ title: String, width: Double) -> [String] {
        let composer = PDFComposer(canvas: Canvas(.pdf, width: style.width, height: style.height), style: style)
        let l = composer.layout(TextLayout.escape(title), font: font, width: width, alignment: .center)
        return l.text.split(separator: "\n", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
    }

    let font = Fonts.description(Fonts.serif, size: 17.28)

    func naturalWidth(_ text: String) -> Double {
        TextLayout(canvas: Canvas(.pdf, width: 100, height: 100), markup: TextLayout.escape(text), font: font).size.width
    }

    func testNoTitleLineEndsOnADashOrLeavesItsLastWordAlone() {
        let titles = [
            "Spectra of sample covariance matrices and the Marchenko–Pastur law",
            "Random features — a kernel view of wide networks at initialisation",
            "Depth, width and the edge of chaos—signal propagation in deep nets of it",
            "Tracy–Widom fluctuations of the largest eigenvalue of a Wishart matrix in",
            "Book chapter 4, Lemma 4.1 and Theorem 4.2 (Baldi & Hornik), and a degenerate saddle",
        ]
        var broken = 0
        for title in titles {
            for width in stride(from: 140.0, through: 440, by: 11) {
                let ls = lines(title, width: width)
                if ls.count > 1 { broken += 1 }
                for line in ls.dropLast() {
                    XCTAssertFalse(line.hasSuffix("–") || line.hasSuffix("—"), "width \(width): '\(line)' in \(ls)")
                }
                if ls.count > 1, let last = ls.last, !last.contains(" ") {
                    // Only when the last two words together are wider than the measure.
                    let pair = (ls[ls.count - 2].split(separator: " ").last.map(String.init) ?? "") + " " + last
                    XCTAssertGreaterThan(naturalWidth(pair), width, "width \(width): a last word alone '\(last)' in \(ls)")
                }
            }
        }
        XCTAssertGreaterThan(broken, 40, "most measures break the titles")
    }
}
