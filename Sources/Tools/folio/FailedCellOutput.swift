import Notebook
import OutputChannel
import Runner

/// What a failed cell printed before it stopped, for the terminal. A notebook's law checks print
/// their numbers and then stop the render; without this the user sees the verdict ("law does
/// not hold") but not the numbers that explain it, since no report is written.
enum FailedCellOutput {
    /// The last `limit` lines of stdout of every failed cell, indented under a heading that
    /// names the cell's first line.
    static func describe(_ document: Document, _ result: RunResult, limit: Int = 20) -> String {
        var text = ""
        for cell in document.cells {
            guard let r = result.cells[cell.index], case .failed = r.status else { continue }
            var printed = ""
            for case .stream("stdout", let chunk) in r.outputs { printed += chunk }
            let lines = printed.split(separator: "\n", omittingEmptySubsequences: false)
                .reversed().drop { $0.isEmpty }.reversed()
            guard !lines.isEmpty else { continue }
            let shown = lines.suffix(limit)
            text += "\(document.path):\(cell.firstLine): note: the cell printed"
            text += shown.count < lines.count ? " (last \(shown.count) of \(lines.count) lines):\n" : ":\n"
            for line in shown { text += "    \(line)\n" }
        }
        return text
    }
}
