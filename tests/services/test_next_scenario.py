"""next_scenario.suggest: assignments first, then what is not passed yet, the same topic at the
level that fits; never the scenario just played, nor one in another language."""
from __future__ import annotations

import datetime as dt

from simulator.services.next_scenario import suggest


def test_what_comes_next(library):
    played = library.get("en-payment-slip")         # billing, easy

    def like(name, **changes):
        return played.model_copy(update={"id": name, "title": name, **changes})

    harder = like("harder", difficulty="medium")
    hardest = like("hardest", difficulty="hard")
    same_level = like("same-level")
    other_topic = like("other-topic", category="outage" if played.category != "outage" else "billing")
    ukrainian = like("ukrainian", language="uk", difficulty="medium")
    offered = [played, hardest, other_topic, same_level, harder, ukrainian]
    nothing = {"passed": set(), "tried": set(), "assigned": {}}

    assert suggest(played, True, offered, **nothing) == harder           # passed: one level up, same topic
    assert suggest(played, False, offered, **nothing) == same_level      # failed: the same level
    assert suggest(played, False, offered, **{**nothing, "tried": {"same-level"}, "passed": {"harder"}}) == same_level
    assert suggest(played, True, offered, **{**nothing, "passed": {"harder", "same-level", "hardest"}}) == other_topic
    assigned = {"hardest": dt.date(2026, 1, 10), "other-topic": dt.date(2026, 1, 2), "ukrainian": dt.date(2025, 1, 1)}
    assert suggest(played, True, offered, **{**nothing, "assigned": assigned}) == other_topic   # soonest due, same language
    every = {s.id for s in offered}
    assert suggest(played, True, offered, **{**nothing, "passed": every}) is None
