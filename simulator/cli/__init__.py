"""`python -m simulator ...`: thin commands over the scenario, call and scoring services and the use
cases (simulator.services). The parser and the scenario, play, score, models and bench commands are
here; the other commands register themselves from their modules in this package. Every command
fails the same way (simulator.cli.errors): one line ``error: ...`` on stderr, exit 2 or 1."""
from __future__ import annotations

import argparse
import json
import select
import sys
import textwrap
from pathlib import Path

from .. import __version__, logs, settings
from . import helptext
from .errors import Failure, error
from .helptext import message, say
from ..scoring.marks import points
from ..texts.cli_messages import COMMANDS, PLAY, VALIDATE


def main(argv: list[str] | None = None) -> int:
    with helptext.argparse_words(helptext.language()):     # the help in SIMULATOR_CLI_LANGUAGE
        parser = build_parser()
        args = parser.parse_args(argv)
        if not getattr(args, "handler", None):
            parser.print_help()
            return 2
    try:
        settings.check()            # a setting that means nothing stops every command, as it stops the app
        logs.configure(stderr_level="warning")     # the command's own messages stay its standard error's
        return args.handler(args)
    except Failure as exc:
        error(str(exc))
        return exc.code
    except settings.SettingError as exc:
        error(str(exc))
        return 2
    except KeyboardInterrupt:
        print("", file=sys.stderr)
        return 130


def build_parser() -> argparse.ArgumentParser:
    """The parser, its help in the command line's language (simulator.cli.helptext)."""
    parser = argparse.ArgumentParser(prog="python -m simulator", description=say("main.description"))
    parser.add_argument("--version", action="version", version=f"simulator {__version__}", help=say("main.version"))
    sub = parser.add_subparsers(title=say("main.commands"), metavar="COMMAND")

    scenarios = sub.add_parser("scenarios", help=say("scenarios"))
    scenarios_sub = scenarios.add_subparsers(title=say("scenarios.commands"), metavar="COMMAND")
    validate = scenarios_sub.add_parser("validate", help=say("scenarios.validate"))
    validate.add_argument("paths", nargs="*", type=Path, help=say("option.paths"))
    _scenarios_option(validate)
    _problem_labels_option(validate)
    validate.set_defaults(handler=cmd_validate)
    testing = scenarios_sub.add_parser("test", help=say("scenarios.test"))
    testing.add_argument("paths", nargs="*", type=Path, help=say("option.paths"))
    testing.add_argument("--references", action="store_true", help=say("scenarios.test.references"))
    _scenarios_option(testing)
    _problem_labels_option(testing)
    testing.set_defaults(handler=cmd_test)
    listing = scenarios_sub.add_parser("list", help=say("scenarios.list"))
    listing.add_argument("--json", action="store_true", help=say("option.json.array"))
    listing.add_argument("--language", choices=["uk", "en"])
    listing.add_argument("--channel", choices=["voice", "chat"])
    listing.add_argument("--category")
    _scenarios_option(listing)
    listing.set_defaults(handler=cmd_list)

    play = sub.add_parser("play", help=say("play"))
    play.add_argument("scenario_id", nargs="?", help=say("play.scenario_id"))
    play.add_argument("--replies", type=Path, help=say("play.replies"))
    play.add_argument("--json", action="store_true", help=say("play.json"))
    play.add_argument("--seed", type=int, default=0, help=say("play.seed"))
    play.add_argument("--exam", action="store_true", help=say("play.exam"))
    play.add_argument("--silence-timeout", type=float, default=60.0, help=say("play.silence_timeout"))
    play.add_argument("--voice", action="store_true", help=say("play.voice"))
    play.add_argument("--out", type=Path, default=Path("call-audio"), help=say("play.out"))
    _scenarios_option(play)
    play.set_defaults(handler=cmd_play)

    score = sub.add_parser("score", help=say("score"))
    score.add_argument("--scenario", required=True)
    score.add_argument("--node", required=True)
    group = score.add_mutually_exclusive_group(required=True)
    group.add_argument("--reply", help=say("score.reply"))
    group.add_argument("--replies", type=Path, help=say("score.replies"))
    score.add_argument("--seconds", type=float, help=say("score.seconds"))
    score.add_argument("--json", action="store_true")
    _scenarios_option(score)
    score.set_defaults(handler=cmd_score)

    models = sub.add_parser("models", help=say("models"))
    models_sub = models.add_subparsers(title=say("models.commands"), metavar="COMMAND")
    train = models_sub.add_parser("train-empathy", help=say("models.train_empathy"))
    train.set_defaults(handler=cmd_train_empathy)
    train_compliance = models_sub.add_parser("train-compliance", help=say("models.train_compliance"))
    train_compliance.set_defaults(handler=cmd_train_compliance)

    bench = sub.add_parser("bench", help=say("bench"))
    bench.add_argument("--quick", action="store_true", help=say("bench.quick"))
    _scenarios_option(bench)
    bench.set_defaults(handler=cmd_bench)

    _voice_commands(sub, models_sub)
    from . import audit, backup, eval, loadtest, reports, users

    users.register(sub)
    backup.register(sub)
    audit.register(sub)
    loadtest.register(sub)
    reports.register(sub)
    eval.register(sub)
    return parser


