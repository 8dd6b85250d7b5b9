"""The session exchange format (JSON, described by resources/schema/session.schema.json): writing a
session, and reading one back with every problem reported. Import is all or nothing: the services
create a complete new session only from a file without problems. No Qt, no SQLAlchemy."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any

from compass.core.errors import ValidationError
from compass.core.fact_fields import FACT_FIELDS, FactField, FactKind
from compass.core.profile import profile_to_document
from compass.core.session import (
    AmbitionLevel,
    Channel,
    CommunicationMoment,
    CriterionType,
    EntryKind,
    EntrySource,
    IndicatorKind,
    MeasurementMoment,
    Problem,
    SessionSnapshot,
    SessionStatus,
    TenderRiskCategory,
    Vote,
)
from compass.formats.json_document import check_written_size, read_json_document
from compass.formats.schema_messages import schema_message
from compass.formats.schemas import validator_for
from compass.i18n import N_
from compass.method.criteria import criterion_rule_problems, quality_criterion_rule_problems
from compass.method.dialogues import (
    DEFAULT_VOTES_PER_PARTICIPANT,
    validate_agenda_item,
    validate_dialogue,
    validate_participant,
    validate_vote,
    vote_limit_problems,
)
from compass.method.fields import (
    validate_ambition_note,
    validate_communication_item,
    validate_criterion,
    validate_fact_changes,
    validate_indicator,
    validate_initiative_link,
    validate_inventory_entry,
    validate_measurement,
    validate_percentage,
    validate_policy_reason,
    validate_priority_changes,
    validate_quality_criterion,
    validate_tender_risk,
)
from compass.method.text import printable
from compass.reference.types import ReferenceData

SESSION_FORMAT = "sdg-compass/session"
# 2 adds the procurement frame; 3 the scoring method, the decision date, also_sdgs; 4 the two SDG
# dialogues (dialogues, participants, agenda, votes) and where an entry or criterion came from; 5 a
# qualitative indicator's realised value without a number (the assessment is its note); 6 the
# restricted national procedure; 7 why lowest price; 8 the strategy around the SDG paragraph and an
# external participant's consent to be named; 9 a risk marked as a main risk; 10 the price formula,
# quality criteria beyond the SDGs and the tender-risk register; 11 no procedure before the team
# chooses one (facts.procedure may be null).
SESSION_VERSION = 11
READABLE_VERSIONS = (1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11)


def _decimal_text(value: Decimal | None) -> str | None:
    return None if value is None else format(value, "f")


def _fact_in_file(field: FactField, value: Any) -> Any:
    """A project fact as the file holds it, by its declared kind."""
    if value is None:
        return None
    if field.kind is FactKind.CODE:
        return value.value
    if field.kind in (FactKind.AMOUNT, FactKind.PERCENT):
        return _decimal_text(value)
    if field.kind is FactKind.DAY:
        return value.isoformat()
    return value


def _file_target(vote: Vote, criterion_positions: dict[int, int]) -> str | None:
    """A vote's choice as the file names it: a criterion by its position in the file's criteria (ids
    do not survive a move to another database); None for dots on a criterion that is gone."""
    kind, _, rest = vote.target.partition(":")
    if kind != "criterion":
        return vote.target
    position = criterion_positions.get(int(rest)) if rest.isdigit() else None
    return None if position is None else f"criterion:{position}"


def _votes_to_document(snapshot: SessionSnapshot) -> list[dict[str, Any]]:
    participants = {p.id: n for n, p in enumerate(snapshot.participants)}
    criteria = {c.id: n for n, c in enumerate(snapshot.criteria)}
    votes = []
    for vote in snapshot.votes:
        target = _file_target(vote, criteria)
        if target is None or vote.participant_id not in participants:
            continue  # dots that no longer count (their criterion was removed) stay behind
        votes.append(
            {"participant": participants[vote.participant_id], "target": target, "count": vote.count}
        )
    return votes


def session_to_document(snapshot: SessionSnapshot) -> dict[str, Any]:
    f = snapshot.facts
    return {
        "format": SESSION_FORMAT,
        "version": SESSION_VERSION,
        "facts": {field.name: _fact_in_file(field, getattr(f, field.name)) for field in FACT_FIELDS},
        "status": snapshot.status.value,
        "quality_weight_pct": _decimal_text(snapshot.quality_weight_pct),
        "policy_reasons": dict(snapshot.policy_reasons),
        "inventory": [
            {
                "sdg": e.sdg,
                "kind": e.kind.value,
                "source": e.source.value,
                "description": e.description,
                "theme": e.theme,
                "suggestion_id": e.suggestion_id,
                "also_sdgs": list(e.also_sdgs),
                "dialogue": e.dialogue,
                "contributor": e.contributor,
                "main": e.main,
            }
            for e in snapshot.inventory
        ],
        "priorities": [
            {
                "sdg": p.sdg,
                "selected": p.selected,
                "focus_reason": p.focus_reason,
                "urgency": p.urgency,
                "urgency_note": p.urgency_note,
                "votes": p.votes,
            }
            for p in snapshot.priorities
        ],
        "initiatives": [
            {
                "sdg": i.sdg,
                "name": i.name,
                "description": i.description,
                "profile_initiative_ref": i.profile_initiative_ref,
            }
            for i in snapshot.initiatives
        ],
        "ambitions": [{"sdg": a.sdg, "level": a.level.value, "note": a.note} for a in snapshot.ambitions],
        "criteria": [
            {
                "sdg": c.sdg,
                "criterion_type": c.criterion_type.value,
                "text": c.text,
                "weight_pct": _decimal_text(c.weight_pct),
                "verification": c.verification,
                "catalogue_id": c.catalogue_id,
                "dialogue": c.dialogue,
                "contributor": c.contributor,
            }
            for c in snapshot.criteria
        ],
        "indicators": [
            {
                "sdg": i.sdg,
                "kind": i.kind.value,
                "name": i.name,
                "unit": i.unit,
                "baseline": _decimal_text(i.baseline),
                "target": _decimal_text(i.target),
                "reference": i.reference,
                "measurement_moment": i.measurement_moment.value if i.measurement_moment else None,
                "data_source": i.data_source,
                "responsible_role": i.responsible_role,
                "kpi": i.kpi,
                "assessed": i.assessed,
                "evidence": i.evidence,
                "catalogue_id": i.catalogue_id,
                "measurements": [
                    {
                        "value": _decimal_text(m.value),
                        "measured_on": m.measured_on.isoformat(),
                        "source": m.source,
                        "note": m.note,
                    }
                    for m in i.measurements
                ],
            }
            for i in snapshot.indicators
        ],
        "communication": [
            {
                "stakeholder_role": c.stakeholder_role,
                "channel": c.channel.value,
                "moment": c.moment.value,
                "message": c.message,
            }
            for c in snapshot.communication
        ],
        "quality_criteria": [
            {
                "name": q.name,
                "weight_pct": _decimal_text(q.weight_pct),
                "scale": q.scale,
                "verification": q.verification,
            }
            for q in snapshot.quality_criteria
        ],
        "tender_risks": [
            {
                "category": t.category.value,
                "description": t.description,
                "probability": t.probability,
                "impact": t.impact,
                "measure": t.measure,
                "owner": t.owner,
            }
            for t in snapshot.tender_risks
        ],
        "dialogues": [
            {
                "number": d.number,
                "held_on": d.held_on.isoformat() if d.held_on else None,
                "place": d.place,
                "facilitator": d.facilitator,
                "votes_per_participant": d.votes_per_participant,
                "notes": d.notes,
                "decisions": d.decisions,
            }
            for d in snapshot.dialogues
        ],
        "participants": [
            {
                "dialogue": p.dialogue,
                "name": p.name,
                "organisation": p.organisation,
                "role": p.role,
                "internal": p.internal,
                "named": p.named,
            }
            for p in snapshot.participants
        ],
        "agenda": [
            {
                "dialogue": a.dialogue,
                "title": a.title,
                "question": a.question,
                "planned_minutes": a.planned_minutes,
            }
            for a in snapshot.agenda
        ],
        "votes": _votes_to_document(snapshot),
        "profile": profile_to_document(snapshot.profile) if snapshot.profile else None,
    }


def write_session_file(snapshot: SessionSnapshot) -> bytes:
    """The exchange file; ``ValidationError`` (nothing written) for a session too large to be
    imported again."""
    data = (json.dumps(session_to_document(snapshot), ensure_ascii=False, indent=2) + "\n").encode()
    return check_written_size(data)


@dataclass
class SessionImport:
    """A checked session file, as typed values ready for the services."""

    facts: dict[str, Any]
    status: SessionStatus
    quality_weight_pct: Decimal | None
    inventory: list[dict[str, Any]] = field(default_factory=list)
    priorities: list[dict[str, Any]] = field(default_factory=list)
    initiatives: list[dict[str, Any]] = field(default_factory=list)
    ambitions: list[dict[str, Any]] = field(default_factory=list)
    criteria: list[dict[str, Any]] = field(default_factory=list)
    indicators: list[dict[str, Any]] = field(default_factory=list)
    communication: list[dict[str, Any]] = field(default_factory=list)
    quality_criteria: list[dict[str, Any]] = field(default_factory=list)  # version 10
    tender_risks: list[dict[str, Any]] = field(default_factory=list)  # version 10
    dialogues: list[dict[str, Any]] = field(default_factory=list)
    participants: list[dict[str, Any]] = field(default_factory=list)
    agenda: list[dict[str, Any]] = field(default_factory=list)
    # Each vote names its participant and a criterion by position in ``participants`` and ``criteria``
    # ("participant": 3, "target": "criterion:5"); the services point them at the new rows.
    votes: list[dict[str, Any]] = field(default_factory=list)
    profile_document: str | None = None
    policy_reasons: dict[str, str] = field(default_factory=dict)


class _Reader:
    def __init__(self, reference: ReferenceData) -> None:
        self.reference = reference
        self.problems: list[Problem] = []

    def problem(self, path: str, template: str, code: str = "invalid", **params: Any) -> None:
        self.problems.append(Problem(code, path, template, **params))

    def decimal(self, value: str | None, path: str) -> Decimal | None:
        if value is None:
            return None
        try:
            number = Decimal(value)
        except InvalidOperation:
            self.problem(path, N_("Not a number: {value}"), value=value)
            return None
        return number

    def date(self, value: str | None, path: str) -> dt.date | None:
        if value is None:
            return None
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            self.problem(path, N_("Not a date: {value}"), value=value)
            return None

    def check(self, problems: list[Problem], prefix: str) -> None:
        for problem in problems:
            self.problems.append(problem.at(f"{prefix}/{problem.field}"))


def _schema_problems(document: Any) -> list[Problem]:
    return [
        Problem(
            "schema",
            "/".join(str(p) for p in error.absolute_path) or "document",
            "{detail}",  # put into words by schema_message, in the language of whoever imports
            detail=schema_message(error),
        )
        for error in sorted(
            validator_for("session.schema.json").iter_errors(document),
            key=lambda e: [str(p) for p in e.absolute_path],
        )
    ]


def read_session_file(data: bytes, reference: ReferenceData) -> SessionImport:
    """Check an exchange file completely; raises ``ValidationError`` listing every problem."""
    document = read_json_document(
        data,
        format_name=SESSION_FORMAT,
        readable_versions=READABLE_VERSIONS,
        not_this_kind=N_("The file is not a compass session."),
        version_not_supported=N_(
            "Session format version {version} is not supported; this app reads version {supported}."
        ),
    )
    problems = _schema_problems(document)
    if problems:
        raise ValidationError(problems)
    reader = _Reader(reference)
    imported = _convert(document, reader)
    if reader.problems:
        raise ValidationError(reader.problems)
    return imported


def _fact_from_file(field: FactField, raw: dict[str, Any], r: _Reader) -> Any:
    """A project fact from the file's "facts" (the schema has checked its type). A fact added in a
    later version is absent from older files: it takes its empty value."""
    path = f"facts/{field.name}"
    value = raw[field.name] if field.required else raw.get(field.name)
    if field.kind is FactKind.CODE:
        assert field.codes is not None
        return field.codes(value) if value else None
    if field.kind in (FactKind.AMOUNT, FactKind.PERCENT):
        return r.decimal(value, path)
    if field.kind is FactKind.DAY:
        return r.date(value, path)
    if field.kind is FactKind.FLAG:
        return bool(value)
    return value if value is not None else ""


def _convert(doc: dict[str, Any], r: _Reader) -> SessionImport:
    raw = doc["facts"]
    facts = {field.name: _fact_from_file(field, raw, r) for field in FACT_FIELDS}
    r.check(validate_fact_changes(facts), "facts")
    # 0 % is a real weight (price only), not "missing"; null (version 2) is a split not decided yet.
    quality = r.decimal(doc["quality_weight_pct"], "quality_weight_pct")
    r.problems.extend(validate_percentage(quality, "quality_weight_pct"))
    known_suggestions = {s.id for c in r.reference.categories for s in c.suggestions}
    inventory = []
    for n, item in enumerate(doc["inventory"]):
        values = {
            "sdg": item["sdg"],
            "kind": EntryKind(item["kind"]),
            "source": EntrySource(item["source"]),
            "description": item["description"],
            "theme": item.get("theme", ""),
            "suggestion_id": item.get("suggestion_id", ""),
            "also_sdgs": tuple(item.get("also_sdgs", ())),  # version 3
            "dialogue": item.get("dialogue"),  # version 4
            "contributor": item.get("contributor", ""),  # version 4
            "main": item.get("main", False),  # version 9
        }
        r.check(validate_inventory_entry(values), f"inventory/{n}")
        if values["suggestion_id"] and values["suggestion_id"] not in known_suggestions:
            r.problem(
                f"inventory/{n}/suggestion_id",
                N_("Unknown suggestion: {id}"),
                "unknown_reference",
                id=values["suggestion_id"],
            )
        inventory.append(values)
    priorities: list[dict[str, Any]] = []
    for n, item in enumerate(doc["priorities"]):
        values = {
            key: item.get(key, default)
            for key, default in (
                ("sdg", None),
                ("selected", False),
                ("focus_reason", ""),
                ("urgency", None),
                ("urgency_note", ""),
                ("votes", 0),
            )
        }
        r.check(validate_priority_changes(values), f"priorities/{n}")
        _once_per_sdg(r, "priorities", n, values["sdg"], [p["sdg"] for p in priorities])
        priorities.append(values)
    initiatives = []
    for n, item in enumerate(doc["initiatives"]):
        values = {
            "sdg": item["sdg"],
            "name": item["name"],
            "description": item.get("description", ""),
            "profile_initiative_ref": item.get("profile_initiative_ref", ""),
        }
        r.check(validate_initiative_link(values), f"initiatives/{n}")
        initiatives.append(values)
    ambitions: list[dict[str, Any]] = []
    for n, item in enumerate(doc["ambitions"]):
        values = {"sdg": item["sdg"], "level": AmbitionLevel(item["level"]), "note": item.get("note", "")}
        r.check(validate_ambition_note(values["note"]), f"ambitions/{n}")
        _once_per_sdg(r, "ambitions", n, values["sdg"], [a["sdg"] for a in ambitions])
        ambitions.append(values)
    own_ids = {
        c.get("id") for c in (doc.get("profile") or {}).get("own_criteria", []) if isinstance(c, dict)
    }
    known_criteria = {c.id for c in r.reference.criteria} | own_ids
    criteria: list[dict[str, Any]] = []
    award_weights: list[Decimal] = []
    for n, item in enumerate(doc["criteria"]):
        values = {
            "sdg": item["sdg"],
            "criterion_type": CriterionType(item["criterion_type"]),
            "text": item["text"],
            "weight_pct": r.decimal(item.get("weight_pct"), f"criteria/{n}/weight_pct"),
            "verification": item.get("verification", ""),
            "catalogue_id": item.get("catalogue_id", ""),
            "dialogue": item.get("dialogue"),  # version 4
            "contributor": item.get("contributor", ""),  # version 4
        }
        r.check(validate_criterion(values), f"criteria/{n}")
        r.check(
            criterion_rule_problems(
                values, r.reference.procedure_rules(facts["procedure"]), quality, award_weights
            ),
            f"criteria/{n}",
        )
        if values["criterion_type"] is CriterionType.AWARD_CRITERION and values["weight_pct"]:
            award_weights.append(values["weight_pct"])
        if values["catalogue_id"] and values["catalogue_id"] not in known_criteria:
            r.problem(
                f"criteria/{n}/catalogue_id",
                N_("Unknown catalogue criterion: {id}"),
                "unknown_reference",
                id=values["catalogue_id"],
            )
        criteria.append(values)
    known_indicators = {i.id for i in r.reference.indicators}
    indicators = []
    for n, item in enumerate(doc["indicators"]):
        path = f"indicators/{n}"
        kind = IndicatorKind(item["kind"])
        moment = item.get("measurement_moment")
        values = {
            "sdg": item["sdg"],
            "kind": kind,
            "name": item["name"],
            "unit": item.get("unit", ""),
            "baseline": r.decimal(item.get("baseline"), f"{path}/baseline"),
            "target": r.decimal(item.get("target"), f"{path}/target"),
            "reference": item.get("reference", ""),
            "measurement_moment": MeasurementMoment(moment) if moment else None,
            "data_source": item.get("data_source", ""),
            "responsible_role": item.get("responsible_role", ""),
            "kpi": item.get("kpi"),
            "assessed": item.get("assessed", ""),
            "evidence": item.get("evidence", ""),
            "catalogue_id": item.get("catalogue_id", ""),
        }
        r.check(validate_indicator(values), path)
        if values["catalogue_id"] and values["catalogue_id"] not in known_indicators:
            r.problem(
                f"{path}/catalogue_id",
                N_("Unknown catalogue indicator: {id}"),
                "unknown_reference",
                id=values["catalogue_id"],
            )
        measurements = []
        for m, raw_measurement in enumerate(item.get("measurements", [])):
            where = f"{path}/measurements/{m}"
            measurement = {
                "value": r.decimal(raw_measurement["value"], f"{where}/value"),
                "measured_on": r.date(raw_measurement["measured_on"], f"{where}/measured_on"),
                "source": raw_measurement.get("source", ""),
                "note": raw_measurement.get("note", ""),
            }
            unreadable = raw_measurement["value"] is not None and measurement["value"] is None
            if not unreadable and measurement["measured_on"] is not None:
                quantitative = kind is IndicatorKind.QUANTITATIVE
                r.check(validate_measurement(**measurement, quantitative=quantitative), where)
            measurements.append(measurement)
        values["measurements"] = measurements
        indicators.append(values)
    communication = []
    for n, item in enumerate(doc["communication"]):
        values = {
            "stakeholder_role": item["stakeholder_role"],
            "channel": Channel(item["channel"]),
            "moment": CommunicationMoment(item["moment"]),
            "message": item.get("message", ""),
        }
        r.check(validate_communication_item(values), f"communication/{n}")
        communication.append(values)
    quality_criteria = _quality_criteria(doc, r, facts, quality, award_weights)
    tender_risks = _tender_risks(doc, r)
    policy_reasons = dict(doc.get("policy_reasons", {}))  # version 2
    for criterion_id, reason in policy_reasons.items():
        r.check(
            validate_policy_reason(criterion_id, reason),
            f"policy_reasons/{printable(criterion_id, multiline=False)}",
        )
    dialogues, participants, agenda, votes = _dialogues(doc, r)
    profile = doc.get("profile")
    if profile is not None:
        from compass.formats.profile_file import validate_profile_document

        r.check(validate_profile_document(profile, {c.id for c in r.reference.criteria}), "profile")
    return SessionImport(
        facts=facts,
        status=SessionStatus(doc["status"]),
        quality_weight_pct=quality,
        inventory=inventory,
        priorities=priorities,
        initiatives=initiatives,
        ambitions=ambitions,
        criteria=criteria,
        indicators=indicators,
        communication=communication,
        quality_criteria=quality_criteria,
        tender_risks=tender_risks,
        dialogues=dialogues,
        participants=participants,
        agenda=agenda,
        votes=votes,
        profile_document=json.dumps(profile, ensure_ascii=False) if profile else None,
        policy_reasons=policy_reasons,
    )


def _quality_criteria(
    doc: dict[str, Any],
    r: _Reader,
    facts: dict[str, Any],
    quality: Decimal | None,
    award_weights: list[Decimal],
) -> list[dict[str, Any]]:
    """Quality criteria beyond the SDGs (version 10): their weights join the SDG award weights."""
    found = []
    for n, item in enumerate(doc.get("quality_criteria", [])):
        values = {
            "name": item["name"],
            "weight_pct": r.decimal(item.get("weight_pct"), f"quality_criteria/{n}/weight_pct"),
            "scale": item.get("scale", ""),
            "verification": item.get("verification", ""),
        }
        r.check(validate_quality_criterion(values), f"quality_criteria/{n}")
        rules = r.reference.procedure_rules(facts["procedure"])
        r.check(
            quality_criterion_rule_problems(values, rules, quality, award_weights),
            f"quality_criteria/{n}",
        )
        if values["weight_pct"]:
            award_weights.append(values["weight_pct"])
        found.append(values)
    return found


def _tender_risks(doc: dict[str, Any], r: _Reader) -> list[dict[str, Any]]:
    found = []
    for n, item in enumerate(doc.get("tender_risks", [])):
        values = {
            "category": TenderRiskCategory(item["category"]),
            "description": item["description"],
            "probability": item["probability"],
            "impact": item["impact"],
            "measure": item.get("measure", ""),
            "owner": item.get("owner", ""),
        }
        r.check(validate_tender_risk(values), f"tender_risks/{n}")
        found.append(values)
    return found


def _once_per_sdg(r: _Reader, section: str, n: int, sdg: Any, earlier: list[Any]) -> None:
    """A session holds one priority and one ambition per SDG: the second is named in the file, not
    left to the database's UNIQUE constraint (whose words the user saw)."""
    if sdg in earlier:
        r.problem(
            f"{section}/{n}/sdg",
            N_("SDG {sdg} is listed twice in {section} (also at {section}/{first}); list each SDG once."),
            "sdg_twice",
            sdg=sdg,
            section=section,
            first=earlier.index(sdg),
        )


