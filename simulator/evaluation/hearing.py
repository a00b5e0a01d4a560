"""The spoken round trip: every library node's reply said by the project's voice and heard back.

``python -m simulator eval hearing`` speaks, for each reply node of each library scenario,
its first reference answer (facts that should be heard) and three replies that must gain no
fact: a rude one, an off-topic upsell, and another scenario's reference answer (fluent domain
speech with the wrong content). The trainee's voice is espeak-ng's (male), as no recorded
Ukrainian speech with a suitable licence ships on the registries (docs/voice.md).

Each clip goes through each method, and the key facts are judged as the call page would:
- ``hints``: the transcript with the node's key-fact words as a vocabulary prompt (the call
  page's method until this benchmark showed it writes facts into replies);
- ``free``: the transcript with no prompt;
- ``verify``: the free transcript, plus each fact it misses checked against the recording
  (simulator/voice/verify.py) — the product's method (speech.hear).

Per language and method it prints: the share of a spoken reference's key facts credited (of
those its text says), the share marked "not heard clearly", the facts gained by the replies
that must gain none, the character error rate of the transcript, and per reply both the wall
seconds and the process's CPU seconds (every thread of the process: the figure that says what a
reply costs when the machine is shared, where wall time depends on what else runs).
"""
from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from ..scenario.model import Scenario
from ..scoring.accuracy import check_fact, heard
from ..scoring.matching import Reply
from ..voice import audio, speech, tts
from ..voice.asr import Transcriber

METHODS = ("hints", "free", "verify")
KINDS = ("reference", "rude", "off_topic", "other")
LINES = {
    "rude": {"uk": "Що тут незрозумілого? Читайте платіжку і не морочте мені голову.",
             "en": "What's so hard to understand? Read your bill and stop wasting my time."},
    "off_topic": {"uk": "До речі, у нас зараз чудова акція на розумні розетки, хочете оформити зі знижкою?",
                  "en": "By the way, we have a great offer on smart plugs right now, would you like one at a discount?"},
}


def trainee_voice(language: str) -> tts.VoiceSpec:
    return tts.VoiceSpec(language, gender="male")


@dataclass(frozen=True)
class Clip:
    scenario: Scenario
    node_id: str
    kind: str           # one of KINDS
    text: str

    @property
    def language(self) -> str:
        return self.scenario.language


@dataclass
class Row:
    """One clip heard by one method."""

    clip: Clip
    method: str
    transcript: str
    said: list[str]             # fact ids the clip's text says (typed)
    credited: list[str]         # fact ids credited to the spoken clip
    unclear: list[str]
    cer: float
    seconds: float
    scores: dict[str, float] = field(default_factory=dict)     # verify: each checked fact's score
    clarity: float = 1.0                                        # mean word probability of the transcript
    cpu: float = 0.0                                            # the process's CPU seconds (all threads)

    @property
    def invented(self) -> list[str]:
        return [f for f in self.credited if f not in self.said]

    def to_dict(self) -> dict:
        return {"scenario": self.clip.scenario.id, "node": self.clip.node_id, "kind": self.clip.kind,
                "language": self.clip.language, "method": self.method, "text": self.clip.text,
                "transcript": self.transcript, "said": self.said, "credited": self.credited, "unclear": self.unclear,
                "invented": self.invented, "cer": round(self.cer, 3), "seconds": round(self.seconds, 2), "cpu": round(self.cpu, 2),
                "scores": self.scores, "clarity": round(self.clarity, 3)}


def clips(scenarios: Iterable[Scenario], nodes_per_scenario: int | None = None) -> list[Clip]:
    """The benchmark's clips, in a fixed order. ``nodes_per_scenario`` limits each scenario
    to its first reply nodes (--quick)."""
    scenarios = sorted(scenarios, key=lambda s: s.id)
    out = []
    for k, scenario in enumerate(scenarios):
        others = [s for s in scenarios if s.language == scenario.language and s.id != scenario.id]
        for j, node_id in enumerate(scenario.reply_nodes[:nodes_per_scenario]):
            node = scenario.nodes[node_id]
            if not node.references:
                continue
            out.append(Clip(scenario, node_id, "reference", node.references[0]))
            out += [Clip(scenario, node_id, kind, LINES[kind][scenario.language]) for kind in ("rude", "off_topic")]
            if others:
                other = others[(k + j) % len(others)]
                first = other.nodes[other.reply_nodes[0]]
                if first.references:
                    out.append(Clip(scenario, node_id, "other", first.references[0]))
    return out


