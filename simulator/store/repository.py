"""The Store: every read and write the app needs, each in one short transaction.

Methods take and return plain records (simulator.store.records), never ORM objects. Times
are timezone-aware UTC datetimes; every method that stamps a time takes ``now`` (default:
the current time) so that tests and replays control it.

Who may see and write what is decided here, not in the pages: every read that depends on
the person takes them (``viewer``) and every write the acting user (``by``, keyword-only), and
the role is read from the database (simulator/store/guard.py), never from the record the caller
holds; PermissionError when refused.

- Reads: a trainee only ever gets their own attempts and progress; trainers, HR and admins see all.
- Accounts: admins create, import, update, (de)activate users and set their passwords; a user
  changes only their own interface language here, and their own password only through
  ``accounts.change_own_password`` (which checks the current one). ``accounts`` holds the
  audited entry points the app and the command line use.
- Attempts: only the trainee whose call it is starts it, saves its turns, sets takes aside and
  finishes it (staff read a trainee's call, never write it); the sweep of stale calls
  (:meth:`Store.abandon_stale`) is the system's or an admin's.

Whoever holds the database without logging in (the command line, set-up, demo accounts, load
test, benches, tests' fixtures) acts as ``guard.SHELL``, which every check lets through; the app
never passes it.
"""
from __future__ import annotations

import csv
import datetime as dt
import re
from collections import defaultdict
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

from sqlalchemy import Engine, case, delete, exists, func, or_, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, sessionmaker

from ..refusal import RefusedText
from ..user_text import accept
from . import auth, login_throttle
from .calibration import active_tuning_id
from .db import engine_from_env, migrate
from .errors import AttemptClosed, NotFound, RefusedPermission, RefusedValue, database_errors
from .findings import turn_findings
from .reruns import counted
from .report_queries import ReportQueries
from .reviews import Reviews, _overrides
from .scenario_versions import ScenarioVersions
from .voice_checks import VoiceChecks
from .guard import SHELL, Actor, require_own_attempt, require_role, require_self, utc_now, visible_user
from .models import (
    LANGUAGES,
    MODES,
    ROLES,
    AssignmentRow,
    AttemptRow,
    LoginSessionRow,
    ScenarioVersionRow,
    TurnFindingRow,
    TurnRow,
    UserRow,
)
from .records import (
    Assignment,
    Attempt,
    AttemptDetail,
    CategoryMean,
    ImportResult,
    MissedFact,
    Progress,
    ProgressPoint,
    ScenarioStats,
    TurnRecord,
    User,
    from_row,
)

if TYPE_CHECKING:
    pass

USERNAME = re.compile(r"^[a-z0-9][a-z0-9._@-]{0,63}$")
STAFF = ("trainer", "hr", "admin")
ADMIN = ("admin",)
IMPORT_COLUMNS = "username,full_name,group[,language]"
_KEEP: Any = object()



def normal_username(username: str) -> str:
    """The stored form of a username (lower case), or ValueError saying what is wrong."""
    name = username.strip().lower()
    if not USERNAME.match(name):
        raise RefusedValue(
            f"'{username}' is not a valid username: use 1-64 letters a-z, digits and . _ @ -, starting with a letter or digit",
            code="username_invalid", given=username,
        )
    return name


def _choice(value: str, allowed: tuple[str, ...], what: str, code: str) -> str:
    if value not in allowed:
        raise RefusedValue(f"{what} must be one of {', '.join(allowed)}, not '{value}'", code=code, given=value)
    return value


