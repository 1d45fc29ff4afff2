internal import Foundation
import Graphics
import PlotData

/// A 3-D axes: an orthographic view of the data box, drawn back to front (painter's algorithm).
/// Surface facets, line segments and points go into one depth-sorted list, so a trajectory on a
/// surface is hidden exactly where the surface passes in front of it.
struct Scene3D {
    let axes: Axes
    let view: View3D
    /// cos/sin of azimuth and elevation, computed once.
    let ca, sa, ce, se: Double
    var lo = [Double](repeating: .infinity, count: 3), hi = [Double](repeating: -.infinity, count: 3)

    init(axes: Axes) {
        self.axes = axes
        view = axes.view3D ?? View3D()
        (ca, sa) = (cos(view.azimuth * .pi / 180), sin(view.azimuth * .pi / 180))
        (ce, se) = (cos(view.elevation * .pi / 180), sin(view.elevation * .pi / 180))
        var lo = self.lo, hi = self.hi
        func add(_ x: Double, _ y: Double, _ z: Double) {
            let bound = PlotLimits.maxMagnitude
            guard x.isFinite, y.isFinite, z.isFinite, abs(x) <= bound, abs(y) <= bound, abs(z) <= bound else { return }
            for (k, v) in [x, y, z].enumerated() { lo[k] = min(lo[k], v); hi[k] = max(hi[k], v) }
        }
        for m in axes.marks { m.recipe.addBounds3D(add) }
        for k in 0..<3 {
            if !lo[k].isFinite { (lo[k], hi[k]) = (0, 1) }
            if lo[k] == hi[k] { lo[k] -= 0.5; hi[k] += 0.5 }
        }
        (self.lo, self.hi) = (lo, hi)
    }

    /// Data → the unit box [-1, 1]² × [-0.75, 0.75] (z a little flatter, as in matplotlib).
    func normalized(_ x: Double, _ y: Double, _ z: Double) -> (Double, Double, Double) {
        (2 * (x - lo[0]) / (hi[0] - lo[0]) - 1, 2 * (y - lo[1]) / (hi[1] - lo[1]) - 1, 1.5 * (z - lo[2]) / (hi[2] - lo[2]) - 0.75)
    }

    /// Unit box → (screen x, screen y up, depth: larger is farther from the viewer).
    func project(_ p: (Double, Double, Double)) -> (u: Double, v: Double, depth: Double) {
        let xr = p.0 * ca + p.1 * sa
        let yr = -p.0 * sa + p.1 * ca
        return (xr, p.2 * ce + yr * se, yr * ce - p.2 * se)
    }

    /// A facet's four corners on screen (a tuple, so building 10 000 of them allocates nothing).
    typealias Quad = (Point, Point, Point, Point)

    enum Item {
        case facet(Quad, Color)
        case segment(Point, Point, Color, Double)
        case dot(Point, Color, Double)
    }

