"""Speed of the tender strategy document (issue 20): seconds from a session's snapshot to the bytes of
its PDF or Word file (``build_document`` + render), in-process, the median of several runs after a
warm-up run.

- ``pdf_largest_example``: the largest shipped example, in Dutch, as PDF;
- ``big_session_pdf`` / ``big_session_docx``: the big session of ``benchmarks/big_session.py``
  (1,000 risks and opportunities, 200 criteria, 200 indicators), in Dutch;
- ``big_session_pdf_long_texts``: the same session with every free text 300 characters long.

    python benchmarks/documents.py [--runs N]     the figures
    python benchmarks/documents.py --examples     every example, both languages, PDF and Word
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

if __package__ in (None, ""):  # run as a script: the repository's root holds the benchmarks package
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.big_session import make_big_session
from benchmarks.common import Figure, repeat, timed
from compass.core.session import SessionSnapshot
from compass.formats.document.build import build_document
from compass.formats.document.model import Document
from compass.formats.docx.render import render_docx
from compass.formats.pdf.render import render_document
from compass.formats.session_file import read_session_file
from compass.model.database import open_database
from compass.reference.examples import list_examples
from compass.reference.loading import load_reference_data
from compass.reference.types import ReferenceData
from compass.services import SessionService

LONG_TEXT = 300  # characters of every free text in the long-texts figure
LONG_TEXTS_GOAL = 3.0  # seconds; what this machine achieves, with room (see the figure's note)

Render = Callable[[Document], bytes]


@contextmanager
def _service() -> Iterator[tuple[SessionService, ReferenceData]]:
    reference = load_reference_data()
    with tempfile.TemporaryDirectory(prefix="compass-bench-") as folder:
        database = open_database(f"sqlite:///{folder}/documents.sqlite3")
        try:
            yield SessionService(database, reference), reference
        finally:
            database.dispose()


def _largest_example(service: SessionService, reference: ReferenceData) -> tuple[str, SessionSnapshot]:
    example = max(list_examples(), key=lambda e: e.path.stat().st_size)
    imported = read_session_file(example.path.read_bytes(), reference)
    return example.path.stem, service.import_session(imported)


def _samples(
    snapshot: SessionSnapshot, reference: ReferenceData, render: Render, runs: int, language: str = "nl"
) -> list[float]:
    return repeat(lambda: timed(lambda: render(build_document(snapshot, reference, language))), runs)


def figures(runs: int) -> list[Figure]:
    with _service() as (service, reference):
        name, example = _largest_example(service, reference)
        big = service.get_session(make_big_session(service))
        long_texts = service.get_session(make_big_session(service, text_length=LONG_TEXT))
        session = "1,000 risks, 200 criteria, 200 indicators (benchmarks/big_session.py)"
        how = f"build_document + render in-process, Dutch, median of {runs} after a warm-up"
        return [
            Figure(
                "pdf_largest_example",
                f"PDF of the largest example ({name})",
                _samples(example, reference, render_document, runs),
                goal=0.2,
                ceiling=0.6,
                notes=[how],
            ),
            Figure(
                "big_session_pdf",
                "PDF of a big session",
                _samples(big, reference, render_document, runs),
                goal=2.0,
                ceiling=6.0,
                notes=[session, how],
            ),
            Figure(
                "big_session_docx",
                "Word file of a big session",
                _samples(big, reference, render_docx, runs),
                goal=1.0,
                ceiling=3.0,
                notes=[session, how],
            ),
            Figure(
                "big_session_pdf_long_texts",
                f"PDF of a big session, every text {LONG_TEXT} characters",
                _samples(long_texts, reference, render_document, runs),
                goal=LONG_TEXTS_GOAL,
                ceiling=3 * LONG_TEXTS_GOAL,
                notes=[
                    session,
                    how,
                    f"goal {LONG_TEXTS_GOAL} s: about 2.0 s measured on 2 shared cores, with room",
                ],
            ),
        ]


def every_example(runs: int) -> None:
    """Each shipped example in both languages as PDF and as Word file, the median of each."""
    with _service() as (service, reference):
        for example in list_examples():
            snapshot = service.import_session(read_session_file(example.path.read_bytes(), reference))
            for language in ("nl", "en"):
                for kind, render in (("pdf", render_document), ("docx", render_docx)):
                    median = statistics.median(_samples(snapshot, reference, render, runs, language))
                    print(f"{example.path.stem:32} {language} {kind:5} median {median * 1000:6.0f} ms")


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--examples", action="store_true", help="every example, both languages")
    args = parser.parse_args()
    if args.examples:
        every_example(args.runs)
        return 0
    for figure in figures(args.runs):
        print(
            f"{figure.name:55} median {figure.value:6.3f} {figure.unit} "
            f"(min {min(figure.samples):.3f}, max {max(figure.samples):.3f}; goal <= {figure.goal}, "
            f"ceiling {figure.ceiling}): {figure.verdict}"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
