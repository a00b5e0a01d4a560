"""The empathy classifier: its corpus, its held-out quality, its determinism."""
from __future__ import annotations

from collections import Counter

from simulator.scoring import empathy_model


def test_corpus_is_large_balanced_and_bilingual():
    corpus = empathy_model.load_corpus()
    assert len(corpus.texts) >= 800
    languages = Counter(corpus.languages)
    assert min(languages.values()) / max(languages.values()) > 0.8
    for language in empathy_model.LANGUAGES:
        labels = Counter(l for l, g in zip(corpus.labels, corpus.languages) if g == language)
        assert set(labels) == set(empathy_model.LABELS)
        assert min(labels.values()) >= 150
    assert len({t.lower() for t in corpus.texts}) == len(corpus.texts), "duplicate utterances"


def test_held_out_quality_in_both_languages(tmp_path):
    report = empathy_model.train(card=tmp_path / "card.md")
    assert report.macro_f1 >= 0.8
    assert all(f1 >= 0.75 for f1 in report.macro_f1_by_language.values())
    card = (tmp_path / "card.md").read_text(encoding="utf-8")
    assert f"{report.macro_f1:.3f}" in card and "| uk |" in card and "| en |" in card


def test_training_is_deterministic_and_fast_prediction_matches_sklearn():
    corpus = empathy_model.load_corpus()
    first = empathy_model.fit(corpus.texts, corpus.labels)
    second = empathy_model.fit(corpus.texts, corpus.labels)
    sample = corpus.texts[::25]
    assert (first.probabilities(sample) == second.probabilities(sample)).all()
    sklearn = first.classifier.predict_proba(first.features(sample))
    order = [list(first.classifier.classes_).index(label) for label in empathy_model.LABELS]
    assert abs(first.probabilities(sample) - sklearn[:, order]).max() < 1e-9


def test_corpus_errors_name_the_row(tmp_path):
    (tmp_path / "x.csv").write_text("text,label,language\nhello,kind,en\n", encoding="utf-8")
    try:
        empathy_model.load_corpus(tmp_path)
    except ValueError as exc:
        assert "x.csv:2" in str(exc)
    else:
        raise AssertionError("a bad label was accepted")
