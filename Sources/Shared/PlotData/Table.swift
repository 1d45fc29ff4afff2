internal import Foundation

/// A results table as a value: columns with alignment and number formats, rows of cells holding
/// text, numbers or a small inline plot. Codable like `Figure`; drawn on a Canvas in booktabs
/// style (rules above, below the header and at the bottom; no vertical lines).
public struct Table: Codable, Equatable, Sendable {
    /// The columns, left to right, with their titles, alignment and number formats.
    public var columns: [Column]
    /// The body rows, each with one cell per column.
    public var rows: [[Cell]]
    /// The caption shown with the table (Markdown and `$…$` math).
    public var caption: String?

    /// A column: its header and how its numbers are written.
    public struct Column: Codable, Equatable, Sendable {
        /// The header text (`$…$` math allowed).
        public var title: String
        /// Where the cells sit horizontally.
        public var alignment: Alignment
        /// How `.number` cells are written.
        public var format: NumberFormat
        /// A column titled `title`: `.init("loss", format: .scientific(digits: 2))`.
        ///
        /// - Parameters:
        ///   - title: The header.
        ///   - alignment: `.auto` puts numbers and plots right, text left.
        ///   - format: How numbers are written.
        public init(_ title: String, alignment: Alignment = .auto, format: NumberFormat = .automatic) {
            (self.title, self.alignment, self.format) = (title, alignment, format)
        }
    }

    /// `auto`: numbers and plots right, text left.
    public enum Alignment: String, Codable, Sendable {
        /// Right for numbers and inline plots, left for text (the default; what booktabs tables do).
        case auto
        /// Flush left: text columns.
        case left
        /// Centred: short labels or symbols.
        case center
        /// Flush right: numbers whose digits should line up.
        case right
    }

    /// How a number is written in a cell (NaN as "—", infinities as "∞" and "−∞", a true minus sign).
    public enum NumberFormat: Codable, Equatable, Sendable {
        /// Up to 4 significant digits, scientific outside 1e-3…1e5.
        case automatic
        /// `digits` after the point: `.fixed(digits: 2)` writes 3.14159 as "3.14".
        case fixed(digits: Int)
        /// Mantissa with `digits` after the point and a superscript exponent: "1.23×10⁻⁴".
        case scientific(digits: Int)
        /// The value times 100 with `digits` after the point and " %": 0.125 as "12.5 %" with 1 digit.
        case percent(digits: Int)
        /// Rounded to the nearest integer.
        case integer

        /// Digits after the point, within what a double holds (a decoded 10⁹ would build a gigabyte string).
        package static func digits(_ d: Int) -> Int { min(max(0, d), 17) }

        /// The text of `v` in this format.
        ///
        /// - Parameter v: Any value, NaN and infinities included.
        /// - Returns: What the cell shows.
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

    /// What a cell holds.
    public enum Cell: Codable, Equatable, Sendable {
        /// Text, with `$…$` math.
        case text(String)
        /// A number, written in its column's format.
        case number(Double)
        /// A sparkline of the values, drawn in the cell.
        case plot([Double])
        /// Nothing.
        case empty
    }

    /// A table with its columns and, optionally, rows and a caption.
    ///
    /// ```swift
    /// var t = Table(columns: [.init("width", format: .integer), .init("loss", format: .scientific(digits: 2))])
    /// t.append([.number(64), .number(3.2e-4)])
    /// show(t)
    /// ```
    ///
    /// - Precondition: Every row has one cell per column.
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
