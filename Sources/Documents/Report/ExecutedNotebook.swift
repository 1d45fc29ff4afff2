import Notebook
import OutputChannel
import Plot

/// A document together with what its cells displayed (executed or reused from the cache):
/// what Report resolves once (`ResolvedNotebook`) and then renders in every format.
public struct ExecutedNotebook: Sendable {
    public var document: Document
    /// Outputs by `Cell.index`; a cell missing here shows no output.
    public var outputs: [Int: [CellOutput]]
    /// Headings show their numbers (1, 1.1, …) as in a LaTeX article; `@sec-x` prints the
    /// number either way. The CLI can set this from the front matter.
    public var numberSections = true

    public init(document: Document, outputs: [Int: [CellOutput]]) {
        self.document = document
        self.outputs = outputs
    }

    /// Figures in document order, with the file stem each is written under and its cell's index.
    public var figures: [(stem: String, figure: Plot.Figure, cell: Int)] {
        var result: [(String, Plot.Figure, Int)] = []
        var used: Set<String> = []
        for cell in document.cells {
            var k = 0
            for case .figure(let f) in outputs[cell.index] ?? [] {
                k += 1
                // Labels are notebook text: `SafeFileName` keeps the files inside the folder.
                let base = cell.options.label.map { SafeFileName.stem($0, fallback: "figure") } ?? "cell-\(cell.index + 1)"
                var stem = k == 1 ? base : "\(base)-\(k)"
                // Two cells with one label must not overwrite each other's files, also where
                // the file system ignores case (`Fig-a` and `fig-a`).
                while used.contains(stem.lowercased()) { stem += "-\(cell.index + 1)" }
                used.insert(stem.lowercased())
                result.append((stem, f, cell.index))
            }
        }
        return result
    }
}
