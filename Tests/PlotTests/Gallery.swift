import Foundation
import Graphics
@testable import Plot

/// One figure per mark family, shared by the tests and by the gallery writer
/// (`FOLIO_GALLERY=dir swift test --filter GalleryTests` writes PNG/PDF files to look at).
enum Gallery {
    static func grid(_ n: Int, _ f: (Double, Double) -> Double) -> [Double] {
        var z: [Double] = []
        for r in 0..<n { for c in 0..<n { z.append(f(-3 + 6 * Double(c) / Double(n - 1), -3 + 6 * Double(r) / Double(n - 1))) } }
        return z
    }
    static func peaks(_ x: Double, _ y: Double) -> Double {
        3 * (1 - x) * (1 - x) * exp(-x * x - (y + 1) * (y + 1)) - 10 * (x / 5 - x * x * x - pow(y, 5)) * exp(-x * x - y * y)
            - exp(-(x + 1) * (x + 1) - y * y) / 3
    }

    static var lines: Figure {
        var f = Figure(width: 300, height: 200, title: "Loss curves", xLabel: "step", yLabel: "loss")
        let x = (0..<200).map { Double($0) }
        for k in 0..<4 {
            f.line(x: x, y: x.map { v in exp(-v / Double(40 + 30 * k)) + 0.02 * sin(v / 3) }, label: "width \(64 << k)")
        }
        f.axes.grid = true
        return f
    }
    static var logLines: Figure {
        var f = Figure(width: 300, height: 200, xLabel: "iteration", yLabel: "error")
        f.axes.yScale = .log
        let x = (1...400).map { Double($0) }
        for k in 0..<4 { f.line(x: x, y: x.map { pow($0, -0.5 - 0.5 * Double(k)) * (k == 2 && Int($0) % 50 == 0 ? .nan : 1) }, label: "order \(k + 1)") }
        return f
    }
    static var scatterBand: Figure {
        var f = Figure(width: 300, height: 200, title: "Median and IQR", xLabel: "depth ℓ", yLabel: "length")
        let x = (0..<30).map { Double($0) }
        f.axes.band(x: x, lower: x.map { 0.8 * pow(1.1, $0) }, upper: x.map { 1.25 * pow(1.1, $0) }, label: "IQR")
        f.axes.line(x: x, y: x.map { pow(1.1, $0) }, label: "median", color: Palette.cycle[0])
        f.axes.scatter(x: x, y: x.map { pow(1.1, $0) * (1 + 0.3 * sin($0 * 7)) }, label: "runs", marker: .diamond)
        f.axes.hline(1, label: "y = 1")
        f.axes.text("growth ≈ 1.1ˡ", x: 3, y: 12)
        f.axes.arrow(from: (11, 11.5), to: (19.5, 7.2))
        return f
    }
    static var barsStemStep: Figure {
        var f = Figure(width: 460, height: 170, rows: 1, columns: 3, panelLetters: true)
        f[0, 0].bar(x: [1, 2, 3, 4], height: [3, 5, 2, 4], label: "counts")
        f[0, 0].xLabel = "bin"; f[0, 0].title = "Bars"
        let data = (0..<2000).map { i -> Double in
            let u = Double((i * 7919) % 1000) / 1000, v = Double((i * 104729) % 997) / 997
            return (-2 * log(max(u, 1e-9))).squareRoot() * cos(2 * .pi * v)
        }
        f[0, 1].histogram(data, bins: 30, density: true, label: "samples")
        f[0, 1].title = "Histogram"
        f[0, 2].stem(x: (0..<12).map(Double.init), y: (0..<12).map { sin(Double($0) / 2) }, label: "stem")
        f[0, 2].step(x: (0..<12).map(Double.init), y: (0..<12).map { cos(Double($0) / 2) }, label: "step")
        f[0, 2].title = "Stem and step"
        return f
    }
    static var heatmap: Figure {
        var f = Figure(width: 280, height: 220, title: "Heatmap", xLabel: "column", yLabel: "row")
        let n = 40
        f.axes.heatmap(grid(n) { sin($0) * cos($1) }, rows: n, columns: n, colormap: .magma, colorbar: "value")
        return f
    }
    static var contours: Figure {
        var f = Figure(width: 480, height: 200, rows: 1, columns: 2, panelLetters: true)
        let n = 101, z = grid(n, peaks)
        f[0, 0].contour(z, rows: n, columns: n, x: [-3, 3], y: [-3, 3], labels: true)
        f[0, 0].title = "Contour lines"; f[0, 0].equalAspect = true
        f[0, 1].contour(z, rows: n, columns: n, x: [-3, 3], y: [-3, 3], filled: true, colorbar: "z")
        f[0, 1].title = "Filled contours"; f[0, 1].equalAspect = true
        return f
    }
    static var surface: Figure {
        var f = Figure(width: 300, height: 240, title: "Loss landscape")
        let n = 41, z = grid(n, peaks)
        f.axes.surface(z, rows: n, columns: n, x: [-3, 3], y: [-3, 3], colormap: .viridis)
        let t = (0..<120).map { Double($0) / 119 }
        let px = t.map { -2.5 + 3 * $0 }, py = t.map { 2.5 - 4 * $0 }
        f.axes.line3D(x: px, y: py, z: zip(px, py).map { peaks($0, $1) + 0.3 }, label: "trajectory", color: Color(hex: 0xD55E00), width: 1.8)
        f.axes.xLabel = "x"; f.axes.yLabel = "y"; f.axes.zLabel = "z"
        return f
    }
    static var regions: Figure {
        var f = Figure(width: 300, height: 220, title: "Activation regions", xLabel: "x₁", yLabel: "x₂")
        let n = 120
        var cats: [Int] = []
        for r in 0..<n {
            for c in 0..<n {
                let x = -1 + 2 * Double(c) / Double(n - 1), y = -1 + 2 * Double(r) / Double(n - 1)
                cats.append((x + y > 0 ? 1 : 0) + (x - 0.5 * y > 0.2 ? 2 : 0))
            }
        }
        f.axes.regions(cats, rows: n, columns: n, x: [-1, 1], y: [-1, 1], names: ["00", "01", "10", "11"])
        f.axes.legend = .outside
        return f
    }
    static var parametric: Figure {
        var f = Figure(width: 300, height: 200, title: "Unit circle and a rose", xLabel: "x", yLabel: "y")
        let t = (0...400).map { 2 * Double.pi * Double($0) / 400 }
        f.axes.parametric(x: t.map(cos), y: t.map(sin), label: "circle")
        f.axes.parametric(x: t.map { cos(3 * $0) * cos($0) }, y: t.map { cos(3 * $0) * sin($0) }, label: "rose")
        f.axes.vline(0); f.axes.hline(0)
        return f
    }
    static var scales: Figure {
        var f = Figure(width: 600, height: 170, rows: 1, columns: 4, panelLetters: true)
        let x = (0...200).map { -100 + Double($0) }
        f[0, 3].line(x: x, y: x.map { 2.302585 + 1e-5 * sin($0 / 20) }); f[0, 3].title = "near-constant"
        f[0, 0].line(x: x, y: x.map { $0 * abs($0) * 50 }); f[0, 0].yScale = .symlog(threshold: 10); f[0, 0].title = "symlog"
        f[0, 1].line(x: [1, 2, 3], y: [5, 5, 5]); f[0, 1].title = "constant"
        f[0, 2].title = "empty"
        return f
    }

