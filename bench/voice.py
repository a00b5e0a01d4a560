"""Voice figures: customer-line synthesis, transcription of a 10 s reply, model load, memory.

Targets on 2 cores (printed, not asserted):
- a customer line synthesised in under 100 ms, under 5 ms from the cache;
- base transcribes a 10 s reply in at most 1.5 s (real-time factor 0.15) and at least 2x
  faster than openai-whisper on the same clip and model size;
- the model ready in under 2 s once assembled.

Each recogniser runs in a fresh subprocess, so its load time and peak memory (VmHWM, which
counts the native memory of CTranslate2 and torch) are its own. The figures depend on what
else the machine is doing: the load average is printed first.

Run: python -m bench.voice [--quick]   (or python -m simulator bench)
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
REPLY_SECONDS = 10.0
REPLY = {
    "en": "Thank you for calling, and I am sorry about the trouble with your bill. I can see the "
    "payment was taken twice. I will refund the second charge to your card within three days.",
    "uk": "Дякую, що зателефонували, і перепрошую за незручності з рахунком. Я бачу, що платіж "
    "списали двічі. Я поверну друге списання на вашу картку протягом трьох днів.",
}
CUSTOMER_LINES = [
    ("uk", "calm", "Добрий день, у мене проблема з рахунком за інтернет."),
    ("uk", "angry", "Чому з мене зняли гроші двічі цього місяця?"),
    ("en", "worried", "Hello, my internet has been down since yesterday morning."),
    ("en", "irritated", "I want to know why my bill is so high this time."),
    ("uk", "angry", "Я вже втретє телефоную, і ніхто нічого не робить!"),
    ("en", "calm", "Can you please just cancel the extra charge?"),
]
RUNS = (
    ("faster-whisper", "base", "en"),
    ("faster-whisper", "base", "uk"),
    ("faster-whisper", "tiny.en", "en"),
    ("openai-whisper", "base", "en"),
)


def run(quick: bool = False) -> dict:
    load = os.getloadavg()
    print(f"voice bench on {os.cpu_count()} cores, load average {load[0]:.2f} {load[1]:.2f} {load[2]:.2f}")
    figures = {"tts": _bench_tts(quick), "models": _bench_assembly()}
    repeats = 1 if quick else 3
    with tempfile.TemporaryDirectory(prefix="voice-bench-") as tmp:
        clips = {lang: _reply_clip(lang, Path(tmp)) for lang in REPLY}
        asr = {}
        for backend, model, lang in RUNS:
            name = f"{backend} {model} {lang}"
            result = _in_subprocess(backend, model, clips[lang], lang, repeats)
            asr[name] = result
            if "error" in result:
                print(f"  {name:30} not run: {result['error']}")
                continue
            per_10s = result["transcribe_s"] * REPLY_SECONDS / result["clip_s"]
            result["per_10s_reply_s"] = round(per_10s, 3)
            result["rtf"] = round(result["transcribe_s"] / result["clip_s"], 3)
            print(
                f"  {name:30} {per_10s:5.2f} s per 10 s reply (RTF {result['rtf']:.3f}, best of {repeats})"
                f"  load {result['load_s']:.2f} s (import {result['import_s']:.2f} s)"
                f"  CPU {result['cpu_s']:.2f} s  peak RSS {result['peak_rss_mb']:.0f} MB  | {result['text'][:50]}"
            )
        figures["asr"] = asr
    fast, slow = asr.get("faster-whisper base en", {}), asr.get("openai-whisper base en", {})
    if "transcribe_s" in fast and "transcribe_s" in slow:
        ratio = slow["transcribe_s"] / fast["transcribe_s"]
        figures["openai_over_faster_whisper"] = round(ratio, 2)
        print(f"  faster-whisper base is {ratio:.1f}x faster than openai-whisper base on the same clip (target >= 2x)")
    if "per_10s_reply_s" in fast:
        print(
            f"  base per 10 s reply: {fast['per_10s_reply_s']:.2f} s (target <= 1.5 s); "
            f"model ready in {fast['load_s']:.2f} s (target < 2 s)"
        )
    return figures


def _bench_tts(quick: bool) -> dict:
    """Uncached and cached synthesis of customer lines, in a throwaway cache folder."""
    from simulator.voice import tts

    previous = os.environ.get("SIMULATOR_TTS_CACHE")
    with tempfile.TemporaryDirectory(prefix="tts-bench-") as cache:
        os.environ["SIMULATOR_TTS_CACHE"] = cache
        try:
            started = time.perf_counter()
            tts.synthesize("Ready.", tts.VoiceSpec("en"))  # the engine starts once per process
            engine_start = time.perf_counter() - started
            lines = [
                (line, tts.VoiceSpec(lang, mood=mood)) for lang, mood, line in CUSTOMER_LINES[: 3 if quick else None]
            ]
            uncached = [_timed(tts.synthesize, line, spec) for line, spec in lines]
            phone = [_timed(tts.synthesize, line, spec, phone_line=True) for line, spec in lines]
            memory = [_timed(tts.synthesize, line, spec) for line, spec in lines]
            tts.clear_memory_cache()
            disk = [_timed(tts.synthesize, line, spec) for line, spec in lines]
        finally:
            if previous is None:
                os.environ.pop("SIMULATOR_TTS_CACHE", None)
            else:
                os.environ["SIMULATOR_TTS_CACHE"] = previous
    figures = {
        "engine_start_ms": engine_start * 1000,
        "uncached_ms": statistics.median(uncached) * 1000,
        "uncached_max_ms": max(uncached) * 1000,
        "phone_line_extra_ms": statistics.median(phone) * 1000,
        "cached_memory_ms": statistics.median(memory) * 1000,
        "cached_disk_ms": statistics.median(disk) * 1000,
    }
    print(
        f"  TTS customer line: {figures['uncached_ms']:.1f} ms uncached (max {figures['uncached_max_ms']:.1f}, target < 100), "
        f"cached {figures['cached_memory_ms']:.3f} ms in memory / {figures['cached_disk_ms']:.2f} ms from disk (target < 5); "
        f"phone effect +{figures['phone_line_extra_ms']:.1f} ms; engine start {figures['engine_start_ms']:.0f} ms"
    )
    return {k: round(v, 3) for k, v in figures.items()}


def _bench_assembly() -> dict:
    """Assemble (or check) the base weights and the openai-whisper checkpoint up front, so the
    recognisers' load times below are those of a ready machine."""
    from simulator.voice import models

    started = time.perf_counter()
    was_ready = models.verify(models.base_dir())
    models.ensure_base()
    figures = {"base_ready_s": round(time.perf_counter() - started, 3), "assembled_now": not was_ready}
    print(
        f"  base weights {'checked' if was_ready else 'assembled'} in {figures['base_ready_s']:.3f} s at {models.base_dir()}"
    )
    try:
        from simulator.voice import openai_backend

        existed = openai_backend.checkpoint_path("base").is_file()
        started = time.perf_counter()
        openai_backend.ensure_checkpoint("base")
    except ImportError as exc:
        print(f"  openai-whisper checkpoint not made: {exc}")
    else:
        figures["openai_checkpoint_s"] = round(time.perf_counter() - started, 3)
        print(
            f"  openai-whisper checkpoint {'found' if existed else 'converted'} in {figures['openai_checkpoint_s']:.2f} s"
        )
    return figures


