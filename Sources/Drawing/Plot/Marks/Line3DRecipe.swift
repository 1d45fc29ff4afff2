import Graphics
import PlotData

extension Axes {
    /// A polyline in 3-D (matplotlib's `ax.plot(x, y, z)` on 3-D axes), hidden where a surface is in
    /// front of it: an optimiser's path over a loss surface. Makes the panel 3-D.
    ///
    /// ```swift
    /// fig.axes.line3D(x: path.x, y: path.y, z: path.loss, label: "SGD", color: .black)
    /// ```
    /// - Parameters:
    ///   - x: The x of the vertices, in data units.
    ///   - y: The y of the vertices, as many as `x`.
    ///   - z: The z of the vertices, as many as `x`.
    ///   - label: Legend text, or nil for none.
    ///   - color: Stroke colour; nil takes the next colour of the cycle.
    ///   - width: Stroke width in points (default 1.5).
    /// - Precondition: traps when `x`, `y` and `z` differ in length.
    public mutating func line3D(x: [Double], y: [Double], z: [Double], label: String? = nil, color: Color? = nil, width: Double = 1.5) {
        Axes.check("line3D", [("x", x.count), ("y", y.count), ("z", z.count)])
        marks.append(.line3D(Line3DMark(x: x, y: y, z: z, label: label, color: nextColor(color), width: width)))
        if view3D == nil { view3D = View3D() }
    }
}

extension Line3DMark: MarkRecipe {
    func legendEntries() -> [(Legend.Swatch, String)] { label.map { [(.line(color, []), $0)] } ?? [] }

    func addBounds3D(_ add: (Double, Double, Double) -> Void) {
        for i in 0..<min(x.count, y.count, z.count) { add(x[i], y[i], z[i]) }
    }

    func addItems3D(
        scene: Scene3D, screen: ((Double, Double, Double)) -> (Point, Double),
        add: (Double, Scene3D.Item) -> Void
    ) {
        for i in 1..<max(1, min(x.count, y.count, z.count)) {
            let p = [x[i - 1], y[i - 1], z[i - 1], x[i], y[i], z[i]]
            guard p.allSatisfy(\.isFinite) else { continue }
            let u = scene.normalized(p[0], p[1], p[2]), w = scene.normalized(p[3], p[4], p[5])
            // Long segments are cut into pieces about a facet long, so each piece sorts
            // against the facets near it (a single depth cannot be right for a long segment).
            let span = max(abs(w.0 - u.0), abs(w.1 - u.1), abs(w.2 - u.2))
            let pieces = span.isFinite ? max(1, min(1000, Int((min(span, 100) / 0.04).rounded(.up)))) : 1
            var prev = screen(u)
            for k in 1...pieces {
                let t = Double(k) / Double(pieces)
                let next = screen((u.0 + t * (w.0 - u.0), u.1 + t * (w.1 - u.1), u.2 + t * (w.2 - u.2)))
                // A segment lying on a surface must win against the facet under it: nudge it towards the viewer.
                add((prev.1 + next.1) / 2 - 0.02, .segment(prev.0, next.0, color, width))
                prev = next
            }
        }
    }
}
