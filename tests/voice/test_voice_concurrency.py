"""Several trainees at once: synthesis and transcription from 4 threads, no crash, right results;
and recognition's threads that soon yield their core when they wait.

Right results: each line rendered under contention lasts as long as the same line rendered
alone (a voice setting leaking from another thread, e.g. the angry mood's faster rate, changes
the length; espeak-ng's output is not byte-identical between runs, so lengths are compared),
and its transcript still carries the line's words.
"""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from pathlib import Path

from voice_helpers import duration

from simulator.voice import tts

LINES = [
    ("The internet has been down since Monday morning.", {"internet", "monday", "morning", "down"}),
    ("My card was charged twice for the same order.", {"card", "charged", "twice", "order"}),
    ("Please cancel my subscription before the next payment.", {"cancel", "subscription", "next", "payment"}),
    ("I moved house and need a new address on the account.", {"moved", "house", "address", "account"}),
]


def test_four_threads_synthesise_and_transcribe_at_once(tiny, tmp_path, monkeypatch):
    results: dict[tuple[int, str], str] = {}
    audio: dict[tuple[int, str], bytes] = {}
    errors: list[BaseException] = []
    start = threading.Barrier(len(LINES))

    def trainee(i: int) -> None:
        try:
            text, _ = LINES[i]
            start.wait(30)
            for mood in ("calm", "angry"):  # each thread renders and transcribes twice
                wav = tts.synthesize(text, _voice(i, mood))
                assert duration(wav) > 1.0
                audio[(i, mood)] = wav
                results[(i, mood)] = tiny.transcribe(wav, "en").text
        except BaseException as exc:  # noqa: BLE001 - reported below
            errors.append(exc)

    threads = [threading.Thread(target=trainee, args=(i,)) for i in range(len(LINES))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(300)
    assert not errors, errors
    assert len(results) == 2 * len(LINES)
    for (i, mood), heard in results.items():
        words = set(heard.lower().replace(".", " ").replace(",", " ").split())
        expected = LINES[i][1]
        assert len(words & expected) >= len(expected) // 2, (mood, heard)   # tiny.en slips a word or two

    monkeypatch.setenv("SIMULATOR_TTS_CACHE", str(tmp_path / "alone"))   # render again, one at a time
    tts.clear_memory_cache()
    for (i, mood), wav in audio.items():
        alone = duration(tts.synthesize(LINES[i][0], _voice(i, mood)))
        # the same speech, not a clipped or doubled line: espeak's trailing silence varies by a
        # few tens of ms between renders (93 ms of 3.0 s seen with two test processes at once)
        assert abs(duration(wav) - alone) <= 0.05 * alone, (i, mood, duration(wav), alone)


def _voice(i: int, mood: str) -> tts.VoiceSpec:
    return tts.VoiceSpec("en", mood=mood, gender="male" if i % 2 else "female")


def test_recognition_threads_spin_briefly_when_they_wait_unless_the_site_says_otherwise():
    """CTranslate2's OpenMP threads spinning long at a barrier starved each other while a browser
    and other work shared the cores (simulator/voice/__init__.py). The runtime reads GOMP_SPINCOUNT
    as it loads, so it must be set by the time faster-whisper is imported; a site's value stays."""
    probe = ("import os, simulator.voice.asr, faster_whisper; import sys; "
             "sys.stdout.write(os.environ.get('GOMP_SPINCOUNT', '-'))")
    env = {k: v for k, v in os.environ.items() if k != "GOMP_SPINCOUNT"}
    root = Path(__file__).resolve().parents[2]

    def policy(**extra) -> str:
        return subprocess.run([sys.executable, "-c", probe], env={**env, **extra}, cwd=root, capture_output=True,
                              text=True, check=True).stdout

    assert policy() == "20000"
    assert policy(GOMP_SPINCOUNT="300000") == "300000"


def test_decodes_at_once_share_the_cores_two_threads_a_core(monkeypatch):
    """A reply heard alone gets every core; two at once on two cores get two threads each (as
    fast as one each in the load test); more share them."""
    from simulator.voice import transcription

    for cores, parallel, threads in [(2, 1, 2), (2, 2, 2), (2, 3, 1), (2, 8, 1), (8, 2, 8), (8, 4, 4), (8, 16, 1), (1, 2, 1)]:
        monkeypatch.setattr(transcription.os, "cpu_count", lambda cores=cores: cores)
        assert transcription.cpu_threads(transcription.Gate(parallel)) == threads, (cores, parallel)


def test_two_decodes_at_once_by_default(monkeypatch):
    from simulator import settings

    monkeypatch.delenv("SIMULATOR_ASR_PARALLEL", raising=False)
    assert settings.current().asr_parallel == 2
