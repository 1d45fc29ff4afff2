internal import Foundation
import Graphics
import PlotData

/// Contour geometry on a grid. Each cell is split into four triangles around its centre
/// (centre value = mean of the corners), and z is linear on each triangle: iso-lines and
/// filled regions then agree exactly, and neighbouring cells share their edges.
struct ContourGrid {
    let z: [Double]
    let rows, columns: Int
    let x0, x1, y0, y1: Double
    /// Mean of each cell's corners (NaN when a corner is not finite: the cell is skipped).
    let centre: [Double]

    init(_ c: ContourMark) {
        (z, rows, columns) = (c.values, c.rows, c.columns)
        (x0, x1, y0, y1) = (c.xRange[0], c.xRange[1], c.yRange[0], c.yRange[1])
        var centre = [Double](repeating: .nan, count: (c.rows - 1) * (c.columns - 1))
        for r in 0..<(c.rows - 1) {
            for k in 0..<(c.columns - 1) {
                let a = c.values[r * c.columns + k], b = c.values[r * c.columns + k + 1]
                let d = c.values[(r + 1) * c.columns + k], e = c.values[(r + 1) * c.columns + k + 1]
                if a.isFinite && b.isFinite && d.isFinite && e.isFinite { centre[r * (c.columns - 1) + k] = (a + b + d + e) / 4 }
            }
        }
        self.centre = centre
    }

    @inline(__always) func x(_ col: Double) -> Double { x0 + (x1 - x0) * col / Double(columns - 1) }
    @inline(__always) func y(_ row: Double) -> Double { y0 + (y1 - y0) * row / Double(rows - 1) }

    struct Vertex { var x, y, z: Double }

    /// Corner k (counter-clockwise from bottom-left) of cell (r, c), and its grid position.
    @inline(__always) func corner(_ r: Int, _ c: Int, _ k: Int) -> Vertex {
        let (dc, dr) = k == 0 ? (0, 0) : k == 1 ? (1, 0) : k == 2 ? (1, 1) : (0, 1)
        return Vertex(x: x(Double(c + dc)), y: y(Double(r + dr)), z: z[(r + dr) * columns + c + dc])
    }

    /// Adds to the canvas's path the region z ≥ level as one set of same-orientation sub-paths:
    /// runs of fully-inside cells as rectangles, boundary triangles clipped to the half-space.
    func addRegion(atLeast level: Double, on canvas: Canvas, frame f: PlotFrame) {
        let cw = columns - 1
        for r in 0..<(rows - 1) {
            var runStart = -1
            func endRun(_ c: Int) {
                if runStart >= 0 {
                    canvas.move(to: f.point(x(Double(runStart)), y(Double(r))))
                    canvas.line(to: f.point(x(Double(c)), y(Double(r))))
                    canvas.line(to: f.point(x(Double(c)), y(Double(r + 1))))
                    canvas.line(to: f.point(x(Double(runStart)), y(Double(r + 1))))
                    canvas.closePath()
                }
                runStart = -1
            }
            for c in 0..<cw {
                let m = centre[r * cw + c]
                guard !m.isNaN else { endRun(c); continue }
                let z00 = z[r * columns + c], z10 = z[r * columns + c + 1]
                let z11 = z[(r + 1) * columns + c + 1], z01 = z[(r + 1) * columns + c]
                if z00 >= level && z10 >= level && z11 >= level && z01 >= level {
                    if runStart < 0 { runStart = c }
                    continue
                }
                endRun(c)
                if z00 < level && z10 < level && z11 < level && z01 < level { continue }
                let mid = Vertex(x: x(Double(c) + 0.5), y: y(Double(r) + 0.5), z: m)
                var a = corner(r, c, 0)
                for k in 0..<4 {
                    let b = corner(r, c, (k + 1) % 4)
                    ContourGrid.clip(a, b, mid, level, on: canvas, frame: f)
                    a = b
                }
            }
            endRun(cw)
        }
    }