class Store(ScenarioVersions, Reviews, ReportQueries, VoiceChecks):
    """Persistence over one SQLAlchemy engine (SQLite file or PostgreSQL); thread-safe."""

    def __init__(self, engine: Engine):
        self.engine = engine
        self._sessions = sessionmaker(engine, expire_on_commit=False)

    @classmethod
    def open(cls, url: str | None = None, *, upgrade: bool = True) -> Store:
        """The store at ``url`` / DATABASE_URL / the default SQLite file, migrated to the newest
        schema. DatabaseUnavailable (simulator.store.errors) while it cannot be reached."""
        with database_errors():
            engine = engine_from_env(url)
            if upgrade:
                migrate(engine)
        return cls(engine)

    def close(self) -> None:
        self.engine.dispose()

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """One ORM session in one transaction, committed at the end (for this package's modules).
        The database library's errors leave it as the store's own (errors.database_errors)."""
        with database_errors(), self._sessions.begin() as session:
            yield session

    # --- users ----------------------------------------------------------------------------
    def create_user(
        self,
        username: str,
        role: str,
        password: str,
        *,
        full_name: str = "",
        group: str | None = None,
        language: str = "uk",
        now: dt.datetime | None = None,
        by: Actor,
    ) -> User:
        """A new active user, made by an admin (``by``; PermissionError for anyone else). ValueError
        for a bad or taken username, role, language or weak password; TooLong (a ValueError) for a
        name or group over its limit. ``accounts.create`` is the audited way in."""
        self._require(by, ADMIN, "create accounts")
        username = normal_username(username)
        full_name, group = accept("full_name", full_name), accept("group", group) if group else None
        _choice(role, ROLES, "role", code="role_unknown")
        _choice(language, LANGUAGES, "language", code="language_unknown")
        password_hash = auth.hash_password(password)
        try:
            with self.transaction() as session:
                require_role(session, by, ADMIN, "create accounts")
                row = UserRow(
                    username=username, full_name=full_name.strip(), role=role, group_name=(group or "").strip() or None,
                    password_hash=password_hash, language=language, active=True, created_at=utc_now(now),
                )
                session.add(row)
                session.flush()
                return from_row(User, row)
        except IntegrityError:
            raise RefusedValue(f"the username '{username}' is already taken", code="username_taken", username=username) from None

    def user(self, user_id: int) -> User | None:
        with self.transaction() as session:
            row = session.get(UserRow, user_id)
            return from_row(User, row) if row else None

    def user_by_username(self, username: str) -> User | None:
        with self.transaction() as session:
            row = session.scalars(select(UserRow).where(UserRow.username == username.strip().lower())).first()
            return from_row(User, row) if row else None

    def users(self, role: str | None = None, group: str | None = None, include_inactive: bool = False) -> list[User]:
        query = select(UserRow).order_by(UserRow.username)
        if role is not None:
            query = query.where(UserRow.role == _choice(role, ROLES, "role", code="role_unknown"))
        if group is not None:
            query = query.where(UserRow.group_name == group)
        if not include_inactive:
            query = query.where(UserRow.active.is_(True))
        with self.transaction() as session:
            return [from_row(User, row) for row in session.scalars(query)]

    def groups(self) -> list[str]:
        """The names of the groups active users belong to."""
        query = select(UserRow.group_name).where(UserRow.group_name.is_not(None), UserRow.active.is_(True)).distinct()
        with self.transaction() as session:
            return sorted(session.scalars(query))

    def update_user(self, user_id: int, *, by: Actor, full_name: str = _KEEP, role: str = _KEEP,
                    group: str | None = _KEEP, language: str = _KEEP) -> User:
        """Change the given fields (the others stay). An admin (``by``) changes anyone's; a user
        only their own interface language (PermissionError otherwise)."""
        full_name = full_name if full_name is _KEEP else accept("full_name", full_name)
        group = group if group is _KEEP or not group else accept("group", group)
        own_language = full_name is _KEEP and role is _KEEP and group is _KEEP
        with self.transaction() as session:
            if own_language and by is not SHELL and by.id == user_id:
                require_self(session, by, user_id, "change their interface language")
            else:
                require_role(session, by, ADMIN, "change other users' accounts")
            row = self._user_row(session, user_id)
            if full_name is not _KEEP:
                row.full_name = full_name.strip()
            if role is not _KEEP:
                row.role = _choice(role, ROLES, "role", code="role_unknown")
            if group is not _KEEP:
                row.group_name = (group or "").strip() or None
            if language is not _KEEP:
                row.language = _choice(language, LANGUAGES, "language", code="language_unknown")
            return from_row(User, row)

    def set_password(self, user_id: int, password: str, *, by: Actor) -> None:
        """Replace the password, lift any lock and log the user out everywhere; an admin's
        (``by``) action (``accounts.reset_password``, audited). A user sets their own through
        ``accounts.change_own_password``, which checks the current one first."""
        self._require(by, ADMIN, "set passwords")
        self._replace_password(user_id, password)

    def _replace_password(self, user_id: int, password: str) -> None:
        """set_password's write with no check of who acts: for :meth:`set_password` once it has
        checked the admin, and ``accounts.change_own_password`` once it has checked the user and
        their current password. Nothing else calls it."""
        password_hash = auth.hash_password(password)
        with self.transaction() as session:
            row = self._user_row(session, user_id)
            row.password_hash = password_hash
            login_throttle.unlock(session, row.username)
            session.execute(delete(LoginSessionRow).where(LoginSessionRow.user_id == user_id))

    def set_active(self, user_id: int, active: bool, *, by: Actor) -> User:
        """Deactivate (and log out everywhere) or reactivate; history is kept either way. Admins only."""
        with self.transaction() as session:
            require_role(session, by, ADMIN, "deactivate or reactivate accounts")
            row = self._user_row(session, user_id)
            row.active = active
            if not active:
                session.execute(delete(LoginSessionRow).where(LoginSessionRow.user_id == user_id))
            return from_row(User, row)

    def deactivate(self, user_id: int, *, by: Actor) -> User:
        return self.set_active(user_id, False, by=by)

    def import_trainees(self, csv_text: str | Iterable[str], now: dt.datetime | None = None, *,
                        by: Actor) -> list[ImportResult]:
        """Create trainees from CSV lines ``username,full_name,group[,language]``; admins only
        (``by``; ``accounts.import_trainees`` is the audited way in).

        A first line starting with ``username`` is a header; ``;`` works as the separator
        too (spreadsheets in Ukrainian locales write it). Every line gets a result: created,
        with a random first password to hand over, or the reason it was not. Good lines are
        created even when others are bad.
        """
        self._require(by, ADMIN, "import trainees")
        lines = csv_text.splitlines() if isinstance(csv_text, str) else list(csv_text)
        if lines:
            lines[0] = lines[0].lstrip("\ufeff")
        first = next((line for line in lines if line.strip()), "")
        delimiter = ";" if ";" in first and "," not in first else ","
        reader = csv.reader(lines, delimiter=delimiter)
        results: list[ImportResult] = []
        seen: dict[str, int] = {}
        for cells in reader:
            line = reader.line_num
            cells = [cell.strip() for cell in cells]
            if not any(cells) or (not results and not seen and cells[0].lower() == "username"):
                continue
            username = cells[0]
            try:
                if len(cells) not in (3, 4):
                    raise RefusedValue(f"expected {IMPORT_COLUMNS}, found {len(cells)} field(s)", code="import_fields",
                                       count=len(cells))
                username = normal_username(cells[0])
                if username in seen:
                    raise RefusedValue(f"username '{username}' is already on line {seen[username]}", code="import_repeat",
                                       username=username, line=seen[username])
                seen[username] = line
                language = (cells[3] if len(cells) == 4 else "") or "uk"
                _choice(language, LANGUAGES, "language", code="language_unknown")
                password = auth.new_password()
                user = self.create_user(username, "trainee", password, full_name=cells[1], group=cells[2] or None,
                                        language=language, now=now, by=by)
            except ValueError as exc:
                results.append(ImportResult(line, username, False, RefusedText(exc)))
            else:
                results.append(ImportResult(line, username, True, password=password, user=user))
        return results

    # --- attempts and turns ---------------------------------------------------------------
    def start_attempt(self, user_id: int, version_id: int, mode: str = "practice", seed: int = 0,
                      now: dt.datetime | None = None, *, by: Actor) -> Attempt:
        """A new in-progress attempt of ``user_id``, started by that user (``by``; PermissionError
        for anyone else, staff included). The user's other in-progress attempts at the same
        scenario are abandoned: one open call per user and scenario. It records the site's
        tuning of the scorer in force for its language (simulator/store/calibration.py)."""
        _choice(mode, MODES, "mode", code="mode_unknown")
        now = utc_now(now)
        with self.transaction() as session:
            require_self(session, by, user_id, "start their calls")
            user = self._user_row(session, user_id)
            if not user.active:
                raise RefusedPermission(f"user '{user.username}' is deactivated", code="user_inactive")
            version = session.get(ScenarioVersionRow, version_id)
            if version is None:
                raise NotFound(f"no scenario version {version_id}", code="version_missing", version_id=version_id)
            same_scenario = select(ScenarioVersionRow.id).where(ScenarioVersionRow.scenario_id == version.scenario_id)
            session.execute(
                update(AttemptRow)
                .where(AttemptRow.user_id == user_id, AttemptRow.status == "in_progress",
                       AttemptRow.scenario_version_id.in_(same_scenario))
                .values(status="abandoned", outcome="abandoned", finished_at=now)
            )
            row = AttemptRow(user_id=user_id, scenario_version_id=version_id, mode=mode, seed=seed, status="in_progress",
                             started_at=now, last_activity_at=now, tuning_id=active_tuning_id(session, version.language))
            session.add(row)
            session.flush()
            return self._attempt(session, row.id)

    def save_turn(self, attempt_id: int, turn: dict[str, Any], audio_key: str | None = None,
                  now: dt.datetime | None = None, *, by: Actor) -> TurnRecord:
        """Save one answered turn (``Turn.to_dict()``, optionally with ``latency``) at once, by
        the attempt's own user (``by``; PermissionError for anyone else).

        Idempotent on (attempt, index): saving the same turn again (a retry after a lost
        connection) returns the row already saved and changes nothing.
        """
        values = _turn_values(turn)
        now = utc_now(now)
        with self.transaction() as session:
            attempt = require_own_attempt(session, by, attempt_id, "save turns of their calls")
            saved = self._turn_row(session, attempt_id, values["index"])
            if saved is not None:
                return from_row(TurnRecord, saved)
            if attempt.status != "in_progress":
                raise AttemptClosed(f"attempt {attempt_id} is {attempt.status}: no more turns can be saved", code="attempt_closed",
                                    attempt_id=attempt_id, status=attempt.status)
            row = TurnRow(attempt_id=attempt_id, audio_key=audio_key, created_at=now, **values)
            try:
                with session.begin_nested():
                    session.add(row)
                    session.flush()
            except IntegrityError:      # the same turn, saved by a concurrent retry
                return from_row(TurnRecord, self._turn_row(session, attempt_id, values["index"]))
            if attempt.rerun_of is None:        # a rerun's replies (issue 17) count in no report, its findings neither
                session.add_all(
                    TurnFindingRow(attempt_id=attempt_id, user_id=attempt.user_id, scenario_version_id=attempt.scenario_version_id,
                                   turn_index=row.index, kind=kind, item=item, label=label, created_at=now)
                    for kind, item, label in turn_findings(values["score"])
                )
            attempt.last_activity_at = now
            attempt.set_aside = None        # the takes set aside were this reply's
            return from_row(TurnRecord, row)

    def set_aside(self, attempt_id: int, takes: list[tuple[float, float]] | None = None, *,
                  by: Actor) -> list[tuple[float, float]]:
        """The current reply's takes the app could not use, [(length, checking seconds), ...]:
        with ``takes``, kept (replacing what was kept) while the call is in progress; then (or
        without) read. Saving the reply's turn clears them. The attempt's own user only (``by``)."""
        with self.transaction() as session:
            attempt = require_own_attempt(session, by, attempt_id, "set takes of their calls aside")
            if takes is not None and attempt.status == "in_progress":
                attempt.set_aside = [[float(length), float(checking)] for length, checking in takes] or None
            return [(length, checking) for length, checking in attempt.set_aside or []]

    def finish_attempt(self, attempt_id: int, outcome: str, scorecard: dict[str, Any] | None,
                       now: dt.datetime | None = None, *, by: Actor) -> Attempt:
        """Record the end of the call and its scorecard (``CallScore.to_dict()``), by the
        attempt's own user (``by``; PermissionError for anyone else). The attempt becomes
        completed (abandoned when the outcome is ``abandoned``). Finishing twice is a no-op.
        ``scorecard`` None: a call abandoned before any reply, kept unscored (so no report or
        readiness figure counts it)."""
        if scorecard is None and outcome != "abandoned":
            raise ValueError(f"a call that ended as '{outcome}' needs its scorecard")
        with self.transaction() as session:
            row = require_own_attempt(session, by, attempt_id, "finish their calls")
            if row.status == "in_progress" and scorecard is None:
                row.status = row.outcome = "abandoned"
                row.finished_at = row.last_activity_at = utc_now(now)
            elif row.status == "in_progress":
                row.status = "abandoned" if outcome == "abandoned" else "completed"
                row.outcome = outcome
                row.finished_at = row.last_activity_at = utc_now(now)
                row.overall = float(scorecard["overall"])
                row.accuracy = float(scorecard["accuracy"])
                row.empathy = float(scorecard["empathy"])
                row.time_score = float(scorecard["time"]["score"])
                row.passed = bool(scorecard["passed"])
                row.critical = "critical" in scorecard.get("reasons", [])
                row.scorecard = scorecard
            elif row.status == "abandoned" and row.scorecard is None and scorecard is not None:
                raise AttemptClosed(f"attempt {attempt_id} was abandoned (no activity for too long)", code="attempt_closed",
                                    attempt_id=attempt_id, status="abandoned")
            return self._attempt(session, attempt_id)

    def open_attempt(self, user_id: int, scenario_id: str) -> AttemptDetail | None:
        """The user's in-progress attempt at this scenario, with its saved turns, to resume."""
        query = (
            select(AttemptRow.id)
            .join(ScenarioVersionRow, AttemptRow.scenario_version_id == ScenarioVersionRow.id)
            .where(AttemptRow.user_id == user_id, AttemptRow.status == "in_progress", ScenarioVersionRow.scenario_id == scenario_id)
            .order_by(AttemptRow.started_at.desc(), AttemptRow.id.desc())
        )
        with self.transaction() as session:
            attempt_id = session.scalars(query).first()
            return None if attempt_id is None else self._detail(session, attempt_id)

    def abandon_stale(self, older_than: dt.timedelta, now: dt.datetime | None = None, *, by: Actor) -> int:
        """Mark in-progress attempts with no activity for ``older_than`` as abandoned; returns how
        many. The system's sweep (``by`` SHELL: ``maintenance.housekeeping``) or an admin's."""
        now = utc_now(now)
        with self.transaction() as session:
            require_role(session, by, ADMIN, "abandon stale calls")
            result = session.execute(
                update(AttemptRow)
                .where(AttemptRow.status == "in_progress", AttemptRow.last_activity_at < now - older_than)
                .values(status="abandoned", outcome="abandoned", finished_at=now)
            )
            return result.rowcount or 0

    def attempts(self, viewer: User, user_id: int | None = None, *, scenario_id: str | None = None,
                 status: str | None = None, mode: str | None = None, group: str | None = None,
                 finished_since: dt.datetime | None = None, finished_until: dt.datetime | None = None,
                 reviewed: bool | None = None, limit: int | None = None) -> list[Attempt]:
        """Attempts, newest first. A trainee gets only their own (PermissionError when asking
        for someone else's); staff get everyone's, or one user's with ``user_id``. Filters:
        the trainee's group, finished in [since, until), reviewed by a trainer or not."""
        with self.transaction() as session:
            user_id = visible_user(session, viewer, user_id)
            query = _attempt_query().order_by(AttemptRow.started_at.desc(), AttemptRow.id.desc())
            if user_id is not None:
                query = query.where(AttemptRow.user_id == user_id)
            if group is not None:
                query = query.where(UserRow.group_name == group)
            if finished_since is not None:
                query = query.where(AttemptRow.finished_at >= finished_since)
            if finished_until is not None:
                query = query.where(AttemptRow.finished_at < finished_until)
            if reviewed is not None:
                query = query.where(AttemptRow.reviewed_overall.is_not(None) if reviewed else AttemptRow.reviewed_overall.is_(None))
            if scenario_id is not None:
                query = query.where(ScenarioVersionRow.scenario_id == scenario_id)
            if status is not None:
                query = query.where(AttemptRow.status == status)
            if mode is not None:
                query = query.where(AttemptRow.mode == mode)
            if limit is not None:
                query = query.limit(limit)
            return [_attempt_record(row) for row in session.execute(query)]

    def attempt_detail(self, viewer: User, attempt_id: int) -> AttemptDetail:
        """One attempt with its scorecard and turns, under the same rule as :meth:`attempts`."""
        with self.transaction() as session:
            row = session.get(AttemptRow, attempt_id)
            if row is None:
                raise NotFound(f"no attempt {attempt_id}", code="attempt_missing", attempt_id=attempt_id)
            visible_user(session, viewer, row.user_id)
            return self._detail(session, attempt_id)

    # --- progress and catalogue -----------------------------------------------------------
    def progress(self, viewer: User, user_id: int | None = None, top: int = 5) -> Progress:
        """A user's scores over time and weakest areas (own only, for a trainee). The replies
        of an exam still in progress count only once it ends: the examinee sees no feedback
        before then, not even as a missed fact or a moved average."""
        with self.transaction() as session:
            user_id = visible_user(session, viewer, user_id) or viewer.id
            finished = session.execute(
                _attempt_query().where(AttemptRow.user_id == user_id, AttemptRow.status == "completed", counted())
                .order_by(AttemptRow.finished_at, AttemptRow.id)
            )
            points = [
                ProgressPoint(a.id, a.scenario_id, a.title, a.category, a.mode, a.finished_at, a.overall, a.accuracy,
                              a.empathy, a.time_score, bool(a.passed))
                for a in map(_attempt_record, finished)
            ]
            scored = session.execute(
                select(TurnRow.score, TurnRow.overall, TurnRow.accuracy, TurnRow.empathy, TurnRow.time_score,
                       ScenarioVersionRow.scenario_id, ScenarioVersionRow.category)
                .join(AttemptRow, TurnRow.attempt_id == AttemptRow.id)
                .join(ScenarioVersionRow, AttemptRow.scenario_version_id == ScenarioVersionRow.id)
                .where(AttemptRow.user_id == user_id, TurnRow.overall.is_not(None), counted(),
                       or_(AttemptRow.mode != "exam", AttemptRow.status != "in_progress"))
            ).all()
        return Progress(points, _missed_facts(scored)[:top], _category_means(scored), _skills(scored))

    def catalogue_stats(self, user: User) -> dict[str, ScenarioStats]:
        """The user's own completed attempts per scenario id: count, best score, passed, last."""
        query = (
            select(ScenarioVersionRow.scenario_id, func.count(AttemptRow.id), func.max(AttemptRow.overall),
                   func.max(case((AttemptRow.passed.is_(True), 1), else_=0)), func.max(AttemptRow.finished_at))
            .join(ScenarioVersionRow, AttemptRow.scenario_version_id == ScenarioVersionRow.id)
            .where(AttemptRow.user_id == user.id, AttemptRow.status == "completed", counted())
            .group_by(ScenarioVersionRow.scenario_id)
        )
        with self.transaction() as session:
            return {
                scenario_id: ScenarioStats(scenario_id, count, best, bool(passed), last)
                for scenario_id, count, best, passed, last in session.execute(query)
            }

    # --- assignments ----------------------------------------------------------------------
    def assign(self, by: User, scenario_id: str, *, user_id: int | None = None, group: str | None = None,
               due: dt.date | None = None, now: dt.datetime | None = None) -> Assignment:
        """Assign a scenario to one trainee or to a group (exactly one of them), by staff only.
        Assigning the same scenario to the same trainee or group again changes the due date."""
        if (user_id is None) == (not group):
            raise RefusedValue("assign to a user or to a group (exactly one)", code="assign_target")
        with self.transaction() as session:
            require_role(session, by, STAFF, "manage assignments")
            if not session.scalar(select(func.count()).where(ScenarioVersionRow.scenario_id == scenario_id,
                                                             ScenarioVersionRow.status == "published")):
                raise RefusedValue(f"scenario '{scenario_id}' is not published: trainees could not play it",
                                   code="scenario_not_published", scenario_id=scenario_id)
            if user_id is not None:
                self._user_row(session, user_id)
            elif not session.scalar(select(func.count()).where(UserRow.group_name == group)):
                raise RefusedValue(f"no one is in the group '{group}'", code="group_empty", group=group)
            target = AssignmentRow.user_id == user_id if user_id is not None else AssignmentRow.group_name == group
            row = session.scalars(select(AssignmentRow).where(AssignmentRow.scenario_id == scenario_id, target)).first()
            if row is None:
                row = AssignmentRow(scenario_id=scenario_id, user_id=user_id, group_name=group or None, assigned_by=by.id,
                                    created_at=utc_now(now))
                session.add(row)
            row.due = due
            session.flush()
            return from_row(Assignment, row, done=False)

    def unassign(self, by: User, assignment_id: int) -> None:
        with self.transaction() as session:
            require_role(session, by, STAFF, "manage assignments")
            if not session.execute(delete(AssignmentRow).where(AssignmentRow.id == assignment_id)).rowcount:
                raise NotFound(f"no assignment {assignment_id}", code="assignment_missing", assignment_id=assignment_id)

    def assignments(self, by: User) -> list[Assignment]:
        """Every assignment (staff only), soonest due first; ``done`` is left False here: see
        :meth:`assignment_progress` for how many assignees have done each."""
        with self.transaction() as session:
            require_role(session, by, STAFF, "manage assignments")
            query = select(AssignmentRow).order_by(AssignmentRow.due.is_(None), AssignmentRow.due, AssignmentRow.id)
            return [from_row(Assignment, row, done=False) for row in session.scalars(query)]

    def assignment_progress(self, by: User) -> dict[int, tuple[int, int]]:
        """{assignment id: (active trainees who completed it since it was assigned, active
        trainees it applies to)}, in three queries whatever the number of trainees."""
        with self.transaction() as session:
            require_role(session, by, STAFF, "manage assignments")
            assignments = session.scalars(select(AssignmentRow)).all()
            trainees = session.execute(select(UserRow.id, UserRow.group_name)
                                       .where(UserRow.role == "trainee", UserRow.active.is_(True))).all()
            last_done = {
                (user_id, scenario_id): finished
                for user_id, scenario_id, finished in session.execute(
                    select(AttemptRow.user_id, ScenarioVersionRow.scenario_id, func.max(AttemptRow.finished_at))
                    .join(ScenarioVersionRow, AttemptRow.scenario_version_id == ScenarioVersionRow.id)
                    .where(AttemptRow.status == "completed", counted())
                    .group_by(AttemptRow.user_id, ScenarioVersionRow.scenario_id)
                )
            }
        progress = {}
        for assignment in assignments:
            assignees = [user_id for user_id, group in trainees
                         if user_id == assignment.user_id or (assignment.group_name and group == assignment.group_name)]
            done = sum(1 for user_id in assignees
                       if (finished := last_done.get((user_id, assignment.scenario_id))) and finished >= assignment.created_at)
            progress[assignment.id] = (done, len(assignees))
        return progress

    def assignments_for(self, user: User) -> list[Assignment]:
        """What the user has to do, directly or through their group, soonest due first, each
        marked ``done`` once the user completed that scenario after it was assigned."""
        with self.transaction() as session:
            row = self._user_row(session, user.id)
            mine = AssignmentRow.user_id == row.id
            if row.group_name:
                mine = mine | (AssignmentRow.group_name == row.group_name)
            done = exists(
                select(AttemptRow.id)
                .join(ScenarioVersionRow, AttemptRow.scenario_version_id == ScenarioVersionRow.id)
                .where(AttemptRow.user_id == row.id, AttemptRow.status == "completed", counted(),
                       ScenarioVersionRow.scenario_id == AssignmentRow.scenario_id,
                       AttemptRow.finished_at >= AssignmentRow.created_at)
            )
            query = (
                select(AssignmentRow, done.label("done"))
                .where(mine)
                .order_by(AssignmentRow.due.is_(None), AssignmentRow.due, AssignmentRow.id)
            )
            return [from_row(Assignment, assignment, done=bool(is_done)) for assignment, is_done in session.execute(query)]

    # --- inside ---------------------------------------------------------------------------
    def _require(self, by: Actor, roles: tuple[str, ...], what: str) -> None:
        """guard.require_role in a transaction of its own: a refusal before any costly work
        (hashing a password, reading a CSV file)."""
        with self.transaction() as session:
            require_role(session, by, roles, what)

    @staticmethod
    def _user_row(session: Session, user_id: int) -> UserRow:
        row = session.get(UserRow, user_id)
        if row is None:
            raise NotFound(f"no user {user_id}", code="user_missing", user_id=user_id)
        return row

    @staticmethod
    def _turn_row(session: Session, attempt_id: int, index: int) -> TurnRow | None:
        return session.scalars(select(TurnRow).where(TurnRow.attempt_id == attempt_id, TurnRow.index == index)).first()

    @staticmethod
    def _attempt(session: Session, attempt_id: int) -> Attempt:
        return _attempt_record(session.execute(_attempt_query().where(AttemptRow.id == attempt_id)).one())

    def _detail(self, session: Session, attempt_id: int) -> AttemptDetail:
        scorecard = session.scalar(select(AttemptRow.scorecard).where(AttemptRow.id == attempt_id))
        turns = session.scalars(select(TurnRow).where(TurnRow.attempt_id == attempt_id).order_by(TurnRow.index))
        return AttemptDetail(self._attempt(session, attempt_id), scorecard, [from_row(TurnRecord, t) for t in turns],
                             _overrides(session, attempt_id))


