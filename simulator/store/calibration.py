"""Calibration sets, blind ratings and site tunings (issue 16), kept in the database.

Who sees what is decided here, by role and by state, not in the pages:

* trainers and admins make sets and rate; HR may read a closed set's report; trainees get
  PermissionError everywhere;
* a rater sees an item's machine verdict and the other raters' ratings only once they have
  rated it themselves (:func:`items`); a rating cannot be changed afterwards, so nothing seen
  after rating can move it; the set's report (:func:`report_items`) is open to a rater who
  has rated every item, and to everyone allowed once the set is closed;
* an admin fits a tuning on a set (:func:`propose_tuning`), sees its held-out agreement and
  accepts or rejects it (:func:`decide_tuning`); a tuning whose held-out κ is below the gate's
  level (:func:`gate_level`, default 0.7) is accepted only with an override comment, which the
  audit log keeps. An accepted tuning gets the next version number; a new attempt records
  the newest accepted tuning of its language (:func:`active_tuning_id`, called by
  Store.start_attempt) and is never re-scored by a later one.
"""
from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ..calibration.scales import CRITERIA, SCALE, gate_kappa
from ..user_text import accept
from . import audit
from .errors import NotFound, RefusedPermission, RefusedValue
from .guard import require_role, utc_now
from .models import (
    LANGUAGES,
    AttemptRow,
    CalibrationItemRow,
    CalibrationRatingRow,
    CalibrationSetRow,
    CalibrationTuningRow,
    ScenarioVersionRow,
    TurnRow,
    UserRow,
)
from .records import User

if TYPE_CHECKING:
    from .repository import Store

RATERS = ("trainer", "admin")
READERS = ("trainer", "admin", "hr")
GATE_SETTING = "calibration_gate"
DEFAULT_MIN_KAPPA = 0.7
SET_NAME_CHARS = 200


class GateClosed(RefusedValue):
    """Below the gate's level: accepting (or publishing) needs an override comment."""


class AlreadyRated(RefusedValue):
    """The rater has rated this reply: a rating is final."""


class SetClosed(RefusedValue):
    """The set is closed: no more ratings."""


class TooFewRated(RefusedValue):
    """Too few rated replies of the language to fit a tuning on part and measure it on the rest."""

    def __init__(self, found: int, needed: int):
        self.found, self.needed = found, needed
        super().__init__(f"a tuning needs at least {needed} rated replies in the language; there are {found}",
                         code="too_few_rated", found=found, needed=needed)


@dataclass(frozen=True)
class Reply:
    """A trainee's scored reply that a set can take (:func:`recent_replies`)."""

    attempt_id: int
    turn_index: int
    scenario_id: str
    language: str
    node_id: str
    reply: str
    at: dt.datetime


@dataclass(frozen=True)
class SampleSource:
    """A scenario's sample reply, scored at its node (built by simulator.calibration.sources)."""

    scenario_id: str
    node_id: str
    language: str
    customer_line: str
    reply: str
    expected: str | None
    machine: dict[str, Any]


def sample_sources(scenario) -> list[SampleSource]:
    """A scenario's sample replies (``samples:``), each scored at its node as the test bench
    scores it, ready for :func:`create_set`; the label is the trainer's expectation."""
    from ..scoring.scorecard import score_turn      # the scorer: loaded when samples are scored, not with the store

    out = []
    for sample in scenario.samples:
        node = scenario.nodes[sample.node]
        out.append(SampleSource(scenario.id, sample.node, scenario.language, node.customer[0] if node.customer else "", sample.reply,
                                sample.label, score_turn(scenario, sample.node, sample.reply).to_dict()))
    return out


@dataclass(frozen=True)
class Rating:
    rater: str
    empathy: int
    accuracy: int
    compliance: int
    comment: str

    def value(self, criterion: str) -> int:
        return getattr(self, criterion)


@dataclass(frozen=True)
class Item:
    """One reply of a set as a viewer may see it. ``machine`` (the scored reply) and ``ratings``
    (the other raters') are None until the viewer has rated it; in a report, ``ratings`` holds
    everyone's and ``machine`` is always given."""

    id: int
    position: int
    source: str
    scenario_id: str
    node_id: str
    language: str
    customer_line: str
    reply: str
    trainee: str | None             # None when the set is anonymised
    expected: str | None
    mine: Rating | None
    machine: dict[str, Any] | None
    ratings: list[Rating] | None

    @property
    def rated(self) -> bool:
        return self.mine is not None


