import Notebook
import OutputChannel

/// A document together with what its cells displayed: the input of every output format.
public struct RenderedNotebook: Sendable {
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
                let base = cell.options.label.map(Self.safeStem) ?? "cell-\(cell.index + 1)"
                var stem = k == 1 ? base : "\(base)-\(k)"
                // Two cells with one label must not overwrite each other's files.
                while used.contains(stem) { stem += "-\(cell.index + 1)" }
                used.insert(stem)
                result.append((stem, f, cell.index))
            }
        }
        return result
    }
}

import Plot

extension RenderedNotebook {
    /// A label as a file name that stays inside the output folder: letters, digits, `-` and
    /// `_` kept, anything else (`/`, `..`, spaces) replaced by `-`.
    static func safeStem(_ label: String) -> String {
        let kept = String(label.map { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") ? $0 : "-" })
        return kept.isEmpty ? "figure" : kept
    }
}
