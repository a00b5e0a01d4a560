"""The call page's choices around the conversation: holding each reply's feedback until the
end of a practice call (it is then on the scorecard), and hearing an earlier customer line
again on the voice channel."""
from __future__ import annotations

from ui_helpers import app, shown

from simulator.ui.components import feedback_choice


def _start(store, user, scenario_id: str):
    at = app(store, user)
    at.session_state["voice_check.later"] = True
    at.run()
    at.button(key=f"scenario_card.{scenario_id}.practice").click()
    return at.run()


def test_feedback_can_wait_for_the_end_of_the_call(store, library, trainee):
    at = _start(store, trainee, "en-payment-slip")
    assert not at.toggle(key=feedback_choice.HOLD).value       # shown after each reply unless the trainee asks
    at.toggle(key=feedback_choice.HOLD).set_value(True)
    at.run()
    at.chat_input[0].set_value(library.get("en-payment-slip").nodes["opening"].references[0])
    at.run()
    assert not at.exception
    assert not [e for e in at.expander if e.label.startswith("Оцінка відповіді")]
    assert "Відгук до відповідей — на підсумковій картці після дзвінка." in shown(at)
    assert at.session_state[feedback_choice.CHOSEN]        # kept for the next call in this session
    at.toggle(key=feedback_choice.HOLD).set_value(False)
    at.run()
    assert [e.label for e in at.expander if e.label.startswith("Оцінка відповіді")] == ["Оцінка відповіді 1"]


def test_an_earlier_customer_line_can_be_heard_again(store, library, trainee):
    at = _start(store, trainee, "en-three-zone-readings")
    at.button(key=[b.key for b in at.button if b.key and b.key.endswith(".silence")][0]).click()
    at.run()
    players = at.get("audio")
    assert [p.proto.autoplay for p in players] == [False, True]     # the earlier line waits to be asked; the new one plays
    assert players[0].proto.url != players[1].proto.url
