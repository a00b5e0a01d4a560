"""`python -m simulator eval judging|hearing`: how far the product's verdicts can be trusted.

    python -m simulator eval judging [--split dev|held-out|all] [--json] [--show-disagreements]
        [--benchmark DIR]
    python -m simulator eval hearing [--language uk|en] [--quick] [--scenario ID ...]
        [--method hints|free|verify ...] [--json] [--scenarios DIR]

The judging benchmark lives in ``eval/judging/`` (format in its README). The naive keyword
counter is judged in the same run and printed beside the product, so every figure shows its
distance from the floor. The hearing benchmark speaks the library's own replies
(simulator/evaluation/hearing.py) and prints each method beside the others. Exit 0 after
printing; 2 when the input cannot be read.
"""
from __future__ import annotations

import json
from pathlib import Path

from simulator import settings

from .errors import Failure
from ..texts.cli_messages import COMMANDS, EVAL
from .helptext import message, say


def register(subparsers) -> None:
    evaluate = subparsers.add_parser("eval", help=say("eval"))
    evaluate_sub = evaluate.add_subparsers(title=say("eval.commands"), metavar="COMMAND")
    judging = evaluate_sub.add_parser("judging", help=say("eval.judging"), description=say("eval.judging.description"))
    judging.add_argument("--split", choices=["dev", "held-out", "all"], default="dev", help=say("eval.judging.split"))
    judging.add_argument("--json", action="store_true", help=say("option.json.figures"))
    judging.add_argument("--show-disagreements", action="store_true", help=say("eval.judging.show_disagreements"))
    judging.add_argument("--benchmark", type=Path, default=None, help=say("eval.judging.benchmark"))
    judging.set_defaults(handler=cmd_judging)

    hearing = evaluate_sub.add_parser("hearing", help=say("eval.hearing"), description=say("eval.hearing.description"))
    hearing.add_argument("--language", choices=["uk", "en"], help=say("eval.hearing.language"))
    hearing.add_argument("--quick", action="store_true", help=say("eval.hearing.quick"))
    hearing.add_argument("--scenario", action="append", default=[], help=say("eval.hearing.scenario"))
    hearing.add_argument("--method", action="append", choices=["hints", "free", "verify"], help=say("eval.hearing.method"))
    hearing.add_argument("--model", help=say("eval.hearing.model"))
    hearing.add_argument("--json", action="store_true", help=say("eval.hearing.json"))
    hearing.add_argument("--scenarios", type=Path, default=Path("scenarios"), help=say("option.scenarios"))
    hearing.set_defaults(handler=cmd_hearing)


def cmd_judging(args) -> int:
    from ..evaluation import benchmark, judging

    folder = args.benchmark or benchmark.BENCHMARK_DIR
    try:
        situations = benchmark.load(folder, None if args.split == "all" else args.split)
    except benchmark.BenchmarkError as exc:
        raise Failure(str(exc)) from None
    if not situations:
        raise Failure(message(EVAL, "no_split", split=args.split, folder=folder))
    rep = judging.report(judging.judge(situations), args.split)
    if args.json:
        print(json.dumps(rep.to_dict(), ensure_ascii=False, indent=1))
    else:
        print("\n".join(judging.lines(rep, args.show_disagreements)))
    return 0


def cmd_hearing(args) -> int:
    import sys

    from ..evaluation import hearing
    from ..library.loader import load_library
    from ..voice.asr import FasterWhisperTranscriber

    if not args.scenarios.exists():
        raise Failure(message(COMMANDS, "no_folder", folder=args.scenarios))
    scenarios = [s for s in load_library(args.scenarios).scenarios.values()
                 if (not args.language or s.language == args.language) and (not args.scenario or s.id in args.scenario)]
    missing = set(args.scenario) - {s.id for s in scenarios}
    if missing:
        ids = ", ".join(sorted(missing))
        raise Failure(message(EVAL, "no_scenario_in", ids=ids, folder=args.scenarios, language=args.language) if args.language
                      else message(EVAL, "no_scenario", ids=ids, folder=args.scenarios))
    if not scenarios:
        raise Failure(message(EVAL, "no_scenarios", folder=args.scenarios))
    clips = hearing.clips(scenarios, 1 if args.quick else None)
    transcriber = FasterWhisperTranscriber(args.model or settings.current().asr_model or "base")
    transcriber.load()      # before the clips: the first reply's CPU seconds are hearing, not loading
    progress = None if args.json else (lambda line: print(f"  {line}", file=sys.stderr, flush=True))
    rows = hearing.run(clips, transcriber, args.method or hearing.METHODS, progress)
    figs = hearing.figures(rows)
    if args.json:
        print(json.dumps({"figures": [f.to_dict() for f in figs], "rows": [r.to_dict() for r in rows]},
                         ensure_ascii=False, indent=1))
    else:
        print("\n".join(hearing.lines(figs)))
    return 0
