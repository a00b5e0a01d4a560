"""The customer's next line known before the reply is scored (hands-free calls play it while
the reply is still being heard): it must be exactly the line the engine then asks, and
foreseeing it must not change which line that is."""
from __future__ import annotations

from simulator.call.clock import ManualClock
from simulator.call.engine import Call


def _at(scenario, node_id: str, seed: int) -> Call:
    """A call whose current turn is at ``node_id`` (reached by jumping there, as the tests
    only care about what comes after it)."""
    call = Call(scenario, ManualClock(), seed=seed, scorer=lambda *args, **kwargs: None)    # next: ignores the score
    call.node_id = node_id
    call.current.node_id = node_id
    return call


def test_a_next_line_is_foreseen_exactly(library):
    scenario = library.get("en-payment-not-credited")
    node = scenario.nodes["identity"]
    target = scenario.nodes[node.next]
    assert node.next and not target.is_end and not target.memory
    lines = set()
    for seed in range(12):
        call = _at(scenario, "identity", seed)
        foreseen = call.foreseen_line()
        assert foreseen is not None
        assert call.foreseen_line() == foreseen            # peeking twice changes nothing
        call.reply("I'm sorry to hear that. Could you give me your account number, please?")
        assert (call.current.customer_line, call.current.mood) == foreseen
        lines.add(foreseen[0])
    assert lines <= set(target.customer)


def test_no_line_is_foreseen_where_the_score_decides(library):
    scenario = library.get("uk-payment-slip")
    assert scenario.nodes["opening"].branches
    assert _at(scenario, "opening", 0).foreseen_line() is None                   # branches
    ending = next((s, n) for s in library.scenarios.values() for n in s.reply_nodes
                  if s.nodes[n].next and s.nodes[s.nodes[n].next].is_end)
    assert _at(ending[0], ending[1], 0).foreseen_line() is None                 # the call ends there
    recall = next(node.memory[0] for s in library.scenarios.values() for node in s.nodes.values() if node.memory)
    scenario = library.get("en-payment-not-credited")
    target = scenario.nodes["identity"].next
    remembering = scenario.model_copy(update={"nodes": {**scenario.nodes,
                                                        target: scenario.nodes[target].model_copy(update={"memory": [recall]})}})
    assert _at(remembering, "identity", 0).foreseen_line() is None             # a memory may change the line


def test_the_line_after_a_provisional_score_is_the_line_the_reply_brings(library):
    """At steps whose next line the score decides, the line guessed from the reply's text
    (scored as it stands, then routed and peeked) is the line the engine then asks, for a
    good reply and a bad one, with memories counting the guessed score."""
    from simulator.scoring.scorecard import score_turn

    checked = 0
    for scenario_id in ("uk-payment-slip", "en-payment-not-credited"):
        scenario = library.get(scenario_id)
        for node_id in scenario.reply_nodes:
            node = scenario.nodes[node_id]
            for reply in (min(node.references, key=len), "Не знаю." if scenario.language == "uk" else "No idea."):
                call = Call(scenario, ManualClock(), seed=checked, scorer=score_turn)
                call.node_id = call.current.node_id = node_id
                guessed = call.next_line(call.provisional(reply))
                assert call.foreseen_line() in (None, guessed)
                call.reply(reply)
                assert guessed == (None if call.finished else (call.current.customer_line, call.current.mood)), node_id
                checked += 1
    assert checked > 12
    assert _at(library.get("uk-payment-slip"), "opening", 0).provisional("  ") is None
