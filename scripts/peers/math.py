"""Peer workloads for folio-bench suite `math`: matplotlib's mathtext lays out and rasterizes a formula.

Prints one JSON object per case: {"case": name, "peer": "matplotlib-mathtext", "seconds": median seconds per call}.
Same formulas, size (12 pt) and resolution (144 dpi) as Folio's cases in Sources/Tools/folio-bench/MathSuite.swift.
mathtext memoizes parses, so the cache is cleared before every call: each call does the full work.
"""
import json
import sys
import time

from matplotlib.font_manager import FontProperties
from matplotlib.mathtext import MathTextParser
from timing import seconds_per_call  # noqa: E402  (shared with every peer)

FORMULAS = {
    "sum-prod": r"$\sum_{i=1}^{n} x_i^2 \leq \prod_{k=0}^{L-1} \left(1+\frac{\sigma_w}{\sqrt{k}}\right)$",
    "hat-beta": r"$\hat{\beta} = (X^\top X)^{+} X^\top y$",
    "kernel": r"$K^{(l+1)} = \sigma_w^2\,\frac{\sqrt{q_1q_2}}{2\pi}\left(\sin\theta + (\pi-\theta)\cos\theta\right) + \sigma_b^2$",
}


def case(tex):
    parser = MathTextParser("agg")
    prop = FontProperties(math_fontfamily="cm", size=12)

    def body():
        MathTextParser._parse_cached.cache_clear()
        parser.parse(tex, dpi=144, prop=prop)
    return body


for name in sys.argv[1:]:
    key = name.removeprefix("layout-draw-")
    if key not in FORMULAS:
        print(f"math.py: unknown case {name}", file=sys.stderr)
        sys.exit(4)
    print(json.dumps({"case": name, "peer": "matplotlib-mathtext",
                      "seconds": seconds_per_call(case(FORMULAS[key]))}), flush=True)
