internal import Foundation
import Graphics
import PlotData

/// A colorbar beside the axes, exactly as tall as the plot rectangle: a 256-step image of the
/// map (or one band per contour level), ticks on its right, an optional rotated label.
struct Colorbar {
    /// A colour scale a mark brings: its map, value range and discrete levels (filled contours).
    typealias Scale = (colormap: Colormap, range: [Double], levels: [Double]?)
    let colormap: Colormap
    let range: [Double]
    let levels: [Double]?
    let label: DrawnLabel?
    static let barWidth = 10.0, gap = 8.0

    init?(axes: Axes, canvas: Canvas) {
        guard let text = axes.colorbarLabel, let scale = axes.marks.lazy.compactMap(\.recipe.colorScale).first else { return nil }
        (colormap, range, levels) = scale
        guard range.count == 2, range.allSatisfy(\.isFinite) else { return nil }
        label = text.isEmpty ? nil : LabelRenderer.render(canvas, text, PlotStyle.labelSize, false)
    }

    func guide(length: Double, canvas: Canvas) -> AxisGuide {
        var g = AxisGuide.make(scale: .linear, lo: range[0], hi: range[1], length: length, horizontal: false, canvas: canvas)
        if let levels, levels.count <= 12 {
            // Tick every level when they fit; else keep the nice ticks.
            let text = Ticks.labels(levels).labels
            let labels = text.map { LabelRenderer.markup(canvas, $0, PlotStyle.tickSize) }
            if length / Double(max(1, levels.count - 1)) > (labels.first?.size.height ?? 10) + 1 {
                g = AxisGuide(major: levels, labels: labels, minor: [], exponent: nil)
            }
        }
        return g
    }

    /// Width the colorbar needs to the right of the plot (bar, ticks, labels, rotated title).
    func width(guide: AxisGuide) -> Double {
        Colorbar.gap + Colorbar.barWidth + PlotStyle.tickLength + 2 + guide.maxLabelWidth + (label.map { $0.size.height + 5 } ?? 0)
    }

    func draw(on canvas: Canvas, beside plot: Rect, guide: AxisGuide) {
        let bar = Rect(x: plot.maxX + Colorbar.gap, y: plot.y, width: Colorbar.barWidth, height: plot.height)
        func y(_ v: Double) -> Double { bar.maxY - (v - range[0]) / (range[1] - range[0]) * bar.height }
        if let levels {
            for k in 0..<(levels.count - 1) {
                canvas.rectangle(Rect(x: bar.x, y: y(levels[k + 1]), width: bar.width, height: y(levels[k]) - y(levels[k + 1])))
                let mid = (levels[k] + levels[k + 1]) / 2
                canvas.fill(colormap.color((mid - levels[0]) / (levels.last! - levels[0])))
            }
        } else {
            var rgba = [UInt8](repeating: 255, count: 256 * 4)
            for i in 0..<256 {
                let h = colormap.hex((Double(255 - i) + 0.5) / 256)!
                rgba[i * 4] = UInt8(h >> 16); rgba[i * 4 + 1] = UInt8((h >> 8) & 0xff); rgba[i * 4 + 2] = UInt8(h & 0xff)
            }
            canvas.draw(RasterImage(width: 1, height: 256, rgba: rgba), in: bar, interpolation: .nearest)
        }
        canvas.rectangle(bar)
        canvas.stroke(PlotStyle.ink, width: PlotStyle.axisWidth * 0.8)
        for (t, l) in zip(guide.major, guide.labels) {
            let ty = y(t)
            canvas.move(to: Point(bar.maxX, ty)); canvas.line(to: Point(bar.maxX + PlotStyle.tickLength, ty))
            canvas.stroke(PlotStyle.ink, width: PlotStyle.axisWidth * 0.8)
            l.draw(canvas, Point(bar.maxX + PlotStyle.tickLength + 2, ty - l.size.height / 2), PlotStyle.ink)
        }
        if let label {
            canvas.save()
            // Reads bottom to top, like the y label.
            canvas.translate(bar.maxX + PlotStyle.tickLength + 2 + guide.maxLabelWidth + 4, plot.y + (plot.height + label.size.width) / 2)
            canvas.rotate(-Double.pi / 2)
            label.draw(canvas, Point(0, 0), PlotStyle.ink)
            canvas.restore()
        }
    }
}
