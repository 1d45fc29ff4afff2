import Foundation

extension Tensor: CustomStringConvertible {
    /// NumPy-like printing: nested brackets, aligned columns, 6 significant digits.
    public var description: String { formatNested(shape, scalars.map { formatScalar($0) }) }
}

/// Nested brackets over row-major `cells`, right-aligned to the widest cell.
func formatNested(_ shape: [Int], _ cells: [String]) -> String {
    let width = cells.map(\.count).max() ?? 0
    func render(_ axis: Int, _ start: Int, _ indent: Int) -> String {
        if axis == shape.count { return String(repeating: " ", count: width - cells[start].count) + cells[start] }
        let stride = shape[(axis + 1)...].reduce(1, *)
        let parts = (0..<shape[axis]).map { render(axis + 1, start + $0 * stride, indent + 1) }
        let sep = axis == shape.count - 1 ? ", " : ",\n" + String(repeating: " ", count: indent + 1)
        return "[" + parts.joined(separator: sep) + "]"
    }
    if shape.isEmpty { return cells.first ?? "" }
    return render(0, 0, 0)
}

func formatScalar<T: BinaryFloatingPoint>(_ x: T) -> String {
    let d = Double(x)
    if d.isNaN { return "nan" }
    if d.isInfinite { return d > 0 ? "inf" : "-inf" }
    if d == d.rounded() && abs(d) < 1e15 { return String(format: "%.0f.", d) }
    return String(format: "%.6g", d)
}