def _attempt_query():
    return (
        select(AttemptRow, UserRow.username, ScenarioVersionRow.scenario_id, ScenarioVersionRow.version,
               ScenarioVersionRow.title, ScenarioVersionRow.category)
        .join(UserRow, AttemptRow.user_id == UserRow.id)
        .join(ScenarioVersionRow, AttemptRow.scenario_version_id == ScenarioVersionRow.id)
    )


def _attempt_record(row) -> Attempt:
    attempt, username, scenario_id, version, title, category = row
    return from_row(Attempt, attempt, username=username, scenario_id=scenario_id, version=version, title=title,
                    category=category)


def _turn_values(turn: dict[str, Any]) -> dict[str, Any]:
    """The turn table's columns from ``Turn.to_dict()`` (plus an optional ``latency``)."""
    score = turn.get("score")
    latency = turn.get("latency")
    if latency is None and score:
        latency = score["time"].get("latency")
    replied_at = turn.get("replied_at")
    return {
        "index": int(turn["index"]),
        "node_id": turn["node"],
        "customer_line": turn["customer"],
        "reply": turn.get("reply") or "",
        "silent": bool(turn.get("silent")),
        "asked_at": float(turn["asked_at"]),
        "replied_at": None if replied_at is None else float(replied_at),
        "latency": latency,
        "overall": float(score["overall"]) if score else None,
        "accuracy": float(score["accuracy"]["score"]) if score else None,
        "empathy": float(score["empathy"]["score"]) if score else None,
        "time_score": float(score["time"]["score"]) if score else None,
        "critical": bool(score and score["compliance"]["critical"]),
        "score": score,
    }


