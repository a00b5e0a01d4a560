"""The readiness report from a real store (SQLite): what the dashboard, the CLI and the trainee
report share."""
from __future__ import annotations

import datetime as dt
import io

import openpyxl
import pandas as pd
import pytest

from simulator.reports import readiness_report, source
from simulator.reports.readiness import Rules
from simulator.store import Store
from tests.conftest import MINI
from tests.store.store_db import fast_passwords, make_user  # noqa: F401
from tests.store.test_store_repository import GOOD, played, record_call
from simulator.store.guard import SHELL

AS_OF = dt.date(2026, 3, 31)


def at(day: dt.date, hour: int = 10) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(hour), dt.timezone.utc)


@pytest.fixture
def store(tmp_path, fast_passwords):  # noqa: F811
    opened = Store.open(f"sqlite:///{tmp_path / 'report.db'}")
    yield opened
    opened.close()


@pytest.fixture
def seeded(store, mini):
    """anna (kyiv-1): two good calls, ready; bohdan (kyiv-2): one good call; demo: none."""
    hr = make_user(store, "hr", role="hr")
    anna = make_user(store, "anna", group="kyiv-1", full_name="Анна Коваль")
    bohdan = make_user(store, "bohdan", group="kyiv-2", full_name="Богдан")
    make_user(store, "vira", full_name="Віра")
    version = store.scenario_version(mini, MINI, by=SHELL)
    record_call(store, anna, version, played(mini, [GOOD]), when=at(AS_OF - dt.timedelta(days=3)))
    record_call(store, anna, version, played(mini, [GOOD]), when=at(AS_OF - dt.timedelta(days=1)))
    record_call(store, bohdan, version, played(mini, [GOOD]), when=at(AS_OF - dt.timedelta(days=40)))
    return hr, anna, bohdan


def test_readiness_on_a_day_with_the_definition_in_use(store, seeded):
    hr, _, _ = seeded
    report = readiness_report.build(store, hr, as_of=AS_OF)
    assert report.required == ["estimated-bill"]                 # the only published scenario's category
    assert report.since == AS_OF - dt.timedelta(days=60)
    people = report.trainees.set_index("user")
    assert people["ready"].to_dict() == {"anna": True, "bohdan": False, "vira": False}
    assert report.summary() == {"ready": 1, "total": 3, "share": 1 / 3}
    assert people.loc["bohdan", "reasons"] == [{"category": "estimated-bill", "code": "too_few_calls", "calls": 1, "needed": 2}]
    assert len(report.calls) == 3 and report.weekly()["metric"].isin(["mean_overall", "pass_rate", "calls"]).all()
    cohort = report.cohort().set_index("group")
    assert cohort["share"].to_dict() == {"kyiv-1": 1.0, "kyiv-2": 0.0, "—": 0.0}
    assert report.weakest_categories()["category"].tolist() == ["estimated-bill"]


def test_filters_narrow_the_trainees_and_the_calls(store, seeded):
    hr, _, _ = seeded
    kyiv = readiness_report.build(store, hr, as_of=AS_OF, group="kyiv-1")
    assert kyiv.trainees["user"].tolist() == ["anna"]
    english = readiness_report.build(store, hr, as_of=AS_OF, language="en")
    assert not english.trainees["ready"].any() and english.calls.empty
    earlier = readiness_report.build(store, hr, as_of=AS_OF - dt.timedelta(days=2), since=AS_OF - dt.timedelta(days=10))
    assert not earlier.trainees["ready"].any()                   # one of anna's two calls by then
    assert len(earlier.calls) == 1                                # bohdan's is before the period
    with pytest.raises(ValueError, match="starts"):
        readiness_report.build(store, hr, as_of=AS_OF, since=AS_OF + dt.timedelta(days=1))


