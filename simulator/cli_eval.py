"""`python -m simulator eval judging`: how the product's verdicts agree with rated replies.

    python -m simulator eval judging [--split dev|held-out|all] [--json] [--show-disagreements]
        [--benchmark DIR]

The benchmark lives in ``eval/judging/`` (format in its README). The naive keyword counter is
judged in the same run and printed beside the product, so every figure shows its distance from
the floor. Exit 0 after printing; 2 when the benchmark cannot be read.
"""
from __future__ import annotations

import json
from pathlib import Path


def register(subparsers, user_error) -> None:
    evaluate = subparsers.add_parser("eval", help="measure the product's verdicts against rated replies")
    evaluate_sub = evaluate.add_subparsers(title="evaluations", metavar="COMMAND")
    judging = evaluate_sub.add_parser(
        "judging", help="agreement of empathy, accuracy and compliance with a QA lead's ratings, beside a naive keyword counter",
        description="Scores every rated reply of the judging benchmark with the product's scorer and with a naive keyword "
                    "counter; prints Spearman rho of empathy and accuracy per language, and the recall and precision of "
                    "critical flags for the replies rated compliance 0.")
    judging.add_argument("--split", choices=["dev", "held-out", "all"], default="dev",
                         help="dev (the part the scorer may be tuned on; default), held-out (never tuned on), or all")
    judging.add_argument("--json", action="store_true", help="print the figures as one JSON object")
    judging.add_argument("--show-disagreements", action="store_true", help="list the replies where product and raters are far apart")
    judging.add_argument("--benchmark", type=Path, default=None, help="the situations folder (default eval/judging/situations)")
    judging.set_defaults(handler=lambda args: cmd_judging(args, user_error))


def cmd_judging(args, user_error) -> int:
    from .evaluation import benchmark, judging

    folder = args.benchmark or benchmark.BENCHMARK_DIR
    try:
        situations = benchmark.load(folder, None if args.split == "all" else args.split)
    except benchmark.BenchmarkError as exc:
        raise user_error(str(exc)) from None
    if not situations:
        raise user_error(f"no situations of split '{args.split}' in {folder}")
    rep = judging.report(judging.judge(situations), args.split)
    if args.json:
        print(json.dumps(rep.to_dict(), ensure_ascii=False, indent=1))
    else:
        print("\n".join(judging.lines(rep, args.show_disagreements)))
    return 0
