"""The validator's warnings for the studio's working text: what loads and plays but is probably
a mistake (every path ends 'resolved', a wrong fact's wording inside a reference answer). The
same warnings ``scenarios validate`` prints (library.lint), each with its line; the reference
answers' own scores are left to the samples bench, which takes seconds."""
from __future__ import annotations

from functools import lru_cache

from ...library.loader import Problem, load_as, warnings_in


@lru_cache(maxsize=16)      # the page reruns on every click; the text changes far less often
def of(text: str, scenario_id: str) -> tuple[Problem, ...]:
    """The warnings of ``text`` as the version of ``scenario_id``; none when the text has problems
    (they are shown instead, and a text that does not load has no warnings to give)."""
    file = f"{scenario_id}.yaml"
    scenario, problems = load_as(text, scenario_id, file)
    if scenario is None or problems:
        return ()
    return tuple(warnings_in(text, scenario, file))
