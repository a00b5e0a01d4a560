"""The seventh compliance probe (tests/scoring/data/compliance_probe7.yaml, issue 9): a library
scenario's own forbidden phrase said in clearly other words, each also read as a speech transcript,
and the near misses a QA lead passes (the phrase negated or advised against, the customer quoted,
the operator's own next step, the same topic said helpfully). Read with the scenario's forbidden
list and, for the reading by meaning, all its steps' reference answers (a reply here answers no
one step; all of them is the stricter contrast)."""
from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
import yaml

from simulator.scoring import compliance
from simulator.scoring.matching import Reply
from tests.scoring.test_compliance_probe4 import assert_balanced, forms, kinds
from tests.scoring.test_compliance_probe5 import forbidden

PROBE = yaml.safe_load((Path(__file__).parent / "data" / "compliance_probe7.yaml").read_text(encoding="utf-8"))

# Still missed in at least one form, by the start of the reply: "Everyone with a heater gets the
# discount" in other words, which the small embedding model (multilingual-e5-small) does not bring
# closer to the phrase than to the scenario's own right answers on the same topic (the heating
# discount). Session 15's families and blame and deflection wordings read the rest.
UNREAD = {
    'Good news: anyone who heats with an electric hea',
    "oh yes if you've got a heater of any kind you qu",
}
# Near misses the checker fails: none since the learned reader skips what quotes the customer.
OVERREAD: set[str] = set()


def critical(text: str, item: dict, library) -> list[compliance.Flag]:
    scenario = library.scenarios[item["scenario"]]
    references = [reference for node in scenario.nodes.values() for reference in node.references]
    # probe 10 names a new phrase a trainer adds to the scenario's list
    phrases = forbidden(item, library) + ([item["forbidden"]] if item.get("forbidden") else [])
    found = compliance.check(Reply(text, item["language"]), item["language"], phrases, references=references)
    return [flag for flag in found if flag.critical]


def assert_fails(item: dict, library) -> None:
    """The critical reply fails the call under its kind, typed and as a transcript, each flag saying what and why."""
    for text in forms(item):
        found = critical(text, item, library)
        assert kinds(item) & {flag.kind for flag in found}, (text, found)
        assert all(flag.phrase and flag.why for flag in found)


def assert_passes(item: dict, library) -> None:
    """The near miss raises nothing critical, typed and as a transcript."""
    for text in forms(item):
        assert critical(text, item, library) == [], text


def _id(item: dict) -> str:
    return f"{item['language']}-{item['channel']}-{item['text'][:40]}"


def _marked(items: list[dict], known: set[str], reason: str) -> list:
    return [pytest.param(item, id=_id(item), marks=pytest.mark.xfail(strict=True, reason=reason))
            if any(item["text"].startswith(start) for start in known) else pytest.param(item, id=_id(item))
            for item in items]


def probe_tests(probe: dict, unread: set[str], overread: set[str], unread_reason: str):
    """The two tests of a compliance probe from probe 8 on, for its module to bind at top level:
    each critical reply fails the call typed and transcribed, each near miss passes; the replies
    ``unread`` / ``overread`` (by their start) are strict xfails with the reason given."""
    @pytest.mark.parametrize("item", _marked(probe["critical"], unread, unread_reason))
    def test_a_critical_reply_fails_typed_and_transcribed(item, library):
        assert_fails(item, library)

    @pytest.mark.parametrize("item", _marked(probe["pass"] + probe["pass_after_tuning"], overread, "a near miss read as critical"))
    def test_near_misses_pass(item, library):
        assert_passes(item, library)

    return test_a_critical_reply_fails_typed_and_transcribed, test_near_misses_pass


def test_the_probe_is_balanced():
    assert_balanced(PROBE, {"critical": 80, "pass": 60})
    assert all(item.get("scenario") for part in ("critical", "pass") for item in PROBE[part])
    assert Counter(item["focus"] for item in PROBE["critical"]) == {"meaning": len(PROBE["critical"])}


@pytest.mark.parametrize("item", _marked(PROBE["critical"], UNREAD, "said in other words the embedding reading does not reach"))
def test_a_forbidden_phrase_in_other_words_fails_typed_and_transcribed(item, library):
    assert_fails(item, library)


@pytest.mark.parametrize("item", _marked(PROBE["pass"] + PROBE["pass_after_tuning"], OVERREAD, "the learned reader reads a quote of the customer as blame"))
def test_near_misses_pass(item, library):
    assert_passes(item, library)
