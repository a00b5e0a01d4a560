"""From the end of the trainee's speech to the first sound of the customer's next line, for a
10 s spoken reply: hands-free (issue 13) beside record-and-send, in the same run.

- hands-free: the reply is fed to the turn machine in 20 ms frames at the pace a microphone
  gives them (simulator.voice.turn_taking); each finished phrase is transcribed and the reply
  heard ahead when the pause is about to end the turn (simulator.voice.live_hearing); the clock runs from the last
  sample of speech through the pause rule (1.0 s of silence after a full reply), what is left
  of the hearing, scoring, and the next customer line (rendered when the call started) up to
  its first sound;
- hands-free, line at once: where the customer's next line does not depend on the reply
  (``next:`` to a node with no memories, Call.foreseen_line), the page starts it when the turn
  ends and hears and scores the reply while it plays: from the last sample of speech through
  the pause rule to the line's first sound (measured in the same runs as the path above);
- record-and-send: the same recording, whole, checked and heard with speech.hear, scored, and
  the next line (from the same cache) to its first sound. The trainee's own pressing of stop
  and send is not counted: on the page it comes on top of this path only.

Each path runs with transcription encoding the recording only (``speech``, the default) and
the whole 30 s window (``full``), in the same run (simulator/voice/encoder_window.py). The
nodes are ones whose next line is foreseen, so every figure is on the same reply.

The reply is a library reference answer in our trainee voice, sentence by sentence with 0.45 s
between sentences, cut at 10 s of speech. Medians and 95th percentiles of the runs are printed
with the ratio hands-free / record-and-send, and the CPU the hands-free path used while the
trainee spoke (turn machine and background hearing), as a share of the machine. The load
average is printed first: other work on the machine slows both paths alike.

Run: python -m bench.turns [--quick] [--speech-only]   (or python -m simulator bench)
"""
from __future__ import annotations

import os
import re
import statistics
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
CALLS = {"uk": ("uk-payment-not-credited", "reconnect"), "en": ("en-payment-not-credited", "receipt")}
WINDOWS = ("speech", "full")
REPLY_SECONDS = 10.0
FRAME = 320         # 20 ms, as WebRTC delivers audio


def run(quick: bool = False, scenarios: Path = ROOT / "scenarios", windows: tuple[str, ...] = WINDOWS) -> dict:
    from simulator.scenario.loader import load_library
    from simulator.voice import customer_lines, encoder_window
    from simulator.voice.asr import get_transcriber

    load = os.getloadavg()
    print(f"turn bench (end of a 10 s reply's speech to the customer's next line) on {os.cpu_count()} cores, "
          f"load average {load[0]:.2f}")
    library = load_library(scenarios)
    transcriber = get_transcriber("faster-whisper", "base")
    model = transcriber.load()
    runs = 2 if quick else 6
    figures: dict = {}
    for language, (scenario_id, node_id) in CALLS.items():
        scenario = library.get(scenario_id)
        customer_lines.prepare(scenario).join()
        signal = _reply(scenario, node_id)
        nxt = _next_line(scenario, node_id)
        times: dict[tuple[str, str], list[float]] = {}
        cpu, left = [], []
        for k in range(runs + 1):       # the first round warms up (and fills the verifier's memory)
            for window in windows:      # each round runs every window, so load changes hit them alike
                encoder_window.install(model, window)
                hands_free, at_once, share, after_end = _hands_free(scenario, node_id, signal, nxt, transcriber)
                old = _record_and_send(scenario, node_id, signal, nxt, transcriber)
                if k:
                    for path, value in (("hands_free", hands_free), ("line_at_once", at_once), ("record_and_send", old)):
                        if value is not None:
                            times.setdefault((window, path), []).append(value)
                    if window == windows[0]:
                        cpu.append(share)
                        left.append(after_end)
        encoder_window.install(model)
        stats = {key: (statistics.median(v), _p95(v)) for key, v in times.items()}
        figures[language] = {"cpu_while_listening": round(statistics.median(cpu), 2),
                             "hands_free_left_after_turn_end_s": round(statistics.median(left), 2)}
        for (window, path), (median, p95) in stats.items():
            figures[language][f"{window}.{path}_median_s"] = round(median, 2)
            figures[language][f"{window}.{path}_p95_s"] = round(p95, 2)
        for window in windows:
            old = stats[(window, "record_and_send")][0]
            parts = [f"{path.replace('_', ' ')} {stats[(window, path)][0]:.2f} s (p95 {stats[(window, path)][1]:.2f}, "
                     f"{stats[(window, path)][0] / old:.2f} of record-and-send)"
                     for path in ("hands_free", "line_at_once") if (window, path) in stats]
            print(f"  {language} {scenario_id}/{node_id}, {window} window: " + "; ".join(parts)
                  + f"; record-and-send {old:.2f} s (p95 {stats[(window, 'record_and_send')][1]:.2f})")
        print(f"  {language}: hands-free work left when the pause rule ended the turn {statistics.median(left):.2f} s; "
              f"CPU used while the trainee spoke {statistics.median(cpu):.0%} of the machine ({runs} runs, {windows[0]} window)")
    return figures


