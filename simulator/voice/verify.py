"""Key facts checked against the recording itself, not only against its transcript.

Whisper base writes Ukrainian synthetic or accented speech down badly (character error rate
about 0.5-0.7), yet it hears enough to tell whether a *given* wording was said: the decoder's
probability of the wording's tokens, forced after the words said before it, is high when the
wording is in the audio and low when it is not (ARCHITECTURE.md, "Verifying instead of
transcribing"). For each key fact the transcript does not show, every accepted wording is
placed where it would be said — inside each reference answer that contains it, and after the
transcript's words up to the stretch that sounds most like it — and scored:

    score = mean log p(wording tokens | text before it, this recording)
            - mean log p(wording tokens | text before it, silence)

The second term removes what the language model alone expects («будь» → «ласка»), so the
score measures what the audio adds. The best placement and wording count, among placements
whose text before the wording the recording supports too (the same ratio over that text, at
least MIN_SUPPORT): forced through a reference answer that the reply never said, the decoder
loses its place and can give a wording a high ratio by chance (an off-topic reply gained
1.47 that way). A wording of fewer than SHORT_TOKENS tokens scores SHORT_PENALTY less: two
common words («мені тут») were "heard" in another scenario's reply. The decoder is causal, so
one pass over a reference answer scores every wording inside it.

When the transcript is very unclear (clarity below EVERY_WORD_BELOW), a placement also counts
only if the recording supports every content word of the wording (``absent_word``): a word of
three letters or more, without figures, is absent when the decoder gives it a mean token
log-probability below ABSENT_HEARD with this recording *and* the recording adds less than
ABSENT_RATIO to it. A mean over the wording's tokens let a word that was said carry one that
was not: at beam 1 another scenario's reference with «Напишіть … номер» gained «напишіть
показники» (2.77: «показники» -9.67, ratio 0.12) and one with «актуальні показники» gained
«обидва показники» (1.77: «обидва» -7.32, ratio 0.79), while of the 89 facts the same run
verified in spoken references none had such a word (the nearest: «обидва» -6.05, ratio 0.89).

How much a score must show depends on how clearly the reply was heard (`clarity`, the mean
probability of the transcript's words): when the transcript is clear, a fact it lacks was
most likely not said, and only a strong score overturns that; a "not heard clearly" verdict
is only possible when the reply was unclear. The thresholds (`thresholds`) were set on the
hearing benchmark (`python -m simulator eval hearing`) so that no rude, off-topic or
other-scenario reply spoken through the same path gains a fact; figures in docs/voice.md.

Only the first 30 s of a recording are checked (one Whisper window); only the in-process
faster-whisper backend can verify (it needs the decoder). With other backends a spoken reply
is judged on its transcript alone.
"""
from __future__ import annotations

import re
import threading
from collections import OrderedDict
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from . import encoder_window

VERIFIED = 1.5          # mean log-likelihood ratio per token, recording vs silence, for an unclear reply
UNCLEAR = 1.1           # from here up to VERIFIED: "not heard clearly" (unclear replies only)
CLEAR = 0.6             # clarity from which the transcript is trusted more ...
STRICTER = 6.0          # ... and VERIFIED rises by this much per unit of clarity above CLEAR
UNCLEAR_BELOW = 0.7     # a reply heard more clearly than this has no "not heard clearly" facts
MIN_SUPPORT = 0.3       # a placement counts only if the text before the wording scores this much itself
SHORT_TOKENS = 4        # a wording of fewer tokens («мені тут») is heard too easily in any reply ...
SHORT_PENALTY = 0.5     # ... so its score counts this much less
EVERY_WORD_BELOW = 0.6  # below this clarity every content word of a wording must be heard ...
ABSENT_HEARD = -6.75    # ... a word the decoder gives a lower mean log-probability with the recording ...
ABSENT_RATIO = 1.0      # ... while the recording adds less than this to it (vs silence) was not said
_PADDING = 25           # encoder positions kept after the speech (2 mel frames each)
_SILENCE_POSITIONS = 100    # the silence the language model's expectation is measured against (2 s)
_PRIORS = 2048          # token sequences whose silence scores are remembered (reference answers repeat)


