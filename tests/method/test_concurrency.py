"""Which concurrent changes conflict: only a change of the very field another desk changed."""

from __future__ import annotations

from decimal import Decimal

from compass.method.concurrency import first_conflict, same_value


def test_a_change_based_on_what_is_stored_goes_through() -> None:
    stored = {"title": "Asfalt 2027", "contract_value_eur": Decimal("2400000")}
    assert first_conflict(stored, {"title": "Asfalt 2027"}) is None
    assert first_conflict(stored, {"contract_value_eur": Decimal("2400000.00")}) is None


def test_a_change_based_on_an_older_value_of_the_same_field_conflicts() -> None:
    stored = {"title": "Asfalt 2028", "scope": "14 km"}
    assert first_conflict(stored, {"scope": "14 km", "title": "Asfalt 2027"}) == "title"


def test_values_are_compared_as_the_user_sees_them() -> None:
    assert same_value(" Heerlen ", "Heerlen")
    assert same_value((8, 15), [8, 15])
    assert not same_value(None, "")
    assert not same_value(Decimal(2), Decimal(3))