def _voice_commands(sub, models_sub) -> None:
    try:
        from . import voice
    except ImportError:  # the voice part is being built; the core commands work without it
        return
    voice.register(sub, models_sub, persona_resolver=_persona_voice)


def _persona_voice(name: str):
    """Voice settings of the persona called ``name`` (or of scenario ``name``) in the default library."""
    from ..voice.speech import customer_voice

    for scenario in _library(Path("scenarios")).scenarios.values():
        if scenario.persona.name.lower() == name.lower() or scenario.id == name:
            return customer_voice(scenario)
    return None


def _scenarios_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--scenarios", type=Path, default=Path("scenarios"), help=say("option.scenarios"))


def _problem_labels_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--labels", choices=["uk", "en"], default="uk", help=say("option.labels.problems"))


def _library(folder: Path):
    from ..library.loader import load_library

    if not folder.exists():
        raise Failure(message(COMMANDS, "no_folder", folder=folder))
    return load_library(folder)


def _scenario(args):
    library = _library(args.scenarios)
    wanted = args.scenario_id if hasattr(args, "scenario_id") else args.scenario
    if wanted is None:
        return _choose(library)
    try:
        return library.get(wanted)
    except KeyError as exc:
        raise Failure(exc.args[0]) from None


def _choose(library):
    """Ask which scenario to play (the terminal menu of ./run.sh)."""
    scenarios = sorted(library.scenarios.values(), key=lambda s: (s.language != "uk", s.category, s.id))
    if not scenarios:
        raise Failure(message(COMMANDS, "nothing_to_play"))
    for number, scenario in enumerate(scenarios, start=1):
        print(f"{number:>3}. [{scenario.language} {scenario.channel:<5} {scenario.difficulty:<6}] {scenario.title}")
    while True:
        try:
            answer = input(message(COMMANDS, "choose", count=len(scenarios))).strip()
        except EOFError:
            raise Failure(message(COMMANDS, "none_chosen")) from None
        if answer.isdigit() and 1 <= int(answer) <= len(scenarios):
            return scenarios[int(answer) - 1]
        if answer in library.scenarios:
            return library.scenarios[answer]


# --- scenarios -----------------------------------------------------------------------

def _named_library(args):
    """The scenario files named on the command line (or the library), their problems printed."""
    from ..library.loader import load_library

    paths = args.paths or [args.scenarios]
    missing = [p for p in paths if not p.exists()]
    if missing:
        raise Failure(message(COMMANDS, "not_found", paths=", ".join(map(str, missing))))
    library = load_library(*paths)
    for problem in library.problems:
        print(problem.text(args.labels))
    return library


def cmd_validate(args) -> int:
    from ..library.loader import warnings_of

    library = _named_library(args)
    words = VALIDATE[args.labels]
    for scenario_id, scenario in library.scenarios.items():
        for warning in warnings_of(library.paths[scenario_id], scenario):
            print(f"{words['warning']}: {warning.text(args.labels)}", file=sys.stderr)  # stdout keeps only what makes a file invalid
    print(words["valid"].format(valid=len(library.scenarios), files=library.files), file=sys.stderr)
    return 1 if library.problems else 0


