import Foundation
import Graphics
import Notebook
import OutputChannel
import Plot
import Report

extension Harness {
    /// What a cell hands back: the bytes of `cell-0.outputs.jsonl` (one JSON record a line), read
    /// as the runner reads them, then every figure and table drawn as the report draws them
    /// (on a small canvas: the layout still uses the figure's own size) and the HTML page.
    static let outputs = Harness(
        name: "outputs", maxLength: 8192,
        summary: "RunFiles.read (CellOutput JSON) + Figure/Table draw + HTMLReport"
    ) { bytes in
        let dir = Scratch.directory
        _ = Scratch.file(RunFiles.outputs(0), bytes)
        _ = Scratch.file(RunFiles.stdout(0), Array("first line\nsecond line\n".utf8))
        let outputs: [CellOutput]
        do { outputs = try RunFiles.read(cell: 0, in: dir) } catch { return }  // a DecodingError is a clean refusal
        // Vector and raster canvases take different image and clipping paths; the input picks one.
        let kinds: [Canvas.Kind] = [.svg, .pdf, .png(dpi: 18)]
        let kind = kinds[bytes.count % kinds.count]
        for output in outputs {
            switch output {
            case .figure(let figure):
                let canvas = Canvas(kind, width: 160, height: 120)
                figure.draw(on: canvas)
                _ = canvas.finish()
            case .table(let table):
                let canvas = Canvas(kind, width: 160, height: 120)
                _ = table.measure(on: canvas)
                table.draw(on: canvas, at: Point(2, 2))
                _ = canvas.finish()
            case .stream, .value, .error, .published: break
            }
        }
        _ = HTMLReport.render(ExecutedNotebook(document: oneCell, outputs: [0: outputs]), figureDirectory: "figures")
    }

    /// A notebook with one cell, whose outputs the HTML page shows.
    static let oneCell: Document = {
        do { return try Document.parse("# Outputs\n\n```swift\nshow(1)\n```\n", path: "fuzz.md") } catch {
            fatalError("folio-fuzz: the one-cell notebook does not parse: \(error)")
        }
    }()
}
