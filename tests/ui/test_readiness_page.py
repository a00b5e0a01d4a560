"""The HR readiness dashboard on a real SQLite store seeded with calls: readiness as worked out
by hand, the filters, the downloads, the English interface, the empty states and the roles.

The fixture: the admin requires one category, estimated-bill ("рахунок за середнім"), which
the mini scenario is in; a good reply to it scores about 90 (``good_score``: its last figure
differs between machines running the same code, 90.2 on CI and 90.3 on another).
anna (kyiv-1): two good calls, 3 and 1 days ago -> about 90 from 2 calls: ready.
bohdan (kyiv-2): one good call 2 days ago -> 1 of 2 calls: not ready.
demo-trainee (demo): no calls -> not ready.
"""
from __future__ import annotations

import datetime as dt
import io
import json
import re

import openpyxl
import pandas as pd
import pytest
from streamlit.runtime.media_file_manager import MediaFileManager
from streamlit.runtime.memory_media_file_storage import MemoryMediaFileStorage
from ui_helpers import app, log_in, page_only, shown, texts

from simulator.reports import source
from simulator.reports.readiness import Rules
from simulator.store import DEMO_PASSWORD
from simulator.ui import access, services
from simulator.ui.components import readiness_charts, readiness_filters
from tests.conftest import MINI
from tests.store.test_store_repository import GOOD, POLITE_NO_FACT, played, record_call
from simulator.store.guard import SHELL

DENIED = "У вас немає доступу до цієї сторінки або цих даних."
TODAY = dt.datetime.now(dt.timezone.utc).date()


@pytest.fixture(autouse=True)
def one_today(monkeypatch):
    """The pages' today is this module's TODAY: a run that crosses midnight UTC sees one date."""
    monkeypatch.setattr(readiness_filters, "today", lambda: TODAY)


def days_ago(days: int) -> dt.datetime:
    return dt.datetime.combine(TODAY - dt.timedelta(days=days), dt.time(9), dt.timezone.utc)


@pytest.fixture
def seeded(store, mini, admin):
    source.save_definition(store, admin, source.Definition(required=("estimated-bill",)))
    version = store.scenario_version(mini, MINI, by=SHELL)
    anna = store.create_user("anna", "trainee", DEMO_PASSWORD, full_name="Анна Коваль", group="kyiv-1", by=SHELL)
    bohdan = store.create_user("bohdan", "trainee", DEMO_PASSWORD, full_name="Богдан Сало", group="kyiv-2", by=SHELL)
    for days in (3, 1):
        record_call(store, anna, version, played(mini, [GOOD]), when=days_ago(days))
    record_call(store, bohdan, version, played(mini, [GOOD]), when=days_ago(2))
    return anna, bohdan


@pytest.fixture
def good_score(mini) -> float:
    """The overall score of a good reply to the mini scenario, to one decimal, as the page shows it."""
    return round(played(mini, [GOOD]).scorecard().overall, 1)


@pytest.fixture
def hr(store):
    return store.user_by_username("demo-hr")


@pytest.fixture
def downloads(monkeypatch):
    """What each download button offers, by file name (a file made on click is made here)."""
    offered = {}
    keep, keep_deferred = MemoryMediaFileStorage.load_and_get_id, MediaFileManager.add_deferred

    def spy(self, path_or_data, mimetype, kind, filename=None):
        offered[filename] = path_or_data
        return keep(self, path_or_data, mimetype, kind, filename)

    def spy_deferred(self, data_callable, mimetype, coordinates, file_name=None, **kwargs):
        offered[file_name] = data_callable()
        return keep_deferred(self, data_callable, mimetype, coordinates, file_name, **kwargs)

    monkeypatch.setattr(MemoryMediaFileStorage, "load_and_get_id", spy)
    monkeypatch.setattr(MediaFileManager, "add_deferred", spy_deferred)
    return offered


def table(at) -> pd.DataFrame:
    """The per-trainee table (the page's first table)."""
    return at.dataframe[0].value


def rows(at) -> dict[str, list]:
    frame = table(at)
    return {row[0]: list(row[1:]) for row in frame.itertuples(index=False)}


def test_readiness_as_worked_out_by_hand_with_reasons_in_ukrainian(store, seeded, hr):
    at = app(store, hr).run()
    assert not at.exception
    assert texts(at.title) == ["Готовність персоналу"]
    assert [(m.label, m.value) for m in at.metric] == [("Стажерів", "3"), ("Готові", "1"), ("Частка готових", "33%")]
    assert list(table(at).columns) == ["Стажер", "Група", "Готовий", "Готових тем з обов'язкових", "Чого бракує"]
    assert rows(at) == {
        "Анна Коваль": ["kyiv-1", "так", "1 / 1", ""],
        "Богдан Сало": ["kyiv-2", "ні", "0 / 1", "рахунок за середнім: 1 з 2 дзвінків"],
        "Demo trainee": ["demo", "ні", "0 / 1", "рахунок за середнім: немає дзвінків"],
    }
    expander = at.expander[0]
    assert expander.label == "Що означає «готовий»"
    definition = " ".join(texts(expander.markdown))
    assert "щонайменше 2 завершених дзвінків" in definition and "щонайменше 70 балів" in definition
    assert "Обов'язкові теми: рахунок за середнім." in definition
    assert f"Готовність станом на {TODAY:%d.%m.%Y}" in shown(at)
    assert len(at.get("vega_lite_chart")) == 4          # cohort, weekly mean, pass rate, ready by week
    assert "Слабкі місця" in texts(at.subheader)


