"""An exam left unfinished counts (issue 11): ended before its first reply, or left behind by
starting it again, it is a failed attempt with 0 points in HR's reports, so restarting an exam
is no way to get another conversation; the trainee is told before ending it."""
from __future__ import annotations

from ui_helpers import app, open_page, play, shown, texts

import datetime as dt

from simulator.reports import source
from simulator.reports.readiness_report import calls_table
from simulator.store.report_queries import Filters

SCENARIO, OTHER = "en-payment-slip", "en-three-zone-readings"
SCORE, PASSED, ABANDONED = 11, 13, 15          # columns of report_attempts


def press(at, ending: str):
    at.button(key=[b.key for b in at.button if b.key and b.key.endswith(ending)][0]).click()
    return at.run()


def test_an_exam_left_unfinished_counts_as_failed_and_the_trainee_is_told(store, library, admin, trainee):
    # ended before its first reply, with the trainee told first: scored 0, not passed
    at = press(app(store, trainee).run(), f"{SCENARIO}.exam")
    assert "Незавершений іспит (перерваний чи покинутий) зараховується як не складений." in shown(at)
    at = press(at, ".end")
    assert texts(at.warning)[0].startswith("Це іспит: завершений зараз, він зараховується як спроба")
    at = press(at, ".end_yes")
    assert not at.exception
    ended = store.attempts(trainee, trainee.id)[0]
    assert (ended.mode, ended.status, ended.overall, ended.passed) == ("exam", "abandoned", 0.0, False)
    rows = store.report_attempts(admin, Filters()).rows
    assert [(row[0], row[SCORE], row[PASSED]) for row in rows] == [(ended.id, 0.0, False)]
    assert texts(at.error)[0].startswith("Не зараховано:")

    # left behind by starting it again (a bad start, to get another path): counted with 0 points
    first = play(store, trainee, library, OTHER, mode="exam", replies=1)
    catalogue = app(store, trainee).run()           # the card says what starting again would do
    assert "Новий дзвінок за цим сценарієм залишить іспит незавершеним" in shown(catalogue)
    again = play(store, trainee, library, OTHER, mode="exam", replies=0)
    left = store.attempts(trainee, trainee.id, status="abandoned", scenario_id=OTHER)
    assert [(a.id, a.overall) for a in left] == [(first.attempt_id, None)]
    rows = store.report_attempts(admin, Filters()).rows
    assert [(row[0], row[SCORE], row[PASSED], row[ABANDONED]) for row in rows][1:] == [(first.attempt_id, 0.0, None, True)]
    calls = source.load(store, admin, until=dt.datetime.now(dt.timezone.utc).date()).attempts
    assert calls_table(calls, "uk")["Результат"].tolist() == ["перервано", "перервано"]       # HR's export says so
    page = open_page(app(store, trainee), "attempt", attempt=first.attempt_id)
    assert texts(page.info) == ["Іспит залишено незавершеним: він зараховується як не складений, з 0 балів."]
    play(store, trainee, library, OTHER, replies=0)      # practice leaves the second exam behind: it counts too,
    play(store, trainee, library, OTHER, replies=0)      # the practice call left the same way does not
    assert [row[0] for row in store.report_attempts(admin, Filters()).rows] == [ended.id, first.attempt_id, again.attempt_id]
