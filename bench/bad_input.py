"""Bad input, counted: what a careless user or an attacker may send, through the same services
the pages use, and whether anything was lost. Prints a Markdown table (what was tried, what
happened, lost?); exits 1 if a probe crashed or lost something.

- recordings (the call page's steps: speech.check_recording, worker_pool.hear, then
  PracticeSession.reply_audio): empty, not audio, a corrupt header, a truncated file, silence,
  noise, 15 minutes, and replies at 8 kHz, 44.1 kHz stereo and 48 kHz;
- a typed reply of 1 MB, and one holding HTML, Markdown and control characters;
- the printable trainee report and the readiness exports with HTML and formulas in names and replies;
- the studio's import: 100,000 nested brackets, a "billion laughs" of aliases, 10 MB, a Python tag;
- SQL-looking strings as a username, a full name and in the filters of the store and the audit log.

A call that refuses a reply must stay on the same turn with nothing saved for it; every
accepted reply must be saved. The UI's own rendering of hostile text is tested by
tests/ui/test_user_text.py (AppTest) and tests/texts/test_formats.py.

Run: python -m bench.bad_input
"""
from __future__ import annotations

import datetime as dt
import io
import os
import sys
import tempfile
import traceback
from pathlib import Path

import numpy as np

HTML = '<script>alert("x")</script><img src=x onerror=alert(1)> **bold** ![p](http://any-host/p.png)'
SQL = "x'); DROP TABLE users; --"
ROWS: list[tuple[str, str, str]] = []


def row(what: str, happened: str, lost: str) -> None:
    ROWS.append((what, happened.replace("|", "\\|").replace("\n", " "), lost))
    print(f"  {what}: {happened[:140]} [lost: {lost}]", file=sys.stderr, flush=True)


def probe(what: str):
    def wrap(fn):
        def run(*args):
            try:
                fn(*args)
            except Exception as exc:  # noqa: BLE001 -- a crash is a finding, the table goes on
                traceback.print_exc()
                row(what, f"CRASH {type(exc).__name__}: {exc}", "?")
        return run
    return wrap


