"""Calibration sets on both databases: blind rating enforced by role and by state, the report's
opening, tunings measured on a held-out part, the gate, and the tuning an attempt records."""
from __future__ import annotations

import datetime as dt

import pytest

from simulator.library.loader import load_text
from simulator.store import audit
from simulator.store import calibration as cal
from tests.conftest import MINI, SCENARIOS
from tests.store.store_db import make_user
from simulator.store.guard import SHELL

T0 = dt.datetime(2026, 3, 2, 9, 0, tzinfo=dt.timezone.utc)


def scored(empathy: float, accuracy: float, critical: bool = False) -> dict:
    """A scored reply as TurnScore.to_dict() keeps it, with only what calibration reads."""
    return {
        "overall": (empathy + accuracy) / 2,
        "empathy": {"score": empathy, "rating": empathy / 50, "probabilities": {"empathetic": empathy / 100, "dismissive": 0.0},
                    "parts": {}, "hurt": []},
        "accuracy": {"score": accuracy, "facts": [{"id": "estimated", "fact": "за середнім", "said": accuracy >= 50,
                                                   "credit": 1.0 if accuracy >= 50 else 0.0}],
                     "wrong_facts": [], "similarity": accuracy, "invented": []},
        "time": {"score": 100.0},
        "compliance": {"critical": critical, "flags": []},
    }


def sample(k: int, empathy: float, accuracy: float, critical: bool = False, language: str = "uk") -> cal.SampleSource:
    return cal.SampleSource("test-mini", "opening", language, "Чому в мене такий рахунок?", f"відповідь {k}", "great",
                            scored(empathy, accuracy, critical))


@pytest.fixture
def people(store):
    return {name: make_user(store, name, role=role) for name, role in
            (("olha", "trainer"), ("petro", "trainer"), ("anna", "trainee"), ("halyna", "hr"), ("adam", "admin"))}


def attempt_with_reply(store, user, text: str = "Рахунок виставили за середнім.") -> int:
    scenario, _ = load_text(MINI, "test-mini")
    version = store.scenario_version(scenario, MINI, by=SHELL)
    attempt = store.start_attempt(user.id, version.id, now=T0, by=SHELL)
    store.save_turn(attempt.id, {"index": 0, "node": "opening", "customer": "Чому в мене такий рахунок?", "reply": text,
                                 "asked_at": 0.0, "replied_at": 5.0, "score": scored(60, 80)}, now=T0, by=SHELL)
    return attempt.id


def test_ratings_are_blind_until_given_and_final_once_given(store, people):
    olha, petro = people["olha"], people["petro"]
    attempt_id = attempt_with_reply(store, people["anna"])
    set_id = cal.create_set(store, olha, "Березень", turns=[(attempt_id, 0)], samples=[sample(1, 90, 100)], now=T0)
    first, second = cal.items(store, petro, set_id)
    assert first.reply == "Рахунок виставили за середнім." and first.trainee is None     # anonymised by default
    assert first.machine is None and first.ratings is None and second.machine is None

    cal.rate(store, olha, first.id, empathy=2, accuracy=1, compliance=1, comment="теплo, але без суми")
    petro_view = cal.items(store, petro, set_id)[0]
    assert petro_view.machine is None and petro_view.ratings is None     # olha's rating stays hidden from petro
    with pytest.raises(PermissionError, match="rate every reply"):
        cal.report_items(store, petro, set_id)

    cal.rate(store, petro, first.id, empathy=1, accuracy=1, compliance=1)
    revealed = cal.items(store, petro, set_id)[0]
    assert revealed.machine["accuracy"]["score"] == 80
    assert [(r.rater, r.empathy, r.comment) for r in revealed.ratings] == [("olha", 2, "теплo, але без суми")]
    assert cal.items(store, petro, set_id)[1].machine is None     # the sample petro has not rated yet
    with pytest.raises(ValueError, match="already rated"):
        cal.rate(store, petro, first.id, empathy=2, accuracy=2, compliance=1)
    with pytest.raises(ValueError, match="accuracy is rated 0/1/2"):
        cal.rate(store, petro, second.id, empathy=2, accuracy=3, compliance=1)


def test_who_may_make_rate_and_read_is_decided_by_role_and_state(store, people):
    olha, petro, anna, halyna = people["olha"], people["petro"], people["anna"], people["halyna"]
    with pytest.raises(PermissionError):
        cal.create_set(store, anna, "мій", samples=[sample(1, 50, 50)])
    set_id = cal.create_set(store, olha, "Квітень", samples=[sample(1, 50, 50)], anonymised=False)
    item = cal.items(store, olha, set_id)[0]
    for outsider in (anna, halyna):
        with pytest.raises(PermissionError):
            cal.items(store, outsider, set_id)
        with pytest.raises(PermissionError):
            cal.rate(store, outsider, item.id, empathy=1, accuracy=1, compliance=1)
    with pytest.raises(PermissionError, match="closed"):
        cal.report_items(store, halyna, set_id)
    with pytest.raises(PermissionError, match="maker or an admin"):
        cal.close_set(store, petro, set_id)
    cal.rate(store, olha, item.id, empathy=1, accuracy=2, compliance=1)
    cal.close_set(store, olha, set_id)
    with pytest.raises(ValueError, match="closed"):
        cal.rate(store, petro, item.id, empathy=1, accuracy=1, compliance=1)
    report = cal.report_items(store, halyna, set_id)       # HR reads a closed set's report
    assert [r.rater for r in report[0].ratings] == ["olha"] and report[0].machine is not None
    assert cal.sets(store, olha)[0].rated_by_me == 1


