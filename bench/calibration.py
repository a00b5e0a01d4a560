"""The site tuning on the judging benchmark's dev split, as if its QA lead were a site's rater.

Each rated reply of the dev split is scored by the product's scorer; per language, the
calibration lab's tuning (simulator/calibration/tuning.py) is fitted on two thirds and the
held-out third is rated untuned and tuned. Prints both, per criterion: items, quadratic κ,
Spearman ρ, exact and within-one agreement. Then, on the same held-out third, the 0-100 scores
a trainee would be shown (simulator.calibration.shown: the scorer's own, or read by the tuning)
against the rater's rating: Spearman ρ, untuned and tuned. The held-out split of the benchmark
is not read.

Run: python -m bench.calibration
"""
from __future__ import annotations

import sys
import time

from simulator.calibration import tuning, verdict
from simulator.calibration.scales import TUNABLE
from simulator.evaluation import benchmark
from simulator.evaluation.agreement import rho
from simulator.scoring.scorecard import score_turn


def main() -> int:
    started = time.monotonic()
    situations = benchmark.load(split="dev")
    for language in ("uk", "en"):
        items = []
        for situation in (s for s in situations if s.language == language):
            for reply in situation.replies:
                score = score_turn(situation.scenario, benchmark.Situation.NODE, reply.text).to_dict()
                items.append(tuning.Item(len(items), score, {"qa": {"empathy": reply.empathy, "accuracy": reply.accuracy,
                                                                    "compliance": reply.compliance}}))
        fit = tuning.fit(items)
        print(f"== {language}: {len(items)} rated replies, fitted on {len(fit.fitted_on)}, held out {len(fit.held_out)}")
        print(f"{'criterion':<11} {'':<8} {'items':>5} {'kappa':>6} {'rho':>6} {'exact':>6} {'within1':>7}")
        for criterion in ("empathy", "accuracy", "compliance"):
            for side, figures in (("untuned", fit.before[criterion]), ("tuned", fit.after[criterion])):
                print(f"{criterion:<11} {side:<8} {figures['items']:>5} " + " ".join(
                    f"{'-' if figures[k] is None else format(figures[k], '.3f'):>{w}}"
                    for k, w in (("kappa", 6), ("rho", 6), ("exact", 6), ("within_one", 7))))
        held = [i for i in items if i.id in set(fit.held_out)]
        for criterion in TUNABLE:
            rated = [i.ratings["qa"][criterion] for i in held]
            shown = {side: [verdict.points(i.score, params)[criterion] for i in held]
                     for side, params in (("untuned", None), ("tuned", fit.params))}
            print(f"shown 0-100 {criterion:<9} rho with the rater: untuned {rho(shown['untuned'], rated):.3f}, "
                  f"tuned {rho(shown['tuned'], rated):.3f}")
        print(f"params: {fit.params}")
    print(f"({time.monotonic() - started:.0f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
