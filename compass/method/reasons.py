"""The team's reasons as the strategy states them: why an SDG is a priority and what its urgency
rests on, in one line. Used by the summary and the document alike."""

from __future__ import annotations

from compass.i18n import N_, translate_in


def priority_reason_text(reason: str, urgency_note: str, language: str) -> str:
    """'reason (urgency: note)', either part alone when the other is empty."""
    reason, urgency_note = reason.strip(), urgency_note.strip()
    if not urgency_note:
        return reason
    urgency = translate_in(language, N_("urgency: {note}")).format(note=urgency_note)
    return f"{reason} ({urgency})" if reason else urgency
