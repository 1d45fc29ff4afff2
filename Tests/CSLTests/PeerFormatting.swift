import BibTeX
import CSL
import Foundation
import TestSupport
import XCTest

/// The same comparison in HTML, for the formatting: italics, bold, small caps, superscripts and
/// links must agree too. Both sides are reduced to those marks (every other tag dropped).
extension PeerComparisonTests {
    static let requiredFormatting = 0.9

    func compareFormatting(_ styleName: String, stylePath: String, pandoc: String, input: URL, processed out: ProcessedCitations) throws {
        let result = try Command(
            URL(fileURLWithPath: pandoc),
            ["-f", "markdown", "-t", "html", "--wrap=none", "--citeproc", "--csl=\(stylePath)", "--bibliography=\(Self.fixture.path)", input.path]
        ).run()
        XCTAssertEqual(result.status, 0, result.stderr)
        let html = result.stdout
        let refsStart = html.range(of: "<div id=\"refs\"")?.lowerBound ?? html.endIndex
        var theirCitations = html[..<refsStart].components(separatedBy: "<p>").dropFirst().map { Self.marks(String($0)) }
        let notesStart = html.range(of: "<section class=\"footnotes")?.lowerBound ?? html.endIndex
        if html.contains("role=\"doc-endnote\"") {
            // A note style: each citation is a footnote, `<li id="fnN" …><p>text<a href="#fnrefN" …>`.
            theirCitations = html[notesStart...].components(separatedBy: "<li id=\"fn").dropFirst().map { chunk in
                let body = chunk[(chunk.range(of: "<p>")?.upperBound ?? chunk.startIndex)...]
                return Self.marks(String(body[..<(body.range(of: "<a href=\"#fnref")?.lowerBound ?? body.endIndex)]))
            }
        }
        let theirEntries = html[refsStart..<notesStart].components(separatedBy: "<div id=\"ref-").dropFirst().map { chunk -> String in
            Self.marks(String(chunk[(chunk.range(of: ">")?.upperBound ?? chunk.startIndex)...]))
        }
        let renderer = HTMLRenderer()
        let ourCitations = out.citations.map { Self.marks(renderer.render($0)) }
        let ourEntries = out.bibliography.map { Self.marks(renderer.render($0.content)) }
        let entries = Self.report("\(styleName) bibliography (HTML marks)", ours: ourEntries, theirs: theirEntries)
        let citations = Self.report("\(styleName) citations (HTML marks)", ours: ourCitations, theirs: theirCitations)
        XCTAssertGreaterThanOrEqual(Double(entries) / Double(max(theirEntries.count, 1)), Self.requiredFormatting, "\(styleName): formatted entries")
        XCTAssertGreaterThanOrEqual(Double(citations) / Double(max(theirCitations.count, 1)), Self.requiredFormatting, "\(styleName): formatted citations")
    }

    /// HTML reduced to text and the marks `<i>`, `<b>`, `<sc>`, `<sup>`, `<sub>`, `<a href=…>`.
    static func marks(_ html: String) -> String {
        var out = ""
        var closers: [String] = []
        var rest = Substring(html)
        while let lt = rest.firstIndex(of: "<") {
            out += rest[..<lt]
            guard let gt = rest[lt...].firstIndex(of: ">") else { break }
            let tag = rest[rest.index(after: lt)..<gt]
            rest = rest[rest.index(after: gt)...]
            if tag.hasPrefix("/") {
                out += closers.popLast() ?? ""
                continue
            }
            let name = tag.prefix { $0.isLetter }
            let open: String, close: String
            switch name {
            case "em", "i": (open, close) = ("<i>", "</i>")
            case "strong", "b": (open, close) = ("<b>", "</b>")
            case "sup", "sub": (open, close) = ("<\(name)>", "</\(name)>")
            case "a":
                let href = tag.range(of: "href=\"").map { tag[$0.upperBound...].prefix { $0 != "\"" } } ?? ""
                (open, close) = ("<a href=\(href)>", "</a>")
            case "span" where tag.contains("smallcaps") || tag.contains("small-caps"): (open, close) = ("<sc>", "</sc>")
            default: (open, close) = ("", "")
            }
            if tag.hasSuffix("/") || name == "br" { continue }
            out += open
            closers.append(close)
        }
        out += rest
        let text = out.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&amp;", with: "&")
        return normalise(text)
    }
}
