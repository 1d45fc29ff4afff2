import Foundation
import Graphics
import Plot

/// A figure as standalone files: PNG at a chosen dpi, SVG and PDF at its physical size.
public enum FigureFiles {
    public static func png(_ figure: Figure, dpi: Double = 200) -> [UInt8] {
        PNGResolution.record(render(figure, .png(dpi: dpi)), dpi: dpi)
    }
    public static func svg(_ figure: Figure) -> [UInt8] { stableSurfaceIDs(render(figure, .svg)) }
    public static func pdf(_ figure: Figure) -> [UInt8] { render(figure, .pdf) }

    static func render(_ figure: Figure, _ kind: Canvas.Kind) -> [UInt8] {
        let canvas = Canvas(kind, width: figure.width, height: figure.height)
        figure.draw(on: canvas)
        return canvas.finish()
    }

    /// Cairo names SVG groups `surfaceN` after a process-wide counter, so the same figure drawn
    /// twice in one process would differ; renumber them 1, 2, … in order of first appearance.
    static func stableSurfaceIDs(_ bytes: [UInt8]) -> [UInt8] {
        let text = String(decoding: bytes, as: UTF8.self)
        let re = try! NSRegularExpression(pattern: "surface([0-9]+)")
        var numbers: [String: Int] = [:]
        var out = ""
        var last = text.startIndex
        for m in re.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
            let whole = Range(m.range, in: text)!, digits = String(text[Range(m.range(at: 1), in: text)!])
            let n = numbers[digits] ?? (numbers.count + 1)
            numbers[digits] = n
            out += text[last..<whole.lowerBound] + "surface\(n)"
            last = whole.upperBound
        }
        out += text[last...]
        return Array(out.utf8)
    }
}
