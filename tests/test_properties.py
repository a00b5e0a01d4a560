"""Property-based tests: junk in, no crash out.

What is thrown at the code: arbitrary unicode text, text built from YAML and number
fragments (so that the interesting corners are reached in 150 examples), YAML dumped
from random structures, and mutations of the real scenario files.

The crashes these tests found (and that were fixed) are kept at the end as minimal
regression tests.
"""
from __future__ import annotations

import math
import re
from pathlib import Path

import pytest
import yaml
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from simulator.library import validate
from simulator.library.loader import Problem, load_library, load_text
from simulator.scenario import conditions, yaml_lines
from simulator.scoring import numbers
from simulator.scoring.matching import Reply, Wording
from simulator.scoring.text import Normalised, normalise

ROOT = Path(__file__).resolve().parents[1]
SCENARIO = ROOT / "scenarios" / "uk" / "estimated-bill.yaml"
SCENARIO_FILES = [SCENARIO] + sorted(p for p in (ROOT / "scenarios").rglob("*.yaml") if p != SCENARIO)
SCENARIO_TEXTS = [p.read_text(encoding="utf-8") for p in SCENARIO_FILES]

PROPERTY = settings(max_examples=150, deadline=None)
LANGS = st.sampled_from(["uk", "en"])


# --- strategies -------------------------------------------------------------------------

_YAML_FRAGMENTS = [
    "id", "nodes", "title", "language", "customer", "references", "key_facts", "accept", "if", "goto",
    "a", "b", "ї", "é", "ы", ":", ": ", "- ", "-", "\n", "\n", "\n", "  ", "    ", "\t", "\r\n",
    "[", "]", "{", "}", ",", "?", "? ", "|", ">", "'", '"', "\\", "#", " #", "%", "@", "`", "!", "&",
    "---", "...", "%YAML 1.1", "&x ", "*x", "&y ", "*y", "<<: ", "!!int ", "!!float ", "!!bool ",
    "!!timestamp ", "!!str ", "!!binary ", "!!set ", "!!omap ", "!!map ", "!!seq ", "!!null ", "!foo ",
    "0", "1", "42", "-7", "1.5", "1e3", ".inf", ".nan", "0x1F", "0x_", "0b_", "0o7", "1_000", "1:30",
    "2026-02-10", "2026-13-01", "2026-02-30", "2026-02-10T10:00:00", "~", "null", "yes", "no", "on",
    "\x00", "\x85", "\u2028", "\ufeff",
]


def _joined(parts: st.SearchStrategy[str], max_size: int = 40) -> st.SearchStrategy[str]:
    return st.lists(parts, max_size=max_size).map("".join)


yamlish_text = _joined(st.one_of(st.sampled_from(_YAML_FRAGMENTS), st.text(max_size=3)))

_NUMBER_WORDS = sorted(numbers.WORDS)
_NUMBER_FRAGMENTS = _NUMBER_WORDS + sorted(numbers.CURRENCY_MAJOR | numbers.CURRENCY_MINOR) + [
    "and", "point", "кома", "цілих", "ціла", "сотих", "десятих", "тисячних", "pm", "p.m.", "a.m.", "вечора",
    "ночі", "ранку", "кВт·год", "kWh", "кіловат-годин", "%", "T1", "Т2", "t3", "Приват24", "п’ять", "пʼять",
    "п'ятниця", "сімʼя", "числа", "st", "го", "-", "/", ":", ".", ",", "#", "|", "'", "’",
]
_DIGITS = st.from_regex(r"[0-9]{1,4}([ .,:\u00a0][0-9]{1,3}){0,3}", fullmatch=True)
_SEPARATORS = st.sampled_from([" ", " ", " ", "", "-", ", ", ". ", "\n", "\u00a0"])
numberish_text = st.lists(
    st.tuples(st.one_of(st.sampled_from(_NUMBER_FRAGMENTS), _DIGITS, st.text(max_size=3)), _SEPARATORS),
    max_size=30,
).map(lambda pairs: "".join(token + sep for token, sep in pairs))

any_text = st.one_of(st.text(max_size=300), numberish_text)

_scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**6), max_value=10**20),
    st.floats(allow_nan=True, allow_infinity=True),
    st.dates(),
    st.text(max_size=30),
    numberish_text,
    st.sampled_from(
        ["uk", "en", "voice", "chat", "medium", "estimated-bill", "irritated", "female", "resolved", "escalated",
         "high", "empathy < 40", "missing x", "said x", "critical", "opening", "x", "Привіт, як справи?"]
    ),
)
_keys = st.one_of(st.sampled_from(validate.KNOWN_KEYS), st.text(max_size=10), st.integers(), st.booleans(), st.none())
structures = st.recursive(
    _scalars,
    lambda children: st.one_of(st.lists(children, max_size=4), st.dictionaries(_keys, children, max_size=5)),
    max_leaves=25,
)
scenario_like = st.dictionaries(st.sampled_from(validate.KNOWN_KEYS), structures, max_size=12)

