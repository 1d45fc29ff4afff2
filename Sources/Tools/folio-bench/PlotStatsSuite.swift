import Foundation
import Graphics
import Plot

/// Suite `plot-stats`: the statistical marks against matplotlib (`scripts/peers/plot-stats.py`,
/// same data and content): a 1×2 figure with 12 notched box plots of 2 000 samples each and
/// 200 points with asymmetric y and symmetric x error bars over two translucent histograms,
/// built from precomputed arrays and saved as PNG at 150 dpi and as PDF (time per saved figure).
/// The box statistics are computed inside the timed body on both sides (matplotlib computes
/// them in `boxplot`), so the comparison includes the quartile sorts.
enum PlotStatsSuite {
    /// A deterministic sample both sides regenerate: a skewed cloud with a few far points.
    static func sample(_ k: Int, _ n: Int) -> [Double] {
        (0..<n).map { i in
            let u = Double((i * 7919 + k * 104_729) % 10_007) / 10_007
            return Double(k) * 0.3 + u * u * 4 + (i % 397 == 0 ? 9 : 0)
        }
    }

    static func figure(groups: [[Double]], x: [Double], y: [Double], lower: [Double], upper: [Double], hist: [[Double]]) -> Figure {
        var f = Figure(width: 6.4 * 72, height: 3.2 * 72, rows: 1, columns: 2)
        f[0, 0].boxplot(groups, notch: true)
        f[0, 0].title = "boxplot"
        f[0, 1].histogram(hist[0], bins: 40, density: true, alpha: 0.5)
        f[0, 1].histogram(hist[1], bins: 40, density: true, alpha: 0.5)
        f[0, 1].errorbar(x: x, y: y, yerr: .asymmetric(lower: lower, upper: upper), xerr: .symmetric(lower), cap: 1.5, marker: .circle)
        f[0, 1].title = "errorbar"
        return f
    }

    static func cases() -> [BenchCase] {
        let groups = (0..<12).map { sample($0, 2_000) }
        let x = (0..<200).map { Double($0) / 20 }
        let y = x.map { 0.2 + 0.1 * sin($0) }
        let lower = x.map { 0.01 + 0.002 * $0 }, upper = x.map { 0.02 + 0.001 * $0 }
        let hist = [sample(1, 5_000).map { $0 / 20 }, sample(2, 5_000).map { $0 / 25 }]
        return [("png", Canvas.Kind.png(dpi: 150)), ("pdf", .pdf)].map { ext, kind in
            BenchCase(suite: "plot-stats", name: "stats-\(ext)", unit: "figures/s", rate: { 1 / $0 }) {
                let f = figure(groups: groups, x: x, y: y, lower: lower, upper: upper, hist: hist)
                let c = Canvas(kind, width: f.width, height: f.height)
                f.draw(on: c)
                _ = c.finish()
            }
        }
    }
}
