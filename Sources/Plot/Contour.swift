import Foundation
import Graphics

/// Contour geometry on a grid. Each cell is split into four triangles around its centre
/// (centre value = mean of the corners), and z is linear on each triangle: iso-lines and
/// filled regions then agree exactly, and neighbouring cells share their edges.
struct ContourGrid {
    let z: [Double]
    let rows, columns: Int
    let x0, x1, y0, y1: Double

    init(_ c: ContourMark) {
        (z, rows, columns) = (c.values, c.rows, c.columns)
        (x0, x1, y0, y1) = (c.xRange[0], c.xRange[1], c.yRange[0], c.yRange[1])
    }

    func x(_ col: Double) -> Double { x0 + (x1 - x0) * col / Double(columns - 1) }
    func y(_ row: Double) -> Double { y0 + (y1 - y0) * row / Double(rows - 1) }

    struct Vertex { var id: Int; var x, y, z: Double }

    /// Corners in counter-clockwise order (data space) and the centre; nil when a corner is not finite.
    func cell(_ r: Int, _ c: Int) -> (corners: [Vertex], centre: Vertex)? {
        let ids = [r * columns + c, r * columns + c + 1, (r + 1) * columns + c + 1, (r + 1) * columns + c]
        let pos = [(c, r), (c + 1, r), (c + 1, r + 1), (c, r + 1)]
        var corners: [Vertex] = []
        for k in 0..<4 {
            let v = z[ids[k]]
            guard v.isFinite else { return nil }
            corners.append(Vertex(id: ids[k], x: x(Double(pos[k].0)), y: y(Double(pos[k].1)), z: v))
        }
        let centre = Vertex(id: rows * columns + r * (columns - 1) + c, x: x(Double(c) + 0.5), y: y(Double(r) + 0.5),
                            z: corners.map(\.z).reduce(0, +) / 4)
        return (corners, centre)
    }

    /// Adds to the canvas's path the region z ≥ level as one set of same-orientation sub-paths:
    /// runs of fully-inside cells as rectangles, boundary triangles clipped to the half-space.
    func addRegion(atLeast level: Double, on canvas: Canvas, frame f: PlotFrame) {
        func poly(_ pts: [(Double, Double)]) {
            guard pts.count >= 3 else { return }
            canvas.move(to: f.point(pts[0].0, pts[0].1))
            for p in pts.dropFirst() { canvas.line(to: f.point(p.0, p.1)) }
            canvas.closePath()
        }
        for r in 0..<(rows - 1) {
            var runStart: Int?
            func endRun(_ c: Int) {
                if let s = runStart { poly([(x(Double(s)), y(Double(r))), (x(Double(c)), y(Double(r))),
                                            (x(Double(c)), y(Double(r + 1))), (x(Double(s)), y(Double(r + 1)))]) }
                runStart = nil
            }
            for c in 0..<(columns - 1) {
                guard let (corners, centre) = cell(r, c) else { endRun(c); continue }
                if corners.allSatisfy({ $0.z >= level }) {
                    if runStart == nil { runStart = c }
                    continue
                }
                endRun(c)
                if corners.allSatisfy({ $0.z < level }) { continue }
                for k in 0..<4 {
                    poly(ContourGrid.clip([corners[k], corners[(k + 1) % 4], centre], level))
                }
            }
            endRun(columns - 1)
        }
    }

    /// The part of triangle `t` where z ≥ level (Sutherland–Hodgman against one half-space).
    static func clip(_ t: [Vertex], _ level: Double) -> [(Double, Double)] {
        var out: [(Double, Double)] = []
        for i in 0..<3 {
            let a = t[i], b = t[(i + 1) % 3]
            let ina = a.z >= level, inb = b.z >= level
            if ina { out.append((a.x, a.y)) }
            if ina != inb {
                let s = (level - a.z) / (b.z - a.z)
                out.append((a.x + s * (b.x - a.x), a.y + s * (b.y - a.y)))
            }
        }
        return out
    }

