import Foundation
import Graphics
import Plot

/// Suite `plot`: the figures of `scripts/peers/plot.py`, same data and content, each built
/// from precomputed arrays and saved as PNG at 150 dpi and as PDF (time per saved figure), and
/// `cold-pdf`: a fresh process that draws a simple line figure to a PDF file (seconds per process).
///
/// `FOLIO_PLOT_CASES=a,b` runs only those cases (and their peers): for profiling one figure.
enum PlotSuite {
    static let width = 6.4 * 72, height = 4.8 * 72

    static func peaks(_ x: Double, _ y: Double) -> Double {
        3 * (1 - x) * (1 - x) * exp(-x * x - (y + 1) * (y + 1)) - 10 * (x / 5 - x * x * x - pow(y, 5)) * exp(-x * x - y * y)
            - exp(-(x + 1) * (x + 1) - y * y) / 3
    }

    static func grid(_ n: Int, _ lo: Double, _ hi: Double, _ f: (Double, Double) -> Double) -> [Double] {
        var z = [Double](repeating: 0, count: n * n)
        for r in 0..<n {
            for c in 0..<n {
                z[r * n + c] = f(lo + (hi - lo) * Double(c) / Double(n - 1), lo + (hi - lo) * Double(r) / Double(n - 1))
            }
        }
        return z
    }

    static func figures() -> [(String, () -> Figure)] {
        let n = 10_000
        let x = (0..<n).map { 1 + 999 * Double($0) / Double(n - 1) }
        let ys = (0..<4).map { k in x.map { pow($0, -0.5 * Double(k + 1)) * (1 + 0.1 * sin($0 / Double(k + 1))) } }
        let contourZ = grid(201, -3, 3, peaks)
        let levels = stride(from: -8.0, through: 10, by: 2).map { $0 }
        let surfaceZ = grid(101, -3, 3, peaks)
        let heat = grid(1024, 0, 20, { sin($0) * cos($1) })
        return [
            (
                "lines",
                {
                    var f = Figure(width: width, height: height, title: "Trajectory length", xLabel: "x", yLabel: "y")
                    f.axes.yScale = .log
                    for k in 0..<4 { f.line(x: x, y: ys[k], label: "k = \(k + 1)") }
                    return f
                }
            ),
            (
                "contour",
                {
                    var f = Figure(width: width, height: height)
                    f.axes.contour(
                        contourZ, rows: 201, columns: 201, x: [-3, 3], y: [-3, 3], levels: levels, filled: true,
                        lines: true, lineColor: .black, colorbar: "")
                    return f
                }
            ),
            (
                "surface",
                {
                    var f = Figure(width: width, height: height)
                    f.axes.surface(surfaceZ, rows: 101, columns: 101, x: [-3, 3], y: [-3, 3], colormap: .viridis)
                    return f
                }
            ),
            (
                "heatmap",
                {
                    var f = Figure(width: width, height: height)
                    f.axes.heatmap(heat, rows: 1024, columns: 1024, colormap: .viridis, colorbar: "")
                    return f
                }
            ),
        ]
    }

    /// The cold-start workload: what a notebook's first figure costs in a new process (dynamic
    /// loading, font configuration, Cairo/Pango start-up, one PDF written to disk).
    static func coldFigure() -> Figure {
        let x = (0..<100).map { Double($0) / 10 }
        var f = Figure(width: width, height: height, title: "Cold start", xLabel: "x", yLabel: "y")
        f.line(x: x, y: x.map { sin($0) }, label: "sin")
        return f
    }

    /// Env var that turns `folio-bench plot` into the cold-start workload: draw `coldFigure()` to
    /// the PDF at that path and exit before any suite runs.
    static let coldVariable = "FOLIO_PLOT_COLD_PDF"

    static func coldCase() -> BenchCase {
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("folio-bench-cold-\(getpid()).pdf").path
        return BenchCase(suite: "plot", name: "cold-pdf", unit: "s/process", rate: { $0 }) {
            let p = Process()
            p.executableURL = URL(fileURLWithPath: CommandLine.arguments[0]).standardizedFileURL
            p.arguments = ["plot"]
            var env = ProcessInfo.processInfo.environment
            env[coldVariable] = out
            p.environment = env
            try! p.run()
            p.waitUntilExit()
            guard p.terminationStatus == 0, let size = try? FileManager.default.attributesOfItem(atPath: out)[.size] as? Int, size > 1000 else {
                fatalError("cold-pdf: the fresh process wrote no PDF (status \(p.terminationStatus))")
            }
            try? FileManager.default.removeItem(atPath: out)
        }
    }

    static func cases() -> [BenchCase] {
        let env = ProcessInfo.processInfo.environment
        if let path = env[coldVariable] {
            let f = coldFigure()
            let c = Canvas(.pdf, width: f.width, height: f.height)
            f.draw(on: c)
            exit(FileManager.default.createFile(atPath: path, contents: Data(c.finish())) ? 0 : 1)
        }
        // FOLIO_BENCH_OUT=dir writes each figure once, to compare files with the peer's.
        if let dir = ProcessInfo.processInfo.environment["FOLIO_BENCH_OUT"] {
            for (name, make) in figures() {
                for (ext, kind) in [("png", Canvas.Kind.png(dpi: 150)), ("pdf", .pdf)] {
                    let f = make()
                    let c = Canvas(kind, width: f.width, height: f.height)
                    f.draw(on: c)
                    _ = FileManager.default.createFile(atPath: "\(dir)/folio-\(name).\(ext)", contents: Data(c.finish()))
                }
            }
        }
        let all =
            figures().flatMap { name, make -> [BenchCase] in
                [("png", Canvas.Kind.png(dpi: 150)), ("pdf", .pdf)].map { ext, kind in
                    BenchCase(suite: "plot", name: "\(name)-\(ext)", unit: "figures/s", rate: { 1 / $0 }) {
                        let f = make()
                        let c = Canvas(kind, width: f.width, height: f.height)
                        f.draw(on: c)
                        _ = c.finish()
                    }
                }
            } + [coldCase()]
        guard let only = env["FOLIO_PLOT_CASES"]?.split(separator: ",").map(String.init) else { return all }
        return all.filter { only.contains($0.name) }
    }
}