def run(clips: list[Clip], transcriber: Transcriber, methods: Iterable[str] = METHODS,
        progress: Callable[[str], None] | None = None) -> list[Row]:
    rows = []
    for n, clip in enumerate(clips, 1):
        samples = audio.decode(tts.synthesize(clip.text, trainee_voice(clip.language)), audio.Limits())
        node = clip.scenario.nodes[clip.node_id]
        said = [f.id for f in node.key_facts if check_fact(Reply(clip.text, clip.language), f, clip.language).said]
        free, free_seconds, free_cpu = None, 0.0, 0.0     # the free transcript serves both "free" and "verify"
        for method in methods:
            started, cpu_started = time.perf_counter(), time.process_time()
            hearing, scores = None, {}
            if method == "hints":
                text = speech.transcribe(clip.scenario, clip.node_id, samples, transcriber, with_hints=True).text
                seconds, cpu = time.perf_counter() - started, time.process_time() - cpu_started
            else:
                if free is None:
                    free = speech.transcribe(clip.scenario, clip.node_id, samples, transcriber)
                    free_seconds, free_cpu = time.perf_counter() - started, time.process_time() - cpu_started
                    started, cpu_started = time.perf_counter(), time.process_time()
                text = free.text
                if method == "verify":      # the product's path: speech.hear on that same transcript
                    result = speech.hear(clip.scenario, clip.node_id, samples, transcriber, transcript=free)
                    hearing, scores = result.hearing, result.scores
                    text = result.transcript.text       # the reference it was read as, when it was (speech._reading)
                seconds = free_seconds + time.perf_counter() - started
                cpu = free_cpu + time.process_time() - cpu_started
            reply = Reply(text, clip.language)
            checks = [heard(check_fact(reply, f, clip.language), f, hearing) for f in node.key_facts]
            rows.append(Row(clip, method, text, said, [c.id for c in checks if c.said], [c.id for c in checks if c.unclear],
                            speech.cer(clip.text, text), seconds, scores,
                            speech.clarity(free) if free is not None and method != "hints" else 1.0, cpu))
        if progress:
            progress(f"{n}/{len(clips)} {clip.scenario.id} {clip.node_id} {clip.kind}")
    return rows


@dataclass
class Figures:
    language: str
    method: str
    references: int = 0
    facts_said: int = 0
    facts_credited: int = 0
    facts_unclear: int = 0
    foils: int = 0                  # rude, off-topic and other-scenario clips
    foil_facts: int = 0             # the facts those clips could have gained
    invented: int = 0
    cer: float = 0.0                # mean over the spoken references
    seconds: float = 0.0            # mean per clip
    cpu: float = 0.0                # the process's CPU seconds, mean per clip
    examples: list[str] = field(default_factory=list)   # a few invented facts, for the reader

    @property
    def kept(self) -> float:
        return self.facts_credited / self.facts_said if self.facts_said else 0.0

    @property
    def unclear_share(self) -> float:
        return self.facts_unclear / self.facts_said if self.facts_said else 0.0

    def to_dict(self) -> dict:
        return {"language": self.language, "method": self.method, "references": self.references,
                "facts_said": self.facts_said, "facts_credited": self.facts_credited, "kept": round(self.kept, 3),
                "facts_unclear": self.facts_unclear, "unclear": round(self.unclear_share, 3), "foils": self.foils,
                "foil_facts": self.foil_facts, "invented": self.invented, "cer": round(self.cer, 3),
                "seconds_per_reply": round(self.seconds, 2), "cpu_per_reply": round(self.cpu, 2), "invented_examples": self.examples}


def figures(rows: list[Row]) -> list[Figures]:
    out = []
    for language in ("uk", "en"):
        for method in METHODS:
            mine = [r for r in rows if r.clip.language == language and r.method == method]
            if not mine:
                continue
            fig = Figures(language, method)
            refs = [r for r in mine if r.clip.kind == "reference"]
            fig.references = len(refs)
            for r in refs:
                fig.facts_said += len(r.said)
                fig.facts_credited += sum(f in r.credited for f in r.said)
                fig.facts_unclear += sum(f in r.unclear for f in r.said)
            foils = [r for r in mine if r.clip.kind != "reference"]
            fig.foils = len(foils)
            for r in foils:
                node = r.clip.scenario.nodes[r.clip.node_id]
                fig.foil_facts += len(node.key_facts) - len(r.said)
                fig.invented += len(r.invented)
                fig.examples += [f"{r.clip.scenario.id}/{r.clip.node_id} {r.clip.kind}: {f} «{r.transcript[:80]}»"
                                 for f in r.invented][: max(0, 5 - len(fig.examples))]
            fig.cer = sum(r.cer for r in refs) / len(refs) if refs else 0.0
            fig.seconds = sum(r.seconds for r in mine) / len(mine)
            fig.cpu = sum(r.cpu for r in mine) / len(mine)
            out.append(fig)
    return out


def lines(figs: list[Figures]) -> list[str]:
    out = [f"{'lang':4} {'method':7} {'refs':>4} {'facts kept':>16} {'unclear':>13} {'foils':>5} "
           f"{'facts gained':>14} {'CER':>6} {'s/reply':>7} {'cpu/reply':>9}"]
    for f in figs:
        out.append(f"{f.language:4} {f.method:7} {f.references:4} {f.facts_credited:4}/{f.facts_said:<4} {f.kept:6.1%} "
                   f"{f.facts_unclear:3} {f.unclear_share:7.1%} {f.foils:5} {f.invented:4}/{f.foil_facts:<4} "
                   f"{f.cer:6.3f} {f.seconds:7.2f} {f.cpu:9.2f}")
    for f in figs:
        for example in f.examples:
            out.append(f"  gained ({f.language} {f.method}): {example}")
    return out
