internal import Foundation
import Graphics
import PlotData

/// The legend: one row per labelled mark, placed in the emptiest inside corner or outside right.
struct Legend {
    enum Swatch { case line(Color, [Double]), patch(Color), marker(Color, MarkerShape) }
    /// Where a mark draws, for placement: points along it, or all of the frame (grid marks).
    enum Footprint { case points([Point]), wholeFrame }
    var entries: [(swatch: Swatch, label: DrawnLabel)]
    static let handle = 16.0, pad = 4.0, gap = 4.0, rowGap = 2.0

    init?(axes: Axes, canvas: Canvas) {
        var e: [(Swatch, DrawnLabel)] = []
        func add(_ s: Swatch, _ text: String) {
            e.append((s, LabelRenderer.render(canvas, text, PlotStyle.legendSize, false)))
        }
        for m in axes.marks + (axes.twin?.marks ?? []) {
            for (swatch, text) in m.recipe.legendEntries() { add(swatch, text) }
        }
        guard !e.isEmpty, axes.legend != .none else { return nil }
        entries = e
    }

    var size: Size {
        let w = entries.map(\.label.size.width).max()! + Legend.handle + Legend.gap + 2 * Legend.pad
        let h = entries.map(\.label.size.height).reduce(0, +) + Double(entries.count - 1) * Legend.rowGap + 2 * Legend.pad
        return Size(w, h)
    }

    /// Top-left corner: the requested corner, or for `.best` the inside spot covering the least
    /// data; nil means "outside" (asked for, or a legend too large to sit inside the plot).
    ///
    /// `.best` follows matplotlib's `_find_best_position`: score each candidate spot by the data
    /// it would hide (here the points sampled along every mark, which also counts the segments
    /// crossing the box, as matplotlib's badness does), keep the first spot of lowest score in
    /// matplotlib's order, and stay inside even when every spot covers something.
    /// With `forceInside`, a large legend stays inside too.
    /// `twin` is the frame of the right y axis, whose marks the legend avoids too.
    func origin(in frame: PlotFrame, axes: Axes, twin: PlotFrame? = nil, forceInside: Bool = false) -> Point? {
        let inset = 4.0, s = size, r = frame.rect
        let (l, c, rt) = (r.x + inset, r.x + (r.width - s.width) / 2, r.maxX - s.width - inset)
        let (t, m, b) = (r.y + inset, r.y + (r.height - s.height) / 2, r.maxY - s.height - inset)
        // matplotlib's order of preference among equally empty spots (codes 1 to 10).
        let spots: [(LegendPlacement?, Point)] = [
            (.upperRight, Point(rt, t)), (.upperLeft, Point(l, t)), (.lowerLeft, Point(l, b)), (.lowerRight, Point(rt, b)),
            (nil, Point(rt, m)), (nil, Point(l, m)), (nil, Point(c, b)), (nil, Point(c, t)), (nil, Point(c, m)),
        ]
        if let fixed = spots.first(where: { $0.0 == axes.legend }) { return fixed.1 }
        // A legend over most of the plot would hide it whatever the spot, and over a grid mark
        // (heatmap, regions, filled contours) every spot hides data: those go outside.
        let large = s.width > r.width * 0.6 || s.height > r.height * 0.7
        let filled = (axes.marks + (axes.twin?.marks ?? [])).contains { if case .wholeFrame = $0.recipe.footprint(in: frame) { true } else { false } }
        if !forceInside && (axes.legend == .outside || large || filled) { return nil }
        var pts = Legend.samples(axes, frame)
        if let twin, let t = axes.twin {
            var right = Axes()
            right.marks = t.marks
            pts += Legend.samples(right, twin)
        }
        var best: (Int, Point)?
        for (_, p) in spots {
            let box = Rect(x: p.x - 3, y: p.y - 3, width: s.width + 6, height: s.height + 6)
            let n = pts.reduce(0) { $0 + (($1.x >= box.x && $1.x <= box.maxX && $1.y >= box.y && $1.y <= box.maxY) ? 1 : 0) }
            if best == nil || n < best!.0 { best = (n, p) }
            if n == 0 { break }
        }
        return best!.1
    }

    /// Points along the drawn data for placement; a grid mark covers the frame (a coarse lattice
    /// over it, so that only an outside legend is free).
    static func samples(_ axes: Axes, _ f: PlotFrame) -> [Point] {
        var out: [Point] = []
        for m in axes.marks {
            switch m.recipe.footprint(in: f) {
            case .points(let p): out += p
            case .wholeFrame:
                return [f.point((f.xScale.inverse(f.x0) + f.xScale.inverse(f.x1)) / 2, 0)]
                    + (0..<64).map { Point(f.rect.x + f.rect.width * Double($0 % 8) / 7, f.rect.y + f.rect.height * Double($0 / 8) / 7) }
            }
        }
        return out
    }

    /// Characters a label shows, for estimating its width: TeX's `$`, `^`, `_`, braces and
    /// backslashes draw nothing themselves.
    static func visibleCharacters(_ text: String) -> Int {
        text.reduce(0) { $0 + ("$^_{}\\".contains($1) ? 0 : 1) }
    }

    /// Points along a polyline: its drawable points, and 8 more on each segment between two of them.
    static func along(_ xs: [Double], _ ys: [Double], _ f: PlotFrame) -> [Point] {
        var out: [Point] = []
        let stride = max(1, xs.count / 400)
        var prev: Point?
        for i in Swift.stride(from: 0, to: min(xs.count, ys.count), by: stride) {
            guard f.accepts(xs[i], ys[i]) else { prev = nil; continue }
            let p = f.point(xs[i], ys[i])
            if let q = prev { for k in 1...8 { let t = Double(k) / 8; out.append(Point(q.x + t * (p.x - q.x), q.y + t * (p.y - q.y))) } }
            out.append(p)
            prev = p
        }
        return out
    }

    func draw(on canvas: Canvas, at o: Point) {
        let s = size
        canvas.roundedRectangle(Rect(x: o.x, y: o.y, width: s.width, height: s.height), radius: 2)
        canvas.fill(Color.white.withAlpha(0.9), preserve: true)
        canvas.stroke(Color(hex: 0xcccccc), width: 0.5)
        var y = o.y + Legend.pad
        for (swatch, label) in entries {
            let mid = y + label.size.height / 2
            let x = o.x + Legend.pad
            switch swatch {
            case .line(let c, let dash):
                canvas.move(to: Point(x, mid)); canvas.line(to: Point(x + Legend.handle, mid))
                canvas.stroke(c, width: 1.5, dash: dash)
            case .patch(let c):
                canvas.rectangle(Rect(x: x, y: mid - 3.5, width: Legend.handle, height: 7)); canvas.fill(c)
            case .marker(let c, let shape):
                Mark.marker(shape, at: Point(x + Legend.handle / 2, mid), size: 5, on: canvas)
                shape == .cross || shape == .plus ? canvas.stroke(c, width: 1) : canvas.fill(c)
            }
            label.draw(canvas, Point(x + Legend.handle + Legend.gap, y), PlotStyle.ink)
            y += label.size.height + Legend.rowGap
        }
    }
}
