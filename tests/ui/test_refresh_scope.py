"""A change refreshes what it changed (issue 20): the visible page and the step list at once, a hidden
page when it is shown, a page not yet visited never; and the view of this desk's own fact edit comes
from the snapshot the save built, not from a second read of every row."""

from __future__ import annotations

from compass.core.session import Collection, EntryKind, EntrySource
from compass.method.steps import Step
from compass.ui.pages.summary import SummaryPage


def _open(make_window):
    window = make_window()
    session = window.services.sessions.create_session("Asfalt")
    window.open_session(session.id)
    return window, session.id


def test_pages_are_built_when_first_shown(qtbot, make_window) -> None:
    window, _session_id = _open(make_window)
    built = {page.step for page in window.wizard.pages.built()}
    assert built == {Step.FACTS}
    window.wizard.go_to(Step.SUMMARY)
    assert {page.step for page in window.wizard.pages.built()} == {Step.FACTS, Step.SUMMARY}


def test_an_edit_refreshes_the_visible_page_and_a_hidden_one_when_it_is_shown(
    qtbot, make_window, monkeypatch
) -> None:
    window, session_id = _open(make_window)
    wizard = window.wizard
    wizard.go_to(Step.INVENTORY)
    wizard.go_to(Step.SUMMARY)  # built, then hidden
    summary = wizard.pages.built_page(Step.SUMMARY)
    assert isinstance(summary, SummaryPage)
    wizard.go_to(Step.INVENTORY)
    rendered: list[int] = []
    marked: list[dict] = []
    monkeypatch.setattr(wizard.step_list, "set_complete", marked.append)
    original = SummaryPage.load
    monkeypatch.setattr(
        SummaryPage, "load", lambda page, snapshot: rendered.append(1) or original(page, snapshot)
    )

    window.services.sessions.add_item(
        session_id,
        Collection.INVENTORY,
        sdg=13,
        kind=EntryKind.RISK,
        source=EntrySource.MATERIALS,
        description="CO₂ van asfaltcentrales",
    )
    inventory = wizard.pages.built_page(Step.INVENTORY)
    qtbot.waitUntil(lambda: inventory.snapshot is not None and len(inventory.snapshot.inventory) == 1)
    assert rendered == []  # the hidden summary did not build the document again
    assert marked and marked[-1][Step.INVENTORY]  # the step list shows step 1 done
    wizard.go_to(Step.SUMMARY)
    assert rendered == [1]
    assert len(summary.snapshot.inventory) == 1


def test_a_fact_edit_is_shown_from_the_snapshot_its_save_built(qtbot, make_window, monkeypatch) -> None:
    window, session_id = _open(make_window)
    page = window.wizard.pages[Step.FACTS]
    sessions = window.services.sessions
    reads: list[int] = []
    original = type(sessions).get_session
    monkeypatch.setattr(
        type(sessions), "get_session", lambda service, sid: reads.append(sid) or original(service, sid)
    )
    page.editor("location").setText("Heerlen-Noord")
    page.flush()
    qtbot.waitUntil(lambda: window.wizard.snapshot.facts.location == "Heerlen-Noord")
    assert reads == []
    assert window.wizard.snapshot == original(sessions, session_id)


def test_the_latest_snapshot_never_outlives_a_later_change(service) -> None:
    session = service.create_session("Asfalt")
    changed = service.update_facts(session.id, location="Heerlen")
    assert service.latest_session(session.id) == changed == service.get_session(session.id)
    service.update_facts(session.id, location="Kerkrade")
    service.add_item(
        session.id,
        Collection.INVENTORY,
        sdg=13,
        kind=EntryKind.RISK,
        source=EntrySource.MATERIALS,
        description="CO₂",
    )
    shown = service.latest_session(session.id)  # the item's change built none: read as stored
    assert shown.facts.location == "Kerkrade" and len(shown.inventory) == 1
    service.update_facts(session.id, location="Landgraaf")
    service.announce(session.id)  # "show what is stored" reads again
    assert service.latest_session(session.id) == service.get_session(session.id)
    assert service.latest_session(session.id).facts.location == "Landgraaf"
