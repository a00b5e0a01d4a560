"""A call embeds the texts of the step the trainee answers next in the background
(simulator/services/warming.py): when it starts, and when a reply brings a new step. A call with
a scorer of its own (a test's, a tuning's stand-in) embeds nothing ahead."""
from __future__ import annotations

import pytest

from simulator.call.clock import ManualClock
from simulator.scoring import warm
from simulator.services import warming
from simulator.services.practice import PracticeSession
from tests.conftest import MINI
from tests.scoring.test_warm import empty_caches
from tests.services.test_practice import COLD_NO_FACT, anna  # noqa: F401
from tests.store.store_db import database_url, fast_passwords, make_user, postgres_server, store  # noqa: F401


@pytest.fixture()
def embedded(monkeypatch):
    """The texts embedded from now on, in any thread, behind empty caches of their own."""
    seen = empty_caches(monkeypatch)
    yield seen
    assert warming.wait(120)      # the background thread is done with them before they go


def _ready(scenario, node_id: str, line: str, embedded: list[str]) -> bool:
    """Every text of the step is embedded already: embedding it again embeds nothing."""
    before = len(embedded)
    warm.embed_step(scenario, node_id, line)
    return len(embedded) == before


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)     # the database plays no part
def test_the_step_answered_next_is_embedded_before_the_reply(store, anna, mini, embedded):
    session = PracticeSession.start(store, anna, mini, MINI, "practice", 2, clock=ManualClock())
    assert warming.wait(120)
    passages, queries = warm.step_texts(mini, "opening", session.customer_line)
    assert set(passages + queries) <= set(embedded)
    assert _ready(mini, "opening", session.customer_line, embedded)

    session.reply_text(COLD_NO_FACT)
    assert not session.finished
    assert warming.wait(120)
    assert _ready(mini, session.call.current.node_id, session.customer_line, embedded)


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
def test_a_call_with_its_own_scorer_embeds_nothing_ahead(store, anna, mini, embedded):
    from simulator.scoring.scorecard import score_turn

    def scorer(*args, **kwargs):
        return score_turn(*args, **kwargs)

    PracticeSession.start(store, anna, mini, MINI, "practice", 2, clock=ManualClock(), scorer=scorer)
    assert warming.wait(120)
    assert embedded == []