@dataclass(frozen=True)
class CalibrationSet:
    id: int
    name: str
    status: str
    anonymised: bool
    created_by: str
    created_at: dt.datetime
    closed_at: dt.datetime | None
    items: int
    raters: int
    rated_by_me: int
    languages: tuple[str, ...] = field(default_factory=tuple)


@dataclass(frozen=True)
class Tuning:
    id: int
    version: int | None
    language: str
    status: str
    set_id: int | None
    params: dict[str, Any]
    figures: dict[str, Any]
    min_kappa: float
    override_comment: str
    created_at: dt.datetime
    decided_at: dt.datetime | None

    @property
    def held_out_kappa(self) -> float:
        return gate_kappa(self.figures["after"])


# --- sets ---------------------------------------------------------------------------------
def create_set(store: Store, trainer: User, name: str, *, turns: list[tuple[int, int]] = (),
               samples: list[SampleSource] = (), anonymised: bool = True, now: dt.datetime | None = None) -> int:
    """A new open set of the given trainees' replies (attempt id, turn index) and scenario
    samples, in that order; returns its id. ValueError for an empty set or name, a turn that
    is not a scored reply."""
    name = accept("title", name).strip()
    if not name:
        raise RefusedValue("give the set a name", code="set_name_missing")
    if not turns and not samples:
        raise RefusedValue("a calibration set needs at least one reply", code="set_empty")
    with store.transaction() as session:
        require_role(session, trainer, RATERS, "make calibration sets")
        row = CalibrationSetRow(name=name[:SET_NAME_CHARS], status="open", anonymised=anonymised, created_by=trainer.id,
                                created_at=utc_now(now))
        session.add(row)
        session.flush()
        position = 0
        for attempt_id, index in turns:
            found = session.execute(
                select(TurnRow, ScenarioVersionRow.scenario_id, ScenarioVersionRow.language)
                .join(AttemptRow, TurnRow.attempt_id == AttemptRow.id)
                .join(ScenarioVersionRow, AttemptRow.scenario_version_id == ScenarioVersionRow.id)
                .where(TurnRow.attempt_id == attempt_id, TurnRow.index == index)).first()
            if found is None or found[0].silent or not found[0].score:
                raise RefusedValue(f"attempt {attempt_id} has no scored reply {index}", code="turn_missing",
                                   attempt_id=attempt_id, turn=index + 1)
            turn, scenario_id, language = found
            position += 1
            session.add(CalibrationItemRow(set_id=row.id, position=position, source="attempt", attempt_id=attempt_id,
                                           turn_index=index, scenario_id=scenario_id, node_id=turn.node_id,
                                           language=language, customer_line=turn.customer_line, reply=turn.reply,
                                           machine=turn.score))
        for sample in samples:
            position += 1
            session.add(CalibrationItemRow(set_id=row.id, position=position, source="sample", scenario_id=sample.scenario_id,
                                           node_id=sample.node_id, language=sample.language,
                                           customer_line=sample.customer_line, reply=sample.reply,
                                           expected=sample.expected, machine=sample.machine))
        return row.id


def sets(store: Store, viewer: User) -> list[CalibrationSet]:
    """Every set, newest first, with how many items it has, how many raters rated it and
    how many items the viewer rated."""
    with store.transaction() as session:
        require_role(session, viewer, READERS, "see calibration sets")
        rows = session.scalars(select(CalibrationSetRow).order_by(CalibrationSetRow.id.desc())).all()
        out = []
        for row in rows:
            item_ids = select(CalibrationItemRow.id).where(CalibrationItemRow.set_id == row.id)
            count = session.scalar(select(func.count()).select_from(item_ids.subquery()))
            raters = session.scalar(select(func.count(func.distinct(CalibrationRatingRow.rater_id)))
                                    .where(CalibrationRatingRow.item_id.in_(item_ids)))
            mine = session.scalar(select(func.count()).where(CalibrationRatingRow.item_id.in_(item_ids),
                                                             CalibrationRatingRow.rater_id == viewer.id))
            languages = tuple(sorted(session.scalars(select(CalibrationItemRow.language).distinct()
                                                     .where(CalibrationItemRow.set_id == row.id))))
            author = session.get(UserRow, row.created_by) if row.created_by else None
            out.append(CalibrationSet(row.id, row.name, row.status, row.anonymised, author.username if author else "",
                                      row.created_at, row.closed_at, count, raters, mine, languages))
        return out


