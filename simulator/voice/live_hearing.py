"""Hearing a reply while it is spoken (hands-free calls): each finished phrase is transcribed
in the background as the trainee goes on, so that at the end of the turn only the last phrase
remains; and when the pause after a phrase is about to end the turn (``EndLikely``), the
reply so far is heard in full (``speech.hear``: the transcript, then the key facts it misses
checked against the recording), so that when the trainee does stop there little is left.

How a reply is credited is ``speech.hear``'s alone: this module only calls it earlier, on the
same samples, with the phrases' transcripts joined as the free transcript. What is known of
the reply before that (``LiveHearing.so_far``, ``tell_phrases``) only guides the call: when
the turn ends, and which line the customer starts with before the reply is heard in full.
"""
from __future__ import annotations

import threading
import time
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import replace

import numpy as np

from ..call import customer_behaviour
from ..call.engine import Call
from ..scenario.model import Scenario
from ..scoring.hearing import Hearing
from . import speech
from .asr import Transcriber, Transcript, Word, get_transcriber
from .turn_taking import SAMPLE_RATE, Phrase, TurnEnd, TurnTaker


def joined(parts: list[tuple[int, Transcript]], duration: float) -> Transcript:
    """Transcripts of phrases (each with its first sample in the turn) as one transcript of
    the turn: the texts in order, the word times moved to the turn's clock."""
    words: list[Word] = []
    timings: dict[str, float] = {}
    for start, part in parts:
        offset = start / SAMPLE_RATE
        words += [Word(w.word, round(w.start + offset, 3), round(w.end + offset, 3), w.probability) for w in part.words]
        for name, value in part.timings.items():
            timings[name] = round(timings.get(name, 0.0) + value, 4)
    first = parts[0][1] if parts else None
    return Transcript(
        text=" ".join(p.text for _, p in parts if p.text).strip(),
        language=first.language if first else "",
        duration=round(duration, 3),
        speech_start=words[0].start if words else None,
        speech_duration=round(words[-1].end - words[0].start, 3) if words else 0.0,
        words=words, timings=timings,
        backend=first.backend if first else "", model=first.model if first else "",
    )