    /// Iso-lines at `level` as polylines in data space, joined across cells.
    func lines(at level: Double) -> [[(Double, Double)]] {
        struct EdgeKey: Hashable { var a, b: Int }
        var point: [EdgeKey: (Double, Double)] = [:]
        var neighbours: [EdgeKey: [EdgeKey]] = [:]
        func key(_ a: Vertex, _ b: Vertex) -> EdgeKey {
            if point[EdgeKey(a: min(a.id, b.id), b: max(a.id, b.id))] == nil {
                let s = (level - a.z) / (b.z - a.z)
                point[EdgeKey(a: min(a.id, b.id), b: max(a.id, b.id))] = (a.x + s * (b.x - a.x), a.y + s * (b.y - a.y))
            }
            return EdgeKey(a: min(a.id, b.id), b: max(a.id, b.id))
        }
        for r in 0..<(rows - 1) {
            for c in 0..<(columns - 1) {
                guard let (corners, centre) = cell(r, c) else { continue }
                let above = corners.map { $0.z >= level }
                if above.allSatisfy({ $0 }) && centre.z >= level || !above.contains(true) && centre.z < level { continue }
                for k in 0..<4 {
                    let t = [corners[k], corners[(k + 1) % 4], centre]
                    var crossing: [EdgeKey] = []
                    for i in 0..<3 {
                        let a = t[i], b = t[(i + 1) % 3]
                        if (a.z >= level) != (b.z >= level) { crossing.append(key(a, b)) }
                    }
                    if crossing.count == 2 {
                        neighbours[crossing[0], default: []].append(crossing[1])
                        neighbours[crossing[1], default: []].append(crossing[0])
                    }
                }
            }
        }
        // Walk chains: open ones from their ends first, then closed loops. Keys are sorted so
        // the output (and so the file) is the same on every run.
        var used = Set<EdgeKey>()
        var result: [[(Double, Double)]] = []
        let keys = neighbours.keys.sorted { ($0.a, $0.b) < ($1.a, $1.b) }
        func walk(from start: EdgeKey) {
            var chain = [point[start]!]
            used.insert(start)
            var current = start
            while let next = neighbours[current]?.first(where: { !used.contains($0) }) {
                used.insert(next)
                chain.append(point[next]!)
                current = next
            }
            if neighbours[current]?.contains(start) == true, chain.count > 2 { chain.append(point[start]!) }
            result.append(chain)
        }
        for k in keys where neighbours[k]!.count == 1 && !used.contains(k) { walk(from: k) }
        for k in keys where !used.contains(k) { walk(from: k) }
        return result
    }
}

enum ContourDrawing {
    /// Colour of band k of n (between levels k and k+1), as matplotlib maps band midpoints.
    static func bandColor(_ c: ContourMark, _ k: Int) -> Color {
        let lv = c.levels
        let mid = (lv[k] + lv[k + 1]) / 2
        return c.colormap.color((mid - lv.first!) / (lv.last! - lv.first!))
    }

    static func draw(_ c: ContourMark, on canvas: Canvas, frame f: PlotFrame) {
        guard c.levels.count >= 2 || !c.filled, c.rows >= 2, c.columns >= 2 else { return }
        let grid = ContourGrid(c)
        if c.filled {
            // Nested regions: band k paints everything ≥ level k, later bands paint over it.
            // Each region is one path, so no anti-aliasing seam can open between bands.
            for k in 0..<(c.levels.count - 1) {
                grid.addRegion(atLeast: k == 0 ? -Double.infinity : c.levels[k], on: canvas, frame: f)
                canvas.fill(bandColor(c, k))
            }
        }
        if c.lines {
            canvas.setLineJoin(.round)
            for (i, level) in c.levels.enumerated() {
                let color = c.lineColor ?? (c.filled ? Color(hex: 0x000000, alpha: 0.55)
                                                     : c.colormap.color(Double(i) / Double(max(1, c.levels.count - 1))))
                let lines = grid.lines(at: level)
                for line in lines {
                    canvas.move(to: f.point(line[0].0, line[0].1))
                    for p in line.dropFirst() { canvas.line(to: f.point(p.0, p.1)) }
                }
                canvas.stroke(color, width: c.filled ? 0.5 : 0.9)
                if c.labels { label(lines, level, c, on: canvas, frame: f, color: color) }
            }
        }
    }

    /// Writes the level on the longest stretch of each sufficiently long line, over a white gap.
    static func label(_ lines: [[(Double, Double)]], _ level: Double, _ c: ContourMark, on canvas: Canvas,
                      frame f: PlotFrame, color: Color) {
        let text = Ticks.labels(c.levels).labels[c.levels.firstIndex(of: level)!]
        let l = LabelRenderer.markup(canvas, text, 6.5)
        for line in lines {
            let pts = line.map { f.point($0.0, $0.1) }
            var length = 0.0
            for i in 1..<max(1, pts.count) { length += hypot(pts[i].x - pts[i - 1].x, pts[i].y - pts[i - 1].y) }
            guard length > l.size.width * 4 else { continue }
            // The point halfway along the line.
            var walked = 0.0, mid = pts[0]
            for i in 1..<pts.count {
                let d = hypot(pts[i].x - pts[i - 1].x, pts[i].y - pts[i - 1].y)
                if walked + d >= length / 2 { mid = pts[i]; break }
                walked += d
            }
            let box = Rect(x: mid.x - l.size.width / 2 - 1, y: mid.y - l.size.height / 2, width: l.size.width + 2, height: l.size.height)
            canvas.roundedRectangle(box, radius: 1.5)
            canvas.fill(Color.white.withAlpha(0.85))
            l.draw(canvas, Point(box.x + 1, box.y), PlotStyle.ink)
        }
    }
}
