"""A step's own texts embedded ahead (simulator/scoring/warm.py): once they are, scoring a reply
there embeds only the reply's own sentences and clauses, on every path that embeds (key facts
read by meaning, closeness to the references, empathy's context, forbidden phrases read by
meaning against the reference answers' clauses)."""
from __future__ import annotations

import functools
import re

import pytest

from simulator.scoring import embeddings, scorecard, warm

pytestmark = pytest.mark.unit

# (scenario, step, reply): replies that say a forbidden phrase in other words (compliance probe 7),
# so the meaning read weighs them against the step's reference clauses, and an ordinary reply
REPLIES = [
    ("uk-payment-slip", "opening", "ну то ви ж самі це спричинили"),
    ("en-heating-discount", "opening", "Good news: anyone who heats with an electric heater is entitled to the discount, so you'll get it too."),
    ("uk-payment-slip", "opening", "Ой, розумію, зараз гляну. Там угорі ваш особовий рахунок, а внизу сума до сплати."),
    ("en-payment-slip", "opening", "um so yeah your account number is at the top and the amount to pay is at the bottom"),
]


def _words(text: str) -> set[str]:
    return set(re.findall(r"[\w'’]+", text.lower()))


def _of_the_reply(text: str, reply: str) -> bool:
    """A sentence, clause or cleaned piece of the reply (fillers dropped): its words only."""
    return _words(text) <= _words(reply)


def empty_caches(monkeypatch) -> list[str]:
    """Embeddings behind caches of their own, empty (nothing is embedded already), recording each
    text they embed; the process's caches stay as they are for the other tests."""
    seen: list[str] = []
    encode = embeddings._encode

    def cached(query: bool):
        @functools.lru_cache(maxsize=None)
        def embed(text: str):
            seen.append(text)
            return encode(text, query)
        return embed

    monkeypatch.setattr(embeddings, "passage", cached(False))
    monkeypatch.setattr(embeddings, "query", cached(True))
    return seen


@pytest.fixture()
def encoded(monkeypatch):
    return empty_caches(monkeypatch)


@pytest.mark.parametrize("scenario_id, node_id, reply", REPLIES, ids=[f"{r[0]}-{k}" for k, r in enumerate(REPLIES)])
def test_once_a_step_is_embedded_a_reply_there_embeds_only_its_own_words(library, encoded, scenario_id, node_id, reply):
    scenario = library.get(scenario_id)
    line = scenario.nodes[node_id].customer[0]
    assert warm.embed_step(scenario, node_id, line) > 0
    encoded.clear()
    turn = scorecard.score_turn(scenario, node_id, reply, customer_line=line)
    assert encoded, "the reply's own sentences are embedded"
    strangers = [text for text in encoded if not _of_the_reply(text, reply)]
    assert not strangers, f"texts of the step embedded at the reply: {strangers}"
    if reply in (REPLIES[0][2], REPLIES[1][2]):
        assert any("(meaning)" in flag.why for flag in turn.flags), turn.flags   # the path that reads the references' clauses


def test_without_the_step_embedded_the_reply_embeds_the_step_s_texts(library, encoded):
    """The check above can fail: cold, a reply embeds the references, facts and clauses too."""
    scenario_id, node_id, reply = REPLIES[1]
    scenario = library.get(scenario_id)
    scorecard.score_turn(scenario, node_id, reply, customer_line=scenario.nodes[node_id].customer[0])
    passages, queries = warm.step_texts(scenario, node_id, scenario.nodes[node_id].customer[0])
    assert set(encoded) & set(passages) and set(encoded) & set(queries)


def test_a_second_embedding_of_a_step_costs_nothing(library, encoded):
    scenario = library.get("uk-payment-slip")
    warm.embed_step(scenario, "opening")
    done = len(encoded)
    warm.embed_step(scenario, "opening")
    assert done and len(encoded) == done
