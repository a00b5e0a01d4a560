"""What the validator says, in English and Ukrainian (its texts: simulator/texts/scenario_messages.py).

A check returns a :class:`Message`: a ``str`` whose text is the English wording (what
``scenarios validate`` prints and what the tests read), carrying its code and parameters so
the studio can say it in the trainer's language (:func:`in_language`). A message built
elsewhere as plain text (pydantic's own wording, say) stays as it is in both languages.
"""
from __future__ import annotations

from simulator.texts.scenario_messages import DETAIL, NONE, TEXTS


class Message(str):
    """A validator message: the English text as a ``str``, with ``code`` and ``params`` for
    :meth:`text`. A parameter given as None is said as "none" / «немає»; ``detail`` (the YAML
    reader's own words) is not translated and follows the message as a technical detail."""

    code: str
    params: dict

    def __new__(cls, code: str, **params) -> Message:
        message = super().__new__(cls, _render("en", code, params))
        message.code, message.params = code, params
        return message

    def text(self, language: str) -> str:
        """The message in ``language`` ('uk' or 'en'; any other: English)."""
        return _render(language if language in TEXTS else "en", self.code, self.params)

    def __reduce__(self):       # pickled as its code and parameters (a cache may keep problems)
        return _rebuild, (self.code, self.params)


def _rebuild(code: str, params: dict) -> Message:
    return Message(code, **params)


def _render(language: str, code: str, params: dict) -> str:
    values = {key: NONE[language] if value is None else value for key, value in params.items()}
    detail = values.pop("detail", "")
    return TEXTS[language][code].format(**values) + (DETAIL[language].format(detail=detail) if detail else "")


def in_language(message: str, language: str) -> str:
    """``message`` said in ``language`` when it is a :class:`Message`; any other text as it is."""
    return message.text(language) if isinstance(message, Message) else str(message)