def cmd_test(args) -> int:
    from ..services.studio.library_check import check_scenario

    library = _named_library(args)
    misses = 0
    for scenario_id, scenario in library.scenarios.items():
        report = check_scenario(scenario, library.paths[scenario_id], references=args.references, language=args.labels)
        misses += len(report.misses)
        for miss in report.misses:
            print(miss)
        if not report.misses:
            print(f"ok {report.path}: {report.summary}", file=sys.stderr)
    print(message(COMMANDS, "tested", valid=len(library.scenarios), files=library.files, misses=misses), file=sys.stderr)
    return 1 if library.problems or misses else 0


def cmd_list(args) -> int:
    library = _library(args.scenarios)
    rows = []
    for scenario in library.scenarios.values():
        if args.language and scenario.language != args.language:
            continue
        if args.channel and scenario.channel != args.channel:
            continue
        if args.category and scenario.category != args.category:
            continue
        rows.append({
            "id": scenario.id, "title": scenario.title, "language": scenario.language, "channel": scenario.channel,
            "category": scenario.category, "difficulty": scenario.difficulty, "facts_as_of": scenario.facts_as_of.isoformat(),
            "target_seconds": scenario.target_seconds, "replies": len(scenario.reply_nodes), "file": str(library.paths[scenario.id]),
        })
    if args.json:
        print(json.dumps(rows, ensure_ascii=False, indent=2))
    else:
        for row in rows:
            print(f"{row['id']:<40} {row['language']} {row['channel']:<5} {row['category']:<18} {row['difficulty']:<6} {row['title']}")
    for problem in library.problems:
        print(message(COMMANDS, "skipped", problem=problem), file=sys.stderr)
    return 0


# --- play ----------------------------------------------------------------------------

SILENCE_SECONDS = 10.0  # a silent scripted reply: the time before the customer speaks again


def cmd_play(args) -> int:
    from ..call.clock import ManualClock, RealClock, scripted_reply_seconds
    from ..call.engine import Call

    scenario = _scenario(args)
    scripted = args.replies is not None
    lines = iter(_script(args.replies, paths=args.voice)) if scripted else None
    clock = ManualClock() if scripted else RealClock()
    call = Call(scenario, clock, seed=args.seed)
    voice = _VoiceCall(scenario, args.out) if args.voice else None
    show = not args.json
    words = PLAY[scenario.language]
    if show:
        _intro(scenario, voice)
    announced = None
    while not call.finished:
        if announced is not call.current:  # a new customer line (not a retry after a bad recording)
            announced = call.current
            spoken = voice.customer(announced.customer_line) if voice else None
            if show:
                print(f"{words['customer']}: {announced.customer_line}" + (f"  [{spoken}]" if spoken else ""))
        text = next(lines, None) if scripted else _read_reply(args.silence_timeout)
        if text is not None and not scripted and not voice:
            try:
                text = _reply_text(text, "")
            except Failure as exc:
                error(str(exc))     # the customer is still waiting: type it again
                continue
        if text is None:
            if scripted:
                print(message(COMMANDS, "replies_ran_out", node=call.node_id), file=sys.stderr)
            call.abandon()
            break
        if voice and text.strip():
            heard = voice.hear(Path(text), args.replies.parent if scripted else Path.cwd(), call.node_id)
            if heard is None:  # the problem was shown; the customer is still waiting
                continue
            transcript = heard.transcript
            if show:
                print(f"{words['you']}: {transcript.text or '…'}")
            if scripted:
                clock.advance(transcript.duration)
            turn = call.reply(_reply_text(transcript.text, str(text)), latency=transcript.speech_start, hearing=heard.hearing)
        else:
            if scripted:
                clock.advance(scripted_reply_seconds(text, scenario.channel) if text.strip() else SILENCE_SECONDS)
            turn = call.reply(text)
        if show:
            _show_turn(scenario, turn, exam=args.exam)
    if call.closing_line:
        spoken = voice.customer(call.closing_line) if voice else None
        if show:
            print(f"{words['customer']}: {call.closing_line}" + (f"  [{spoken}]" if spoken else ""))
    card = call.scorecard()
    if args.json:
        result = {
            "scenario": scenario.id, "seed": args.seed, "outcome": call.outcome, "closing_line": call.closing_line,
            "transcript": [{k: v for k, v in t.to_dict().items() if k != "score"} for t in call.turns],
            "scorecard": card.to_dict(),
        }
        print(json.dumps(result, ensure_ascii=False, indent=2))
    else:
        _show_scorecard(scenario, call, card)
    return 0


