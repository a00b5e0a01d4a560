"""A spoken turn with real voices and the real speech model: the customer's line plays, the
trainee's recording (made with our TTS from a reference answer) is set on the audio input,
checked, transcribed and scored; unusable recordings get a message and the call waits."""
from __future__ import annotations

import numpy as np
import pytest
from ui_helpers import VOICE_TIMEOUT, app, shown, texts

from simulator.store import AudioFiles
from simulator.voice import tts
from simulator.voice.audio import message, wav_bytes
from simulator.store.guard import SHELL

SCENARIO = "en-three-zone-readings"
TRAINEE_VOICE = tts.VoiceSpec("en", gender="female", rate=170)


def start(store, user):
    at = app(store, user).run()
    at.button(key=f"scenario_card.{SCENARIO}.practice").click()
    return at.run()


def record(at, data: bytes):
    at.audio_input[0].set_value(("reply.wav", data, "audio/wav"))
    return at.run()


def send(at):
    at.button(key=[b.key for b in at.button if b.key and b.key.endswith(".send")][0]).click()
    return at.run(timeout=VOICE_TIMEOUT)


def audio_urls(at) -> list[str]:
    return [element.proto.url for element in at.get("audio")]


def test_the_customer_line_plays_in_the_personas_voice_and_can_be_replayed(store, trainee):
    at = start(store, trainee)
    first = audio_urls(at)
    assert len(first) == 1 and at.get("audio")[0].proto.autoplay
    at.button(key=[b.key for b in at.button if b.key and b.key.endswith(".button")][0]).click()
    at.run()
    assert audio_urls(at) != first      # new bytes, so the browser plays the line again


def test_a_spoken_reply_is_transcribed_scored_and_kept(store, library, trainee):
    at = start(store, trainee)
    node = library.get(SCENARIO).nodes["opening"]
    answer = tts.synthesize(min(node.references, key=len), TRAINEE_VOICE)
    record(at, wav_bytes(np.full(8000, 0.3, np.float32), 16000))   # a first take, replaced before sending
    at = send(record(at, answer))
    assert not at.exception
    status = at.status[0]
    assert status.label.startswith("Відповідь розпізнано й оцінено за")
    feedback = at.expander[-1]
    assert feedback.label == "Оцінка відповіді 1"
    evidence = "\n".join(texts(feedback.markdown))
    said = int(evidence.split("Ключові факти: ")[1].split(" ")[0])
    assert said >= 1, evidence
    assert "Почали говорити через" in evidence

    attempt = store.attempts(trainee, trainee.id)[0]
    turn = store.attempt_detail(trainee, attempt.id).turns[0]
    assert turn.reply and turn.reply in shown(at)
    assert turn.latency is not None and turn.audio_key
    assert AudioFiles.from_env().load(turn.audio_key) == answer     # the take that was sent
    assert at.audio_input[0].key.endswith(".1")                    # a fresh recorder for the next turn


@pytest.mark.parametrize(
    ("code", "recording"),
    [
        ("corrupt", b"RIFF\x24\x00\x00\x00WAVEfmt \x10\x00\x00\x00garbage"),
        ("silent", wav_bytes(np.zeros(32000, np.float32), 16000)),
        ("too_short", wav_bytes(np.full(1600, 0.3, np.float32), 16000)),
    ],
)
def test_an_unusable_recording_gets_a_message_and_the_call_stays_on_the_turn(store, trainee, code, recording):
    at = send(record(start(store, trainee), recording))
    assert texts(at.error) == [message(code, "uk")]
    assert at.status[0].label == "Запис не вдалося використати"
    attempt = store.attempts(trainee, trainee.id)[0]
    assert store.attempt_detail(trainee, attempt.id).turns == []
    assert at.audio_input[0].key.endswith(".0")


def test_the_message_follows_the_interface_language(store, trainee):
    english = store.update_user(trainee.id, language="en", by=SHELL)
    at = send(record(start(store, english), wav_bytes(np.zeros(32000, np.float32), 16000)))
    assert texts(at.error) == [message("silent", "en")]