    /// Adds the region z ≥ level as a few closed loops, to be filled with the even-odd rule: the
    /// level's contour chains, with open chains closed along the domain border where z ≥ level.
    /// One vertex per crossed cell instead of up to four triangles, so files stay small.
    /// Returns false (adding nothing) when the grid has gaps; callers then use `addRegion`.
    func addTracedRegion(atLeast level: Double, on canvas: Canvas, frame f: PlotFrame, chains known: [Chain]? = nil) -> Bool {
        guard !centre.contains(where: \.isNaN) else { return false }
        let cw = columns - 1, ch = rows - 1, nH = rows * cw
        let all = known ?? chains(at: level)
        // Border position t in [0, 4): bottom (0…1), right (1…2), top (2…3), left (3…4), counter-clockwise.
        func t(edge e: Int, _ p: (Double, Double)) -> Double? {
            let u = (p.0 - x0) / (x1 - x0), v = (p.1 - y0) / (y1 - y0)
            if e < nH {
                let row = e / cw
                return row == 0 ? u : row == rows - 1 ? 2 + (1 - u) : nil
            }
            let col = (e - nH) % columns
            return col == columns - 1 ? 1 + v : col == 0 ? 3 + (1 - v) : nil
        }
        func zOnBorder(_ t: Double) -> Double {
            let side = min(3, Int(t)), frac = t - Double(side)
            func lerp(_ a: Int, _ b: Int, _ s: Double) -> Double { z[a] + s * (z[b] - z[a]) }
            switch side {
            case 0: let p = frac * Double(cw), c = min(cw - 1, Int(p)); return lerp(c, c + 1, p - Double(c))
            case 1: let p = frac * Double(ch), r = min(ch - 1, Int(p)); return lerp(r * columns + cw, (r + 1) * columns + cw, p - Double(r))
            case 2: let p = (1 - frac) * Double(cw), c = min(cw - 1, Int(p)); return lerp(ch * columns + c, ch * columns + c + 1, p - Double(c))
            default: let p = (1 - frac) * Double(ch), r = min(ch - 1, Int(p)); return lerp(r * columns, (r + 1) * columns, p - Double(r))
            }
        }
        let corners = [(1.0, (x1, y0)), (2.0, (x1, y1)), (3.0, (x0, y1)), (4.0, (x0, y0))]
        // Simplified like the contour lines, so fills and lines keep to the same tolerance.
        var path = PathSimplifier(canvas: canvas)
        func emit(_ p: (Double, Double), first: Bool) {
            let q = f.point(p.0, p.1)
            first ? path.move(to: q) : path.line(to: q)
        }
        func close() { path.flush(); canvas.closePath() }
        let open = all.filter { !$0.closed }
        var entries: [(t: Double, chain: Int, end: Int)] = []
        for (j, c) in open.enumerated() {
            guard let a = t(edge: c.first, c.points.first!), let b = t(edge: c.last, c.points.last!) else { return false }
            entries += [(a, j, 0), (b, j, 1)]
        }
        entries.sort { $0.t != $1.t ? $0.t < $1.t : ($0.chain, $0.end) < ($1.chain, $1.end) }
        let n = entries.count
        var link = [Int](repeating: -1, count: n)
        // Whether the inside stretch of border runs from entry i to link[i] in increasing t.
        var forward = [Bool](repeating: false, count: n)
        for i in 0..<n {
            let a = entries[i].t, b = i + 1 < n ? entries[i + 1].t : entries[0].t + 4
            let mid = (a + b) / 2
            if zOnBorder(mid.truncatingRemainder(dividingBy: 4)) >= level {
                let j = (i + 1) % n
                guard link[i] < 0, link[j] < 0 else { return false }
                link[i] = j; link[j] = i
                forward[i] = true
            }
        }
        guard !link.contains(-1) else { return false }
        var position = [Int](repeating: 0, count: n)
        for (i, e) in entries.enumerated() { position[e.chain * 2 + e.end] = i }

        var visited = [Bool](repeating: false, count: open.count)
        for start in open.indices where !visited[start] {
            var chain = start, end = 0, firstPoint = true
            repeat {
                visited[chain] = true
                let pts = open[chain].points
                for p in (end == 0 ? pts : pts.reversed()) { emit(p, first: firstPoint); firstPoint = false }
                let x = position[chain * 2 + (1 - end)], y = link[x]
                // Follow the border from entry x to entry y, through the domain corners between them.
                var tx: Double = entries[x].t, ty: Double = entries[y].t
                let ahead = forward[x]
                if ahead { if ty <= tx { ty += 4 } } else { if tx <= ty { tx += 4 } }
                var between: [(Double, (Double, Double))] = []
                for c in corners {
                    for tc in [c.0, c.0 + 4] {
                        let inside: Bool = ahead ? (tc > tx && tc < ty) : (tc < tx && tc > ty)
                        if inside { between.append((tc, c.1)) }
                    }
                }
                between.sort { (a: (Double, (Double, Double)), b: (Double, (Double, Double))) -> Bool in ahead ? a.0 < b.0 : a.0 > b.0 }
                for c in between { emit(c.1, first: false) }
                (chain, end) = (entries[y].chain, entries[y].end)
            } while chain != start
            close()
        }
        for c in all where c.closed {
            for (i, p) in c.points.enumerated() { emit(p, first: i == 0) }
            close()
        }
        if open.isEmpty && zOnBorder(0.5) >= level {
            for (i, c) in corners.enumerated() { emit(c.1, first: i == 0) }
            close()
        }
        return true
    }

