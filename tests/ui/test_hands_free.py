"""Hands-free voice on the call page, through the app (AppTest): a stand-in microphone gives
the page our own voice in one-second pieces, as the open microphone would, and the turn
machine shows whose turn it is, hears the end of the reply, counts it and moves the call on,
with no record or send button; a long silence and a rude reply make the customer react.

The recogniser is a scripted stand-in here (the real one is measured by ``bench`` and used in
the browser test): what these tests check is the page's turn-taking."""
from __future__ import annotations

import numpy as np
import pytest
from ui_helpers import app, shown

from simulator.ui.components import hands_free
from simulator.voice import audio, customer_lines, live_hearing, speech, tts
from simulator.voice.asr import Transcript, Word
from simulator.voice.turn_taking import SAMPLE_RATE

SCENARIO = "en-two-zone-price"      # medium: patience 8 s, cuts in on rudeness
VOICE = tts.VoiceSpec("en", gender="male")


class Microphone:
    """``step`` seconds of the signal at each poll (in 20 ms frames, as WebRTC gives them), then silence."""

    def __init__(self, signal: np.ndarray, step: float = 2.5):
        self.signal, self.at, self.step = signal, 0, round(step * SAMPLE_RATE)

    def frames(self):
        piece = self.signal[self.at:self.at + self.step]
        self.at += self.step
        piece = np.concatenate([piece, np.zeros(self.step - piece.size, np.float32)])
        return list(piece.reshape(-1, 320))


class Scripted:
    """Hears each phrase as the next sentence given (no verifier, as the http backend)."""

    backend, model_name, gate = "scripted", "script", None

    def __init__(self, sentences):
        self.sentences = list(sentences)

    def transcribe(self, samples, language, hints=()):
        text = self.sentences.pop(0) if self.sentences else ""
        words = [Word(w, 0.1 + k / 3, 0.1 + (k + 1) / 3, 0.9) for k, w in enumerate(text.split())]
        return Transcript(text, language, len(samples) / SAMPLE_RATE, 0.1 if words else None,
                          words[-1].end - 0.1 if words else 0.0, words, {}, self.backend, self.model_name)


def _say(text: str) -> np.ndarray:
    """The line in our voice, without the silence espeak-ng leaves around it."""
    spoken = audio.decode(tts.synthesize(text, VOICE), audio.Limits())
    loud = np.flatnonzero(np.abs(spoken) > 0.01)
    return spoken[loud[0]:loud[-1] + 1]


def _quiet(seconds: float) -> np.ndarray:
    return np.zeros(round(seconds * SAMPLE_RATE), np.float32)


def _start(store, user, library, heard, monkeypatch):
    scripted = Scripted(heard)
    monkeypatch.setattr(live_hearing, "get_transcriber", lambda: scripted)
    at = app(store, user)
    at.session_state["voice_check.later"] = True
    at.run()
    at.button(key=f"scenario_card.{SCENARIO}.practice").click()
    at.run()
    at.toggle(key=hands_free.MODE).set_value(True)
    at.session_state[hands_free.MICROPHONE] = Microphone(np.zeros(0, np.float32))
    at.run()
    scenario = library.get(SCENARIO)
    first = next(t for t in at.chat_message if t.name == "customer")
    return at, scenario, first


def _poll(at, microphone, until, runs=40):
    at.session_state[hands_free.MICROPHONE] = microphone
    for _ in range(runs):
        at.run()
        assert not at.exception, at.exception
        if until(at):
            return at
    raise AssertionError(f"not reached after {runs} polls:\n{shown(at)}")


def _customer_lines(at) -> int:
    return sum(1 for m in at.chat_message if m.name == "customer")


def _line_seconds(scenario, at) -> float:
    line = shown(at).split(f"{scenario.persona.name}:")[1].split("\n")[0].strip(" *")
    return customer_lines.seconds(speech.customer_audio(scenario, line))


def test_the_trainee_just_speaks_and_the_customer_answers(store, trainee, library, monkeypatch):
    reply = ["Good afternoon, this is Olena from the supplier.", "I can take your three readings right now."]
    spoken = [_say(sentence) for sentence in reply]
    at, scenario, _ = _start(store, trainee, library, reply, monkeypatch)
    assert "Говорить клієнт" in shown(at) and not at.get("audio_input")     # the line plays; no recorder
    signal = np.concatenate([_quiet(_line_seconds(scenario, at) + 2.5), spoken[0], _quiet(0.5), spoken[1], _quiet(3.0)])
    microphone = Microphone(signal)
    states = []

    def answered(at):
        states.append(next((line for line in shown(at).split("\n") if "Слухаю" in line or "Говорить" in line), ""))
        return _customer_lines(at) == 2 and any(m.name == "trainee" for m in at.chat_message)
    at = _poll(at, microphone, answered)
    assert any("ви говорите" in s for s in states) and any("Слухаю вас" in s and "говорите" not in s for s in states)
    trainee_lines = [m for m in at.chat_message if m.name == "trainee"]
    assert len(trainee_lines) == 1, shown(at)
    assert " ".join(reply) in shown(at), [m.value for m in trainee_lines[0].markdown]
    assert "Говорить клієнт" in shown(at)         # the next line plays by itself


