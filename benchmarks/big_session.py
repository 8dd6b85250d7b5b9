"""A big session, as a team that inventories a large works contract thoroughly would have it: every
project fact filled in, 1,000 risks and opportunities over the 17 SDGs, the priorities with their
reasons, urgency and votes, ambitions, 200 criteria of every type spread over the priority SDGs
(award criteria weighted within the quality part), 200 indicators with units, baselines and targets,
and a communication plan. Made through the public ``SessionService`` API only, so every rule a user
meets applies here too; seeded, so every run makes the same session.

Free texts are Dutch procurement prose cut from one text at a random word, so lines break and
paragraphs wrap as real ones do. ``text_length`` makes every free text that long (a short field:
as long as its limit allows).

    from benchmarks.big_session import make_big_session
    session_id = make_big_session(service)                    # 1,000 / 200 / 200
    session_id = make_big_session(service, text_length=300)   # every text 300 characters
"""

from __future__ import annotations

import datetime as dt
import random
from decimal import Decimal

from compass.core.codes import SHORT_TEXT_MAX_LENGTH, UNIT_MAX_LENGTH
from compass.core.session import (
    AmbitionLevel,
    Channel,
    Collection,
    CommunicationMoment,
    ContractKind,
    CriterionType,
    EntryKind,
    EntrySource,
    IndicatorKind,
    MeasurementMoment,
    Procedure,
    ScoringMethod,
)
from compass.services import SessionService

SEED = 20
QUALITY_WEIGHT = Decimal(60)
PRIORITY_SDGS = (3, 7, 8, 9, 11, 12, 13, 15)

PROSE = (
    "De opdrachtnemer beperkt de CO₂-uitstoot van transport en materieel door elektrisch of op HVO "
    "te werken, bouwlogistiek te bundelen en de aanvoer buiten de spits te plannen. Bij de winning "
    "van grondstoffen in de keten bestaat een risico op kinderarbeid, slechte arbeidsomstandigheden "
    "en ontbossing; de gemeente vraagt daarom een gepaste zorgvuldigheid volgens de OESO-richtlijnen "
    "en een verklaring over de herkomst van natuursteen, hout en metalen. Vrijkomend asfalt wordt "
    "hoogwaardig hergebruikt in nieuwe deklagen, zodat minder primair bitumen en grind nodig is. "
    "Omwonenden, scholen en ondernemers worden tijdig geïnformeerd over omleidingen, geluidshinder "
    "en de planning van de werkzaamheden; de bereikbaarheid voor hulpdiensten blijft gegarandeerd. "
    "Mensen met een afstand tot de arbeidsmarkt krijgen werkervaring of een leerwerkplek via Social "
    "Return, ten minste 5 % van de opdrachtwaarde, in overleg met het werkgeversservicepunt. De "
    "inschrijver toont met een milieukostenindicator (MKI) per m² aan hoe zijn ontwerp presteert "
    "ten opzichte van de referentievariant, berekend volgens de Bepalingsmethode Milieuprestatie. "
    "Beplanting in de berm versterkt de biodiversiteit: inheemse soorten, maaibeheer gefaseerd, geen "
    "chemische bestrijdingsmiddelen en ruimte voor insecten, vleermuizen en kleine zoogdieren. Het "
    "energieverbruik van openbare verlichting daalt door ledarmaturen met dimschema's en slimme "
    "sturing, gemeten in kWh per lichtpunt per jaar. De contractmanager legt de afgesproken "
    "prestaties vast in het kwartaaloverleg en rapporteert jaarlijks aan de gemeenteraad; afwijkingen "
    "worden besproken en waar nodig met een verbeterplan opgevolgd. Lokale ondernemers en sociale "
    "ondernemingen krijgen een eerlijke kans als onderaannemer; betalingstermijnen in de keten zijn "
    "ten hoogste dertig dagen. Regenwater wordt vastgehouden en geïnfiltreerd waar de bodem dat "
    "toelaat, zodat hittestress en wateroverlast in de wijk afnemen. Materialen zijn demontabel, "
    "voorzien van een materialenpaspoort en na de levensduur opnieuw inzetbaar in de regio."
)
WORDS = PROSE.split()

THEMES = ("CO₂ en klimaat", "Ketenverantwoordelijkheid", "Circulariteit", "Sociaal", "Biodiversiteit")
UNITS = ("ton CO₂", "%", "kWh/jaar", "m²", "aantal", "uur/week", "MKI €/m²", "ton")
ROLES = ("Contractmanager", "Beleidsadviseur duurzaamheid", "Projectleider", "Inkoopadviseur")
STAKEHOLDERS = ("Gemeenteraad", "Omwonenden", "Marktpartijen", "Medewerkers", "Sociale ondernemingen")
# A restricted procedure has a selection phase, so every criterion type is allowed.
TYPES = (
    CriterionType.SUITABILITY_REQUIREMENT,
    CriterionType.SELECTION_CRITERION,
    CriterionType.MINIMUM_REQUIREMENT,
    CriterionType.MINIMUM_REQUIREMENT,
    CriterionType.CONTRACT_CONDITION,
    CriterionType.CONTRACT_CONDITION,
    CriterionType.INNOVATION_QUESTION,
)
AWARD_CRITERIA = 24  # weighted 2.5 % each: 60 % quality


