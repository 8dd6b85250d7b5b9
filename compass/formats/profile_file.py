"""Organisation profile files: checking and reading an exported profile, writing one. The document
form itself (``profile_to_document``/``profile_from_document``) lives with the profile's types in
``compass.core.profile``, because the database stores the same document. No Qt, no SQLAlchemy.
"""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any

from compass.core.errors import ValidationError
from compass.core.profile import (
    PROFILE_FORMAT,
    READABLE_PROFILE_VERSIONS,
    OrganisationProfile,
    mandate_step_from_document,
    profile_from_document,
    profile_to_document,
)
from compass.core.session import Problem
from compass.formats.json_document import check_written_size, literal_problems, read_json_document
from compass.i18n import N_
from compass.method.mandate import route_problems


def _decimal(value: str | None) -> Decimal | None:
    return None if value is None else Decimal(value)


def validate_profile_document(document: Any, known_criteria: set[str]) -> list[Problem]:
    """Every problem with a profile document: its texts first (a profile typed in the app comes here
    without passing ``read_json_document``), the schema, then references to the catalogue."""
    from compass.formats.schema_messages import schema_message
    from compass.formats.schemas import validator_for

    problems = literal_problems(document)
    if problems:
        return problems
    problems = [
        Problem(
            "schema",
            "/".join(str(p) for p in error.absolute_path) or "document",
            "{detail}",
            detail=schema_message(error),
        )
        for error in sorted(validator_for("profile.schema.json").iter_errors(document), key=str)
    ]
    if problems:
        return problems
    minimum, maximum = (_decimal(document["social_return_pct"][k]) for k in ("min", "max"))
    if minimum is not None and maximum is not None and minimum > maximum:
        problems.append(
            Problem("range", "social_return_pct", N_("The Social Return minimum is above the maximum."))
        )
    for requirement in document["standard_requirements"]:
        if requirement not in known_criteria:
            problems.append(
                Problem(
                    "unknown_criterion",
                    "standard_requirements",
                    N_("Unknown catalogue criterion: {id}"),
                    id=requirement,
                )
            )
    own_ids = [c["id"] for c in document["own_criteria"]]
    for duplicate in sorted({i for i in own_ids if own_ids.count(i) > 1 or i in known_criteria}):
        problems.append(
            Problem("duplicate_id", "own_criteria", N_("The id {id} is used twice."), id=duplicate)
        )
    numbers = [k["number"] for k in document.get("kpis", ())]
    for duplicate in sorted({n for n in numbers if numbers.count(n) > 1}):
        problems.append(
            Problem("duplicate_kpi", "kpis", N_("The KPI number {number} is used twice."), number=duplicate)
        )
    route = [mandate_step_from_document(step) for step in document.get("mandate_route", ())]
    problems += route_problems(route)
    return problems


def read_profile_file(data: bytes, known_criteria: set[str]) -> OrganisationProfile:
    """Parse and check an exported profile file; raises ``ValidationError`` listing every problem."""
    document = read_json_document(
        data,
        format_name=PROFILE_FORMAT,
        readable_versions=READABLE_PROFILE_VERSIONS,
        not_this_kind=N_("The file is not an organisation profile."),
        version_not_supported=N_(
            "Profile format version {version} is not supported; this app reads version {supported}."
        ),
    )
    problems = validate_profile_document(document, known_criteria)
    if problems:
        raise ValidationError(problems)
    return profile_from_document(document)


def write_profile_file(profile: OrganisationProfile) -> bytes:
    data = (json.dumps(profile_to_document(profile), ensure_ascii=False, indent=2) + "\n").encode()
    return check_written_size(data)
