"""A call's speech: the customer's line in the persona's voice, the trainee's recorded reply
checked and transcribed in the scenario's language with the vocabulary the node expects.

Bytes in, bytes or a transcript out, so the app's call page, `play --voice`, the tests and
the benchmarks all take the same steps.
"""
from __future__ import annotations

import re
import time
from collections.abc import Callable
from dataclasses import dataclass, field, replace

import numpy as np

from ..scenario.model import Scenario
from ..scoring.accuracy import check_fact
from ..scoring.hearing import Hearing
from ..scoring.matching import Reply
from . import audio, spoken_numbers, tts, verify
from .asr import AsrBusy, Transcriber, Transcript, get_transcriber

BUSY_WAIT_SECONDS = 30.0    # how long a reply waits for a free speech recogniser before giving up
BUSY_RETRY_SECONDS = 0.5
UNCLEAR_WORD = 0.5          # a transcript word heard with lower probability is marked unclear to the trainee
READ_REFERENCES = True      # an unsure Ukrainian transcript is checked whole against the node's reference answers
READ_BELOW_CLARITY = 0.7    # ... when the mean word probability is below this
READ_MEAN = 1.5             # the mean ratio over a reference's tokens (recording vs silence) to read it
READ_CLAUSE = -0.1          # ... the lowest over its clauses
READ_FACT = 0.5             # ... and the lowest over the key facts' wordings in it


@dataclass(frozen=True)
class Heard:
    """A spoken reply as the product understood it: the transcript, and what the recording
    showed about the node's key facts that the transcript does not (``hearing``)."""

    transcript: Transcript
    hearing: Hearing = field(default_factory=Hearing)
    scores: dict[str, float] = field(default_factory=dict)     # fact id -> verification score (evidence)
    timings: dict[str, float] = field(default_factory=dict)
    free_text: str = ""     # the recogniser's own transcript, when the recording was read as a reference answer

    @property
    def unclear_words(self) -> list[int]:
        """Indexes into ``transcript.words`` of the words the recogniser was unsure of."""
        return [i for i, w in enumerate(self.transcript.words) if w.probability < UNCLEAR_WORD]


def customer_voice(scenario: Scenario, mood: str | None = None) -> tts.VoiceSpec:
    """The persona's voice as the scenario file describes it; ``mood``: the node's, when it sets one."""
    persona = scenario.persona
    return tts.VoiceSpec(
        language=scenario.language, gender=persona.gender, variant=persona.voice.variant, rate=persona.voice.rate,
        pitch=persona.voice.pitch, volume=persona.voice.volume, mood=mood or persona.mood,
    )


