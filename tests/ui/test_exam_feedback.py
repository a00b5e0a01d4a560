"""During an exam the trainee sees nothing of how their replies scored, on any page, until it ends."""
from __future__ import annotations

from ui_helpers import app, open_page, play, shown, texts


def test_progress_and_attempt_pages_show_nothing_of_an_exam_in_progress(store, library, trainee):
    exam = play(store, trainee, library, "en-payment-slip", mode="exam", replies=0)
    exam.reply_text("Sorry, I can't help with that.")          # misses every key fact
    at = open_page(app(store, trainee), "progress")
    assert not at.exception
    assert "Що підтягнути" not in texts(at.subheader) and "Факти, які найчастіше пропускаєте" not in shown(at)
    assert not at.metric and len(at.dataframe) == 1             # the list of attempts only
    at = open_page(app(store, trainee), "attempt", attempt=exam.attempt_id)
    assert texts(at.info) == ["Цей дзвінок ще триває."] and not at.metric and not at.expander

    exam.abandon()                                              # the exam has ended: now it counts
    at = open_page(app(store, trainee), "progress")
    assert "Що підтягнути" in texts(at.subheader) and len(at.dataframe) == 2