def main() -> int:
    from simulator.services.catalogue import playable, record_files
    from simulator.services.practice import PracticeSession
    from simulator.store import SHELL, AudioFiles, Store
    from simulator.voice import audio as audio_io
    from simulator.voice import tts

    with tempfile.TemporaryDirectory(prefix="bad-input-") as tmp:
        tmp = Path(tmp)
        store = Store.open(f"sqlite:///{tmp / 'bad.db'}")
        audio = AudioFiles(tmp / "audio")
        trainee = store.create_user("anna", "trainee", "first-password-1", full_name=f"Анна {HTML}", group="=1+2", by=SHELL)
        admin = store.create_user("boss", "admin", "first-password-1", by=SHELL)
        record_files(store, Path("scenarios"))
        catalogue = playable(store)

        def session(scenario_id: str) -> PracticeSession:
            found = catalogue[scenario_id]
            return PracticeSession.start(store, trainee, found.scenario, found.yaml_text, audio=audio)

        voice = session("uk-estimated-bill")
        spoken = tts.synthesize(min(voice.scenario.nodes[voice.turns[-1].node_id].references, key=len),
                                tts.VoiceSpec("uk", gender="female", rate=165))
        samples, rate = audio_io.read_wav(spoken)
        recordings = {
            "empty recording (0 bytes)": b"",
            "not audio (a PDF's first bytes)": b"%PDF-1.7\n" + bytes(range(256)) * 40,
            "corrupt WAV header": b"RIFF\x24\x00\x00\x00WAVEfmt \x10\x00\x00\x00garbage" + b"\x00" * 4000,
            "truncated WAV (a reply cut at 40% of its bytes)": spoken[: len(spoken) * 2 // 5],
            "silence, 3 s": audio_io.wav_bytes(np.zeros(48000, np.float32), 16000),
            "white noise, 4 s": audio_io.wav_bytes(np.random.default_rng(1).uniform(-0.5, 0.5, 64000).astype(np.float32), 16000),
            "15 minutes (8 kHz WAV, 14 MB)": audio_io.wav_bytes(np.tile(np.interp(np.arange(0, samples.size, rate / 8000), np.arange(samples.size), samples).astype(np.float32), 15 * 60 * 8000 // max(1, int(samples.size * 8000 / rate)) + 1)[: 15 * 60 * 8000], 8000),
            "a reply at 8 kHz": _resampled(samples, rate, 8000),
            "a reply at 44.1 kHz stereo": _resampled(samples, rate, 44100, stereo=True),
            "a reply at 48 kHz": _resampled(samples, rate, 48000),
        }
        for what, data in recordings.items():
            _spoken(what, session("uk-estimated-bill"), data)     # a fresh call each: an accepted reply moves it on

        chat = session("en-heating-discount")
        _typed("a typed reply of 1 MB", chat, "a" * 1_000_000)
        _typed("a typed reply with HTML, Markdown, NUL and a lone surrogate", chat, f"{HTML} \x00 \ud800 I understand, let me check.")
        _report("printable trainee report, HTML in the name and a reply", store, admin, trainee)
        _exports("readiness exports, a formula as group and HTML in the name", store, admin)
        _imports(store)
        _sql(store, admin)
        store.close()
    print("| what was tried | what happened | anything lost |")
    print("| --- | --- | --- |")
    for what, happened, lost in ROWS:
        print(f"| {what} | {happened} | {lost} |")
    bad = [r for r in ROWS if r[2] not in ("no", "nothing") or r[1].startswith("CRASH")]
    return 1 if bad else 0


def _resampled(samples: np.ndarray, rate: int, target: int, stereo: bool = False) -> bytes:
    import wave

    positions = np.arange(0, samples.size, rate / target)
    out = np.interp(positions, np.arange(samples.size), samples).astype(np.float32)
    pcm = (np.clip(out, -1, 1) * 32767).astype("<i2")
    if stereo:
        pcm = np.repeat(pcm, 2)
    buffer = io.BytesIO()
    with wave.open(buffer, "wb") as wav:
        wav.setnchannels(2 if stereo else 1)
        wav.setsampwidth(2)
        wav.setframerate(target)
        wav.writeframes(pcm.tobytes())
    return buffer.getvalue()


def _spoken(what: str, practice, data: bytes) -> None:
    from simulator.voice import speech, worker_pool
    from simulator.voice.audio import SAMPLE_RATE, AudioError

    @probe(what)
    def run():
        before, turn = _saved(practice), practice.turns[-1].index
        try:
            samples = speech.check_recording(data)
        except AudioError as exc:
            stayed = practice.turns[-1].index == turn and _saved(practice) == before
            row(what, f"refused: «{exc.text('uk')}»; the call stays on turn {turn + 1}", "no" if stayed else "YES")
            return
        heard = worker_pool.hear(practice.scenario, practice.turns[-1].node_id, samples, wait=600)
        if not heard.transcript.text:
            row(what, "accepted as audio, nothing heard: «nothing heard, say it again» (voice_reply); the turn waits",
                "no" if _saved(practice) == before else "YES")
            return
        practice.reply_audio(heard.transcript.text, heard.transcript.speech_start, data, ext="wav",
                             hearing=heard.hearing, take_seconds=samples.size / SAMPLE_RATE)
        saved = _saved(practice) == before + 1
        row(what, f"heard and scored ({samples.size / SAMPLE_RATE:.1f} s at 16 kHz): «{heard.transcript.text[:60]}…»; "
                  f"turn saved with its recording", "no" if saved and practice.audio_kept else "YES")
    run()


def _typed(what: str, practice, text: str) -> None:
    from simulator.texts import limits
    from simulator.texts.labels import Labels
    from simulator.user_text import TooLong

    @probe(what)
    def run():
        before = _saved(practice)
        try:
            practice.reply_text(text)
        except TooLong as exc:
            row(what, f"refused before scoring: «{limits.message(exc, Labels('uk'))}»; the text stays in the box",
                "no" if _saved(practice) == before else "YES")
            return
        kept = practice.turns[-2].reply if practice.turns[-1].replied_at is None else practice.turns[-1].reply
        cleaned = "\x00" not in kept and "\ud800" not in kept
        row(what, f"scored and saved; control characters cleaned ({cleaned}); "
                  "shown as written (HTML and Markdown inert on every page: tests/ui/test_user_text.py)",
            "no" if _saved(practice) == before + 1 else "YES")
    run()


def _saved(practice) -> int:
    return len(practice.store.attempt_detail(_owner(practice), practice.attempt_id).turns)


def _owner(practice):
    return practice.store.user(practice.attempt.user_id)


def _report(what: str, store, admin, trainee) -> None:
    from simulator.reports import readiness_report

    @probe(what)
    def run():
        html = readiness_report.trainee_html(store, admin, trainee, as_of=dt.date.today(), language="uk")
        if html is None:
            row(what, "no report (the trainee has no scored call in the window)", "no")
            return
        live = "<script" in html or "<img" in html
        row(what, "HTML escaped in the printable report" if not live else "HTML LIVE in the report", "no" if not live else "YES")
    run()


def _exports(what: str, store, admin) -> None:
    from simulator.reports import readiness_report

    @probe(what)
    def run():
        report = readiness_report.build(store, admin, as_of=dt.date.today())
        csv = report.csv("uk").decode("utf-8-sig")
        from openpyxl import load_workbook

        workbook = load_workbook(io.BytesIO(report.xlsx("uk")))
        cells = [c for sheet in workbook.worksheets for r in sheet.iter_rows() for c in r
                 if isinstance(c.value, str) and c.value.startswith(("=", "+", "-", "@"))]
        as_text = all(c.data_type == "s" for c in cells)
        quoted = "'=1+2" in csv
        row(what, f"CSV cell written as '=1+2 ({quoted}); {len(cells)} formula-like xlsx cell(s), all text ({as_text})",
            "no" if quoted and as_text else "YES")
    run()


def _imports(store) -> None:
    from simulator.library.loader import load_text
    from simulator.ui.components import studio_import
    from simulator.texts.labels import Labels
    from simulator.store import SHELL

    trainer = store.create_user("tara", "trainer", "first-password-1", by=SHELL)
    owned = Path(tempfile.gettempdir()) / f"bad-input-owned-{os.getpid()}"
    bombs = {
        "studio import: 100,000 nested brackets (200 kB)": b"id: x\nnodes: " + b"[" * 100_000 + b"]" * 100_000,
        "studio import: a billion laughs (aliases)": ("a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
            f"{chr(98 + k)}: &{chr(98 + k)} [{', '.join(['*' + chr(97 + k)] * 9)}]\n" for k in range(8))).encode(),
        "studio import: 10 MB of text": b"id: huge\ntitle: " + b"a" * 10_000_000,
        "studio import: a Python object tag (os.system)": f"id: tag\ntitle: !!python/object/apply:os.system ['touch {owned}']\n".encode(),
        "studio import: not UTF-8": b"\xff\xfe\x00i\x00d\x00:",
    }
    for what, data in bombs.items():
        @probe(what)
        def run(data=data, what=what):
            before = len(store.studio_scenarios(trainer))
            try:
                message = studio_import.import_file(store, trainer, "bomb.yaml", data, {}, Labels("uk"))
            except studio_import.Refused as exc:
                happened, safe = f"refused: «{str(exc)[:160]}»", len(store.studio_scenarios(trainer)) == before
            else:
                draft = next(s for s in store.studio_scenarios(trainer) if s.scenario_id == "tag")
                problems = load_text(data.decode(), "tag")[1]
                happened = (f"kept as the draft «{draft.scenario_id}» («{message}»), the tag never run ({not owned.exists()}); "
                            f"the editor says «{problems[0].message}» and a draft with problems cannot be published")
                safe = not owned.exists()
            row(what, happened + "; the server goes on", "no" if safe else "YES")
        run()


def _sql(store, admin) -> None:
    from simulator.store import audit

    @probe("SQL-looking username")
    def username():
        try:
            store.create_user(SQL, "trainee", "first-password-1", by=admin)
            row("SQL-looking username", "accepted?!", "YES")
        except ValueError as exc:
            row("SQL-looking username", f"refused: «{exc}»; users table intact ({len(store.users())} users)", "no")
    username()

    @probe("SQL-looking full name and group")
    def name():
        user = store.create_user("bobby", "trainee", "first-password-1", full_name=SQL, group="' OR '1'='1", by=admin)
        kept = store.user(user.id)
        row("SQL-looking full name and group", f"stored as written ({kept.full_name == SQL}); tables intact "
                                               f"({len(store.users())} users)", "no")
    name()

    @probe("SQL-looking filters (audit actor/target, attempts by scenario, readiness group)")
    def filters():
        found = [len(audit.search(store, actor="' OR 1=1 --")), len(audit.search(store, target="%' OR '1'='1")),
                 len(store.attempts(admin, scenario_id="' OR '1'='1"))]
        groups = store.groups()
        row("SQL-looking filters (audit actor/target, attempts by scenario, readiness group)",
            f"matched nothing: {found} (bound parameters); groups listed as text: {groups}", "no")
    filters()


if __name__ == "__main__":
    sys.exit(main())
