"""A learned second reader for critical mistakes: sentence embeddings and a logistic regression.

The word lists of lexicon.py catch the wordings someone wrote down; a QA lead fails a call for
blame, deflection, rudeness, threats, discouraging a complaint or asking for card data in any
wording. This model reads each sentence of a reply (windows of words in a long unpunctuated
transcript) by its word and character n-grams and its multilingual-e5 vector, and gives the
probability of each critical kind. It was
fitted by ``python -m simulator models train-compliance`` on the hand-written corpus in
models/compliance/data (written without seeing the judging benchmark; beside it, as rows that
must pass, the library's model answers and the empathy corpus's non-dismissive rows), and only speaks when it is
sure (``THRESHOLD``, chosen on the benchmark's dev split for precision). A reading of a request
for card data or a code in words that hold a negation is left to the word lists, which know
advice («нікому не кажіть код») from a request; so is a reading of a discouraged complaint in words
that give the customer the right to complain and hold no negation ("you can go to the regulator").

Without the embedding engine it says nothing: compliance is then judged by the word lists alone.
"""
from __future__ import annotations

import csv
import hashlib
import json
import re
import threading
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from . import embeddings, lexicon

MODEL_DIR = Path(__file__).resolve().parents[2] / "models" / "compliance"
MODEL_FILE = MODEL_DIR / "model.json"
WEIGHTS_FILE = MODEL_DIR / "model.npz"
DATA_DIR = MODEL_DIR / "data"
KINDS = ("ok", "blame", "deflect", "rude", "threat", "regulator", "secret")
WHY = {
    "blame": "reads as blaming the customer",
    "deflect": "reads as pushing responsibility away",
    "rude": "reads as rude or condescending",
    "threat": "reads as a threat",
    "regulator": "reads as discouraging a complaint",
    "secret": "reads as asking for card data or a code",
}
WINDOW = 16            # words in a window of an unpunctuated transcript
STEP = 8
SHORTEST = 4           # words: a shorter sentence («Я не знаю.», "Sorry.") says too little to read; the lists judge it
THRESHOLD = 0.99       # a critical share this high or higher fails the call: chosen on the dev split (2026-12-07,
#                        10,573 rows), where the lists catch every critical reply, so the reader can only add false
#                        alarms there: at 0.985 uk 1, en 3; at 0.99 uk 0, en 1 (precision 1.0 / 0.99: "that's the
#                        old owner's business, not yours" read as deflecting); at 0.997 none, but five-fold on the
#                        corpus that catches fewer critical rows than the old reader did (49% / 46%), at 0.99 59% / 57%
EMBEDDING_WEIGHT = 3.0  # the embedding's share beside the n-grams (five-fold on the corpus: 3 beat 1)
_PERMISSION = re.compile(rf"(?<![\w'])(?:{lexicon.PERMISSION})(?![\w'])")
_SENTENCE = re.compile(r"(?<=[.!?…;])\s+|\n+")
_WORD = re.compile(r"\S+")


@dataclass(frozen=True)
class Reading:
    kind: str          # the most likely critical kind
    probability: float
    words: str         # the sentence or window it was read in


class Model:
    """Word and character n-grams (what is said) beside the sentence's embedding (what it means),
    one multinomial logistic regression over both."""

    def __init__(self, words, characters, weights: np.ndarray, bias: np.ndarray):
        self.words, self.characters = words, characters      # fitted TfidfVectorizers
        self.weights, self.bias = weights, bias

    @staticmethod
    def vectorizers():
        from sklearn.feature_extraction.text import TfidfVectorizer

        return (TfidfVectorizer(analyzer="word", ngram_range=(1, 2), min_df=2, sublinear_tf=True),
                TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 5), min_df=3, sublinear_tf=True))

    def features(self, texts: list[str], vectors: np.ndarray):
        from scipy.sparse import csr_matrix, hstack

        lowered = [text.lower() for text in texts]
        return hstack([self.words.transform(lowered), self.characters.transform(lowered),
                       csr_matrix(EMBEDDING_WEIGHT * vectors)]).tocsr()

    def probabilities(self, texts: list[str], vectors: np.ndarray) -> np.ndarray:
        logits = np.asarray(self.features(texts, vectors) @ self.weights.T) + self.bias
        logits -= logits.max(axis=1, keepdims=True)
        odds = np.exp(logits)
        return odds / odds.sum(axis=1, keepdims=True)

    def save(self, meta: dict) -> None:
        np.savez_compressed(
            WEIGHTS_FILE, weights=self.weights.astype(np.float32), bias=self.bias.astype(np.float32),
            word_vocabulary=self.words.get_feature_names_out().astype(str), word_idf=self.words.idf_,
            character_vocabulary=self.characters.get_feature_names_out().astype(str), character_idf=self.characters.idf_)
        MODEL_FILE.write_text(json.dumps({**meta, "kinds": list(KINDS)}, indent=1,
                                         ensure_ascii=False) + "\n", encoding="utf-8")

    @classmethod
    def load(cls) -> Model:
        meta = json.loads(MODEL_FILE.read_text(encoding="utf-8"))
        if tuple(meta["kinds"]) != KINDS:
            raise ValueError(f"{MODEL_FILE} has kinds {meta['kinds']}, expected {list(KINDS)}")
        stored = np.load(WEIGHTS_FILE, allow_pickle=False)
        words, characters = cls.vectorizers()
        for vectorizer, name in ((words, "word"), (characters, "character")):
            vocabulary = stored[f"{name}_vocabulary"]
            vectorizer.vocabulary_ = {str(term): k for k, term in enumerate(vocabulary)}
            vectorizer.idf_ = stored[f"{name}_idf"]
        return cls(words, characters, stored["weights"], stored["bias"])


