"""The tenth accuracy probe (tests/scoring/data/accuracy_probe10.yaml, issue 9, session 18): new
replies to the library's scenarios, rated by the rubric before the scorer ran on them, aimed at the
classes of the dev split's accuracy disagreements: key facts in other words, figures, dates and
prices said in words, key or wrong facts under a negation, key facts only supposed or hedged, the
right gist said vaguely, wrong facts in other words and replies that answer another question. Read
on the rubric's scale as probe 5 reads it."""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from simulator.scoring.matching import Reply, Wording, corrected, is_negation
from tests.scoring.test_accuracy_probe5 import RATING, assert_rated, cases

PROBE = yaml.safe_load((Path(__file__).parent / "data" / "accuracy_probe10.yaml").read_text(encoding="utf-8"))
# Replies the scorer still rates wrong, with why (strict: when a fix makes one right, it fails here
# and comes off this list). Keyed by the reply's first 40 characters.
PARAPHRASE = ("a key fact in other words with no wording of it («продиктуйте поточні цифри», «куди їм звернутися», 'read me "
              "what the meter shows', 'bring the amount in line'): its clause comes closer to it than to the rest of the "
              "node by less than accuracy.FACT_FULL, so the reply stays in the 1 band (FACT_FULL .05 was tried: dev +.001, "
              "probes 5-9 net 0, dropped)")
WRONG_WORDS = ("a wrong fact in other words («світло повернуть самі», 'come back on its own', 'the overall figure'): no clause "
               "comes closer to it than to the right things by accuracy.WRONG_MEANING_MARGIN, and a key fact's gist or "
               "its words («все сплатили», 'your account number') lift the reply into the 1 band")
HEDGED = ("'maybe it was us' hedged («не можу сказати напевно, що це були не наші»): no key fact, but meaning credit for both "
          "key facts (~.2 each) and closeness to the references leave it just above 25")
KNOWN = {
    'Показників за січень ми не отримали, тож': PARAPHRASE,
    'Лічильник належить мережевій компанії, Д': PARAPHRASE,
    'Т1 — це нічна зона, а Т2 — денна. Переда': "zones swapped: bindings.swapped contradicts T2 only; T1's gist («денна» of "
    "«Т2 — денна») earns half, and 'both' is said, so one contradiction (WRONG_FACT_PENALTY) leaves 37",
    'Раз ви все сплатили, більше нічого робит': WRONG_WORDS,
    'Не можу сказати напевно, що це були не н': HEDGED,
    'Since no reading reached us, the system ': PARAPHRASE,
    "We don't decide the subsidy amount; that": "the supplier's part said in a negated clause earns NEGATED_SHARE, even for a "
    "fact described with a negation (probe 9's rule; making it full moved dev by +.0001 only, so it was kept)",
    'Just give me the overall figure from the': WRONG_WORDS,
    "Since you've paid everything, there's no": WRONG_WORDS,
    "I can't say for sure it wasn't one of ou": HEDGED,
}


def test_the_probe_is_balanced():
    """At least 20 replies in each language, the same number in both, and every rating in each."""
    counts = {}
    for language in ("uk", "en"):
        mine = [item for item in PROBE if item["scenario"].startswith(language)]
        assert len(mine) >= 20
        assert {item["rating"] for item in mine} == set(RATING)
        counts[language] = len(mine)
    assert counts["uk"] == counts["en"]


def test_the_known_failures_are_the_probe_s():
    assert set(KNOWN) <= {item["reply"][:40] for item in PROBE}


@pytest.mark.parametrize("item", cases(PROBE, KNOWN))
def test_each_reply_gets_the_qa_lead_s_rating(library, item):
    assert_rated(library, item)


# --- the general rules the dev split's disagreements led to (session 18) ---------------------------

@pytest.mark.parametrize(("language", "text", "meant"), [
    ("en", "there's, er, no payment plan for reconnection, it has to be the whole debt.",
     "there's, er, no payment plan for reconnection, it has to be the whole debt."),
    ("en", "it counts from ten, um, no, from eleven", "it counts from eleven"),
    ("uk", "з двадцять другої, ой ні, з двадцять третьої", "з двадцять третьої"),
])
def test_a_no_run_on_into_what_it_denies_is_no_correction(language, text, meant):
    """A «ні», "no" after a hesitation is a correction when set off («ой, ні, …», "um, no, …"); run
    on into the next word of a punctuated reply it is the determiner of what it denies."""
    assert corrected(text, language) == meant


def test_a_wording_under_a_negated_verb_of_saying_is_not_stated():
    """«Я не кажу, що оплати не було: …» does not state «оплати не було» (a form of «казати» the list lacked)."""
    assert not Reply("Я не кажу, що оплати не було: платіж зараховується в день надходження коштів.", "uk").states(
        Wording.of("оплати не було", "uk"))
    assert Reply("Кажу вам: оплати не було.", "uk").states(Wording.of("оплати не було", "uk"))


def test_a_negating_pronoun_with_is_negates():
    assert is_negation("nothing's") and is_negation("nobody's") and not is_negation("it's")
    assert not Reply("Nothing's been cancelled.", "en").states(Wording.of("cancelled", "en"))


@pytest.mark.parametrize(("language", "text", "wording", "stated"), [
    ("uk", "Пік з 8 до 11 і з 20 до 22.", "з 22:00", False),
    ("uk", "Ніч у вас з 22:00 до 7:00.", "з 22:00", True),
    ("en", "Peak is from 20:00 to 22:00.", "from 22:00", False),
    ("en", "Night is from 22:00 to 7:00.", "from 22:00", True),
    ("uk", "Переоформити договір можна тільки після сплати боргу.", "після сплати боргу", True),
])
def test_a_statement_s_preposition_of_a_number_comes_just_before_it(language, text, wording, stated):
    """A wrong fact «з 22:00» is not the «з» of «з 20 до 22» (dev: a right three-zone answer capped)."""
    assert Reply(text, language).states(Wording.of(wording, language)) is stated
