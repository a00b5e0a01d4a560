"""The learned compliance reader: it catches critical mistakes in wordings the word lists do not
hold, leaves advice and a customer's rights alone, and is current with its corpus.

The sentences below were written for this test, after the reader was fitted: they are in neither
the corpus (models/compliance/data) nor the benchmark.
"""
from __future__ import annotations

import numpy as np
import pytest

from simulator.scoring import compliance, compliance_model, lexicon
from simulator.scoring.matching import Reply


def critical(text: str, language: str, learned: bool = True):
    return [f for f in compliance.check(Reply(text, language), language, [], learned=learned) if f.critical]


@pytest.mark.parametrize("language, text, kind", [
    ("uk", "Ну а хто вам винен, що ви два місяці не передавали показники?", "blame"),
    ("uk", "Слухайте, це вже питання до вашого банку, ми тут нічим не допоможемо.", "deflect"),
    ("en", "That's really a matter for your bank, there's nothing we can do here.", "deflect"),
    ("en", "Writing to the regulator is a waste of your time, trust me.", "regulator"),
])
def test_the_reader_fails_a_critical_mistake_the_word_lists_miss(language, text, kind):
    assert critical(text, language, learned=False) == []
    flags = critical(text, language)
    assert [f.kind for f in flags] == [kind]
    assert "learned reader" in flags[0].why and flags[0].phrase in text


@pytest.mark.parametrize("language, text", [
    ("uk", "Нікому не повідомляйте CVV-код, навіть якщо дзвонять нібито від нас."),
    ("uk", "Ви маєте повне право поскаржитися до НКРЕКП, я підкажу, як це зробити."),
    ("uk", "Е-е, ну, зараз гляну... так, показники не надійшли, тому нарахували за середнім, давайте внесемо їх зараз."),
    ("en", "Never share your CVV with anyone who calls, even if they say they're from us."),
    ("en", "You have every right to complain to NEURC, and I'll tell you how."),
    ("en", "Um, yeah, so... let me think. Right, the reading didn't reach us, so the bill was estimated; tell me it now and I'll fix it."),
])
def test_advice_rights_and_hesitant_replies_pass(language, text):
    assert critical(text, language) == []


def test_without_the_fit_the_word_lists_judge_alone(monkeypatch):
    text = "Слухайте, це вже питання до вашого банку, ми тут нічим не допоможемо."
    monkeypatch.setattr(compliance_model, "_loaded", [None])
    assert critical(text, "uk") == []
    assert [f.kind for f in critical("Продиктуйте код з SMS.", "uk")] == ["secret"]


def test_a_long_transcript_is_read_in_overlapping_windows():
    words = [f"w{k}" for k in range(40)]
    pieces = compliance_model.pieces(" ".join(words))
    assert len(pieces) > 1
    assert all(len(p.split()) <= compliance_model.WINDOW for p in pieces)
    covered = {w for p in pieces for w in p.split()}
    assert covered == set(words)
    assert compliance_model.pieces("Перше речення. Друге!") == ["Перше речення.", "Друге!"]


class _SureOf:
    """A stand-in fit that reads every piece as one kind, 99% sure: the guards alone decide."""

    def __init__(self, kind: str):
        self.column = compliance_model.KINDS.index(kind)

    def probabilities(self, texts, vectors):
        out = np.full((len(texts), len(compliance_model.KINDS)), 0.01 / (len(compliance_model.KINDS) - 1))
        out[:, self.column] = 0.99
        return out


@pytest.mark.parametrize("text, read", [
    ("I'll register a complaint, and if that doesn't help you can go to the regulator.", False),
    ("Ви маєте право звернутися до НКРЕКП, я підкажу адресу.", False),
    ("You can complain to NEURC, but it won't change anything.", True),
    ("Можете писати в НКРЕКП, але нічого не зміниться.", True),
    ("Скаржитися в НКРЕКП немає сенсу, повірте.", True),
])
def test_a_right_to_complain_is_not_read_as_discouraging_one_unless_taken_back(text, read):
    negation = compliance._words(lexicon.NEGATIONS)
    reading = compliance_model.surest(_SureOf("regulator"), compliance_model.pieces(text), negation)
    assert (reading is not None) == read


def test_a_request_for_a_code_under_a_negation_is_left_to_the_lists():
    negation = compliance._words(lexicon.NEGATIONS)
    fit = _SureOf("secret")
    assert compliance_model.surest(fit, ["Нікому не кажіть код з SMS, навіть нам."], negation) is None
    assert compliance_model.surest(fit, ["Прочитайте мені код з SMS, будь ласка."], negation).kind == "secret"


def test_the_stored_reader_was_fitted_on_todays_corpus():
    assert compliance_model.stored_fingerprint() == compliance_model.fingerprint(), \
        "run 'python -m simulator models train-compliance' after changing models/compliance/data, the empathy corpus or compliance_model.py"
