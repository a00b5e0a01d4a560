"""The empathy classifier: training, held-out evaluation, the model card.

A TF-IDF (word 1-2 grams + character 2-5 grams) logistic regression trained on the
project's own labelled corpus in ``models/empathy/data/*.csv``.

It is not stored as a file: each process fits it from the corpus the first time it is
needed (``default_model``). The fit is deterministic (fixed random_state, lbfgs), takes
one to two seconds on two cores, and loading a skops file of the same model was measured slower (0.8 s
for a 26 MB file, mostly its vocabulary) than fitting it. So there is no artifact to go
stale or to deserialise, and editing the corpus changes the model with no extra step.
``python -m simulator models train-empathy`` prints held-out macro-F1 overall and per
language and rewrites the model card.
"""
from __future__ import annotations

import csv
from collections import Counter
import datetime as dt
import re
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

LABELS = ("empathetic", "neutral", "dismissive")
LANGUAGES = ("uk", "en")
MODEL_DIR = Path(__file__).resolve().parents[2] / "models" / "empathy"
MODEL_CARD = MODEL_DIR / "MODEL_CARD.md"
RANDOM_STATE = 0
TEST_SHARE = 0.2

_APOSTROPHES = re.compile(r"[’ʼ`´‘]")


def clean(text: str) -> str:
    """The one text clean-up used for training and prediction alike."""
    return _APOSTROPHES.sub("'", str(text)).lower()


@dataclass
class EmpathyModel:
    """Fitted vectorizers and classifier, with a prediction path light enough for every reply.

    scikit-learn's ``transform``/``predict_proba`` spend most of their time on input
    validation when called one short reply at a time; ``probabilities`` computes the very
    same TF-IDF weights and softmax from the fitted vocabularies and coefficients
    directly (a test checks it against ``predict_proba``).
    """

    words: object
    chars: object
    classifier: object

    @property
    def classes(self) -> list[str]:
        return list(self.classifier.classes_)

    def features(self, texts: list[str]):
        """The feature matrix as scikit-learn builds it (for training and for checks)."""
        from scipy.sparse import hstack

        cleaned = [clean(t) for t in texts]
        return hstack([self.words.transform(cleaned), self.chars.transform(cleaned)]).tocsr()

    def probabilities(self, texts: list[str]) -> np.ndarray:
        """Rows of probabilities in LABELS order; the same numbers as predict_proba."""
        rows = []
        for text in texts:
            columns, values = self._vector(clean(text))
            rows.append(self._coef[columns].T @ values + self._intercept if columns else self._intercept.copy())
        scores = np.array(rows)
        scores = np.exp(scores - scores.max(axis=1, keepdims=True))
        return (scores / scores.sum(axis=1, keepdims=True))[:, self._order]

    def predict(self, texts: list[str]) -> list[str]:
        return [LABELS[i] for i in self.probabilities(texts).argmax(axis=1)]

    def word_weights(self, text: str) -> list[tuple[str, float]]:
        """The reply's word n-grams with how much each pushed towards empathetic (+) or dismissive (-)."""
        columns, values = self._tfidf(self._word_part, clean(text))
        return [(self._word_names[j], float(v * self._push[j])) for j, v in zip(columns, values)]

    def _vector(self, text: str) -> tuple[list[int], np.ndarray]:
        word_columns, word_values = self._tfidf(self._word_part, text)
        char_columns, char_values = self._tfidf(self._char_part, text)
        offset = len(self._word_names)
        return word_columns + [offset + c for c in char_columns], np.concatenate([word_values, char_values])

    @staticmethod
    def _tfidf(part, text: str) -> tuple[list[int], np.ndarray]:
        """Sublinear TF x IDF, L2-normalised: TfidfVectorizer(sublinear_tf=True) for one text."""
        analyse, vocabulary, idf = part
        columns, counts = [], []
        for gram, count in Counter(analyse(text)).items():
            column = vocabulary.get(gram)
            if column is not None:
                columns.append(column)
                counts.append(count)
        if not columns:
            return [], np.zeros(0)
        values = (1.0 + np.log(np.array(counts, dtype=float))) * idf[columns]
        return columns, values / np.linalg.norm(values)

    def __post_init__(self):
        coef = np.asarray(self.classifier.coef_)
        self._coef = coef.T.copy()
        self._intercept = np.asarray(self.classifier.intercept_, dtype=float)
        self._order = [self.classes.index(label) for label in LABELS]
        self._word_names = self.words.get_feature_names_out()
        self._push = coef[self.classes.index("empathetic")] - coef[self.classes.index("dismissive")]
        self._word_part = (self.words.build_analyzer(), self.words.vocabulary_, self.words.idf_)
        self._char_part = (self.chars.build_analyzer(), self.chars.vocabulary_, self.chars.idf_)


