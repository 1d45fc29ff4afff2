"""Peer workloads for folio-bench suite `preview`: the authoring loop without a preview server,
`jupyter nbconvert --execute --to html` re-run on each save of the 20-cell notebook that
`runner.py` builds (Quarto, whose `quarto preview` would be the natural peer, is on neither PyPI
nor Debian, so it cannot be installed here).

Prints one JSON object per case: {"case": name, "peer": "nbconvert", "seconds": median seconds
from the save to the new HTML}. nbconvert has no cache: every save executes the whole notebook.
"""
import json
import os
import shutil
import subprocess
import sys
import tempfile

import nbformat
from runner import notebook  # noqa: E402  (the same notebook as the runner suite's peer)
from timing import seconds_per_call  # noqa: E402


def main():
    work = tempfile.mkdtemp(prefix="folio-bench-preview-")
    path = os.path.join(work, "bench.ipynb")
    counter = [0]

    def save_and_render(nb):
        nbformat.write(nb, path)
        subprocess.run([sys.executable, "-m", "jupyter", "nbconvert", "--execute", "--to", "html",
                        "--output-dir", os.path.join(work, "out"), path],
                       check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

    def prose():
        counter[0] += 1
        save_and_render(notebook(f"Introduction, revision {counter[0]}.", ""))

    def cell():
        counter[0] += 1
        save_and_render(notebook("Introduction.", f"print('edit {counter[0]}')\n"))

    cases = {"prose-reload-20": prose, "cell-reload-20": cell}
    try:
        for name in sys.argv[1:] or cases.keys():
            if name in cases:
                print(json.dumps({"case": name, "peer": "nbconvert", "seconds": seconds_per_call(cases[name])}), flush=True)
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
