"""Peer workloads for folio-bench suite `report-citations`: Debian's pandoc 2.17.

Renders the page folio-bench writes to .build/bench-report-citations/ (200 citations over a
300-entry bibliography, every entry listed) to standalone HTML: `cited-…` with --citeproc and
the bibliography, `uncited-…` the same Markdown without them (the citations stay as text).
Pandoc's default style, like Folio's, is Chicago author-date. The time includes pandoc's start.
Prints {"case": name, "peer": "pandoc", "seconds": …}.
"""
import json
import os
import shutil
import subprocess
import sys

from timing import seconds_per_call  # noqa: E402  (shared with every peer)

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
FOLDER = os.path.join(ROOT, ".build", "bench-report-citations")


def run(cited):
    source = os.path.join(FOLDER, "cited.md" if cited else "plain.md")
    args = ["pandoc", "-f", "markdown", "-t", "html", "--standalone", source]
    if cited:
        args += ["--citeproc"]  # the front matter names large.bib
    subprocess.run(args, check=True, stdout=subprocess.DEVNULL, cwd=FOLDER)


def main(cases):
    if shutil.which("pandoc") is None:
        return  # no peer here: folio-bench prints no row for these cases
    for case in cases:
        if case.startswith("cited-over-"):
            continue
        cited = case.startswith("cited-")
        seconds = seconds_per_call(lambda: run(cited))
        print(json.dumps({"case": case, "peer": "pandoc", "seconds": seconds}))


if __name__ == "__main__":
    main(sys.argv[1:])
