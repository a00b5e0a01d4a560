"""Fitting the empathy combiner on the contextual corpus, with cross-validated figures.

``python -m simulator models train-empathy`` runs ``train_context`` after the sentence
classifier: it computes every training reply's parts and features exactly as scoring does
(empathy_parts.find), fits the combiner with and without the embedding features, reports
Spearman ρ of five-fold cross-validation grouped by customer line (a customer line's replies
are never split between training and testing), and stores the fits in context-model.json.
"""
from __future__ import annotations

import time
from collections import defaultdict

import numpy as np

from . import compliance, empathy_context
from .empathy_model import RANDOM_STATE, default_model
from .empathy_parts import EMBEDDING_FEATURES, FEATURES, Context, features, find
from .matching import Reply

FOLDS = 5


def corpus_features(pairs: list[empathy_context.Pair]) -> list[dict[str, float]]:
    """Each pair's features; the other replies rated 2 to the same line stand in for references."""
    best = defaultdict(list)
    for pair in pairs:
        if pair.empathy == 2:
            best[(pair.language, pair.customer)].append(pair.reply)
    model = default_model()
    rows = []
    for pair in pairs:
        references = tuple(r for r in best[(pair.language, pair.customer)] if r != pair.reply)
        reply = Reply(pair.reply, pair.language)
        flags = compliance.check(reply, pair.language, [])
        context = Context(pair.customer, references, pair.mood)
        parts = find(reply, pair.language, context, flags, model)
        rows.append(features(parts, reply, context))
    return rows


def _cross_validated(rows, ratings, groups, languages, names) -> dict[str, float]:
    from scipy.stats import spearmanr
    from sklearn.model_selection import GroupKFold

    predicted = np.zeros(len(rows))
    splitter = GroupKFold(n_splits=FOLDS, shuffle=True, random_state=RANDOM_STATE)
    for train, test in splitter.split(rows, ratings, groups):
        combiner = empathy_context.fit([rows[i] for i in train], [ratings[i] for i in train], names)
        for i in test:
            predicted[i] = combiner.expected(rows[i])
    out = {}
    for language in ("uk", "en"):
        chosen = [i for i, lang in enumerate(languages) if lang == language]
        out[language] = float(spearmanr(predicted[chosen], [ratings[i] for i in chosen]).statistic)
    return out


def train_context() -> list[str]:
    started = time.perf_counter()
    pairs = empathy_context.load_pairs()
    rows = corpus_features(pairs)
    ratings = [p.empathy for p in pairs]
    groups = [f"{p.language}:{p.customer}" for p in pairs]
    languages = [p.language for p in pairs]
    plain = tuple(f for f in FEATURES if f not in EMBEDDING_FEATURES)
    fits, lines, meta = {}, [], {"pairs": len(pairs), "cross_validated_rho": {}}
    for name, names in (("full", FEATURES), ("no_embeddings", plain)):
        rho = _cross_validated(rows, ratings, groups, languages, names)
        fits[name] = empathy_context.fit(rows, ratings, names)
        meta["cross_validated_rho"][name] = {k: round(v, 3) for k, v in rho.items()}
        lines.append(f"context combiner ({name}): {FOLDS}-fold ρ by customer line: " + ", ".join(f"{k} {v:.3f}" for k, v in rho.items()))
    empathy_context.save(fits, meta)
    lines.append(f"{len(pairs)} rated pairs; written to {empathy_context.MODEL_FILE} in {time.perf_counter() - started:.1f} s")
    return lines
