import Foundation
import MathType
import Notebook
import OutputChannel
import Plot

/// Formulas that do not typeset, found before anything is drawn: each of the notebook's
/// formulas (its text, headings, tables, footnotes, abstract and captions: `Document.math`)
/// at its `file.md:line:col` — the place of the error inside the formula when MathType names
/// one — and the `$…$` in the tables cells show, at the cell. Figures are checked as they are
/// drawn (`ReportWarnings.mathListener`).
enum MathWarnings {
    static func check(_ notebook: ExecutedNotebook, into warnings: ReportWarnings) {
        let doc = notebook.document
        for source in doc.math {
            warnings.placed(source.tex)
            let layout = MathRenderer.shared.layout(source.tex, style: source.display ? .display : .text, size: MathSetter.bodySize)
            guard let error = layout.errors.first else { continue }
            let at = source.place(ofOffset: error.offset)
            warnings.add(Diagnostic(file: doc.path, line: at.line, column: at.column, message: message(source.tex, error), severity: .warning))
        }
        for cell in doc.cells {
            let (line, column) = place(of: cell)
            for case .table(let table) in notebook.outputs[cell.index] ?? [] {
                var texts = table.columns.map(\.title) + (table.caption.map { [$0] } ?? [])
                for row in table.rows { for case .text(let s) in row { texts.append(s) } }
                for text in texts {
                    let parts = text.split(separator: "$", omittingEmptySubsequences: false)
                    guard parts.count >= 3, parts.count % 2 == 1 else { continue }
                    for (k, part) in parts.enumerated() where k % 2 == 1 && !part.isEmpty {
                        warnings.placed(String(part))
                        let layout = MathRenderer.shared.layout(String(part), style: .text, size: MathSetter.bodySize)
                        guard let error = layout.errors.first else { continue }
                        warnings.add(
                            Diagnostic(
                                file: doc.path, line: line, column: column, message: message(String(part), error, in: "a table the cell shows"),
                                severity: .warning))
                    }
                }
            }
        }
    }

    /// Where a cell's warnings point: its opening fence.
    static func place(of cell: Cell) -> (line: Int, column: Int) {
        (max(1, cell.firstLine - cell.options.lineCount - 1), 1 + (cell.columnOffsets.first ?? 0))
    }

    /// "formula `\frac{a}` does not typeset: …", the formula shortened when long.
    static func message(_ tex: String, _ error: MathError, in what: String? = nil) -> String {
        let flat = tex.replacingOccurrences(of: "\n", with: " ").trimmingCharacters(in: .whitespaces)
        let shown = flat.count > 60 ? String(flat.prefix(57)) + "…" : flat
        return "formula `\(shown)`\(what.map { " in \($0)" } ?? "") does not typeset: \(error.message)"
    }
}
