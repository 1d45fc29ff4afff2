import Foundation
import Notebook
import Runner

extension Harness {
    /// Cell code, as the Tangler reads it to decide what leaves `main.swift` (Runner's own Swift
    /// lexer, `SwiftItems`, `CellLifting`, `LiftableStatement`, `LiftedCells`): the input is the
    /// code of one or more cells, separated by lines `%%`, set in a notebook and tangled.
    /// Besides not crashing, tangling is deterministic: the same document twice gives the same
    /// program, byte for byte (the cache and `folio render` depend on it).
    static let tangle = Harness(
        name: "tangle", maxLength: 8192,
        summary: "Tangler.generate (SwiftItems, CellLifting, LiftableStatement, LiftedCells)"
    ) { bytes in
        let text = String(decoding: bytes, as: UTF8.self)
        // A fence no cell line can close: lines that start with `~~~` are dropped from the code.
        let cells = text.components(separatedBy: "\n%%\n").map { code in
            code.split(separator: "\n", omittingEmptySubsequences: false).filter { !$0.hasPrefix("~~~") }.joined(separator: "\n")
        }
        let notebook = cells.map { "Prose.\n\n~~~~~~~~~~ swift\n\($0)\n~~~~~~~~~~\n" }.joined(separator: "\n")
        guard let document = load(Array(notebook.utf8)) else { return }
        let first = Tangler.generate(for: document, params: [], seed: 7, plan: nil)
        let again = Tangler.generate(for: document, params: [], seed: 7, plan: nil)
        if first.source != again.source || first.liftedSource != again.liftedSource {
            finding("Tangler.generate gave two programs for one document")
        }
        if first.cells.count > document.cells.count { finding("more tangled cells than cells") }
    }
}
