import Foundation

/// A results table as a value: columns with alignment and number formats, rows of cells holding
/// text, numbers or a small inline plot. Codable like `Figure`; drawn on a Canvas in booktabs
/// style (rules above, below the header and at the bottom; no vertical lines).
public struct Table: Codable, Equatable, Sendable {
    public var columns: [Column]
    public var rows: [[Cell]]
    public var caption: String?

    public struct Column: Codable, Equatable, Sendable {
        public var title: String
        public var alignment: Alignment
        public var format: NumberFormat
        public init(_ title: String, alignment: Alignment = .auto, format: NumberFormat = .automatic) {
            (self.title, self.alignment, self.format) = (title, alignment, format)
        }
    }

    /// `auto`: numbers and plots right, text left.
    public enum Alignment: String, Codable, Sendable { case auto, left, center, right }

    public enum NumberFormat: Codable, Equatable, Sendable {
        /// Up to 4 significant digits, scientific outside 1e-3…1e5.
        case automatic
        case fixed(digits: Int)
        case scientific(digits: Int)
        case percent(digits: Int)
        case integer

        /// Digits after the point, within what a double holds (a decoded 10⁹ would build a gigabyte string).
        package static func digits(_ d: Int) -> Int { min(max(0, d), 17) }

        public func format(_ v: Double) -> String {
            guard v.isFinite else { return v.isNaN ? "—" : (v > 0 ? "∞" : "\u{2212}∞") }
            var s: String
            switch self {
            case .automatic:
                let a = abs(v)
                if a != 0 && (a < 1e-3 || a >= 1e5) { s = NumberFormat.scientific(digits: 2).format(v); return s }
                s = String(format: "%.4g", v)
            case .fixed(let d): s = String(format: "%.\(NumberFormat.digits(d))f", v)
            case .scientific(let d):
                let e = v == 0 ? 0 : Int(floor(log10(abs(v))))
                let m = v / pow(10, Double(e))
                s = String(format: "%.\(NumberFormat.digits(d))f", m) + "×10" + Table.superscript(e)
            case .percent(let d): s = String(format: "%.\(NumberFormat.digits(d))f", v * 100) + " %"
            case .integer: s = String(format: "%.0f", v)
            }
            if s.hasPrefix("-") { s = Double(s.dropLast(s.hasSuffix(" %") ? 2 : 0)) == 0 ? String(s.dropFirst()) : "\u{2212}" + s.dropFirst() }
            return s
        }
    }

    public enum Cell: Codable, Equatable, Sendable {
        case text(String)
        case number(Double)
        /// A sparkline of the values, drawn in the cell.
        case plot([Double])
        case empty
    }

    public init(columns: [Column], rows: [[Cell]] = [], caption: String? = nil) {
        self.columns = columns
        self.rows = []
        self.caption = caption
        for r in rows { append(r) }
    }

    /// Adds a row; its length must match the columns.
    public mutating func append(_ row: [Cell]) {
        guard row.count == columns.count else {
            fatalError("Table.append: row has \(row.count) cells, the table has \(columns.count) columns")
        }
        rows.append(row)
    }

    package static func superscript(_ n: Int) -> String {
        let digits: [Character] = ["⁰", "¹", "²", "³", "⁴", "⁵", "⁶", "⁷", "⁸", "⁹"]
        return (n < 0 ? "⁻" : "") + String(String(abs(n)).map { digits[Int(String($0))!] })
    }

    package func text(_ cell: Cell, column: Int) -> String? {
        switch cell {
        case .text(let s): return s
        case .number(let v): return column < columns.count ? columns[column].format.format(v) : NumberFormat.automatic.format(v)
        case .plot, .empty: return nil
        }
    }
}
