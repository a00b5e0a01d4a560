"""Voice commands of `python -m simulator`: say, transcribe, asr-server, models assemble, models convert-openai.

simulator.cli calls `register(subparsers, models_subparsers, persona_resolver)`. Each command sets
`handler` (args -> exit code). Problems print one line `error: ...` to stderr: exit 2 for
input the user can fix (bad audio, unknown persona, bad option), 1 for the machine's set-up
(espeak-ng, model files, the openai-whisper extra missing).
"""

from __future__ import annotations

import argparse
import dataclasses
import json
from collections.abc import Callable
from pathlib import Path

from simulator.voice.asr import BACKENDS
from simulator.voice.tts import GENDERS, MOODS, VoiceSpec

from . import helptext
from .errors import Failure, error
from .helptext import message
from ..texts.cli_messages import COMMANDS, VOICE

PersonaResolver = Callable[[str], "VoiceSpec | None"]


def register(subparsers, models_subparsers=None, persona_resolver: PersonaResolver | None = None) -> None:
    """Add the voice commands. `models_subparsers` is the subparsers of an existing `models`
    command (one is created when None); `persona_resolver(name)` gives a persona's voice."""
    say = subparsers.add_parser("say", help=helptext.say("say"))
    say.add_argument("text", help=helptext.say("say.text"))
    say.add_argument("--language", choices=["uk", "en"], help=helptext.say("say.language"))
    say.add_argument("--persona", help=helptext.say("say.persona"))
    say.add_argument("--gender", choices=sorted(GENDERS))
    say.add_argument("--mood", choices=list(MOODS))
    say.add_argument("--variant", help=helptext.say("say.variant"))
    say.add_argument("--rate", type=int, help=helptext.say("say.rate"))
    say.add_argument("--pitch", type=int, help=helptext.say("say.pitch"))
    say.add_argument("--volume", type=float, help=helptext.say("say.volume"))
    say.add_argument("--phone", action="store_true", help=helptext.say("say.phone"))
    say.add_argument("-o", "--output", type=Path, required=True, help=helptext.say("say.output"))
    say.set_defaults(handler=_guarded(lambda args: _say(args, persona_resolver)))

    transcribe = subparsers.add_parser("transcribe", help=helptext.say("transcribe"),
                                       description=helptext.say("transcribe.description"))
    transcribe.add_argument("audio", type=Path, nargs="+", help=helptext.say("transcribe.audio"))
    transcribe.add_argument("--language", choices=["uk", "en"], help=helptext.say("transcribe.language"))
    transcribe.add_argument("--model", help=helptext.say("option.model"))
    transcribe.add_argument("--backend", choices=list(BACKENDS), help=helptext.say("transcribe.backend"))
    transcribe.add_argument("--hint", action="append", default=[], help=helptext.say("transcribe.hint"))
    transcribe.add_argument("--scenario", help=helptext.say("transcribe.scenario"))
    transcribe.add_argument("--node", help=helptext.say("transcribe.node"))
    transcribe.add_argument("--scenarios", type=Path, default=Path("scenarios"), help=helptext.say("option.scenarios"))
    transcribe.add_argument("--json", action="store_true", help=helptext.say("transcribe.json"))
    transcribe.set_defaults(handler=_guarded(_transcribe))

    server = subparsers.add_parser("asr-server", help=helptext.say("asr_server"),
                                   description=helptext.say("asr_server.description"))
    server.add_argument("--host", default="127.0.0.1", help=helptext.say("asr_server.host"))
    server.add_argument("--port", type=int, default=8765, help=helptext.say("asr_server.port"))
    server.add_argument("--model", help=helptext.say("option.model"))
    server.add_argument("--parallel", type=int, help=helptext.say("asr_server.parallel"))
    server.add_argument("--max-queue", type=int, help=helptext.say("asr_server.max_queue"))
    server.add_argument("--threads", type=int, help=helptext.say("asr_server.threads"))
    server.add_argument("--max-mb", type=float, help=helptext.say("asr_server.max_mb"))
    server.add_argument("--api-key", help=helptext.say("asr_server.api_key"))
    server.set_defaults(handler=_guarded(_asr_server))

    if models_subparsers is None:
        models = subparsers.add_parser("models", help=helptext.say("models.voice"))
        models_subparsers = models.add_subparsers(title=helptext.say("models.commands"), metavar="COMMAND")
    assemble = models_subparsers.add_parser("assemble", help=helptext.say("models.assemble"))
    assemble.set_defaults(handler=_guarded(_assemble))
    convert = models_subparsers.add_parser("convert-openai", help=helptext.say("models.convert_openai"))
    convert.add_argument("--model", default="base", help=helptext.say("models.convert_openai.model"))
    convert.add_argument("-o", "--output", type=Path, help=helptext.say("models.convert_openai.output"))
    convert.set_defaults(handler=_guarded(_convert_openai))