_VALUE_LINE = re.compile(r"^(\s*(?:- )?(?:[\w-]+:[ \t]+)?)(\S.*)$")
replacement_values = st.one_of(
    st.text(alphabet=st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=20),
    st.text(alphabet="#.|:-[]{}&*!?>'\"\\ 0123456789abcxyzїєю", max_size=12),
    st.from_regex(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", fullmatch=True),
    st.integers().map(str),
    st.sampled_from(["", "~", "[]", "{}", "-", "|", ">", "null", "true", "uk", "en", "resolved", "nowhere", "x"]),
)


@st.composite
def mutated_scenarios(draw) -> str:
    """One of the real scenario files with 1-3 lines deleted, duplicated or given a new value."""
    lines = draw(st.sampled_from(SCENARIO_TEXTS)).splitlines(keepends=True)
    for _ in range(draw(st.integers(min_value=1, max_value=3))):
        if not lines:
            break
        i = draw(st.integers(min_value=0, max_value=len(lines) - 1))
        action = draw(st.sampled_from(["delete", "duplicate", "replace"]))
        if action == "delete":
            del lines[i]
        elif action == "duplicate":
            lines.insert(i, lines[i])
        else:
            candidates = [k for k, line in enumerate(lines) if _VALUE_LINE.match(line.rstrip("\n"))]
            if not candidates:
                continue
            k = draw(st.sampled_from(candidates))
            head = _VALUE_LINE.match(lines[k].rstrip("\n")).group(1)
            lines[k] = head + draw(replacement_values) + "\n"
    return "".join(lines)


# --- helpers ----------------------------------------------------------------------------

def _yaml_lines(text: str) -> int:
    """How many lines YAML sees (it also breaks lines at \\r, NEL, LS and PS)."""
    return len(re.split(r"\r\n|[\n\r\x85\u2028\u2029]", text))


def check_load_text(text: str) -> None:
    scenario, problems = load_text(text, "junk.yaml")
    assert isinstance(problems, list)
    for problem in problems:
        assert isinstance(problem, Problem)
        assert problem.file == "junk.yaml"
        assert isinstance(problem.line, int) and problem.line >= 1, problem
        assert problem.line <= _yaml_lines(text) + 1, problem
        assert isinstance(problem.message, str) and problem.message.strip(), problem
    assert (scenario is None) == bool(problems)


# --- (a) yaml_lines.load ----------------------------------------------------------------

def check_yaml_load(text: str) -> None:
    try:
        result = yaml_lines.load(text)
    except yaml_lines.YamlError as exc:
        assert isinstance(exc.line, int) and exc.line >= 1
        assert exc.message
        return
    assert isinstance(result, yaml_lines.LinedYaml)
    assert all(line >= 1 for line in result.lines.values())
    assert all(line >= 1 and message for line, message in result.duplicates)


@PROPERTY
@given(st.text(max_size=300))
def test_yaml_load_arbitrary_text(text):
    check_yaml_load(text)


@PROPERTY
@given(yamlish_text)
def test_yaml_load_yaml_fragments(text):
    check_yaml_load(text)


# --- (b) loader.load_text ---------------------------------------------------------------

def test_the_real_scenario_loads_without_problems():
    scenario, problems = load_text(SCENARIO.read_text(encoding="utf-8"), str(SCENARIO))
    assert problems == []
    assert scenario is not None and scenario.id == "uk-estimated-bill"


@PROPERTY
@given(st.one_of(st.text(max_size=300), yamlish_text))
def test_load_text_arbitrary_text(text):
    check_load_text(text)


@PROPERTY
@given(st.one_of(structures, scenario_like))
def test_load_text_yaml_of_random_structures(data):
    text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False)
    check_load_text(text)


@PROPERTY
@given(mutated_scenarios())
def test_load_text_mutated_scenario(text):
    check_load_text(text)


# --- (c) normalise ----------------------------------------------------------------------

@PROPERTY
@given(any_text, LANGS)
def test_normalise_never_raises_and_numbers_are_finite(text, lang):
    norm = normalise(text, lang)
    assert isinstance(norm, Normalised)
    for value in norm.numbers:
        assert isinstance(value, float) and math.isfinite(value)
        assert value == round(value, 2)          # compared in cents
    for place, readings in norm.said_numbers:
        assert 0 <= place <= len(norm.words)
        assert readings
    assert all(isinstance(w, str) and w for w in norm.words)


