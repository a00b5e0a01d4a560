"""The command line's help in its language: SIMULATOR_CLI_LANGUAGE (``uk``, the default, or
``en``; simulator.settings). ``say(key)`` is a command's or an option's help from the catalogue
(simulator.texts.cli_help); ``argparse_words(language)`` makes argparse say its own words of a
help screen (``usage:``, ``options``) in that language while the parser is built and run."""
from __future__ import annotations

import argparse
import contextlib
from collections.abc import Iterator

from .. import settings
from ..texts.cli_help import ARGPARSE, HELP

DEFAULT = "uk"


def language() -> str:
    """SIMULATOR_CLI_LANGUAGE; the default when a setting means nothing (the command then stops
    on it as before: ``main`` checks the settings once the arguments are read)."""
    try:
        return settings.current().cli_language
    except settings.SettingError:
        return DEFAULT


def say(key: str) -> str:
    """The help of ``key`` in the command line's language."""
    return HELP[language()][key]


@contextlib.contextmanager
def argparse_words(chosen: str) -> Iterator[None]:
    """argparse's own help words in ``chosen`` while inside (it looks them up through its module's
    ``_``, gettext's, at each use); argparse's own afterwards, whoever else uses it."""
    words = ARGPARSE[chosen]
    own = argparse._
    argparse._ = lambda message: words.get(message) or own(message)
    try:
        yield
    finally:
        argparse._ = own


def message(table: dict[str, dict[str, str]], key: str, **values) -> str:
    """A command's message ``key`` of ``table`` (simulator.texts.cli_messages, keyed by code then
    language) in the command line's language, its values filled in."""
    return table[key][language()].format(**values)
