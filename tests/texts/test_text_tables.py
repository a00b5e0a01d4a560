"""The text catalogue's own tables beside the labels (the trainee's feedback, the validator's
messages, what is said about a recording, backup and restore, the calibration report, the
reports' words, the command line's own words, the test bench's warnings): each says every one of its texts in Ukrainian and English, with the same
{placeholders} (and the same plural word after a number) in both."""
from __future__ import annotations

import string

import pytest

from simulator import plural
from simulator.texts import (audio_messages, backup_messages, calibration_words, cli_messages, feedback, i18n,
                             sample_messages, scenario_messages)


def _by_language(table: dict) -> dict[str, dict[str, str]]:
    """A table keyed by language, then code; one keyed by code, then language, turned around."""
    if table.keys() == {"uk", "en"}:
        return table
    assert all(texts.keys() == {"uk", "en"} for texts in table.values()), "every code in uk and en"
    return {language: {code: texts[language] for code, texts in table.items()} for language in ("uk", "en")}


TABLES = {
    "texts/feedback.py MESSAGES": feedback.MESSAGES,
    "texts/scenario_messages.py TEXTS": scenario_messages.TEXTS,
    "texts/scenario_messages.py NONE and DETAIL": {
        language: {"none": scenario_messages.NONE[language], "detail": scenario_messages.DETAIL[language]}
        for language in ("uk", "en")},
    "texts/audio_messages.py MESSAGES": audio_messages.MESSAGES,
    "texts/backup_messages.py MESSAGES": backup_messages.MESSAGES,
    "texts/calibration_words.py WORDS": calibration_words.WORDS,
    "texts/i18n.py WORDS": i18n.WORDS,
    **{f"texts/cli_messages.py {name}": getattr(cli_messages, name)
       for name in ("PLAY", "VALIDATE", "AUDIT", "USERS", "READINESS", "DATABASE", "COMMANDS", "EVAL", "OPTIONS",
                    "LOADTEST", "VOICE", "LOADTEST_REPORT")},
    "texts/sample_messages.py LABELS": sample_messages.LABELS,
    "texts/sample_messages.py MESSAGES": sample_messages.MESSAGES,
}


def _fields(text: str) -> set[tuple[str, str]]:
    """Each {name} and {name:spec} of ``text`` (``{score:points}`` says the number with its word)."""
    return {(name, spec) for _, name, spec, _ in string.Formatter().parse(text) if name is not None}


@pytest.mark.parametrize("name", TABLES)
def test_every_text_is_in_both_languages_with_the_same_placeholders(name):
    table = _by_language(TABLES[name])
    uk, en = table["uk"], table["en"]
    assert uk.keys() == en.keys(), sorted(uk.keys() ^ en.keys())
    assert uk, name
    for key in uk:
        assert uk[key].strip() and en[key].strip(), key
        assert _fields(uk[key]) == _fields(en[key]), key
        assert all(spec in ("", *plural.WORDS) for _, spec in _fields(uk[key])), key


def test_the_languages_of_the_backup_messages_are_those_of_its_table():
    assert set(backup_messages.LANGUAGES) == set(_by_language(backup_messages.MESSAGES))


@pytest.mark.parametrize("seconds, uk, en", [(120, "не більше 120 секунд.", "under 120 seconds."),
                                             (21, "не більше 21 секунди.", "under 21 seconds."),
                                             (3, "не більше 3 секунд.", "under 3 seconds."),
                                             (1, "не більше 1 секунди.", "under 1 second.")])
def test_a_recording_too_long_says_its_limit_with_the_plural_word(seconds, uk, en):
    said = {language: plural.format(audio_messages.MESSAGES["too_long"][language], language, max_seconds=seconds, max_mb=25)
            for language in ("uk", "en")}
    assert said["uk"].endswith(uk) and said["en"].endswith(en)
