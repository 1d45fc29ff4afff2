"""Peer workloads for folio-bench suite `plot`, in matplotlib. Same figures as PlotSuite.swift:
(a) 4 lines x 10 000 points, log-y, legend, title; (b) 201x201 filled contours + lines + colorbar;
(c) 101x101 3-D surface; (d) 1024x1024 heatmap + colorbar. Each saved as PNG at 150 dpi and as PDF.

Prints one JSON object per case: {"case": name, "peer": "matplotlib", "seconds": median seconds per figure}.
`python3 scripts/peers/plot.py --colormaps` regenerates Sources/Drawing/Plot/ColormapData.swift.
"""
import io
import json
import os
import subprocess
import sys
import tempfile

import numpy as np
import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
from timing import seconds_per_call  # noqa: E402  (shared with every peer)


def peaks(x, y):
    return (3 * (1 - x) ** 2 * np.exp(-x ** 2 - (y + 1) ** 2) - 10 * (x / 5 - x ** 3 - y ** 5) * np.exp(-x ** 2 - y ** 2)
            - np.exp(-(x + 1) ** 2 - y ** 2) / 3)


def grid(n, lo, hi, f):
    v = np.linspace(lo, hi, n)
    X, Y = np.meshgrid(v, v)
    return X, Y, f(X, Y)


N = 10_000
X = np.linspace(1, 1000, N)
YS = [X ** (-0.5 * (k + 1)) * (1 + 0.1 * np.sin(X / (k + 1))) for k in range(4)]
CX, CY, CZ = grid(201, -3, 3, peaks)
LEVELS = np.arange(-8, 10.1, 2)
SX, SY, SZ = grid(101, -3, 3, peaks)
_, _, HEAT = grid(1024, 0, 20, lambda x, y: np.sin(x) * np.cos(y))


def lines():
    fig, ax = plt.subplots(figsize=(6.4, 4.8))
    for k in range(4):
        ax.plot(X, YS[k], label=f"k = {k + 1}")
    ax.set_yscale("log")
    ax.set_title("Trajectory length")
    ax.set_xlabel("x")
    ax.set_ylabel("y")
    ax.legend()
    return fig


def contour():
    fig, ax = plt.subplots(figsize=(6.4, 4.8))
    cs = ax.contourf(CX, CY, CZ, levels=LEVELS, cmap="viridis")
    ax.contour(CX, CY, CZ, levels=LEVELS, colors="k", linewidths=0.5)
    fig.colorbar(cs, ax=ax)
    return fig


def surface():
    fig = plt.figure(figsize=(6.4, 4.8))
    ax = fig.add_subplot(projection="3d")
    ax.plot_surface(SX, SY, SZ, cmap="viridis", rstride=1, cstride=1)
    return fig


def heatmap():
    fig, ax = plt.subplots(figsize=(6.4, 4.8))
    # aspect="auto": the image fills the axes, as Folio's heatmap does (imshow's default "equal"
    # would draw a square image in a 4:3 axes box: a different, smaller figure to compare with).
    im = ax.imshow(HEAT, origin="lower", cmap="viridis", interpolation="nearest", aspect="auto")
    fig.colorbar(im, ax=ax)
    return fig


def saver(make, fmt):
    def body():
        fig = make()
        buf = io.BytesIO()
        if fmt == "png":
            fig.savefig(buf, format="png", dpi=150)
        else:
            fig.savefig(buf, format="pdf")
        plt.close(fig)
    return body


CASES = {f"{name}-{fmt}": saver(make, fmt)
         for name, make in [("lines", lines), ("contour", contour), ("surface", surface), ("heatmap", heatmap)]
         for fmt in ("png", "pdf")}

# cold-pdf: a fresh interpreter imports matplotlib and saves a simple line figure (the same one as
# PlotSuite.coldFigure) to a PDF file; timed per process, like Folio's fresh folio-bench process.
COLD_SCRIPT = """
import numpy as np, matplotlib
matplotlib.use("Agg")
import matplotlib.pyplot as plt
x = np.arange(100) / 10
fig, ax = plt.subplots(figsize=(6.4, 4.8))
ax.plot(x, np.sin(x), label="sin")
ax.set_title("Cold start"); ax.set_xlabel("x"); ax.set_ylabel("y"); ax.legend()
fig.savefig(sys.argv[1])
"""


def cold_pdf():
    out = os.path.join(tempfile.gettempdir(), f"plot-peer-cold-{os.getpid()}.pdf")
    subprocess.run([sys.executable, "-c", "import sys" + COLD_SCRIPT, out], check=True)
    if os.path.getsize(out) < 1000:
        raise RuntimeError("cold-pdf: matplotlib wrote no PDF")
    os.remove(out)


CASES["cold-pdf"] = cold_pdf


def write_colormaps(path="Sources/Drawing/Plot/ColormapData.swift"):
    names = ["viridis", "magma", "inferno", "plasma", "cividis", "RdBu_r", "coolwarm"]
    out = [f"// Generated once from matplotlib {matplotlib.__version__} (`python3 scripts/peers/plot.py --colormaps` regenerates it):",
           "// 256-entry lookup tables as 0xRRGGBB, the same N = 256 sampling matplotlib uses.",
           "enum ColormapData {", "    static let tables: [String: [UInt32]] = ["]
    for n in names:
        rgba = matplotlib.colormaps[n].resampled(256)(np.arange(256))
        vals = [(int(round(r * 255)) << 16) | (int(round(g * 255)) << 8) | int(round(b * 255)) for r, g, b, _ in rgba]
        out.append(f'        "{n}": [')
        for i in range(0, 256, 8):
            out.append("            " + ", ".join("0x%06X" % v for v in vals[i:i + 8]) + ",")
        out.append("        ],")
    out += ["    ]", "}"]
    with open(path, "w") as f:
        f.write("\n".join(out) + "\n")


if __name__ == "__main__":
    if sys.argv[1:] == ["--colormaps"]:
        write_colormaps()
        sys.exit(0)
    if len(sys.argv) == 3 and sys.argv[1] == "--write":
        # Writes each figure once (mpl-<figure>.png/pdf) to compare files with Folio's.
        for case, body in CASES.items():
            if case == "cold-pdf":
                continue
            name, fmt = case.rsplit("-", 1)
            maker = dict(lines=lines, contour=contour, surface=surface, heatmap=heatmap)[name]
            fig = maker()
            fig.savefig(f"{sys.argv[2]}/mpl-{name}.{fmt}", format=fmt, dpi=150 if fmt == "png" else None)
            plt.close(fig)
        sys.exit(0)
    for name in sys.argv[1:]:
        if name not in CASES:
            print(f"plot.py: unknown case {name}", file=sys.stderr)
            sys.exit(4)
        print(json.dumps({"case": name, "peer": "matplotlib", "seconds": seconds_per_call(CASES[name])}), flush=True)
