"""From the end of a 10 s spoken reply to its feedback: the call page's path before and after.

- before: the reply transcribed with the node's key-fact words as a vocabulary prompt, then
  scored (what the page did until the hearing benchmark showed the prompt invents facts);
- after: `speech.hear` (a free transcript, then each key fact it misses checked against the
  recording), then scored with what the recording showed.

Both paths run in this process on the same 10 s clips (a library reference answer in our
trainee voice, cut or padded to 10 s), interleaved, after one warm-up each; the median of the
runs is printed with the ratio after/before. Target (issue 10): after is no slower than
before, about 3.5 s for Ukrainian on 2 cores. The load average is printed first: other work
on the machine slows both paths alike.

Run: python -m bench.hearing [--quick]   (or python -m simulator bench)
"""
from __future__ import annotations

import os
import statistics
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
CLIPS = {"uk": ("uk-payment-slip", "opening"), "en": ("en-payment-slip", "opening")}
REPLY_SECONDS = 10.0


def run(quick: bool = False, scenarios: Path = ROOT / "scenarios") -> dict:
    from simulator.library.loader import load_library
    from simulator.scoring.scorecard import score_turn
    from simulator.voice import speech
    from simulator.voice.asr import get_transcriber

    load = os.getloadavg()
    print(f"hearing bench (end of a 10 s reply to feedback) on {os.cpu_count()} cores, load average {load[0]:.2f}")
    library = load_library(scenarios)
    transcriber = get_transcriber("faster-whisper", "base")
    transcriber.load()
    runs = 2 if quick else 5
    figures = {}
    for language, (scenario_id, node_id) in CLIPS.items():
        scenario = library.get(scenario_id)
        samples = _clip(scenario.nodes[node_id].references[0], language)

        def before():
            transcript = speech.transcribe(scenario, node_id, samples, transcriber, with_hints=True)
            return score_turn(scenario, node_id, transcript.text, latency=transcript.speech_start)

        def after():
            heard = speech.hear(scenario, node_id, samples, transcriber)
            return score_turn(scenario, node_id, heard.transcript.text, latency=heard.transcript.speech_start,
                              hearing=heard.hearing)

        times = {"before": [], "after": []}
        facts = {}
        for k in range(runs + 1):          # the first round warms up (and fills the verifier's memory)
            for name, path in (("before", before), ("after", after)):
                started = time.perf_counter()
                turn = path()
                if k:
                    times[name].append(time.perf_counter() - started)
                facts[name] = sum(f.said for f in turn.accuracy.facts), len(turn.accuracy.facts)
        medians = {name: statistics.median(values) for name, values in times.items()}
        figures[language] = {"median_before_s": round(medians["before"], 2), "median_after_s": round(medians["after"], 2),
                             "ratio": round(medians["after"] / medians["before"], 2),
                             "facts_before": facts["before"], "facts_after": facts["after"]}
        print(f"  {language}: before {medians['before']:.2f} s (key facts {facts['before'][0]}/{facts['before'][1]}), "
              f"after {medians['after']:.2f} s (key facts {facts['after'][0]}/{facts['after'][1]}), "
              f"after/before {medians['after'] / medians['before']:.2f} (median of {runs})")
    return figures


def _clip(text: str, language: str) -> np.ndarray:
    """The reply in our trainee voice at 16 kHz, 0.4 s of silence first, cut or padded to 10 s."""
    from simulator.voice import audio, tts

    spoken = audio.decode(tts.synthesize(text, tts.VoiceSpec(language, gender="male")), audio.Limits())
    clip = np.zeros(round(REPLY_SECONDS * audio.SAMPLE_RATE), np.float32)
    lead = round(0.4 * audio.SAMPLE_RATE)
    part = spoken[: clip.size - lead]
    clip[lead:lead + part.size] = part
    return clip


if __name__ == "__main__":
    run(quick="--quick" in sys.argv[1:])