    static var statistics: Figure {
        var f = Figure(width: 480, height: 190, rows: 1, columns: 2, panelLetters: true)
        var groups: [[Double]] = []
        for k in 0..<3 {
            let spread = Double(k + 1)
            groups.append((0..<60).map { i -> Double in Double(k) + sin(Double(i * (k + 3))) * spread + (i == 5 ? 7.0 : 0.0) })
        }
        f[0, 0].boxplot(groups, notch: true, names: ["SGD", "Adam", "Lion"], label: "final loss")
        f[0, 0].title = "Box plots"
        let x = (1...6).map(Double.init)
        f[0, 1].errorbar(x: x, y: x.map { 1 / $0 }, yerr: .asymmetric(lower: x.map { 0.05 / $0 }, upper: x.map { 0.2 / $0 }), label: "median, IQR")
        f[0, 1].errorbar(
            x: x.map { $0 + 0.2 }, y: x.map { 0.8 / $0 }, yerr: .symmetric(x.map { 0.1 / $0 }), xerr: [0.1, 0.1, 0.1, 0.1, 0.1, 0.1],
            marker: .square, joined: true, label: "mean ± s.e.", alpha: 0.7)
        f[0, 1].annotate("fastest", point: (1.2, 0.8), textAt: (3.5, 0.9))
        f[0, 1].title = "Error bars"
        return f
    }
    static var ticks: Figure {
        var f = Figure(width: 480, height: 190, rows: 1, columns: 2, panelLetters: true)
        let t = (0...100).map { Double($0) / 100 * .pi }
        f[0, 0].line(x: t, y: t.map(sin), label: "sin")
        f[0, 0].xTicks([0, .pi / 2, .pi], labels: ["0", "$\\pi/2$", "$\\pi$"], minor: 4, direction: .in)
        f[0, 0].yTicks(format: .percent, direction: .inout)
        f[0, 0].twinY.line(x: t, y: t.map { 100 * cos($0) }, label: "cos")
        f[0, 0].twinY.yLabel = "cos ×100"
        f[0, 1].line(x: (1...100).map(Double.init), y: (1...100).map { 3 / Double($0) })
        f[0, 1].yScale = .log; f[0, 1].xScale = .log
        f[0, 1].yTicks(logSteps: .oneTwoFive)
        f[0, 1].xTicks(formatter: { "\(Int($0))×" })
        return f
    }

    static let all: [(String, Figure)] = [
        ("lines", lines), ("log-lines", logLines), ("scatter-band", scatterBand), ("bars-stem-step", barsStemStep),
        ("heatmap", heatmap), ("contours", contours), ("surface", surface), ("regions", regions),
        ("parametric", parametric), ("scales", scales), ("statistics", statistics), ("ticks", ticks),
    ]

    static func png(_ f: Figure, dpi: Double = 150) -> Canvas {
        let c = Canvas(.png(dpi: dpi), width: f.width, height: f.height)
        f.draw(on: c)
        return c
    }
    static func pdf(_ f: Figure) -> [UInt8] {
        let c = Canvas(.pdf, width: f.width, height: f.height)
        f.draw(on: c)
        return c.finish()
    }
}
