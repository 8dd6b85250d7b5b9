"""A session whose every text that reaches the strategy document is as long as the app accepts
(``compass.method.fields.TEXT_LIMITS``), made through the services so every rule a user meets applies.

Each text ends in a marker word of its own (``end_marker``), so a test can tell that nothing of it was
lost, and holds a word longer than any column is wide (a web address), so a test can tell that long
words stay on the page. ``make_long_session(..., text=one_word)`` makes texts single words instead:
the worst a user can type."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from decimal import Decimal

from compass.core.codes import SHORT_TEXT_MAX_LENGTH
from compass.core.profile import OrganisationProfile
from compass.core.session import (
    AmbitionLevel,
    Channel,
    Collection,
    CommunicationMoment,
    CriterionType,
    EntryKind,
    EntrySource,
    IndicatorKind,
    MeasurementMoment,
    Procedure,
    TenderRiskCategory,
)
from compass.method.fields import TEXT_LIMITS
from compass.services import ProfileService, SessionService

POLICY_REQUIREMENT = "crit-8-social-return-100k"
PROSE = (
    "De opdrachtnemer beperkt de CO₂-uitstoot van transport en materieel, bundelt de bouwlogistiek en "
    "plant de aanvoer buiten de spits; vrijkomend asfalt wordt hoogwaardig hergebruikt in de regio."
)
PROSE_WORDS = PROSE.split()
LONG_WORD = 300  # characters: a web address wider than any column, at 8.5 points about 1.8 page widths

# Texts the services store that the document does not show: references to catalogue or profile items
# (shown by what they refer to), and notes kept for the team.
NOT_IN_DOCUMENT = frozenset(
    {
        ("inventory", "theme"),
        ("inventory", "suggestion_id"),
        ("initiatives", "description"),
        ("initiatives", "profile_initiative_ref"),
        ("criteria", "catalogue_id"),
        ("indicators", "catalogue_id"),
        ("measurements", "note"),
        ("policy_reasons", "criterion_id"),
    }
)
# Texts with a limit of their own outside TEXT_LIMITS: who brought an idea into a dialogue.
CONTRIBUTORS = {"inventory": SHORT_TEXT_MAX_LENGTH, "criteria": SHORT_TEXT_MAX_LENGTH}


def shown_fields() -> Iterator[tuple[str, str, int]]:
    """(section, field, limit) of every text the document shows."""
    for section, limits in TEXT_LIMITS.items():
        for name, limit in limits.items():
            if (section, name) not in NOT_IN_DOCUMENT:
                yield section, name, limit
    for section, limit in CONTRIBUTORS.items():
        yield section, "contributor", limit


def end_marker(section: str, name: str) -> str:
    """The last word of a field's text: letters only, so no renderer breaks it (nor a search)."""
    return "Einde" + "".join(part.capitalize() for part in f"{section}_{name}".split("_"))


def web_address(length: int) -> str:
    address = "https://www.example.org/aanbesteding/documenten/"
    while len(address) < length:
        address += "bijlage-duurzaamheid-en-circulariteit/"
    return address[:length]


def long_text(section: str, name: str, limit: int) -> str:
    """A text of exactly ``limit`` characters ending in the field's marker: prose with a web address
    in it."""
    marker = end_marker(section, name)
    room = limit - len(marker) - 1
    if room <= LONG_WORD + 1:  # a short field: a long word, then the marker
        return web_address(room) + " " + marker
    words = [web_address(LONG_WORD)]
    size = LONG_WORD
    index = 0
    while size < room:
        words.append(PROSE_WORDS[index % len(PROSE_WORDS)])
        size += len(words[-1]) + 1
        index += 1
    text = " ".join(words)[:room].rstrip()
    return text + " " * (room - len(text)) + " " + marker


def one_word(section: str, name: str, limit: int) -> str:
    """A single word of ``limit`` characters ending in the field's marker, for every short text (a
    name, a place, a role) and for one long text of each way the document shows one: in a facts
    table, in a data table (twice: step 1 and the dialogue's ideas), in a list and as a paragraph.
    Every other long text goes the same ways: it is just its marker, which keeps the test quick."""
    marker = end_marker(section, name)
    if limit > SHORT_TEXT_MAX_LENGTH and (section, name) not in ONE_WORD_LONG_TEXTS:
        return marker
    return web_address(limit - len(marker)) + marker


