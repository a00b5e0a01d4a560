"""A step's own texts embedded before the trainee's reply to it arrives.

Scoring a reply embeds the reply (its sentences and clauses) and the step's own texts: the
reference answers and their clauses, the key facts' descriptions, the customer's line, the
forbidden phrases and wrong facts read by meaning and the sentences with no content they are
weighed against.
The step's texts are the same for every reply there, and on a cold cache they are most of the
work: at the first reply to a step, about 0.6 s of a 0.8 s score on 2 cores (bench figures in
docs/operations.md). Embedding them while the trainee reads the customer's line and thinks
(simulator.services.warming) leaves only the reply's own texts to embed when it comes.

Only the embeddings' caches (embeddings.passage, embeddings.query) are filled: no score can
change, whatever this function embeds or leaves out.
"""
from __future__ import annotations

from ..scenario.model import Scenario
from . import accuracy, compliance, embeddings
from .courtesy import NO_CONTENT


def step_texts(scenario: Scenario, node_id: str, customer_line: str | None = None) -> tuple[list[str], list[str]]:
    """The texts the scorer embeds at step ``node_id`` whatever the reply: (passages, queries).
    ``customer_line``: the line the trainee was given (one of the step's variants)."""
    node, language = scenario.nodes[node_id], scenario.language
    passages = [*node.references, *(fact.fact for fact in node.key_facts), *NO_CONTENT[language]]
    queries = [customer_line or " ".join(node.customer)]
    forbidden = [phrase for phrase in scenario.forbidden + node.forbidden if compliance._read_by_meaning(phrase, language)]
    if forbidden and node.references:       # compliance._forbidden_by_meaning
        queries += [*forbidden, *NO_CONTENT[language]]
    if node.wrong_facts and node.references:    # accuracy.wrong_margins
        queries += [*(fact.fact for fact in node.wrong_facts + node.key_facts), *NO_CONTENT[language]]
    if node.key_facts and node.references:    # accuracy.fact_margins: each fact's own clauses against the rest of the step
        queries += [*(text for targets in accuracy.fact_targets(node, language) for text in targets),
                    *(text for fact in node.wrong_facts for text in [fact.fact, *fact.accept]), *NO_CONTENT[language]]
    if (forbidden or node.wrong_facts) and node.references:    # both weigh a clause against the references' clauses
        queries += [clause for reference in node.references for clause, _ in compliance._clauses(reference)]
    return list(dict.fromkeys(passages)), list(dict.fromkeys(queries))


def embed_step(scenario: Scenario, node_id: str, customer_line: str | None = None) -> int:
    """Embed the step's own texts (cached: at once when they already are); how many texts.
    Nothing without the embedding engine."""
    if not embeddings.available():
        return 0
    passages, queries = step_texts(scenario, node_id, customer_line)
    for text in passages:
        embeddings.passage(text)
    for text in queries:
        embeddings.query(text)
    return len(passages) + len(queries)
