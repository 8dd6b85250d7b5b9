"""The layers stay apart: Qt only in the UI and the composition root, SQLAlchemy only in the model and
the services, and nothing below the UI imports it."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "compass"


def _modules() -> list[Path]:
    return sorted(PACKAGE.rglob("*.py"))


def _imported_roots(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


def _relative(path: Path) -> str:
    return path.relative_to(PACKAGE.parent).as_posix()


@pytest.mark.parametrize("path", _modules(), ids=_relative)
def test_qt_only_in_ui_and_app(path: Path) -> None:
    where = _relative(path)
    if where.startswith("compass/ui/") or where == "compass/app.py":
        return
    qt = {name for name in _imported_roots(path) if name.split(".")[0] in ("PySide6", "shiboken6")}
    assert not qt, f"{where} imports Qt: {sorted(qt)}"


@pytest.mark.parametrize("path", _modules(), ids=_relative)
def test_sqlalchemy_only_in_model_and_services(path: Path) -> None:
    where = _relative(path)
    if where.startswith(("compass/model/", "compass/services/")):
        return
    database = {n for n in _imported_roots(path) if n.split(".")[0] in ("sqlalchemy", "alembic")}
    assert not database, f"{where} imports the database layer: {sorted(database)}"


@pytest.mark.parametrize("path", _modules(), ids=_relative)
def test_nothing_below_the_ui_imports_it(path: Path) -> None:
    where = _relative(path)
    if where.startswith("compass/ui/") or where == "compass/app.py":
        return
    ui = {n for n in _imported_roots(path) if n.startswith("compass.ui") or n == "compass.app"}
    allowed = {"compass/cli.py": {"compass.app"}}  # the entry point starts the app
    assert ui <= allowed.get(where, set()), f"{where} imports the UI: {sorted(ui)}"


@pytest.mark.parametrize("path", _modules(), ids=_relative)
def test_ui_never_touches_the_model_directly(path: Path) -> None:
    where = _relative(path)
    if not where.startswith("compass/ui/"):
        return
    model = {n for n in _imported_roots(path) if n.startswith("compass.model")}
    assert not model, f"{where} reaches into the model layer: {sorted(model)}"