class LiveHearing:
    """One turn heard as it is spoken. ``phrase`` as each phrase ends (returns at once),
    ``finish`` at the end of the turn (returns the Heard). One background worker: phrases
    are transcribed in order, and the recogniser's gate is shared with every other call."""

    def __init__(self, scenario: Scenario, node_id: str, transcriber: Transcriber | None = None,
                 speculate: bool = True):
        self.scenario, self.node_id = scenario, node_id
        self.transcriber = transcriber or get_transcriber()
        self.speculate = speculate
        self._worker = ThreadPoolExecutor(max_workers=1, thread_name_prefix="live-hearing")
        self._lock = threading.Lock()
        self._parts: dict[Phrase, Future] = {}
        self._latest: Phrase | None = None
        self._ahead: dict[Phrase, Future] = {}          # last phrase -> the reply heard up to it
        self.texts: list[str] = []                      # each phrase's transcript, in order, once known
        self.timings: dict[str, float] = {}

    def phrase(self, audio: np.ndarray, phrase: Phrase) -> Future:
        """Transcribe ``audio[phrase.start:phrase.end]`` (the turn's audio so far) in the
        background; the future gives the phrase's transcript."""
        with self._lock:
            self._latest = phrase
            part = self._worker.submit(self._transcribe, audio[phrase.start:phrase.end].copy())
            self._parts[phrase] = part
        return part

    def ahead(self, audio: np.ndarray, phrase: Phrase) -> Future | None:
        """Hear the reply as it stands, up to ``phrase`` (its last), in the background: the
        turn is likely to end there (turn_taking.EndLikely). None when not speculating."""
        if not self.speculate:
            return None
        with self._lock:
            future = self._ahead.get(phrase)
            if future is None:
                future = self._ahead[phrase] = self._worker.submit(self._hear_ahead, audio[:phrase.end].copy(), phrase)
        return future

    def speaking(self) -> None:
        """The trainee speaks again: a hearing-ahead not yet begun would be thrown away, so
        it is skipped (one already running goes on: the recogniser cannot be stopped)."""
        with self._lock:
            self._latest = None

    def finish(self, end: TurnEnd) -> speech.Heard:
        """The reply heard: the phrases not yet transcribed are, and unless the reply was
        already heard up to its last phrase, it is heard now."""
        started = time.perf_counter()
        phrases = list(end.phrases)
        with self._lock:
            for phrase in phrases:
                if phrase not in self._parts:
                    self._parts[phrase] = self._worker.submit(self._transcribe, end.audio[phrase.start:phrase.end].copy())
            ahead = self._ahead.get(phrases[-1]) if phrases else None
        heard = None
        if ahead is not None and phrases[-1].end == end.audio.size:
            heard = ahead.result()
        if heard is None:
            transcript = joined([(p.start, self._parts[p].result()) for p in phrases], end.audio.size / SAMPLE_RATE)
            heard = speech.hear(self.scenario, self.node_id, end.audio, self.transcriber, transcript=transcript)
        self.timings["finish"] = round(time.perf_counter() - started, 4)
        self.close()
        return replace(heard, transcript=replace(heard.transcript, duration=round(end.audio.size / SAMPLE_RATE, 3)))

    def so_far(self, end: TurnEnd) -> tuple[str, Hearing | None]:
        """What is known of the reply now, without waiting: when it was heard ahead up to its
        last phrase, that hearing's text and key facts; else the transcripts of the phrases
        done so far, in order, joined (no hearing)."""
        phrases = list(end.phrases)
        with self._lock:
            ahead = self._ahead.get(phrases[-1]) if phrases else None
            parts = [self._parts[p] for p in phrases if p in self._parts]
        if ahead is not None and ahead.done() and ahead.exception() is None and phrases[-1].end == end.audio.size:
            heard = ahead.result()
            if heard is not None:
                return heard.transcript.text, heard.hearing
        texts = []
        for part in parts:
            if not part.done() or part.exception() is not None:
                break
            texts.append(part.result().text)
        return " ".join(t for t in texts if t).strip(), None

    def close(self) -> None:
        self._worker.shutdown(wait=False, cancel_futures=True)

    # --- on the worker ---------------------------------------------------------------------
    def _transcribe(self, samples: np.ndarray) -> Transcript:
        transcript = speech.transcribe(self.scenario, self.node_id, samples, self.transcriber)
        self.texts.append(transcript.text)
        return transcript

    def _hear_ahead(self, samples: np.ndarray, last: Phrase) -> speech.Heard | None:
        """The reply as far as ``last``, heard; None when another phrase has begun since (the
        trainee went on, so this one would be thrown away)."""
        with self._lock:
            if self._latest != last:
                return None
            phrases = [p for p in self._parts if p.end <= last.end]
        transcript = joined([(p.start, self._parts[p].result()) for p in sorted(phrases, key=lambda p: p.start)],
                            samples.size / SAMPLE_RATE)
        with self._lock:
            if self._latest != last:
                return None
        return speech.hear(self.scenario, self.node_id, samples, self.transcriber, transcript=transcript)


def tell_phrases(taker: TurnTaker, hearing: LiveHearing, seen: int, call: Call) -> int:
    """Give the turn machine the phrase transcripts heard since the first ``seen`` (the last
    one scored with the ones before it as the reply stands, ``Call.provisional``: whether it
    already gives every key fact lets the turn end sooner). Returns how many were seen."""
    texts = list(hearing.texts)
    if len(texts) > seen:
        score = call.provisional(" ".join(t for t in texts if t))
        taker.phrase_heard(texts[-1], index=len(texts) - 1, answered=customer_behaviour.has_answer(score))
    return len(texts)