def close_set(store: Store, viewer: User, set_id: int, now: dt.datetime | None = None) -> None:
    """No more ratings; the report opens to every reader. Its maker or an admin only."""
    with store.transaction() as session:
        user = require_role(session, viewer, RATERS, "close calibration sets")
        row = _set(session, set_id)
        if user.role != "admin" and row.created_by != user.id:
            raise RefusedPermission("only the set's maker or an admin can close it", code="not_allowed")
        if row.status == "open":
            row.status, row.closed_at = "closed", utc_now(now)


def items(store: Store, viewer: User, set_id: int) -> list[Item]:
    """The set's items as the viewer may see them: the machine's verdict and the others'
    ratings only of the items the viewer has rated."""
    with store.transaction() as session:
        require_role(session, viewer, RATERS, "rate calibration sets")
        row = _set(session, set_id)
        return _items(session, row, viewer.id, reveal_all=False)


def rate(store: Store, rater: User, item_id: int, *, empathy: int, accuracy: int, compliance: int, comment: str = "",
         now: dt.datetime | None = None) -> None:
    """The rater's rating of one item. ValueError for a value off the rubric's scale, a set
    already closed, or an item already rated by this rater (a rating is final: it was given
    blind, and changing it after seeing the others' would not be)."""
    values = {"empathy": empathy, "accuracy": accuracy, "compliance": compliance}
    for criterion, value in values.items():
        if value not in SCALE[criterion]:
            raise RefusedValue(f"{criterion} is rated {'/'.join(map(str, SCALE[criterion]))}, not {value}",
                               code="rating_off_scale", criterion=criterion, scale="/".join(map(str, SCALE[criterion])),
                               given=value)
    comment = accept("comment", comment or "").strip()
    with store.transaction() as session:
        require_role(session, rater, RATERS, "rate calibration sets")
        item = session.get(CalibrationItemRow, item_id)
        if item is None:
            raise NotFound(f"no calibration item {item_id}", code="set_item_missing", item_id=item_id)
        if _set(session, item.set_id).status != "open":
            raise SetClosed("the set is closed: no more ratings", code="set_closed")
        if session.scalar(select(CalibrationRatingRow.id).where(CalibrationRatingRow.item_id == item_id,
                                                                CalibrationRatingRow.rater_id == rater.id)):
            raise AlreadyRated("you have already rated this reply", code="already_rated")
        session.add(CalibrationRatingRow(item_id=item_id, rater_id=rater.id, comment=comment, created_at=utc_now(now),
                                         **values))


def report_items(store: Store, viewer: User, set_id: int) -> list[Item]:
    """Every item with every rating and the machine's verdict, for the report. PermissionError
    while the set is open and the viewer has not rated every item."""
    with store.transaction() as session:
        user = require_role(session, viewer, READERS, "read calibration reports")
        row = _set(session, set_id)
        if row.status == "open":
            if user.role not in RATERS:
                raise RefusedPermission("the report opens when the set is closed", code="report_not_open")
            mine = _items(session, row, viewer.id, reveal_all=False)
            if not all(i.rated for i in mine):
                raise RefusedPermission("rate every reply of the set first: the report shows the others' ratings",
                                        code="report_rate_first")
        return _items(session, row, viewer.id, reveal_all=True)


def set_name(store: Store, set_id: int) -> str:
    with store.transaction() as session:
        return _set(session, set_id).name


def recent_replies(store: Store, viewer: User, limit: int = 200) -> list[Reply]:
    """The newest scored replies of finished calls, for a trainer to pick into a set."""
    query = (select(TurnRow.attempt_id, TurnRow.index, ScenarioVersionRow.scenario_id, ScenarioVersionRow.language,
                    TurnRow.node_id, TurnRow.reply, TurnRow.created_at)
             .join(AttemptRow, TurnRow.attempt_id == AttemptRow.id)
             .join(ScenarioVersionRow, AttemptRow.scenario_version_id == ScenarioVersionRow.id)
             .where(AttemptRow.status == "completed", TurnRow.silent.is_(False), TurnRow.score.is_not(None))
             .order_by(TurnRow.created_at.desc(), TurnRow.id.desc()).limit(limit))
    with store.transaction() as session:
        require_role(session, viewer, RATERS, "make calibration sets")
        return [Reply(*row) for row in session.execute(query)]


# --- the gate's level ---------------------------------------------------------------------
def gate_level(store: Store) -> float:
    """The lowest held-out κ a tuning may have to be accepted without an override."""
    value = store.setting(GATE_SETTING) or {}
    return float(value.get("min_kappa", DEFAULT_MIN_KAPPA))