# --- (d) conditions.parse ---------------------------------------------------------------

condition_text = _joined(
    st.one_of(
        st.sampled_from(
            list(conditions.METRICS) + list(conditions.FACT_TESTS) + list(conditions.FLAGS)
            + ["<", "<=", ">", ">=", "=", "==", "and", " and ", "AND", " ", " ", "  ", "\t", "\n",
               "0", "40", "100", "101", "-5", "1.5", "x", "price", "old-price", "_", "-"]
        ),
        st.text(max_size=3),
    ),
    max_size=12,
)


@PROPERTY
@given(st.one_of(st.text(max_size=100), condition_text))
def test_condition_parse_returns_or_raises_condition_error(text):
    try:
        parsed = conditions.parse(text)
    except conditions.ConditionError as exc:
        assert str(exc)
        return
    assert isinstance(parsed, conditions.Condition)
    assert parsed.parts
    assert parsed.source == " ".join(text.split())


# --- (e) Reply.score --------------------------------------------------------------------

@PROPERTY
@given(any_text, any_text, LANGS, st.booleans(), st.booleans())
def test_reply_score_is_between_0_and_1(text, wording, lang, strict, ordered):
    score = Reply(text, lang).score(Wording.of(wording, lang), strict=strict, ordered=ordered)
    assert 0.0 <= score <= 1.0


@PROPERTY
@given(st.lists(st.tuples(st.sampled_from(_NUMBER_FRAGMENTS) | st.text(min_size=1, max_size=8), _SEPARATORS), min_size=1, max_size=6)
       .map(lambda pairs: "".join(token + sep for token, sep in pairs)), LANGS)
def test_a_short_wording_is_found_in_its_own_text(text, lang):
    """Saying exactly an accepted wording counts as saying it. Kept out: more than two
    stopwords (they widen the wording beyond its matching window)."""
    norm = normalise(text, lang)
    assume(norm.words or norm.said_numbers)
    assume(len(norm.words) - len(norm.content) <= 2)
    assert Reply(text, lang).score(Wording.of(text, lang)) == pytest.approx(1.0)


def test_a_wording_with_numbers_far_apart_is_found_in_its_own_text():
    text = "з 23 години вечора і до 7 ранку"
    assert Reply(text, "uk").says(Wording.of(text, "uk"))


# --- crashes these properties found once, kept as minimal regression tests -------------------------------------------

def test_normalise_hash_dot():
    normalise("#.", "uk")


def test_normalise_hash_bar():
    normalise("#|5", "uk")


def test_reply_with_hash_and_ellipsis():
    Reply("Номер рахунку #... зараз подивлюся", "uk").score(Wording.of("рахунок", "uk"))


def test_normalise_mixed_decimal_marks_minimal():
    normalise("1.1,1.1", "uk")


def test_reply_two_prices_without_a_space():
    Reply("Ціни 4.32,2.64 грн", "uk").score(Wording.of("4,32 грн", "uk"))


def test_normalise_many_hundreds():
    normalise("hundred " * 155, "en")


def test_load_text_reference_with_hash_dot():
    text = SCENARIO.read_text(encoding="utf-8").replace("- Розумію, що сума", "- Розумію,#. що сума")
    check_load_text(text)


def test_yaml_alias_cycle():
    check_yaml_load("&x [*x]")


def test_load_text_alias_cycle():
    check_load_text("a: &x [*x]")


def test_yaml_impossible_date():
    check_yaml_load("a: 2026-02-30")


def test_yaml_bad_hex():
    check_yaml_load("a: 0x_")


@pytest.mark.parametrize("text", ["!!int x", "!!float x", "!!bool x", "!!timestamp x"])
def test_yaml_tagged_scalar(text):
    check_yaml_load(text)


def test_yaml_deep_nesting():
    check_yaml_load("[" * 1000 + "]" * 1000)


def test_load_text_impossible_facts_as_of():
    text = SCENARIO.read_text(encoding="utf-8").replace("facts_as_of: 2026-02-10", "facts_as_of: 2026-02-30")
    check_load_text(text)


def test_library_survives_a_file_with_an_impossible_date(tmp_path):
    good = SCENARIO.read_text(encoding="utf-8")
    (tmp_path / "good.yaml").write_text(good, encoding="utf-8")
    (tmp_path / "typo.yaml").write_text(good.replace("2026-02-10", "2026-02-30").replace("uk-estimated-bill", "typo"), encoding="utf-8")
    library = load_library(tmp_path)
    assert "uk-estimated-bill" in library.scenarios
    assert any(p.file.endswith("typo.yaml") and p.line == 8 for p in library.problems)
