"""Export speed of the tender strategy document: every shipped example rendered in-process to PDF and
to Word in both languages, the median of several runs each (goal: the largest example under 0.5 s).

    python benchmarks/export.py [--runs N]
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time

from compass.formats.document.build import build_document
from compass.formats.docx.render import render_docx
from compass.formats.pdf.render import render_document
from compass.formats.session_file import read_session_file
from compass.model.database import open_database
from compass.reference.examples import list_examples
from compass.reference.loading import load_reference_data
from compass.services import SessionService

GOAL_SECONDS = 0.5


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    reference = load_reference_data()
    folder = tempfile.mkdtemp()
    service = SessionService(open_database(f"sqlite:///{folder}/bench.sqlite3"), reference)
    worst = 0.0
    for example in list_examples():
        snapshot = service.import_session(read_session_file(example.path.read_bytes(), reference))
        for language in ("nl", "en"):
            for name, render in (("pdf", render_document), ("docx", render_docx)):
                times = []
                for _run in range(args.runs):
                    start = time.perf_counter()
                    render(build_document(snapshot, reference, language))
                    times.append(time.perf_counter() - start)
                median = statistics.median(times)
                worst = max(worst, median)
                print(f"{example.path.stem:32} {language} {name:5} median {median * 1000:6.0f} ms")
    verdict = "OK" if worst <= GOAL_SECONDS else "TOO SLOW"
    print(f"slowest median {worst * 1000:.0f} ms (goal <= {GOAL_SECONDS * 1000:.0f} ms): {verdict}")
    return 0 if worst <= GOAL_SECONDS else 1


if __name__ == "__main__":
    raise SystemExit(main())