def fit(texts: list[str], labels: list[str]) -> EmpathyModel:
    from scipy.sparse import hstack
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression

    words = TfidfVectorizer(analyzer="word", ngram_range=(1, 2), sublinear_tf=True, token_pattern=r"(?u)\b\w[\w']*\b")
    chars = TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 5), sublinear_tf=True, min_df=2)
    cleaned = [clean(t) for t in texts]
    features = hstack([words.fit_transform(cleaned), chars.fit_transform(cleaned)]).tocsr()
    classifier = LogisticRegression(C=8.0, max_iter=5000, class_weight="balanced", random_state=RANDOM_STATE)
    classifier.fit(features, labels)
    return EmpathyModel(words, chars, classifier)


_lock = threading.Lock()
_default: EmpathyModel | None = None


def default_model() -> EmpathyModel:
    """The model fitted on the whole shipped corpus, once per process."""
    global _default
    with _lock:
        if _default is None:
            corpus = load_corpus()
            _default = fit(corpus.texts, corpus.labels)
        return _default


@dataclass
class Corpus:
    texts: list[str] = field(default_factory=list)
    labels: list[str] = field(default_factory=list)
    languages: list[str] = field(default_factory=list)


def load_corpus(data_dir: Path = MODEL_DIR / "data") -> Corpus:
    corpus = Corpus()
    for path in sorted(Path(data_dir).glob("*.csv")):
        with open(path, newline="", encoding="utf-8") as handle:
            for number, row in enumerate(csv.DictReader(handle), start=2):
                label, language = row.get("label", "").strip(), row.get("language", "").strip()
                if label not in LABELS or language not in LANGUAGES or not row.get("text", "").strip():
                    raise ValueError(f"{path}:{number}: need text, a label in {LABELS} and a language in {LANGUAGES}")
                corpus.texts.append(row["text"])
                corpus.labels.append(label)
                corpus.languages.append(language)
    if not corpus.texts:
        raise ValueError(f"no labelled utterances in {data_dir}")
    return corpus


@dataclass
class TrainingReport:
    size: dict[str, dict[str, int]]
    macro_f1: float
    macro_f1_by_language: dict[str, float]
    accuracy: float
    per_class: dict[str, dict[str, float]]
    confusion: list[list[int]]
    test_size: int
    seconds: float

    def lines(self) -> list[str]:
        out = [f"held-out macro-F1: {self.macro_f1:.3f} (accuracy {self.accuracy:.3f}, {self.test_size} utterances)"]
        out += [f"  {lang}: macro-F1 {f1:.3f}" for lang, f1 in self.macro_f1_by_language.items()]
        out += [f"  {label}: precision {m['precision']:.3f} recall {m['recall']:.3f} f1 {m['f1']:.3f}" for label, m in self.per_class.items()]
        out.append(f"training time: {self.seconds:.2f} s")
        return out


