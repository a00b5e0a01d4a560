"""Hearing a hands-free reply while it is spoken: the phrases transcribed as they end, the
reply heard ahead when a pause is about to end the turn (and not once the trainee speaks
again), and at the end of the turn nothing left to transcribe; what is credited is what
speech.hear credits on the same recording."""
from __future__ import annotations

import time
from pathlib import Path

import numpy as np
import pytest

from simulator.library.loader import load_library
from simulator.voice import audio, speech, tts
from simulator.voice.live_hearing import LiveHearing, joined
from simulator.voice.turn_taking import SAMPLE_RATE, EndLikely, Phrase, TurnEnd, TurnTaker

ROOT = Path(__file__).resolve().parents[2]
FIRST = "Your personal account number and the EIC code are at the top."
SECOND = "Of course we can go on in English."


class Scripted:
    """A transcriber that "hears" each phrase as the next sentence of the script, one word a
    third of a second apart, and counts its transcriptions; no verifier (as the http backend),
    so speech.hear takes the transcript as it is. The real recogniser is measured by the bench."""

    backend, model_name = "scripted", "script"

    def __init__(self, sentences):
        self.sentences, self.calls, self.lengths = list(sentences), 0, []
        self.gate = None

    def transcribe(self, samples, language, hints=()):
        from simulator.voice.asr import Transcript, Word

        text = self.sentences[self.calls]
        self.calls += 1
        self.lengths.append(len(samples))
        words = [Word(w, 0.2 + k / 3, 0.2 + (k + 1) / 3, 0.9) for k, w in enumerate(text.split())]
        return Transcript(text, language, len(samples) / SAMPLE_RATE, 0.2, words[-1].end - 0.2, words,
                          {"transcribe": 0.01}, self.backend, self.model_name)


def _say(text: str) -> np.ndarray:
    """The line in our voice, without the silence espeak-ng leaves around it."""
    spoken = audio.decode(tts.synthesize(text, tts.VoiceSpec("en", gender="male")), audio.Limits())
    loud = np.flatnonzero(np.abs(spoken) > 0.01)
    return spoken[loud[0]:loud[-1] + 1]


def test_a_reply_heard_phrase_by_phrase_is_ready_when_the_trainee_stops():
    scenario = load_library(ROOT / "scenarios").get("en-payment-slip")
    quiet = np.zeros(round(0.4 * SAMPLE_RATE), np.float32)     # between sentences: a phrase, not the turn
    first, second = _say(FIRST), _say(SECOND)
    signal = np.concatenate([quiet, quiet, first, quiet, second, np.zeros(2 * SAMPLE_RATE, np.float32)])
    scripted = Scripted([FIRST, SECOND])
    live = LiveHearing(scenario, "opening", scripted)
    machine = TurnTaker(language="en")
    end, transcribed_while_speaking, ahead = None, [], []
    for at in range(0, signal.size, 320):
        for event in machine.feed(signal[at:at + 320]):
            if isinstance(event, Phrase):
                live.phrase(machine.audio, event).result(timeout=30)
                transcribed_while_speaking.append(machine.speaking or at / SAMPLE_RATE)
            elif isinstance(event, EndLikely):
                ahead.append(live.ahead(machine.audio, event.phrase))
            elif isinstance(event, TurnEnd):
                end = event
    assert end is not None and len(end.phrases) == 2
    assert transcribed_while_speaking[0] < 0.8 + (first.size + quiet.size) / SAMPLE_RATE     # before the second
    ahead[-1].result(timeout=30)                             # the last pause was about to end the turn
    heard = live.finish(end)
    assert scripted.calls == 2                               # one per phrase, none at the end
    assert abs(scripted.lengths[0] - first.size) < 0.5 * SAMPLE_RATE     # the phrase alone, padded
    assert heard.transcript.text == f"{FIRST} {SECOND}"
    assert heard.transcript.words[0].start > 0.5             # on the turn's clock, not the phrase's
    second_word = heard.transcript.words[len(FIRST.split())]
    assert second_word.start > 0.8 + first.size / SAMPLE_RATE
    assert heard.transcript.duration == pytest.approx(end.audio.size / SAMPLE_RATE)
    assert heard.transcript == speech.hear(scenario, "opening", end.audio, Scripted([heard.transcript.text]),
                                           transcript=heard.transcript).transcript


def test_a_hearing_ahead_is_skipped_once_the_trainee_speaks_again():
    scenario = load_library(ROOT / "scenarios").get("en-payment-slip")
    scripted = Scripted(["one two", "three four"])
    live = LiveHearing(scenario, "opening", scripted)
    samples = np.zeros(4 * SAMPLE_RATE, np.float32)
    first = Phrase(0, SAMPLE_RATE)
    live.phrase(samples, first)
    live._worker.submit(time.sleep, 0.3)                           # the recogniser still busy
    ahead = live.ahead(samples, first)
    live.speaking()                                                 # before the hearing ahead began
    assert ahead.result(timeout=30) is None


def test_without_time_to_hear_ahead_the_last_phrase_is_heard_at_the_end():
    scenario = load_library(ROOT / "scenarios").get("en-payment-slip")
    scripted = Scripted(["one two", "three four"])
    live = LiveHearing(scenario, "opening", scripted, speculate=False)
    samples = np.zeros(4 * SAMPLE_RATE, np.float32)
    phrases = (Phrase(0, SAMPLE_RATE), Phrase(2 * SAMPLE_RATE, 3 * SAMPLE_RATE))
    live.phrase(samples, phrases[0])
    heard = live.finish(TurnEnd(samples[:3 * SAMPLE_RATE], 3 * SAMPLE_RATE - 3200, phrases))
    assert scripted.calls == 2 and heard.transcript.text == "one two three four"
    assert [w.start for w in heard.transcript.words][2] == pytest.approx(2.2)


def test_joined_transcripts_keep_order_and_move_word_times():
    from simulator.voice.asr import Transcript, Word

    one = Transcript("Hello there", "en", 1.0, 0.1, 0.5, [Word("Hello", 0.1, 0.3, 0.9), Word("there", 0.3, 0.6, 0.4)],
                     {"transcribe": 0.2}, "faster-whisper", "tiny.en")
    two = Transcript("", "en", 0.5, None, 0.0, [], {"transcribe": 0.1}, "faster-whisper", "tiny.en")
    three = Transcript("bye", "en", 1.0, 0.0, 0.2, [Word("bye", 0.0, 0.2, 0.8)], {"transcribe": 0.3})
    turn = joined([(0, one), (16000, two), (32000, three)], 3.0)
    assert turn.text == "Hello there bye" and [w.start for w in turn.words] == [0.1, 0.3, 2.0]
    assert turn.speech_start == 0.1 and turn.speech_duration == pytest.approx(2.1)
    assert turn.timings["transcribe"] == pytest.approx(0.6) and turn.duration == 3.0
