"""A Ukrainian reply read from the recording as the reference answer it says
(speech.hear with verify.Verifier.readings): Whisper base writes our Ukrainian voice down as
near-gibberish, so a reply the recogniser is unsure of is checked whole against the node's
reference answers, and read as one only when the whole, every clause and every key fact's
wording in it are heard. The same answer with a sentence left out is not read as it."""
from __future__ import annotations

import re
from pathlib import Path

from simulator.library.loader import load_file
from simulator.scoring.accuracy import check_fact
from simulator.scoring.matching import Reply
from simulator.voice import audio, speech, tts

ROOT = Path(__file__).resolve().parents[2]
VOICE = tts.VoiceSpec("uk", gender="male")     # the hearing benchmark's trainee voice


def test_a_reference_said_whole_is_read_and_one_missing_a_fact_is_not(base):
    scenario, _ = load_file(ROOT / "scenarios" / "uk" / "payment-slip.yaml")
    node = scenario.nodes["opening"]
    said = node.references[0]
    heard = speech.hear(scenario, "opening", audio.decode(tts.synthesize(said, VOICE), audio.Limits()), base)
    assert heard.transcript.text == said, heard.transcript.text
    assert heard.free_text and heard.free_text != said          # what the recogniser wrote itself is kept
    assert {f.id for f in node.key_facts} <= heard.hearing.verified | {
        f.id for f in node.key_facts if check_fact(Reply(heard.free_text, "uk"), f, "uk").said}

    sentences = re.split(r"(?<=[.!?])\s+", said)
    eic = next(f for f in node.key_facts if f.id == "eic")
    without = " ".join(s for s in sentences if not check_fact(Reply(s, "uk"), eic, "uk").said)
    assert without != said
    heard = speech.hear(scenario, "opening", audio.decode(tts.synthesize(without, VOICE), audio.Limits()), base)
    assert heard.transcript.text != said and not heard.free_text
    assert "eic" not in heard.hearing.verified


def test_a_ukrainian_reply_is_encoded_once_for_its_transcript_and_its_check(base, monkeypatch):
    """The check against the recording reads the whole-window encoding transcription made
    (a Ukrainian reply keeps the whole window under the default ``auto``) instead of encoding
    the recording again: the same verdict, one encoder pass."""
    from simulator.voice import encoder_window

    monkeypatch.delenv("SIMULATOR_ASR_WINDOW", raising=False)
    scenario, _ = load_file(ROOT / "scenarios" / "uk" / "payment-slip.yaml")
    samples = audio.decode(tts.synthesize(scenario.nodes["opening"].references[0], VOICE), audio.Limits())
    encoded, remember = [], encoder_window.remember
    monkeypatch.setattr(encoder_window, "remember",
                        lambda model, heard, encoding: (encoded.append(heard.size), remember(model, heard, encoding)))
    said = scenario.nodes["opening"].references[0]
    once = speech.hear(scenario, "opening", samples, base)
    assert once.free_text and once.transcript.text == said      # checked whole against the references ...
    assert encoded.count(samples.size) == 1                     # ... over transcription's one encoding
    transcript = speech.transcribe(scenario, "opening", samples, base)
    encoder_window._ENCODINGS.clear()                           # forgotten: the check encodes the recording itself
    again = speech.hear(scenario, "opening", samples, base, transcript=transcript)
    assert encoded.count(samples.size) == 3 and again.transcript.text == said
