"""``compass export ID --tender-texts FILE.docx [--lang nl|en]`` (issue 24, item 7): the session's
requirements, criteria and conditions as a Word file, on the quick path and the full one; a file that
cannot be written is one line on stderr and exit code 2, never a traceback; the export loads
python-docx and no other renderer, Qt or the migrations."""

from __future__ import annotations

import io
import subprocess
import sys
from pathlib import Path

import docx
import pytest

from compass.cli import EXIT_ERROR, main
from compass.reference.examples import list_examples

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = next(e for e in list_examples() if "asfalt" in e.path.name)


@pytest.fixture
def database(tmp_path: Path, capsys) -> str:
    """A SQLite file holding the asphalt example as session 1."""
    url = f"sqlite:///{(tmp_path / 'x.sqlite3').as_posix()}"
    assert main(["--db", url, "import", str(EXAMPLE.path)]) == 0
    assert capsys.readouterr().out.strip() == "1"
    return url


@pytest.mark.parametrize("path_taken", ["quick", "full"])
def test_the_tender_texts_are_written_as_a_word_file(
    database: str, tmp_path: Path, capsys, monkeypatch, path_taken: str, shipped_reference
) -> None:
    if path_taken == "full":
        from compass.model import quick_snapshot

        monkeypatch.setattr(quick_snapshot, "quick_snapshot", lambda *args, **kwargs: None)
    target = tmp_path / "teksten.docx"
    assert main(["--db", database, "export", "1", "--tender-texts", str(target), "--lang", "en"]) == 0
    captured = capsys.readouterr()
    assert (captured.out, captured.err) == ("", "")
    word = docx.Document(io.BytesIO(target.read_bytes()))
    assert word.core_properties.language == "en-GB"
    headings = [p.text for p in word.paragraphs if p.style.name == "Heading 1"]
    assert headings[0] == "Programme of requirements"
    assert "Award guidelines" in headings
    cells = {cell.text for table in word.tables for row in table.rows for cell in row.cells}
    from compass.formats.files import read_file
    from compass.formats.session_file import read_session_file

    imported = read_session_file(read_file(EXAMPLE.path), shipped_reference)
    assert imported.criteria
    for criterion in imported.criteria:  # as the exchange file has them
        assert criterion["text"].strip() in cells
        assert (criterion["catalogue_id"] or "own text") in cells


def test_the_language_of_the_document_is_chosen_apart_from_the_apps(
    database: str, tmp_path: Path, monkeypatch
) -> None:
    monkeypatch.setenv("LANGUAGE", "en")
    target = tmp_path / "teksten.docx"
    assert main(["--db", database, "export", "1", "--tender-texts", str(target), "--lang", "nl"]) == 0
    word = docx.Document(io.BytesIO(target.read_bytes()))
    assert word.core_properties.language == "nl-NL"
    headers = {table.rows[0].cells[1].text for table in word.tables}
    assert {"Eis (minimumeis)", "Gunningscriterium", "Contractbepaling"} <= headers


@pytest.mark.parametrize("where", ["missing folder", "a folder", "no name"])
def test_a_file_that_cannot_be_written_is_one_line_and_exit_2(
    database: str, tmp_path: Path, capsys, where: str
) -> None:
    target = {
        "missing folder": str(tmp_path / "nowhere" / "x.docx"),
        "a folder": str(tmp_path),
        "no name": "",
    }
    assert main(["--db", database, "export", "1", "--tender-texts", target[where]]) == EXIT_ERROR
    captured = capsys.readouterr()
    lines = captured.err.splitlines()
    assert len(lines) == 1 and lines[0].startswith("compass: Cannot write"), captured.err
    assert "Traceback" not in captured.err and "unexpected" not in captured.err
    assert not list(tmp_path.glob("*.partial"))


def test_no_traceback_from_the_real_command(database: str, tmp_path: Path) -> None:
    missing = tmp_path / "nowhere" / "x.docx"
    for arguments in (
        ["export", "1", "--tender-texts", str(missing)],
        ["export", "99", "--tender-texts", str(tmp_path / "x.docx")],
        ["export", "1", "--tender-texts", str(tmp_path / "x.docx"), "--pdf", str(tmp_path / "x.pdf")],
        ["export", "1", "--tender-texts", str(tmp_path / "x.docx"), "--lang", "de"],
    ):
        result = subprocess.run(
            [sys.executable, "-m", "compass", "--db", database, *arguments],
            capture_output=True,
            text=True,
            cwd=ROOT,
        )
        assert result.returncode == EXIT_ERROR, arguments
        assert "Traceback" not in result.stderr
        assert len(result.stderr.strip().splitlines()) in (1, 2), result.stderr  # argparse: usage + error
        assert result.stderr.strip().splitlines()[-1].startswith("compass"), result.stderr


def test_the_export_loads_python_docx_and_no_other_renderer(database: str, tmp_path: Path) -> None:
    target = tmp_path / "out.docx"
    script = (
        "import sys\n"
        "from compass.cli import main\n"
        f"code = main(['--db', {database!r}, 'export', '1', '--tender-texts', {str(target)!r}])\n"
        "print(code, sorted({m.split('.')[0] for m in sys.modules}), file=sys.stderr)\n"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=ROOT)
    code, loaded = result.stderr.strip().split(" ", 1)
    assert code == "0" and target.stat().st_size > 0
    assert "'docx'" in loaded
    for module in ("reportlab", "PySide6", "alembic"):
        assert f"'{module}'" not in loaded, module
