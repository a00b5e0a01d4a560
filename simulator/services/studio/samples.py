"""The test bench: a scenario's sample replies scored at their nodes by the real scorer.

A trainer keeps a great, an average and a poor reply per node in the scenario file
(`samples:`, see docs/authoring.md). Scoring them again after an edit shows whether the
references and facts still rank replies the way the trainer expects, before the scenario
reaches trainees. Replies are scored as if given on time (the scorer's default, as in
`python -m simulator score`), so the time score never hides a change in accuracy or empathy.
"""
from __future__ import annotations

from dataclasses import dataclass

from ...library.validate import reply_node_problem
from ...scenario.model import Sample, Scenario
from ...scoring.accuracy import FactCheck
from ...scoring.compliance import Flag
from ...scoring.marks import points, reaches
from ...scoring.scorecard import TurnScore, score_turn
from ...texts.sample_messages import LABELS, MESSAGES

RANK = {"poor": 0, "average": 1, "great": 2}
CHANGE_POINTS = 5  # a change in a sample's overall score this big is worth the trainer's attention
SNIPPET_CHARS = 60


@dataclass(frozen=True)
class ReplyResult:
    """One reply scored at one node, with the evidence the scorer found."""

    node: str
    reply: str
    pass_mark: int
    score: TurnScore

    @property
    def overall(self) -> float:
        return self.score.overall

    @property
    def accuracy(self) -> float:
        return self.score.accuracy.score

    @property
    def empathy(self) -> float:
        return self.score.empathy.score

    @property
    def time(self) -> float:
        return self.score.time.score

    @property
    def passes(self) -> bool:
        """Would this reply pass: at least the pass mark and nothing critical."""
        return reaches(self.overall, self.pass_mark) and not self.critical

    @property
    def facts_said(self) -> list[FactCheck]:
        return [f for f in self.score.accuracy.facts if f.said]

    @property
    def facts_missing(self) -> list[FactCheck]:
        return [f for f in self.score.accuracy.facts if not f.said]

    @property
    def wrong_facts(self) -> list[FactCheck]:
        return list(self.score.accuracy.wrong)

    @property
    def helped(self) -> list[str]:
        return list(self.score.empathy.helped)

    @property
    def hurt(self) -> list[str]:
        return list(self.score.empathy.hurt)

    @property
    def critical(self) -> list[Flag]:
        return [f for f in self.score.flags if f.critical]

    @property
    def closest_reference(self) -> str:
        return self.score.accuracy.closest_reference

    @property
    def feedback(self) -> list[str]:
        """The feedback lines a trainee would see, in the scenario's language."""
        return list(self.score.feedback)

    def to_dict(self) -> dict:
        return {**self.score.to_dict(), "pass_mark": self.pass_mark, "passes": self.passes}


@dataclass(frozen=True)
class SampleResult(ReplyResult):
    label: str
    note: str = ""

    @property
    def key(self) -> tuple[str, str, str]:
        """What identifies a sample across two runs of the bench."""
        return self.node, self.label, self.reply

    @property
    def expected(self) -> bool | None:
        """Does the score meet the label's expectation (great passes, poor does not)?
        None for 'average', which is only expected to sit between the two."""
        if self.label == "great":
            return self.passes
        if self.label == "poor":
            return not self.passes
        return None

    def to_dict(self) -> dict:
        return {**super().to_dict(), "label": self.label, "note": self.note, "expected": self.expected}


def score_reply(scenario: Scenario, node: str, text: str) -> ReplyResult:
    """Score a reply the trainer typed or recorded (already transcribed) at ``node``.
    ValueError when the node takes no reply or the reply is empty."""
    problem = reply_node_problem(scenario, node)
    if problem:
        raise ValueError(problem)
    if not text or not text.strip():
        raise ValueError("the reply is empty")
    return ReplyResult(node, text.strip(), scenario.pass_mark, score_turn(scenario, node, text.strip()))


