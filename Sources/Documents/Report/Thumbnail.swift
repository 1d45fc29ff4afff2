import Foundation
import Graphics
import OutputChannel
import Plot

/// The picture the site index shows for a notebook: its first figure, or — for notebooks whose
/// results are tables (activation tables, critical points) — its first table drawn as a PNG,
/// so every entry of the index has one.
enum Thumbnail {
    /// The image path relative to the output folder, and the bytes to write when it is not a
    /// figure file that is written anyway.
    static func choose(_ resolved: ResolvedNotebook) -> (path: String, png: [UInt8]?)? {
        let notebook = resolved.notebook
        let name = notebook.document.name
        if let first = resolved.figures.first { return ("\(name)/\(first.stem).png", nil) }
        for cell in notebook.document.cells {
            for case .table(let table) in notebook.outputs[cell.index] ?? [] {
                return ("\(name)/thumbnail.png", png(table))
            }
        }
        return nil
    }

    /// A thumbnail shows the table's top-left corner: at most this many rows and columns
    /// (a 500-column or 100 000-row table would make a picture megapixels wide, or take minutes).
    static let maxRows = 40, maxColumns = 12
    /// Longest side of the thumbnail in pixels; the dpi is lowered to fit.
    static let maxSide = 2000.0

    static func png(_ table: Table, dpi: Double = 150) -> [UInt8] {
        var table = table
        if table.columns.count > maxColumns || table.rows.count > maxRows {
            table.columns = Array(table.columns.prefix(maxColumns))
            table.rows = table.rows.prefix(maxRows).map { Array($0.prefix(maxColumns)) }
        }
        let margin = 6.0
        let size = table.measure(on: Canvas(.png(dpi: 72), width: 1, height: 1))
        let side = max(size.width, size.height) + 2 * margin
        let dpi = min(dpi, maxSide * 72 / side)
        let canvas = Canvas(.png(dpi: dpi), width: size.width + 2 * margin, height: size.height + 2 * margin)
        canvas.rectangle(Rect(x: 0, y: 0, width: size.width + 2 * margin, height: size.height + 2 * margin))
        canvas.fill(.white)
        table.draw(on: canvas, at: Point(margin, margin))
        return PNGResolution.record(canvas.finish(), dpi: dpi)
    }
}
