import Notebook

extension Block {
    /// The Markdown line the block starts on (a cell's: its opening fence), for warnings
    /// found while it is laid out.
    var sourceLine: Int {
        switch self {
        case .heading(_, _, let line), .paragraph(_, let line), .code(_, _, let line), .displayMath(_, let line),
            .equation(_, _, let line), .list(_, _, _, let line), .quote(_, let line), .table(_, _, _, let line),
            .imageFigure(_, let line), .rule(let line), .html(_, let line):
            line
        case .cell(let cell): max(1, cell.firstLine - cell.options.lineCount - 1)
        case .div(let d): d.line
        }
    }
}