    func draw(on canvas: Canvas, in cell: Rect) {
        var rect = cell
        if let t = axes.title {
            let l = LabelRenderer.render(canvas, t, PlotStyle.titleSize, false)
            l.draw(canvas, Point(cell.x + (cell.width - l.size.width) / 2, cell.y - l.size.height - 4), PlotStyle.ink)
        }
        // Fit the projected box (with room for tick labels) into the rectangle.
        let corners = [-1.0, 1].flatMap { x in [-1.0, 1].flatMap { y in [-0.75, 0.75].map { z in project((x, y, z)) } } }
        let u0 = corners.map(\.u).min()!, u1 = corners.map(\.u).max()!, v0 = corners.map(\.v).min()!, v1 = corners.map(\.v).max()!
        rect = Rect(x: rect.x + 34, y: rect.y + 6, width: max(1, rect.width - 68), height: max(1, rect.height - 30))
        let k = min(rect.width / (u1 - u0), rect.height / (v1 - v0))
        let cx = rect.x + rect.width / 2, cy = rect.y + rect.height / 2
        func screen(_ p: (Double, Double, Double)) -> (Point, Double) {
            let q = project(p)
            return (Point(cx + (q.u - (u0 + u1) / 2) * k, cy - (q.v - (v0 + v1) / 2) * k), q.depth)
        }
        drawBox(on: canvas, screen: screen)

        // Items and their depths side by side: the sort moves indices, not items.
        var items: [Item] = [], depths: [Double] = []
        func add(_ depth: Double, _ item: Item) { depths.append(depth); items.append(item) }
        for m in axes.marks { m.recipe.addItems3D(scene: self, screen: screen, add: add) }
        // Farthest first; equal depths keep the order they were added in.
        let order = items.indices.sorted { depths[$0] != depths[$1] ? depths[$0] > depths[$1] : $0 < $1 }
        canvas.setLineJoin(.round); canvas.setLineCap(.round)
        let raster: Bool = {
            if case .png = canvas.kind { return true }; return false
        }()
        var aliased = false
        // Vector facets go to the canvas in runs (a PDF writes a run as one object of its own).
        var run: [Canvas.Quad] = [], runColors: [Color] = []
        func flush() { if !run.isEmpty { canvas.fillQuads(run, colors: runColors); run = []; runColors = [] } }
        for index in order {
            if case .facet = items[index] {
            } else {
                flush()
                if aliased { canvas.setAntialias(true); aliased = false }
            }
            switch items[index] {
            case .facet(let q, let c):
                if raster {
                    // Aliased facets tile the pixels exactly (no seams) and fill several times faster.
                    if !aliased { canvas.setAntialias(false); aliased = true }
                    canvas.move(to: q.0); canvas.line(to: q.1); canvas.line(to: q.2); canvas.line(to: q.3); canvas.closePath()
                    canvas.fill(c)
                } else {
                    // Vector viewers anti-alias each facet, which would open hairline seams between
                    // neighbours: each facet is grown by 0.2 pt about its centre so they overlap
                    // (one fill, half the file of fill + stroke). Each corner is then rounded outward
                    // (away from the centre) to a quarter point, invisible at any print resolution:
                    // numbers take at most two decimals instead of Cairo's 1/256-pt three, and
                    // rounding never shrinks a facet, so the overlap stays.
                    let cx = (q.0.x + q.1.x + q.2.x + q.3.x) / 4, cy = (q.0.y + q.1.y + q.2.y + q.3.y) / 4
                    func outward(_ v: Double, _ d: Double) -> Double { d >= 0 ? (v * 4).rounded(.up) / 4 : (v * 4).rounded(.down) / 4 }
                    func grown(_ p: Point) -> Point {
                        let dx = p.x - cx, dy = p.y - cy, n = max(1e-9, (dx * dx + dy * dy).squareRoot())
                        return Point(outward(p.x + 0.2 * dx / n, dx), outward(p.y + 0.2 * dy / n, dy))
                    }
                    run.append((grown(q.0), grown(q.1), grown(q.2), grown(q.3)))
                    // Components to 0.001 (finer than 8-bit colour): shorter numbers in the file.
                    func r3(_ v: Double) -> Double { (v * 1000).rounded() / 1000 }
                    runColors.append(Color(red: r3(c.red), green: r3(c.green), blue: r3(c.blue)))
                }
            case .segment(let a, let b, let c, let w):
                canvas.move(to: a); canvas.line(to: b); canvas.stroke(c, width: w)
            case .dot(let p, let c, let s):
                canvas.circle(center: p, radius: s / 2); canvas.fill(c)
            }
        }
        flush()
        if aliased { canvas.setAntialias(true) }
        canvas.setLineCap(.butt)
        if let legend = Legend(axes: axes, canvas: canvas) {
            legend.draw(on: canvas, at: Point(cell.maxX - legend.size.width, cell.y))
        }
    }