def run(scenario: Scenario, samples: list[Sample] | None = None) -> list[SampleResult]:
    """Score every sample (by default the scenario's own) at its node, in the given order."""
    results = []
    for k, sample in enumerate(scenario.samples if samples is None else samples, start=1):
        try:
            scored = score_reply(scenario, sample.node, sample.reply)
        except ValueError as exc:
            raise ValueError(f"sample {k} ({sample.label} at '{sample.node}'): {exc}") from None
        results.append(SampleResult(scored.node, scored.reply, scored.pass_mark, scored.score, sample.label, sample.note))
    return results


@dataclass(frozen=True)
class Change:
    """How one sample's score moved between two runs. ``before``/``after`` is None for a
    sample only in the other run (added, removed or reworded)."""

    node: str
    label: str
    reply: str
    before: float | None
    after: float | None
    big: bool          # the overall score moved by CHANGE_POINTS or more
    flipped: bool      # the label's expectation held in one run and not in the other

    @property
    def delta(self) -> float | None:
        if self.before is None or self.after is None:
            return None
        return self.after - self.before

    @property
    def flagged(self) -> bool:
        return self.big or self.flipped

    def to_dict(self) -> dict:
        delta = self.delta
        return {
            "node": self.node, "label": self.label, "reply": self.reply,
            "before": _round(self.before), "after": _round(self.after), "delta": _round(delta),
            "big": self.big, "flipped": self.flipped, "flagged": self.flagged,
        }


def compare(before: list[SampleResult], after: list[SampleResult]) -> list[Change]:
    """Match the samples of two runs by (node, label, reply): those of ``after`` in order,
    then those only in ``before``."""
    old = {r.key: r for r in before}
    new = {r.key: r for r in after}
    changes = []
    for key in list(new) + [k for k in old if k not in new]:
        a, b = old.get(key), new.get(key)
        both = a is not None and b is not None
        big = both and abs(round(b.overall - a.overall, 1)) >= CHANGE_POINTS
        flipped = both and a.expected is not None and a.expected != b.expected
        changes.append(Change(*key, a.overall if a else None, b.overall if b else None, big, flipped))
    return changes


# --- expectations -------------------------------------------------------------------

@dataclass(frozen=True)
class Broken:
    """An expectation a sample does not meet. ``other`` is the sample it should have beaten
    (code 'order' only)."""

    code: str                    # great_below_mark | great_critical | poor_passes | order
    sample: SampleResult
    other: SampleResult | None = None

    def text(self, language: str) -> str:
        """The warning for the trainer, in 'uk' or 'en' (the interface language)."""
        language = "uk" if language == "uk" else "en"
        s, o = self.sample, self.other
        values = {
            "node": s.node, "label": label_name(s.label, language), "reply": _snippet(s.reply),
            "score": points(s.overall), "mark": s.pass_mark,
            "phrase": s.critical[0].phrase if s.critical else "",
        }
        if o is not None:
            values.update(other_label=label_name(o.label, language), other_reply=_snippet(o.reply), other_score=points(o.overall))
        return MESSAGES[language][self.code].format(**values)


def broken_expectations(results: list[SampleResult]) -> list[Broken]:
    """Great samples should pass, poor ones should not, and at each node every sample
    should score above every sample with a lower label (great > average > poor)."""
    broken = []
    for r in results:
        if r.label == "great" and not r.passes:
            broken.append(Broken("great_critical" if r.critical else "great_below_mark", r))
        elif r.label == "poor" and r.passes:
            broken.append(Broken("poor_passes", r))
    for higher in results:
        for lower in results:
            if higher.node == lower.node and RANK[higher.label] > RANK[lower.label] and higher.overall <= lower.overall:
                broken.append(Broken("order", higher, lower))
    return broken


def warnings(results: list[SampleResult], language: str) -> list[str]:
    """Every broken expectation as a message in ``language``."""
    return [b.text(language) for b in broken_expectations(results)]


def label_name(label: str, language: str) -> str:
    return LABELS["uk" if language == "uk" else "en"].get(label, label)


def _snippet(text: str) -> str:
    return text if len(text) <= SNIPPET_CHARS else text[: SNIPPET_CHARS - 1].rstrip() + "…"


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 1)
