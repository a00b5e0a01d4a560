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
    english = store.update_user(trainee.id, language="en")
    at = send(record(start(store, english), wav_bytes(np.zeros(32000, np.float32), 16000)))
    assert texts(at.error) == [message("silent", "en")]
