import Notebook

/// The file name of a cell's full log beside its report (`cell-<label>.log`).
enum LogName {
    static func of(_ cell: Cell) -> String {
        let stem = cell.options.label.map { String($0.map { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") ? $0 : "-" }) }
        return "cell-\(stem ?? String(cell.index)).log"
    }
}
