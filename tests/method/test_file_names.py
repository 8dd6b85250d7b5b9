"""File names proposed from titles (issue 21, item 6): one name, no folder, creatable everywhere."""

from __future__ import annotations

from pathlib import PurePosixPath, PureWindowsPath

import pytest
from hypothesis import given
from hypothesis import strategies as st

from compass.method.file_names import MAX_STEM_BYTES, clean_stem, file_name_for

RESERVED = {"CON", "PRN", "AUX", "NUL"} | {f"{d}{n}" for d in ("COM", "LPT") for n in range(1, 10)}


@pytest.mark.parametrize(
    ("title", "name"),
    [
        ("/etc/cron.d/x", "etc-cron.d-x.json"),
        ("Inkoop 2027/2028 wegen", "Inkoop 2027-2028 wegen.json"),
        ("..\\..\\Windows\\win.ini", "Windows-win.ini.json"),
        ("Asfalt: groot onderhoud", "Asfalt groot onderhoud.json"),
        ('Kleding "werk" <2025>?*|', "Kleding werk 2025.json"),
        ("Schoonmaak\u00a0\u2028 Zuid\t", "Schoonmaak Zuid.json"),
        ("Cat\u00e9ring \u00e9\u00e9n \U0001f33f", "Cat\u00e9ring \u00e9\u00e9n \U0001f33f.json"),
        ("invoice\u202efdp.exe", "invoicefdp.exe.json"),  # no right-to-left override
        ("CON", "_CON.json"),
        ("nul.tar", "_nul.tar.json"),
        ("com1 ", "_com1.json"),
        ("Lpt9.backup", "_Lpt9.backup.json"),
        ("COM10", "COM10.json"),  # only COM1 to COM9 are devices
        ("CONTRACT", "CONTRACT.json"),
        ("...", "session.json"),
        ("", "session.json"),
        ("\x00\x1b[2J", "[2J.json"),
        ("-rf", "rf.json"),
        ("Wegen. ", "Wegen.json"),
        (".verborgen", "verborgen.json"),
    ],
)
def test_examples(title: str, name: str) -> None:
    assert file_name_for(title, ".json", "session") == name


def test_a_long_title_is_cut_between_characters() -> None:
    name = file_name_for("\u00e9" * 300, ".pdf", "strategy")
    assert name == "\u00e9" * (MAX_STEM_BYTES // 2) + ".pdf"
    assert len(file_name_for("x" * 10_000, ".json", "s").encode()) <= 255


def test_a_fallback_is_cleaned_too() -> None:
    assert file_name_for("///", ".json", "a/b") == "a-b.json"
    assert file_name_for("", ".json", "") == "file.json"


@given(st.text(), st.sampled_from([".json", ".pdf", ".docx"]))
def test_any_title_gives_one_name_in_the_folder(title: str, extension: str) -> None:
    name = file_name_for(title, extension, "session")
    stem = name[: -len(extension)]
    assert name.endswith(extension) and stem
    for flavour in (PurePosixPath, PureWindowsPath):
        proposed = flavour("folder") / name
        assert proposed.parent == flavour("folder") and proposed.name == name
    assert "/" not in name and "\\" not in name
    assert not any(ord(c) < 0x20 or 0x7F <= ord(c) <= 0x9F for c in name)
    assert not any(c in '<>:"|?*' for c in name)
    assert stem.split(".")[0].rstrip(" ").upper() not in RESERVED
    assert stem == stem.strip(" .") and not stem.startswith("-")
    assert len(stem.encode("utf-8")) <= MAX_STEM_BYTES
    name.encode("utf-8")  # no lone surrogate: every file system can store it


@given(st.text())
def test_a_clean_stem_stays_as_it_is(title: str) -> None:
    stem = clean_stem(title)
    assert clean_stem(stem) == stem


@given(st.text(alphabet=st.characters(categories=["L", "N"]), min_size=1, max_size=50))
def test_letters_and_digits_are_kept_as_typed(title: str) -> None:
    if title.upper() not in RESERVED and not title.upper().startswith(tuple(RESERVED)):
        assert file_name_for(title, ".json", "session") == f"{title}.json"