    /// Adds the part of triangle (a, b, c) where z ≥ level (Sutherland–Hodgman against one half-space).
    @inline(__always) static func clip(_ a: Vertex, _ b: Vertex, _ c: Vertex, _ level: Double, on canvas: Canvas, frame f: PlotFrame) {
        var first = true
        func emit(_ x: Double, _ y: Double) {
            let p = f.point(x, y)
            if first { canvas.move(to: p); first = false } else { canvas.line(to: p) }
        }
        for (p, q) in [(a, b), (b, c), (c, a)] {
            let inp = p.z >= level, inq = q.z >= level
            if inp { emit(p.x, p.y) }
            if inp != inq {
                let s = (level - p.z) / (q.z - p.z)
                emit(p.x + s * (q.x - p.x), p.y + s * (q.y - p.y))
            }
        }
        if !first { canvas.closePath() }
    }

    /// Iso-lines at `level` as polylines in data space, joined across cells.
    func lines(at level: Double) -> [[(Double, Double)]] { chains(at: level).map(\.points) }

    struct Chain {
        var points: [(Double, Double)]
        /// Edge indices of the ends; for open chains both lie on the domain border.
        var first, last: Int
        var closed: Bool
    }

    /// Iso-lines at `level` as chains of points with the edges they start and end on.
    func chains(at level: Double) -> [Chain] { chains(atLevels: [level])[0] }

