"""The parts keep to the arrows that docs/architecture.md draws. This test reads the tables in that
document and checks every import of every module: absolute and relative, at the top, inside functions
and under ``TYPE_CHECKING``. Changing an allowed direction means changing the document."""

from __future__ import annotations

import ast
import re
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "compass"
DESCRIPTION = ROOT / "docs" / "architecture.md"


@dataclass(frozen=True)
class Part:
    name: str
    paths: tuple[str, ...]
    may_import: frozenset[str]


def _table(heading: str) -> list[list[str]]:
    """The rows of the first table under ``## heading``, header and rule left out."""
    text = DESCRIPTION.read_text(encoding="utf-8")
    section = text.split(f"## {heading}\n", 1)[1].split("\n## ", 1)[0]
    rows = [line for line in section.splitlines() if line.startswith("|")]
    return [[cell.strip() for cell in row.strip("|").split("|")] for row in rows[2:]]


def _paths(cell: str) -> tuple[str, ...]:
    return tuple(re.findall(r"`([^`]+)`", cell))


def _names(cell: str) -> frozenset[str]:
    return frozenset(name.strip() for name in cell.split(",") if name.strip())


PARTS = [Part(name, _paths(paths), _names(allowed)) for name, paths, allowed in _table("Parts")]
LIBRARIES = [(_names(libraries), _paths(places)) for libraries, places in _table("Libraries")]


def _module_path(module: str) -> str | None:
    """``compass.core.session`` -> ``compass/core/session.py`` (or a package's ``__init__.py``)."""
    base = ROOT.joinpath(*module.split("."))
    for candidate in (base.with_suffix(".py"), base / "__init__.py"):
        if candidate.is_file():
            return candidate.relative_to(ROOT).as_posix()
    return None


def part_of(where: str) -> Part | None:
    matches = [
        (len(path), part)
        for part in PARTS
        for path in part.paths
        if where == path or (path.endswith("/") and where.startswith(path))
    ]
    return max(matches, key=lambda match: match[0])[1] if matches else None


def imported_modules(path: Path) -> set[str]:
    return imports_in(path.read_text(encoding="utf-8"), path.relative_to(ROOT).as_posix())


def imports_in(source: str, where: str) -> set[str]:
    """Every module the source at ``where`` imports, relative imports resolved to absolute names."""
    package = where.split("/")[:-1]
    found: set[str] = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package[: len(package) - (node.level - 1)]
                module = ".".join(base + ([node.module] if node.module else []))
            else:
                module = node.module or ""
            found.add(module)
            # ``from compass.model import orm`` imports the module compass.model.orm
            found.update(f"{module}.{alias.name}" for alias in node.names)
    return found


def _modules() -> list[Path]:
    return sorted(p for p in PACKAGE.rglob("*.py") if "__pycache__" not in p.parts)


def _relative(path: Path) -> str:
    return path.relative_to(ROOT).as_posix()


def test_the_description_names_every_part_it_allows() -> None:
    names = {part.name for part in PARTS}
    assert {"core", "method", "formats", "model", "services", "ui"} <= names
    for part in PARTS:
        assert part.may_import <= names, f"{part.name} may import an unknown part"


@pytest.mark.parametrize("path", _modules(), ids=_relative)
def test_every_module_belongs_to_a_part(path: Path) -> None:
    assert part_of(_relative(path)) is not None, f"{_relative(path)} is in no part of {DESCRIPTION.name}"


@pytest.mark.parametrize("path", _modules(), ids=_relative)
def test_imports_follow_the_arrows(path: Path) -> None:
    where = _relative(path)
    own = part_of(where)
    assert own is not None
    wrong = []
    for module in sorted(imported_modules(path)):
        if not module.startswith("compass"):
            continue
        target = _module_path(module)
        if target is None:  # a name imported from a module, not a module
            continue
        other = part_of(target)
        if other is not None and other is not own and other.name not in own.may_import:
            wrong.append(f"{module} ({other.name})")
    assert not wrong, f"{where} ({own.name}) may not import: {', '.join(wrong)}"


@pytest.mark.parametrize("path", _modules(), ids=_relative)
def test_libraries_stay_in_their_places(path: Path) -> None:
    where = _relative(path)
    roots = {module.split(".")[0].lower() for module in imported_modules(path)}
    for libraries, places in LIBRARIES:
        used = roots & {library.lower() for library in libraries}
        allowed = any(
            where == place or (place.endswith("/") and where.startswith(place)) for place in places
        )
        assert not used or allowed, f"{where} imports {sorted(used)}, allowed only in {places}"


def test_the_check_sees_relative_and_late_imports() -> None:
    """The check itself: the imports a review found slipping through are caught."""
    source = "from ..model import database\n\ndef later():\n    from compass.model import orm\n"
    found = imports_in(source, "compass/ui/probe.py")
    assert {"compass.model.database", "compass.model.orm"} <= found
    ui, model = part_of("compass/ui/probe.py"), part_of("compass/model/orm.py")
    assert ui is not None and model is not None and model.name not in ui.may_import


GLOBAL_LANGUAGE = {"_", "ngettext", "pgettext", "current_language", "set_language"}


@pytest.mark.parametrize(
    "path", sorted((PACKAGE / "method").glob("*.py")), ids=lambda path: path.relative_to(ROOT).as_posix()
)
def test_the_method_holds_no_global_language_state(path: Path) -> None:
    """Rules return problems with untranslated templates (N_) and take the language as a parameter,
    so a document can be made in another language than the app speaks, on any thread."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    used = {
        alias.name
        for node in ast.walk(tree)
        if isinstance(node, ast.ImportFrom) and node.module == "compass.i18n"
        for alias in node.names
    }
    assert not used & GLOBAL_LANGUAGE, (
        f"{path.name} uses the app's language: {sorted(used & GLOBAL_LANGUAGE)}"
    )