def _intro(scenario, voice) -> None:
    words = PLAY[scenario.language]
    print(f"\n{scenario.title}  [{scenario.id}]")
    if scenario.situation:
        print(textwrap.fill(f"{words['situation']}: {scenario.situation}", 100))
    print(f"({words['voice_prompt' if voice else 'prompt']})\n")


class _VoiceCall:
    """A spoken call in the terminal: the customer's lines become WAV files, replies are audio files."""

    def __init__(self, scenario, out: Path):
        self.scenario = scenario
        self.out = out
        self.count = 0
        try:
            out.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise Failure(message(COMMANDS, "cannot_write_lines", folder=out, reason=exc.strerror or exc)) from None

    def customer(self, line: str) -> Path:
        from ..voice import speech

        self.count += 1
        path = self.out / f"{self.count:02d}-customer.wav"
        path.write_bytes(speech.customer_audio(self.scenario, line))
        return path

    def hear(self, path: Path, folder: Path, node_id: str):
        """The reply as the call page hears it (speech.hear), or None (with the reason printed)
        when it cannot be heard."""
        from ..voice import speech
        from ..voice.asr import AsrError
        from ..voice.audio import AudioError

        language = self.scenario.language
        path = path if path.is_absolute() else folder / path
        try:
            samples = speech.check_recording(path.read_bytes())
            return speech.hear(self.scenario, node_id, samples)
        except OSError as exc:
            print(f"{path}: {exc.strerror or exc}", file=sys.stderr)
        except AudioError as exc:
            print(f"{path}: {exc.text(language)}", file=sys.stderr)
        except AsrError as exc:
            print(f"{path}: {exc}", file=sys.stderr)
        return None


def _read_reply(timeout: float) -> str | None:
    print("> ", end="", flush=True)
    if sys.stdin.isatty():  # piped input is read line by line: select() cannot see Python's buffer
        ready, _, _ = select.select([sys.stdin], [], [], timeout)
        if not ready:
            print("")
            return ""
    line = sys.stdin.readline()
    return None if line == "" else line.rstrip("\n")


def _show_turn(scenario, turn, exam: bool) -> None:
    words = PLAY[scenario.language]
    if turn.silent:
        print(f"{words['you']}: …")
        return
    if exam:
        return
    s = turn.score
    print(f"  {words['turn']}: {words['overall']} {points(s.overall)} | {words['accuracy']} {s.accuracy.score:.0f} | {words['empathy']} {s.empathy.score:.0f} | {words['time']} {s.time.score:.0f}")
    for line in s.feedback:
        print(textwrap.fill(line, 100, initial_indent="  - ", subsequent_indent="    "))
    print()


def _show_scorecard(scenario, call, card) -> None:
    words = PLAY[scenario.language]
    from ..scoring.feedback import say

    print(f"\n== {words['scorecard']}: {scenario.title} ==")
    print(f"{words['outcome']}: {say(scenario.language, 'outcome_' + card.outcome)}")
    print(f"{words['overall']} {points(card.overall)} | {words['accuracy']} {card.accuracy:.0f} | {words['empathy']} {card.empathy:.0f} | {words['time']} {card.time.score:.0f} ({card.time.seconds:.0f} s / {card.time.target:.0f} s)")
    for k, turn in enumerate(card.turns, start=1):
        print(f"  {k}. [{turn.node_id}] {points(turn.overall)}: {turn.reply[:80]}")
        if turn.overall < 90 and turn.accuracy.closest_reference:
            print(textwrap.fill(say(scenario.language, "better", reference=turn.accuracy.closest_reference), 100, initial_indent="     ", subsequent_indent="     "))
    for line in card.verdict:
        print(line)


