"""The call engine: branching paths, silence, limits, repeatability."""
from __future__ import annotations

import pytest

from simulator.call.clock import ManualClock, scripted_reply_seconds
from simulator.call.engine import Call, CallOver

GOOD = "Розумію, що сума неочікувана, це неприємно. Рахунок виставили за середнім споживанням, бо показники не надійшли. Я зараз перевірю нарахування."
COLD_NO_FACT = "Я не знаю. Читайте платіжку."
POLITE_NO_FACT = "Добрий день. Дякую, що звернулися, зараз я перевірю ваш особовий рахунок."
CALMING = "Я вас чую, і ваше обурення зрозуміле. Рахунок виставили за середнім, і я зараз перевірю нарахування разом з вами."


def play(scenario, replies, seed=0, pause=5.0):
    clock = ManualClock()
    call = Call(scenario, clock, seed=seed)
    for text in replies:
        clock.advance(pause)
        call.reply(text)
    return call


def test_a_good_reply_resolves(mini):
    call = play(mini, [GOOD])
    assert call.outcome == "resolved"
    assert call.closing_line == "Добре, дякую."
    assert [t.node_id for t in call.turns] == ["opening"]
    card = call.scorecard()
    assert card.passed, card.to_dict()


def test_a_cold_reply_escalates_then_calms_down(mini):
    call = play(mini, [COLD_NO_FACT, CALMING])
    assert [t.node_id for t in call.turns] == ["opening", "angry"]
    assert call.outcome == "resolved"
    assert call.turns[0].score.empathy.score < 35


def test_a_cold_reply_twice_ends_in_a_complaint(mini):
    call = play(mini, [COLD_NO_FACT, COLD_NO_FACT])
    assert call.outcome == "escalated"
    assert not call.scorecard().passed
    assert "outcome" in call.scorecard().reasons


def test_a_missing_key_fact_makes_the_customer_ask_again(mini):
    call = play(mini, [POLITE_NO_FACT])
    assert call.node_id == "again" and not call.finished
    assert call.current.customer_line == "Ви не відповіли. Чому сума більша?"


def test_a_critical_mistake_fails_the_call(mini):
    call = play(mini, ["Назвіть, будь ласка, номер вашої картки і код з СМС."])
    assert call.outcome == "escalated"
    card = call.scorecard()
    assert "critical" in card.reasons and not card.passed


def test_silence_repeats_the_prompt_then_the_customer_hangs_up(mini):
    call = play(mini, [""])
    assert not call.finished and call.turns[0].silent
    assert call.current.customer_line in mini.silence_prompt
    assert call.current.node_id == "opening"
    call.silence()                       # the silence timeout, a second time: max_silences is 1
    assert call.outcome == "hung_up"
    assert call.scorecard().silent_turns == 2


def test_silence_resets_after_a_real_reply(mini):
    call = play(mini, ["", POLITE_NO_FACT, "   "])
    assert not call.finished and call.silences_in_row == 1


def test_maximum_number_of_turns(mini):
    call = play(mini, [POLITE_NO_FACT] * 4)
    assert call.outcome == "unresolved"
    assert len(call.turns) == mini.max_turns
    with pytest.raises(CallOver):
        call.reply(GOOD)


def test_turns_record_time_from_the_injected_clock(mini):
    clock = ManualClock(100.0)
    call = Call(mini, clock)
    clock.advance(7.5)
    turn = call.reply(GOOD, latency=1.2)
    assert (turn.asked_at, turn.replied_at, turn.seconds, turn.latency) == (100.0, 107.5, 7.5, 1.2)
    assert turn.score.time.seconds == 7.5 and turn.score.time.latency == 1.2
    card = call.scorecard()
    assert card.time.seconds == 7.5


def test_slow_replies_lose_time_points(mini):
    quick = play(mini, [GOOD], pause=10).scorecard()
    slow = play(mini, [GOOD], pause=200).scorecard()
    assert quick.time.band == "on_target" and slow.time.band == "far_over"
    assert slow.overall < quick.overall


def test_same_seed_same_call_and_variants_differ_across_seeds(mini):
    first = play(mini, [POLITE_NO_FACT, GOOD], seed=3)
    again = play(mini, [POLITE_NO_FACT, GOOD], seed=3)
    assert [t.to_dict() for t in first.turns] == [t.to_dict() for t in again.turns]
    assert first.scorecard().to_dict() == again.scorecard().to_dict()
    openings = {Call(mini, ManualClock(), seed=s).current.customer_line for s in range(20)}
    assert len(openings) == 3


def test_abandoned_call(mini):
    call = play(mini, [POLITE_NO_FACT])
    call.abandon()
    assert call.outcome == "abandoned"
    assert "outcome" in call.scorecard().reasons


def test_scripted_reply_pace():
    assert scripted_reply_seconds("one two three four five", "voice") == pytest.approx(1.5 + 2.0)
    assert scripted_reply_seconds("x" * 40, "chat") == pytest.approx(5.0 + 10.0)


@pytest.mark.parametrize("scenario_id", ["uk-abusive-caller", "en-abusive-caller", "uk-payment-not-credited", "en-payment-not-credited", "uk-repeat-complaint-regulator", "en-repeat-complaint", "en-estimated-bill"])
def test_library_branching_scenarios_resolve_with_references_and_fail_with_rudeness(library, scenario_id):
    """Following reference answers resolves the call; rude replies never do."""
    scenario = library.get(scenario_id)
    clock = ManualClock()
    call = Call(scenario, clock)
    while not call.finished:
        node = scenario.nodes[call.node_id]
        clock.advance(5)
        call.reply(node.references[0])
    assert call.outcome == "resolved", [t.node_id for t in call.turns]
    assert call.scorecard().passed

    rude = {"uk": "Що тут незрозумілого? Не морочте мені голову, ви самі винні.",
            "en": "What's so hard to understand? Stop wasting my time, it's your own fault."}[scenario.language]
    call = Call(scenario, ManualClock())
    while not call.finished:
        call.reply(rude)
    assert call.outcome in ("escalated", "hung_up", "unresolved")
    assert not call.scorecard().passed
