"""Scenario versions: the library's files, trainers' drafts, publishing and retiring.

Life of a scenario in the store:

- A **draft** is the text a trainer is editing: at most one per scenario id, saved as often
  as they like, even while it still has errors (nothing typed is lost).
- **Publishing** checks the draft (it must load with no problem at all) and turns it into the
  next published version. A published version never changes again: attempts point at the
  exact version they played, and a resumed call replays that text.
- The **catalogue** offers, per scenario id, the newest version that is not a draft, when it
  is published. **Retiring** marks the scenario's published versions retired: it leaves the
  catalogue, its attempts and versions stay. Restoring, or publishing a new version, brings
  it back.
- The scenario files of the library (./scenarios) are recorded as published versions the
  first time each text is seen (``record_library``), so the bundled scenarios and the
  studio's share one history.

Writing needs a trainer or an admin; reading drafts needs staff.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import re
from typing import TYPE_CHECKING

from sqlalchemy import func, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from ..scenario import yaml_lines
from ..user_text import accept
from ..scenario.loader import Library, load_as, load_text
from . import audit
from .errors import NotFound, NotPublishable
from .guard import require_role, utc_now
from .models import ScenarioVersionRow
from .records import ScenarioSummary, ScenarioVersion, User, from_row

if TYPE_CHECKING:
    from ..scenario.model import Scenario

AUTHORS = ("trainer", "admin")


SCENARIO_ID = re.compile(r"^[a-z0-9][a-z0-9-]{0,99}$")


def normal_scenario_id(scenario_id: str) -> str:
    """The id as stored, or ValueError saying what a scenario id may contain."""
    value = scenario_id.strip()
    if not SCENARIO_ID.match(value):
        raise ValueError(f"'{scenario_id}' is not a valid scenario id: use lower-case letters a-z, digits and '-' (up to 100)")
    return value


def content_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


class ScenarioVersions:
    """Mixed into :class:`simulator.store.Store` (which provides ``transaction``)."""

    # --- the library's files --------------------------------------------------------------
    def scenario_version(self, scenario: Scenario, yaml_text: str, now: dt.datetime | None = None) -> ScenarioVersion:
        """The version of ``scenario`` whose file text is ``yaml_text``; created (next number,
        published, or retired when the scenario is retired) the first time this text is seen."""
        digest = content_hash(yaml_text)
        for _ in range(3):
            try:
                with self.transaction() as session:
                    row = _by_hash(session, scenario.id, digest)
                    if row is None:
                        current = _current(session, scenario.id)
                        status = "retired" if current is not None and current.status == "retired" else "published"
                        row = ScenarioVersionRow(
                            scenario_id=scenario.id, version=_next_number(session, scenario.id), content_hash=digest,
                            yaml_text=yaml_text, status=status, created_at=utc_now(now), changed_at=utc_now(now), note="",
                            **_describe(scenario),
                        )
                        session.add(row)
                        session.flush()
                    return from_row(ScenarioVersion, row)
            except IntegrityError:  # another replica recorded a version at the same moment: look again
                continue
        raise RuntimeError(f"could not record a version of scenario '{scenario.id}'")

    def record_library(self, library: Library, now: dt.datetime | None = None) -> dict[str, ScenarioVersion]:
        """The version of every scenario of a loaded library, by scenario id. A file changed on
        disk since the library was loaded is left out (reload the library)."""
        versions = {}
        for scenario_id, scenario in library.scenarios.items():
            path = library.paths[scenario_id]
            text = path.read_text(encoding="utf-8")
            if load_text(text, str(path))[0] == scenario:
                versions[scenario_id] = self.scenario_version(scenario, text, now)
        return versions

    # --- reading --------------------------------------------------------------------------
    def version(self, version_id: int) -> ScenarioVersion:
        with self.transaction() as session:
            row = session.get(ScenarioVersionRow, version_id)
            if row is None:
                raise NotFound(f"no scenario version {version_id}")
            return from_row(ScenarioVersion, row)

    def versions(self, scenario_id: str) -> list[ScenarioVersion]:
        """Every version of a scenario, oldest first (a draft among them)."""
        query = select(ScenarioVersionRow).where(ScenarioVersionRow.scenario_id == scenario_id).order_by(ScenarioVersionRow.version)
        with self.transaction() as session:
            return [from_row(ScenarioVersion, row) for row in session.scalars(query)]

    def catalogue(self) -> list[ScenarioVersion]:
        """What trainees can play: per scenario id, its newest non-draft version when published."""
        newest = (
            select(ScenarioVersionRow.scenario_id, func.max(ScenarioVersionRow.version).label("version"))
            .where(ScenarioVersionRow.status != "draft")
            .group_by(ScenarioVersionRow.scenario_id)
            .subquery()
        )
        query = (
            select(ScenarioVersionRow)
            .join(newest, (ScenarioVersionRow.scenario_id == newest.c.scenario_id) & (ScenarioVersionRow.version == newest.c.version))
            .where(ScenarioVersionRow.status == "published")
            .order_by(ScenarioVersionRow.scenario_id)
        )
        with self.transaction() as session:
            return [from_row(ScenarioVersion, row) for row in session.scalars(query)]

    def studio_scenarios(self, viewer: User) -> list[ScenarioSummary]:
        """Every scenario id with its published version, its draft and whether it is retired (staff)."""
        with self.transaction() as session:
            require_role(session, viewer, ("trainer", "hr", "admin"), "see the scenario studio")
            rows = session.scalars(select(ScenarioVersionRow).order_by(ScenarioVersionRow.scenario_id, ScenarioVersionRow.version)).all()
        by_id: dict[str, list[ScenarioVersionRow]] = {}
        for row in rows:
            by_id.setdefault(row.scenario_id, []).append(row)
        summaries = []
        for scenario_id, versions in by_id.items():
            draft = next((v for v in versions if v.status == "draft"), None)
            current = next((v for v in reversed(versions) if v.status != "draft"), None)
            shown = draft or current
            summaries.append(ScenarioSummary(
                scenario_id, shown.title, shown.language, shown.channel, shown.category,
                published=from_row(ScenarioVersion, current) if current is not None and current.status == "published" else None,
                draft=from_row(ScenarioVersion, draft) if draft is not None else None,
                retired=current is not None and current.status == "retired",
                versions=sum(v.status != "draft" for v in versions),
            ))
        return summaries

    def draft(self, scenario_id: str) -> ScenarioVersion | None:
        with self.transaction() as session:
            row = _draft(session, scenario_id)
            return from_row(ScenarioVersion, row) if row else None

    # --- writing --------------------------------------------------------------------------
    def save_draft(self, author: User, scenario_id: str, yaml_text: str, *, new: bool = False, note: str = "",
                   now: dt.datetime | None = None) -> ScenarioVersion:
        """Save the draft of ``scenario_id`` (created, or replaced), even with errors in it.

        ``new=True`` starts a scenario: ValueError when the id is taken. ValueError too when
        the text is exactly an existing version (nothing changed); TooLong (a ValueError) when
        the text or the note is over its limit. Both are cleaned (simulator.user_text): the
        saved text is the one to keep editing.
        """
        scenario_id = normal_scenario_id(scenario_id)
        yaml_text, note = accept("scenario_text", yaml_text), accept("note", note).strip()
        digest = content_hash(yaml_text)
        with self.transaction() as session:
            require_role(session, author, AUTHORS, "edit scenarios")
            exists = session.scalar(select(func.count()).where(ScenarioVersionRow.scenario_id == scenario_id))
            if new and exists:
                raise ValueError(f"a scenario with the id '{scenario_id}' already exists: open it to edit, or choose another id")
            same = _by_hash(session, scenario_id, digest)
            if same is not None and same.status != "draft":
                raise ValueError(f"nothing to save: the text is version {same.version} as it is")
            row = _draft(session, scenario_id)
            fields = _describe_text(yaml_text, fallback=row or _current(session, scenario_id))
            if row is None:
                row = ScenarioVersionRow(scenario_id=scenario_id, version=_next_number(session, scenario_id),
                                         status="draft", created_at=utc_now(now))
                session.add(row)
            row.yaml_text, row.content_hash, row.author_id, row.changed_at, row.note = yaml_text, digest, author.id, utc_now(now), note
            for name, value in fields.items():
                setattr(row, name, value)
            session.flush()
            return from_row(ScenarioVersion, row)

    def discard_draft(self, author: User, scenario_id: str) -> None:
        with self.transaction() as session:
            require_role(session, author, AUTHORS, "edit scenarios")
            row = _draft(session, scenario_id)
            if row is not None:
                session.delete(row)

    def publish(self, author: User, scenario_id: str, note: str = "", now: dt.datetime | None = None) -> ScenarioVersion:
        """Publish the draft: NotPublishable when it does not load cleanly (or names another id);
        TooLong when the note is over its limit."""
        note = accept("note", note).strip()
        with self.transaction() as session:
            require_role(session, author, AUTHORS, "publish scenarios")
            row = _draft(session, scenario_id)
            if row is None:
                raise NotFound(f"scenario '{scenario_id}' has no draft to publish")
            scenario, problems = load_as(row.yaml_text, scenario_id, f"{scenario_id}.yaml")
            if problems:
                raise NotPublishable(scenario_id, problems)
            newest = session.scalar(select(func.max(ScenarioVersionRow.version)).where(ScenarioVersionRow.scenario_id == scenario_id))
            if newest > row.version:     # a file of the library was recorded meanwhile: come after it
                row.version = newest + 1
            row.status, row.author_id, row.changed_at = "published", author.id, utc_now(now)
            row.note = note or row.note
            for name, value in _describe(scenario).items():
                setattr(row, name, value)
            session.flush()
            audit.record(session, "publication", author, f"scenario {scenario_id} v{row.version}", {"change": "published"},
                         now=now)
            return from_row(ScenarioVersion, row)

    def retire(self, author: User, scenario_id: str) -> int:
        """Take a scenario out of the catalogue; its versions and attempts stay. Returns how many versions."""
        with self.transaction() as session:
            require_role(session, author, AUTHORS, "retire scenarios")
            result = session.execute(
                update(ScenarioVersionRow)
                .where(ScenarioVersionRow.scenario_id == scenario_id, ScenarioVersionRow.status == "published")
                .values(status="retired")
            )
            audit.record(session, "publication", author, f"scenario {scenario_id}", {"change": "retired"})
            return result.rowcount or 0

    def restore(self, author: User, scenario_id: str) -> ScenarioVersion:
        """Bring a retired scenario back: its newest version is published again."""
        with self.transaction() as session:
            require_role(session, author, AUTHORS, "restore scenarios")
            row = _current(session, scenario_id)
            if row is None:
                raise NotFound(f"scenario '{scenario_id}' has no version to restore")
            row.status = "published"
            audit.record(session, "publication", author, f"scenario {scenario_id} v{row.version}", {"change": "restored"})
            return from_row(ScenarioVersion, row)




def _by_hash(session: Session, scenario_id: str, digest: str) -> ScenarioVersionRow | None:
    return session.scalars(select(ScenarioVersionRow).where(
        ScenarioVersionRow.scenario_id == scenario_id, ScenarioVersionRow.content_hash == digest)).first()


def _draft(session: Session, scenario_id: str) -> ScenarioVersionRow | None:
    return session.scalars(select(ScenarioVersionRow).where(
        ScenarioVersionRow.scenario_id == scenario_id, ScenarioVersionRow.status == "draft")).first()


def _current(session: Session, scenario_id: str) -> ScenarioVersionRow | None:
    """The newest version that is not a draft."""
    return session.scalars(
        select(ScenarioVersionRow)
        .where(ScenarioVersionRow.scenario_id == scenario_id, ScenarioVersionRow.status != "draft")
        .order_by(ScenarioVersionRow.version.desc())
    ).first()


def _next_number(session: Session, scenario_id: str) -> int:
    last = session.scalar(select(func.max(ScenarioVersionRow.version)).where(ScenarioVersionRow.scenario_id == scenario_id))
    return (last or 0) + 1


def _describe(scenario: Scenario) -> dict[str, str]:
    return {"title": scenario.title, "language": scenario.language, "channel": scenario.channel, "category": scenario.category}


def _describe_text(yaml_text: str, fallback: ScenarioVersionRow | None) -> dict[str, str]:
    """Title, language, channel and category of a draft that may not load yet: what its text
    says where it can be read, else what the draft or version before said."""
    scenario, _ = load_text(yaml_text)
    if scenario is not None:
        return _describe(scenario)
    try:
        data = yaml_lines.load(yaml_text).data
    except yaml_lines.YamlError:
        data = None
    data = data if isinstance(data, dict) else {}
    limits = {"title": 300, "language": 2, "channel": 16, "category": 50}
    described = {}
    for name, limit in limits.items():
        value = data.get(name)
        if not isinstance(value, str) or not value.strip():
            value = getattr(fallback, name, None) or ("?" if name == "title" else "")
        described[name] = value.strip()[:limit]
    return described