class _Texts:
    """Realistic Dutch text of a length: consecutive words of ``PROSE`` from a seeded start."""

    def __init__(self, rng: random.Random, length: int | None) -> None:
        self._rng = rng
        self._length = length

    def __call__(self, shortest: int, longest: int, limit: int | None = None) -> str:
        length = self._length if self._length is not None else self._rng.randint(shortest, longest)
        if limit is not None:
            length = min(length, limit)
        start = self._rng.randrange(len(WORDS))
        words: list[str] = []
        size = 0
        index = start
        while size <= length:
            word = WORDS[index % len(WORDS)]
            index += 1
            words.append(word)
            size += len(word) + 1
        text = " ".join(words)
        text = text[:length]  # the last word cut, as a field at its limit would be
        if text.endswith(" "):
            text = text[:-1] + "."
        return text[0].upper() + text[1:]


def make_big_session(
    service: SessionService,
    *,
    risks: int = 1000,
    criteria: int = 200,
    indicators: int = 200,
    text_length: int | None = None,
) -> int:
    """A new session with ``risks`` inventory entries, ``criteria`` criteria and ``indicators``
    indicators; returns its id. ``text_length``: every free text this many characters long."""
    rng = random.Random(SEED)
    words = _Texts(rng, text_length)
    short = SHORT_TEXT_MAX_LENGTH
    session = service.create_session(
        words(30, 80, limit=120),
        Procedure.RESTRICTED,
        organisation="Gemeente Voorbeeldstad",
        category=words(20, 40, limit=short),
        contract_kind=ContractKind.WORKS,
        duration=words(60, 160, limit=short),
        procedure_reason=words(300, 700),
        lots=words(150, 400),
        scoring_method=ScoringMethod.WEIGHTED_POINTS,
        innovation_pilot=True,
        contract_value_eur=Decimal("12500000"),
        publication_date=dt.date(2027, 3, 1),
        project_leader="A. de Vries",
        procurement_adviser="B. Jansen",
        budget_holder="C. Bakker",
        decision_date=dt.date(2027, 2, 1),
        location=words(20, 60, limit=short),
        materials=words(150, 400),
        scope=words(400, 900),
    )
    session_id = session.id
    service.set_quality_weight(session_id, QUALITY_WEIGHT)

    sdgs = tuple(range(1, 18))
    for _ in range(risks):
        # Most entries touch the priority SDGs; some are filed under a second SDG as well.
        sdg = rng.choice(PRIORITY_SDGS) if rng.random() < 0.7 else rng.choice(sdgs)
        also = (rng.choice([n for n in sdgs if n != sdg]),) if rng.random() < 0.1 else ()
        service.add_item(
            session_id,
            Collection.INVENTORY,
            sdg=sdg,
            kind=EntryKind.RISK if rng.random() < 0.6 else EntryKind.OPPORTUNITY,
            source=rng.choice(list(EntrySource)),
            description=words(40, 160),
            theme=rng.choice(THEMES)[:UNIT_MAX_LENGTH] if rng.random() < 0.5 else "",
            also_sdgs=also,
        )

    for number, sdg in enumerate(PRIORITY_SDGS):
        service.set_priority(
            session_id,
            sdg,
            selected=True,
            focus_reason=words(80, 240),
            urgency=1 + number % 5,
            urgency_note=words(60, 200),
            votes=rng.randint(0, 12),
        )
        service.set_ambition(session_id, sdg, rng.choice(list(AmbitionLevel)), words(60, 200))

    award = min(AWARD_CRITERIA, criteria)
    for number in range(criteria):
        kind = CriterionType.AWARD_CRITERION if number < award else rng.choice(TYPES)
        service.add_item(
            session_id,
            Collection.CRITERIA,
            sdg=PRIORITY_SDGS[number % len(PRIORITY_SDGS)],
            criterion_type=kind,
            text=words(80, 300),
            weight_pct=QUALITY_WEIGHT / award if kind is CriterionType.AWARD_CRITERION else None,
            verification=words(40, 160),
        )

    for number in range(indicators):
        quantitative = rng.random() < 0.75
        unit = rng.choice(UNITS)
        # A quantity is never negative, a percentage at most 100, and a target differs from its baseline.
        baseline = Decimal(rng.randint(0, 90 if unit == "%" else 400))
        target = baseline + rng.randint(1, 10 if unit == "%" else 200)
        service.add_item(
            session_id,
            Collection.INDICATORS,
            sdg=PRIORITY_SDGS[number % len(PRIORITY_SDGS)],
            kind=IndicatorKind.QUANTITATIVE if quantitative else IndicatorKind.QUALITATIVE,
            name=words(25, 80, limit=short),
            unit=unit if quantitative else "",
            baseline=baseline if quantitative else None,
            target=target if quantitative else None,
            reference=words(20, 80, limit=short),
            measurement_moment=rng.choice(list(MeasurementMoment)),
            data_source=words(20, 80, limit=short),
            responsible_role=rng.choice(ROLES),
        )

    for moment in CommunicationMoment:
        for channel in (Channel.COUNCIL_REPORT, Channel.SUPPLIER_MEETING):
            service.add_item(
                session_id,
                Collection.COMMUNICATION,
                stakeholder_role=rng.choice(STAKEHOLDERS),
                channel=channel,
                moment=moment,
                message=words(40, 160),
            )
    return session_id
