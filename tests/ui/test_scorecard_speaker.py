"""The scorecard names who gave the replies: «Ви» for the trainee, the trainee's role for
staff who open it (issue 11: a trainer or HR read «Ви» beside someone else's words)."""
from __future__ import annotations

from ui_helpers import app, open_page, play, shown


def test_staff_read_the_trainee_by_role_and_the_trainee_reads_you(store, library, trainee):
    call = play(store, trainee, library, "en-payment-slip", replies=1)
    call.abandon()
    trainer = store.user_by_username("demo-trainer")
    staff = open_page(app(store, trainer), "attempt", attempt=call.attempt_id)
    assert not staff.exception
    assert "Оператор-стажер:" in shown(staff) and "Ви:" not in shown(staff)
    own = open_page(app(store, trainee), "attempt", attempt=call.attempt_id)
    assert "Ви:" in shown(own) and "Оператор-стажер:" not in shown(own)
