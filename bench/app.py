"""App figures: start-up to the first page, a 10 s spoken reply to its feedback, and ten
trainees replying at once. Printed, not asserted.

Targets (issue: the Streamlit app): a 10 s spoken reply scored and its feedback on screen in
under 2 s on 2 cores; ten simultaneous trainees served without errors.

Everything runs against a throwaway data folder (database, recordings); the speech model and
the TTS cache are the site's own (SIMULATOR_MODEL_DIR, SIMULATOR_TTS_CACHE), as in production.

    .venv/bin/python -c "import bench.app as b; b.run(quick=True)"
"""
from __future__ import annotations

import json
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from pathlib import Path

import numpy as np

from simulator import settings

ROOT = Path(__file__).resolve().parents[1]
REPLY_SECONDS = 10.0
TRAINEES = 10
# (scenario, node) whose reference answers make the spoken reply, per language
SPOKEN = {"uk": ("uk-estimated-bill", "opening"), "en": ("en-three-zone-readings", "opening")}
FIRST_PAGE = """
import json, sys, time
started = time.perf_counter()
from streamlit.testing.v1 import AppTest
at = AppTest.from_file(sys.argv[1], default_timeout=120).run()
first = time.perf_counter() - started
assert not at.exception, at.exception
again = time.perf_counter()
at.run()
print(json.dumps({"first": first, "rerun": time.perf_counter() - again, "title": at.title[0].value}))
"""


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _env(data: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    site = settings.current()       # the site's model and voice cache, not the throwaway data folder's
    env.update(SIMULATOR_DATA_DIR=str(data), SIMULATOR_DEMO="1", SIMULATOR_MODEL_DIR=str(site.model_dir.resolve()),
               SIMULATOR_TTS_CACHE=str(site.tts_cache.resolve()))
    return env


def start_up(folder: Path) -> dict:
    """Seconds until `streamlit run` answers its health check, and until a fresh process has
    rendered the first page (the login page, with the database created and migrated)."""
    port = _free_port()
    command = [sys.executable, "-m", "streamlit", "run", "streamlit_app.py", "--server.headless", "true",
               "--server.address", "127.0.0.1", "--server.port", str(port), "--browser.gatherUsageStats", "false",
               "--server.fileWatcherType", "none"]
    started = time.perf_counter()
    server = subprocess.Popen(command, cwd=ROOT, env=_env(folder / "server"), stdout=subprocess.DEVNULL,
                              stderr=subprocess.DEVNULL, start_new_session=True)
    answered = None
    try:
        while time.perf_counter() - started < 120 and server.poll() is None:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health", timeout=2) as reply:
                    if reply.status == 200:
                        answered = time.perf_counter() - started
                        break
            except OSError:
                time.sleep(0.05)
    finally:
        server.terminate()
        server.wait(timeout=30)
    done = subprocess.run([sys.executable, "-c", FIRST_PAGE, str(ROOT / "streamlit_app.py")], cwd=ROOT,
                          env=_env(folder / "apptest"), capture_output=True, text=True, timeout=300)
    page = json.loads(done.stdout.strip().splitlines()[-1])
    return {"server_answers_s": answered, "first_page_s": page["first"], "rerun_s": page["rerun"]}


def _spoken_reply(language: str, library) -> bytes:
    """About REPLY_SECONDS of the trainee saying the node's reference answers (our TTS)."""
    from simulator.voice import audio, tts

    scenario_id, node = SPOKEN[language]
    text = " ".join(library.get(scenario_id).nodes[node].references)
    samples, rate = audio.read_wav(tts.synthesize(text, tts.VoiceSpec(language, gender="female")))
    wanted = int(REPLY_SECONDS * rate)
    samples = np.concatenate([samples, np.zeros(max(0, wanted - samples.size), np.float32)])[:wanted]
    return audio.wav_bytes(samples, rate)


def _reply(practice, recording: bytes) -> dict:
    """One spoken reply the way the call page handles it: check, hear, score and save."""
    from simulator.voice import speech

    started = time.perf_counter()
    samples = speech.check_recording(recording)
    heard = speech.hear(practice.scenario, practice.turns[-1].node_id, samples)
    transcript = heard.transcript
    turn = practice.reply_audio(transcript.text, transcript.speech_start, recording, hearing=heard.hearing)
    return {"seconds": time.perf_counter() - started, "asr": {**transcript.timings, **heard.timings},
            "score": turn.score.to_dict()}


def _start(store, user, library, scenario_id: str, audio):
    from simulator.services.practice import PracticeSession

    scenario = library.get(scenario_id)
    text = library.paths[scenario_id].read_text(encoding="utf-8")
    return PracticeSession.start(store, user, scenario, text, "practice", audio=audio)


def spoken_reply(store, library, audio, recordings: dict[str, bytes], repeats: int) -> dict:
    """A 10 s spoken reply to its scored feedback, per language: the first (speech model
    loading included) and the median and worst of the following ones."""
    from simulator.store import SHELL

    user = store.create_user("bench-one", "trainee", "bench-password", by=SHELL)
    figures = {}
    for language, recording in recordings.items():
        runs = [_reply(_start(store, user, library, SPOKEN[language][0], audio), recording) for _ in range(repeats + 1)]
        seconds = [r["seconds"] for r in runs[1:]]
        figures[language] = {"first_s": runs[0]["seconds"], "median_s": statistics.median(seconds), "max_s": max(seconds),
                             "recognition_median_s": statistics.median(r["asr"]["transcribe"] for r in runs[1:])}
    return figures


def simultaneous(store, library, audio, recording: bytes, trainees: int = TRAINEES) -> dict:
    """``trainees`` threads, each a trainee sending a spoken reply at the same moment."""
    from simulator.store import SHELL

    users = [store.create_user(f"bench-{i:02d}", "trainee", "bench-password", by=SHELL) for i in range(trainees)]
    calls = [_start(store, user, library, SPOKEN["uk"][0], audio) for user in users]
    gate = threading.Barrier(trainees)
    results: list[dict] = []
    errors: list[str] = []
    lock = threading.Lock()

    def trainee(practice) -> None:
        gate.wait()
        try:
            outcome = _reply(practice, recording)
        except Exception as exc:  # noqa: BLE001 - every failure is a figure here
            with lock:
                errors.append(f"{type(exc).__name__}: {exc}")
        else:
            with lock:
                results.append(outcome)

    started = time.perf_counter()
    threads = [threading.Thread(target=trainee, args=(call,)) for call in calls]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    wall = time.perf_counter() - started
    seconds = sorted(r["seconds"] for r in results)
    saved = sum(len(store.attempt_detail(u, c.attempt_id).turns) for u, c in zip(users, calls))
    return {"trainees": trainees, "wall_s": wall, "errors": errors, "saved_turns": saved,
            "median_s": statistics.median(seconds) if seconds else None, "max_s": seconds[-1] if seconds else None}


def run(quick: bool = False) -> dict:
    from simulator.library.loader import load_library
    from simulator.scoring.empathy_model import default_model
    from simulator.store import AudioFiles, Store

    with tempfile.TemporaryDirectory(prefix="simulator-bench-app-") as temporary:
        folder = Path(temporary)
        figures = {"start_up": start_up(folder)}
        s = figures["start_up"]
        print(f"app start: server answers after {s['server_answers_s']:.2f} s; first page (login) rendered by a "
              f"fresh process after {s['first_page_s']:.2f} s; a rerun {s['rerun_s'] * 1000:.0f} ms")

        library = load_library(ROOT / "scenarios")
        store = Store.open(f"sqlite:///{folder / 'bench.db'}")
        audio = AudioFiles(folder / "audio")
        default_model()     # the app fits it in the background at start-up
        recordings = {language: _spoken_reply(language, library) for language in (("uk",) if quick else SPOKEN)}
        figures["spoken_reply"] = spoken_reply(store, library, audio, recordings, repeats=2 if quick else 5)
        for language, f in figures["spoken_reply"].items():
            print(f"{REPLY_SECONDS:.0f} s spoken reply ({language}) to its feedback: median {f['median_s']:.2f} s "
                  f"(speech recognition {f['recognition_median_s']:.2f} s of it), worst {f['max_s']:.2f} s "
                  f"(target < 2 s); the first of the process {f['first_s']:.2f} s")

        figures["simultaneous"] = simultaneous(store, library, audio, recordings["uk"])
        c = figures["simultaneous"]
        print(f"{c['trainees']} trainees replying at once: all done in {c['wall_s']:.1f} s, each waited median "
              f"{c['median_s']:.1f} s, worst {c['max_s']:.1f} s; {len(c['errors'])} errors; "
              f"{c['saved_turns']} turns saved")
        for error in c["errors"]:
            print(f"  error: {error}")
        store.close()
    return figures


if __name__ == "__main__":
    run(quick="--quick" in sys.argv)
