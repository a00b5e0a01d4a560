"""A spoken reply while the recognisers are busy (issue 12): it keeps its place in the queue
with the place shown, and if it is still unheard when its wait runs out, the recording is kept
and sent again with one button; the call goes on and nothing has to be recorded again.
Recognition itself is replaced (the real path: test_voice_turn.py)."""
from __future__ import annotations

import numpy as np
from ui_helpers import app, shown, texts

from simulator.scoring.hearing import Hearing
from simulator.store import AudioFiles
from simulator.texts.labels import Labels
from simulator.voice import speech, worker_pool
from simulator.voice.asr import AsrBusy, Transcript, Word
from simulator.voice.audio import wav_bytes

SCENARIO = "en-three-zone-readings"
TAKE = np.full(16000, 0.3, np.float32)


class BusyThenFree:
    """Recognition that is busy (the reply told place 4, then given up on) until freed."""

    def __init__(self):
        self.free, self.calls = False, []

    def __call__(self, scenario, node_id, samples, on_queue=None, wait=speech.BUSY_WAIT_SECONDS, on_wait=None):
        self.calls.append((samples.size, wait))
        if not self.free:
            on_queue(4, 12.0)
            raise AsrBusy()
        words = [Word("Hello", 0.4, 0.8, 0.95), Word("there", 0.8, 1.1, 0.95)]
        return speech.Heard(Transcript("Hello there", "en", 1.0, 0.4, 0.95, words), Hearing())


def test_a_reply_unheard_while_the_recognisers_are_busy_is_kept_and_sent_again(store, trainee, monkeypatch):
    recognition = BusyThenFree()
    monkeypatch.setattr(worker_pool, "hear", recognition)
    at = app(store, trainee).run()
    at.button(key=f"scenario_card.{SCENARIO}.practice").click()
    at = at.run()
    data = wav_bytes(TAKE, 16000)
    at.audio_input[0].set_value(("reply.wav", data, "audio/wav"))
    at = at.run()
    at.button(key=[b.key for b in at.button if b.key and b.key.endswith(".send")][0]).click()
    at = at.run()

    uk = Labels("uk")
    assert recognition.calls[0][1] > speech.BUSY_WAIT_SECONDS      # a sent reply waits longer than the old 30 s
    assert texts(at.warning) == [uk("queue_kept", minutes="0", place=4)]   # told, not refused
    assert not at.error
    attempt = store.attempts(trainee, trainee.id)[0]
    assert attempt.status == "in_progress" and store.attempt_detail(trainee, attempt.id).turns == []
    assert at.audio_input                                          # the call is still on this turn

    recognition.free = True
    at.button(key=[b.key for b in at.button if b.key and b.key.endswith(".send_kept")][0]).click()
    at = at.run()
    assert len(recognition.calls) == 2 and recognition.calls[1][0] == recognition.calls[0][0]  # the same take
    turn = store.attempt_detail(trainee, attempt.id).turns[0]
    assert turn.reply == "Hello there" and "Hello there" in shown(at)
    assert AudioFiles.from_env().load(turn.audio_key) == data      # the kept recording, not a new one
    assert uk("queue_send_kept") not in [b.label for b in at.button]