def thresholds(clarity: float) -> tuple[float, float]:
    """(verified, unclear): the scores from which a fact is verified, and from which it is
    "not heard clearly", for a reply heard with this clarity (mean word probability)."""
    verified = VERIFIED + STRICTER * max(0.0, clarity - CLEAR)
    return verified, (UNCLEAR if clarity < UNCLEAR_BELOW else verified)


@dataclass(frozen=True)
class FactScore:
    fact_id: str
    score: float        # the best ratio over wordings and placements; -inf when nothing could be placed
    wording: str
    support: float = float("nan")   # the same ratio over the text placed before the wording (nan: none)


_CLAUSE_END = re.compile(r"[.,!?;:…—–]+(?=\s|$)")


@dataclass(frozen=True)
class ReadingScore:
    """A reference answer checked whole against a recording (`Verifier.readings`)."""

    reference: str
    mean: float         # the mean ratio over all its tokens
    weakest: float      # the lowest mean ratio of any of its clauses
    clauses: int
    weakest_fact: float = float("inf")  # the lowest mean ratio of a key fact's wording inside it (inf: none inside)
    weakest_figure: float = float("inf")    # the same over the facts about a figure


class Verifier:
    """Scores wordings against recordings with a loaded faster-whisper `WhisperModel`."""

    def __init__(self, model, language: str):
        from faster_whisper.tokenizer import Tokenizer

        self.model = model
        self.tokenizer = Tokenizer(model.hf_tokenizer, model.model.is_multilingual, task="transcribe", language=language)
        self._silence: np.ndarray | None = None
        self._priors: OrderedDict[tuple[int, ...], np.ndarray] = OrderedDict()
        self._texts: dict[int, str] = {}        # token -> its text (absent_word)
        self._lock = threading.Lock()

    def facts(self, samples: np.ndarray, heard_words: Sequence[str], facts: dict[str, Sequence[str]],
              references: Sequence[str] = (), every_word: bool = False) -> list[FactScore]:
        """The score of each fact (id -> accepted wordings) in the recording ``samples``
        (16 kHz mono), given the transcript's words and the node's reference answers;
        ``every_word``: a placement counts only if no content word of the wording is absent
        (`absent_word`; for very unclear transcripts)."""
        if not facts:
            return []
        sequences, spans = self._placements(heard_words, facts, references)
        if not sequences:
            return [FactScore(fact_id, float("-inf"), "") for fact_id in facts]
        audio, frames = self._encode(samples)
        keep = min(audio.shape[1], frames // 2 + _PADDING)    # the speech and a little padding: the rest costs, adds nothing
        heard = self._log_probs(audio[:, :keep], sequences)
        expected = self._expected(sequences)
        best: dict[str, FactScore] = {}
        for fact_id, wording, k, start, end in spans:
            score = float(heard[k][start:end].mean() - expected[k][start:end].mean())
            if end - start < SHORT_TOKENS:
                score -= SHORT_PENALTY
            support = float(heard[k][:start].mean() - expected[k][:start].mean()) if start else float("nan")
            if support < MIN_SUPPORT:      # the reply did not say what comes before: the placement means nothing
                continue
            if every_word and self.absent_word(sequences[k][start:end], heard[k][start:end], expected[k][start:end]):
                continue
            if fact_id not in best or score > best[fact_id].score:
                best[fact_id] = FactScore(fact_id, score, wording, support)
        return [best.get(fact_id, FactScore(fact_id, float("-inf"), "")) for fact_id in facts]

    def absent_word(self, tokens: Sequence[int], heard: np.ndarray, expected: np.ndarray) -> str:
        """The first content word of a wording (its ``tokens``, with their log-probabilities
        ``heard`` with the recording and ``expected`` over silence) that the recording does not
        support, or "": three letters or more, no figures, mean log-probability below
        ABSENT_HEARD and the recording adding less than ABSENT_RATIO."""
        texts = [self._token_text(t) for t in tokens]
        starts = [i for i, text in enumerate(texts) if i == 0 or text.startswith(" ")]
        for a, b in zip(starts, [*starts[1:], len(tokens)]):
            word = "".join(texts[a:b]).strip()
            if len(re.sub(r"\W", "", word)) < 3 or re.search(r"\d", word):
                continue
            said = float(heard[a:b].mean())
            if said < ABSENT_HEARD and said - float(expected[a:b].mean()) < ABSENT_RATIO:
                return word
        return ""

    def _token_text(self, token: int) -> str:
        text = self._texts.get(token)
        if text is None:
            text = self._texts[token] = self.tokenizer.decode([token])
        return text

    def readings(self, samples: np.ndarray, references: Sequence[str],
                 facts: dict[str, Sequence[str]] | None = None, figures: frozenset[str] = frozenset()) -> list[ReadingScore]:
        """How well the recording supports each reference answer said whole: the decoder is
        forced through the answer's tokens, and the whole, each clause and each key fact's
        wording inside it (``facts``: id -> accepted wordings) are scored as a wording is
        (the mean ratio, recording against silence); ``figures``: the ids of facts about a
        figure, whose lowest score is also given apart. See speech._reading."""
        references = [r for r in dict.fromkeys(" ".join(r.split()) for r in references) if r]
        if not references:
            return []
        sequences, clauses, wordings = [], [], []
        for reference in references:
            sequences.append(self._tokens(reference))
            ends = [m.end() for m in _CLAUSE_END.finditer(reference)] + [len(reference)]
            bounds = sorted({len(self._tokens(reference[:end])) for end in ends})
            clauses.append([(a, b) for a, b in zip([0, *bounds], bounds) if b > a])
            found = []
            for fact_id, accepted in (facts or {}).items():
                for wording in accepted:
                    at = re.search(r"(?<!\w)" + re.escape(wording.lower()), reference.lower())
                    if at:
                        found.append((fact_id, len(self._tokens(reference[:at.start()])),
                                      len(self._tokens(reference[:at.start() + len(wording)]))))
            wordings.append(found)
        audio, frames = self._encode(samples)
        keep = min(audio.shape[1], frames // 2 + _PADDING)
        heard = self._log_probs(audio[:, :keep], sequences)
        expected = self._expected(sequences)
        out = []
        for reference, h, e, spans, found in zip(references, heard, expected, clauses, wordings):
            ratio = h[:len(e)] - e[:len(h)]
            means = [float(ratio[a:b].mean()) for a, b in spans if b <= len(ratio)]
            per_fact: dict[str, float] = {}
            for fact_id, a, b in found:
                if a < b <= len(ratio):
                    per_fact[fact_id] = max(per_fact.get(fact_id, float("-inf")), float(ratio[a:b].mean()))
            figure = [v for k, v in per_fact.items() if k in figures]
            out.append(ReadingScore(reference, float(ratio.mean()) if ratio.size else float("-inf"),
                                    min(means) if means else float("-inf"), len(spans),
                                    min(per_fact.values()) if per_fact else float("inf"),
                                    min(figure) if figure else float("inf")))
        return out

    def _placements(self, heard_words, facts, references):
        """Token sequences to score, and where each wording sits in them:
        (fact id, wording, sequence index, first token, end token)."""
        sequences: list[list[int]] = []
        spans = []
        inside: dict[str, list[tuple[str, str, int]]] = {}      # reference -> (fact, wording, character offset)
        for fact_id, wordings in facts.items():
            for wording in wordings:
                for reference in references:
                    found = re.search(r"(?<!\w)" + re.escape(wording.lower()), reference.lower())
                    if found:
                        inside.setdefault(reference, []).append((fact_id, wording, found.start()))
                if heard_words:
                    start = most_like(wording.split(), heard_words)
                    prefix, words = self._tokens(" ".join(heard_words[:start])), self._tokens(wording)
                    spans.append((fact_id, wording, len(sequences), len(prefix), len(prefix) + len(words)))
                    sequences.append(prefix + words)
        for reference, found in inside.items():     # one pass scores every wording inside a reference
            end_of_last = max(at + len(wording) for _, wording, at in found)
            tokens = self._tokens(reference[:end_of_last])
            for fact_id, wording, at in found:
                before = len(self._tokens(reference[:at]))
                spans.append((fact_id, wording, len(sequences), before, len(self._tokens(reference[:at + len(wording)]))))
            sequences.append(tokens)
        return sequences, [s for s in spans if s[4] > s[3]]

    def _tokens(self, text: str) -> list[int]:
        text = " ".join(text.split())
        return self.tokenizer.encode(" " + text) if text else []

    def _encode(self, samples: np.ndarray) -> tuple[np.ndarray, int]:
        """The encoder's output for the first 30 s (1500 positions) and the number of mel
        frames that hold the recording: the one transcription made when it encoded the whole
        window (encoder_window.capturing), else made now and kept, since a reply is checked
        whole (`readings`) and then fact by fact (`facts`) over one encoder pass."""
        from faster_whisper.audio import pad_or_trim

        found = encoder_window.recalled(self.model, samples)
        if found is not None:
            return found
        features = self.model.feature_extractor(samples)
        encode = getattr(self.model, "encode_full", self.model.encode)    # the window the thresholds were set on
        encoded = np.array(encode(pad_or_trim(features))), min(features.shape[-1], 3000)
        encoder_window.remember(self.model, samples, encoded)
        return encoded

    def _expected(self, sequences: list[list[int]]) -> list[np.ndarray]:
        """Each sequence's log-probabilities over silence: what the language model expects
        without audio. Remembered, since the reference answers' sequences come back."""
        with self._lock:
            if self._silence is None:
                silence, _ = self._encode(np.zeros(16000, dtype=np.float32))
                self._silence = silence[:, :_SILENCE_POSITIONS]
            missing = [s for s in dict.fromkeys(map(tuple, sequences)) if s not in self._priors]
        found = dict(zip(missing, self._log_probs(self._silence, [list(s) for s in missing]))) if missing else {}
        with self._lock:
            for key, value in found.items():
                self._priors[key] = value
            out = []
            for s in sequences:
                key = tuple(s)
                self._priors.move_to_end(key)
                out.append(self._priors[key])
            while len(self._priors) > _PRIORS:
                self._priors.popitem(last=False)
        return out

    def _log_probs(self, encoded: np.ndarray, sequences: list[list[int]]) -> list[np.ndarray]:
        """Each sequence forced through the decoder over ``encoded``, one at a time: a batch is
        padded to its longest sequence, and the padding cost as much as the tokens (the 15
        readings of a 19 s Ukrainian reply, 20-161 tokens: 4.1 CPU-s as one batch, 2.0 one by
        one, the same probabilities)."""
        import ctranslate2

        audio = ctranslate2.StorageView.from_array(np.ascontiguousarray(encoded))
        out = []
        for sequence in sequences:
            result, = self.model.model.align(audio, self.tokenizer.sot_sequence, [sequence], encoded.shape[1] * 2)
            out.append(np.log(np.maximum(np.asarray(result.text_token_probs, dtype=np.float64), 1e-9)))
        return out


_VERIFIERS: dict[tuple[int, str], Verifier] = {}
_VERIFIERS_LOCK = threading.Lock()


def verifier(model, language: str) -> Verifier:
    """The shared verifier of this model and language (its remembered silence scores too)."""
    with _VERIFIERS_LOCK:
        key = (id(model), language)
        if key not in _VERIFIERS:
            _VERIFIERS[key] = Verifier(model, language)
        return _VERIFIERS[key]


def most_like(wording: Sequence[str], heard: Sequence[str]) -> int:
    """The index in ``heard`` where the stretch most like ``wording`` (as letters) starts."""
    from rapidfuzz.distance import Levenshtein

    target = " ".join(_letters(w) for w in wording)
    words = [_letters(w) for w in heard]
    best, where = 2.0, len(heard)
    for start in range(len(words) + 1):
        for length in range(max(0, len(wording) - 2), len(wording) + 3):
            if start + length > len(words):
                break
            distance = Levenshtein.normalized_distance(" ".join(words[start:start + length]), target)
            if distance < best:
                best, where = distance, start
    return where


def _letters(word: str) -> str:
    return re.sub(r"[^\w']", "", word.lower())