def _missed_facts(scored) -> list[MissedFact]:
    asked: dict[tuple[str, str], int] = defaultdict(int)
    missed: dict[tuple[str, str], int] = defaultdict(int)
    text: dict[tuple[str, str], str] = {}
    for score, *_, scenario_id, _category in scored:
        for fact in score.get("accuracy", {}).get("facts", []):
            key = (scenario_id, fact["id"])
            asked[key] += 1
            missed[key] += not fact["said"]
            text[key] = fact.get("fact", "")
    facts = [MissedFact(sid, fid, text[(sid, fid)], missed[(sid, fid)], n) for (sid, fid), n in asked.items() if missed[(sid, fid)]]
    return sorted(facts, key=lambda f: (-f.missed, -f.missed / f.asked, f.scenario_id, f.fact_id))


def _category_means(scored) -> list[CategoryMean]:
    overall: dict[str, list[float]] = defaultdict(list)
    for _score, value, *_, category in scored:
        overall[category].append(value)
    means = [CategoryMean(category, sum(values) / len(values), len(values)) for category, values in overall.items()]
    return sorted(means, key=lambda c: (c.mean, c.category))


def _skills(scored) -> dict[str, float]:
    if not scored:
        return {}
    columns = {"accuracy": 2, "empathy": 3, "time": 4}
    return {name: sum(row[i] for row in scored) / len(scored) for name, i in columns.items()}
