import Graphics

/// The arrow both `arrow` and `annotate` draw: a 0.9 pt shaft from `start` to the base of a
/// filled head 6 pt long and 5.2 pt wide whose tip is `end`. One drawing, so the two marks'
/// arrows look alike.
enum ArrowHead {
    static func draw(on canvas: Canvas, from start: Point, to end: Point, color: Color) {
        let dx = end.x - start.x, dy = end.y - start.y, len = max(1e-9, (dx * dx + dy * dy).squareRoot())
        let (ux, uy) = (dx / len, dy / len)
        let head = 6.0, half = 2.6
        let base = Point(end.x - ux * head, end.y - uy * head)
        canvas.move(to: start); canvas.line(to: base)
        canvas.stroke(color, width: 0.9)
        canvas.move(to: end)
        canvas.line(to: Point(base.x - uy * half, base.y + ux * half))
        canvas.line(to: Point(base.x + uy * half, base.y - ux * half))
        canvas.closePath()
        canvas.fill(color)
    }
}
