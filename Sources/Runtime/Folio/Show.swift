import OutputChannel
import Plot

/// Displays a value below the cell: figures are drawn, everything else is shown as text.
public func show(_ value: Any) {
    switch value {
    case let figure as Figure: CellSession.append(.figure(figure))
    case let table as Table: CellSession.append(.table(table))
    case let s as String: CellSession.append(.value(s))
    case let v as CustomStringConvertible: CellSession.append(.value(v.description))
    default: CellSession.append(.value(String(describing: value)))
    }
}