def customer_audio(scenario: Scenario, line: str, replay: int = 0, mood: str | None = None) -> bytes:
    """The customer saying ``line`` over a telephone line, as WAV bytes (cached by tts).

    ``replay`` > 0 appends that many milliseconds of silence: the bytes, and so the address
    the browser plays them from, change, which makes an autoplaying player start again.
    """
    wav = tts.synthesize(line, customer_voice(scenario, mood), phone_line=True)
    if not replay:
        return wav
    samples, rate = audio.read_wav(wav)
    return audio.wav_bytes(np.concatenate([samples, np.zeros(rate * replay // 1000, np.float32)]), rate)


def hear(scenario: Scenario, node_id: str, samples: np.ndarray, transcriber: Transcriber | None = None,
         wait: float = BUSY_WAIT_SECONDS, on_wait: Callable[[], None] | None = None,
         transcript: Transcript | None = None) -> Heard:
    """The reply transcribed with no hints (a prompt of the node's words made the recogniser
    write facts the speaker never said), then each key fact the transcript does not show
    checked against the recording (verify.py), when the backend can. ``transcript``: one
    already made that way (the benchmark reuses it)."""
    transcriber = transcriber or get_transcriber()
    if transcript is None:
        transcript = transcribe(scenario, node_id, samples, transcriber, wait=wait, on_wait=on_wait)
    node = scenario.nodes[node_id]
    reply = Reply(transcript.text, scenario.language)
    language = scenario.language
    unsure = {fact.id: _as_said(fact.accept, language) for fact in node.key_facts
              if not check_fact(reply, fact, language).said}
    model = getattr(transcriber, "verifier_model", lambda: None)()
    if model is None or not (unsure or _may_read(transcript, language)):
        return Heard(transcript)
    started = time.perf_counter()
    free_text, read, evidence = "", set(), 0.0
    if _may_read(transcript, language) and node.references:
        reading, evidence = _reading(transcriber, model, samples, node, language, wait)
        if reading:
            free_text, transcript = transcript.text, replace(transcript, text=reading)
            read = {f for f in unsure if any(check_fact(Reply(reading, language), fact, language).said for fact in node.key_facts if fact.id == f)}
            unsure = {f: wordings for f, wordings in unsure.items() if f not in read}
    if not unsure:
        return Heard(transcript, Hearing(frozenset(read)), dict.fromkeys(read, evidence),
                     {"verify": round(time.perf_counter() - started, 4)}, free_text)
    heard_clarity = clarity(transcript)
    scores = _at_gate(transcriber, wait, lambda: verify.verifier(model, language).facts(
        samples, [w.word for w in transcript.words] or transcript.text.split(), unsure, _as_said(node.references, language),
        every_word=heard_clarity < verify.EVERY_WORD_BELOW))
    verified, unclear = verify.thresholds(heard_clarity)
    hearing = Hearing(frozenset(read | {s.fact_id for s in scores if s.score >= verified}),
                      frozenset(s.fact_id for s in scores if unclear <= s.score < verified))
    return Heard(transcript, hearing, {**dict.fromkeys(read, evidence), **{s.fact_id: round(s.score, 3) for s in scores}},
                 {"verify": round(time.perf_counter() - started, 4)}, free_text)


def _may_read(transcript: Transcript, language: str) -> bool:
    """Whether the reply is checked whole against the node's reference answers: a Ukrainian
    reply the recogniser wrote down unsure of itself (see `_reading`)."""
    return READ_REFERENCES and language == "uk" and bool(transcript.words) and clarity(transcript) < READ_BELOW_CLARITY


def _reading(transcriber, model, samples: np.ndarray, node, language: str, wait: float) -> tuple[str, float]:
    """The reference answer the recording says and its score, or ("", 0): each reference (and its figures as
    said aloud) is forced through the decoder, and counts only when its tokens as a whole,
    every one of its clauses and every key fact's wording in it score at least READ_MEAN,
    READ_CLAUSE and READ_FACT (verify.Verifier.readings). A reference that holds a key fact
    about a figure is never read: the same answer with the figure changed scores almost as
    well («за 13 робочих днів» gave «10 робочих днів» 2.33, the whole reading 2.06), so its
    figures are left to the fact-by-fact check."""
    said = {" ".join(variant.split()): reference for reference in node.references
            for variant in _as_said([reference], language)}
    facts = {fact.id: _as_said(fact.accept, language) for fact in node.key_facts}
    figures = frozenset(fact.id for fact in node.key_facts if any(re.search(r"\d", w) for w in fact.accept))
    about_figures = [w.lower() for f in figures for w in facts[f]]
    said = {variant: reference for variant, reference in said.items()
            if not any(w in variant.lower() for w in about_figures)}     # never read (below): not worth a decoder pass
    if not said:
        return "", 0.0
    scores = _at_gate(transcriber, wait, lambda: verify.verifier(model, language).readings(samples, list(said), facts, figures))
    good = [s for s in scores if s.mean >= READ_MEAN and s.weakest >= READ_CLAUSE and s.weakest_fact >= READ_FACT
            and s.weakest_figure == float("inf")]     # no key fact about a figure in it: see the docstring
    best = max(good, key=lambda s: s.mean, default=None)
    return (said[best.reference], round(best.mean, 3)) if best else ("", 0.0)


def _at_gate(transcriber, wait: float, check):
    """``check()`` run at the recogniser's gate (it uses the same cores), waiting for a free
    place up to ``wait`` seconds before letting AsrBusy through."""
    deadline = time.monotonic() + wait
    while True:
        try:
            with transcriber.gate.enter():
                return check()
        except AsrBusy:
            if time.monotonic() >= deadline:
                raise
            time.sleep(BUSY_RETRY_SECONDS)


def _as_said(texts, language: str) -> list[str]:
    """The texts, and each one with figures also as it is said aloud («23:00» in words), since
    the check against the recording scores the tokens of what was said (spoken_numbers)."""
    return list(dict.fromkeys([*texts, *(said for text in texts for said in spoken_numbers.spoken(text, language))]))


def cer(reference: str, heard_text: str) -> float:
    """Character error rate of what was heard against what was said: letters and digits,
    case and punctuation ignored."""
    from rapidfuzz.distance import Levenshtein

    reference, heard_text = _plain(reference), _plain(heard_text)
    return Levenshtein.distance(reference, heard_text) / max(1, len(reference))


def _plain(text: str) -> str:
    return " ".join(re.findall(r"[^\W_]+", text.lower().replace("’", "'")))


def clarity(transcript: Transcript) -> float:
    """How clearly the reply was heard: the mean probability of its words (1 with none)."""
    words = transcript.words
    return sum(w.probability for w in words) / len(words) if words else 1.0


def hints(scenario: Scenario, node_id: str) -> list[str]:
    """The vocabulary prompt the call page used until it was shown to invent facts: the
    words of the node's key facts. Kept only for the hearing benchmark's "hints" method.

    On the hearing benchmark (every scenario's first reply node, spoken by our voice) this
    prompt made Whisper write key-fact words into Ukrainian replies that never had them: 5
    facts gained by rude, off-topic and other-scenario replies, as the call page had been
    seen to do. Whole reference answers as the prompt were worse still (5 of 20 rude replies).
    A score must never rest on words the prompt put in the trainee's mouth: `hear` uses none.
    """
    node = scenario.nodes[node_id]
    words = dict.fromkeys(
        word.strip(".,;:!?«»\"")
        for fact in node.key_facts for wording in fact.accept for word in wording.split()
        if len(word) > 3 or any(c.isdigit() for c in word)
    )
    return [", ".join(words)] if words else []


def check_recording(data: bytes) -> np.ndarray:
    """The recording decoded to 16 kHz mono and checked; AudioError (with a message for the
    trainee in ``.text(lang)``) when it is empty, damaged, silent, too short or too long."""
    return audio.decode(data, audio.Limits.from_env())


def transcribe(scenario: Scenario, node_id: str, samples: np.ndarray, transcriber: Transcriber | None = None,
               wait: float = BUSY_WAIT_SECONDS, on_wait: Callable[[], None] | None = None,
               with_hints: bool = False) -> Transcript:
    """The reply's transcript, in the scenario's language; ``with_hints``: biased toward
    the node's key-fact words (only the hearing benchmark asks for that; see `hints`).

    When the recogniser is busy (AsrBusy), waits for a free place up to ``wait`` seconds
    (``on_wait`` is called once, e.g. to tell the trainee), then lets AsrBusy through.
    """
    transcriber = transcriber or get_transcriber()
    deadline = time.monotonic() + wait
    told = False
    while True:
        try:
            return transcriber.transcribe(samples, scenario.language, hints(scenario, node_id) if with_hints else ())
        except AsrBusy:
            if time.monotonic() >= deadline:
                raise
            if on_wait is not None and not told:
                on_wait()
                told = True
            time.sleep(BUSY_RETRY_SECONDS)