def _timed(fn, *args, **kwargs) -> float:
    started = time.perf_counter()
    fn(*args, **kwargs)
    return time.perf_counter() - started


def _reply_clip(lang: str, folder: Path) -> Path:
    """A ~10 s trainee reply: our TTS voice, padded with silence to exactly REPLY_SECONDS."""
    from simulator.voice import audio, tts

    samples, rate = audio.read_wav(tts.synthesize(REPLY[lang], tts.VoiceSpec(lang, gender="male")))
    samples = samples[: round(REPLY_SECONDS * rate)]
    lead = round(0.4 * rate)
    clip = np.zeros(round(REPLY_SECONDS * rate), np.float32)
    clip[lead : lead + samples.size] = samples[: clip.size - lead]
    path = folder / f"reply-{lang}.wav"
    path.write_bytes(audio.wav_bytes(clip, rate))
    return path


def _in_subprocess(backend: str, model: str, clip: Path, lang: str, repeats: int) -> dict:
    command = [sys.executable, "-m", "bench.voice", "--worker", backend, model, str(clip), lang, str(repeats)]
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))}
    done = subprocess.run(command, env=env, capture_output=True, text=True, timeout=900)
    lines = done.stdout.strip().splitlines()
    if done.returncode != 0 or not lines:
        error = (done.stderr.strip().splitlines() or ["failed"])[-1]
        return {"error": error}
    return json.loads(lines[-1])


def _peak_rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def _worker(backend: str, model: str, clip: str, lang: str, repeats: int) -> dict:
    """One recogniser in this fresh process: import, load, a warm-up, then the best of N."""
    started = time.perf_counter()
    if backend == "openai-whisper":
        import whisper  # noqa: F401  (the import is part of what a process pays)
    else:
        import faster_whisper  # noqa: F401
    from simulator.voice import asr

    import_seconds = time.perf_counter() - started
    baseline = _peak_rss_mb()
    transcriber = asr.get_transcriber(backend, model)
    transcriber.load()
    data = Path(clip).read_bytes()
    transcriber.transcribe(data, lang)  # warm-up (openai-whisper compiles its DTW with numba)
    runs = []
    for _ in range(repeats):
        cpu = time.process_time()
        runs.append((transcriber.transcribe(data, lang), time.process_time() - cpu))
    best, cpu_seconds = min(runs, key=lambda run: run[0].timings["transcribe"])
    return {
        "cpu_s": round(cpu_seconds, 3),
        "import_s": round(import_seconds, 3),
        "load_s": round(transcriber.load_seconds, 3),
        "transcribe_s": best.timings["transcribe"],
        "clip_s": best.duration,
        "peak_rss_mb": round(_peak_rss_mb(), 1),
        "rss_before_load_mb": round(baseline, 1),
        "text": best.text,
    }


def main(argv: list[str]) -> int:
    if argv[:1] == ["--worker"]:
        backend, model, clip, lang, repeats = argv[1:6]
        print(json.dumps(_worker(backend, model, clip, lang, int(repeats)), ensure_ascii=False))
        return 0
    run(quick="--quick" in argv)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
