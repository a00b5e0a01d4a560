"""A refusal a user may see, carried as a code with the values it quotes, so that the edge (a
page, a command) says it in the user's language (simulator/texts/refusals.py) and never has to
recognise an English sentence.

``str()`` of a refusal is its English sentence: the command line's English, the logs and the
tests read it. Each kind is also the exception raised before codes existed (ValueError,
PermissionError, LookupError), so an ``except ValueError`` keeps catching it. The codes are
short and stable: a test checks that every code raised in the store has its words in Ukrainian
and English (tests/texts/test_refusal_codes.py)."""
from __future__ import annotations


class Refusal(Exception):
    """``code``: what was refused ("username_taken"); "" for a refusal the interface has no words
    for (it says a general message and logs the English). ``params``: the values it quotes, by
    the names its words use."""

    def __init__(self, sentence: str, *, code: str = "", **params):
        super().__init__(sentence)
        self.code = code
        self.params = params


class RefusedValue(Refusal, ValueError):
    """A value or a state the action cannot accept."""


class RefusedPermission(Refusal, PermissionError):
    """The acting user may not do this."""


class RefusedText(str):
    """A refusal's English sentence kept with its code and values, for a result that reports a
    refusal instead of raising it (a line of a CSV import)."""

    code: str
    params: dict

    def __new__(cls, refusal: BaseException) -> RefusedText:
        text = super().__new__(cls, str(refusal))
        text.code = getattr(refusal, "code", "")
        text.params = dict(getattr(refusal, "params", {}))
        return text
