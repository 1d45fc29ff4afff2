import Graphics
import MathType

/// Suite `math`: layout + rasterization of a formula, as `scripts/peers/math.py` does with
/// matplotlib's mathtext (12 pt, 144 dpi). The font is loaded once, outside the timed body.
enum MathSuite {
    static let formulas: [(String, String)] = [
        ("sum-prod", #"\sum_{i=1}^{n} x_i^2 \leq \prod_{k=0}^{L-1} \left(1+\frac{\sigma_w}{\sqrt{k}}\right)"#),
        ("hat-beta", #"\hat{\beta} = (X^\top X)^{+} X^\top y"#),
        ("kernel", #"K^{(l+1)} = \sigma_w^2\,\frac{\sqrt{q_1q_2}}{2\pi}\left(\sin\theta + (\pi-\theta)\cos\theta\right) + \sigma_b^2"#),
    ]

    static func cases() -> [BenchCase] {
        let renderer: MathRenderer
        do { renderer = try MathRenderer() } catch { fatalError("folio-bench math: \(error)") }
        return formulas.map { name, tex in
            BenchCase(suite: "math", name: "layout-draw-\(name)", unit: "formulas/s", rate: { 1 / $0 }) {
                let f = renderer.layout(tex, style: .text, size: 12)
                let canvas = Canvas(.png(dpi: 144), width: f.width + 2, height: f.height + 2)
                f.draw(on: canvas, at: Point(1, 1 + f.ascent))
                _ = canvas.pixels().width
            }
        }
    }
}
