import Foundation
import Notebook
import Report

/// Suite `report-citations`: what citations add to a whole render. The page of 200 citations
/// over a 300-entry bibliography of suite `citations` (`nocite: '@*'`, so every entry is
/// listed), resolved and written as PDF and HTML in process, with its bibliography and without
/// one (the citations stay as written and no list is set). The peer
/// (`scripts/peers/report-citations.py`) runs Debian's `pandoc` on the same Markdown and
/// `.bib`, to standalone HTML, with `--citeproc` and without. A third row is Folio's own:
/// the time with citations over the time without, against the ratio that 100 ms more would give.
enum ReportCitationSuite {
    static let addedBudget = 0.100

    static func cases() -> [BenchCase] {
        let folder = root.appendingPathComponent(".build/bench-report-citations")
        let (bib, markdown, _) = CitationSuite.input()
        let body = markdown.components(separatedBy: "\n---\n").dropFirst().joined(separator: "\n---\n")
        let cited = "---\ntitle: Citations\nbibliography: large.bib\nnocite: '@*'\n---\n" + body
        // Without the citations: the same paragraphs with the keys as plain words.
        let plain = "---\ntitle: Citations\n---\n" + body.replacingOccurrences(of: "@", with: "")
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try bib.write(to: folder.appendingPathComponent("large.bib"), atomically: true, encoding: .utf8)
            try cited.write(to: folder.appendingPathComponent("cited.md"), atomically: true, encoding: .utf8)
            try plain.write(to: folder.appendingPathComponent("plain.md"), atomically: true, encoding: .utf8)
        } catch {
            FileHandle.standardError.write(Data("folio-bench: cannot write \(folder.path): \(error)\n".utf8))
            exit(3)
        }
        func notebook(_ text: String, _ name: String) -> ExecutedNotebook {
            ExecutedNotebook(document: try! Document.parse(text, path: folder.appendingPathComponent(name).path), outputs: [:])
        }
        let withCitations = notebook(cited, "cited.md"), without = notebook(plain, "plain.md")
        func render(_ nb: ExecutedNotebook) -> Int {
            let resolved = ResolvedNotebook(nb, projectRoot: folder)
            let pdf = PDFReport.render(resolved)
            let html = HTMLReport.render(resolved, figureDirectory: "figures")
            return pdf.count + html.utf8.count
        }
        // The workload is what it claims: every entry is listed, and every key is found (the
        // copied test entries keep their crossref warnings: their parent is not copied).
        let check = ResolvedNotebook(withCitations, projectRoot: folder)
        let entries = HTMLReport.render(check, figureDirectory: "figures").components(separatedBy: "class=\"csl-entry\"").count - 1
        guard !check.diagnostics.contains(where: { $0.file.hasSuffix("cited.md") }), entries == CitationSuite.entries else {
            fatalError("report-citations bench: \(entries) entries, \(check.diagnostics.map(\.description))")
        }
        let plainSeconds = Measure.secondsPerCall(budget: Bench.budget) { _ = render(without) }
        let name = "\(CitationSuite.entries)-entries-\(CitationSuite.citations)-cites"
        return [
            BenchCase(suite: "report-citations", name: "cited-\(name)", unit: "renders/s", rate: { 1 / $0 }) {
                _ = render(withCitations)
            },
            BenchCase(suite: "report-citations", name: "uncited-\(name)", unit: "renders/s", rate: { 1 / $0 }) {
                _ = render(without)
            },
            BenchCase(
                suite: "report-citations", name: "cited-over-uncited-\(name)", unit: "time ratio", rate: { $0 },
                body: { _ = render(withCitations) }, baseline: { _ = render(without) }, bound: 1 + addedBudget / plainSeconds),
        ]
    }
}
