"""Run the product's scorer and the naive floor over the rated replies; report agreement.

``python -m simulator eval judging [--split dev|held-out]`` prints, per language and for
both languages together: Spearman ρ of the empathy and accuracy scores against the ratings,
and the recall and precision with which a critical flag finds the replies rated
compliance 0; the naive keyword counter's figures stand beside the product's.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from ..scoring.scorecard import score_turn
from . import naive
from .agreement import Detection, rho
from .benchmark import RatedReply, Situation

LANGUAGES = ("uk", "en")


@dataclass(frozen=True)
class Verdict:
    """What one judge said of one reply."""

    empathy: float
    accuracy: float
    critical: bool
    evidence: str = ""


@dataclass(frozen=True)
class Judged:
    situation: Situation
    reply: RatedReply
    product: Verdict
    floor: Verdict


def product_verdict(situation: Situation, reply: RatedReply) -> Verdict:
    turn = score_turn(situation.scenario, Situation.NODE, reply.text)
    flags = "; ".join(f"{f.kind}: {f.phrase}" for f in turn.flags if f.critical)
    facts = ", ".join(f"{f.id}{'✓' if f.said else '✗'}" for f in turn.accuracy.facts)
    wrong = ", ".join(f.id for f in turn.accuracy.wrong)
    evidence = f"facts {facts}" + (f"; wrong {wrong}" if wrong else "") + (f"; critical {flags}" if flags else "")
    return Verdict(turn.empathy.score, turn.accuracy.score, turn.critical, evidence)


def floor_verdict(situation: Situation, reply: RatedReply) -> Verdict:
    node = situation.scenario.nodes[Situation.NODE]
    forbidden = situation.scenario.forbidden + node.forbidden
    return Verdict(
        naive.empathy(reply.text),
        naive.accuracy(reply.text, node.key_facts, node.wrong_facts),
        naive.critical(reply.text, forbidden),
    )


def judge(situations: list[Situation]) -> list[Judged]:
    return [
        Judged(s, r, product_verdict(s, r), floor_verdict(s, r))
        for s in situations for r in s.replies
    ]


@dataclass
class Figures:
    replies: int
    empathy_rho: float
    accuracy_rho: float
    compliance: Detection

    def to_dict(self) -> dict:
        return {
            "replies": self.replies,
            "empathy_rho": round(self.empathy_rho, 3),
            "accuracy_rho": round(self.accuracy_rho, 3),
            "compliance_recall": round(self.compliance.recall, 3),
            "compliance_precision": round(self.compliance.precision, 3),
        }


def figures(judged: list[Judged], which: str) -> Figures:
    verdicts = [getattr(j, which) for j in judged]
    return Figures(
        len(judged),
        rho([v.empathy for v in verdicts], [j.reply.empathy for j in judged]),
        rho([v.accuracy for v in verdicts], [j.reply.accuracy for j in judged]),
        Detection.of([v.critical for v in verdicts], [j.reply.compliance == 0 for j in judged]),
    )


@dataclass
class Report:
    split: str
    rows: dict[str, dict[str, Figures]] = field(default_factory=dict)   # group -> judge -> figures
    disagreements: list[Judged] = field(default_factory=list)

    def to_dict(self) -> dict:
        return {"split": self.split, "figures": {g: {k: f.to_dict() for k, f in judges.items()} for g, judges in self.rows.items()}}


def report(judged: list[Judged], split: str) -> Report:
    out = Report(split)
    groups = {language: [j for j in judged if j.situation.language == language] for language in LANGUAGES}
    groups["all"] = judged
    for group, items in groups.items():
        if items:
            out.rows[group] = {"product": figures(items, "product"), "naive": figures(items, "floor")}
    out.disagreements = [j for j in judged if _disagrees(j)]
    return out


def _disagrees(j: Judged) -> bool:
    """A verdict a QA lead would dispute: a critical flag against the rating, or a score
    on the wrong side of the scale (0-100 read as thirds)."""
    band = lambda score: 0 if score < 34 else 1 if score < 67 else 2  # noqa: E731
    return (
        j.product.critical != (j.reply.compliance == 0)
        or abs(band(j.product.empathy) - j.reply.empathy) >= 2
        or abs(band(j.product.accuracy) - j.reply.accuracy) >= 2
    )


def lines(rep: Report, show_disagreements: bool = False) -> list[str]:
    out = [f"Judging agreement, split: {rep.split}  (ρ: Spearman against the ratings; compliance: finding the replies rated 0)", ""]
    out.append(f"{'group':<6} {'judge':<8} {'replies':>7} {'ρ empathy':>10} {'ρ accuracy':>11} {'recall':>7} {'precision':>10}")
    for group, judges in rep.rows.items():
        for name, f in judges.items():
            out.append(
                f"{group:<6} {name:<8} {f.replies:>7} {f.empathy_rho:>10.3f} {f.accuracy_rho:>11.3f}"
                f" {f.compliance.recall:>7.3f} {f.compliance.precision:>10.3f}"
            )
    out.append("")
    out.append(f"{len(rep.disagreements)} replies where the product and the raters are far apart"
               + ("" if show_disagreements else " (--show-disagreements lists them)"))
    if show_disagreements:
        for j in rep.disagreements:
            p, r = j.product, j.reply
            out.append(
                f"- {r.id}: rated E{r.empathy} A{r.accuracy} C{r.compliance} | product E{p.empathy:.0f} A{p.accuracy:.0f}"
                f" {'CRITICAL' if p.critical else 'ok'} | {p.evidence}\n    «{r.text}»\n    raters: {r.why}"
            )
    return out