def set_gate_level(store: Store, admin: User, level: float) -> None:
    if not 0 <= level <= 1:
        raise RefusedValue("the level is a κ between 0 and 1", code="gate_level_range")
    store.set_setting(admin, GATE_SETTING, {"min_kappa": round(float(level), 3)})


# --- tunings ------------------------------------------------------------------------------
def propose_tuning(store: Store, admin: User, set_id: int, language: str, now: dt.datetime | None = None) -> Tuning:
    """Fit a tuning for ``language`` on part of the set's rated items and measure it on the
    rest (simulator.calibration.tuning); kept as proposed until decided. ValueError when too
    few items of the language are rated."""
    from ..calibration import tuning as fitting     # numpy and scipy: loaded when a tuning is fitted, not with the store

    rated = [fitting.Item(i.id, i.machine, {r.rater: _values(r) for r in (i.ratings or [])})
             for i in report_items(store, admin, set_id) if i.language == language and i.ratings]
    if len(rated) < fitting.MIN_ITEMS:
        raise TooFewRated(len(rated), fitting.MIN_ITEMS)
    fit = fitting.fit(rated)
    level = gate_level(store)
    with store.transaction() as session:
        require_role(session, admin, ("admin",), "tune the scorer")
        row = CalibrationTuningRow(language=language, status="proposed", set_id=set_id, params=fit.params,
                                   figures={"before": fit.before, "after": fit.after, "fitted_on": fit.fitted_on,
                                            "held_out": fit.held_out},
                                   min_kappa=level, override_comment="", created_by=admin.id,
                                   created_at=utc_now(now))
        session.add(row)
        session.flush()
        return _tuning(row)


def decide_tuning(store: Store, admin: User, tuning_id: int, accept_it: bool, override: str = "",
                  now: dt.datetime | None = None) -> Tuning:
    """Accept (it becomes the next version, used by every attempt started from now on in its
    language) or reject a proposed tuning. GateClosed when its held-out κ is below the gate's
    level and no override comment is given; an override is written to the audit log."""
    override = accept("comment", override or "").strip()
    level = gate_level(store)
    with store.transaction() as session:
        require_role(session, admin, ("admin",), "tune the scorer")
        row = session.get(CalibrationTuningRow, tuning_id)
        if row is None:
            raise NotFound(f"no tuning {tuning_id}", code="tuning_missing", tuning_id=tuning_id)
        if row.status != "proposed":
            raise RefusedValue(f"the tuning was already {row.status}", code="tuning_decided", status=row.status)
        record = _tuning(row)
        below = math.isnan(record.held_out_kappa) or record.held_out_kappa < level
        if accept_it and below and not override:
            raise GateClosed(f"held-out κ {_show(record.held_out_kappa)} is below the level {level}: "
                             "accepting needs an override comment", code="gate_closed",
                             kappa=_show(record.held_out_kappa), level=f"{level:g}")
        row.status, row.min_kappa = ("accepted" if accept_it else "rejected"), level
        row.decided_by, row.decided_at = admin.id, utc_now(now)
        if accept_it:
            row.version = (session.scalar(select(func.max(CalibrationTuningRow.version))) or 0) + 1
            row.override_comment = override if below else ""
        detail = {"change": row.status, "language": row.language, "held_out_kappa": _show(record.held_out_kappa),
                  "min_kappa": level}
        audit.record(session, "tuning", admin, f"tuning {row.id}" + (f" v{row.version}" if row.version else ""),
                     detail, now=now)
        if accept_it and below:
            audit.record(session, "gate_override", admin, f"tuning {row.id} v{row.version}",
                         {**detail, "comment": override}, now=now)
        session.flush()
        return _tuning(row)


def tunings(store: Store, viewer: User) -> list[Tuning]:
    with store.transaction() as session:
        require_role(session, viewer, READERS, "see tunings")
        return [_tuning(r) for r in session.scalars(select(CalibrationTuningRow).order_by(CalibrationTuningRow.id.desc()))]


def active_tuning_id(session: Session, language: str) -> int | None:
    """The newest accepted tuning of ``language`` (None: the scorer untuned)."""
    return session.scalar(select(CalibrationTuningRow.id)
                          .where(CalibrationTuningRow.status == "accepted", CalibrationTuningRow.language == language)
                          .order_by(CalibrationTuningRow.version.desc()).limit(1))


