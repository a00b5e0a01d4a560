"""`play --voice`: a spoken call end to end from the command line, with the real TTS and Whisper."""
from __future__ import annotations

import json
from pathlib import Path

from simulator.call.clock import ManualClock
from simulator.call.engine import Call
from simulator.cli import main
from simulator.library.loader import load_library
from simulator.voice import tts

ROOT = Path(__file__).resolve().parents[2]


def test_spoken_call_with_a_bad_recording_on_the_way(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(ROOT)
    scenario = load_library(ROOT / "scenarios").get("en-estimated-bill")
    call = Call(scenario, ManualClock())
    references = []
    while not call.finished:
        references.append(scenario.nodes[call.node_id].references[0])
        call.reply(references[-1])
    names = []
    for k, text in enumerate(references, start=1):
        (tmp_path / f"reply{k}.wav").write_bytes(tts.synthesize(text, tts.VoiceSpec("en", gender="male")))
        names.append(f"reply{k}.wav")
    (tmp_path / "broken.wav").write_bytes(b"RIFF....not audio at all")
    lines = [names[0], "broken.wav", *names[1:]]          # the broken file must not cost the turn
    (tmp_path / "replies.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")

    out = tmp_path / "customer"
    assert main(["play", scenario.id, "--voice", "--replies", str(tmp_path / "replies.txt"), "--out", str(out), "--json"]) == 0
    captured = capsys.readouterr()
    data = json.loads(captured.out)
    assert "broken.wav" in captured.err
    assert data["outcome"] == "resolved", data["scorecard"]["reasons"]
    assert [t["node"] for t in data["transcript"]] == [t.node_id for t in call.turns]
    assert all(t["reply"] for t in data["transcript"])
    assert data["scorecard"]["passed"]
    written = sorted(out.glob("*-customer.wav"))
    assert len(written) == len(call.turns) + 1               # every line and the closing words
    assert all(path.read_bytes()[:4] == b"RIFF" for path in written)
