"""Peer workloads for folio-bench suite `report`, in matplotlib (PDF backend, mathtext).

Writes, in memory, a 20-page PDF with the same text per page, 10 line figures and 30 formulas
as Folio's `pdf-20-pages` case. Prints {"case": name, "peer": "matplotlib", "seconds": …}.
"""
import io
import json
import math
import sys
import time
import textwrap

import matplotlib
matplotlib.use("pdf")
import matplotlib.pyplot as plt
from matplotlib.backends.backend_pdf import PdfPages
from timing import seconds_per_call  # noqa: E402  (shared with every peer)


SENTENCE = ("The length of a curve pushed through a deep random network grows with every layer, "
            "and the rate is set by the variance of the weights and the width of the layers. ")


def report():
    buf = io.BytesIO()
    formula = 0
    figure = 0
    with PdfPages(buf, metadata={"CreationDate": None, "ModDate": None}) as pdf:
        for s in range(1, 21):
            fig = plt.figure(figsize=(8.27, 11.69))
            fig.text(0.1, 0.93, f"{s}  Section {s}", fontsize=14, weight="bold")
            y = 0.9
            for p in range(5):
                para = SENTENCE * 3
                if p == 0 and formula < 30:
                    formula += 1
                    para += r"Inline, $\sigma_{%d}^2 = \frac{2}{n}$ holds. " % s
                fig.text(0.1, y, "\n".join(textwrap.wrap(para, 95)), fontsize=10.5, va="top")
                y -= 0.11
            if formula < 30:
                formula += 1
                fig.text(0.5, y, r"$\mathbb{E}\,L_{%d} = \left(\frac{\sigma}{\sqrt{2}}\right)^{\ell} c$" % s,
                         fontsize=10.5, ha="center", va="top")
                y -= 0.05
            if s % 2 == 0 and figure < 10:
                figure += 1
                ax = fig.add_axes([0.2, 0.1, 0.6, 0.25])
                x = [i / 20 for i in range(200)]
                ax.plot(x, [1.1 ** v + math.sin(figure - 1 + v) for v in x], label="measured")
                ax.set_title(f"Figure {figure}")
                ax.set_xlabel("depth")
                ax.set_ylabel("length")
                fig.text(0.5, 0.05, f"Figure {figure}: Figure {figure} of the benchmark.", ha="center", fontsize=9.5)
            pdf.savefig(fig)
            plt.close(fig)
    return buf.getvalue()


CASES = {"pdf-20-pages": lambda: report}

for name in sys.argv[1:]:
    if name not in CASES:
        print(f"report.py: unknown case {name}", file=sys.stderr)
        sys.exit(4)
    print(json.dumps({"case": name, "peer": "matplotlib", "seconds": seconds_per_call(CASES[name]())}), flush=True)
