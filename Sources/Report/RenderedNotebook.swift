import Notebook
import OutputChannel

/// A document together with what its cells displayed: the input of every output format.
public struct RenderedNotebook: Sendable {
    public var document: Document
    /// Outputs by `Cell.index`; a cell missing here shows no output.
    public var outputs: [Int: [CellOutput]]

    public init(document: Document, outputs: [Int: [CellOutput]]) {
        self.document = document
        self.outputs = outputs
    }

    /// Figures in document order, with the file stem each is written under.
    public var figures: [(stem: String, figure: Plot.Figure)] {
        var result: [(String, Plot.Figure)] = []
        for cell in document.cells {
            var k = 0
            for case .figure(let f) in outputs[cell.index] ?? [] {
                k += 1
                let base = cell.options.label ?? "cell-\(cell.index + 1)"
                result.append((k == 1 ? base : "\(base)-\(k)", f))
            }
        }
        return result
    }
}

import Plot
