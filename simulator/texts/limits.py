"""The message when a text or a file is over its limit (simulator.user_text), in the user's
language, naming the field and the limit.

Widgets get no ``max_chars`` (the chat box aside): Streamlit cuts a longer value to it without
a word, and the browser cuts a paste. The services check instead, and a refused text stays in
its box to be shortened."""
from __future__ import annotations

import math

from simulator.user_text import UPLOAD_BYTES, TooLong

from .labels import Labels


def message(refused: TooLong, tr: Labels, file: str = "") -> str:
    """What to tell the user about ``refused``; ``file``: the upload's name, for a file."""
    if refused.unit == "bytes":
        return tr("too_big", file=file or tr(f"field_{refused.field}"), size=size(refused.length, tr.language),
                  limit=size(UPLOAD_BYTES[refused.field], tr.language))
    return tr("too_long", field=tr(f"field_{refused.field}"), length=number(refused.length, tr.language),
              limit=number(refused.limit, tr.language))


def number(value: int, language: str) -> str:
    """3 000 in Ukrainian (a no-break space between thousands), 3,000 in English."""
    return f"{value:,}".replace(",", "\u00a0" if language == "uk" else ",")


def size(value: int, language: str) -> str:
    """A file size in kB or MB (decimal units, as file managers show them), rounded up so that a
    file just over a limit never reads as the limit: 59,6 МБ / 59.6 MB."""
    amount, unit = (value / 1_000_000, "MB") if value >= 1_000_000 else (value / 1_000, "kB")
    text = f"{math.ceil(amount * 10) / 10:.1f}".removesuffix(".0")
    if language == "uk":
        return f"{text.replace('.', ',')} {'МБ' if unit == 'MB' else 'кБ'}"
    return f"{text} {unit}"
