import Graphics
import Plot

/// A figure as standalone files: PNG at a chosen dpi, SVG and PDF at its physical size.
public enum FigureFiles {
    public static func png(_ figure: Figure, dpi: Double = 200) -> [UInt8] { render(figure, .png(dpi: dpi)) }
    public static func svg(_ figure: Figure) -> [UInt8] { render(figure, .svg) }
    public static func pdf(_ figure: Figure) -> [UInt8] { render(figure, .pdf) }

    static func render(_ figure: Figure, _ kind: Canvas.Kind) -> [UInt8] {
        let canvas = Canvas(kind, width: figure.width, height: figure.height)
        figure.draw(on: canvas)
        return canvas.finish()
    }
}