def test_a_long_silence_and_a_rude_reply_make_the_customer_react(store, trainee, library, monkeypatch):
    rude = ["Calm down, lady, can't you read?", "Sorry. I will help you with the readings."]
    spoken = [_say(sentence) for sentence in rude]
    at, scenario, _ = _start(store, trainee, library, rude, monkeypatch)
    patience = 8
    at = _poll(at, Microphone(_quiet(_line_seconds(scenario, at) + patience + 2)), lambda at: _customer_lines(at) == 2)
    assert len([m for m in at.chat_message if m.name == "trainee"]) == 1      # the silence, counted
    assert any(line in shown(at) for line in scenario.silence_prompt)     # «Hello? Are you still there?»
    signal = np.concatenate([_quiet(_line_seconds(scenario, at) + 0.8), spoken[0], _quiet(4.6), spoken[1], _quiet(3.0)])
    at = _poll(at, Microphone(signal), lambda at: "cuts in" in shown(at) or "перебиває" in shown(at))
    assert "Клієнт перебиває" in shown(at)


@pytest.fixture(autouse=True)
def _forget_prepared():
    yield
    customer_lines._STARTED.clear()


def test_the_microphone_needs_no_outside_server():
    """No STUN or TURN server, on either side: streamlit-webrtc fills in public ones when the
    configuration has none, which a LAN with no way out cannot reach."""
    from streamlit_webrtc.component import _resolve_server_rtc_configuration, enhance_frontend_rtc_configuration

    assert enhance_frontend_rtc_configuration(hands_free.RTC_CONFIGURATION)["iceServers"] == []
    assert _resolve_server_rtc_configuration(hands_free.RTC_CONFIGURATION).iceServers == []


def test_a_foreseen_line_answers_before_the_reply_is_counted(store, trainee, library, monkeypatch):
    """When the customer's next line does not depend on the reply (Call.foreseen_line), it
    plays as soon as the turn ends, while the reply is still being heard and scored."""
    import threading

    from simulator.call.engine import Call

    reply = ["Good afternoon, this is Olena from the supplier.", "I can take your three readings right now."]
    spoken = [_say(sentence) for sentence in reply]
    at, scenario, _ = _start(store, trainee, library, reply, monkeypatch)
    foreseen = "Thank you."
    monkeypatch.setattr(Call, "foreseen_line", lambda self: (foreseen, "calm"))
    release = threading.Event()
    finish = live_hearing.LiveHearing.finish
    monkeypatch.setattr(live_hearing.LiveHearing, "finish", lambda self, end: release.wait(60) and finish(self, end))
    signal = np.concatenate([_quiet(_line_seconds(scenario, at) + 2.5), spoken[0], _quiet(0.5), spoken[1], _quiet(3.0)])
    at = _poll(at, Microphone(signal), lambda at: foreseen in shown(at))
    assert not [m for m in at.chat_message if m.name == "trainee"]      # still being heard, and the customer answers
    assert any(a.proto.autoplay for a in at.get("audio"))
    release.set()
    at = _poll(at, Microphone(_quiet(30)), lambda at: any(m.name == "trainee" for m in at.chat_message))
    assert " ".join(reply) in shown(at)


def test_a_guessed_line_the_full_score_does_not_choose_gives_way_to_the_right_one(store, trainee, library, monkeypatch):
    """At a step whose next line the score decides, the page starts the line the reply brings
    as heard so far; when the full hearing's score brings another, that one plays and the call
    keeps only it."""
    import threading

    from simulator.call.engine import Call

    reply = ["Good afternoon, this is Olena from the supplier.", "I can take your three readings right now."]
    spoken = [_say(sentence) for sentence in reply]
    at, scenario, _ = _start(store, trainee, library, reply, monkeypatch)
    guessed = "A line the full score does not bring."
    monkeypatch.setattr(Call, "foreseen_line", lambda self: None)
    monkeypatch.setattr(Call, "next_line", lambda self, score: (guessed, "calm") if score is not None else None)
    release = threading.Event()
    finish = live_hearing.LiveHearing.finish
    monkeypatch.setattr(live_hearing.LiveHearing, "finish", lambda self, end: release.wait(60) and finish(self, end))
    signal = np.concatenate([_quiet(_line_seconds(scenario, at) + 2.5), spoken[0], _quiet(0.5), spoken[1], _quiet(3.0)])
    at = _poll(at, Microphone(signal), lambda at: guessed in shown(at))
    assert not [m for m in at.chat_message if m.name == "trainee"]      # started before the reply was counted
    release.set()
    at = _poll(at, Microphone(_quiet(30)), lambda at: any(m.name == "trainee" for m in at.chat_message))
    assert guessed not in shown(at)
    said = " ".join(md.value for md in [m for m in at.chat_message if m.name == "customer"][-1].markdown).replace("\\", "")
    assert any(line in said for node in scenario.nodes.values() for line in node.customer), said   # the line the score chose
    assert any(a.proto.autoplay for a in at.get("audio"))        # ... plays
