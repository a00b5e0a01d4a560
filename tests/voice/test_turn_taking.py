"""The hands-free turn machine on real speech: our own voices (espeak-ng) with silences put
between the phrases, through faster-whisper's Silero VAD, in 20 ms pieces as WebRTC delivers
them."""
from __future__ import annotations

import numpy as np
import pytest

from simulator.voice import audio, tts
from simulator.voice.turn_taking import (AHEAD, SAMPLE_RATE, EndLikely, PauseRule, Phrase, Silence, State, TooLong,
                                         TurnEnd, TurnTaker, leads_on)

PIECE = 320     # 20 ms


def _say(text: str, language: str) -> np.ndarray:
    """The text in our voice, without espeak-ng's silence around it (about 0.33 s after): the
    silences a test puts between phrases are then the pauses the trainee makes."""
    spoken = audio.decode(tts.synthesize(text, tts.VoiceSpec(language, gender="male")), audio.Limits())
    loud = np.flatnonzero(np.abs(spoken) > 0.01)
    return spoken[loud[0]:loud[-1] + 1]


def _quiet(seconds: float) -> np.ndarray:
    return np.zeros(round(seconds * SAMPLE_RATE), np.float32)


@pytest.fixture(scope="module")
def phrases() -> dict[str, np.ndarray]:
    return {
        "short_uk": _say("Так, зараз.", "uk"),
        "uk": _say("Я перевірю ваш рахунок і все поясню.", "uk"),
        "uk2": _say("Платіж надійде протягом трьох робочих днів, гроші не загубляться.", "uk"),
        "en": _say("Let me check your account and the payment you made last week.", "en"),
        "en2": _say("The money will arrive within three working days.", "en"),
    }


def _run(machine: TurnTaker, signal: np.ndarray, piece: int = PIECE) -> list[tuple[float, object]]:
    """Feed ``signal`` piece by piece; each event with the time (s) of the piece that gave it."""
    events = []
    for at in range(0, signal.size, piece):
        events += [((at + piece) / SAMPLE_RATE, e) for e in machine.feed(signal[at:at + piece])]
    return events


def _of(kind, events):
    return [(t, e) for t, e in events if isinstance(e, kind)]


def test_a_thinking_pause_after_a_short_start_does_not_end_the_turn(phrases):
    signal = np.concatenate([_quiet(0.5), phrases["short_uk"], _quiet(0.9), phrases["uk2"], _quiet(3.0)])
    machine = TurnTaker(language="uk")
    events = _run(machine, signal)
    ends = _of(TurnEnd, events)
    assert len(ends) == 1 and machine.state is State.HEARD
    at, end = ends[0]
    assert len(end.phrases) == 2 and len(_of(Phrase, events)) == 2
    second_starts = 0.5 + phrases["short_uk"].size / SAMPLE_RATE + 0.9
    assert end.speech_end / SAMPLE_RATE > second_starts         # the turn holds the second phrase
    assert at - end.speech_end / SAMPLE_RATE == pytest.approx(PauseRule().end_pause, abs=0.1)
    likely = _of(EndLikely, events)         # once per pause about to end the turn, the last one just before the end
    assert likely[-1][1].phrase == end.phrases[-1] and at - likely[-1][0] == pytest.approx(AHEAD, abs=0.1)
    assert end.audio.size <= end.speech_end + round(0.2 * SAMPLE_RATE)


def test_after_a_full_sentence_the_same_pause_ends_the_turn(phrases):
    signal = np.concatenate([_quiet(0.5), phrases["uk"], phrases["uk2"], _quiet(1.4), phrases["uk"], _quiet(2.0)])
    machine = TurnTaker(language="uk")
    ends = _of(TurnEnd, _run(machine, signal))
    assert len(ends) == 1
    first_part = 0.5 + (phrases["uk"].size + phrases["uk2"].size) / SAMPLE_RATE
    assert ends[0][1].speech_end / SAMPLE_RATE < first_part + 0.1
    assert machine.feed(_quiet(1.0)) == []          # heard: the microphone waits for the call to go on


@pytest.mark.parametrize("language", ["uk", "en"])
def test_a_gap_between_sentences_is_heard_as_long_as_it_is(phrases, language):
    """A 0.6 s gap between sentences is heard as at most 0.7 s: the pause is the silence, not
    the silence plus the next word's first sound (too short to start a phrase; counted as
    silence, a 0.45 s gap was heard as up to 1.28 s and ended the turn)."""
    first, second = (phrases["uk"], phrases["uk2"]) if language == "uk" else (phrases["en"], phrases["en2"])
    sentences = [first, second, first, second, first]
    reply = [_quiet(0.3)] + [part for sentence in sentences for part in (sentence, _quiet(0.6))]
    rule = PauseRule(end_pause=0.72)
    events = _run(TurnTaker(rule, language=language), np.concatenate([*reply, _quiet(2.0)]))
    ends = _of(TurnEnd, events)
    assert len(ends) == 1 and len(ends[0][1].phrases) == len(sentences)
    assert ends[0][0] - ends[0][1].speech_end / SAMPLE_RATE == pytest.approx(rule.end_pause, abs=0.1)