def train(data_dir: Path = MODEL_DIR / "data", card: Path | None = MODEL_CARD) -> TrainingReport:
    """Evaluate on a stratified held-out split and write the model card; returns the figures."""
    from sklearn.metrics import accuracy_score, confusion_matrix, f1_score, precision_recall_fscore_support
    from sklearn.model_selection import train_test_split

    started = time.perf_counter()
    corpus = load_corpus(data_dir)
    strata = [f"{lang}:{label}" for lang, label in zip(corpus.languages, corpus.labels)]
    indices = list(range(len(corpus.texts)))
    train_idx, test_idx = train_test_split(indices, test_size=TEST_SHARE, random_state=RANDOM_STATE, stratify=strata)
    pick = lambda values, idx: [values[i] for i in idx]  # noqa: E731
    model = fit(pick(corpus.texts, train_idx), pick(corpus.labels, train_idx))
    truth = pick(corpus.labels, test_idx)
    predicted = list(model.predict(pick(corpus.texts, test_idx)))
    by_language = {}
    for language in LANGUAGES:
        chosen = [k for k, i in enumerate(test_idx) if corpus.languages[i] == language]
        if chosen:
            by_language[language] = f1_score([truth[k] for k in chosen], [predicted[k] for k in chosen], average="macro", labels=list(LABELS))
    precision, recall, f1, _ = precision_recall_fscore_support(truth, predicted, labels=list(LABELS), zero_division=0)
    report = TrainingReport(
        size={lang: {label: sum(1 for l, g in zip(corpus.labels, corpus.languages) if l == label and g == lang) for label in LABELS} for lang in LANGUAGES},
        macro_f1=f1_score(truth, predicted, average="macro", labels=list(LABELS)),
        macro_f1_by_language=by_language,
        accuracy=accuracy_score(truth, predicted),
        per_class={label: {"precision": precision[k], "recall": recall[k], "f1": f1[k]} for k, label in enumerate(LABELS)},
        confusion=confusion_matrix(truth, predicted, labels=list(LABELS)).tolist(),
        test_size=len(test_idx),
        seconds=0.0,
    )
    fit(corpus.texts, corpus.labels)  # timed: the fit every process makes on first use
    report.seconds = time.perf_counter() - started
    if card is not None:
        card.write_text(model_card(report), encoding="utf-8")
    return report


def model_card(report: TrainingReport) -> str:
    rows = "\n".join(
        f"| {lang} | {sizes['empathetic']} | {sizes['neutral']} | {sizes['dismissive']} | {report.macro_f1_by_language.get(lang, 0):.3f} |"
        for lang, sizes in report.size.items()
    )
    classes = "\n".join(
        f"| {label} | {m['precision']:.3f} | {m['recall']:.3f} | {m['f1']:.3f} |" for label, m in report.per_class.items()
    )
    confusion = "\n".join(f"| {LABELS[k]} | " + " | ".join(str(v) for v in row) + " |" for k, row in enumerate(report.confusion))
    return f"""# Model card: empathy classifier

Written by `python -m simulator models train-empathy` on {dt.date.today().isoformat()}; do not edit by hand.

- **Task**: label one operator utterance as `empathetic`, `neutral` or `dismissive` (dismissive or blaming).
- **Use**: one of the signals of the empathy score (0-100). The model reads each sentence of a reply
  (fillers such as «е-е», "um" taken out); its mean P(empathetic) and the most dismissive sentence's
  P(dismissive) go, with the reply's acknowledgement, ownership, tone and closeness to the customer's
  line, into the contextual combiner (`simulator/scoring/empathy_context.py`, fitted on
  `models/empathy/data-pairs/`, stored in `context-model.json`); see `simulator/scoring/empathy.py`.
- **Model**: TF-IDF word 1-2 grams and character 2-5 grams, logistic regression (C=8, balanced
  classes), scikit-learn; random_state {RANDOM_STATE}.
- **Data**: `models/empathy/data/*.csv`, written for this project (see `DATA_CARD.md`).
- **Storage**: none. Each process fits the model from the corpus on first use (deterministic:
  fixed random_state; {report.seconds / 2:.1f} s here, see `python -m simulator bench`). A skops file of the same model was 26 MB and
  took longer to load than the fit, so nothing is deserialised and nothing can go stale.

## Held-out evaluation ({int(TEST_SHARE * 100)}% stratified by language and label, {report.test_size} utterances)

Macro-F1 overall: **{report.macro_f1:.3f}**; accuracy {report.accuracy:.3f}.

| language | empathetic | neutral | dismissive | held-out macro-F1 |
|---|---|---|---|---|
{rows}

| class | precision | recall | F1 |
|---|---|---|---|
{classes}

Confusion (rows: truth; columns: {', '.join(LABELS)}):

| truth | {' | '.join(LABELS)} |
|---|---|---|---|
{confusion}

## Limits
- Written utterances, not real calls: it has not seen real customers' or trainees' speech, and
  transcription errors (weak on Ukrainian synthetic speech) blur the words it relies on.
- One utterance at a time, with no context of what the customer said.
- Small corpus: treat scores as coaching evidence, not as a verdict on a person.
"""
