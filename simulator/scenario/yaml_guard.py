"""What a YAML text must not be before it is composed into a tree: too big, nested too
deeply, or using aliases.

libyaml builds its node tree recursively in C: 100,000 nested brackets (a 200 kB file) end
the process with a segmentation fault, which no ``except`` can catch. The parser underneath
is not recursive and hands out its events one by one, so counting the open collections on
the events finds the depth exactly (brackets inside quoted text are not counted, block
indentation and ``- - -`` are) and stops at the first level too deep, after reading only as
much of the text as it took to get there. Aliases are refused at the first one, so a
"billion laughs" text never gets the chance to grow: scenarios do not use them anyway.
"""
from __future__ import annotations

import yaml

from ..user_text import SCENARIO_BYTES
from .messages import Message

MAX_DEPTH = 40  # a scenario nests about six levels; far deeper is an accident or an attack

try:  # the libyaml parser is several times faster; the pure one gives the same events
    LOADER = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - depends on how PyYAML was built
    LOADER = yaml.SafeLoader

_OPEN = (yaml.MappingStartEvent, yaml.SequenceStartEvent)
_CLOSE = (yaml.MappingEndEvent, yaml.SequenceEndEvent)


class Refused(Exception):
    """The text cannot be parsed safely; ``line`` is 1-based."""

    def __init__(self, line: int, message: str):
        super().__init__(message)
        self.line = line
        self.message = message


def check(text: str) -> None:
    """Refused when ``text`` has more characters than a scenario file may have bytes, nests
    deeper than MAX_DEPTH or has an alias. A syntax error is left for the real parse to report, with its line."""
    if len(text) > SCENARIO_BYTES:
        raise Refused(1, Message("yaml_too_long", chars=f"{SCENARIO_BYTES:,}"))
    depth = 0
    try:
        for event in yaml.parse(text, Loader=LOADER):
            if isinstance(event, _OPEN):
                depth += 1
                if depth > MAX_DEPTH:
                    raise Refused(event.start_mark.line + 1, Message("yaml_too_deep"))
            elif isinstance(event, _CLOSE):
                depth -= 1
            elif isinstance(event, yaml.AliasEvent):
                raise Refused(event.start_mark.line + 1, Message("yaml_alias"))
    except yaml.YAMLError:
        return