def _unclear_hearing(monkeypatch, library):
    """What the recogniser makes of the reply is replaced (the real path is tested above): the
    transcript shows no fact and the recording leaves the node's first key fact unclear."""
    from simulator.scoring.hearing import Hearing
    from simulator.voice import speech
    from simulator.voice.asr import Transcript, Word

    fact = library.get(SCENARIO).nodes["opening"].key_facts[0]
    words = [Word("Thank", 0.5, 0.8, 0.9), Word("you", 0.8, 1.0, 0.9), Word("umm", 1.0, 1.4, 0.2)]
    transcript = Transcript("Thank you umm", "en", 2.0, 0.5, 0.9, words)
    monkeypatch.setattr(speech, "hear", lambda *a, **k: speech.Heard(transcript, Hearing(unclear={fact.id})))
    return fact


def test_a_practice_reply_with_an_unclear_fact_waits_for_the_trainee(store, library, trainee, monkeypatch):
    fact = _unclear_hearing(monkeypatch, library)
    take = wav_bytes(np.full(16000, 0.3, np.float32), 16000)
    at = send(record(start(store, trainee), take))
    attempt = store.attempts(trainee, trainee.id)[0]
    assert store.attempt_detail(trainee, attempt.id).turns == []       # not counted yet
    assert "«Thank you umm(?)»" in shown(at)
    assert any(fact.fact in w for w in texts(at.warning))
    at.button(key=[b.key for b in at.button if b.key and b.key.endswith(".again")][0]).click()
    at.run()
    assert at.audio_input[0].key.endswith(".0.1")                       # an empty recorder for a new take
    at = send(record(at, take))
    at.button(key=[b.key for b in at.button if b.key and b.key.endswith(".count")][0]).click()
    at.run(timeout=VOICE_TIMEOUT)
    turn = store.attempt_detail(trainee, attempt.id).turns[0]
    assert [f.get("heard") for f in turn.score["accuracy"]["facts"] if f["id"] == fact.id] == ["unclear"]
    assert turn.audio_key


def test_an_exam_reply_counts_at_once_and_names_what_was_unclear(store, library, trainee, monkeypatch):
    fact = _unclear_hearing(monkeypatch, library)
    at = app(store, trainee).run()
    at.button(key=f"scenario_card.{SCENARIO}.exam").click()
    at = send(record(at.run(), wav_bytes(np.full(16000, 0.3, np.float32), 16000)))
    attempt = store.attempts(trainee, trainee.id)[0]
    turn = store.attempt_detail(trainee, attempt.id).turns[0]
    assert [f.get("heard") for f in turn.score["accuracy"]["facts"] if f["id"] == fact.id] == ["unclear"]
    assert any(line.startswith("Not heard clearly") and fact.fact in line for line in turn.score["feedback"])


def test_a_take_the_app_could_not_use_does_not_count_against_the_reply_time(store, library, trainee, monkeypatch):
    from simulator.scoring.hearing import Hearing
    from simulator.voice import speech
    from simulator.voice.asr import Transcript

    reference = library.get(SCENARIO).nodes["opening"].references[0]
    heard = speech.Heard(Transcript(reference, "en", 10.0, 0.5, 0.9, []), Hearing())
    monkeypatch.setattr(speech, "hear", lambda *a, **k: heard)
    at = send(record(start(store, trainee), wav_bytes(np.zeros(160000, np.float32), 16000)))   # 10 s of silence
    assert texts(at.error) == [message("silent", "uk")]
    at = send(record(at, wav_bytes(np.full(160000, 0.3, np.float32), 16000)))                 # said again, 10 s
    attempt = store.attempts(trainee, trainee.id)[0]
    turn = store.attempt_detail(trainee, attempt.id).turns[0]
    # saying it again took this test under 10 s: set aside, the reply counts as given when the first take came
    assert turn.replied_at == turn.asked_at
