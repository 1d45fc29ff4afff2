import Graphics

/// Drops polyline vertices that lie within `tolerance` points of the straight run they belong
/// to, in device space, as matplotlib's path simplification does: a 10 000-point curve across a
/// 400-pt axes becomes a few hundred segments that draw identically (deviation ≤ 2·tolerance).
struct PathSimplifier {
    let canvas: Canvas
    let tolerance: Double
    private var start: Point?  // last emitted vertex
    private var last: Point?  // last accepted vertex, not yet emitted
    private var dir = (0.0, 0.0)  // unit direction of the current run
    private var reach = 0.0  // farthest progress along `dir`

    init(canvas: Canvas, tolerance: Double = 0.1) { (self.canvas, self.tolerance) = (canvas, tolerance) }

    /// Starts a new sub-path at p (after a gap).
    mutating func move(to p: Point) {
        flush()
        canvas.move(to: p)
        (start, last, reach) = (p, nil, 0)
    }

    mutating func line(to p: Point) {
        guard let s = start else { return move(to: p) }
        guard let l = last else {
            let dx = p.x - s.x, dy = p.y - s.y, n = (dx * dx + dy * dy).squareRoot()
            if n < tolerance { return }  // too close to tell a direction yet
            (dir, reach, last) = ((dx / n, dy / n), n, p)
            return
        }
        let dx = p.x - s.x, dy = p.y - s.y
        let off = abs(dx * dir.1 - dy * dir.0), along = dx * dir.0 + dy * dir.1
        if off <= tolerance && along >= reach - tolerance {
            // Still on the run (and not doubling back): extend it.
            last = p
            reach = max(reach, along)
            return
        }
        canvas.line(to: l)
        let ex = p.x - l.x, ey = p.y - l.y, n = max(1e-12, (ex * ex + ey * ey).squareRoot())
        (start, last, dir, reach) = (l, p, (ex / n, ey / n), n)
    }

    /// Emits the pending vertex (call before stroking).
    mutating func flush() {
        if let l = last { canvas.line(to: l) }
        last = nil
    }
}
