"""The empathy combiner: from the parts of a reply (empathy_parts.py) to the rubric's 0-2.

A multinomial logistic regression over a dozen interpretable features, fitted on the contextual
corpus ``models/empathy/data-pairs/*.csv`` (a customer's line, an operator's reply, the
rubric's empathy rating 0-2). For each training reply, the other replies rated 2 to the same
customer line stand in for the trainer's reference answers. The score is the expected rating
times 50 (0-100).

Fitting needs a sentence embedding of every training reply (about half a minute on two cores),
so the fitted numbers are kept in ``models/empathy/context-model.json``, written by
``python -m simulator models train-empathy`` together with a fingerprint of the corpus and of
the feature code; a test checks the file is current. Two fits are stored: with the embedding
features, and without them for a machine where the embedding engine cannot load.
"""
from __future__ import annotations

import csv
import hashlib
import json
import threading
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from .empathy_model import MODEL_DIR, RANDOM_STATE

PAIRS_DIR = MODEL_DIR / "data-pairs"
MODEL_FILE = MODEL_DIR / "context-model.json"
RATINGS = (0, 1, 2)
REGULARISATION = 0.3   # chosen on the benchmark's dev split (0.1-3 tried)


@dataclass(frozen=True)
class Combiner:
    features: tuple[str, ...]
    mean: np.ndarray
    scale: np.ndarray
    coef: np.ndarray          # classes x features
    intercept: np.ndarray

    def expected(self, values: dict[str, float]) -> float:
        """The expected rating, 0..2."""
        x = (self._row(values) - self.mean) / self.scale
        logits = self.coef @ x + self.intercept
        p = np.exp(logits - logits.max())
        p /= p.sum()
        return float(p @ np.array(RATINGS, dtype=float))

    def _row(self, values: dict[str, float]) -> np.ndarray:
        """The features in order; one that could not be measured (no reference answer to
        compare with) takes its training mean, as in ``fit``."""
        x = np.array([values[name] for name in self.features], dtype=float)
        return np.where(np.isnan(x), self.mean, x)

    def to_dict(self) -> dict:
        return {"features": list(self.features), "mean": self.mean.tolist(), "scale": self.scale.tolist(),
                "coef": self.coef.tolist(), "intercept": self.intercept.tolist()}

    @classmethod
    def from_dict(cls, data: dict) -> "Combiner":
        return cls(tuple(data["features"]), np.array(data["mean"]), np.array(data["scale"]), np.array(data["coef"]), np.array(data["intercept"]))


@dataclass(frozen=True)
class Pair:
    language: str
    mood: str
    customer: str
    reply: str
    empathy: int


def load_pairs(folder: Path = PAIRS_DIR) -> list[Pair]:
    pairs = []
    for path in sorted(Path(folder).glob("*.csv")):
        with open(path, newline="", encoding="utf-8") as handle:
            for number, row in enumerate(csv.DictReader(handle), start=2):
                try:
                    pairs.append(Pair(row["language"].strip(), row["mood"].strip(), row["customer"], row["reply"], int(row["empathy"])))
                except (KeyError, ValueError, AttributeError):
                    raise ValueError(f"{path}:{number}: need language, mood, customer, reply and empathy 0-2") from None
                if pairs[-1].empathy not in RATINGS or pairs[-1].language not in ("uk", "en"):
                    raise ValueError(f"{path}:{number}: empathy must be 0, 1 or 2 and language uk or en")
    if not pairs:
        raise ValueError(f"no rated pairs in {folder}")
    return pairs


def fingerprint(folder: Path = PAIRS_DIR) -> str:
    """What the stored fit depends on: the corpus and the code that turns replies into features."""
    digest = hashlib.sha256()
    here = Path(__file__).resolve().parent
    sources = sorted(Path(folder).glob("*.csv")) + [here / name for name in ("empathy_parts.py", "lexicon.py", "compliance.py", "text.py")]
    sources += [MODEL_DIR / "data" / "uk.csv", MODEL_DIR / "data" / "en.csv", MODEL_DIR.parent / "compliance" / "model.npz"]
    for path in sources:
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def fit(rows: list[dict[str, float]], ratings: list[int], features: tuple[str, ...]) -> Combiner:
    from sklearn.linear_model import LogisticRegression

    x = np.array([[row[name] for name in features] for row in rows], dtype=float)
    mean = np.nanmean(x, axis=0)
    x = np.where(np.isnan(x), mean, x)  # a training reply with no other good reply to its line: no reference to compare
    scale = x.std(axis=0)
    scale[scale == 0] = 1.0
    classifier = LogisticRegression(C=REGULARISATION, max_iter=5000, random_state=RANDOM_STATE)
    classifier.fit((x - mean) / scale, ratings)
    order = [list(classifier.classes_).index(r) for r in RATINGS]
    return Combiner(features, mean, scale, classifier.coef_[order], classifier.intercept_[order])


_lock = threading.Lock()
_stored: dict[str, Combiner] | None = None


def stored() -> dict[str, Combiner]:
    """The fits kept in MODEL_FILE: 'full' and 'no_embeddings'."""
    global _stored
    with _lock:
        if _stored is None:
            try:
                data = json.loads(MODEL_FILE.read_text(encoding="utf-8"))
            except FileNotFoundError:
                raise RuntimeError(f"{MODEL_FILE} is missing: run 'python -m simulator models train-empathy'") from None
            _stored = {name: Combiner.from_dict(fit_data) for name, fit_data in data["fits"].items()}
        return _stored


def save(fits: dict[str, Combiner], meta: dict) -> None:
    payload = {"fingerprint": fingerprint(), **meta, "fits": {name: c.to_dict() for name, c in fits.items()}}
    MODEL_FILE.write_text(json.dumps(payload, indent=1) + "\n", encoding="utf-8")


def stored_fingerprint() -> str | None:
    try:
        return json.loads(MODEL_FILE.read_text(encoding="utf-8")).get("fingerprint")
    except FileNotFoundError:
        return None
