import Foundation
import Notebook
import OutputChannel
import Plot
@testable import Report

/// A paper-like notebook exercising every construct the report lays out, with synthetic
/// cell outputs (no compiler needed): sections with ids, math, lists, a task list, a quote,
/// a captioned Markdown table, footnotes, links, cross references and several figures.
enum Fixture {
    static let markdown = """
        ---
        title: Depth and the length of trajectories
        subtitle: A fixture for the report layout
        author: A. Researcher
        date: 2026-11-26
        abstract: >-
          We follow a circle through a deep random ReLU network and measure how its length grows
          with depth. The growth is exponential in the depth, with a base set by the weight variance.
        toc: true
        ---

        # Introduction {#sec-intro}

        For a ReLU net with weights $W_{ij} \\sim \\mathcal{N}(0, \\sigma^2/n)$ and no biases, the expected length
        of the image of a curve grows as $\\sigma^\\ell c$ with depth $\\ell$ (see @fig-length and @eq-growth).
        The measurement setup is in @sec-setup; the numbers are in @tbl-summary.[^raghu] More background is at
        [the Swift site](https://www.swift.org).

        [^raghu]: The argument follows Raghu et al., *On the expressive power of deep neural networks*, 2017.

        $$
        \\mathbb{E}\\,\\mathrm{Length}(\\Phi^{(\\ell)}(\\gamma)) = \\left(\\frac{\\sigma}{\\sqrt{2}}\\right)^{\\ell} c
        $$ {#eq-growth}

        Three things matter:

        1. the width $n$, which must be large;
        2. the variance $\\sigma^2$ of the weights;
           - below $2$ the length shrinks,
           - above $2$ it grows;
        3. the depth $\\ell$.

        > A random network is a random dynamical system: what a layer does to a curve, the next
        > layer does again.

        # Setup {#sec-setup}

        ## Networks

        We draw each weight independently.[^init] The code below builds the network and the curve.

        [^init]: He initialisation scales the variance by $2/n$; we keep $\\sigma$ free.

        ```swift
        //| label: fig-length
        //| caption: Length of the circle's image against depth, for three weight variances.
        let depths = Array(0...10)
        let net = MLP(widths: [2, 100, 100, 2], activation: .relu) // 2 hidden layers
        let fig = Figure(width: 360, height: 216)
        print("depth", depths.count, "seed", 0x2A, 3.5e-2)
        fig
        ```

        ## Checklist

        - [x] sample the circle
        - [x] push it through the network
        - [ ] compare with the bound

        | width | $\\sigma^2$ | growth per layer |
        |------:|:-----------:|:-----------------|
        | 100   | 1.0         | 0.71             |
        | 100   | 2.0         | 1.00             |
        | 100   | 4.0         | 1.41             |

        : Growth of the trajectory length per layer. {#tbl-summary}

        # Results

        The curve in @fig-length follows @eq-growth closely; @fig-ratio shows the ratio.
        A reference to @fig-missing is reported as an error.

        ```swift
        //| label: fig-ratio
        //| caption: Measured length divided by the prediction of @eq-growth.
        //| echo: false
        fig2
        ```

        ```swift
        //| caption: A third figure without a label.
        fig3
        ```
        """

    static func figure(_ k: Int, width: Double = 360, height: Double = 216) -> Figure {
        var fig = Figure(width: width, height: height, title: "Figure \(k)", xLabel: "depth", yLabel: "length")
        let x = (0...40).map { Double($0) / 4 }
        fig.line(x: x, y: x.map { pow(1.0 + 0.1 * Double(k), $0) }, label: "σ² = \(k)")
        fig.line(x: x, y: x.map { 1 + $0 * Double(k) / 3 }, label: "bound")
        return fig
    }

    static func notebook(path: String = "paper.md") throws -> ExecutedNotebook {
        let doc = try Document.parse(markdown, path: path)
        return ExecutedNotebook(
            document: doc,
            outputs: [
                0: [.stream(name: "stdout", text: "depth 11 seed 42 0.035\n"), .figure(figure(1))],
                1: [.figure(figure(2, width: 288, height: 180))],
                2: [.figure(figure(3, width: 252, height: 144))],
            ])
    }
}
