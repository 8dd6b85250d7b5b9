"""Loading the reference knowledge in ``resources/data`` into the immutable objects of
``compass.reference.types``.

Each file is checked against its definition in ``resources/schema/reference.schema.json`` and then
against the others (unique ids, SDGs a category's suggestions may use, the categories criteria and
indicators name, the method's codes). The first problem stops loading with ``ReferenceDataError``
naming the file, the entry and the problem.

The schema check (jsonschema: about 80 ms to import and 60 ms to run) is done once per version of the
files: a set of files that passed it leaves a marker in the user's cache folder named after the app's
version and a SHA-256 of the schema and every data file, and a load that finds its marker skips that
check. A changed byte is another hash, so an edited or damaged file is checked, and refused, as
before. The checks across files are cheap and always run. Decision 011.
"""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter
from collections.abc import Callable, Iterable
from decimal import Decimal
from enum import StrEnum
from pathlib import Path
from typing import Any

from compass import __version__
from compass.core.errors import ReferenceDataError
from compass.core.session import (
    SDG_NUMBERS,
    AmbitionLevel,
    ContractKind,
    CriterionType,
    EntryKind,
    EntrySource,
    IndicatorKind,
    MeasurementMoment,
    Procedure,
    ProcedurePeriods,
)
from compass.paths import resource_path, user_cache_dir
from compass.reference.types import (
    CatalogueCriterion,
    CatalogueIndicator,
    Category,
    Instrument,
    InstrumentStep,
    LegalScope,
    LocalizedText,
    ManifestLevel,
    ProcedureRules,
    ReferenceData,
    Sdg,
    StakeholderRole,
    Suggestion,
    Term,
    Theme,
    ThresholdPeriod,
    UrgencyHints,
)

DATA_FILES = (
    "sdgs", "themes", "vocabulary", "criteria", "indicators", "categories", "stakeholders",
    "instruments", "urgency", "thresholds",
)  # fmt: skip
_LIST_KEYS = {
    "sdgs": "sdgs", "themes": "themes", "criteria": "criteria", "indicators": "indicators",
    "categories": "categories", "stakeholders": "roles", "instruments": "instruments",
    "urgency": "hints", "thresholds": "periods",
}  # fmt: skip


class _Failure(Exception):
    def __init__(self, entry: str, problem: str) -> None:
        super().__init__(problem)
        self.entry = entry
        self.problem = problem


def _text(value: dict[str, str] | None) -> LocalizedText | None:
    return None if value is None else LocalizedText(nl=value["nl"], en=value["en"])


def _t(value: dict[str, str]) -> LocalizedText:
    return LocalizedText(nl=value["nl"], en=value["en"])


