"""Ukrainian word stress for the customer voice (stress.py) with the real dictionary and espeak-ng."""

from __future__ import annotations

import io
import re
import subprocess
import wave

import pytest
from voice_helpers import duration

from simulator.voice import stress, tts


@pytest.fixture(autouse=True)
def stress_on(monkeypatch):
    monkeypatch.setenv("SIMULATOR_TTS_STRESS", "1")
    stress.clear_cache()
    yield
    stress.clear_cache()


def _said(text: str) -> str:
    """espeak-ng's phonemes of `text` as it would say it (phoneme input honoured, as by tts)."""
    run = subprocess.run(["espeak-ng", "-v", "uk", "-q", "-x", text], capture_output=True, text=True, check=True)
    return run.stdout.strip()


@pytest.mark.parametrize(
    "word, stressed",
    [
        ("рахунок", "@-rax'unVk"),  # раху́нок: espeak-ng says рахуно́к
        ("показники", "pVkaznik'i"),  # показники́: espeak-ng says пока́зники
        ("квартал", "kvart'al"),  # кварта́л
        ("село", "sil'o"),  # село́
    ],
)
def test_words_espeak_stresses_wrongly_get_the_dictionary_stress(word, stressed):
    assert _said(word).replace("A", "a") != stressed.replace("A", "a")  # espeak-ng alone is wrong
    marked = stress.mark(f"Ось {word}, так?")
    assert marked == f"Ось [[{stressed}]], так?"
    assert _said(marked).replace("A", "a").split()[1].rstrip(",") == stressed.replace("A", "a")


@pytest.mark.parametrize(
    "text",
    [
        "квитанцію рахунку",  # espeak-ng already right: stays text
        "замок",  # за́мок / замо́к: two readings
        "договір помилка",  # до́гові́р, по́ми́лка: two accepted stresses
        "EIC-код інтернет-банкінг ЦНАП",  # hyphenated, mixed script, abbreviation
        "мій дім, 2024 рік",  # one vowel, digits
        "Hello, my bill is wrong.",
        "",
    ],
)
def test_words_left_alone(text):
    assert stress.mark(text) == text


def test_apostrophes_and_capitals_are_understood():
    assert stress.mark("П’ятниця") == "[[pj'atnitsja]]"
    assert stress.mark("Доброго дня") == "[[d'ob@-rVhV]] дня"


@pytest.mark.parametrize("broken", ["_espeak_phonemes", "_get_stressifier"])
def test_marking_falls_back_to_the_text_on_any_error(monkeypatch, broken):
    def fail(*_):
        raise OSError("broken on purpose")

    monkeypatch.setattr(stress, broken, fail)
    assert stress.mark("Я отримала рахунок.") == "Я отримала рахунок."


def test_a_missing_espeak_binary_falls_back(monkeypatch):
    monkeypatch.setattr(stress.shutil, "which", lambda _: None)
    assert stress.mark("рахунок") == "рахунок"


def test_the_setting_turns_marking_off(monkeypatch):
    assert stress.enabled()
    for value in ("0", "false", "off"):
        monkeypatch.setenv("SIMULATOR_TTS_STRESS", value)
        assert not stress.enabled()
    monkeypatch.setenv("SIMULATOR_TTS_STRESS", "1")
    assert stress.enabled()


def test_a_stressed_line_is_a_valid_wav_and_differs_from_the_plain_one(monkeypatch):
    line = "Я отримала рахунок за квартал і не розумію показники."
    assert stress.mark(line).count("[[") == 4  # рахунок, квартал, розумію, показники
    marked = tts.synthesize(line, tts.VoiceSpec("uk"))
    with wave.open(io.BytesIO(marked)) as w:
        assert (w.getnchannels(), w.getsampwidth(), w.getframerate()) == (1, 2, 22050)
    monkeypatch.setenv("SIMULATOR_TTS_STRESS", "0")
    plain = tts.synthesize(line, tts.VoiceSpec("uk"))
    assert plain != marked
    # the phonemes are spoken, not read out letter by letter: about as long as the plain line
    assert 0.85 < duration(marked) / duration(plain) < 1.15
    assert tts.synthesize(line, tts.VoiceSpec("uk"), phone_line=True) != marked


def test_english_and_unmarked_lines_are_rendered_as_text(monkeypatch):
    calls = []
    render = tts._render
    monkeypatch.setattr(tts, "_render", lambda text, settings, phonemes=False: calls.append((text, phonemes))
                        or render(text, settings, phonemes))
    tts.synthesize("Show me the bill for this quarter.", tts.VoiceSpec("en"))
    tts.synthesize("Мій дім тут.", tts.VoiceSpec("uk"))
    assert calls == [("Show me the bill for this quarter.", False), ("Мій дім тут.", False)]


def test_a_marked_line_that_fails_to_render_is_said_unmarked(monkeypatch):
    render, calls = tts._render, []

    def refuse_phonemes(text, settings, phonemes=False):
        calls.append((text, phonemes))
        if phonemes:
            raise tts.TTSError("espeak-ng refused the phonemes")
        return render(text, settings)

    monkeypatch.setattr(tts, "_render", refuse_phonemes)
    line = "Покажіть мені рахунок ще раз, будь ласка."
    wav = tts.synthesize(line, tts.VoiceSpec("uk", mood="worried"))
    assert [phonemes for _, phonemes in calls] == [True, False]
    assert calls[1][0] == line
    with wave.open(io.BytesIO(wav)) as w:
        assert w.getnframes() > 0


def test_the_cache_key_follows_the_setting():
    settings = tts.effective_settings(tts.VoiceSpec("uk"))
    keys = {tts._cache_key("рахунок", settings, False, marking) for marking in (None, stress.VERSION, "0-other")}
    assert len(keys) == 3
    assert re.fullmatch(r"\d+-uws[\d.]+", stress.VERSION)