def _guarded(handler: Callable[[argparse.Namespace], int]) -> Callable[[argparse.Namespace], int]:
    """Turn known failures into one clear line on stderr and an exit code, never a traceback."""
    from simulator.voice.asr import AsrBusy, AsrError
    from simulator.voice.audio import AudioError
    from simulator.voice.models import ModelError
    from simulator.voice.tts import TTSError

    def run(args: argparse.Namespace) -> int:
        try:
            return handler(args)
        except Failure as exc:
            message, code = str(exc), exc.code
        except AudioError as exc:
            message, code = exc.text(getattr(args, "language", None) or "en"), 2
        except (AsrBusy, TTSError, ModelError, ImportError) as exc:
            message, code = str(exc), 1
        except (AsrError, ValueError) as exc:
            message, code = str(exc), 2
        except OSError as exc:
            message, code = f"{exc.filename or ''}: {exc.strerror or exc}".lstrip(": "), 1
        error(message)
        return code

    return run


def _say(args: argparse.Namespace, persona_resolver: PersonaResolver | None) -> int:
    from simulator.voice import tts
    from simulator.voice.audio import read_wav

    spec = None
    if args.persona:
        if persona_resolver is None:
            raise Failure(message(VOICE, "persona_needs_library"), 2)
        spec = persona_resolver(args.persona)
        if spec is None:
            raise Failure(message(VOICE, "no_persona", persona=args.persona), 2)
    overrides = {
        name: getattr(args, name)
        for name in ("language", "gender", "mood", "variant", "rate", "pitch", "volume")
        if getattr(args, name) is not None
    }
    if spec is None:
        if "language" not in overrides:
            raise Failure(message(VOICE, "say_language"), 2)
        spec = VoiceSpec(**overrides)
    else:
        spec = dataclasses.replace(spec, **overrides)
    wav = tts.synthesize(args.text, spec, phone_line=args.phone)
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_bytes(wav)
    samples, rate = read_wav(wav)
    settings = tts.effective_settings(spec)
    print(message(VOICE, "said", path=args.output, seconds=f"{samples.size / rate:.2f}", voice=settings["voice"],
                  rate=settings["rate"], pitch=settings["pitch"], phone=message(VOICE, "phone_line") if args.phone else ""))
    return 0


def _transcribe(args: argparse.Namespace) -> int:
    from simulator.voice.asr import get_transcriber

    scenario, node_id = _scenario_node(args) if args.scenario else (None, None)
    if args.node and not args.scenario:
        raise Failure(message(VOICE, "node_needs_scenario"), 2)
    transcriber = get_transcriber(args.backend, args.model)
    for k, path in enumerate(args.audio):
        data = _read_audio(path)
        if scenario is None:
            transcript, heard = transcriber.transcribe(data, args.language, args.hint), None
        else:
            from simulator.voice import speech

            heard = speech.hear(scenario, node_id, speech.check_recording(data), transcriber)
            transcript = heard.transcript
        if args.json:
            out = {"file": str(path), **transcript.to_dict()}
            if heard is not None:
                out["hearing"] = _hearing_dict(scenario, node_id, heard)
            print(json.dumps(out, ensure_ascii=False, indent=2 if len(args.audio) == 1 else None))
            continue
        if len(args.audio) > 1:
            print(("\n" if k else "") + f"== {path}")
        _print_transcript(transcript)
        if heard is not None and heard.free_text:
            print(message(VOICE, "free_text", text=heard.free_text))
        if heard is not None:
            for fact_id, state in _hearing_dict(scenario, node_id, heard)["facts"].items():
                print(message(VOICE, "fact", fact=fact_id, state=state))
    return 0


