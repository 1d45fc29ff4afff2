import Colors

/// A figure as a value: a grid of panels (`Axes`), what to draw, not how (Plot draws it). Codable, so a notebook
/// process can hand it to the renderer, which draws it at its physical size into a PDF page, an SVG or a PNG.
public struct Figure: Codable, Equatable, Sendable {
    /// Physical size in points (1/72 in); `Length.inches(_:)` / `.millimetres(_:)` convert.
    public var width: Double
    /// Physical height in points (1/72 in), title and panels included.
    public var height: Double
    /// The figure's title (matplotlib's `suptitle`), centred above the grid (`$…$` math allowed); nil draws none.
    public var title: String?
    /// Panel rows of the grid (≥ 1).
    public var rows: Int
    /// Panel columns of the grid (≥ 1).
    public var columns: Int
    /// Panels in row-major order.
    public var panels: [Axes]
    /// Letters (a), (b), … at the top left of each panel.
    public var panelLetters: Bool = false
    /// Panels in a column share x limits; panels in a row share y limits (unless set explicitly).
    public var sharedX: Bool = false
    /// Panels in a row share y limits (unless set explicitly): matplotlib's `sharey=True`.
    public var sharedY: Bool = false
    /// One colorbar right of the whole grid, with this label, for every panel's colour-mapped
    /// marks (heatmaps, coloured scatters) mapped to one common range (matplotlib's
    /// `fig.colorbar(im, ax=axs)` with a shared norm); nil: each panel keeps its own.
    public var sharedColorbar: String?

    /// A figure with one panel.
    public init(
        width: Double = 4.5 * 72, height: Double = 3 * 72, title: String? = nil,
        xLabel: String? = nil, yLabel: String? = nil
    ) {
        self.init(width: width, height: height, rows: 1, columns: 1, title: nil)
        panels[0] = Axes(title: title, xLabel: xLabel, yLabel: yLabel)
    }

    /// A grid of `rows` × `columns` empty panels; fill them through `fig[row, column]`.
    public init(width: Double, height: Double, rows: Int, columns: Int, title: String? = nil, panelLetters: Bool = false) {
        guard rows >= 1, columns >= 1 else { fatalError("Figure: a grid needs ≥ 1 row and column, got \(rows)×\(columns)") }
        guard width > 0, height > 0 else { fatalError("Figure: size must be positive, got \(width)×\(height) pt") }
        (self.width, self.height, self.title, self.rows, self.columns, self.panelLetters) =
            (width, height, title, rows, columns, panelLetters)
        panels = Array(repeating: Axes(), count: rows * columns)
    }

    /// The panel at `row`, `column` (both from 0, row 0 at the top), for reading or changing it in place.
    ///
    /// ```swift
    /// var fig = Figure(width: 6 * 72, height: 2.5 * 72, rows: 1, columns: 2)
    /// fig[0, 0].line(x: x, y: loss, label: "train")
    /// fig[0, 1].histogram(weights, bins: 30)
    /// ```
    ///
    /// - Parameters:
    ///   - row: The row, in `0..<rows`.
    ///   - column: The column, in `0..<columns`.
    /// - Precondition: traps with the grid's size when `row` or `column` is outside the grid.
    public subscript(row: Int, column: Int) -> Axes {
        get { panels[index(row, column)] }
        set { panels[index(row, column)] = newValue }
    }

    func index(_ row: Int, _ column: Int) -> Int {
        guard (0..<rows).contains(row), (0..<columns).contains(column) else {
            fatalError("Figure[\(row), \(column)]: the grid is \(rows)×\(columns)")
        }
        return row * columns + column
    }

    /// The single panel's axes (the first panel of a grid).
    public var axes: Axes {
        get { panels[0] }
        set { panels[0] = newValue }
    }
}
