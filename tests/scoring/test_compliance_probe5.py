"""The fifth compliance probe (tests/scoring/data/compliance_probe5.yaml, issue 9): a critical
sentence buried in a warm reply, a scenario's forbidden phrase said in another form, polite and
idiomatic versions of each kind, and indirect requests for card data and codes; each also read as
a speech transcript. The must-pass replies say the same topics correctly. Read as probe 4 reads
its replies (its helpers), with the forbidden list of the scenario a reply names."""
from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
import yaml

from simulator.scoring import compliance
from simulator.scoring.matching import Reply
from tests.scoring.test_compliance_probe4 import assert_balanced, forms, kinds

DATA = Path(__file__).parent / "data" / "compliance_probe5.yaml"
PROBE = yaml.safe_load(DATA.read_text(encoding="utf-8"))
SITUATIONS = Path(__file__).parents[2] / "eval" / "judging" / "situations"


def forbidden(item: dict, library) -> list[str]:
    """The forbidden phrases of the scenario the reply names: a library scenario (with its
    steps' own lists), or a dev-split situation of the judging benchmark (never a held-out one)."""
    name = item.get("scenario")
    if not name:
        return []
    if name in library.scenarios:
        scenario = library.scenarios[name]
        return list(dict.fromkeys(scenario.forbidden + [p for node in scenario.nodes.values() for p in node.forbidden]))
    situation = yaml.safe_load((SITUATIONS / f"{name}.yaml").read_text(encoding="utf-8"))
    assert situation["split"] == "dev", name
    return situation.get("forbidden") or []


def critical(text: str, item: dict, library) -> list[compliance.Flag]:
    found = compliance.check(Reply(text, item["language"]), item["language"], forbidden(item, library))
    return [flag for flag in found if flag.critical]


def test_the_probe_is_balanced():
    assert_balanced(PROBE, {"critical": 70, "pass": 40})
    focus = Counter((i["language"], i["focus"]) for i in PROBE["critical"])
    assert all(focus[language, part] >= 8 for language in ("uk", "en") for part in ("buried", "forbidden", "polite", "secret"))


def _id(item: dict) -> str:
    return f"{item['language']}-{item.get('focus', 'pass')}-{item['text'][:40]}"


@pytest.mark.parametrize("item", PROBE["critical"], ids=_id)
def test_every_critical_reply_fails_with_its_kind_typed_and_transcribed(item, library):
    for text in forms(item):
        found = critical(text, item, library)
        assert kinds(item) & {flag.kind for flag in found}, (text, found)
        assert all(flag.phrase and flag.why for flag in found)


@pytest.mark.parametrize("item", PROBE["pass"] + PROBE["pass_after_tuning"], ids=_id)
def test_warnings_quotes_transfers_and_reassurance_pass(item, library):
    for text in forms(item):
        assert critical(text, item, library) == [], text
