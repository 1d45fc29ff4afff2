import Foundation
import Notebook
import OutputChannel
import Plot
import Report

/// Suite `report`: lay out and write a 20-page report with 10 figures and 30 formulas as PDF,
/// in process. The peer (`scripts/peers/report.py`) writes the same pages, figures and
/// formulas with matplotlib's PDF backend and mathtext.
enum ReportSuite {
    static let sections = 20, figures = 10, formulas = 30

    static func notebook() -> ExecutedNotebook {
        let sentence =
            "The length of a curve pushed through a deep random network grows with every layer, "
            + "and the rate is set by the variance of the weights and the width of the layers. "
        var md = "---\ntitle: Benchmark report\nauthor: Folio\n---\n\n"
        var formula = 0, figure = 0
        for s in 1...sections {
            md += "# Section \(s)\n\n"
            for p in 0..<5 {
                md += String(repeating: sentence, count: 3)
                if p == 0 && formula < formulas { formula += 1; md += "Inline, $\\sigma_{\(s)}^2 = \\frac{2}{n}$ holds. " }
                md += "\n\n"
            }
            if formula < formulas { formula += 1; md += "$$\n\\mathbb{E}\\,L_{\(s)} = \\left(\\frac{\\sigma}{\\sqrt{2}}\\right)^{\\ell} c\n$$ {#eq-\(s)}\n\n" }
            if s % 2 == 0 && figure < figures {
                figure += 1
                md += "```swift\n//| label: fig-\(figure)\n//| caption: Figure \(figure) of the benchmark.\n//| echo: false\nfig\n```\n\n"
            }
        }
        let doc = try! Document.parse(md, path: "bench.md")
        var outputs: [Int: [CellOutput]] = [:]
        for k in 0..<figures {
            var fig = Figure(width: 324, height: 200, title: "Figure \(k + 1)", xLabel: "depth", yLabel: "length")
            let x = (0..<200).map { Double($0) / 20 }
            fig.line(x: x, y: x.map { pow(1.1, $0) + sin(Double(k) + $0) }, label: "measured")
            outputs[k] = [.figure(fig)]
        }
        return ExecutedNotebook(document: doc, outputs: outputs)
    }

    static func cases() -> [BenchCase] {
        let nb = notebook()
        // The workload is what it claims: count the pages of one render.
        let pdf = String(decoding: PDFReport.render(nb), as: UTF8.self)
        let count =
            pdf.components(separatedBy: "/Type /Page\n").count - 1
            + pdf.components(separatedBy: "/Type /Page ").count - 1
        guard (sections - 1)...(sections + 2) ~= count else { fatalError("report bench: expected about \(sections) pages, laid out \(count)") }
        let pages = Double(count)
        return [
            BenchCase(suite: "report", name: "pdf-20-pages", unit: "pages/s", rate: { pages / $0 }) {
                _ = PDFReport.render(nb)
            }
        ]
    }
}