def test_numbers_one_way_per_language_and_weak_areas_shown_whole(store, mini, seeded, hr):
    """A topic showed 45,9 in one place and 43.8 in another; the weak areas' tables were cut off
    in half the page's width, their counts out of sight; the heatmap of one topic was a thin line."""
    _anna, bohdan = seeded
    version = store.scenario_version(mini, MINI, by=SHELL)
    record_call(store, bohdan, version, played(mini, [POLITE_NO_FACT, GOOD]), when=days_ago(1))
    at = app(store, hr).run()
    assert not at.exception
    weakest = at.table[-1].value                         # whole tables, not grids cut to half the page
    average, share, count = weakest.iloc[0, 1:].tolist()    # the average is the scorer's: its format is the point here
    # Bohdan's call scores 69.4996, kept and shown as 70: it passes a mark of 70 (scoring/marks.py), so all 4 pass
    assert re.fullmatch(r"\d{1,3}(,\d)?", average) and (share, count) == ("100%", 4)   # a point in English (tests/texts/test_number_format.py)
    missed = at.table[0].value
    assert list(missed.columns)[0] == "Разів" and missed.iloc[0, 0] == 1        # the count comes first
    assert missed.iloc[0, 1] == "рахунок за середнім"                                     # the scenario's own words
    charts = [chart.proto.spec for chart in at.get("vega_lite_chart")]
    assert all(".1f" not in spec for spec in charts)     # Vega would write a decimal point
    cohort = json.loads(charts[0])
    assert cohort["height"] == readiness_charts.ROW_HEIGHT    # one topic: one full row, sized by the chart
    assert cohort["autosize"]["type"] == "pad"                # axis and legend around it, not squeezed into it


def test_the_filters_change_the_table(store, seeded, hr):
    at = app(store, hr).run()
    at.selectbox(key="readiness_filters.group").set_value("kyiv-1").run()
    assert list(rows(at)) == ["Анна Коваль"]
    at.selectbox(key="readiness_filters.group").set_value(None)
    at.selectbox(key="readiness_filters.language").set_value("en").run()
    assert rows(at)["Анна Коваль"] == ["kyiv-1", "ні", "0 / 1", "рахунок за середнім: немає дзвінків"]
    assert "За цей період немає завершених дзвінків з такими фільтрами." in texts(at.info)
    at.selectbox(key="readiness_filters.language").set_value(None)
    # readiness as of two days ago: anna had one call by then, bohdan his one (that day counts whole)
    at.date_input(key="readiness_filters.dates").set_value((TODAY - dt.timedelta(days=30), TODAY - dt.timedelta(days=2))).run()
    assert not at.exception
    assert rows(at)["Анна Коваль"][1:] == ["ні", "0 / 1", "рахунок за середнім: 1 з 2 дзвінків"]
    assert rows(at)["Богдан Сало"][3] == "рахунок за середнім: 1 з 2 дзвінків"


def test_the_csv_and_excel_downloads(store, seeded, hr, downloads):
    app(store, hr).run()
    stem = f"readiness-{TODAY.isoformat()}"
    csv = pd.read_csv(io.BytesIO(downloads[f"{stem}.csv"]), sep=";", decimal=",", encoding="utf-8-sig")
    assert list(csv["Логін"]) == ["anna", "bohdan", "demo-trainee"]
    assert list(csv["Готовий"]) == ["так", "ні", "ні"]
    assert csv.set_index("Логін").loc["bohdan", "Чого бракує"] == "рахунок за середнім: 1 з 2 дзвінків"
    book = openpyxl.load_workbook(io.BytesIO(downloads[f"{stem}.xlsx"]))
    assert book.sheetnames == ["Стажери", "Теми", "Дзвінки"]
    assert len(list(book["Дзвінки"].values)) == 1 + 3


