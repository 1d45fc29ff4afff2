"""Peer workloads for folio-bench suite `plot-stats`, in matplotlib. Same figure as
PlotStatsSuite.swift: 12 notched box plots of 2 000 samples each (left); two translucent
40-bin density histograms of 5 000 samples and 200 points with asymmetric y and symmetric x
error bars (right). Saved as PNG at 150 dpi and as PDF.

Prints one JSON object per case: {"case": name, "peer": "matplotlib", "seconds": median seconds per figure}.
"""
import io
import json
import sys

import numpy as np
import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
from timing import seconds_per_call  # noqa: E402  (shared with every peer)


def sample(k, n):
    i = np.arange(n)
    u = ((i * 7919 + k * 104729) % 10007) / 10007
    return k * 0.3 + u * u * 4 + np.where(i % 397 == 0, 9.0, 0.0)


GROUPS = [sample(k, 2000) for k in range(12)]
X = np.arange(200) / 20
Y = 0.2 + 0.1 * np.sin(X)
LOWER, UPPER = 0.01 + 0.002 * X, 0.02 + 0.001 * X
HIST = [sample(1, 5000) / 20, sample(2, 5000) / 25]


def stats():
    fig, (a, b) = plt.subplots(1, 2, figsize=(6.4, 3.2))
    a.boxplot(GROUPS, notch=True, patch_artist=True)
    a.set_title("boxplot")
    b.hist(HIST[0], bins=40, density=True, alpha=0.5)
    b.hist(HIST[1], bins=40, density=True, alpha=0.5)
    b.errorbar(X, Y, yerr=[LOWER, UPPER], xerr=LOWER, fmt="o", markersize=4, capsize=3)
    b.set_title("errorbar")
    return fig


def saver(fmt):
    def body():
        fig = stats()
        buf = io.BytesIO()
        fig.savefig(buf, format=fmt, **({"dpi": 150} if fmt == "png" else {}))
        plt.close(fig)
    return body


CASES = {f"stats-{fmt}": saver(fmt) for fmt in ("png", "pdf")}

if __name__ == "__main__":
    for name in sys.argv[1:]:
        if name not in CASES:
            print(f"plot-stats.py: unknown case {name}", file=sys.stderr)
            sys.exit(4)
        print(json.dumps({"case": name, "peer": "matplotlib", "seconds": seconds_per_call(CASES[name])}), flush=True)
