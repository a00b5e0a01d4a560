"""One trainee's printable report (?user=ID): the report itself, its download, HTML escaping,
and a clear message for a missing, unknown or non-trainee id."""
from __future__ import annotations

import datetime as dt

import pytest
from ui_helpers import app, log_in, open_page, page_only, texts

from simulator.reports import source
from simulator.ui import exports
from simulator.store import DEMO_PASSWORD
from tests.conftest import MINI
from tests.store.test_store_repository import GOOD, played, record_call
from simulator.store.guard import SHELL

NO_TRAINEE = "Такого активного стажера немає. Відкрийте звіт зі сторінки «Готовність персоналу»."
EVIL = '<b>Evil</b> & "Co"'
TODAY = dt.datetime.now(dt.timezone.utc).date()


@pytest.fixture
def anna(store, mini, admin):
    """Two good calls in the one required category: ready."""
    source.save_definition(store, admin, source.Definition(required=("estimated-bill",)))
    version = store.scenario_version(mini, MINI, by=SHELL)
    anna = store.create_user("anna", "trainee", DEMO_PASSWORD, full_name="Анна Коваль", group="kyiv-1", by=SHELL)
    for days in (3, 1):
        when = dt.datetime.combine(TODAY - dt.timedelta(days=days), dt.time(9), dt.timezone.utc)
        record_call(store, anna, version, played(mini, [GOOD]), when=when)
    return anna


def report(at) -> str:
    return at.get("iframe")[0].proto.srcdoc


def test_hr_sees_the_report_and_can_download_it(store, anna, monkeypatch):
    offered = {}
    keep = exports.audited

    def spy(store_, viewer, what, make, detail=None):
        offered[what] = keep(store_, viewer, what, make, detail)
        return offered[what]

    monkeypatch.setattr(exports, "audited", spy)
    at = open_page(app(store, store.user_by_username("demo-hr")), "trainee_report", user=anna.id)
    assert not at.exception
    assert texts(at.title) == ["Звіт стажера"] and texts(at.subheader) == ["Анна Коваль"]
    html = report(at)
    assert "Анна Коваль" in html and "Готовий до реальних дзвінків" in html and "готових тем: 1 з 1" in html
    assert len(at.get("download_button")) == 1
    made = offered["trainee report user anna"]        # the file is made when the button is clicked
    assert made().decode("utf-8") == html


def test_the_report_as_of_an_earlier_day_in_english(store, anna):
    hr = store.create_user("olena", "hr", DEMO_PASSWORD, language="en", by=SHELL)
    earlier = TODAY - dt.timedelta(days=2)
    at = open_page(app(store, hr), "trainee_report", user=anna.id, as_of=earlier.isoformat())
    html = report(at)
    assert "Not yet ready for live calls" in html and "estimated bill" in html and "1 of 2 calls" in html


def test_names_are_escaped(store, mini):
    store.scenario_version(mini, MINI, by=SHELL)
    evil = store.create_user("evil", "trainee", DEMO_PASSWORD, full_name=EVIL, group="<i>g</i>", by=SHELL)
    at = open_page(app(store, store.user_by_username("demo-trainer")), "trainee_report", user=evil.id)
    assert not at.exception
    html = report(at)
    assert "&lt;b&gt;Evil&lt;/b&gt; &amp; &quot;Co&quot;" in html and "&lt;i&gt;g&lt;/i&gt;" in html
    assert "<b>Evil" not in html and "<i>g" not in html


@pytest.mark.parametrize("given", [None, "99999", "hr"])
def test_a_missing_unknown_or_non_trainee_id_says_so(store, anna, given):
    hr = store.user_by_username("demo-hr")
    query = {} if given is None else {"user": hr.id if given == "hr" else given}
    at = open_page(app(store, hr), "trainee_report", **query)
    assert not at.exception
    assert texts(at.warning) == [NO_TRAINEE]
    assert not at.get("iframe") and not at.get("download_button")


def test_a_deactivated_trainee_has_no_report(store, anna):
    store.deactivate(anna.id, by=SHELL)
    at = open_page(app(store, store.user_by_username("demo-admin")), "trainee_report", user=anna.id)
    assert NO_TRAINEE in texts(at.warning)      # beside the demo accounts' banner every admin page shows


def test_a_trainee_is_refused(store, anna, trainee):
    at = page_only("trainee_report")
    log_in(at, store, trainee)
    at.query_params["user"] = str(anna.id)
    at.run()
    assert texts(at.error) == ["У вас немає доступу до цієї сторінки або цих даних."]
    assert not at.get("iframe")