def test_an_attempt_set_shows_the_trainee_only_when_not_anonymised(store, people):
    attempt_id = attempt_with_reply(store, people["anna"])
    named = cal.create_set(store, people["olha"], "з іменами", turns=[(attempt_id, 0)], anonymised=False)
    assert cal.items(store, people["olha"], named)[0].trainee == "anna"
    with pytest.raises(ValueError, match="no scored reply"):
        cal.create_set(store, people["olha"], "x", turns=[(attempt_id, 5)])


def rated_set(store, people, agree: bool) -> int:
    """Twelve Ukrainian replies both trainers rate; with ``agree`` their empathy and accuracy
    follow the machine's scores, else they bear no relation to them (no tuning can follow)."""
    scores = [(10, 10), (20, 90), (30, 40), (45, 60), (55, 20), (60, 70), (70, 50), (80, 95), (90, 30), (95, 80),
              (15, 55), (85, 15)]
    set_id = cal.create_set(store, people["olha"], "набір", samples=[sample(k, e, a) for k, (e, a) in enumerate(scores)])
    for k, (item, (e, a)) in enumerate(zip(cal.items(store, people["olha"], set_id), scores)):
        rating = (min(2, int(e // 34)), min(2, int(a // 34))) if agree else (k % 3, (k * 2 + 1) % 3)
        for rater in (people["olha"], people["petro"]):
            cal.rate(store, rater, item.id, empathy=rating[0], accuracy=rating[1], compliance=1)
    cal.close_set(store, people["olha"], set_id)
    return set_id


def test_a_tuning_below_the_gate_needs_a_logged_override_and_attempts_record_the_accepted_one(store, people):
    adam, anna = people["adam"], people["anna"]
    before = attempt_with_reply(store, anna)
    set_id = rated_set(store, people, agree=False)
    proposed = cal.propose_tuning(store, adam, set_id, "uk")
    assert proposed.status == "proposed" and proposed.version is None
    assert len(proposed.figures["held_out"]) == 4 and len(proposed.figures["fitted_on"]) == 8
    assert set(proposed.figures["before"]) == {"empathy", "accuracy", "compliance"}
    assert proposed.held_out_kappa < cal.DEFAULT_MIN_KAPPA
    with pytest.raises(PermissionError):
        cal.propose_tuning(store, people["olha"], set_id, "uk")
    with pytest.raises(cal.GateClosed, match="override"):
        cal.decide_tuning(store, adam, proposed.id, True)
    assert audit.search(store, actions=["gate_override"]) == []
    accepted = cal.decide_tuning(store, adam, proposed.id, True, override="a first try: we tune again next month")
    assert accepted.status == "accepted" and accepted.version == 1
    assert accepted.override_comment == "a first try: we tune again next month"
    [entry] = audit.search(store, actions=["gate_override"])
    assert entry.actor == "adam" and entry.detail["comment"] == "a first try: we tune again next month"

    after = attempt_with_reply(store, anna)
    assert cal.attempt_tuning(store, before) is None            # started before: never re-scored
    assert cal.attempt_tuning(store, after).version == 1
    # the same reply (empathy 60, accuracy 80) read untuned for the old attempt, by v1 for the new one
    assert cal.attempt_ratings(store, anna, before) == [(0, {"empathy": 1, "accuracy": 2, "compliance": 1})]
    from simulator.calibration.verdict import verdict
    assert cal.attempt_ratings(store, anna, after) == [(0, verdict(scored(60, 80), accepted.params))]
    english_text = (SCENARIOS / "en" / "outage.yaml").read_text(encoding="utf-8")
    scenario, _ = load_text(english_text, "outage")
    english = store.start_attempt(anna.id, store.scenario_version(scenario, english_text, by=SHELL).id, now=T0, by=SHELL)
    assert cal.attempt_tuning(store, english.id) is None        # a Ukrainian tuning scores no English call


def test_a_tuning_that_agrees_passes_the_gate_without_override(store, people):
    adam = people["adam"]
    cal.set_gate_level(store, adam, 0.5)
    assert cal.gate_level(store) == 0.5
    proposed = cal.propose_tuning(store, adam, rated_set(store, people, agree=True), "uk")
    assert proposed.held_out_kappa >= 0.5
    accepted = cal.decide_tuning(store, adam, proposed.id, True)
    assert accepted.version == 1 and accepted.override_comment == ""
    assert audit.search(store, actions=["gate_override"]) == []
    assert [e.detail["change"] for e in audit.search(store, actions=["tuning"])] == ["accepted"]
    with pytest.raises(ValueError, match="already accepted"):
        cal.decide_tuning(store, adam, proposed.id, False)
    with pytest.raises(ValueError, match="at least"):
        cal.propose_tuning(store, adam, rated_set(store, people, agree=True), "en")
