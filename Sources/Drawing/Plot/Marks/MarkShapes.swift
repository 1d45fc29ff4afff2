internal import Foundation
import Graphics
import PlotData

/// Path shapes the recipes share (and the legend's marker swatches).
extension Mark {
    /// Adds the polyline through the finite points; a non-drawable point lifts the pen.
    static func polyline(_ xs: [Double], _ ys: [Double], on canvas: Canvas, frame f: PlotFrame) {
        var penDown = false
        var path = PathSimplifier(canvas: canvas)
        for (x, y) in zip(xs, ys) {
            guard f.accepts(x, y) else { if penDown { path.flush() }; penDown = false; continue }
            let p = f.point(x, y)
            if penDown { path.line(to: p) } else { path.move(to: p); penDown = true }
        }
        path.flush()
    }

    static func marker(_ shape: MarkerShape, at p: Point, size: Double, on canvas: Canvas) {
        let r = size / 2
        switch shape {
        case .circle: canvas.circle(center: p, radius: r)
        case .square: canvas.rectangle(Rect(x: p.x - r * 0.9, y: p.y - r * 0.9, width: 1.8 * r, height: 1.8 * r))
        case .triangle:
            canvas.move(to: Point(p.x, p.y - r * 1.15)); canvas.line(to: Point(p.x + r, p.y + r * 0.6))
            canvas.line(to: Point(p.x - r, p.y + r * 0.6)); canvas.closePath()
        case .diamond:
            canvas.move(to: Point(p.x, p.y - r * 1.2)); canvas.line(to: Point(p.x + r, p.y))
            canvas.line(to: Point(p.x, p.y + r * 1.2)); canvas.line(to: Point(p.x - r, p.y)); canvas.closePath()
        case .cross:
            canvas.move(to: Point(p.x - r, p.y - r)); canvas.line(to: Point(p.x + r, p.y + r))
            canvas.move(to: Point(p.x - r, p.y + r)); canvas.line(to: Point(p.x + r, p.y - r))
        case .plus:
            canvas.move(to: Point(p.x - r, p.y)); canvas.line(to: Point(p.x + r, p.y))
            canvas.move(to: Point(p.x, p.y - r)); canvas.line(to: Point(p.x, p.y + r))
        }
    }
}