# --- score ---------------------------------------------------------------------------

def cmd_score(args) -> int:
    from ..scoring.scorecard import score_turn

    scenario = _scenario(args)
    if args.node not in scenario.nodes or scenario.nodes[args.node].is_end:
        reply_nodes = ", ".join(scenario.reply_nodes)
        raise Failure(message(COMMANDS, "no_node", scenario=scenario.id, node=args.node, nodes=reply_nodes))
    replies = [(None, _reply_text(args.reply, "--reply"))] if args.reply is not None else _replies(args.replies)
    for reply_id, text in replies:
        result = score_turn(scenario, args.node, text, seconds=args.seconds)
        if args.json or args.replies:
            out = result.to_dict() if reply_id is None else {"id": reply_id, **result.to_dict()}
            print(json.dumps(out, ensure_ascii=False))
        else:
            words = PLAY[scenario.language]
            print(f"{words['overall']} {points(result.overall)} | {words['accuracy']} {result.accuracy.score:.0f} | {words['empathy']} {result.empathy.score:.0f} | {words['time']} {result.time.score:.0f}")
            for line in result.feedback:
                print(f"  - {line}")
    return 0


def _replies(path: Path) -> list[tuple[object, str]]:
    """(id, text) per line: a JSON object {"id": ..., "text": ...}, or a plain line of text (id None)."""
    replies = []
    for number, line in enumerate(_read_lines(path), start=1):
        if line.lstrip().startswith("{"):
            try:
                item = json.loads(line)
            except json.JSONDecodeError:
                item = None
            if isinstance(item, dict):
                if not isinstance(item.get("text"), str):
                    raise Failure(message(COMMANDS, "json_line", where=f"{path}:{number}"))
                replies.append((item.get("id"), _reply_text(item["text"], f"{path}:{number}")))
                continue
        replies.append((None, _reply_text(line, f"{path}:{number}")))
    return replies


def _reply_text(text: str, where: str) -> str:
    """A reply as the app takes it: cleaned, and Failure (saying ``where``) over the limit."""
    from ..user_text import TooLong, accept

    try:
        return accept("reply", text)
    except TooLong as exc:
        raise Failure(f"{where + ': ' if where else ''}{exc}") from None


def _script(path: Path, paths: bool) -> list[str]:
    """The lines of a --replies file: replies, checked as the app checks them (file:line when
    one is over the limit, before the call starts), or the paths of recordings."""
    lines = _read_lines(path)
    return lines if paths else [_reply_text(line, f"{path}:{number}") for number, line in enumerate(lines, start=1)]


def _read_lines(path: Path) -> list[str]:
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise Failure(message(COMMANDS, "replies_missing", path=path)) from None
    except UnicodeDecodeError:
        raise Failure(message(COMMANDS, "replies_not_utf8", path=path)) from None
    return text.splitlines()


# --- models and bench -----------------------------------------------------------------

def cmd_train_empathy(args) -> int:
    from ..scoring import empathy_model

    try:
        report = empathy_model.train()
    except ValueError as exc:
        raise Failure(str(exc)) from None
    for line in report.lines():
        print(line)
    print(message(COMMANDS, "model_card", path=empathy_model.MODEL_CARD))
    from ..scoring import empathy_training

    try:
        for line in empathy_training.train_context():
            print(line)
    except ValueError as exc:
        raise Failure(str(exc)) from None
    return 0


def cmd_train_compliance(args) -> int:
    from ..scoring import compliance_training

    try:
        for line in compliance_training.train():
            print(line)
    except ValueError as exc:
        raise Failure(str(exc)) from None
    return 0


def cmd_bench(args) -> int:
    try:
        from bench import run_all
    except ImportError:
        raise Failure(message(COMMANDS, "no_bench")) from None
    run_all(quick=args.quick, scenarios=args.scenarios)
    return 0
