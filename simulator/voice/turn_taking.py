"""Whose turn it is in a hands-free call, from the microphone's sound alone (no Streamlit here).

The microphone stays open. Its audio (16 kHz mono float32, in pieces of any size) goes through
the Silero voice activity detector that faster-whisper ships (its ONNX file is inside the
package: nothing is downloaded) and a pause rule:

- a stretch of speech of at least ``min_speech`` s starts a *phrase*; ``phrase_pause`` s of
  silence closes it (``Phrase`` event: the caller transcribes it while the trainee goes on);
- ``end_pause`` s of silence after the reply ends the turn (``TurnEnd``), but a reply that so
  far is short (under ``short_reply`` s of speech), or whose last phrase ends on a word that
  leads on («і», «тобто», "and", "um"), gets ``thinking_pause`` s: a thinking pause is not the
  end of the answer; and a reply whose last phrase, once transcribed, ends a sentence while
  the reply so far gives every key fact the step asks for (the caller says so) gets only
  ``answered_pause`` s: the customer has what they asked for and takes the turn, as people
  do; ``AHEAD`` s before the end, ``EndLikely`` (the caller may hear the reply as it stands,
  so that little is left when the turn ends);
- ``patience`` s of silence before the trainee says anything gives ``Silence`` (the customer
  checks the line), and a reply longer than ``max_reply`` s gives ``TooLong`` (the customer
  cuts in); each at most once per turn.

States (what the trainee sees): the customer speaking (the microphone's sound is ignored: it
is the customer's own line coming back), listening, heard you (the end of the turn was
detected), thinking (the reply is being heard and scored). Time is counted in samples fed, so
the machine is the same under test as in a live call.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from enum import Enum

import numpy as np

SAMPLE_RATE = 16000
WINDOW = 512                # samples per VAD decision (32 ms), as the Silero model takes them
CONTEXT = 64                # samples of the previous window the model sees before each one
PAD = round(0.2 * SAMPLE_RATE)      # kept around a phrase, so no word is cut at its edges
AHEAD = 0.3                 # s before the end of the turn at which EndLikely is given
MAX_TURN_SECONDS = 120      # the longest reply a recording may hold (audio.Limits)

# A last word that says the sentence goes on: the trainee is thinking, not done.
LEADING_ON = {
    "uk": {"і", "й", "та", "а", "але", "бо", "що", "щоб", "тобто", "або", "ну", "е", "ее", "еее", "ем", "гм",
           "тому", "якщо", "коли", "як", "це", "от", "значить", "зараз"},
    "en": {"and", "but", "so", "because", "or", "that", "the", "a", "to", "um", "uh", "er", "erm", "hmm",
           "if", "when", "which", "like", "well", "then"},
}


class State(str, Enum):
    CUSTOMER = "customer_speaking"
    LISTENING = "listening"
    HEARD = "heard"
    THINKING = "thinking"


@dataclass(frozen=True)
class PauseRule:
    """When speech is speech, when a phrase and when the turn is over (seconds)."""

    threshold: float = 0.5          # speech probability at which a window counts as speech
    min_speech: float = 0.25        # speech shorter than this (a click, a cough) starts no phrase
    phrase_pause: float = 0.35      # silence that closes a phrase
    end_pause: float = 0.8          # silence after a reply that ends the turn; the VAD hears a gap between
                                    # sentences as at most 0.1 s longer than it is (0.6 s: 0.54-0.70 s), as
                                    # a sound too short to start a phrase (a next word's first sound) ends
                                    # the pause. Counted as silence, it made a 0.45 s gap up to 1.28 s.
    thinking_pause: float = 2.0     # ... after a short reply, or one whose last word leads on
    answered_pause: float = 0.6     # ... after a finished sentence once the reply gives every key fact
    short_reply: float = 2.0        # seconds of speech under which a reply is still short
    patience: float | None = 8.0    # silence before any speech after which the customer checks the line
    max_reply: float | None = 45.0  # a reply this long gets the customer cutting in
    echo_margin: float = 0.3        # after the customer's line, the microphone is ignored this much longer

    def pause_needed(self, speech_seconds: float, leads_on: bool = False, answered: bool = False) -> float:
        if leads_on or speech_seconds < self.short_reply:
            return self.thinking_pause
        return self.answered_pause if answered else self.end_pause


def leads_on(text: str, language: str) -> bool:
    """Whether ``text`` (a phrase's transcript) ends on a word that says the sentence goes on."""
    if re.search(r"(?:\.\.\.|…|,|—|-)\s*$", text):
        return True
    words = re.findall(r"[^\W\d_]+(?:['’][^\W\d_]+)?", text.lower())
    return bool(words) and words[-1] in LEADING_ON.get(language, set())


def ends_sentence(text: str) -> bool:
    """Whether ``text`` (a phrase's transcript) ends a sentence: a full stop, a question or an exclamation."""
    return bool(re.search(r"(?<!\.\.)[.?!]\W*$", text.strip())) and not text.rstrip().endswith("...")


@dataclass(frozen=True)
class Phrase:
    """A finished phrase: samples [start, end) of the turn's audio, padded."""

    start: int
    end: int


@dataclass(frozen=True)
class EndLikely:
    """The pause after ``phrase`` is ``AHEAD`` s short of ending the turn: time to hear the
    reply as it stands (if the trainee goes on, that work is thrown away)."""

    phrase: Phrase


@dataclass(frozen=True)
class TurnEnd:
    """The trainee finished: ``audio`` is the turn from the start of listening to the end of
    speech (padded); ``speech_end`` the sample where speech ended; ``phrases`` all of them."""

    audio: np.ndarray = field(repr=False)
    speech_end: int
    phrases: tuple[Phrase, ...]


@dataclass(frozen=True)
class Silence:
    """No speech for the customer's patience."""

    seconds: float


@dataclass(frozen=True)
class TooLong:
    """The reply has gone on for longer than the customer will listen."""

    seconds: float


class StreamingVad:
    """Silero VAD over audio that arrives in pieces: one speech probability per 32 ms window,
    the model's state carried from window to window."""

    def __init__(self):
        from faster_whisper.vad import get_vad_model     # the ONNX file inside faster-whisper

        self._session = get_vad_model().session
        self.reset()

    def reset(self) -> None:
        self._h = np.zeros((1, 1, 128), np.float32)
        self._c = np.zeros((1, 1, 128), np.float32)
        self._context = np.zeros(CONTEXT, np.float32)
        self._pending = np.zeros(0, np.float32)

    def feed(self, samples: np.ndarray) -> np.ndarray:
        """Probabilities for every window completed by ``samples`` (maybe none)."""
        data = np.concatenate([self._pending, np.asarray(samples, np.float32)])
        count = data.size // WINDOW
        self._pending = data[count * WINDOW:]
        if not count:
            return np.zeros(0, np.float32)
        windows = data[: count * WINDOW].reshape(count, WINDOW)
        contexts = np.concatenate([self._context[None, :], windows[:-1, -CONTEXT:]])
        self._context = windows[-1, -CONTEXT:].copy()
        probs = []
        for window in np.concatenate([contexts, windows], axis=1):     # one at a time: the state carries over
            out, self._h, self._c = self._session.run(None, {"input": window[None, :], "h": self._h, "c": self._c})
            probs.append(float(out.reshape(-1)[0]))
        return np.asarray(probs, np.float32)


class TurnTaker:
    """The turn-taking state machine of one call. ``feed`` the microphone's audio; it returns
    the events (Phrase, EndLikely, TurnEnd, Silence, TooLong) that the audio completed."""

    def __init__(self, rule: PauseRule = PauseRule(), vad: StreamingVad | None = None, language: str = "uk"):
        self.rule = rule
        self.language = language
        self._vad = vad or StreamingVad()
        self.state = State.LISTENING
        self._customer_left = 0          # samples of the customer's line still to ignore
        self._keep_turn = False          # the customer only cut in: the same turn goes on after
        self._start_turn()

    # --- what the call tells the machine -------------------------------------------------
    def customer_speaks(self, seconds: float) -> None:
        """The customer's line plays for ``seconds``: the microphone is ignored until it ends."""
        self.state = State.CUSTOMER
        self._customer_left = round((seconds + self.rule.echo_margin) * SAMPLE_RATE)
        self._keep_turn = False
        self._start_turn()

    def interject(self, seconds: float) -> None:
        """The customer cuts in for ``seconds`` during the trainee's turn (too long, or rude):
        the microphone is ignored meanwhile, and then the same turn goes on."""
        self.state = State.CUSTOMER
        self._customer_left = round((seconds + self.rule.echo_margin) * SAMPLE_RATE)
        self._keep_turn = True

    def listen(self) -> None:
        """Listen for the trainee now (a new turn)."""
        self.state = State.LISTENING
        self._customer_left = 0
        self._start_turn()

    def thinking(self) -> None:
        """The reply is being heard and scored: the microphone is ignored meanwhile."""
        self.state = State.THINKING

    def phrase_heard(self, text: str, index: int | None = None, answered: bool = False) -> None:
        """The transcript of the last finished phrase (``index``: its place among the turn's
        phrases; the text of an earlier one, or one heard while the trainee speaks again,
        changes nothing): a last word that leads on lets the trainee pause longer before the
        turn ends; a finished sentence when the reply so far gives every key fact
        (``answered``) ends it sooner."""
        if index is not None and (index != len(self._phrases) - 1 or self._phrase_start is not None):
            return
        self._leads_on = leads_on(text, self.language)
        self._answered = answered and not self._leads_on and ends_sentence(text)

    # --- what the machine reports ---------------------------------------------------------
    @property
    def customer_seconds_left(self) -> float:
        """How much longer the microphone is ignored for the customer's line."""
        return self._customer_left / SAMPLE_RATE if self.state is State.CUSTOMER else 0.0

    @property
    def speech_seconds(self) -> float:
        return self._speech / SAMPLE_RATE

    @property
    def speaking(self) -> bool:
        """The trainee is speaking now (or paused within a phrase)."""
        return self._phrase_start is not None

    @property
    def audio(self) -> np.ndarray:
        return np.concatenate(self._chunks) if self._chunks else np.zeros(0, np.float32)

    def feed(self, samples: np.ndarray) -> list:
        samples = np.asarray(samples, np.float32).reshape(-1)
        if self.state is State.CUSTOMER:
            if samples.size <= self._customer_left:
                self._customer_left -= samples.size
                return []
            samples = samples[self._customer_left:]
            self._customer_left = 0
            self.state = State.LISTENING
            if not self._keep_turn:
                self._start_turn()
            self._keep_turn = False
        if self.state is not State.LISTENING:
            return []
        if self._size + samples.size > MAX_TURN_SECONDS * SAMPLE_RATE:
            samples = samples[: max(0, MAX_TURN_SECONDS * SAMPLE_RATE - self._size)]
        self._chunks.append(samples)
        self._size += samples.size
        events = []
        for prob in self._vad.feed(samples):
            events.extend(self._window(prob))
            if self.state is not State.LISTENING:
                break
        return events

    # --- inside ---------------------------------------------------------------------------
    def _start_turn(self) -> None:
        self._chunks: list[np.ndarray] = []
        self._size = 0
        self._at = 0                    # samples decided by the VAD so far
        self._run = 0                   # speech samples in the current stretch of speech
        self._pause = 0                 # silence samples since the last speech (or since listening began)
        self._phrase_start: int | None = None
        self._speech_end: int | None = None
        self._speech = 0                # speech samples in this turn's phrases
        self._first: int | None = None  # first speech sample of the turn
        self._phrases: list[Phrase] = []
        self._leads_on = False
        self._answered = False
        self._told_silence = False
        self._told_long = False
        self._told_likely = False
        self._vad.reset()

    def _window(self, prob: float) -> list:
        self._at += WINDOW
        rule, events = self.rule, []
        voiced = prob >= rule.threshold or (self._run and prob >= rule.threshold - 0.15)
        self._run = self._run + WINDOW if voiced else 0
        if voiced and self._phrase_start is None and self._run >= rule.min_speech * SAMPLE_RATE:
            self._phrase_start = self._at - self._run       # a phrase starts
            self._told_likely = False
            self._first = self._phrase_start if self._first is None else self._first
            self._speech += self._run
            self._leads_on = self._answered = False
        elif voiced and self._phrase_start is not None:
            self._speech += WINDOW
        if voiced and self._phrase_start is not None:
            self._pause = 0
            self._speech_end = self._at
        else:       # silence, or speech too short yet to start a phrase (a click, a cough, a word's first sound)
            self._pause = 0 if voiced else self._pause + WINDOW     # a pause is silence only (see PauseRule)
            if self._phrase_start is not None and self._pause >= rule.phrase_pause * SAMPLE_RATE:
                phrase = Phrase(max(0, self._phrase_start - PAD), min(self._size, self._speech_end + PAD))
                self._phrases.append(phrase)
                self._phrase_start = None
                events.append(phrase)
            if self._phrase_start is None and self._speech_end is not None and not voiced:     # a blip may be speech starting
                needed = rule.pause_needed(self.speech_seconds, self._leads_on, self._answered)
                if self._phrases and not self._told_likely and self._pause >= (needed - AHEAD) * SAMPLE_RATE:
                    self._told_likely = True
                    events.append(EndLikely(self._phrases[-1]))
                if self._pause >= needed * SAMPLE_RATE:
                    end = min(self._size, self._speech_end + PAD)
                    events.append(TurnEnd(self.audio[:end], self._speech_end, tuple(self._phrases)))
                    self.state = State.HEARD
                    return events
        if self._first is None and rule.patience and not self._told_silence and self._at >= rule.patience * SAMPLE_RATE:
            self._told_silence = True
            events.append(Silence(self._at / SAMPLE_RATE))
        if (self._first is not None and rule.max_reply and not self._told_long
                and self._at - self._first >= rule.max_reply * SAMPLE_RATE):
            self._told_long = True
            events.append(TooLong((self._at - self._first) / SAMPLE_RATE))
        return events
