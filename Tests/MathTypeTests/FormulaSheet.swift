import Graphics
@testable import MathType

/// The formulas of issue 6 (all must render) and more, and a sheet that shows them all.
enum FormulaSheet {
    static let required: [String] = [
        #"\mathcal{L}(\theta^* + \alpha\delta + \beta\eta)"#,
        #"d_{i,j} \leftarrow \frac{d_{i,j}}{\|d_{i,j}\|}\,\|\theta_{i,j}\|"#,
        #"\ell(z^{(d)}(t)) = \int_t \left\| \frac{d z^{(d)}(t)}{dt} \right\| dt"#,
        #"\Theta(x,x') = \mathbb{E}_{\theta}\left[\left\langle \frac{\partial f(x)}{\partial\theta}, \frac{\partial f(x')}{\partial\theta}\right\rangle\right]"#,
        #"K^{(l+1)} = \sigma_w^2\,\frac{\sqrt{q_1q_2}}{2\pi}\left(\sin\theta + (\pi-\theta)\cos\theta\right) + \sigma_b^2"#,
        #"\sum_{i=1}^{n} x_i^2 \leq \prod_{k=0}^{L-1} \left(1+\frac{\sigma_w}{\sqrt{k}}\right)"#,
        #"\hat{\beta} = (X^\top X)^{+} X^\top y"#,
        #"\sqrt[3]{x^2+y^2}"#,
        #"\mathbf{W}^{(l)} \in \mathbb{R}^{n_l \times n_{l-1}}"#,
        #"\operatorname{tr}(H) = \sum_i \lambda_i"#,
        #"\lVert w \rVert_2"#,
        #"\tfrac{1}{2}"#,
        #"\boldsymbol{\theta}"#,
        #"\text{test error}"#,
        #"\begin{pmatrix} a & b \\ c & d \end{pmatrix}"#,
        #"\underbrace{x+y}_{n}"#,
        #"\int\limits_0^1 f(x)\,dx"#,
        #"f(x) = \begin{cases} x & x>0 \\ 0 & \text{otherwise} \end{cases}"#,
        #"\overline{xy} + \widehat{abc} + \vec{v} + \dot{x}"#,
        #"x \mapsto \max(0,x)"#,
    ]

    static let more: [String] = [
        #"\mathbb{E}\,\mathrm{Length}(\Phi^{(\ell)}) = \sigma^\ell c"#,
        #"\mathcal{N}(\mathcal{F}, \epsilon, \|\cdot\|_\infty)"#,
        #"\|W\|_{S^{2/(L-1)}}^{2/(L-1)}"#,
        #"\lim_{n\to\infty} \left(1 + \frac{x}{n}\right)^n = e^x"#,
        #"\binom{n}{k} = \frac{n!}{k!\,(n-k)!}"#,
        #"\left( \frac{\frac{a}{b}}{\frac{c}{d}} \right) \quad \left\{ \begin{matrix} 1 & 0 & 0 \\ 0 & 1 & 0 \\ 0 & 0 & 1 \\ 0 & 0 & 0 \end{matrix} \right\}"#,
        #"\begin{aligned} f(x) &= (x+1)^2 \\ &= x^2 + 2x + 1 \end{aligned}"#,
        #"\widetilde{W} \overbrace{a+b+c}^{3} \quad \mathfrak{g} \quad \mathsf{A} \quad \bar{x}, \tilde{y}, \check{z}"#,
        #"\Big( \big[ x \big] \Big) \quad \lfloor x \rfloor \lceil y \rceil \quad a \cdots b \ldots c"#,
        #"\nabla_\theta \mathcal{L} = \mathbb{E}_{x\sim p}\left[ \partial_\theta \log p_\theta(x) \right] \tag{3}"#,
        #"\alpha\beta\gamma\delta\epsilon\varepsilon\zeta\eta\theta\vartheta\iota\kappa\lambda\mu\nu\xi\pi\rho\sigma\tau\upsilon\phi\varphi\chi\psi\omega \; \Gamma\Delta\Theta\Lambda\Xi\Pi\Sigma\Phi\Psi\Omega"#,
        #"\overset{!}{=} \; \underset{x}{\arg\min} \; \stackrel{\text{def}}{=} \; A \subseteq B \implies \forall x \in A, \exists y"#,
        #"\begin{bmatrix} \sum_{i} a_i & \frac{1}{2} \\ x^{y^z} & \sqrt{\frac{1}{1+x^2}} \end{bmatrix}"#,
        #"\underbrace{\left(\frac{\partial^2 f}{\partial x_i \partial x_j}\right)}_{\text{Hessian}} \succeq 0"#,
        #"A \xrightarrow[\text{train}]{\;\eta\nabla\mathcal{L}\;} B \quad \boxed{E = mc^2} \quad a \equiv b \pmod{n} \quad \mathtt{loss} \quad X^\intercal"#,
        #"\Pr\left[\,\sup_{f\in\mathcal{F}} \left| \frac{1}{m}\sum_{i=1}^m f(z_i) - \mathbb{E} f \right| > \epsilon \right] \le 2\,\mathcal{N}\!\left(\mathcal{F}, \tfrac{\epsilon}{8}\right) e^{-m\epsilon^2/128}"#,
        #"\left\langle \nabla_W \mathcal{L}, \Delta W \right\rangle_F = \operatorname{tr}\!\left( \frac{\partial \mathcal{L}}{\partial W}^{\!\top} \Delta W \right) \quad \sqrt{\sqrt{\sqrt{x}}} \quad \sqrt{\frac{\displaystyle\sum_{i} x_i^2}{n}}"#,
        #"\begin{array}{c|cc} & x & y \\ \hline a & 1 & 2 \\ b & 3 & 4 \end{array} \qquad |x| = \begin{cases} x & \text{if $x \ge 0$,} \\ -x & \text{otherwise} \end{cases}"#,
        #"\unknowncommand{x} + 1"#,
    ]

