"""Which tuning scored a call, wherever its score is shown (issue 16): the attempt page, the
trainers' review (with the scorer's own figures beside a tuned call's), the review list and the
trainee's past attempts; in Ukrainian and in English."""
from __future__ import annotations

import datetime as dt

from ui_helpers import app, open_page, play, shown

from simulator.store import DEMO_PASSWORD
from tests.calibration.tuning_rows import STRICT, accepted
from simulator.store.guard import SHELL

ACCEPTED = dt.datetime(2026, 12, 5, 22, 30, tzinfo=dt.timezone.utc)     # 6 December in Kyiv


def test_pages_name_the_tuning_in_both_languages_and_the_review_shows_the_untuned_figures(store, library, trainee, admin):
    before = play(store, trainee, library, "uk-payment-slip")
    accepted(store, admin, STRICT, "uk", now=ACCEPTED)
    tuned = play(store, trainee, library, "uk-payment-slip")
    card = store.attempt_detail(trainee, tuned.attempt_id).scorecard

    page = open_page(app(store, trainee), "attempt", attempt=tuned.attempt_id)
    assert not page.exception
    assert "Налаштування оцінювання: v1 від 06.12.2026" in shown(page)
    assert "Без налаштування" not in shown(page)                    # the trainee sees the tuned scores only
    page = open_page(app(store, trainee), "attempt", attempt=before.attempt_id)
    assert "Налаштування оцінювання: стандартне" in shown(page)

    progress = open_page(app(store, trainee), "progress")
    column = progress.dataframe[0].value["Налаштування оцінювання"].tolist()
    assert column == ["v1 від 06.12.2026", "стандартне"]           # newest first

    trainer = store.user_by_username("demo-trainer")
    review = open_page(app(store, trainer), "review", attempt=tuned.attempt_id)
    assert not review.exception
    text = shown(review)
    assert "Налаштування оцінювання: v1 від 06.12.2026" in text
    own = card["untuned"]
    assert (f"Без налаштування (стандартне оцінювання) було б: {round(own['overall'])} " in text
            and f"точність {round(own['accuracy'])}, емпатія {round(own['empathy'])}" in text)
    listing = open_page(app(store, trainer), "review")
    rows = [b.label for b in listing.button if b.key and b.key.startswith("review_list.open.")]
    assert sum("Налаштування оцінювання: v1 від 06.12.2026" in r for r in rows) == 1 and len(rows) == 2

    # in English: a trainee's tuned call (the English tuning is v2), its review, and HR's trainee report
    tom = store.create_user("tom", "trainee", DEMO_PASSWORD, language="en", by=SHELL)
    accepted(store, admin, STRICT, "en", now=ACCEPTED)
    english = play(store, tom, library, "en-payment-slip")
    page = open_page(app(store, tom), "attempt", attempt=english.attempt_id)
    assert not page.exception
    assert "Scoring tuning: v2 of 2026-12-06" in shown(page)
    kate = store.create_user("kate", "trainer", DEMO_PASSWORD, language="en", by=SHELL)
    review = open_page(app(store, kate), "review", attempt=english.attempt_id)
    assert "Scoring tuning: v2 of 2026-12-06" in shown(review) and "Untuned (standard scoring) it would be:" in shown(review)
    hr = store.create_user("olena", "hr", DEMO_PASSWORD, language="en", by=SHELL)
    report = open_page(app(store, hr), "trainee_report", user=tom.id)
    assert not report.exception
    assert "Scoring tuning of new calls: Ukrainian — v1 of 2026-12-06; English — v2 of 2026-12-06." in shown(report)