def test_ready_trainees_week_by_week_read_far_enough_back(store, seeded):
    """bohdan's calls on 10 January (80 days back) and 19 February: ready at the end of the weeks
    whose 60-day window holds both, which only a history reaching past today's window sees."""
    hr, _, bohdan = seeded
    mini, text = _mini_and_text()
    record_call(store, bohdan, store.scenario_version(mini, text, by=SHELL), played(mini, [GOOD]),
                when=at(AS_OF - dt.timedelta(days=80)))
    report = readiness_report.build(store, hr, as_of=AS_OF, since=AS_OF - dt.timedelta(days=7),
                                    history_weeks=readiness_report.HISTORY_WEEKS)
    assert len(report.data.attempts) == 4                         # the period is one week, the history 12
    ready = report.ready_weeks()
    counts = ready[ready.metric == "ready"].set_index("day")["value"]
    assert len(counts) == 12
    # bohdan from the week of his second call until 10 January leaves the window (14 March); anna today
    assert [counts[dt.date(2026, month, day)] for month, day in ((2, 15), (2, 22), (3, 8), (3, 15))] == [0, 1, 1, 0]
    assert counts[AS_OF] == 1


def _mini_and_text():
    from simulator.library.loader import load_text

    return load_text(MINI, "mini.yaml")[0], MINI


def test_nothing_required_without_a_published_scenario_or_a_choice(store):
    hr = make_user(store, "hr", role="hr")
    with pytest.raises(readiness_report.NothingRequired, match="no required categories"):
        readiness_report.build(store, hr, as_of=AS_OF)
    admin = make_user(store, "root", role="admin")
    source.save_definition(store, admin, source.Definition(Rules(), ("outage",)))
    report = readiness_report.build(store, hr, as_of=AS_OF)
    assert report.required == ["outage"] and report.trainees.empty and report.cohort().empty
    assert pd.read_csv(io.BytesIO(report.csv("uk")), sep=";").empty


def test_csv_in_each_languages_conventions_and_a_workbook_with_the_calls(store, seeded):
    hr, _, _ = seeded
    report = readiness_report.build(store, hr, as_of=AS_OF)
    names = {"estimated-bill": "рахунок за середнім"}
    uk = pd.read_csv(io.BytesIO(report.csv("uk", names)), sep=";", decimal=",", encoding="utf-8-sig")
    assert uk.columns.tolist() == ["Логін", "ПІБ", "Група", "Готовий", "Готових тем", "Обов'язкових тем", "Чого бракує"]
    assert uk.set_index("Логін").loc["bohdan", "Чого бракує"] == "рахунок за середнім: 1 з 2 дзвінків"
    en = pd.read_csv(io.BytesIO(report.csv("en")), sep=",", encoding="utf-8-sig")
    assert en.set_index("Username").loc["anna", "Ready"] == "yes"
    book = openpyxl.load_workbook(io.BytesIO(report.xlsx("en")))
    assert book.sheetnames == ["Trainees", "Categories", "Calls"]
    calls = list(book["Calls"].values)
    assert calls[0] == ("Username", "Full name", "Group", "Category", "Scenario", "Mode", "When (UTC)", "Score", "Result")
    assert len(calls) == 4 and {row[8] for row in calls[1:]} == {"passed"}
    assert readiness_report.csv_options("uk") == {"sep": ";", "decimal": ","}


def test_the_trainee_report_for_one_active_trainee(store, seeded):
    hr, anna, _ = seeded
    html = readiness_report.trainee_html(store, hr, anna, as_of=AS_OF, language="en",
                                         generated_at=at(AS_OF, 12))
    assert "Анна Коваль" in html and "Ready for live calls" in html and "Тестовий дзвінок" in html
    assert readiness_report.trainee_html(store, hr, hr, as_of=AS_OF, language="en") is None
    store.deactivate(anna.id, by=SHELL)
    assert readiness_report.trainee_html(store, hr, store.user(anna.id), as_of=AS_OF, language="en") is None