    /// Formulas in text style between words of Latin Modern Roman on one baseline, as in a paragraph.
    static func drawInline(renderer: MathRenderer, kind: Canvas.Kind, size: Double = 11) -> [UInt8] {
        let lines: [[String]] = [
            ["For a ReLU net with weights", #"W_{ij} \sim \mathcal{N}(0, \sigma^2/n)"#, "and no biases,"],
            ["we find", #"\mathbb{E}\,\mathrm{Length}(\Phi^{(\ell)}) = \sigma^\ell c"#, "for every depth."],
            ["The covering number", #"\mathcal{N}(\mathcal{F}, \epsilon, \|\cdot\|_\infty)"#, "grows with", #"\|W\|_{S^{2/(L-1)}}^{2/(L-1)}"#, "."],
            ["Inline", #"\sum_{i=1}^n x_i^2 \le \frac{1}{2}\int_0^1 f(x)\,dx"#, "and", #"\lim_{n\to\infty} a_n = \sqrt{2}"#, "keep scripts beside."],
            ["Here", #"\hat\beta = (X^\top X)^{+} X^\top y"#, "and", #"\binom{n}{k}"#, "and", #"\left(\frac{a}{b}\right)"#, "end."],
        ]
        let width = 520.0, margin = 24.0, leading = 26.0
        let canvas = Canvas(kind, width: width, height: 2 * margin + leading * Double(lines.count))
        var y = margin + 16
        for line in lines {
            var x = margin
            for (i, piece) in line.enumerated() {
                if i % 2 == 0 {
                    let t = TextLayout(canvas: canvas, markup: TextLayout.escape(piece), font: "Latin Modern Roman, \(Int(size))")
                    t.draw(on: canvas, at: Point(x, y - t.firstBaseline))
                    x += t.size.width + size * 0.333
                } else {
                    let f = renderer.layout(piece, style: .text, size: size)
                    f.draw(on: canvas, at: Point(x, y))
                    x += f.width + size * 0.333
                }
            }
            y += leading
        }
        return canvas.finish()
    }

    /// Every formula in display style, one per row, with a tag at the right margin.
    static func draw(renderer: MathRenderer, kind: Canvas.Kind, size: Double = 13) -> [UInt8] {
        let formulas = required + more
        let layouts = formulas.map { renderer.layout($0, style: .display, size: size) }
        let width = 560.0, margin = 24.0, gap = 10.0
        let height = layouts.reduce(2 * margin) { $0 + $1.height + gap }
        let canvas = Canvas(kind, width: width, height: height)
        var y = margin
        for l in layouts {
            y += l.ascent
            l.draw(on: canvas, at: Point((width - l.width) / 2, y))
            if let tag = l.tag { tag.draw(on: canvas, at: Point(width - margin - tag.width, y)) }
            y += l.descent + gap
        }
        return canvas.finish()
    }
}
