"""Checks a scenario can only fail as a whole: the graph, the facts, the language.

Each check returns (data path, message); the loader turns the path into a line.
"""
from __future__ import annotations

import threading
from collections import OrderedDict

from ..scenario import graph, language, memory
from ..scenario.messages import Message
from ..scenario.model import Branch, Fact, FactNote, Node, Persona, Recall, Sample, Scenario, VoiceSettings, Weights
from ..scoring import compliance
from ..scoring.accuracy import check_fact
from ..scoring.matching import Reply

KNOWN_KEYS = sorted(
    {f.alias or name for model in (Scenario, Node, Fact, Branch, Persona, VoiceSettings, Weights, Sample, Recall, FactNote)
     for name, f in model.model_fields.items()} | {"include"}
)


KEPT = 256     # scenarios whose problems are remembered (the library is about 40)
_kept: OrderedDict[str, list] = OrderedDict()
_kept_lock = threading.Lock()


def semantic(scenario: Scenario) -> list[tuple[tuple, str]]:
    """The scenario's problems. They depend on its content alone (and the scorer's code), so
    they are remembered per content: the catalogue of a new database records the library and
    then reads each version back, and the studio checks the same text again and again; the
    facts' check runs the scorer over every sample and reference (about 0.1 s a file)."""
    key = scenario.model_dump_json()
    with _kept_lock:
        if key in _kept:
            _kept.move_to_end(key)
            return list(_kept[key])
    problems = (_graph(scenario) + _branches(scenario) + _memory(scenario) + _facts(scenario) + _language(scenario)
                + _samples(scenario))
    with _kept_lock:
        _kept[key] = list(problems)
        while len(_kept) > KEPT:
            _kept.popitem(last=False)
    return problems


def _memory(scenario: Scenario) -> list[tuple[tuple, str]]:
    """A memory names an earlier node that takes a reply, and one of that node's key facts."""
    problems = []
    for name, node in scenario.nodes.items():
        for k, recall in enumerate(node.memory):
            for part in memory.parse(recall.condition):
                earlier = scenario.nodes.get(part.node)
                if earlier is None or earlier.is_end:
                    problems.append((("nodes", name, "memory", k, "if"), Message("memory_not_reply_node", node=part.node, nodes=_nodes(scenario))))
                elif part.fact not in {f.id for f in earlier.key_facts}:
                    known = ", ".join(f.id for f in earlier.key_facts) or None
                    problems.append((("nodes", name, "memory", k, "if"), Message("memory_unknown_fact", fact=part.fact, node=part.node, known=known)))
    return problems


def _graph(scenario: Scenario) -> list[tuple[tuple, str]]:
    problems = []
    if scenario.start is not None and scenario.start not in scenario.nodes:
        return [(("start",), Message("start_missing", start=scenario.start))]
    for name, node in scenario.nodes.items():
        if node.next is not None and node.next not in scenario.nodes:
            problems.append((("nodes", name, "next"), Message("node_missing", node=node.next, nodes=_nodes(scenario))))
        for k, branch in enumerate(node.branches):
            if branch.goto not in scenario.nodes:
                problems.append((("nodes", name, "branches", k, "goto"), Message("node_missing", node=branch.goto, nodes=_nodes(scenario))))
    if problems:
        return problems
    if not any(node.is_end for node in scenario.nodes.values()):
        problems.append((("nodes",), Message("no_end")))
    reachable = graph.reachable(scenario)
    for name in scenario.nodes:
        if name not in reachable:
            problems.append((("nodes", name), Message("unreachable", node=name, start=scenario.start_node)))
    ending = graph.can_end(scenario)
    for name in scenario.nodes:
        if name in reachable and name not in ending:
            problems.append((("nodes", name), Message("never_ends", node=name)))
    return problems


