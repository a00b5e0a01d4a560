"""The reports' data from a real store (SQLite and PostgreSQL), and the admin's definition."""
from __future__ import annotations

import datetime as dt

import pytest

from simulator.reports import readiness, source
from simulator.reports.readiness import Rules
from simulator.store import SHELL
from tests.conftest import MINI
from tests.store.store_db import make_user
from tests.store.test_store_repository import GOOD, T0, played, record_call


def test_the_definition_defaults_is_saved_by_an_admin_and_checked(store):
    admin, hr = make_user(store, "admin", role="admin"), make_user(store, "hr", role="hr")
    assert source.definition(store) == source.Definition()
    chosen = source.Definition(Rules(pass_mark=75, min_attempts=3), ("estimated-bill", "outage"))
    source.save_definition(store, admin, chosen)
    assert source.definition(store) == chosen
    with pytest.raises(PermissionError):
        source.save_definition(store, hr, chosen)
    with pytest.raises(ValueError, match="unknown categories: weather"):
        source.Definition.from_dict({"required": ["weather"]})
    with pytest.raises(ValueError, match="pass_mark"):
        source.Definition.from_dict({"rules": {"pass_mark": 130}})


def test_required_categories_default_to_those_with_a_published_scenario(store, mini):
    store.scenario_version(mini, MINI, by=SHELL)
    assert source.Definition().categories(store) == ["estimated-bill"]
    assert source.Definition(required=("outage", "estimated-bill")).categories(store) == ["estimated-bill", "outage"]


def test_load_reads_far_enough_back_for_readiness_and_shows_findings_of_the_period(store, mini):
    hr, anna = make_user(store, "hr", role="hr"), make_user(store, "anna", group="kyiv-1")
    make_user(store, "bohdan", group="kyiv-2")
    version = store.scenario_version(mini, MINI, by=SHELL)
    old = record_call(store, anna, version, played(mini, [GOOD]), when=T0)
    new = record_call(store, anna, version, played(mini, [GOOD]), when=T0 + dt.timedelta(days=20))
    until = (T0 + dt.timedelta(days=20)).date()
    data = source.load(store, hr, since=until - dt.timedelta(days=7), until=until)
    assert list(data.attempts["attempt_id"]) == [old, new]       # 20 days back: within the 60-day window
    assert str(data.attempts["finished_at"].dt.tz) == "UTC" and data.attempts["passed"].dtype == bool
    assert list(data.trainees["user"]) == ["anna", "bohdan"]
    assert data.findings.empty or set(data.findings["kind"]) <= {"missed_fact", "wrong_fact", "hurt"}
    table = readiness.by_category(data.attempts, ["estimated-bill"], until, trainees=data.trainees)
    anna_row = table[table["user"] == "anna"].iloc[0]
    assert anna_row["attempts"] == 2
    assert list(source.load(store, hr, until=until, group="kyiv-2").attempts["attempt_id"]) == []
    short = source.load(store, hr, until=until, rules=Rules(window_days=10))
    assert list(short.attempts["attempt_id"]) == [new]


def test_load_for_one_trainee_reads_only_their_calls_and_findings(store, mini):
    hr, anna, bohdan = make_user(store, "hr", role="hr"), make_user(store, "anna"), make_user(store, "bohdan")
    version = store.scenario_version(mini, MINI, by=SHELL)
    record_call(store, anna, version, played(mini, [GOOD]), when=T0)
    theirs = record_call(store, bohdan, version, played(mini, ["Така політика.", "Не знаю."]), when=T0)
    data = source.load(store, hr, until=T0.date(), user_id=bohdan.id)
    assert list(data.attempts["attempt_id"]) == [theirs] and list(data.trainees["user"]) == ["bohdan"]
    hurt = data.findings[data.findings["kind"] == "hurt"]
    assert "така політика" in set(hurt["item"]) and set(hurt["label"]) >= {"така політика"}
    assert source.load(store, hr, until=T0.date(), user_id=anna.id).findings.query("kind == 'hurt'").empty
