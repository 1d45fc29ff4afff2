import BibTeX
import CSL
import Foundation

/// Suite `citations`: a 300-entry bibliography and a page of 200 citations, read and formatted
/// (bibliography file → items → citations and bibliography as plain text), in APA and IEEE.
/// The peer (`scripts/peers/citations.py`) runs `pandoc --citeproc` on the same two files, which
/// this suite writes to `.build/bench-citations/`.
enum CitationSuite {
    static let entries = 300, citations = 200

    static func cases() -> [BenchCase] {
        let folder = root.appendingPathComponent(".build/bench-citations")
        let (bib, markdown, cites) = input()
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try bib.write(to: folder.appendingPathComponent("large.bib"), atomically: true, encoding: .utf8)
            try markdown.write(to: folder.appendingPathComponent("large.md"), atomically: true, encoding: .utf8)
        } catch {
            FileHandle.standardError.write(Data("folio-bench: cannot write \(folder.path): \(error)\n".utf8))
            exit(3)
        }
        return ["apa", "ieee"].map { name in
            let style = try! CSLLibrary().style(name)
            return BenchCase(suite: "citations", name: "\(name)-300-entries-200-cites", unit: "documents/s", rate: { 1 / $0 }) {
                let items = Bibliography.bibtex(bib, file: "large.bib").items
                let out = try! CitationProcessor(style: style, items: items).process(cites, nocite: ["*"])
                let renderer = PlainTextRenderer()
                var text = ""
                for c in out.citations { text += renderer.render(c) }
                for e in out.bibliography { text += renderer.render(e.content) }
                precondition(out.bibliography.count == entries && !text.isEmpty)
            }
        }
    }

    /// The test bibliography's entries under new keys and years until there are 300, and 200
    /// citations over them: single, with a page locator, two at once, and narrative.
    static func input() -> (bib: String, markdown: String, cites: [Citation]) {
        let fixture = root.appendingPathComponent("Tests/CSLTests/Fixtures/peer.bib")
        let base = (try? String(contentsOf: fixture, encoding: .utf8)) ?? ""
        let chunks = base.components(separatedBy: "\n@").dropFirst().filter { chunk in
            !["string", "comment", "preamble"].contains { chunk.lowercased().hasPrefix($0) }
        }
        let header = base.components(separatedBy: "\n").filter { $0.hasPrefix("@string") }.joined(separator: "\n")
        var bib = header + "\n"
        var keys: [String] = []
        var copy = 0
        while keys.count < entries {
            for chunk in chunks where keys.count < entries {
                guard let brace = chunk.firstIndex(of: "{"), let comma = chunk.firstIndex(of: ",") else { continue }
                let key = String(chunk[chunk.index(after: brace)..<comma]) + "x\(copy)"
                keys.append(key)
                let body = chunk[comma...].replacingOccurrences(of: "year = {", with: "year = {\(copy + 1)")
                bib += "\n@" + chunk[...brace] + key + body + "\n"
            }
            copy += 1
        }
        var markdown = "---\nnocite: '@*'\n---\n\n"
        var cites: [Citation] = []
        for n in 0..<citations {
            let a = keys[(n * 7) % keys.count], b = keys[(n * 13 + 5) % keys.count]
            switch n % 3 == 0 ? 0 : n % 5 == 0 ? 1 : 2 {
            case 0:
                markdown += "[@\(a), p. \(n + 1)]\n\n"
                cites.append(Citation(items: [CitationItem(id: a, locator: String(n + 1), label: "page")]))
            case 1:
                markdown += "@\(a) [@\(b)]\n\n"
                cites.append(Citation(items: [CitationItem(id: a)], narrative: true))
                cites.append(Citation(items: [CitationItem(id: b)]))
            default:
                markdown += "[@\(a); @\(b)]\n\n"
                cites.append(Citation(items: [CitationItem(id: a), CitationItem(id: b)]))
            }
        }
        return (bib, markdown, cites)
    }
}