    /// The three back panes with grid lines, and ticks with labels on the front edges.
    func drawBox(on canvas: Canvas, screen: ((Double, Double, Double)) -> (Point, Double)) {
        let zb = 0.75
        func depth(_ p: (Double, Double, Double)) -> Double { project(p).depth }
        let xBack = depth((1, 0, 0)) > depth((-1, 0, 0)) ? 1.0 : -1.0
        let yBack = depth((0, 1, 0)) > depth((0, -1, 0)) ? 1.0 : -1.0
        let zBack = view.elevation >= 0 ? -zb : zb
        func quad(_ ps: [(Double, Double, Double)]) {
            let q = ps.map { screen($0).0 }
            canvas.move(to: q[0]); for p in q.dropFirst() { canvas.line(to: p) }; canvas.closePath()
        }
        let pane = Color(hex: 0xf3f3f3), edge = Color(hex: 0xb0b0b0)
        quad([(xBack, -1, -zb), (xBack, 1, -zb), (xBack, 1, zb), (xBack, -1, zb)])
        quad([(-1, yBack, -zb), (1, yBack, -zb), (1, yBack, zb), (-1, yBack, zb)])
        quad([(-1, -1, zBack), (1, -1, zBack), (1, 1, zBack), (-1, 1, zBack)])
        canvas.fill(pane, preserve: true)
        canvas.stroke(edge, width: 0.5)

        let names = [axes.xLabel, axes.yLabel, axes.zLabel]
        let centre = screen((0, 0, 0)).0
        // Labels of the three axes meet at box corners: a label touching one already placed is dropped.
        var placed: [Rect] = []
        func place(_ l: DrawnLabel, _ at: Point) {
            let r = Rect(x: at.x - 1, y: at.y, width: l.size.width + 2, height: l.size.height)
            guard !placed.contains(where: { $0.x < r.maxX && r.x < $0.maxX && $0.y < r.maxY && r.y < $0.maxY }) else { return }
            placed.append(r)
            l.draw(canvas, at, PlotStyle.ink)
        }
        for axis in 0..<3 {
            let ticks = Ticks.linear(lo[axis], hi[axis], target: 5)
            let labels = Ticks.labels(ticks).labels
            for (t, text) in zip(ticks, labels) {
                let s = axis == 2 ? 1.5 * (t - lo[2]) / (hi[2] - lo[2]) - 0.75 : 2 * (t - lo[axis]) / (hi[axis] - lo[axis]) - 1
                // Grid lines across the back panes, ticks on the front edge.
                let (a, b, front): ((Double, Double, Double), (Double, Double, Double), (Double, Double, Double))
                switch axis {
                case 0: (a, b, front) = ((s, yBack, zBack), (s, yBack, -zBack), (s, -yBack, zBack))
                case 1: (a, b, front) = ((xBack, s, zBack), (xBack, s, -zBack), (-xBack, s, zBack))
                default: (a, b, front) = ((xBack, -yBack, s), (xBack, yBack, s), (-xBack, yBack, s))
                }
                canvas.move(to: screen(a).0); canvas.line(to: screen(b).0)
                if axis < 2 { canvas.move(to: screen(a).0); canvas.line(to: screen(front).0) } else { canvas.line(to: screen((-xBack, yBack, s)).0) }
                canvas.stroke(Color(hex: 0xdddddd), width: 0.4)
                let p = screen(front).0
                var dx = p.x - centre.x, dy = p.y - centre.y
                let n = max(1e-9, (dx * dx + dy * dy).squareRoot()); dx /= n; dy /= n
                let l = LabelRenderer.markup(canvas, text, PlotStyle.tickSize - 1)
                // z labels sit level to the left of their edge; x and y labels outward from the box.
                let at =
                    axis == 2
                    ? Point(p.x - 6 - l.size.width, p.y - l.size.height / 2)
                    : Point(p.x + dx * 9 - l.size.width / 2, p.y + dy * 9 - l.size.height / 2)
                place(l, at)
            }
            if let name = names[axis] {
                let mid: (Double, Double, Double) = axis == 0 ? (0, -yBack, zBack) : axis == 1 ? (-xBack, 0, zBack) : (-xBack, yBack, 0)
                let p = screen(mid).0
                var dx = p.x - centre.x, dy = p.y - centre.y
                let n = max(1e-9, (dx * dx + dy * dy).squareRoot()); dx /= n; dy /= n
                let l = LabelRenderer.render(canvas, name, PlotStyle.labelSize, false)
                let off = axis == 2 ? 30.0 : 24.0
                place(l, Point(p.x + dx * off - l.size.width / 2, p.y + dy * off - l.size.height / 2))
            }
        }
    }
}
