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
  first time each text is seen (``record_library``, by the system or a trainer or admin), so
  the bundled scenarios and the studio's share one history.
- A version whose text includes shared steps (scenarios/shared) keeps a copy of them as they
  were when it was published or recorded (``shared_steps``, migration 0009), and is read with
  that copy: editing a step changes no past version. The same text with the steps edited since
  is a new version (its content hash covers the copy).

Writing needs a trainer or an admin; reading drafts needs staff.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
from typing import TYPE_CHECKING

from sqlalchemy import func, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from ..library.loader import Library, load_as, load_stored, load_text
from ..scenario import shared_steps, yaml_lines
from ..user_text import accept
from . import audit
from .errors import NotFound, NotPublishable, RefusedValue
from .guard import Actor, require_active, require_role, utc_now
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
        raise RefusedValue(f"'{scenario_id}' is not a valid scenario id: use lower-case letters a-z, digits and '-' (up to 100)",
                           code="scenario_id_invalid", given=scenario_id)
    return value


def content_hash(text: str, steps_copy: dict | None = None) -> str:
    """SHA-256 of a version's text, and of its copy of the shared steps when it keeps one (a text
    without includes hashes as it always did)."""
    if steps_copy:
        text += "\n# shared steps as published: " + json.dumps(steps_copy, ensure_ascii=False, sort_keys=True)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def library_steps() -> shared_steps.Steps:
    """The shared steps a text with no file includes now ($SIMULATOR_SCENARIOS/shared)."""
    return shared_steps.load(shared_steps.folder_for(None))


def _not_the_scenario(scenario: Scenario, problems: list) -> ValueError:
    why = f": {problems[0]}" if problems else ""
    return ValueError(f"the text given is not the scenario '{scenario.id}' being played{why}; reload the library")


