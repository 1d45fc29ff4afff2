"""Peer workloads for folio-bench suite `citations`: pandoc --citeproc (Debian's pandoc 2.17).

Formats the 300-entry bibliography and 200 citations folio-bench writes to
.build/bench-citations/ (large.bib, large.md) with the named CSL style, to plain text, as
Folio's `<style>-300-entries-200-cites` cases do. The time includes pandoc's start and its
Markdown reading, a few tens of milliseconds of the total.
Prints {"case": name, "peer": "pandoc --citeproc", "seconds": …}.
"""
import json
import os
import shutil
import subprocess
import sys

from timing import seconds_per_call  # noqa: E402  (shared with every peer)

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
FOLDER = os.path.join(ROOT, ".build", "bench-citations")
STYLES = "/usr/share/citation-style-language/styles"


def run(style):
    subprocess.run(
        ["pandoc", "-f", "markdown", "-t", "plain", "--citeproc", f"--csl={STYLES}/{style}.csl",
         "--bibliography=" + os.path.join(FOLDER, "large.bib"), os.path.join(FOLDER, "large.md")],
        check=True, stdout=subprocess.DEVNULL)


def main(cases):
    if shutil.which("pandoc") is None:
        return  # no peer here: folio-bench prints no row for these cases
    for case in cases:
        style = case.split("-300-")[0]
        seconds = seconds_per_call(lambda: run(style))
        print(json.dumps({"case": case, "peer": "pandoc --citeproc", "seconds": seconds}))


if __name__ == "__main__":
    main(sys.argv[1:])