def test_an_english_interface_hr_user_sees_english(store, seeded, downloads, good_score):
    hr_en = store.create_user("olena", "hr", DEMO_PASSWORD, full_name="Olena", language="en", by=SHELL)
    at = app(store, hr_en).run()
    assert texts(at.title) == ["Staff readiness"]
    assert list(table(at).columns) == ["Trainee", "Group", "Ready", "Ready of required categories", "What is missing"]
    assert rows(at)["Богдан Сало"] == ["kyiv-2", "no", "0 / 1", "estimated bill: 1 of 2 calls"]
    assert at.table[-1].value.iloc[0, 1] == f"{good_score:.1f}"         # the weakest topics: a decimal point
    csv = pd.read_csv(io.BytesIO(downloads[f"readiness-{TODAY.isoformat()}.csv"]), sep=",", encoding="utf-8-sig")
    assert list(csv.columns)[:4] == ["Username", "Full name", "Group", "Ready"] and len(csv) == 3


def test_a_trainee_row_opens_their_one_page_report(store, seeded, hr):
    anna, _ = seeded
    at = app(store, hr).run()
    at.selectbox(key="readiness_trainees.chosen").set_value(anna.id)
    at.button(key="readiness_trainees.open").click().run()
    assert not at.exception
    assert texts(at.title) == ["Звіт стажера"]
    assert (at.query_params["user"], at.query_params["as_of"]) == (str(anna.id), TODAY.isoformat())
    report = at.get("iframe")[0].proto.srcdoc
    assert "Анна Коваль" in report and "Готовий до реальних дзвінків" in report


def test_the_definition_the_admin_saved_is_the_one_used(store, seeded, hr, admin):
    source.save_definition(store, admin, source.Definition(Rules(min_attempts=1), ("estimated-bill", "outage")))
    at = app(store, hr).run()
    assert rows(at)["Анна Коваль"][1:3] == ["ні", "1 / 2"]
    assert rows(at)["Богдан Сало"][3] == "відключення: немає дзвінків"
    assert "щонайменше 1 завершених дзвінків" in " ".join(texts(at.expander[0].markdown))


def test_no_published_scenario_says_so(app_env):
    store = services.store()            # the library not recorded: nothing published
    at = app(store, store.user_by_username("demo-hr")).run()
    assert not at.exception
    assert texts(at.info)[0].startswith("Немає обов'язкових тем")
    assert not at.dataframe and not at.metric


def test_no_calls_yet(store, hr, admin):
    source.save_definition(store, admin, source.Definition(required=("estimated-bill",)))
    at = app(store, hr).run()
    assert not at.exception
    assert rows(at) == {"Demo trainee": ["demo", "ні", "0 / 1", "рахунок за середнім: немає дзвінків"]}
    assert "За цей період немає завершених дзвінків з такими фільтрами." in texts(at.info)
    assert "Слабкі місця" not in texts(at.subheader)


def test_no_trainees(store, hr, trainee):
    store.deactivate(trainee.id, by=SHELL)
    at = app(store, hr).run()
    assert not at.exception
    assert "Немає активних стажерів з такими фільтрами." in texts(at.info)
    assert not at.dataframe and not at.metric


@pytest.mark.parametrize("username", ["demo-trainee", "demo-trainer"])
def test_trainees_and_trainers_are_refused(store, seeded, username):
    at = page_only("readiness")
    log_in(at, store, store.user_by_username(username))
    at.run()
    assert texts(at.error) == [DENIED]
    assert not at.dataframe and not at.metric and not at.get("download_button")
    assert "readiness" not in [p.name for p in access.allowed(store.user_by_username(username).role)]


# --- the admin's readiness definition (on the admin page) ------------------------------------

def test_the_admin_saves_a_definition_the_dashboard_then_uses(store, seeded, admin, hr, good_score):
    at = app(store, admin).run()
    assert "Визначення готовності" in [tab.label for tab in at.tabs]
    at.number_input(key="readiness_settings.pass_mark").set_value(96.0)
    at.number_input(key="readiness_settings.min_attempts").set_value(1)
    required = at.multiselect(key="readiness_settings.required")
    assert required.proto.placeholder == "усі теми з опублікованим сценарієм"      # not "Choose options"
    required.set_value(["estimated-bill"])
    at.button(key="readiness_settings.save").click().run()
    assert texts(at.success) == ["Визначення готовності збережено."]
    saved = source.definition(store)
    assert (saved.rules.pass_mark, saved.rules.min_attempts, saved.required) == (96.0, 1, ("estimated-bill",))
    dashboard = app(store, hr).run()
    assert rows(dashboard)["Анна Коваль"][3] == f"рахунок за середнім: оцінка {good_score:.1f} нижче 96".replace(".", ",")


def test_a_bad_definition_is_refused_with_the_reason(store, admin):
    at = app(store, admin).run()
    at.number_input(key="readiness_settings.min_attempts").set_value(3)
    at.number_input(key="readiness_settings.recent").set_value(2)
    at.button(key="readiness_settings.save").click().run()
    assert texts(at.error) == [("Не збережено: останніх дзвінків, що зважуються (2), не може бути менше за мінімум "
                                "дзвінків (3): тоді жодна тема не стала б готовою")]
    assert store.setting(source.SETTING) is None
