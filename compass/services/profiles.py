"""Organisation profiles: create, list, open, change, delete, export and import; the shipped
examples are installed when a database has no profile yet, and example profiles stored before the
organisations' KPIs, own criteria and policy rules moved into their profiles receive them."""

from __future__ import annotations

import json
import unicodedata
from dataclasses import replace
from typing import Any

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from compass.core.errors import CompassError, ValidationError
from compass.core.profile import (
    OrganisationProfile,
    ProfileSummary,
    profile_from_document,
    profile_to_document,
)
from compass.formats.profile_file import read_profile_file, validate_profile_document, write_profile_file
from compass.i18n import _
from compass.model.database import Database
from compass.model.orm import ProfileRow, SessionRow, utc_now
from compass.paths import resource_path
from compass.services.base import ServiceBase


class ProfileNotFoundError(CompassError):
    pass


def _alphabetical(name: str) -> tuple[str, str]:
    """Sorts "Échternach" between "amsterdam" and "eindhoven"; equal names in a fixed order."""
    letters = unicodedata.normalize("NFKD", name.casefold())
    return "".join(c for c in letters if not unicodedata.combining(c)), name


class ProfileService(ServiceBase):
    def __init__(self, database: Database, known_criteria: frozenset[str]) -> None:
        super().__init__(database)
        self._known_criteria = set(known_criteria)

    def _row(self, db: Session, profile_id: int) -> ProfileRow:
        row = db.get(ProfileRow, profile_id)
        if row is None:
            raise ProfileNotFoundError(
                _("There is no organisation profile with id {id}.").format(id=profile_id)
            )
        return row

    def _checked_document(self, profile: OrganisationProfile) -> str:
        document = profile_to_document(profile)
        problems = validate_profile_document(document, self._known_criteria)
        if problems:
            raise ValidationError(problems)
        return json.dumps(document, ensure_ascii=False)

    def list_profiles(self) -> list[ProfileSummary]:
        """Own profiles first, then the examples, each alphabetically ignoring case and accents. Sorted
        here, not by the database: its collation decides ORDER BY on text, and differs between SQLite
        (code points: "Zwolle" before "amsterdam") and a PostgreSQL server (its locale's rules)."""
        with self._transaction() as db:
            rows = db.execute(select(ProfileRow.id, ProfileRow.name, ProfileRow.is_example)).all()
        ordered = sorted(rows, key=lambda row: (row.is_example, _alphabetical(row.name), row.id))
        return [ProfileSummary(row.id, row.name, row.is_example) for row in ordered]

    def get_profile(self, profile_id: int) -> OrganisationProfile:
        with self._transaction() as db:
            return profile_from_document(json.loads(self._row(db, profile_id).document))

    def create_profile(self, profile: OrganisationProfile) -> int:
        document = self._checked_document(profile)
        with self._transaction() as db:
            row = ProfileRow(name=profile.name, is_example=profile.is_example, document=document)
            db.add(row)
            db.flush()
            profile_id = row.id
        self._changed(profile_id)
        return profile_id

    def update_profile(self, profile_id: int, profile: OrganisationProfile) -> None:
        document = self._checked_document(profile)
        with self._transaction() as db:
            row = self._row(db, profile_id)
            row.name, row.is_example, row.document = profile.name, profile.is_example, document
            row.updated_at = utc_now()
        self._changed(profile_id)

    def delete_profile(self, profile_id: int) -> None:
        """Sessions of the profile keep what they were decided against: it is frozen into them."""
        with self._transaction() as db:
            row = self._row(db, profile_id)
            sessions = db.scalars(select(SessionRow).where(SessionRow.profile_id == profile_id))
            for session in sessions:
                if session.profile_snapshot is None:
                    session.profile_snapshot = row.document
            db.delete(row)
        self._changed(profile_id)

    def export_profile(self, profile_id: int) -> bytes:
        return write_profile_file(self.get_profile(profile_id))

    def import_profile(self, data: bytes) -> int:
        """A new profile from an exported file; importing the same file twice gives two profiles."""
        return self.create_profile(read_profile_file(data, self._known_criteria))

    def install_examples(self) -> list[int]:
        """Add the shipped example profiles when the database has no profile at all. Several desks
        may open a new database at once: the additions are one transaction under the write lock
        (SQLite) or a lock on the profiles table (PostgreSQL) that checks again first, so only one
        desk adds them. A database that has profiles (every start but the first) reads no file."""
        with self._transaction() as db:
            if db.scalars(select(ProfileRow.id).limit(1)).first() is not None:
                self._complete_stored_examples(db)
                return []
        examples = [
            read_profile_file(path.read_bytes(), self._known_criteria)
            for path in sorted(resource_path("profiles").glob("*.json"))
        ]
        documents = [(profile, self._checked_document(profile)) for profile in examples]
        created: list[int] = []
        with self._transaction(write=True) as db:
            if db.get_bind().dialect.name == "postgresql":
                db.execute(text("LOCK TABLE profiles IN SHARE ROW EXCLUSIVE MODE"))
            if db.scalars(select(ProfileRow.id).limit(1)).first() is not None:
                return []  # another desk was first
            for profile, document in documents:
                row = ProfileRow(name=profile.name, is_example=profile.is_example, document=document)
                db.add(row)
                db.flush()
                created.append(row.id)
        for profile_id in created:
            self._changed(profile_id)
        return created

    def _complete_stored_examples(self, db: Session) -> None:
        """An example profile stored by an older app lacks what later versions moved into it: its
        organisation's KPIs and own criteria (before version 2: generic reference data), and the
        rules its plan states with their sources (before version 3), its mandate route (before
        version 4). Give it those of the shipped
        example of the same name, keeping everything the user changed. A key the stored document
        has is the user's (an emptied list stays empty); only a missing key is filled in."""
        rows = [
            (row, document)
            for row in db.scalars(select(ProfileRow).where(ProfileRow.is_example))
            if not {"kpis", "policy_rules", "mandate_route"} <= (document := json.loads(row.document)).keys()
        ]
        if not rows:
            return
        shipped = {
            example.name: example
            for example in (
                profile_from_document(json.loads(path.read_text(encoding="utf-8")))
                for path in sorted(resource_path("profiles").glob("*.json"))
            )
        }
        for row, document in rows:
            example = shipped.get(row.name)
            if example is None:
                continue
            row.document = self._checked_document(_completed(document, example))


