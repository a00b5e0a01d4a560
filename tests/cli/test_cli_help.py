"""The command line's help comes from the catalogue (simulator.texts.cli_help) in the language of
SIMULATOR_CLI_LANGUAGE (Ukrainian by default): every key in both languages with the same
placeholders, and every command's --help says its description and its options' help in that
language, run in this process."""
from __future__ import annotations

import argparse
import inspect
import re

import pytest

from simulator import cli, settings
from simulator.cli import helptext
from simulator.texts.cli_help import ARGPARSE, HELP, LANGUAGES

PLACEHOLDER = re.compile(r"%(?:\([a-z_]+\))?[a-z%]")


def _flat(text: str) -> str:
    return " ".join(text.split())


def test_every_key_is_in_both_languages_with_the_same_placeholders():
    assert set(HELP) == set(LANGUAGES) == set(ARGPARSE)
    assert set(HELP["uk"]) == set(HELP["en"])
    for key, english in HELP["en"].items():
        ukrainian = HELP["uk"][key]
        assert english.strip() and ukrainian.strip() and ukrainian != english, key
        assert sorted(PLACEHOLDER.findall(ukrainian)) == sorted(PLACEHOLDER.findall(english)), key
        for text in (english, ukrainian):       # argparse fills help with %: a lone % would break it
            assert text.count("%") == sum(len(p) - len(p.lstrip("%")) for p in PLACEHOLDER.findall(text)), key


def test_argparse_words_are_the_ones_argparse_asks_for():
    source = inspect.getsource(argparse)
    for message in ARGPARSE["uk"]:
        assert f"_('{message}')" in source, message


@pytest.fixture
def speak(no_settings):
    no_settings.setenv("COLUMNS", "10000")       # one line per help: argparse wraps at hyphens too
    def choose(language: str | None) -> None:
        if language is None:
            no_settings.delenv("SIMULATOR_CLI_LANGUAGE", raising=False)
        else:
            no_settings.setenv("SIMULATOR_CLI_LANGUAGE", language)
    return choose


def _help(capsys, *argv: str) -> str:
    with pytest.raises(SystemExit) as stopped:
        cli.main([*argv, "--help"])
    assert stopped.value.code == 0
    return capsys.readouterr().out


@pytest.mark.parametrize(("chosen", "language"), [(None, "uk"), ("uk", "uk"), ("en", "en"), (" EN ", "en")])
def test_the_top_help_is_in_the_chosen_language(speak, capsys, chosen, language):
    speak(chosen)
    out = _help(capsys)
    assert _flat(HELP[language]["main.description"]) in _flat(out)
    assert out.startswith("використання: " if language == "uk" else "usage: ")
    assert ("параметри:" in out) == (language == "uk") and ("options:" in out) == (language == "en")
    assert _flat(HELP[language]["scenarios"]) in _flat(out)
    assert argparse._("usage: ") == "usage: "       # argparse's own words again afterwards


def _commands(parser: argparse.ArgumentParser, path: tuple[str, ...] = ()):
    """(path, parser) of every command and subcommand."""
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                yield (*path, name), sub
                yield from _commands(sub, (*path, name))


def _said(parser: argparse.ArgumentParser) -> list[str]:
    """The description, the epilog and every option's help a command's --help shows."""
    texts = [parser.description, parser.epilog]
    texts += [action.help for action in parser._actions if action.help and action.help != argparse.SUPPRESS]
    return [text for text in texts if text]


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_command_says_its_help_in_the_chosen_language(speak, capsys, language):
    speak(language)
    with helptext.argparse_words(language):
        commands = list(_commands(cli.build_parser()))
    assert len(commands) > 25
    other = {_flat(text) for text in HELP["en" if language == "uk" else "uk"].values()}
    for path, parser in commands:
        out = _flat(_help(capsys, *path))
        assert out.startswith("використання: " if language == "uk" else "usage: "), path
        for text in _said(parser):
            assert _flat(text) in out, (path, text)
            assert _flat(text) not in other, (path, text)


def test_a_language_that_means_nothing_stops_a_command_but_not_its_help(speak, capsys, tmp_path):
    speak("de")
    assert _flat(HELP["uk"]["main.description"]) in _flat(_help(capsys))
    assert cli.main(["scenarios", "list", "--scenarios", str(tmp_path)]) == 2
    assert capsys.readouterr().err.strip() == (
        "error: " + str(settings.SettingError("SIMULATOR_CLI_LANGUAGE", "de", "uk, en")))
