import Graphics
import PlotData

extension Axes {
    /// Markers at 3-D points (matplotlib's `ax.scatter(x, y, z)` on 3-D axes), depth-sorted with
    /// surfaces and lines. Makes the panel 3-D.
    ///
    /// ```swift
    /// fig.axes.points3D(x: xs, y: ys, z: zs, label: "minima", size: 5)
    /// ```
    /// - Parameters:
    ///   - x: The x of the points, in data units; points with a non-finite coordinate are skipped.
    ///   - y: The y of the points, as many as `x`.
    ///   - z: The z of the points, as many as `x`.
    ///   - label: Legend text, or nil for none.
    ///   - color: Marker colour; nil takes the next colour of the cycle.
    ///   - size: Marker diameter in points (default 4).
    /// - Precondition: traps when `x`, `y` and `z` differ in length.
    public mutating func points3D(x: [Double], y: [Double], z: [Double], label: String? = nil, color: Color? = nil, size: Double = 4) {
        Axes.check("points3D", [("x", x.count), ("y", y.count), ("z", z.count)])
        marks.append(.points3D(Points3DMark(x: x, y: y, z: z, label: label, color: nextColor(color), size: size)))
        if view3D == nil { view3D = View3D() }
    }
}

extension Points3DMark: MarkRecipe {
    func legendEntries() -> [(Legend.Swatch, String)] { label.map { [(.marker(color, .circle), $0)] } ?? [] }

    func addBounds3D(_ add: (Double, Double, Double) -> Void) {
        for i in 0..<min(x.count, y.count, z.count) { add(x[i], y[i], z[i]) }
    }

    func addItems3D(
        scene: Scene3D, screen: ((Double, Double, Double)) -> (Point, Double),
        add: (Double, Scene3D.Item) -> Void
    ) {
        for i in 0..<min(x.count, y.count, z.count) where x[i].isFinite && y[i].isFinite && z[i].isFinite {
            let (q, d) = screen(scene.normalized(x[i], y[i], z[i]))
            add(d - 0.02, .dot(q, color, size))
        }
    }
}