def _branches(scenario: Scenario) -> list[tuple[tuple, str]]:
    problems = []
    for name, node in scenario.nodes.items():
        if not node.branches:
            continue
        defaults = [k for k, b in enumerate(node.branches) if b.condition is None]
        if not defaults:
            problems.append((("nodes", name, "branches"), Message("no_default_branch")))
        elif defaults[0] != len(node.branches) - 1:
            problems.append((("nodes", name, "branches", defaults[0] + 1), Message("branch_never_taken")))
        key_ids = {f.id for f in node.key_facts}
        wrong_ids = {f.id for f in node.wrong_facts}
        for k, branch in enumerate(node.branches):
            parsed = branch.parsed
            for test, fact_id in parsed.fact_ids() if parsed else []:
                known = wrong_ids if test == "wrong" else key_ids
                if fact_id not in known:
                    kind = "wrong_facts" if test == "wrong" else "key_facts"
                    problems.append((("nodes", name, "branches", k, "if"), Message("branch_unknown_fact", fact=fact_id, kind=kind, known=", ".join(sorted(known)) or None)))
    return problems


def _facts(scenario: Scenario) -> list[tuple[tuple, str]]:
    problems = []
    lang = scenario.language
    for name, node in scenario.nodes.items():
        replies = [Reply(text, lang) for text in node.references]
        for k, fact in enumerate(node.key_facts):
            if replies and not any(check_fact(reply, fact, lang).said for reply in replies):
                problems.append((("nodes", name, "key_facts", k), Message("fact_not_in_references", fact=fact.id)))
        for k, reply in enumerate(replies):
            for fact in node.wrong_facts:
                if check_fact(reply, fact, lang, statement=True).said:
                    problems.append((("nodes", name, "references", k), Message("reference_states_wrong", fact=fact.id)))
            # the word lists only: the learned reader would embed every reference at each library load
            # (minutes on two cores), and the library's references are rows it was fitted to pass
            for flag in compliance.check(reply, lang, scenario.forbidden + node.forbidden, learned=False):
                problems.append((("nodes", name, "references", k), Message("reference_contains", phrase=flag.phrase, kind=flag.kind)))
    return problems


def _language(scenario: Scenario) -> list[tuple[tuple, str]]:
    texts: list[tuple[tuple, str]] = [(("title",), scenario.title), (("situation",), scenario.situation)]
    texts += [(("silence_prompt", k), t) for k, t in enumerate(scenario.silence_prompt)]
    for name, node in scenario.nodes.items():
        base = ("nodes", name)
        texts += [(base + ("references", k), t) for k, t in enumerate(node.references)]
        texts.append((base + ("hint",), node.hint))
        for group in ("key_facts", "wrong_facts"):
            for k, fact in enumerate(getattr(node, group)):
                texts.append((base + (group, k, "fact"), fact.fact))
                texts += [(base + (group, k, "accept", j), t) for j, t in enumerate(fact.accept)]
    problems = []
    for path, text in texts:
        message = language.problem(text, scenario.language)
        if message:
            problems.append((path, message))
    for name, node in scenario.nodes.items():  # the customer may switch language where the node says so
        said = [(("nodes", name, "customer", k), t) for k, t in enumerate(node.customer)]
        said += [(("nodes", name, "memory", k, "customer"), t) for k, recall in enumerate(node.memory) for t in recall.customer]
        for path, text in said:
            message = language.problem(text, scenario.language, node.customer_language)
            if message:
                problems.append((path, message))
    return problems


def _samples(scenario: Scenario) -> list[tuple[tuple, str]]:
    return [(("samples", k, key), message) for k, sample in enumerate(scenario.samples) for key, message in sample_problems(scenario, sample)]


def sample_problems(scenario: Scenario, sample: Sample) -> list[tuple[str, str]]:
    """What is wrong with one sample, as (its key, message). The studio checks a sample
    typed in the app with the same function before scoring it."""
    problems = []
    node_problem = reply_node_problem(scenario, sample.node)
    if node_problem:
        problems.append(("node", node_problem))
    if not sample.reply.strip():
        problems.append(("reply", Message("sample_empty")))
    else:
        message = language.problem(sample.reply, scenario.language)
        if message:
            problems.append(("reply", message))
    return problems


def reply_node_problem(scenario: Scenario, node_id: str) -> str | None:
    """Why a reply cannot be scored at ``node_id`` (no such node, or an end node); None if it can."""
    takes_reply = ", ".join(scenario.reply_nodes)
    node = scenario.nodes.get(node_id)
    if node is None:
        return Message("reply_node_missing", node=node_id, nodes=takes_reply)
    if node.is_end:
        return Message("reply_node_is_end", node=node_id, end=node.end, nodes=takes_reply)
    return None


def _nodes(scenario: Scenario) -> str:
    return ", ".join(scenario.nodes)
