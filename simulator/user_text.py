"""Free text typed, pasted, uploaded or transcribed by a user: cleaned once where it enters
the product, and held to a limit per field. Every limit lives here (``LIMITS``, and
``UPLOAD_BYTES`` for files); the services check them, since a browser's limit is only a
courtesy, and the interface names the field and its limit (simulator/texts/limits.py).

Cleaning (:func:`clean`) is the same on every database, because it happens before any of
them sees the text:

* a lone UTF-16 surrogate (a broken paste, ``"\\ud800"`` in a JSON line) becomes U+FFFD, and
  a pair of them becomes the character it encodes: neither SQLite nor PostgreSQL can store
  one (``UnicodeEncodeError``);
* line breaks become ``\\n``; NUL and every other control character except ``\\n`` and ``\\t``
  are removed: PostgreSQL refuses NUL in text, and none of them means anything in a reply;
* the text is put in Unicode NFC, so that «й» typed on one keyboard and «и» + U+0306 pasted
  from another are one word to the scorer and to a search.

Why a reply is capped at 3,000 characters: scoring time grows with the reply, by roughly
0.5-1 ms a character on the 2-core machine (measured while other work ran: 300 characters
0.15 s, 1,000 0.5 s, 2,000 1.4-1.6 s, 3,000 2.0-3.0 s, 4,000 2.7-3.6 s, 8,000 5.3-6.1 s),
and a trainee waits for feedback after every reply. A spoken reply is at most two minutes of
audio (simulator.voice.audio): even at a fast 180 words a minute its transcript stays under
3,000 characters, so a recording the audio check accepts is never refused for the length of
its transcript. The longest reference answer in the library is 315 characters; the chat box
allowed 2,000.
"""
from __future__ import annotations

import re
import unicodedata

from .refusal import RefusedValue

REPLY_CHARS = 3_000
SCENARIO_BYTES = 1_000_000      # a scenario's YAML (the library's largest is under 20 kB)

LIMITS: dict[str, int] = {
    "reply": REPLY_CHARS,               # typed or transcribed reply, the CLI's replies, the studio's samples and try box
    "comment": 2_000,                   # a trainer's override comment
    "note": 500,                        # a scenario version's note, a sample's note
    "full_name": 200,                   # users.full_name
    "group": 100,                       # users.group_name
    "username": 64,                     # users.username
    "password": 1_024,
    "scenario_id": 100,                 # scenario_versions.scenario_id
    "title": 300,                       # scenario_versions.title
    "persona_name": 100,
    "situation": 2_000,
    "search": 200,                      # the studio's search box
    "scenario_text": SCENARIO_BYTES,    # counted in characters here; files and uploads in bytes
}
UPLOAD_BYTES = {"scenario": SCENARIO_BYTES, "trainees_csv": 1_000_000}

_SURROGATE = re.compile("[\ud800-\udfff]")
_LINE_BREAK = re.compile("\r\n?")
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")   # C0 and C1 controls but \t and \n


class TooLong(RefusedValue):
    """Over the limit: ``field`` is a key of ``LIMITS`` (``unit`` "characters", code "too_long")
    or of ``UPLOAD_BYTES`` (``unit`` "bytes", code "too_big")."""

    def __init__(self, field: str, limit: int, length: int, unit: str = "characters"):
        self.field, self.limit, self.length, self.unit = field, limit, length, unit
        super().__init__(f"{field.replace('_', ' ')} is too long: {length} {unit}, at most {limit}",
                         code="too_big" if unit == "bytes" else "too_long", field=field, length=length, limit=limit)


def clean(text: str) -> str:
    """``text`` with surrogates repaired, control characters removed and in NFC (see above)."""
    if _SURROGATE.search(text):
        text = text.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "replace")
    text = _CONTROL.sub("", _LINE_BREAK.sub("\n", text))
    return text if unicodedata.is_normalized("NFC", text) else unicodedata.normalize("NFC", text)


def broken(text: str) -> bool:
    """Whether :func:`clean` would remove or repair characters of ``text`` (NFC aside): for a
    text that must be kept exactly as given, such as a password, and is refused instead."""
    return bool(_SURROGATE.search(text) or _CONTROL.search(text) or "\r" in text)


def accept(field: str, text: str) -> str:
    """``text`` cleaned, or TooLong when it is over the limit of ``field``."""
    text = clean(text)
    limit = LIMITS[field]
    if len(text) > limit:
        raise TooLong(field, limit, len(text))
    return text


def check_upload(kind: str, size: int) -> None:
    """TooLong (in bytes) when an upload of ``kind`` is over its size, before it is read."""
    limit = UPLOAD_BYTES[kind]
    if size > limit:
        raise TooLong(kind, limit, size, "bytes")