ONE_WORD_LONG_TEXTS = frozenset(
    {
        ("facts", "scope"),
        ("inventory", "description"),
        ("priorities", "focus_reason"),
        ("dialogues", "notes"),
    }
)
Text = Callable[[str, str, int], str]


def make_long_session(sessions: SessionService, profiles: ProfileService, text: Text = long_text) -> int:
    """A session with one item in every list and ``text(section, field, limit)`` in every text the
    document shows; returns its id."""

    def texts(section: str) -> dict[str, str]:
        return {name: text(part, name, limit) for part, name, limit in shown_fields() if part == section}

    profile_id = profiles.create_profile(
        OrganisationProfile(
            "Gemeente Voorbeeldstad",
            social_return_threshold_eur=Decimal(100000),
            standard_requirements=(POLICY_REQUIREMENT,),
        )
    )
    facts = texts("facts")
    session_id = sessions.create_session(
        facts.pop("title"),
        Procedure.RESTRICTED,
        profile_id=profile_id,
        contract_value_eur=Decimal(2500000),
        publication_date=dt.date(2027, 3, 1),
        decision_date=dt.date(2027, 2, 1),
        **facts,
    ).id
    sessions.set_quality_weight(session_id, Decimal(40))
    sessions.set_policy_reason(session_id, POLICY_REQUIREMENT, texts("policy_reasons")["reason"])
    # Dialogue 1 has every text; dialogue 2 is there for the criterion brought in there.
    sessions.add_item(
        session_id, Collection.DIALOGUES, number=1, held_on=dt.date(2027, 1, 12), **texts("dialogues")
    )
    sessions.add_item(session_id, Collection.DIALOGUES, number=2)
    sessions.add_item(
        session_id, Collection.PARTICIPANTS, dialogue=1, internal=True, **texts("participants")
    )
    sessions.add_item(session_id, Collection.AGENDA, dialogue=1, planned_minutes=30, **texts("agenda"))
    sessions.add_item(
        session_id,
        Collection.INVENTORY,
        sdg=13,
        kind=EntryKind.RISK,
        source=EntrySource.MATERIALS,
        dialogue=1,
        **texts("inventory"),
    )
    sessions.set_priority(session_id, 13, selected=True, urgency=4, **texts("priorities"))
    sessions.add_item(session_id, Collection.INITIATIVES, sdg=13, **texts("initiatives"))
    sessions.set_ambition(session_id, 13, AmbitionLevel.SIGNIFICANT, **texts("ambitions"))
    sessions.add_item(
        session_id,
        Collection.CRITERIA,
        sdg=13,
        criterion_type=CriterionType.AWARD_CRITERION,
        weight_pct=Decimal(20),
        dialogue=2,
        **texts("criteria"),
    )
    indicator = texts("indicators")
    shown = sessions.add_item(
        session_id,
        Collection.INDICATORS,
        sdg=13,
        kind=IndicatorKind.QUANTITATIVE,
        baseline=Decimal(100),
        target=Decimal(80),
        measurement_moment=MeasurementMoment.AT_COMPLETION,
        **{**indicator, "assessed": "", "evidence": ""},
    )
    # The document shows an indicator's reference, or else how it is assessed and with what evidence.
    sessions.add_item(
        session_id,
        Collection.INDICATORS,
        sdg=13,
        kind=IndicatorKind.QUALITATIVE,
        **{**indicator, "reference": "", "unit": ""},
    )
    sessions.add_measurement(
        session_id,
        shown.id,
        value=Decimal(90),
        measured_on=dt.date(2028, 1, 1),
        **texts("measurements"),
    )
    sessions.add_item(
        session_id,
        Collection.COMMUNICATION,
        channel=Channel.PRESS,
        moment=CommunicationMoment.AWARD,
        **texts("communication"),
    )
    sessions.add_item(
        session_id, Collection.QUALITY_CRITERIA, weight_pct=Decimal(20), **texts("quality_criteria")
    )
    sessions.add_item(
        session_id,
        Collection.TENDER_RISKS,
        category=TenderRiskCategory.LEGAL,
        probability=2,
        impact=4,
        **texts("tender_risks"),
    )
    return session_id