class ScenarioVersions:
    """Mixed into :class:`simulator.store.Store` (which provides ``transaction``)."""

    # --- the library's files --------------------------------------------------------------
    def scenario_version(self, scenario: Scenario, yaml_text: str, now: dt.datetime | None = None, *,
                         shared: shared_steps.Steps | None = None, check: bool = False, by: Actor) -> ScenarioVersion:
        """The version of ``scenario`` whose file text is ``yaml_text``; created (next number,
        published, or retired when the scenario is retired) the first time this text is seen.
        ``by``: any active user (a trainee starting a call records the text they play), or
        :data:`~simulator.store.guard.SHELL`; PermissionError for a deactivated one.

        A text that includes shared steps (``shared``: the steps it was read with, default the
        library's) is the version that keeps the same copy of them, else an older version of the
        same text whose copy still reads as ``scenario`` (the one the catalogue offers), else a new
        version with a copy of them now; ValueError when none reads as ``scenario``. ``check``:
        a text without includes must read as ``scenario`` too (a call about to start)."""
        steps_copy = shared_steps.freeze(yaml_text, shared if shared is not None else library_steps())
        digest = content_hash(yaml_text, steps_copy)
        if steps_copy is None and check:
            parsed, problems = load_text(yaml_text, scenario.id)
            if parsed != scenario:
                raise _not_the_scenario(scenario, problems)
        for _ in range(3):
            try:
                with self.transaction() as session:
                    require_active(session, by, "record a scenario version")
                    row = _by_hash(session, scenario.id, digest)
                    if steps_copy is not None:
                        row = _reading_as(session, scenario, yaml_text, row)
                        if row is None:
                            parsed, problems = load_stored(yaml_text, steps_copy, scenario.id)
                            if parsed != scenario:
                                raise _not_the_scenario(scenario, problems)
                    if row is None:
                        current = _current(session, scenario.id)
                        status = "retired" if current is not None and current.status == "retired" else "published"
                        row = ScenarioVersionRow(
                            scenario_id=scenario.id, version=_next_number(session, scenario.id), content_hash=digest,
                            yaml_text=yaml_text, status=status, created_at=utc_now(now), changed_at=utc_now(now), note="",
                            shared_steps=steps_copy, **_describe(scenario),
                        )
                        session.add(row)
                        session.flush()
                    return from_row(ScenarioVersion, row)
            except IntegrityError:  # another replica recorded a version at the same moment: look again
                continue
        raise RuntimeError(f"could not record a version of scenario '{scenario.id}'")

    def record_library(self, library: Library, now: dt.datetime | None = None, *, by: Actor) -> dict[str, ScenarioVersion]:
        """The version of every scenario of a loaded library, by scenario id. A file changed on
        disk since the library was loaded is left out (reload the library). ``by``: a trainer or
        an admin, or :data:`~simulator.store.guard.SHELL` (the app records the scenario folder's
        files through simulator.services.catalogue.record_files, as the system)."""
        with self.transaction() as session:
            require_role(session, by, AUTHORS, "record the scenario library")
        versions = {}
        for scenario_id, scenario in library.scenarios.items():
            path = library.paths[scenario_id]
            text = path.read_text(encoding="utf-8")
            steps = shared_steps.load(shared_steps.folder_for(path))
            if load_text(text, str(path), steps)[0] == scenario:
                versions[scenario_id] = self.scenario_version(scenario, text, now, shared=steps, by=by)
        return versions

    # --- reading --------------------------------------------------------------------------
    def version(self, version_id: int) -> ScenarioVersion:
        with self.transaction() as session:
            row = session.get(ScenarioVersionRow, version_id)
            if row is None:
                raise NotFound(f"no scenario version {version_id}", code="version_missing", version_id=version_id)
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
        digest = content_hash(yaml_text, shared_steps.freeze(yaml_text, library_steps()))   # as it would be published now
        with self.transaction() as session:
            require_role(session, author, AUTHORS, "edit scenarios")
            exists = session.scalar(select(func.count()).where(ScenarioVersionRow.scenario_id == scenario_id))
            if new and exists:
                raise RefusedValue(f"a scenario with the id '{scenario_id}' already exists: open it to edit, or choose another id",
                                   code="scenario_exists", scenario_id=scenario_id)
            same = _by_hash(session, scenario_id, digest)
            if same is not None and same.status != "draft":
                raise RefusedValue(f"nothing to save: the text is version {same.version} as it is", code="nothing_to_save",
                                   version=same.version)
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
                raise NotFound(f"scenario '{scenario_id}' has no draft to publish", code="no_draft", scenario_id=scenario_id)
            scenario, problems = load_as(row.yaml_text, scenario_id, f"{scenario_id}.yaml")
            if problems:
                raise NotPublishable(scenario_id, problems)
            steps_copy = shared_steps.freeze(row.yaml_text, library_steps())     # the steps as they are now, kept
            digest = content_hash(row.yaml_text, steps_copy)
            same = _by_hash(session, scenario_id, digest)
            if same is not None and same.id != row.id:
                raise RefusedValue(f"nothing to publish: the text is version {same.version} as it is", code="nothing_to_publish",
                                   version=same.version)
            row.shared_steps, row.content_hash = steps_copy, digest
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
                raise NotFound(f"scenario '{scenario_id}' has no version to restore", code="nothing_to_restore",
                               scenario_id=scenario_id)
            row.status = "published"
            audit.record(session, "publication", author, f"scenario {scenario_id} v{row.version}", {"change": "restored"})
            return from_row(ScenarioVersion, row)




def _by_hash(session: Session, scenario_id: str, digest: str) -> ScenarioVersionRow | None:
    return session.scalars(select(ScenarioVersionRow).where(
        ScenarioVersionRow.scenario_id == scenario_id, ScenarioVersionRow.content_hash == digest)).first()


def _reading_as(session: Session, scenario: Scenario, yaml_text: str, row: ScenarioVersionRow | None) -> ScenarioVersionRow | None:
    """``row`` (the version keeping today's copy of the steps), else the newest version of the same
    text whose copy of the steps reads as ``scenario``; None when neither does."""
    rows = [row] if row is not None else []
    rows += session.scalars(select(ScenarioVersionRow).where(
        ScenarioVersionRow.scenario_id == scenario.id, ScenarioVersionRow.status != "draft",
        ScenarioVersionRow.yaml_text == yaml_text, ScenarioVersionRow.shared_steps.is_not(None), ScenarioVersionRow.id != (row.id if row is not None else -1),
    ).order_by(ScenarioVersionRow.version.desc())).all()
    for candidate in rows:
        if load_stored(candidate.yaml_text, candidate.shared_steps, scenario.id)[0] == scenario:
            return candidate
    return None


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