def _read_audio(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise Failure(message(VOICE, "no_such_file", path=path), 2) from None
    except IsADirectoryError:
        raise Failure(message(VOICE, "is_a_folder", path=path), 2) from None


def _scenario_node(args: argparse.Namespace):
    from simulator.library.loader import load_library

    if not args.scenarios.exists():
        raise Failure(message(COMMANDS, "no_folder", folder=args.scenarios), 2)
    try:
        scenario = load_library(args.scenarios).get(args.scenario)
    except KeyError as exc:
        raise Failure(exc.args[0], 2) from None
    if args.language and args.language != scenario.language:
        raise Failure(message(VOICE, "wrong_language", scenario=scenario.id, language=scenario.language,
                              wanted=args.language), 2)
    node_id = args.node or scenario.reply_nodes[0]
    if node_id not in scenario.reply_nodes:
        raise Failure(message(VOICE, "no_reply_node", scenario=scenario.id, node=node_id,
                              nodes=", ".join(scenario.reply_nodes)), 2)
    return scenario, node_id


def _hearing_dict(scenario, node_id: str, heard) -> dict:
    """Each key fact as the call page would judge it from this recording."""
    from simulator.scoring.accuracy import check_fact, heard as with_hearing
    from simulator.scoring.matching import Reply

    reply = Reply(heard.transcript.text, scenario.language)
    facts = {}
    for fact in scenario.nodes[node_id].key_facts:
        check = with_hearing(check_fact(reply, fact, scenario.language), fact, heard.hearing)
        facts[fact.id] = check.heard or ("in transcript" if check.said else "not said")
    return {"scenario": scenario.id, "node": node_id, "facts": facts, "scores": heard.scores,
            "unclear_words": [heard.transcript.words[i].word for i in heard.unclear_words], "timings": heard.timings,
            "free_text": heard.free_text}     # set when the recording was read as a reference answer


def _print_transcript(t) -> None:
    def seconds(value: float, digits: int = 2) -> str:
        return message(VOICE, "seconds", seconds=f"{value:.{digits}f}")

    start = message(VOICE, "no_speech") if t.speech_start is None else seconds(t.speech_start)
    print(message(VOICE, "text", text=t.text))
    print(message(VOICE, "sound", language=t.language, duration=seconds(t.duration), start=start,
                  speech=seconds(t.speech_duration)))
    print(message(VOICE, "model", model=t.model, backend=t.backend,
                  timings=", ".join(f"{k} {seconds(v, 3)}" for k, v in t.timings.items())))
    for w in t.words:
        print(f"  {w.start:6.2f} {w.end:6.2f}  {w.probability:4.2f}  {w.word}")


def _asr_server(args: argparse.Namespace) -> int:
    from simulator import settings
    from simulator.voice import asr_server

    chosen = settings.current()
    service = asr_server.Service(
        model=args.model or chosen.asr_model or "base",
        parallel=args.parallel or chosen.asr_parallel,
        max_queue=chosen.asr_max_queue if args.max_queue is None else args.max_queue,
        threads=args.threads,
        max_body=round(args.max_mb * 2**20) if args.max_mb else None,
        api_key=args.api_key or chosen.asr_api_key,
    )
    asr_server.serve(service, args.host, args.port)
    return 0


def _assemble(args: argparse.Namespace) -> int:
    from simulator.voice import models

    base = models.assemble_base()
    if not models.verify(base, full=True):  # a fast-checked old directory may still be damaged
        base = models.assemble_base(force=True)
    print(message(VOICE, "assembled", path=base.resolve()))
    print(f"tiny.en: {models.tiny_en_dir()}")
    return 0


def _convert_openai(args: argparse.Namespace) -> int:
    from simulator.voice import models, openai_backend

    out = args.output or openai_backend.checkpoint_path(args.model)
    path = openai_backend.convert(models.resolve(args.model).path, out)
    print(f"{args.model}: {path.resolve()}")
    return 0