# The own criteria the shipped examples gained with each profile version: a stored example receives
# those of later versions than its own, never again one its user deleted.
_OWN_CRITERIA_SINCE = {
    2: {"own-heerlen-challenge-vista-college", "own-heerlen-biodiversity-projects"},
    3: {
        "own-heerlen-sprinc-entrepreneurs",
        "own-heerlen-stadswerkplaats-repair-cafes",
        "own-maastricht-impactvoucher",
        "own-maastricht-social-return-cnme-mtb",
    },
}


def _completed(document: dict[str, Any], example: OrganisationProfile) -> OrganisationProfile:
    """The stored ``document`` with what the shipped ``example`` added since it was stored."""
    stored = profile_from_document(document)
    version = document.get("version", 1)
    new_ids = set().union(*(ids for since, ids in _OWN_CRITERIA_SINCE.items() if since > version))
    shipped_own = {c.id: c for c in example.own_criteria}
    own = tuple(
        replace(c, source=shipped_own[c.id].source) if c.id in shipped_own and not c.source else c
        for c in stored.own_criteria
    )
    own_ids = {c.id for c in own}
    # A focus SDG keeps its source and mark only while it reads as shipped: reworded, it is the user's.
    shipped_focus = {(f.sdg, f.reason): f for f in example.focus_sdgs}
    focus = tuple(
        replace(f, source=match.source, derived=match.derived)
        if not f.source and (match := shipped_focus.get((f.sdg, f.reason))) is not None
        else f
        for f in stored.focus_sdgs
    )
    return replace(
        stored,
        focus_sdgs=focus,
        kpis=stored.kpis if "kpis" in document else example.kpis,
        own_criteria=own
        + tuple(c for c in example.own_criteria if c.id in new_ids and c.id not in own_ids),
        policy_rules=stored.policy_rules if "policy_rules" in document else example.policy_rules,
        # An old threshold the user set became a route of its own; without one the shipped route.
        mandate_route=stored.mandate_route or example.mandate_route,
    )
