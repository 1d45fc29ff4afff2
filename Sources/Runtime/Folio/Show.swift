import OutputChannel
import Plot

/// Displays a value below the cell: figures are drawn, everything else is shown as text.
///
/// A ``Figure`` is drawn as vector graphics in the PDF and as PNG/SVG files beside the HTML
/// page; a ``Table`` is typeset; a `String` is shown as written; any other value as its
/// `description` (a ``Tensor`` prints its shape and its elements, NumPy-style). Call it as often
/// as you like: the outputs appear below the cell in the order shown. A cell's bare last line
/// (`fig`, `result.table`) is shown the same way without the call.
///
/// ```swift
/// show(Tensor<Double>(rows: [[1, 2], [3, 4]]))
/// show("converged after \(steps) steps")
/// show(fig)
/// ```
///
/// - Parameter value: What to display.
public func show(_ value: Any) {
    switch value {
    case let figure as Figure: CellSession.append(.figure(figure))
    case let table as Table: CellSession.append(.table(table))
    case let s as String: CellSession.append(.value(s))
    case let v as CustomStringConvertible: CellSession.append(.value(v.description))
    default: CellSession.append(.value(String(describing: value)))
    }
}
