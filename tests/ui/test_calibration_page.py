"""The calibration page in both languages: rating blind one reply at a time, the machine's and
the colleagues' ratings shown only after one's own, the report with κ, HR kept to closed sets."""
from __future__ import annotations

import pytest

from simulator.calibration import report
from simulator.store import calibration as cal
from simulator.texts import i18n
from simulator.ui import services
from tests.store.test_store_calibration import sample
from ui_helpers import app, open_page, shown
from simulator.store.guard import SHELL


@pytest.fixture
def store(app_env):
    """The app's store without the library recorded (the page reads it only to make a set)."""
    return services.store()


def trainers(store):
    return (store.create_user("olha", "trainer", "correct-horse-battery", language="uk", by=SHELL),
            store.create_user("peter", "trainer", "correct-horse-battery", language="en", by=SHELL))


def rate_first(at, empathy, accuracy, compliance, comment=""):
    prefix = next(r.key for r in at.radio if r.key and r.key.endswith(".empathy")).rsplit(".", 1)[0]
    at.radio(key=f"{prefix}.empathy").set_value(empathy)
    at.radio(key=f"{prefix}.accuracy").set_value(accuracy)
    at.radio(key=f"{prefix}.compliance").set_value(compliance)
    at.text_area(key=f"{prefix}.comment").input(comment)
    return next(b for b in at.button if b.label in ("Зберегти оцінку", "Save the rating")).click().run()


def test_a_trainer_rates_blind_and_sees_the_machine_only_afterwards_uk(store):
    olha, peter = trainers(store)
    set_id = cal.create_set(store, olha, "Березневий раунд", samples=[sample(1, 90, 100), sample(2, 10, 0, critical=True)])
    cal.rate(store, peter, cal.items(store, peter, set_id)[0].id, empathy=1, accuracy=2, compliance=1, comment="formulaic")
    at = app(store, olha)
    open_page(at, "calibration")
    text = shown(at)
    assert "Оцінено 0 з 2." in text and "відповідь 1" in text
    assert "Машина:" not in text and "formulaic" not in text          # nothing of the others before one's own rating
    at = rate_first(at, 2, 2, 1, "конкретно")
    text = shown(at)
    assert "Оцінку збережено." in text and "Оцінено 1 з 2." in text
    assert "відкритий · відповідей: 2 · оцінили тренерів: 2 · ви оцінили: 1" in text
    assert "Машина: Емпатія 2 · Точність 2 · Дотримання правил 1" in text
    assert "peter: Емпатія 1 · Точність 2 · Дотримання правил 1 — formulaic" in text
    assert "Звіт відкриється" in text                                   # one reply still to rate
    rated = rate_first(at, 0, 0, 0)
    assert cal.items(store, olha, set_id)[1].mine.compliance == 0
    assert "Ви оцінили всі відповіді набору" in shown(rated)


def test_the_report_shows_the_trainers_and_the_machines_agreement_en(store):
    olha, peter = trainers(store)
    set_id = cal.create_set(store, olha, "April", samples=[sample(k, e, a) for k, (e, a) in
                                                           enumerate([(10, 10), (60, 60), (90, 90), (90, 10)])])
    for rater, ratings in ((olha, [0, 1, 2, 2]), (peter, [0, 1, 2, 1])):
        for item, value in zip(cal.items(store, rater, set_id), ratings):
            cal.rate(store, rater, item.id, empathy=value, accuracy=value, compliance=1)
    at = app(store, peter)
    open_page(at, "calibration")
    agreement = at.table[0].value
    row = agreement[agreement["Criterion"] == "Empathy"].iloc[0]
    assert row["Trainers with each other: replies"] == 4 and row["Machine with trainers: replies"] == 8
    expected = cal.report_items(store, peter, set_id)
    empathy = next(l for l in report.lines(expected) if l.criterion == "empathy")
    assert row["Trainers with each other: κ"] == i18n.number(empathy.human_human.kappa, "en", 3)
    assert row["Machine with trainers: κ"] == i18n.number(empathy.machine_human.kappa, "en", 3)
    assert not at.dataframe[0].value.empty          # the disagreements
    assert [b.label for b in at.get("download_button")] == ["Replies and ratings (CSV)", "Report (Excel)",
                                                             "Printable page (HTML)"]


def test_hr_reads_only_closed_sets(store):
    olha, _ = trainers(store)
    open_set = cal.create_set(store, olha, "still open", samples=[sample(1, 50, 50)])
    hr = store.create_user("halyna", "hr", "correct-horse-battery", language="en", by=SHELL)
    at = app(store, hr)
    open_page(at, "calibration")
    assert "No sets yet." in shown(at) and not at.radio
    cal.close_set(store, olha, open_set)
    at = app(store, hr)
    open_page(at, "calibration")
    assert "Trainers with each other: κ" in at.table[0].value.columns and not at.radio
    assert [tab.label for tab in at.tabs] == ["Report"]


def test_an_admin_fits_a_tuning_and_the_gate_asks_for_a_reason_en(store):
    from simulator.store import audit
    from tests.store.test_store_calibration import rated_set

    olha, peter = trainers(store)
    admin = store.create_user("adam", "admin", "correct-horse-battery", language="en", by=SHELL)
    rated_set(store, {"olha": olha, "petro": peter}, agree=False)      # ratings no tuning can follow
    at = app(store, admin)
    open_page(at, "calibration")
    at.selectbox(key="calibration_tuning.language").set_value("uk")
    at.button(key="calibration_tuning.fit").click().run()
    [proposed] = cal.tunings(store, admin)
    assert "Proposed tuning" in shown(at) and proposed.held_out_kappa < 0.7
    at.button(key=f"calibration_tuning.{proposed.id}.accept").click().run()
    assert "below the level" in shown(at) and cal.tunings(store, admin)[0].status == "proposed"
    at.text_area(key=f"calibration_tuning.{proposed.id}.override").input("first round, we tune again in May")
    at.button(key=f"calibration_tuning.{proposed.id}.accept").click().run()
    assert "Tuning accepted as version 1" in shown(at)
    assert [e.detail["comment"] for e in audit.search(store, actions=["gate_override"])] == ["first round, we tune again in May"]
