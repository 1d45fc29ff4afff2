import Graphics
import PlotData

/// Maps data to the points of a plot rectangle through the axes' scales.
struct PlotFrame {
    var rect: Rect
    var xScale: AxisScale
    var yScale: AxisScale
    var x0, x1, y0, y1: Double  // limits in scale space

    init(rect: Rect, xScale: AxisScale, yScale: AxisScale, xLimits: (Double, Double), yLimits: (Double, Double)) {
        (self.rect, self.xScale, self.yScale) = (rect, xScale, yScale)
        (x0, x1) = (xScale.forward(xLimits.0), xScale.forward(xLimits.1))
        (y0, y1) = (yScale.forward(yLimits.0), yScale.forward(yLimits.1))
    }

    func px(_ x: Double) -> Double { rect.x + (xScale.forward(x) - x0) / (x1 - x0) * rect.width }
    func py(_ y: Double) -> Double { rect.maxY - (yScale.forward(y) - y0) / (y1 - y0) * rect.height }
    func point(_ x: Double, _ y: Double) -> Point { Point(px(x), py(y)) }
    /// Whether (x, y) can be drawn (finite and allowed by the scales).
    func accepts(_ x: Double, _ y: Double) -> Bool { xScale.accepts(x) && yScale.accepts(y) }
}
