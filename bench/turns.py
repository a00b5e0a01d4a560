"""From the end of the trainee's speech to the first sound of the customer's next line, for a
10 s spoken reply: hands-free (issue 13) beside record-and-send, in the same run.

- hands-free: the reply is fed to the turn machine in 20 ms frames at the pace a microphone
  gives them (simulator.voice.turn_taking); each finished phrase is transcribed and the reply
  heard ahead when the pause is about to end the turn (simulator.voice.live_hearing); the clock runs from the last
  sample of speech through the pause rule (1.0 s of silence after a full reply), what is left
  of the hearing, scoring, and the next customer line (rendered when the call started) up to
  its first sound;
- record-and-send: the same recording, whole, checked and heard with speech.hear, scored, and
  the next line (from the same cache) to its first sound. The trainee's own pressing of stop
  and send is not counted: on the page it comes on top of this path only.

The reply is a library reference answer in our trainee voice, sentence by sentence with 0.45 s
between sentences, cut at 10 s of speech. Medians and 95th percentiles of the runs are printed
with the ratio hands-free / record-and-send, and the CPU the hands-free path used while the
trainee spoke (turn machine and background hearing), as a share of the machine. The load
average is printed first: other work on the machine slows both paths alike.

Run: python -m bench.turns [--quick]   (or python -m simulator bench)
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
CALLS = {"uk": ("uk-payment-slip", "opening"), "en": ("en-three-zone-readings", "opening")}
REPLY_SECONDS = 10.0
FRAME = 320         # 20 ms, as WebRTC delivers audio


def run(quick: bool = False, scenarios: Path = ROOT / "scenarios") -> dict:
    from simulator.scenario.loader import load_library
    from simulator.voice import customer_lines
    from simulator.voice.asr import get_transcriber

    load = os.getloadavg()
    print(f"turn bench (end of a 10 s reply's speech to the customer's next line) on {os.cpu_count()} cores, "
          f"load average {load[0]:.2f}")
    library = load_library(scenarios)
    transcriber = get_transcriber("faster-whisper", "base")
    transcriber.load()
    runs = 2 if quick else 6
    figures = {}
    for language, (scenario_id, node_id) in CALLS.items():
        scenario = library.get(scenario_id)
        customer_lines.prepare(scenario).join()
        signal = _reply(scenario, node_id)
        nxt = _next_line(scenario, node_id)
        times: dict[str, list[float]] = {"hands_free": [], "record_and_send": []}
        cpu, left = [], []
        for k in range(runs + 1):       # the first round warms up (and fills the verifier's memory)
            hands_free, share, after_end = _hands_free(scenario, node_id, signal, nxt, transcriber)
            old = _record_and_send(scenario, node_id, signal, nxt, transcriber)
            if k:
                times["hands_free"].append(hands_free)
                times["record_and_send"].append(old)
                cpu.append(share)
                left.append(after_end)
        stats = {name: (statistics.median(v), _p95(v)) for name, v in times.items()}
        ratio = stats["hands_free"][0] / stats["record_and_send"][0]
        figures[language] = {
            "hands_free_median_s": round(stats["hands_free"][0], 2), "hands_free_p95_s": round(stats["hands_free"][1], 2),
            "record_and_send_median_s": round(stats["record_and_send"][0], 2),
            "record_and_send_p95_s": round(stats["record_and_send"][1], 2),
            "ratio": round(ratio, 2), "cpu_while_listening": round(statistics.median(cpu), 2),
            "hands_free_left_after_turn_end_s": round(statistics.median(left), 2),
        }
        print(f"  {language}: hands-free median {stats['hands_free'][0]:.2f} s, p95 {stats['hands_free'][1]:.2f} s; "
              f"record-and-send median {stats['record_and_send'][0]:.2f} s, p95 {stats['record_and_send'][1]:.2f} s; "
              f"hands-free/record-and-send {ratio:.2f}; hands-free work left when the pause rule ended the turn "
              f"{statistics.median(left):.2f} s; CPU used while the trainee spoke "
              f"{statistics.median(cpu):.0%} of the machine ({runs} runs)")
    return figures


def _hands_free(scenario, node_id, signal, nxt, transcriber) -> tuple[float, float, float]:
    """Seconds from the end of speech to the next line's first sound, the CPU share used
    while the reply was coming in, and the seconds of work left when the turn ended."""
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
    heard = live.finish(end)
    score_turn(scenario, node_id, heard.transcript.text, latency=heard.transcript.speech_start, hearing=heard.hearing)
    wav = customer_lines.customer_audio(scenario, *nxt)
    done = time.perf_counter()
    return done - speech_ended + _lead(wav), min(1.0, share), done - turn_ended


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


def _next_line(scenario, node_id) -> tuple[str, str | None]:
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
    run(quick="--quick" in sys.argv[1:])
