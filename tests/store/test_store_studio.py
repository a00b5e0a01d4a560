"""Drafts, publishing, retiring and the catalogue; trainers' overrides; report queries and
settings: on SQLite and PostgreSQL."""
from __future__ import annotations

import datetime as dt

import pytest

from simulator.store import Filters, NotFound, NotPublishable
from tests.conftest import MINI
from tests.store.store_db import make_user
from tests.store.test_store_repository import GOOD, T0, minutes, played, record_call
from simulator.store.guard import SHELL

RUDE = "Така політика. Платіть і все."  # cold, not critical («не моя проблема» is deflecting: it would end the call)
EDITED = MINI.replace("title: Тестовий дзвінок", "title: Тестовий дзвінок, друга редакція")
BROKEN = MINI.replace("  opening:\n", "  opening:\n    custmer: ой\n", 1)


@pytest.fixture
def people(store):
    return {role: make_user(store, role, role=role) for role in ("trainer", "hr", "admin")} | {
        "anna": make_user(store, "anna", group="kyiv-1"), "bohdan": make_user(store, "bohdan", group="kyiv-2")}


def test_a_new_scenario_is_drafted_published_and_then_in_the_catalogue(store, people):
    trainer = people["trainer"]
    draft = store.save_draft(trainer, "test-mini", BROKEN, new=True, now=T0)
    assert (draft.status, draft.version, draft.title) == ("draft", 1, "Тестовий дзвінок")   # readable despite the error
    assert store.catalogue() == []
    with pytest.raises(NotPublishable) as error:
        store.publish(trainer, "test-mini")
    assert "custmer" in str(error.value) and ":" in str(error.value.problems[0])
    store.save_draft(trainer, "test-mini", MINI, now=minutes(1))     # fixed: the same draft row, saved again
    published = store.publish(trainer, "test-mini", note="first", now=minutes(2))
    assert (published.status, published.version, published.note, published.author_id) == ("published", 1, "first", trainer.id)
    assert [v.id for v in store.catalogue()] == [published.id]
    assert store.draft("test-mini") is None
    with pytest.raises(ValueError, match="already exists"):
        store.save_draft(trainer, "test-mini", EDITED, new=True)
    with pytest.raises(ValueError, match="nothing to save"):
        store.save_draft(trainer, "test-mini", MINI)


def test_a_published_version_never_changes_and_attempts_keep_theirs(store, people, mini):
    trainer, anna = people["trainer"], people["anna"]
    store.save_draft(trainer, "test-mini", MINI, new=True)
    v1 = store.publish(trainer, "test-mini")
    attempt_id = record_call(store, anna, v1, played(mini, [GOOD]))
    store.save_draft(trainer, "test-mini", EDITED)
    assert store.version(v1.id).yaml_text == MINI                # editing makes a draft, not a change to v1
    assert [v.id for v in store.catalogue()] == [v1.id]          # trainees still get v1 until it is published
    v2 = store.publish(trainer, "test-mini")
    assert v2.version == 2 and store.version(v1.id).yaml_text == MINI
    assert [v.id for v in store.catalogue()] == [v2.id]
    assert store.attempt_detail(trainer, attempt_id).attempt.scenario_version_id == v1.id


def test_retiring_hides_a_scenario_and_keeps_its_history(store, people, mini):
    trainer, anna = people["trainer"], people["anna"]
    version = store.scenario_version(mini, MINI, by=SHELL)                  # a library file, recorded
    attempt_id = record_call(store, anna, version, played(mini, [GOOD]))
    assert store.retire(trainer, "test-mini") == 1
    assert store.catalogue() == []
    assert store.scenario_version(mini, MINI, by=SHELL).status == "retired"     # the file seen again does not bring it back
    assert store.attempt_detail(trainer, attempt_id).attempt.overall is not None
    summary = {s.scenario_id: s for s in store.studio_scenarios(trainer)}["test-mini"]
    assert summary.retired and summary.published is None and summary.versions == 1
    assert store.restore(trainer, "test-mini").status == "published"
    assert [v.scenario_id for v in store.catalogue()] == ["test-mini"]


