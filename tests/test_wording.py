"""Words a buyer reads in the reference data, the examples, the profiles and the UI: terms an audit
found wrong (issue 23) stay out. Dutch as the Taalunie writes it, names as their owners spell them,
English as a native procurement officer writes it."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
TEXTS = sorted(
    [
        *ROOT.glob("resources/**/*.json"),
        *ROOT.glob("resources/translations/**/*.po"),
        *ROOT.glob("compass/**/*.py"),
    ]
)

# What was written, and why it is wrong.
NOT_WRITTEN = {
    "hoog-risico": "one word in Dutch: hoogrisico",
    "Mosea": "the forum is the Mosae Forum",
    "WMO": "the Wet maatschappelijke ondersteuning is the Wmo",
    "huisriool verstoppingen": "verstoppingen in huisriolen",
    "distant from the labour market": "Dutch English: people facing barriers to employment",
    "lan of approach": "Dutch English (plan van aanpak): method statement",
    "Feeling of unsafety": "Dutch English (onveiligheidsgevoel): residents feel unsafe",
    "List of cooperations": "Dutch English (samenwerkingen): partnerships",
    "Administrator (alderman)": "Dutch English (bestuurder): alderman (executive councillor)",
    "Large asphalt maintenance": "Dutch English (groot onderhoud): major maintenance",
    "Sewer unblocking": "clearing blocked drains",
    "Innovatie / functionele uitvraag": "PIANOo's term: innovatiegericht inkopen (innovatiegerichte uitvraag)",
    "Innovation / functional question": "innovation-oriented question (innovatiegericht inkopen)",
}


@pytest.mark.parametrize("wrong", sorted(NOT_WRITTEN))
def test_a_word_the_audit_found_wrong_is_written_nowhere(wrong: str) -> None:
    found = [
        f"{path.relative_to(ROOT)}:{number}"
        for path in TEXTS
        if path.name != "test_wording.py"
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
        if wrong in line
    ]
    assert not found, f"{wrong!r} ({NOT_WRITTEN[wrong]}) in {found}"