_lock = threading.Lock()
_loaded: list[Model | None] = []


def model() -> Model | None:
    """The stored fit, or None when it is missing or the embedding engine cannot load."""
    with _lock:
        if not _loaded:
            fitted = None
            if MODEL_FILE.exists() and WEIGHTS_FILE.exists() and embeddings.available():
                fitted = Model.load()
            _loaded.append(fitted)
        return _loaded[0]


def pieces(text: str) -> list[str]:
    """The sentences of a reply; a sentence longer than a window is read in overlapping windows."""
    out = []
    for sentence in _SENTENCE.split(text.strip()):
        words = _WORD.findall(sentence)
        if not words:
            continue
        if len(words) <= WINDOW + STEP // 2:
            out.append(" ".join(words))
            continue
        for start in range(0, len(words) - STEP, STEP):
            out.append(" ".join(words[start:start + WINDOW]))
    return out


def read(text: str, negation: re.Pattern | None = None) -> Reading | None:
    """The surest critical reading of any sentence of the reply at or above the threshold;
    ``negation`` matches a word that turns a request for a secret into advice."""
    fitted = model()
    if fitted is None or not text.strip():
        return None
    return surest(fitted, pieces(text), negation)


def _negated(text: str, negation: re.Pattern) -> bool:
    return any(negation.fullmatch(word) for word in re.findall(r"[\w']+", text))


def surest(fitted: Model, said: list[str], negation: re.Pattern | None = None,
           threshold: float = THRESHOLD) -> Reading | None:
    said = [piece for piece in said if len(piece.split()) >= SHORTEST]
    if not said:
        return None
    critical = fitted.probabilities(said, np.stack([embeddings.passage(piece) for piece in said]))[:, 1:]
    if negation is not None:
        secret, regulator = KINDS.index("secret") - 1, KINDS.index("regulator") - 1
        for row, piece in enumerate(said):
            if _negated(piece.lower(), negation):
                critical[row, secret] = 0.0
            allowed = _PERMISSION.search(piece.lower())
            if allowed and not _negated(piece.lower()[allowed.end():], negation):
                critical[row, regulator] = 0.0      # "you can go to the regulator", not "… but it won't help"
    # How sure the reader is that a sentence is critical at all is its whole critical share (1 - P(ok)):
    # a sentence that both blames and deflects splits its share between the two kinds, and the surest
    # single kind then understated it (five-fold on the corpus, at the same false alarms: 56% / 58%
    # of the critical rows caught with the lists, against 51% / 50% by the surest kind). It is named
    # by its likeliest kind.
    share = critical.sum(axis=1)
    row = int(share.argmax())
    if share[row] < threshold:
        return None
    return Reading(KINDS[int(critical[row].argmax()) + 1], float(min(share[row], 1.0)), said[row])


# --- the corpus and the fit (python -m simulator models train-compliance) ------------------

EMPATHY_DATA = MODEL_DIR.parent / "empathy" / "data"


def sources(folder: Path = DATA_DIR) -> list[Path]:
    return sorted(Path(folder).glob("*.csv")) + sorted(EMPATHY_DATA.glob("*.csv"))


def load_corpus(folder: Path = DATA_DIR) -> list[tuple[str, str, str]]:
    """(text, kind, language) rows of every CSV in the folder, and the empathy corpus's
    empathetic and neutral rows as ``ok`` (sentence by sentence, as replies are read)."""
    rows = []
    for path in sorted(EMPATHY_DATA.glob("*.csv")):
        with path.open(encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle):
                if row["label"] in ("empathetic", "neutral"):
                    rows += [(piece, "ok", row["language"]) for piece in pieces(row["text"])]
    for path in sorted(Path(folder).glob("*.csv")):
        with path.open(encoding="utf-8", newline="") as handle:
            for number, row in enumerate(csv.DictReader(handle), start=2):
                kind = (row.get("label") or "").strip()
                if kind not in KINDS:
                    raise ValueError(f"{path.name}, row {number}: label {kind!r} is not one of {', '.join(KINDS)}")
                rows.append(((row.get("text") or "").strip(), kind, (row.get("language") or "").strip()))
    return rows


def fingerprint(folder: Path = DATA_DIR) -> str:
    """What the stored fit depends on: the corpus and this file."""
    digest = hashlib.sha256()
    for path in sources(folder) + [Path(__file__)]:
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def stored_fingerprint() -> str | None:
    try:
        return json.loads(MODEL_FILE.read_text(encoding="utf-8")).get("fingerprint")
    except FileNotFoundError:
        return None
