"""Peer workloads for folio-bench suite `runner`: `jupyter nbconvert --execute --to html` on a
20-cell Python notebook equivalent to RunnerSuite's Swift one (cell i sums a thousand numbers).

Prints one JSON object per case: {"case": name, "peer": "nbconvert", "seconds": median seconds per call}.
nbconvert has no cache, so every case executes the whole notebook; the edits are still made.
"""
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time

import nbformat
from timing import seconds_per_call  # noqa: E402  (shared with every peer)

CELLS = 20


def notebook(prose, last_cell_extra):
    nb = nbformat.v4.new_notebook()
    nb.cells.append(nbformat.v4.new_markdown_cell("# Runner benchmark\n\n" + prose))
    for i in range(CELLS):
        nb.cells.append(nbformat.v4.new_markdown_cell(f"Cell {i} computes a sum."))
        code = f"v{i} = sum(float(x) * {i} for x in range(1000))\nprint('cell {i}:', v{i})\n"
        if i == CELLS - 1:
            code += last_cell_extra
        nb.cells.append(nbformat.v4.new_code_cell(code))
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    return nb


def main():
    work = tempfile.mkdtemp(prefix="folio-bench-nbconvert-")
    path = os.path.join(work, "bench.ipynb")
    counter = [0]

    def render(nb):
        nbformat.write(nb, path)
        subprocess.run([sys.executable, "-m", "jupyter", "nbconvert", "--execute", "--to", "html",
                        "--output-dir", os.path.join(work, "out"), path],
                       check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

    def cold():
        render(notebook("Introduction.", ""))

    def prose():
        counter[0] += 1
        render(notebook(f"Introduction, revision {counter[0]}.", ""))

    def cell():
        counter[0] += 1
        render(notebook("Introduction.", f"print('edit {counter[0]}')\n"))

    cases = {"cold-render-20": cold, "prose-edit-20": prose, "cell-edit-20": cell}
    try:
        for name in sys.argv[1:] or cases.keys():
            if name in cases:
                print(json.dumps({"case": name, "peer": "nbconvert", "seconds": seconds_per_call(cases[name])}), flush=True)
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
