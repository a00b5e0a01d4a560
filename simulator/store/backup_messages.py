"""What backup and restore say (progress, summary, refusals), in English and Ukrainian (the
words: simulator/texts/backup_messages.py).

A `Message` is a code and its values; `text(language)` says it. Values may be messages
themselves, or lists of them (joined with ", "), said in the same language. `str()` of a
BackupError is the English text (logs, tests); the command line says `error.text(language)`
in the language of its `--labels`.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from simulator.texts.backup_messages import LANGUAGES, MESSAGES


@dataclass(frozen=True)
class Message:
    code: str
    values: dict = field(default_factory=dict)

    def text(self, language: str = "en") -> str:
        language = language if language in LANGUAGES else "en"
        return MESSAGES[self.code][language].format(**{k: _said(v, language) for k, v in self.values.items()})

    def __str__(self) -> str:
        return self.text("en")


def message(code: str, **values) -> Message:
    return Message(code, values)


def _said(value, language: str):
    if isinstance(value, Message):
        return value.text(language)
    if isinstance(value, list):
        return ", ".join(str(_said(v, language)) for v in value)
    return value
