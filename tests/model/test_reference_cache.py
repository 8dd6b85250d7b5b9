"""The reference data is checked against its schema once per version of the files (decision 011): a
load that finds the marker of its exact files skips the schema, and a changed file is refused as
before, with the same message."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from compass.core.errors import ReferenceDataError
from compass.paths import resource_path, user_cache_dir
from compass.reference import loading
from compass.reference.loading import load_reference_data


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    folder = tmp_path / "data"
    shutil.copytree(resource_path("data"), folder)
    return folder


def _markers() -> list[Path]:
    folder = user_cache_dir() / "reference-checked"
    return sorted(folder.iterdir()) if folder.is_dir() else []


def _schema_must_not_run(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object) -> None:
        raise AssertionError("the schema check ran although these files passed it before")

    monkeypatch.setattr(loading, "_Schema", refuse)


def test_the_second_load_of_the_same_files_skips_the_schema(monkeypatch) -> None:
    assert _markers() == []
    first = load_reference_data()
    (marker,) = _markers()
    assert marker.name.startswith(loading.__version__ + "-")
    _schema_must_not_run(monkeypatch)
    assert load_reference_data() == first


def test_a_file_changed_after_it_passed_is_refused_with_todays_message(
    data_copy: Path, tmp_path, monkeypatch
) -> None:
    load_reference_data(data_copy)
    assert len(_markers()) == 1
    path = data_copy / "themes.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    data["themes"][1]["name"].pop("nl")
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(ReferenceDataError) as cached:
        load_reference_data(data_copy)
    assert len(_markers()) == 1  # a refused set of files leaves no marker
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "another-cache"))
    with pytest.raises(ReferenceDataError) as fresh:
        load_reference_data(data_copy)
    assert str(cached.value) == str(fresh.value)
    assert str(cached.value).startswith("themes.json: themes[1] (circular)")


def test_one_changed_byte_is_another_version(data_copy: Path, monkeypatch) -> None:
    load_reference_data(data_copy)
    path = data_copy / "urgency.json"
    path.write_bytes(path.read_bytes().replace(b'"year"', b'"year" ', 1))  # the same data, other bytes
    checked: list[str] = []
    real = loading._Schema

    class Spy(real):  # type: ignore[misc, valid-type]
        def check(self, name: str, data: object) -> None:
            checked.append(name)
            super().check(name, data)

    monkeypatch.setattr(loading, "_Schema", Spy)
    load_reference_data(data_copy)
    assert checked == list(loading.DATA_FILES)
    assert len(_markers()) == 2


def test_a_damaged_file_is_refused_whatever_the_cache_says(data_copy: Path) -> None:
    load_reference_data(data_copy)
    (data_copy / "criteria.json").write_bytes(b"\x00\x01 damaged")
    with pytest.raises(ReferenceDataError, match=r"criteria\.json: file: not valid JSON"):
        load_reference_data(data_copy)


def test_a_cache_that_cannot_be_written_only_costs_time(tmp_path: Path, monkeypatch) -> None:
    blocked = tmp_path / "cache-is-a-file"
    blocked.write_text("", encoding="utf-8")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocked))
    assert load_reference_data() == load_reference_data()


def test_a_command_after_the_first_does_not_import_jsonschema(tmp_path: Path) -> None:
    """The whole point for the command line: once checked, loading needs no jsonschema at all."""
    import subprocess
    import sys

    script = (
        "import sys\n"
        "from compass.reference.loading import load_reference_data\n"
        "load_reference_data()\n"
        "print('jsonschema' in sys.modules)\n"
    )
    first = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    second = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert (first.stdout.strip(), second.stdout.strip()) == ("True", "False")
