"""Where a cohort leaves the good path: shares per branch and the facts most missed per node."""
from __future__ import annotations

from simulator.services.learning.cohort import cohort_map
from tests.services.learning.learning_helpers import call, fork, score


def test_shares_are_of_the_calls_that_reached_the_node():
    scenario = fork()
    calls = [
        call(("opening", score(said=())), ("ask-date", score()), ("wrap", score(facts=()))),
        call(("opening", score(said=())), ("ask-date", None)),                   # silent at ask-date, and left
        call(("opening", score()), ("wrap", score(facts=()))),
        call(("retired-node", score())),                                        # a node this version no longer has
    ]
    result = cohort_map(scenario, calls, reference=["opening", "wrap", "done"])
    assert result.attempts == 3
    assert result.nodes["opening"].reached == 3 and result.nodes["ask-date"].reached == 2
    assert result.edge("opening", "ask-date").taken == 2
    assert result.edge("opening", "ask-date").share(result.nodes["opening"].reached) == 2 / 3
    assert result.edge("opening", "wrap").share(3) == 1 / 3
    assert result.edge("ask-date", "wrap").taken == 1 and result.nodes["done"].reached == 2
    assert result.nodes["opening"].missed == [("не пізніше 20 числа", 2)]
    assert result.nodes["ask-date"].missed == []                    # a silence misses nothing
    assert result.nodes["wrap"].missed == [] and result.edge("opening", "wrap").reference
    assert result.edge("opening", "angry").share(result.nodes["angry"].reached) is None


def test_the_most_missed_come_first_and_only_the_top_few():
    scenario = fork()
    many = score(said=(), facts=("by-20th", "a", "b", "c"))
    calls = [call(("opening", many)), call(("opening", score(said=("by-20th",), facts=("by-20th", "a", "b"))))]
    missed = cohort_map(scenario, calls, top=2).nodes["opening"].missed
    assert missed == [("a", 2), ("b", 2)]
