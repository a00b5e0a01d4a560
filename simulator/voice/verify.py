"""Key facts checked against the recording itself, not only against its transcript.

Whisper base writes Ukrainian synthetic or accented speech down badly (character error rate
about 0.5-0.7), yet it hears enough to tell whether a *given* wording was said: the decoder's
probability of the wording's tokens, forced after the words heard before it, is high when the
wording is in the audio and low when it is not (ARCHITECTURE.md, "Verifying instead of
transcribing"). For each key fact the transcript does not show, every accepted wording is
placed where it would be said (after the transcript's words up to the stretch that sounds
most like it, and after the text of each reference answer that contains it) and scored:

    score = mean log p(wording tokens | prefix, this recording)
            - mean log p(wording tokens | prefix, silence)

The second term removes what the language model alone expects («будь» → «ласка»), so the
score measures what the audio adds. The best placement and wording count. A fact scoring at
least VERIFIED is verified; from UNCLEAR up it is "not heard clearly"; below, not said. The
thresholds were set on the hearing benchmark (`python -m simulator eval hearing`) so that no
rude, off-topic or other-scenario reply spoken through the same path gains a fact; the figures
are in docs/voice.md.

Only the in-process faster-whisper backend can verify (it needs the decoder); with other
backends a spoken reply is judged on its transcript alone.
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

VERIFIED = 1.6          # mean log-likelihood ratio per token, recording vs silence
UNCLEAR = 1.1
MAX_WORDS = 80          # a prefix longer than this (a rambling reply) is cut to its last words' window
_PADDING = 25           # encoder positions kept after the speech (2 frames per position)


@dataclass(frozen=True)
class FactScore:
    fact_id: str
    score: float        # the best ratio over wordings and placements; -inf when nothing could be placed
    wording: str


class Verifier:
    """Scores wordings against one recording with a loaded faster-whisper `WhisperModel`."""

    def __init__(self, model, language: str):
        from faster_whisper.tokenizer import Tokenizer

        self.model = model
        self.tokenizer = Tokenizer(model.hf_tokenizer, model.model.is_multilingual, task="transcribe", language=language)
        self._silent: np.ndarray | None = None

    def facts(self, samples: np.ndarray, heard_words: Sequence[str], facts: dict[str, Sequence[str]],
              references: Sequence[str] = ()) -> list[FactScore]:
        """The score of each fact (id -> accepted wordings) in the recording ``samples``
        (16 kHz mono), given the transcript's words and the node's reference answers."""
        if not facts:
            return []
        audio, frames = self._encode(samples)
        keep = min(audio.shape[1], frames // 2 + _PADDING)    # the speech plus a little padding (see _encode)
        audio, silence = audio[:, :keep], self._silence()[:, :keep]
        placed = [(fact_id, wording, prefix)
                  for fact_id, wordings in facts.items() for wording in wordings
                  for prefix in placements(wording, heard_words, references)]
        if not placed:
            return [FactScore(fact_id, float("-inf"), "") for fact_id in facts]
        tokens = [(self._tokens(prefix), self._tokens(wording)) for _, wording, prefix in placed]
        sequences = [p + w for p, w in tokens]
        spoken = self._log_probs(audio, frames, sequences)
        expected = self._log_probs(silence, frames, sequences)
        best: dict[str, FactScore] = {}
        for (fact_id, wording, _), (prefix, words), heard, prior in zip(placed, tokens, spoken, expected):
            span = slice(len(prefix), len(prefix) + len(words))
            score = float(heard[span].mean() - prior[span].mean())
            if fact_id not in best or score > best[fact_id].score:
                best[fact_id] = FactScore(fact_id, score, wording)
        return [best.get(fact_id, FactScore(fact_id, float("-inf"), "")) for fact_id in facts]

    def _tokens(self, text: str) -> list[int]:
        return self.tokenizer.encode(" " + text) if text else []

    def _encode(self, samples: np.ndarray) -> tuple[np.ndarray, int]:
        """The encoder's output for the first 30 s (1500 positions, 2 mel frames each) and
        the number of frames that hold the recording. Only the positions of the recording
        plus a little padding are scored: cross-attention over 1500 positions of mostly
        padding costs time without changing the ratio."""
        from faster_whisper.audio import pad_or_trim

        features = self.model.feature_extractor(samples)
        return np.array(self.model.encode(pad_or_trim(features))), min(features.shape[-1], 3000)

    def _silence(self) -> np.ndarray:
        if self._silent is None:
            self._silent, _ = self._encode(np.zeros(16000, dtype=np.float32))
        return self._silent

    def _log_probs(self, encoded: np.ndarray, frames: int, sequences: list[list[int]]) -> list[np.ndarray]:
        import ctranslate2

        batch = ctranslate2.StorageView.from_array(np.ascontiguousarray(np.repeat(encoded, len(sequences), axis=0)))
        results = self.model.model.align(batch, self.tokenizer.sot_sequence, sequences, min(frames, encoded.shape[1] * 2))
        return [np.log(np.maximum(np.asarray(r.text_token_probs, dtype=np.float64), 1e-9)) for r in results]


def placements(wording: str, heard_words: Sequence[str], references: Sequence[str]) -> list[str]:
    """Where the wording would have been said, as the text before it: after the transcript's
    words up to the stretch most like it, and after the start of each reference answer that
    contains it."""
    prefixes = []
    if heard_words:
        start = most_like(wording.split(), heard_words)
        prefixes.append(" ".join(heard_words[max(0, start - MAX_WORDS):start]))
    for reference in references:
        at = reference.lower().find(wording.lower())
        if at >= 0:
            prefixes.append(" ".join(reference[:at].split()))
    return list(dict.fromkeys(prefixes))


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