def _hands_free(scenario, node_id, signal, nxt, transcriber) -> tuple[float, float | None, float, float]:
    """Seconds from the end of speech to the next line's first sound (after the reply is
    heard and scored; and when the line is foreseen, played at the turn's end, else None),
    the CPU share used while the reply was coming in, and the seconds of work left when the
    turn ended."""
    from simulator.scoring.scorecard import score_turn
    from simulator.voice import customer_lines
    from simulator.voice.live_hearing import LiveHearing
    from simulator.voice.turn_taking import SAMPLE_RATE, EndLikely, Phrase, TurnEnd, TurnTaker

    machine = TurnTaker(language=scenario.language)
    live = LiveHearing(scenario, node_id, transcriber)
    started, cpu_started = time.perf_counter(), time.process_time()
    end = None
    for k in range(0, signal.size // FRAME):
        arrives = started + (k + 1) * FRAME / SAMPLE_RATE
        pause = arrives - time.perf_counter()
        if pause > 0:
            time.sleep(pause)
        for event in machine.feed(signal[k * FRAME:(k + 1) * FRAME]):
            if isinstance(event, Phrase):
                live.phrase(machine.audio, event)
            elif isinstance(event, EndLikely):
                live.ahead(machine.audio, event.phrase)
            elif isinstance(event, TurnEnd):
                end = event
        if end is not None:
            break
        if machine.speaking:
            live.speaking()
    if end is None:
        raise RuntimeError("the turn machine heard no end of the reply")
    share = (time.process_time() - cpu_started) / (time.perf_counter() - started) / (os.cpu_count() or 1)
    speech_ended, turn_ended = started + end.speech_end / SAMPLE_RATE, time.perf_counter()
    at_once = None
    if _foreseen(scenario, node_id) is not None:     # what the page does: the line starts now
        early = customer_lines.customer_audio(scenario, *nxt)
        at_once = time.perf_counter() - speech_ended + _lead(early)
    heard = live.finish(end)
    score_turn(scenario, node_id, heard.transcript.text, latency=heard.transcript.speech_start, hearing=heard.hearing)
    wav = customer_lines.customer_audio(scenario, *nxt)
    done = time.perf_counter()
    return done - speech_ended + _lead(wav), at_once, min(1.0, share), done - turn_ended


def _record_and_send(scenario, node_id, signal, nxt, transcriber) -> float:
    from simulator.scoring.scorecard import score_turn
    from simulator.voice import audio, customer_lines, speech

    recording = audio.wav_bytes(signal, audio.SAMPLE_RATE)
    started = time.perf_counter()
    samples = speech.check_recording(recording)
    heard = speech.hear(scenario, node_id, samples, transcriber)
    score_turn(scenario, node_id, heard.transcript.text, latency=heard.transcript.speech_start, hearing=heard.hearing)
    wav = customer_lines.customer_audio(scenario, *nxt)
    return time.perf_counter() - started + _lead(wav)


def _reply(scenario, node_id) -> np.ndarray:
    """10 s of a reference answer in our trainee voice, 0.4 s of silence first, 0.45 s
    between sentences, and 3 s of silence after (the microphone stays open)."""
    from simulator.voice import audio, tts

    node = scenario.nodes[node_id]
    sentences = [s for ref in sorted(node.references, key=len, reverse=True)
                 for s in re.split(r"(?<=[.!?])\s+", ref) if s.strip()]
    rate = audio.SAMPLE_RATE
    parts, speech_samples = [np.zeros(round(0.4 * rate), np.float32)], 0
    for sentence in sentences:
        spoken = audio.decode(tts.synthesize(sentence, tts.VoiceSpec(scenario.language, gender="male")), audio.Limits())
        loud = np.flatnonzero(np.abs(spoken) > 0.01)
        spoken = spoken[loud[0]:loud[-1] + 1][: round(REPLY_SECONDS * rate) - speech_samples]
        parts += [spoken, np.zeros(round(0.45 * rate), np.float32)]
        speech_samples += spoken.size
        if speech_samples >= REPLY_SECONDS * rate:
            break
    parts[-1] = np.zeros(3 * rate, np.float32)
    return np.concatenate(parts)


def _foreseen(scenario, node_id) -> tuple[str, str] | None:
    """The line the call page would play at the turn's end (Call.foreseen_line) at ``node_id``."""
    from simulator.call.clock import ManualClock
    from simulator.call.engine import Call

    call = Call(scenario, ManualClock(), scorer=lambda *args, **kwargs: None)
    call.node_id = call.current.node_id = node_id
    return call.foreseen_line()


def _next_line(scenario, node_id) -> tuple[str, str | None]:
    foreseen = _foreseen(scenario, node_id)
    if foreseen is not None:
        return foreseen
    target = scenario.nodes[node_id].routes()[0].goto
    node = scenario.nodes[target]
    return node.customer[0], getattr(node, "mood", None)


def _lead(wav: bytes) -> float:
    """Seconds of silence before the line's first sound."""
    from simulator.voice import audio

    samples, rate = audio.read_wav(wav)
    loud = np.flatnonzero(np.abs(samples) > 0.02)
    return loud[0] / rate if loud.size else 0.0


def _p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


if __name__ == "__main__":
    run(quick="--quick" in sys.argv[1:], windows=WINDOWS[:1] if "--speech-only" in sys.argv[1:] else WINDOWS)
