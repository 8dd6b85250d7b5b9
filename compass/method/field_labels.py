"""What every stored field is called where the user sees it: the conflict question names the field so
("Another desk changed “Location” ..."), never its internal name. Qt-free and language-free (the labels
are untranslated): the services give them to ``ConflictError``, which words its message in the
user's language.

``tests/method/test_field_labels.py`` keeps this complete: every field of every snapshot the services
write has a label here."""

from __future__ import annotations

from compass.core.fact_fields import FACT_FIELDS
from compass.i18n import N_

# The session's own values that are not project facts.
SESSION = "session"
FACTS = "facts"

LABELS: dict[str, dict[str, str]] = {
    FACTS: {field.name: field.label for field in FACT_FIELDS},
    SESSION: {
        "profile_id": N_("Organisation profile"),
        "status": N_("Status of the session"),
        "quality_weight_pct": N_("Weight of quality in the award"),
        "policy_reason": N_("Why a policy requirement is not applied"),
    },
    "inventory": {
        "sdg": N_("SDG"),
        "kind": N_("Risk or opportunity"),
        "source": N_("Where in the chain"),
        "description": N_("Description of the risk or opportunity"),
        "theme": N_("Theme"),
        "suggestion_id": N_("Suggestion it came from"),
        "also_sdgs": N_("Also on SDGs"),
        "dialogue": N_("SDG dialogue"),
        "contributor": N_("Brought in by"),
    },
    "priorities": {
        "selected": N_("Priority SDG"),
        "focus_reason": N_("Why (not) a priority"),
        "urgency": N_("Urgency"),
        "urgency_note": N_("Why this urgency"),
        "votes": N_("Votes"),
    },
    "ambitions": {
        "level": N_("Ambition level"),
        "note": N_("Why this ambition level"),
    },
    "criteria": {
        "sdg": N_("SDG"),
        "criterion_type": N_("Kind of criterion"),
        "text": N_("Criterion text"),
        "weight_pct": N_("Weight"),
        "verification": N_("How it is checked"),
        "catalogue_id": N_("Catalogue criterion"),
        "dialogue": N_("SDG dialogue"),
        "contributor": N_("Brought in by"),
    },
    "indicators": {
        "sdg": N_("SDG"),
        "kind": N_("Kind of indicator"),
        "name": N_("Indicator name"),
        "unit": N_("Unit"),
        "baseline": N_("Baseline"),
        "target": N_("Target"),
        "reference": N_("Reference"),
        "measurement_moment": N_("Measured"),
        "data_source": N_("Data source"),
        "responsible_role": N_("Responsible"),
        "kpi": N_("KPI of the organisation"),
        "assessed": N_("What is assessed"),
        "evidence": N_("Evidence"),
        "catalogue_id": N_("Catalogue indicator"),
    },
    "quality_criteria": {
        "name": N_("Quality criterion"),
        "weight_pct": N_("Weight"),
        "scale": N_("Scale"),
        "verification": N_("How it is assessed"),
    },
    "tender_risks": {
        "category": N_("Kind of risk"),
        "description": N_("Tender risk"),
        "probability": N_("Probability"),
        "impact": N_("Impact"),
        "measure": N_("Measure"),
        "owner": N_("Owner"),
    },
    "communication": {
        "stakeholder_role": N_("Who"),
        "channel": N_("Channel"),
        "moment": N_("Moment"),
        "message": N_("Message"),
    },
    "initiatives": {
        "sdg": N_("SDG"),
        "name": N_("Initiative"),
        "description": N_("Description of the initiative"),
        "profile_initiative_ref": N_("Initiative of the profile"),
    },
    "dialogues": {
        "number": N_("SDG dialogue"),
        "held_on": N_("Held on"),
        "place": N_("Place"),
        "facilitator": N_("Facilitator"),
        "notes": N_("Notes of the dialogue"),
        "decisions": N_("Decisions of the dialogue"),
        "votes_per_participant": N_("Dots per participant"),
    },
    "participants": {
        "dialogue": N_("SDG dialogue"),
        "name": N_("Participant"),
        "organisation": N_("Organisation of the participant"),
        "role": N_("Role"),
        "internal": N_("Internal or external"),
    },
    "agenda": {
        "dialogue": N_("SDG dialogue"),
        "title": N_("Agenda item"),
        "question": N_("Question for the room"),
        "planned_minutes": N_("Minutes"),
    },
    "votes": {
        "dialogue": N_("SDG dialogue"),
        "participant_id": N_("Participant"),
        "target": N_("Choice voted on"),
        "count": N_("A participant's dots"),
    },
}


UNNAMED = N_("this field")


def field_label(place: str, field: str) -> str:
    """The field's name as the user sees it, untranslated (``N_``): whoever shows it translates it.
    A field without a label (which a test prevents) is still put in words, not shown by its code."""
    return LABELS.get(str(place), {}).get(field) or UNNAMED
