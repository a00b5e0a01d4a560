"""The end of a call (issue 11): hanging up asks first, a call ended before any reply is kept
unscored and counted nowhere, the customer's last words close the call, and the scorecard
offers "try again" and the next suggested scenario. (Ending after a reply: tests/ui/test_call.py;
the last words in the customer's voice: tests/ui/test_results.py.)"""
from __future__ import annotations

from ui_helpers import app, open_page, play, shown, texts

from simulator.store.report_queries import Filters
from simulator.store.guard import SHELL

SCENARIO = "en-payment-slip"        # chat, four replies on the straight path


def press(at, ending: str):
    at.button(key=[b.key for b in at.button if b.key and b.key.endswith(ending)][0]).click()
    return at.run()


def test_ending_before_any_reply_asks_first_then_keeps_the_call_unscored(store, library, admin, trainee):
    at = app(store, trainee).run()
    at = press(at, f"{SCENARIO}.practice")
    at = press(at, ".end")
    assert "Завершити дзвінок зараз?" in shown(at)
    assert "без оцінки" in texts(at.warning)[0]
    at = press(at, ".end_no")                   # keep talking: nothing changed
    assert "Завершити дзвінок зараз?" not in shown(at) and at.chat_input
    assert store.attempts(trainee, trainee.id)[0].status == "in_progress"
    at = press(press(at, ".end"), ".end_yes")
    assert not at.exception         # was: KeyError "None of ['№'] are in the columns"
    ended = store.attempts(trainee, trainee.id)[0]
    assert (ended.status, ended.overall) == ("abandoned", None)
    assert texts(at.info) == ["Дзвінок завершено до першої відповіді: він не оцінюється і не враховується в результатах і готовності."]
    assert not at.metric and not at.table
    assert store.report_attempts(admin, Filters()).rows == []          # nothing for readiness to count
    at = press(at, "call_next.again")                                  # try again: the same scenario afresh
    newest = store.attempts(trainee, trainee.id)[0]
    assert (newest.scenario_id, newest.status, newest.mode) == (SCENARIO, "in_progress", "practice")
    assert newest.id != ended.id and int(at.query_params["attempt"]) == newest.id and at.chat_input

    # a call ended before any answer, as such calls were saved before: a scorecard of 0 points, no turns
    old = play(store, trainee, library, SCENARIO, replies=0)
    old.call.abandon()
    store.finish_attempt(old.attempt_id, "abandoned", old.call.scorecard().to_dict(), by=SHELL)
    at = open_page(app(store, trainee), "attempt", attempt=old.attempt_id)
    assert not at.exception
    assert texts(at.error)[0].startswith("Не зараховано:")


def test_a_finished_call_shows_the_customers_last_words_and_what_to_do_next(store, library, trainee):
    call = play(store, trainee, library, SCENARIO)
    assert call.closing_line
    at = open_page(app(store, trainee), "attempt", attempt=call.attempt_id)
    assert "Кінець дзвінка" in texts(at.subheader)
    assert f"**{library.get(SCENARIO).persona.name}:** {call.closing_line}" in shown(at)
    assert at.button(key="call_next.again").label == "Спробувати ще раз"
    following = at.button(key="call_next.next")
    assert following.label.startswith("Наступний сценарій: ")
    following.click()
    at.run()
    newest = store.attempts(trainee, trainee.id)[0]
    assert newest.status == "in_progress" and newest.scenario_id != SCENARIO
    assert newest.title in texts(at.title)
