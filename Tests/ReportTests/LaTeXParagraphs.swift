import Foundation
import Notebook

/// The exporter behind the pdflatex comparison: prose paragraphs of the notebooks written as
/// LaTeX, one per page, at Folio's text width and body size in Latin Modern. Paragraphs with
/// what LaTeX would set differently for reasons other than line breaking (images, characters
/// outside T1) are left out; links keep their text, cross references print as "Figure 1".
enum LaTeXParagraphs {
    /// The paragraphs of every notebook under `folder` (the abstract, body text, list items and
    /// quotes) that `latex` can write, with at least
    /// `minimumLength` characters of text (one-line paragraphs say nothing about breaking).
    static func collect(from folder: URL, minimumLength: Int = 80) throws -> [[Inline]] {
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".md") }.sorted()
        var result: [[Inline]] = []
        for name in files {
            let url = folder.appendingPathComponent(name)
            let document = try Document.parse(try String(contentsOf: url, encoding: .utf8), path: url.path)
            var found: [[Inline]] = document.abstractInlines.map { [$0] } ?? []
            func walk(_ blocks: [Block]) {
                for block in blocks {
                    switch block {
                    case .paragraph(let inlines, _): found.append(inlines)
                    case .list(_, _, let items, _): items.forEach(walk)
                    case .quote(let inner, _): walk(inner)
                    default: break
                    }
                }
            }
            walk(document.blocks)
            result += found.map(normalized).filter { $0.plainText.count >= minimumLength && latex($0) != nil }
        }
        return result
    }

    /// Cross references as the text they print ("Figure 1"), the same for both typesetters;
    /// footnote marks dropped.
    static func normalized(_ inlines: [Inline]) -> [Inline] {
        inlines.compactMap { inline in
            switch inline {
            case .crossReference(let label, _):
                let kinds = ["fig": "Figure 1", "tbl": "Table 1", "eq": "Equation (1)", "sec": "Section 1"]
                return .text(kinds[String(label.prefix(while: { $0 != "-" }))] ?? "Figure 1")
            case .footnote: return nil
            case .emphasis(let c): return .emphasis(normalized(c))
            case .strong(let c): return .strong(normalized(c))
            case .link(let url, let c): return .link(url: url, content: normalized(c))
            default: return inline
            }
        }
    }

    /// The paragraph as LaTeX, or nil when it holds something the comparison leaves out.
    static func latex(_ inlines: [Inline]) -> String? {
        var out = ""
        for inline in inlines {
            switch inline {
            case .text(let s):
                guard let t = text(s) else { return nil }
                out += t
            case .emphasis(let c):
                guard let t = latex(c) else { return nil }
                out += "\\emph{\(t)}"
            case .strong(let c):
                guard let t = latex(c) else { return nil }
                out += "\\textbf{\(t)}"
            case .math(let tex):
                guard tex.unicodeScalars.allSatisfy(\.isASCII), !tex.contains("\\operatorname*") else { return nil }
                out += "$\(tex)$"
            case .link(_, let c):
                guard let t = latex(c) else { return nil }
                out += t
            case .code(let s):
                guard let t = text(s) else { return nil }
                out += "\\texttt{\(t)}"
            case .softBreak: out += "\n"
            default: return nil
            }
        }
        return out
    }

    private static func text(_ s: String) -> String? {
        var out = ""
        for ch in s {
            switch ch {
            case "\\": out += "\\textbackslash{}"
            case "{", "}", "$", "&", "%", "#", "_": out += "\\\(ch)"
            case "~": out += "\\textasciitilde{}"
            case "^": out += "\\textasciicircum{}"
            case "–": out += "--"
            case "—": out += "---"
            case "‘": out += "`"
            case "’": out += "'"
            case "“": out += "``"
            case "”": out += "''"
            case "…": out += "\\dots{}"
            case "×": out += "\\texttimes{}"
            case "−": out += "\\textminus{}"
            case "°": out += "\\textdegree{}"
            case "§": out += "\\S{}"
            case "é", "è", "ö", "ü", "ä", "á", "í", "ó", "ç": out.append(ch)
            default:
                guard ch.isASCII else { return nil }
                out.append(ch)
            }
        }
        return out
    }

    /// A document with one paragraph per page, set like Folio's body text: Latin Modern at
    /// `size` PostScript points, justified on each paragraph's width, no paragraph indent.
    static func document(_ paragraphs: [(text: String, width: Double)], size: Double, leading: Double) -> String {
        var tex = """
            \\documentclass{article}
            \\usepackage[T1]{fontenc}
            \\usepackage{lmodern}
            \\usepackage{amsmath,amssymb}
            \\textwidth=500bp
            \\textheight=700bp
            \\paperheight=900bp
            \\parindent=0pt
            \\pagestyle{empty}
            \\begin{document}
            \\fontsize{\(size)bp}{\(leading)bp}\\selectfont

            """
        for p in paragraphs { tex += "\\hsize=\(p.width)bp\n" + p.text + "\n\\par\\clearpage\n" }
        return tex + "\\end{document}\n"
    }
}
