"""The store's own exceptions (PermissionError and ValueError are used as they are)."""
from __future__ import annotations


class NotFound(LookupError):
    """No such user, scenario version, attempt or assignment."""


class AttemptClosed(ValueError):
    """The attempt is no longer in progress (finished, or abandoned as stale)."""


class NotPublishable(ValueError):
    """The draft does not load cleanly; ``problems`` says where (``file:line: message``)."""

    def __init__(self, scenario_id: str, problems: list):
        self.problems = problems
        super().__init__(f"scenario '{scenario_id}' has {len(problems)} problem(s): " + "; ".join(map(str, problems[:3])))