def _dialogues(
    doc: dict[str, Any], r: _Reader
) -> tuple[list[dict[str, Any]], list[dict[str, Any]], list[dict[str, Any]], list[dict[str, Any]]]:
    """The SDG dialogues of a version 4 file, checked by the rules the services apply: one record per
    dialogue, votes by a participant of the file on a choice of their dialogue, never more dots than
    the dialogue gives a participant."""
    dialogues: list[dict[str, Any]] = []
    for n, item in enumerate(doc.get("dialogues", [])):
        values = {
            "number": item["number"],
            "held_on": r.date(item.get("held_on"), f"dialogues/{n}/held_on"),
            "place": item.get("place", ""),
            "facilitator": item.get("facilitator", ""),
            "notes": item.get("notes", ""),
            "decisions": item.get("decisions", ""),
            "votes_per_participant": item.get("votes_per_participant", DEFAULT_VOTES_PER_PARTICIPANT),
        }
        r.check(validate_dialogue(values), f"dialogues/{n}")
        if any(d["number"] == values["number"] for d in dialogues):
            r.problem(
                f"dialogues/{n}/number",
                N_("This session already records dialogue {number}."),
                "dialogue_exists",
                number=values["number"],
            )
        dialogues.append(values)
    participants = []
    for n, item in enumerate(doc.get("participants", [])):
        values = {
            "dialogue": item["dialogue"],
            "name": item["name"],
            "organisation": item.get("organisation", ""),
            "role": item.get("role", ""),
            "internal": item.get("internal", True),
            "named": item.get("named", False),
        }
        r.check(validate_participant(values), f"participants/{n}")
        participants.append(values)
    agenda = []
    for n, item in enumerate(doc.get("agenda", [])):
        values = {
            "dialogue": item["dialogue"],
            "title": item["title"],
            "question": item.get("question", ""),
            "planned_minutes": item.get("planned_minutes", 10),
        }
        r.check(validate_agenda_item(values), f"agenda/{n}")
        agenda.append(values)
    limits = {d["number"]: d["votes_per_participant"] for d in dialogues}
    votes: list[dict[str, Any]] = []
    for n, item in enumerate(doc.get("votes", [])):
        path, who = f"votes/{n}", item["participant"]
        if who >= len(participants):
            r.problem(
                f"{path}/participant",
                N_("There is no participant {number} in the file (it lists {count}, counted from 0)."),
                "unknown_reference",
                number=who,
                count=len(participants),
            )
            continue
        dialogue, target, count = participants[who]["dialogue"], item["target"], item["count"]
        values = {"dialogue": dialogue, "participant_id": who, "target": target, "count": count}
        problems = validate_vote(values)
        r.check(problems, path)
        if problems:
            continue
        kind, _, rest = target.partition(":")
        if kind == "criterion" and int(rest) >= len(doc["criteria"]):
            r.problem(
                f"{path}/target",
                N_("There is no criterion {number} in the file (it lists {count}, counted from 0)."),
                "unknown_reference",
                number=int(rest),
                count=len(doc["criteria"]),
            )
            continue
        if any(v["participant"] == who and v["target"] == target for v in votes):
            r.problem(
                f"{path}/target",
                N_("This participant already has dots on this choice; put them in one vote."),
                "vote_twice",
            )
            continue
        earlier = [
            Vote(
                id=m,
                dialogue=dialogue,
                participant_id=v["participant"],
                target=v["target"],
                count=v["count"],
            )
            for m, v in enumerate(votes)
        ]
        limit = limits.get(dialogue, DEFAULT_VOTES_PER_PARTICIPANT)
        r.check(vote_limit_problems(earlier, who, target, count, limit), path)
        votes.append({"dialogue": dialogue, "participant": who, "target": target, "count": count})
    return dialogues, participants, agenda, votes
