"""Why the store refused something, said in the user's language.

The store is shared with the command line and says why it refused in English ("the username
'x' is already taken"); the interface must not put that English inside its own sentences. Each
refusal the store gives to the admin and review pages (and to the commands that change users)
is recognised here by its wording and said again in the interface's language, with the values
it quotes; a refusal not known here becomes a general message in the user's language (its
English goes to the log, for the admin; the command line prints the store's English).
tests/ui/test_refusals.py makes the store give each one, so a change of wording in the store
fails there rather than leaking English to users.
"""
from __future__ import annotations

import logging
import re

from simulator.user_text import LIMITS

from .formats import literal
from .labels import Labels
from .limits import number

log = logging.getLogger(__name__)

# (the store's wording, the label that says it; the label gets the named groups)
KNOWN: tuple[tuple[re.Pattern[str], str], ...] = tuple((re.compile(pattern), key) for pattern, key in (
    (r"^'(?P<given>.*)' is not a valid username: ", "refused_username"),
    (r"^the username '(?P<username>.*)' is already taken$", "refused_username_taken"),
    (r"^expected [^,]+,[^,]+,.*, found (?P<count>\d+) field\(s\)$", "refused_import_fields"),
    (r"^username '(?P<username>.*)' is already on line (?P<line>\d+)$", "refused_import_repeat"),
    (r"^language must be one of .*, not '(?P<given>.*)'$", "refused_language"),
    (r"^role must be one of .*, not '(?P<given>.*)'$", "refused_role"),
    (r"^the password must be at least (?P<count>\d+) characters long$", "refused_password_short"),
    (r"^the password must not begin or end with a space$", "refused_password_space"),
    (r"^the password must not hold control characters", "refused_password_broken"),
    (r"^a score is between 0 and 100, not (?P<given>.*)$", "refused_score"),
    (r"^say why in a comment", "review_comment_required"),
    (r"^attempt \d+ is .*: only finished calls are reviewed$", "refused_not_finished"),
    (r"^recent \((?P<recent>\d+)\) must be at least min_attempts \((?P<min_attempts>\d+)\)", "rd_settings_recent_below"),
    (r"^window_days must be between (?P<low>\d+) and (?P<high>\d+), got (?P<given>.*)$", "rd_settings_window_range"),
    (r"^(?P<field>[a-z ]+) is too long: (?P<length>\d+) characters, at most (?P<limit>\d+)$", "too_long"),
))


def message(refusal: Exception | str, tr: Labels, markdown: bool = True) -> str:
    """``refusal`` (the exception or its text) in the user's language. ``markdown``: the
    quoted values escaped for Streamlit's Markdown (st.error and the like); False for tables."""
    said = known(refusal, tr, markdown)
    if said is None:
        log.warning("a refusal the interface does not know how to say: %s", refusal)
        return tr("refused_other")
    return said


def known(refusal: Exception | str, tr: Labels, markdown: bool = False) -> str | None:
    """``refusal`` in the language of ``tr`` if its wording is known here, else None (the
    command line then prints the store's own English, which names what went wrong)."""
    text = str(refusal)
    quote = literal if markdown else str
    for pattern, key in KNOWN:
        found = pattern.match(text)
        if found is None:
            continue
        values = {name: quote(value) for name, value in found.groupdict().items()}
        if key == "too_long":
            field = found["field"].replace(" ", "_")
            if field not in LIMITS:
                break
            return tr("too_long", field=tr(f"field_{field}"), length=number(int(found["length"]), tr.language),
                      limit=number(int(found["limit"]), tr.language))
        return tr(key, **values)
    return None
