import Foundation
import XCTest
import Notebook
import Plot
import TestSupport
@testable import Report

/// The fixture paper as a PDF, measured with poppler's tools and by reading the PDF's objects.
final class PaperPDFTests: XCTestCase {
    var out: URL!
    override func setUpWithError() throws {
        out = try makeTemporaryFolder("folio-paper")
    }
    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: out) }

    func writePDF(_ nb: ExecutedNotebook, _ name: String = "paper.pdf") throws -> URL {
        let url = out.appendingPathComponent(name)
        try Data(PDFReport.render(nb)).write(to: url)
        return url
    }

    func testTextHasHeadingsNumberedCaptionsAndResolvedReferencesInOrder() throws {
        let pdf = try writePDF(try Fixture.notebook())
        let text = try Tools.output("pdftotext", [pdf.path, "-"])
            .replacingOccurrences(of: "\u{00AD}\n", with: "")  // a word hyphenated at a line end
            .replacingOccurrences(of: #"\s+"#, with: " ", options: .regularExpression)
        assertInOrder(
            text,
            [
                "Depth and the length of trajectories", "Abstract", "Contents",
                "Introduction", "see Figure 1 and Equation (1)", "setup is in Section 2", "numbers are in Table 1",
                "(1)", "the width", "A random network is a random dynamical system",
                "The argument follows Raghu et al.",  // footnote 1 at the bottom of its page
                "Setup", "Networks", "independently.",
                "Figure 1: Length of the circle's image against depth",
                "Checklist", "☑", "sample the circle", "☐", "compare with the bound",
                "Table 1: Growth of the trajectory length per layer.", "width", "growth per layer",
                "He initialisation",  // footnote 2 at the bottom of page 2
                "Results", "The curve in Figure 1 follows Equation (1) closely; Figure 2 shows the ratio.",
                "@fig-missing??",
                "Figure 2: Measured length divided by the prediction of Equation (1).",
                "Figure 3: A third figure without a label.",
            ])
        XCTAssertFalse(text.contains("@fig-length") || text.contains("@eq-growth") || text.contains("{#"), text)
        XCTAssertFalse(text.contains("fig2"), "echo: false hides the code")
    }

    func testRunningHeadNamesTheTitleAndTheSection() throws {
        let pdf = try writePDF(try Fixture.notebook())
        func head(_ page: Int) throws -> String {
            let text = try Tools.output("pdftotext", ["-layout", "-f", "\(page)", "-l", "\(page)", pdf.path, "-"])
            return String(text.split(separator: "\n").first ?? "").replacingOccurrences(of: #"\s+"#, with: " ", options: .regularExpression)
        }
        XCTAssertFalse(try head(1).contains("Depth and the length of trajectories 1"), "no running head on the title page")
        XCTAssertEqual(try head(2), "Depth and the length of trajectories 2 Setup")
        XCTAssertEqual(try head(3), "Depth and the length of trajectories 3 Results")
    }

    func testALongTitleIsShortenedToOneLineInTheRunningHead() throws {
        let long = "Gradient descent, stochastic gradient descent and a spurious minimum of a two-dimensional risk"
        let markdown = Fixture.markdown.replacingOccurrences(of: "title: Depth and the length of trajectories", with: "title: \(long)")
        let nb = ExecutedNotebook(document: try Document.parse(markdown, path: "paper.md"), outputs: try Fixture.notebook().outputs)
        let pdf = try writePDF(nb)
        let lines = try Tools.output("pdftotext", ["-layout", "-f", "2", "-l", "2", pdf.path, "-"]).split(separator: "\n")
        let first = lines[0].replacingOccurrences(of: #"\s+"#, with: " ", options: .regularExpression)
        XCTAssertTrue(first.hasPrefix("Gradient descent, stochastic gradient descent"), first)
        XCTAssertTrue(first.contains("…"), first)
        XCTAssertTrue(first.hasSuffix("2 Setup"), "title and section share one line: \(first)")
        XCTAssertFalse(lines[1].contains("risk"), "nothing of the title wraps to a second line: \(lines[1])")
    }

    func testUnknownReferenceIsADiagnosticAtItsLine() throws {
        let nb = ResolvedNotebook(try Fixture.notebook())
        let line =
            Fixture.markdown.split(separator: "\n", omittingEmptySubsequences: false)
            .firstIndex { $0.contains("@fig-missing") }! + 1
        XCTAssertEqual(
            nb.diagnostics.map(\.description),
            ["paper.md:\(line):1: warning: unknown cross reference @fig-missing (known: fig-length, fig-ratio)"])
    }

    func testFontsAreEmbeddedAndNoneIsType3() throws {
        let fonts = try Tools.output("pdffonts", [try writePDF(try Fixture.notebook()).path])
        let rows = fonts.split(separator: "\n").dropFirst(2)
        XCTAssertGreaterThan(rows.count, 3)
        for row in rows {
            XCTAssertFalse(row.contains("Type 3"), String(row))
            let cols = row.split(separator: " ")
            XCTAssertEqual(cols[cols.count - 5], "yes", "not embedded: \(row)")
        }
        XCTAssertTrue(fonts.contains("LatinModernMath"), "math is set in the math font: \(fonts)")
    }

    func testOutlineNestsTheNumberedHeadings() throws {
        let bytes = String(decoding: try Data(contentsOf: try writePDF(try Fixture.notebook())), as: UTF8.self)
        let entry = try NSRegularExpression(pattern: #"(\d+) 0 obj\s*<< /Title \(([^)]*)\)\s*/Parent (\d+) 0 R"#)
        var objects: [String: (object: String, parent: String)] = [:]
        var titles: [String] = []
        for m in entry.matches(in: bytes, range: NSRange(bytes.startIndex..., in: bytes)) {
            let g = { (k: Int) in String(bytes[Range(m.range(at: k), in: bytes)!]) }
            objects[g(2)] = (g(1), g(3))
            titles.append(g(2))
        }
        XCTAssertEqual(titles, ["Contents", "1 Introduction", "2 Setup", "2.1 Networks", "2.2 Checklist", "3 Results"])
        let root = objects["1 Introduction"]!.parent
        XCTAssertEqual(objects["2 Setup"]!.parent, root)
        XCTAssertEqual(objects["2.1 Networks"]!.parent, objects["2 Setup"]!.object, "subsections nest under their section")
        XCTAssertEqual(objects["2.2 Checklist"]!.parent, objects["2 Setup"]!.object)
        let info = try Tools.output("pdfinfo", [try writePDF(try Fixture.notebook(), "again.pdf").path])
        XCTAssertTrue(info.contains("Title:           Depth and the length of trajectories"), info)
        XCTAssertTrue(info.contains("Author:          A. Researcher"), info)
        XCTAssertTrue(info.contains("Subject:         We follow a circle"), info)
    }

    func testLinksAreAnnotationsOverTheirWords() throws {
        let pdf = try writePDF(try Fixture.notebook())
        let bytes = String(decoding: try Data(contentsOf: pdf), as: UTF8.self)
        // Every named destination a link uses is defined in the name tree.
        let used = Set(matches(#"/Dest \(([^)]*)\)"#, bytes))
        let tree = bytes.range(of: "/Names [").map { String(bytes[$0.upperBound...].prefix(4000)) } ?? ""
        XCTAssertTrue(used.isSuperset(of: ["fig-length", "eq-growth", "sec-setup", "tbl-summary", "fig-ratio", "fn-1", "fn-2"]), "\(used)")
        for name in used { XCTAssertTrue(tree.contains("(\(name)) ["), "destination \(name) is not defined") }

        // The external link covers exactly the words "the Swift site" on page 1.
        let quads = matches(#"/QuadPoints \[ ([^\]]*) \]\s*/Rect [^/]*/A <<\s*/Type /Action\s*/S /URI\s*/URI \(https://www.swift.org\)"#, bytes)
        XCTAssertEqual(quads.count, 1, "one link area for one line")
        let q = quads[0].split(separator: " ").compactMap { Double($0) }
        let bbox = try Tools.output("pdftotext", ["-bbox", "-f", "1", "-l", "1", pdf.path, "-"])
        let words = try NSRegularExpression(pattern: #"<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>"#)
            .matches(in: bbox, range: NSRange(bbox.startIndex..., in: bbox)).map { m -> (String, [Double]) in
                let g = { (k: Int) in String(bbox[Range(m.range(at: k), in: bbox)!]) }
                return (g(5), (1...4).map { Double(g($0))! })
            }
        guard let k = words.indices.first(where: { $0 + 2 < words.count && words[$0].0 == "the" && words[$0 + 1].0 == "Swift" }) else {
            return XCTFail("words not found:\n\(bbox)")
        }
        let pageHeight = 841.89
        let (x0, x1) = (min(q[0], q[2]), max(q[0], q[2]))
        let (yTop, yBottom) = (pageHeight - max(q[1], q[5]), pageHeight - min(q[1], q[5]))
        XCTAssertEqual(x0, words[k].1[0], accuracy: 1.0, "starts at 'the'")
        XCTAssertGreaterThan(x1, words[k + 2].1[0] + 10, "ends inside 'site.'")
        XCTAssertLessThanOrEqual(x1, words[k + 2].1[2] + 0.5)
        XCTAssertLessThanOrEqual(yTop, words[k].1[1] + 0.5, "covers the glyphs' height")
        XCTAssertGreaterThanOrEqual(yBottom, words[k].1[3] - 0.5)
    }

    func matches(_ pattern: String, _ s: String) -> [String] {
        let re = try! NSRegularExpression(pattern: pattern)
        return re.matches(in: s, range: NSRange(s.startIndex..., in: s)).map { String(s[Range($0.range(at: 1), in: s)!]) }
    }

    /// The figure drawn in the page has the same ink extent, at the same dpi, as the figure
    /// file whose page is exactly the requested size: the page draws it at its physical size.
    func testFigureIsDrawnAtItsRequestedSize() throws {
        try checkDrawnSize(width: 252, height: 180)
    }

    /// 6.5 in is wider than A4's text block: it reaches into the margins instead of shrinking.
    func testWideFigureKeepsItsSize() throws {
        try checkDrawnSize(width: 468, height: 200)
    }

    func checkDrawnSize(width: Double, height: Double) throws {
        var fig = Figure(width: width, height: height, title: "Size")
        fig.line(x: [0, 1, 2, 3], y: [1, 0, 3, 2])
        let doc = try Document.parse("```swift\n//| echo: false\nfig\n```\n", path: "size.md")
        let page = try writePDF(ExecutedNotebook(document: doc, outputs: [0: [.figure(fig)]]), "size.pdf")
        let file = out.appendingPathComponent("figure.pdf")
        try Data(FigureFiles.pdf(fig)).write(to: file)
        XCTAssertNotNil(try Tools.output("pdfinfo", [file.path]).range(of: #"Page size:\s+\#(Int(width)) x \#(Int(height)) pts"#, options: .regularExpression))
        let dpi = 144.0
        func inkBox(_ pdf: URL, cropBottom: Int) throws -> (Int, Int) {
            let stem = pdf.deletingPathExtension().path
            _ = try Tools.output("pdftoppm", ["-r", "\(Int(dpi))", "-f", "1", "-l", "1", "-gray", "-singlefile", pdf.path, stem])
            let pgm = try Data(contentsOf: URL(fileURLWithPath: stem + ".pgm"))
            // Binary PGM: "P5\nW H\n255\n" then one byte per pixel.
            let header = String(decoding: pgm.prefix(40), as: UTF8.self).split(whereSeparator: { $0 == "\n" || $0 == " " })
            let (w, h) = (Int(header[1])!, Int(header[2])!)
            let start = pgm.count - w * h
            var (minX, minY, maxX, maxY) = (w, h, -1, -1)
            for y in 0..<(h - cropBottom) {
                for x in 0..<w where pgm[start + y * w + x] < 200 {
                    minX = min(minX, x); maxX = max(maxX, x); minY = min(minY, y); maxY = max(maxY, y)
                }
            }
            return (maxX - minX + 1, maxY - minY + 1)
        }
        // The page number sits in the bottom margin: leave that out.
        let onPage = try inkBox(page, cropBottom: Int(72 * dpi / 72))
        let alone = try inkBox(file, cropBottom: 0)
        XCTAssertEqual(Double(onPage.0), Double(alone.0), accuracy: 2, "width in pixels at \(dpi) dpi")
        XCTAssertEqual(Double(onPage.1), Double(alone.1), accuracy: 2, "height in pixels at \(dpi) dpi")
        XCTAssertGreaterThan(alone.0, Int(0.6 * width * dpi / 72), "the figure has ink across most of its width")
    }

    func testRerenderIsByteIdenticalForEveryFile() throws {
        let nb = try Fixture.notebook()
        let a = out.appendingPathComponent("a"), b = out.appendingPathComponent("b")
        let filesA = try ReportWriter(outputDirectory: a).write(nb)
        let filesB = try ReportWriter(outputDirectory: b).write(nb)
        XCTAssertEqual(filesA.map(\.lastPathComponent), filesB.map(\.lastPathComponent))
        XCTAssertTrue(Set(filesA.map(\.pathExtension)).isSuperset(of: ["pdf", "png", "svg", "html", "json"]))
        for (x, y) in zip(filesA, filesB) {
            XCTAssertEqual(try Data(contentsOf: x), try Data(contentsOf: y), x.lastPathComponent)
        }
    }
}
