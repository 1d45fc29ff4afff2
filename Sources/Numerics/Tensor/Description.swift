internal import Foundation

extension Tensor: CustomStringConvertible {
    /// NumPy-like printing: nested brackets, aligned columns, 6 significant digits.
    public var description: String { formatNested(shape, count: count) { formatScalar(scalars[$0]) } }
}

/// Nested brackets over row-major elements, right-aligned to the widest shown cell. Like
/// NumPy, tensors of more than 1000 elements are summarised: axes longer than 6 show their
/// first and last 3 entries around "...".
func formatNested(_ shape: [Int], count: Int, _ cell: (Int) -> String) -> String {
    let summarise = count > 1000
    func shown(_ n: Int) -> [Int?] {
        summarise && n > 6 ? [0, 1, 2, nil, n - 3, n - 2, n - 1] : (0..<n).map { $0 }
    }
    if shape.isEmpty { return count == 1 ? cell(0) : "" }
    // First pass: the flat indices that will be printed, to size the columns.
    var cells: [Int: String] = [:]
    func collect(_ axis: Int, _ start: Int) {
        if axis == shape.count { cells[start] = cell(start); return }
        let stride = shape[(axis + 1)...].reduce(1, *)
        for i in shown(shape[axis]) { if let i { collect(axis + 1, start + i * stride) } }
    }
    collect(0, 0)
    let width = cells.values.map(\.count).max() ?? 0
    func render(_ axis: Int, _ start: Int, _ indent: Int) -> String {
        if axis == shape.count { let c = cells[start]!; return String(repeating: " ", count: width - c.count) + c }
        let stride = shape[(axis + 1)...].reduce(1, *)
        let parts = shown(shape[axis]).map { i in i.map { render(axis + 1, start + $0 * stride, indent + 1) } ?? "..." }
        let sep = axis == shape.count - 1 ? ", " : ",\n" + String(repeating: " ", count: indent + 1)
        return "[" + parts.joined(separator: sep) + "]"
    }
    return render(0, 0, 0)
}

func formatScalar<T: BinaryFloatingPoint>(_ x: T) -> String {
    let d = Double(x)
    if d.isNaN { return "nan" }
    if d.isInfinite { return d > 0 ? "inf" : "-inf" }
    if d == d.rounded() && abs(d) < 1e15 { return String(format: "%.0f.", d) }
    return String(format: "%.6g", d)
}
