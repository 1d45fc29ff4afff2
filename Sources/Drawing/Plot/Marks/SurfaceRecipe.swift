internal import Foundation
import Graphics
import PlotData

extension Axes {
    // 3-D marks turn the axes into a 3-D box.
    /// A lit, colour-mapped 3-D surface of z over a grid (matplotlib's `ax.plot_surface`); makes the
    /// panel 3-D (`view3D` at matplotlib's default angles unless already set).
    ///
    /// ```swift
    /// fig.axes.surface(loss, rows: 41, columns: 41, x: [-1, 1], y: [-1, 1], colormap: .viridis)
    /// ```
    /// - Parameters:
    ///   - z: The heights, row-major (`z[r * columns + c]`), row 0 at `y[0]`.
    ///   - rows: Samples along y (≥ 2).
    ///   - columns: Samples along x (≥ 2).
    ///   - x: `[lo, hi]`: x of the first and last sample column, in data units.
    ///   - y: `[lo, hi]`: y of the first and last sample row, in data units.
    ///   - colormap: Colours the facets by height (default `.viridis`).
    /// - Precondition: traps when `z` does not fill a `rows × columns` grid or the grid is smaller than 2 × 2.
    public mutating func surface(_ z: [Double], rows: Int, columns: Int, x: [Double], y: [Double], colormap: Colormap = .viridis) {
        Axes.checkGrid("surface", z.count, rows: rows, columns: columns)
        guard rows >= 2, columns >= 2 else { fatalError("surface: needs at least 2×2 samples, got \(rows)×\(columns)") }
        marks.append(.surface(SurfaceMark(z: z, rows: rows, columns: columns, xRange: x, yRange: y, colormap: colormap)))
        if view3D == nil { view3D = View3D() }
    }
}

extension SurfaceMark: MarkRecipe {
    /// A grid and ranges the drawing can index.
    var drawable: Bool {
        rows >= 2 && columns >= 2 && z.count == rows * columns && xRange.count == 2 && yRange.count == 2
            && (xRange + yRange).allSatisfy { $0.isFinite && abs($0) <= PlotLimits.maxMagnitude }
    }

    var colorScale: Colorbar.Scale? { (colormap, Axes.finiteRange(z), nil) }

    /// Sample (r, c) in data coordinates.
    func point(_ r: Int, _ c: Int) -> (Double, Double, Double) {
        (
            xRange[0] + (xRange[1] - xRange[0]) * Double(c) / Double(columns - 1),
            yRange[0] + (yRange[1] - yRange[0]) * Double(r) / Double(rows - 1), z[r * columns + c]
        )
    }

    func addBounds3D(_ add: (Double, Double, Double) -> Void) {
        guard drawable else { return }
        for r in 0..<rows { for c in 0..<columns { let p = point(r, c); add(p.0, p.1, p.2) } }
    }

    /// Direction of the light, normalised once.
    static let light: (Double, Double, Double) = {
        let l = (-0.5, -0.6, 1.0); let n = (l.0 * l.0 + l.1 * l.1 + l.2 * l.2).squareRoot(); return (l.0 / n, l.1 / n, l.2 / n)
    }()

    func addItems3D(
        scene: Scene3D, screen: ((Double, Double, Double)) -> (Point, Double),
        add: (Double, Scene3D.Item) -> Void
    ) {
        guard drawable else { return }
        let light = SurfaceMark.light
        let zr = Axes.finiteRange(z)
        let table = colormap.table
        func world(_ r: Int, _ c: Int) -> (Double, Double, Double) {
            let p = point(r, c)
            return scene.normalized(p.0, p.1, p.2)
        }
        for r in 0..<(rows - 1) {
            for c in 0..<(columns - 1) {
                let k = r * columns + c
                let z0 = z[k], z1 = z[k + 1], z2 = z[k + columns + 1], z3 = z[k + columns]
                let bound = PlotLimits.maxMagnitude
                guard abs(z0) <= bound && abs(z1) <= bound && abs(z2) <= bound && abs(z3) <= bound else { continue }
                let w0 = world(r, c), w1 = world(r, c + 1), w2 = world(r + 1, c + 1), w3 = world(r + 1, c)
                let p0 = screen(w0), p1 = screen(w1), p2 = screen(w2), p3 = screen(w3)
                // Lambert shading of the facet normal, two-sided, kept mild so the colormap still reads.
                let a = (w2.0 - w0.0, w2.1 - w0.1, w2.2 - w0.2), b = (w3.0 - w1.0, w3.1 - w1.1, w3.2 - w1.2)
                var n = (a.1 * b.2 - a.2 * b.1, a.2 * b.0 - a.0 * b.2, a.0 * b.1 - a.1 * b.0)
                let len = max(1e-12, (n.0 * n.0 + n.1 * n.1 + n.2 * n.2).squareRoot())
                n = (n.0 / len, n.1 / len, n.2 / len)
                let shade = 0.72 + 0.28 * abs(n.0 * light.0 + n.1 * light.1 + n.2 * light.2)
                // As colormap.color(t), with the table fetched once.
                let base = Color(hex: table[Colormap.index(((z0 + z1 + z2 + z3) / 4 - zr[0]) / (zr[1] - zr[0]))])
                let color = Color(red: base.red * shade, green: base.green * shade, blue: base.blue * shade)
                add((p0.1 + p1.1 + p2.1 + p3.1) / 4, .facet((p0.0, p1.0, p2.0, p3.0), color))
            }
        }
    }
}
