"""JSON Schema problems in an imported file, put into the user's words: missing and unknown fields by
name, expected versus found type, limits, allowed values. Never a raw jsonschema sentence. No Qt."""

from __future__ import annotations

from typing import Any

from compass.i18n import _


def schema_message(error: Any) -> str:
    """A schema problem (a jsonschema ``ValidationError``) in the user's words, without echoing a
    huge value back (a 100,000-character text)."""
    validator, limit, value = error.validator, error.validator_value, error.instance
    if validator == "maxLength" and isinstance(value, str):
        return _("At most {limit} characters (now {length}).").format(limit=limit, length=len(value))
    if validator == "minLength" and isinstance(value, str):
        return _("Empty text is not allowed here.")
    if validator == "required":
        missing = [name for name in limit if isinstance(value, dict) and name not in value]
        return _("Missing field: {fields}.").format(fields=", ".join(missing))
    if validator == "additionalProperties" and isinstance(value, dict):
        known = set(error.schema.get("properties", {}))
        unknown = sorted(str(name) for name in value if name not in known)
        return _("Unknown field: {fields}.").format(fields=", ".join(_short(n) for n in unknown))
    if validator == "type":
        return _("Expected {expected}, found {found}.").format(
            expected=_expected(error), found=_json_kind(value)
        )
    if validator in ("oneOf", "anyOf") and error.context:
        if all(sub.validator == "type" for sub in error.context):
            expected = _(" or ").join(_expected(sub) for sub in error.context)
            return _("Expected {expected}, found {found}.").format(
                expected=expected, found=_json_kind(value)
            )
        relevant = [sub for sub in error.context if sub.validator != "type"] or list(error.context)
        return schema_message(relevant[0])
    if validator == "minimum":
        return _("At least {limit} (now {value}).").format(limit=limit, value=_short(value))
    if validator == "maximum":
        return _("At most {limit} (now {value}).").format(limit=limit, value=_short(value))
    if validator in ("enum", "const"):
        allowed = ", ".join(_short(v) for v in _as_list(limit)[:8])
        return _("{value} is not allowed here; choose from: {allowed}.").format(
            value=_short(value), allowed=allowed
        )
    if validator == "pattern":
        if "[0-9]{4}-[0-9]{2}" in str(limit):
            return _("Not a date as YYYY-MM-DD: {value}.").format(value=_short(value))
        if "[0-9]{1,15}" in str(limit):
            return _(
                'Not a number as the format writes it (digits and a point, e.g. "12.5"): {value}.'
            ).format(value=_short(value))
        return _("Not in the expected form: {value}.").format(value=_short(value))
    if validator == "minItems":
        return _("At least {limit} items are needed here.").format(limit=limit)
    if validator == "maxItems":
        return _("At most {limit} items are allowed here.").format(limit=limit)
    message = str(error.message)
    return message if len(message) <= 300 else message[:297] + "..."


def _expected(type_error: Any) -> str:
    """What a type error asked for; numbers and dates are text of a set form in our formats."""
    pattern = str(type_error.schema.get("pattern", ""))
    if "[0-9]{1,15}" in pattern:
        return _('a number in quotes (e.g. "12.5")')
    if "[0-9]{4}-[0-9]{2}" in pattern:
        return _('a date in quotes (e.g. "2027-03-01")')
    return _type_names(type_error.validator_value)


def _as_list(value: Any) -> list[Any]:
    return list(value) if isinstance(value, list | tuple) else [value]


def _short(value: Any) -> str:
    shown = repr(value) if isinstance(value, str) else str(value)
    return shown if len(shown) <= 40 else shown[:37] + "..."


def json_kind(value: Any) -> str:
    """What kind of JSON value ``value`` is, in words: text, a whole number, a list..."""
    return _json_kind(value)


def _json_kind(value: Any) -> str:
    return _type_names([_schema_type(value)])


def _schema_type(value: Any) -> str:
    """The JSON Schema type name of a parsed JSON value."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int):
        return "integer"
    if isinstance(value, float):
        return "number"
    if isinstance(value, str):
        return "string"
    if isinstance(value, list):
        return "array"
    return "object"


def _type_names(types: Any) -> str:
    names = {
        "string": _("text"),
        "integer": _("a whole number"),
        "number": _("a number"),
        "boolean": _("true or false"),
        "array": _("a list"),
        "object": _("an object"),
        "null": _("nothing (null)"),
    }
    return _(" or ").join(names.get(str(t), str(t)) for t in _as_list(types))