def _read_bytes(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as error:
        raise _Failure("file", error.strerror or str(error)) from error


def _parse(data: bytes) -> Any:
    try:
        return json.loads(data.decode("utf-8"))
    except (json.JSONDecodeError, UnicodeDecodeError) as error:
        raise _Failure("file", f"not valid JSON ({error})") from error


def _entry_name(data: Any, path: Iterable[Any]) -> str:
    """'criteria[12] (crit-13-x) > sdgs[0]' for a problem found at that place in a file."""
    parts: list[str] = []
    node = data
    for step in path:
        if isinstance(step, int):
            label = f"[{step}]"
            if isinstance(node, list) and isinstance(node[step], dict) and "id" in node[step]:
                label += f" ({node[step]['id']})"
            if parts:
                parts[-1] += label
            else:
                parts.append(label)
        else:
            parts.append(str(step))
        try:
            node = node[step]
        except (KeyError, IndexError, TypeError):
            break
    return " > ".join(parts) or "file"


_LOCAL_REF = "#/$defs/"


def _inline_refs(node: Any, definitions: dict[str, Any]) -> Any:
    """The schema with each lone local ``{"$ref": "#/$defs/x"}`` replaced by the definition itself.

    The schema has no recursive definitions, and resolving a reference is about a third of the
    validation time: inlining them once keeps loading the catalogues fast as they grow."""
    if isinstance(node, dict):
        ref = node.get("$ref")
        if len(node) == 1 and isinstance(ref, str) and ref.startswith(_LOCAL_REF):
            return _inline_refs(definitions[ref.removeprefix(_LOCAL_REF)], definitions)
        return {key: _inline_refs(value, definitions) for key, value in node.items()}
    if isinstance(node, list):
        return [_inline_refs(value, definitions) for value in node]
    return node


class _Schema:
    def __init__(self, schema_text: bytes) -> None:
        from jsonschema import Draft202012Validator  # only when files are checked against it

        self._schema = json.loads(schema_text.decode("utf-8"))
        self._validator_class = Draft202012Validator

    def check(self, name: str, data: Any) -> None:
        definitions = self._schema["$defs"]
        file_schema = _inline_refs(definitions[f"{name}_file"], definitions)
        validator = self._validator_class(
            {"$schema": self._schema["$schema"], **file_schema, "$defs": definitions}
        )
        errors = sorted(validator.iter_errors(data), key=lambda e: list(e.absolute_path))
        if errors:
            error = min(errors, key=lambda e: len(list(e.absolute_path)) * -1)
            raise _Failure(_entry_name(data, error.absolute_path), error.message)


def _unique_ids(items: list[dict[str, Any]], key: str = "id") -> None:
    seen: set[Any] = set()
    for index, item in enumerate(items):
        if item[key] in seen:
            raise _Failure(f"[{index}] ({item[key]})", f"{key} {item[key]!r} appears twice")
        seen.add(item[key])


def _build_sdgs(data: dict[str, Any]) -> tuple[Sdg, ...]:
    items = data["sdgs"]
    _unique_ids(items, "number")
    missing = sorted(set(SDG_NUMBERS) - {item["number"] for item in items})
    if missing:
        raise _Failure("sdgs", f"SDGs missing: {missing}")
    by_number = {
        item["number"]: Sdg(
            item["number"],
            _t(item["name"]),
            _t(item["description"]),
            item["colour"].upper(),
            item["text_colour"].upper(),
        )
        for item in items
    }
    return tuple(by_number[number] for number in SDG_NUMBERS)


def _build_themes(data: dict[str, Any]) -> tuple[Theme, ...]:
    _unique_ids(data["themes"])
    return tuple(
        Theme(
            t["id"],
            _t(t["name"]),
            _t(t["description"]),
            tuple(t["primary_sdgs"]),
            tuple(t["secondary_sdgs"]),
            tuple(_t(i) for i in t["instruments"]),
            t["source"],
        )
        for t in data["themes"]
    )


def _codes_match(entry: str, found: Iterable[str], enum_class: type[StrEnum]) -> None:
    expected = {member.value for member in enum_class}
    if set(found) != expected:
        raise _Failure(entry, f"must list exactly {sorted(expected)}, found {sorted(found)}")


def _build_criteria(data: dict[str, Any]) -> tuple[CatalogueCriterion, ...]:
    _unique_ids(data["criteria"])
    return tuple(
        CatalogueCriterion(
            c["id"],
            tuple(c["sdgs"]),
            c["theme"],
            CriterionType(c["criterion_type"]),
            AmbitionLevel(c["level"]),
            _t(c["text"]),
            _t(c["verification"]),
            c["source"],
            tuple(c.get("categories", ())),
            _legal_scope(c.get("legal_scope")),
        )
        for c in data["criteria"]
    )


def _legal_scope(value: dict[str, Any] | None) -> LegalScope | None:
    if value is None:
        return None
    return LegalScope(
        tuple(ContractKind(kind) for kind in value["contract_kinds"]),
        _t(value["explanation"]),
        value["source"],
        tuple(value.get("categories", ())),
    )


def _build_indicators(data: dict[str, Any]) -> tuple[CatalogueIndicator, ...]:
    items = data["indicators"]
    _unique_ids(items)
    for index, item in enumerate(items):
        if item["kind"] == "quantitative" and item["unit"] is None:
            raise _Failure(f"indicators[{index}] ({item['id']})", "a quantitative indicator needs a unit")
        if item.get("equivalent_units") and item["unit"] is None:
            raise _Failure(
                f"indicators[{index}] ({item['id']}) > equivalent_units",
                "an indicator without a unit has no equivalent units",
            )
    return tuple(
        CatalogueIndicator(
            i["id"],
            _t(i["name"]),
            tuple(i["sdgs"]),
            i["theme"],
            IndicatorKind(i["kind"]),
            _text(i["unit"]),
            _t(i["definition"]),
            _text(i["reference"]),
            MeasurementMoment(i["measurement_moment"]),
            _t(i["data_supplier"]),
            i["non_negative"],
            i["source"],
            _text(i.get("evidence")),
            tuple(i.get("categories", ())),
            tuple((_t(e["unit"]), Decimal(e["factor"])) for e in i.get("equivalent_units", ())),
        )
        for i in items
    )


def _build_categories(data: dict[str, Any]) -> tuple[Category, ...]:
    items = data["categories"]
    _unique_ids(items)
    categories = []
    for index, item in enumerate(items):
        suggestions = []
        for kind, key in ((EntryKind.RISK, "risks"), (EntryKind.OPPORTUNITY, "opportunities")):
            for number, raw in enumerate(item[key], start=1):
                if raw["sdg"] not in item["sdgs"]:
                    raise _Failure(
                        f"categories[{index}] ({item['id']}) > {key}[{number - 1}]",
                        f"SDG {raw['sdg']} is not one of the category's SDGs {item['sdgs']}",
                    )
                suggestions.append(
                    Suggestion(
                        f"{item['id']}/{key}/{number}",
                        item["id"],
                        kind,
                        raw["sdg"],
                        EntrySource(raw["where"]),
                        _t(raw["text"]),
                    )
                )
        categories.append(
            Category(
                item["id"],
                _t(item["name"]),
                tuple(item["sdgs"]),
                tuple(item["themes"]),
                item["isv_high_risk"],
                tuple(suggestions),
                item["source"],
            )
        )
    return tuple(categories)


def _build_roles(data: dict[str, Any]) -> tuple[StakeholderRole, ...]:
    _unique_ids(data["roles"])
    return tuple(
        StakeholderRole(r["id"], _t(r["name"]), tuple(_t(x) for x in r["responsibilities"]), r["source"])
        for r in data["roles"]
    )


def _build_instruments(data: dict[str, Any]) -> tuple[Instrument, ...]:
    _unique_ids(data["instruments"])
    return tuple(
        Instrument(
            i["id"],
            _t(i["name"]),
            _t(i["explanation"]),
            tuple(InstrumentStep(s["code"], _t(s["name"])) for s in i["steps"]),
            i["source"],
        )
        for i in data["instruments"]
    )


def _build_urgency(data: dict[str, Any]) -> UrgencyHints:
    _unique_ids(data["hints"], "sdg")
    return UrgencyHints(_t(data["source"]), data["year"], {h["sdg"]: _t(h["note"]) for h in data["hints"]})


def _build_thresholds(data: dict[str, Any]) -> tuple[ThresholdPeriod, ...]:
    _unique_ids(data["periods"])
    periods: list[ThresholdPeriod] = []
    for index, period in enumerate(data["periods"]):
        starts, ends = dt.date.fromisoformat(period["from"]), dt.date.fromisoformat(period["until"])
        if ends < starts:
            raise _Failure(f"periods[{index}] ({period['id']})", "ends before it starts")
        if periods and starts <= periods[-1].ends:
            raise _Failure(f"periods[{index}] ({period['id']})", "overlaps the period before it")
        by_kind = tuple(
            (ContractKind(kind), Decimal(value)) for kind, value in period["thresholds_eur"].items()
        )
        periods.append(ThresholdPeriod(period["id"], starts, ends, period["source"], by_kind))
    return tuple(periods)


def _build_vocabulary(data: dict[str, Any]) -> dict[str, Any]:
    _codes_match("ambition_levels", (t["id"] for t in data["ambition_levels"]), AmbitionLevel)
    _codes_match("criterion_types", (t["id"] for t in data["criterion_types"]), CriterionType)
    _codes_match("procedures", (p["id"] for p in data["procedures"]), Procedure)
    if [m["level"] for m in data["manifest_levels"]] != [1, 2, 3, 4, 5]:
        raise _Failure("manifest_levels", "must be levels 1 to 5 in order")
    return {
        "ambition_levels": tuple(
            Term(t["id"], _t(t["name"]), _t(t["description"])) for t in data["ambition_levels"]
        ),
        "criterion_types": tuple(
            Term(t["id"], _t(t["name"]), _t(t["description"])) for t in data["criterion_types"]
        ),
        "manifest_levels": tuple(
            ManifestLevel(m["level"], _text(m["name"]), _t(m["description"]))
            for m in data["manifest_levels"]
        ),
        "procedures": tuple(
            ProcedureRules(
                Procedure(p["id"]),
                _t(p["name"]),
                _t(p["description"]),
                p["allows_award_criteria"],
                p["european"],
                p["selection_phase"],
                _periods(p.get("periods")),
            )
            for p in data["procedures"]
        ),
        "innovation_dialogues": data["innovation_pilot"]["requires_sdg_dialogues"],
        "innovation_description": _t(data["innovation_pilot"]["description"]),
    }


def _periods(value: dict[str, Any] | None) -> ProcedurePeriods | None:
    if value is None:
        return None
    return ProcedurePeriods(
        value["tender_days"],
        value["questions_days"],
        value["standstill_days"],
        value["source"],
        value.get("request_days"),
    )


_BUILDERS: dict[str, Callable[[dict[str, Any]], Any]] = {
    "sdgs": _build_sdgs, "themes": _build_themes, "criteria": _build_criteria,
    "indicators": _build_indicators, "categories": _build_categories, "stakeholders": _build_roles,
    "instruments": _build_instruments, "urgency": _build_urgency,
    "thresholds": _build_thresholds,
}  # fmt: skip
_FIELDS = {"stakeholders": "roles", "thresholds": "threshold_periods"}


def _cross_check(parts: dict[str, Any]) -> None:
    everything = Counter(
        [c.id for c in parts["criteria"]]
        + [i.id for i in parts["indicators"]]
        + [c.id for c in parts["categories"]]
    )
    duplicates = sorted(x for x, count in everything.items() if count > 1)
    if duplicates:
        raise ReferenceDataError(f"catalogues: ids used twice across files: {duplicates}")
    category_ids = {c.id for c in parts["categories"]}
    for file, key in (("criteria.json", "criteria"), ("indicators.json", "indicators")):
        for index, entry in enumerate(parts[key]):
            scope: LegalScope | None = getattr(entry, "legal_scope", None)
            unknown = [c for c in entry.categories if c not in category_ids]
            if unknown:
                raise ReferenceDataError(
                    f"{file}: {key}[{index}] ({entry.id}) > categories: "
                    f"unknown category {unknown[0]!r} (not in categories.json)"
                )
            allowed = scope.categories if scope else ()
            outside = [c for c in entry.categories if allowed and c not in allowed]
            if outside:
                # An entry offered where the law does not allow it sorts first there (issue 23).
                raise ReferenceDataError(
                    f"{file}: {key}[{index}] ({entry.id}) > categories: {outside[0]!r} is outside "
                    f"its legal scope ({', '.join(allowed)})"
                )
            unknown = [c for c in allowed if c not in category_ids]
            if unknown:
                raise ReferenceDataError(
                    f"{file}: {key}[{index}] ({entry.id}) > legal_scope: "
                    f"unknown category {unknown[0]!r} (not in categories.json)"
                )


class _CheckedMarker:
    """The marker of one version of the files having passed the schema check (decision 011)."""

    def __init__(self, schema: bytes, files: dict[str, bytes]) -> None:
        import hashlib  # here, not at the top: the fast listing imports nothing of this module

        digest = hashlib.sha256(f"compass {__version__}\n".encode())
        for name, data in (("schema", schema), *files.items()):
            # Name and length before the content: no two sets of files run together into one stream.
            digest.update(f"{name} {len(data)}\n".encode())
            digest.update(data)
        self.path = user_cache_dir() / "reference-checked" / f"{__version__}-{digest.hexdigest()}"

    def present(self) -> bool:
        try:
            return self.path.is_file()
        except OSError:
            return False

    def leave(self) -> None:
        """Best effort: without a writable cache the check simply runs again next time."""
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self.path.write_bytes(b"")
        except OSError:
            pass


def load_reference_data(data_dir: Path | None = None, schema_path: Path | None = None) -> ReferenceData:
    folder = data_dir or resource_path("data")
    schema_file = schema_path or resource_path("schema", "reference.schema.json")
    try:
        schema_text = schema_file.read_bytes()
    except OSError as error:
        raise ReferenceDataError(f"{schema_file.name}: file: {error.strerror or error}") from None
    texts: dict[str, bytes] = {}
    for name in DATA_FILES:
        path = folder / f"{name}.json"
        try:
            texts[name] = _read_bytes(path)
        except _Failure as failure:
            raise ReferenceDataError(f"{path.name}: {failure.entry}: {failure.problem}") from None
    marker = _CheckedMarker(schema_text, texts)
    schema = None if marker.present() else _Schema(schema_text)
    parts: dict[str, Any] = {}
    for name in DATA_FILES:
        path = folder / f"{name}.json"
        try:
            data = _parse(texts[name])
            if schema is not None:
                schema.check(name, data)
            if name == "vocabulary":
                parts.update(_build_vocabulary(data))
            else:
                parts[_FIELDS.get(name, name)] = _BUILDERS[name](data)
        except _Failure as failure:
            raise ReferenceDataError(f"{path.name}: {failure.entry}: {failure.problem}") from None
    _cross_check(parts)
    if schema is not None:
        marker.leave()
    return ReferenceData(**parts)