def test_only_trainers_and_admins_write_scenarios(store, people):
    for role in ("hr", "anna"):
        with pytest.raises(PermissionError):
            store.save_draft(people[role], "test-mini", MINI, new=True)
    store.save_draft(people["admin"], "test-mini", MINI, new=True)
    for role in ("hr", "anna"):
        for action in (store.publish, store.retire, store.restore, store.discard_draft):
            with pytest.raises(PermissionError):
                action(people[role], "test-mini")
    with pytest.raises(PermissionError):
        store.studio_scenarios(people["anna"])
    with pytest.raises(ValueError, match="not a valid scenario id"):
        store.save_draft(people["trainer"], "../etc", MINI, new=True)
    store.discard_draft(people["trainer"], "test-mini")
    assert store.versions("test-mini") == []


def test_an_override_keeps_the_original_and_changes_the_reviewed_score(store, people, mini):
    trainer, anna = people["trainer"], people["anna"]
    version = store.scenario_version(mini, MINI, by=SHELL)
    attempt_id = record_call(store, anna, version, played(mini, ["Назвіть, будь ласка, номер вашої картки."]))
    detail = store.attempt_detail(trainer, attempt_id)
    assert detail.attempt.critical and detail.attempt.effective_critical and not detail.attempt.reviewed
    first = detail.turns[0]
    scored = [t for t in detail.turns if t.overall is not None]
    override = store.override_turn(trainer, attempt_id, first.index, overall=first.overall + 30, critical=False,
                                   comment="misheard: she asked for the account number", now=minutes(5))
    assert (override.original_overall, override.original_critical, override.reviewer) == (first.overall, True, "trainer")
    after = store.attempt_detail(anna, attempt_id)                  # the trainee sees the review of her call
    expected = round(detail.attempt.overall + 30 / len(scored), 1)
    assert after.attempt.reviewed_overall == pytest.approx(expected) and after.attempt.effective_critical is False
    assert after.attempt.overall == detail.attempt.overall           # the machine's score is kept
    store.override_turn(trainer, attempt_id, first.index, overall=first.overall, critical=True, comment="on second listen: it was a PIN")
    again = store.attempt_detail(trainer, attempt_id)
    assert len(again.overrides) == 2 and again.override_of(first.index).comment.startswith("on second")
    assert again.attempt.reviewed_overall == pytest.approx(round(detail.attempt.overall, 1)) and again.attempt.effective_critical


def test_overrides_are_refused_without_reason_role_or_finished_call(store, people, mini):
    trainer, anna = people["trainer"], people["anna"]
    version = store.scenario_version(mini, MINI, by=SHELL)
    finished = record_call(store, anna, version, played(mini, [GOOD]))
    open_call = store.start_attempt(anna.id, version.id, by=SHELL).id
    with pytest.raises(ValueError, match="comment"):
        store.override_turn(trainer, finished, 0, overall=50, critical=False, comment="  ")
    with pytest.raises(ValueError, match="between 0 and 100"):
        store.override_turn(trainer, finished, 0, overall=150, critical=False, comment="x")
    for who in (people["hr"], anna):
        with pytest.raises(PermissionError):
            store.override_turn(who, finished, 0, overall=50, critical=False, comment="x")
    with pytest.raises(ValueError, match="in progress"):
        store.override_turn(trainer, open_call, 0, overall=50, critical=False, comment="x")
    with pytest.raises(NotFound):
        store.override_turn(trainer, finished, 42, overall=50, critical=False, comment="x")