def in_force(store: Store) -> dict[str, Tuning | None]:
    """Per language, the tuning new attempts record now (None: untuned)."""
    with store.transaction() as session:
        found = {}
        for language in LANGUAGES:
            tuning_id = active_tuning_id(session, language)
            found[language] = _tuning(session.get(CalibrationTuningRow, tuning_id)) if tuning_id else None
        return found


def attempt_tuning(store: Store, attempt_id: int) -> Tuning | None:
    """The tuning that scored an attempt (None: untuned)."""
    with store.transaction() as session:
        attempt = session.get(AttemptRow, attempt_id)
        if attempt is None:
            raise NotFound(f"no attempt {attempt_id}", code="attempt_missing", attempt_id=attempt_id)
        row = session.get(CalibrationTuningRow, attempt.tuning_id) if attempt.tuning_id else None
        return _tuning(row) if row else None


def attempt_tunings(store: Store, attempt_ids: list[int]) -> dict[int, Tuning]:
    """The tuning that scored each of the attempts that had one (an attempt without is left out),
    in one query, for the lists of calls."""
    if not attempt_ids:
        return {}
    with store.transaction() as session:
        rows = session.execute(select(AttemptRow.id, CalibrationTuningRow)
                               .join(CalibrationTuningRow, AttemptRow.tuning_id == CalibrationTuningRow.id)
                               .where(AttemptRow.id.in_(list(attempt_ids)))).all()
        return {attempt_id: _tuning(row) for attempt_id, row in rows}


def attempt_ratings(store: Store, viewer: User, attempt_id: int) -> list[tuple[int, dict[str, int]]]:
    """(turn index, the rubric's three ratings) of each scored reply of an attempt, read with the
    tuning the attempt recorded when it started (untuned when none was in force): a tuning
    accepted later never changes them."""
    from ..calibration.verdict import verdict

    detail = store.attempt_detail(viewer, attempt_id)       # PermissionError for another trainee's
    tuning = attempt_tuning(store, attempt_id)
    return [(t.index, verdict(t.score, tuning.params if tuning else None)) for t in detail.turns if t.score]


# --- inside -------------------------------------------------------------------------------
def _set(session: Session, set_id: int) -> CalibrationSetRow:
    row = session.get(CalibrationSetRow, set_id)
    if row is None:
        raise NotFound(f"no calibration set {set_id}", code="set_missing", set_id=set_id)
    return row


def _items(session: Session, row: CalibrationSetRow, viewer_id: int, reveal_all: bool) -> list[Item]:
    rows = session.scalars(select(CalibrationItemRow).where(CalibrationItemRow.set_id == row.id)
                           .order_by(CalibrationItemRow.position)).all()
    ratings: dict[int, list[tuple[int, Rating]]] = {}
    for rating, username in session.execute(
            select(CalibrationRatingRow, UserRow.username).join(UserRow, CalibrationRatingRow.rater_id == UserRow.id)
            .where(CalibrationRatingRow.item_id.in_([r.id for r in rows])).order_by(CalibrationRatingRow.id)):
        ratings.setdefault(rating.item_id, []).append(
            (rating.rater_id, Rating(username, rating.empathy, rating.accuracy, rating.compliance, rating.comment)))
    trainees = {}
    if not row.anonymised:
        attempt_ids = [r.attempt_id for r in rows if r.attempt_id]
        trainees = dict(session.execute(select(AttemptRow.id, UserRow.username).join(UserRow, AttemptRow.user_id == UserRow.id)
                                        .where(AttemptRow.id.in_(attempt_ids))).all())
    out = []
    for r in rows:
        given = ratings.get(r.id, [])
        mine = next((rating for rater, rating in given if rater == viewer_id), None)
        shown = reveal_all or mine is not None
        others = [rating for rater, rating in given if reveal_all or rater != viewer_id]
        out.append(Item(r.id, r.position, r.source, r.scenario_id, r.node_id, r.language, r.customer_line, r.reply,
                        trainees.get(r.attempt_id), r.expected, mine, r.machine if shown else None,
                        others if shown else None))
    return out


def _values(rating: Rating) -> dict[str, int]:
    return {c: rating.value(c) for c in CRITERIA}


def _tuning(row: CalibrationTuningRow) -> Tuning:
    return Tuning(row.id, row.version, row.language, row.status, row.set_id, row.params, row.figures, row.min_kappa,
                  row.override_comment, row.created_at, row.decided_at)


def _show(value: float) -> float | None:
    return None if math.isnan(value) else round(value, 3)