def test_a_last_word_that_leads_on_earns_a_longer_pause(phrases):
    signal = np.concatenate([_quiet(0.3), phrases["en"], _quiet(1.4), phrases["en2"], _quiet(2.5)])
    machine = TurnTaker(language="en")
    events = []
    for at in range(0, signal.size, PIECE):
        for event in machine.feed(signal[at:at + PIECE]):
            events.append(event)
            if isinstance(event, Phrase) and len(events) == 1:
                machine.phrase_heard("Let me check your account and")     # as if transcribed by now
    ends = [e for e in events if isinstance(e, TurnEnd)]
    assert len(ends) == 1 and len(ends[0].phrases) == 2
    assert leads_on("Я перевірю, тобто", "uk") and leads_on("so, um", "en") and leads_on("I will check…", "en")
    assert not leads_on("Я все перевірю.", "uk") and not leads_on("It is done", "en")


def test_a_finished_sentence_that_answers_ends_the_turn_sooner(phrases):
    """Once the last phrase's transcript ends a sentence and the reply gives every key fact,
    0.6 s of silence ends the turn (0.8 s otherwise); the text of an earlier phrase, or one
    that leads on, or a reply still missing a fact, does not shorten it."""
    signal = np.concatenate([_quiet(0.3), phrases["en"], _quiet(0.5), phrases["en2"], _quiet(2.5)])

    def pause(index, text: str, answered: bool) -> float:
        machine, events, told = TurnTaker(language="en"), [], 0
        for at in range(0, signal.size, PIECE):
            for event in machine.feed(signal[at:at + PIECE]):
                events.append(((at + PIECE) / SAMPLE_RATE, event))
                if isinstance(event, Phrase):
                    told += 1
                    if told == 2:      # as if transcribed at once
                        machine.phrase_heard(text, index=told - 1 if index is None else index, answered=answered)
        (at, end), = _of(TurnEnd, events)
        assert len(end.phrases) == 2
        return at - end.speech_end / SAMPLE_RATE

    rule = PauseRule()
    said = "The money will arrive within three working days."
    assert pause(None, said, True) == pytest.approx(rule.answered_pause, abs=0.1)
    assert pause(None, said, False) == pytest.approx(rule.end_pause, abs=0.1)
    assert pause(0, said, True) == pytest.approx(rule.end_pause, abs=0.1)                 # an earlier phrase's text
    assert pause(None, "The money will arrive within", True) == pytest.approx(rule.end_pause, abs=0.1)   # no full stop
    assert pause(None, "The money will arrive and", True) == pytest.approx(rule.thinking_pause, abs=0.1)


def test_the_pieces_size_does_not_change_what_is_heard(phrases):
    signal = np.concatenate([_quiet(0.4), phrases["en"], _quiet(1.0)])
    one = [(round(t, 1), e.speech_end) for t, e in _of(TurnEnd, _run(TurnTaker(language="en"), signal, 320))]
    other = [(round(t, 1), e.speech_end) for t, e in _of(TurnEnd, _run(TurnTaker(language="en"), signal, 4800))]
    assert len(one) == 1 and one[0][1] == other[0][1]


def test_silence_tries_the_customers_patience_once_per_turn():
    machine = TurnTaker(PauseRule(patience=3.0))
    events = _run(machine, np.concatenate([_quiet(7.0)]))
    assert [round(e.seconds) for _, e in _of(Silence, events)] == [3]
    machine.customer_speaks(1.0)        # «Алло, ви мене чуєте?»: a new turn, the patience again
    events = _run(machine, _quiet(1.0 + 0.3 + 3.1))
    assert len(_of(Silence, events)) == 1


def test_a_monologue_gets_the_customer_cutting_in(phrases):
    signal = np.concatenate([phrases["uk"], phrases["uk2"], phrases["uk"]])
    events = _run(TurnTaker(PauseRule(max_reply=4.0)), signal)
    long = _of(TooLong, events)
    assert len(long) == 1 and long[0][1].seconds == pytest.approx(4.0, abs=0.05)
    assert _of(TurnEnd, events) == []


def test_the_customers_own_line_and_a_click_are_not_the_trainees_turn(phrases):
    machine = TurnTaker()
    customer = phrases["uk2"]
    machine.customer_speaks(customer.size / SAMPLE_RATE)
    assert machine.state is State.CUSTOMER
    click = np.zeros(round(0.1 * SAMPLE_RATE), np.float32)
    click[::40] = 0.8
    events = _run(machine, np.concatenate([customer, _quiet(0.5), click, _quiet(3.0)]))
    assert machine.state is State.LISTENING and events == [] and not machine.speaking
    events = _run(machine, np.concatenate([phrases["uk"], _quiet(2.5)]))
    assert len(_of(TurnEnd, events)) == 1
    machine.thinking()
    assert machine.feed(phrases["uk"]) == [] and machine.state is State.THINKING


def test_when_the_customer_cuts_in_the_same_turn_goes_on_after(phrases):
    machine = TurnTaker(PauseRule(max_reply=4.0))
    events = _run(machine, np.concatenate([phrases["uk"], phrases["uk2"]]))
    assert len(_of(TooLong, events)) == 1 and _of(TurnEnd, events) == []
    machine.interject(1.5)          # «Вибачте, а можна ближче до суті?»
    assert machine.state is State.CUSTOMER
    events = _run(machine, np.concatenate([phrases["uk2"][: round(1.5 * SAMPLE_RATE)], _quiet(0.3), phrases["uk"],
                                           _quiet(2.5)]))
    ends = _of(TurnEnd, events)
    assert len(ends) == 1
    spoken = 2 * phrases["uk"].size + phrases["uk2"].size
    kept = ends[0][1].audio.size        # the trainee's speech before and after, not the customer's line
    assert spoken - 0.6 * SAMPLE_RATE < kept < spoken + 0.6 * SAMPLE_RATE