def test_report_queries_filter_by_group_language_and_date_and_use_reviewed_scores(store, people, mini):
    trainer, hr, anna, bohdan = people["trainer"], people["hr"], people["anna"], people["bohdan"]
    version = store.scenario_version(mini, MINI, by=SHELL)
    early = record_call(store, anna, version, played(mini, [RUDE, RUDE]), when=T0)
    late = record_call(store, bohdan, version, played(mini, [GOOD]), when=T0 + dt.timedelta(days=3))
    store.start_attempt(anna.id, version.id, by=SHELL)                          # in progress: not reported
    store.override_turn(trainer, early, 0, overall=99, critical=False, comment="calibration")
    table = store.report_attempts(hr)
    rows = [dict(zip(table.columns, row)) for row in table.rows]
    assert [r["attempt_id"] for r in rows] == [early, late]
    reviewed = store.attempt_detail(hr, early).attempt.reviewed_overall
    assert rows[0]["overall"] == pytest.approx(reviewed) and rows[0]["reviewed"] and not rows[1]["reviewed"]
    assert rows[0]["group"] == "kyiv-1" and rows[0]["category"] == "estimated-bill" and rows[0]["language"] == "uk"
    assert [r[0] for r in store.report_attempts(hr, Filters(group="kyiv-2")).rows] == [late]
    assert store.report_attempts(hr, Filters(language="en")).rows == []
    assert [r[0] for r in store.report_attempts(hr, Filters(since=T0 + dt.timedelta(days=1))).rows] == [late]
    assert [r[0] for r in store.report_attempts(hr, Filters(until=T0 + dt.timedelta(days=1))).rows] == [early]
    assert [r[1] for r in store.report_trainees(hr).rows] == ["anna", "bohdan"]
    findings = [dict(zip(("kind", "scenario_id", "item", "label", "count"), r)) for r in store.report_findings(hr).rows]
    missed = [f for f in findings if f["kind"] == "missed_fact"]
    assert missed and missed[0]["item"] == "estimated" and missed[0]["label"] == "рахунок за середнім"
    assert missed[0]["count"] == 2                                    # the two rude replies never said it
    assert any(f["kind"] == "hurt" for f in findings)
    assert store.report_findings(hr, Filters(group="kyiv-2")).rows == [] or all(
        r[0] != "missed_fact" for r in store.report_findings(hr, Filters(group="kyiv-2")).rows)
    with pytest.raises(PermissionError):
        store.report_attempts(anna)


def test_settings_are_kept_and_only_an_admin_changes_them(store, people):
    assert store.setting("readiness") is None
    store.set_setting(people["admin"], "readiness", {"pass_mark": 75})
    store.set_setting(people["admin"], "readiness", {"pass_mark": 80})
    assert store.setting("readiness") == {"pass_mark": 80}
    for role in ("trainer", "hr", "anna"):
        with pytest.raises(PermissionError):
            store.set_setting(people[role], "readiness", {"pass_mark": 10})


def test_attempts_are_filtered_by_group_finish_time_and_review(store, people, mini):
    trainer, anna, bohdan = people["trainer"], people["anna"], people["bohdan"]
    version = store.scenario_version(mini, MINI, by=SHELL)
    first = record_call(store, anna, version, played(mini, [GOOD]), when=T0)
    second = record_call(store, bohdan, version, played(mini, [GOOD]), when=T0 + dt.timedelta(days=2))
    store.override_turn(trainer, second, 0, overall=10, critical=False, comment="calibration")

    def ids(**filters):
        return [a.id for a in store.attempts(trainer, status="completed", **filters)]

    assert ids() == [second, first]
    assert ids(group="kyiv-1") == [first]
    assert ids(finished_since=T0 + dt.timedelta(days=1)) == [second]
    assert ids(finished_until=T0 + dt.timedelta(days=1)) == [first]
    assert ids(reviewed=True) == [second] and ids(reviewed=False) == [first]
    assert ids(limit=1) == [second]


def test_a_call_ended_early_counts_in_reports_as_it_stood_and_a_dropped_one_does_not(store, people, mini):
    hr, anna = people["hr"], people["anna"]
    version = store.scenario_version(mini, MINI, by=SHELL)
    call = played(mini, [RUDE])                                    # one bad reply, then the trainee leaves
    call.abandon()
    ended = record_call(store, anna, version, call)
    dropped = store.start_attempt(anna.id, version.id, now=T0, by=SHELL).id
    store.save_turn(dropped, played(mini, [RUDE]).turns[0].to_dict(), now=T0, by=SHELL)
    assert store.abandon_stale(dt.timedelta(minutes=30), now=T0 + dt.timedelta(hours=1), by=SHELL) == 1
    ids = [row[0] for row in store.report_attempts(hr).rows]
    assert ended in ids and dropped not in ids