    /// Iso-lines at each level, as `chains(at:)`.
    ///
    /// Every edge of the triangulation has an index (horizontal, vertical, then corner→centre
    /// edges), and an edge belongs to at most two triangles, so the chains are walked through two
    /// neighbour slots per crossed edge instead of a hash table. Only the edges a level crosses get
    /// slots (`slot` maps an edge to its slot; allocated once for all levels and reset edge by
    /// edge): a full table of points and neighbours for every edge of a 201×201 grid was 6 MB to
    /// zero per level, more than the tracing.
    func chains(atLevels levels: [Double]) -> [[Chain]] {
        let cw = columns - 1, ch = rows - 1
        guard cw > 0, ch > 0 else { return levels.map { _ in [] } }
        let nH = rows * cw, nV = ch * columns
        var slot = [Int32](repeating: -1, count: nH + nV + ch * cw * 4)
        var result: [[Chain]] = []
        for level in levels {
            // Per crossed edge, in order of first crossing: its index, point and two neighbours.
            var edge: [Int] = [], point: [(Double, Double)] = [], n1: [Int32] = [], n2: [Int32] = []
            for r in 0..<ch {
                for c in 0..<cw {
                    let m = centre[r * cw + c]
                    guard !m.isNaN else { continue }
                    let zs = (z[r * columns + c], z[r * columns + c + 1], z[(r + 1) * columns + c + 1], z[(r + 1) * columns + c])
                    let above = (zs.0 >= level ? 1 : 0) + (zs.1 >= level ? 1 : 0) + (zs.2 >= level ? 1 : 0) + (zs.3 >= level ? 1 : 0)
                    if (above == 4 && m >= level) || (above == 0 && m < level) { continue }
                    let mid = Vertex(x: x(Double(c) + 0.5), y: y(Double(r) + 0.5), z: m)
                    let diag = nH + nV + (r * cw + c) * 4
                    for k in 0..<4 {
                        let a = corner(r, c, k), b = corner(r, c, (k + 1) % 4)
                        let outer = k == 0 ? r * cw + c : k == 1 ? nH + r * columns + c + 1 : k == 2 ? (r + 1) * cw + c : nH + r * columns + c
                        // Triangle (a, b, mid): an iso-line crosses none or two of its edges.
                        var first = -1, second = -1
                        for (p, q, id) in [(a, b, outer), (b, mid, diag + (k + 1) % 4), (mid, a, diag + k)] where (p.z >= level) != (q.z >= level) {
                            let t = (level - p.z) / (q.z - p.z)
                            let at = (p.x + t * (q.x - p.x), p.y + t * (q.y - p.y))
                            var s = Int(slot[id])
                            if s < 0 {
                                s = point.count
                                slot[id] = Int32(s)
                                edge.append(id); point.append(at); n1.append(-1); n2.append(-1)
                            } else {
                                point[s] = at
                            }
                            if first < 0 { first = s } else { second = s }
                        }
                        if first >= 0 && second >= 0 {
                            if n1[first] < 0 { n1[first] = Int32(second) } else { n2[first] = Int32(second) }
                            if n1[second] < 0 { n1[second] = Int32(first) } else { n2[second] = Int32(first) }
                        }
                    }
                }
            }
            for id in edge { slot[id] = -1 }
            // Walk chains: open ones from their ends first, then closed loops, each in edge order
            // (deterministic).
            let order = edge.indices.sorted { edge[$0] < edge[$1] }
            var used = [Bool](repeating: false, count: edge.count)
            var chains: [Chain] = []
            func walk(from start: Int) {
                var chain = [point[start]]
                used[start] = true
                var current = start
                while true {
                    let a = Int(n1[current]), b = Int(n2[current])
                    let next = a >= 0 && !used[a] ? a : (b >= 0 && !used[b] ? b : -1)
                    guard next >= 0 else { break }
                    used[next] = true
                    chain.append(point[next])
                    current = next
                }
                let closed = chain.count > 2 && (Int(n1[current]) == start || Int(n2[current]) == start)
                if closed { chain.append(point[start]) }
                chains.append(Chain(points: chain, first: edge[start], last: edge[current], closed: closed))
            }
            for s in order where n2[s] < 0 && !used[s] { walk(from: s) }
            for s in order where !used[s] { walk(from: s) }
            result.append(chains)
        }
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
        guard c.levels.count >= 2 || !c.filled, c.rows >= 2, c.columns >= 2, c.values.count == c.rows * c.columns,
            c.xRange.count == 2, c.yRange.count == 2, c.levels.allSatisfy(\.isFinite)
        else { return }
        let grid = ContourGrid(c)
        // Each level's chains serve both its filled band and its line.
        let chains = grid.chains(atLevels: c.levels)
        if c.filled {
            // Nested regions: band k paints everything ≥ level k, later bands paint over it.
            // Each region is one path, so no anti-aliasing seam can open between bands.
            for k in 0..<(c.levels.count - 1) {
                if k == 0 && !grid.centre.contains(where: \.isNaN) {
                    // The lowest band underlies everything: one rectangle.
                    let a = f.point(grid.x0, grid.y0), b = f.point(grid.x1, grid.y1)
                    canvas.rectangle(Rect(x: min(a.x, b.x), y: min(a.y, b.y), width: abs(b.x - a.x), height: abs(b.y - a.y)))
                    canvas.fill(bandColor(c, k))
                } else if k > 0 && grid.addTracedRegion(atLeast: c.levels[k], on: canvas, frame: f, chains: chains[k]) {
                    canvas.setFillRule(evenOdd: true)
                    canvas.fill(bandColor(c, k))
                    canvas.setFillRule(evenOdd: false)
                } else {
                    grid.addRegion(atLeast: k == 0 ? -Double.infinity : c.levels[k], on: canvas, frame: f)
                    canvas.fill(bandColor(c, k))
                }
            }
        }
        if c.lines {
            canvas.setLineJoin(.round)
            var placed: [Rect] = []
            for i in c.levels.indices {
                let color =
                    c.lineColor
                    ?? (c.filled
                        ? Color(hex: 0x000000, alpha: 0.55)
                        : c.colormap.color(Double(i) / Double(max(1, c.levels.count - 1))))
                let lines = chains[i].map(\.points)
                var path = PathSimplifier(canvas: canvas)
                for line in lines {
                    path.move(to: f.point(line[0].0, line[0].1))
                    for p in line.dropFirst() { path.line(to: f.point(p.0, p.1)) }
                }
                path.flush()
                canvas.stroke(color, width: c.filled ? 0.5 : 0.9)
                if c.labels { label(lines, i, c, on: canvas, frame: f, placed: &placed) }
            }
        }
    }

    /// Writes the level on the longest stretch of each sufficiently long line, over a white gap.
    static func label(
        _ lines: [[(Double, Double)]], _ levelIndex: Int, _ c: ContourMark, on canvas: Canvas,
        frame f: PlotFrame, placed: inout [Rect]
    ) {
        let text = Ticks.labels(c.levels).labels[levelIndex]
        let l = LabelRenderer.markup(canvas, text, 6.5)
        for line in lines where !line.isEmpty {
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
            // Labels of nearby levels would collide on tight loops: keep the first, skip the rest.
            guard !placed.contains(where: { $0.x < box.maxX + 2 && box.x < $0.maxX + 2 && $0.y < box.maxY + 2 && box.y < $0.maxY + 2 }) else { continue }
            placed.append(box)
            canvas.roundedRectangle(box, radius: 1.5)
            canvas.fill(Color.white.withAlpha(0.85))
            l.draw(canvas, Point(box.x + 1, box.y), PlotStyle.ink)
        }
    }
}
