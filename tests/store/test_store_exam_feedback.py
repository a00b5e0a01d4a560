"""An exam in progress gives away nothing of how its replies scored: the examinee's progress
(missed facts, weakest categories, skill averages) counts them only once the exam ends."""
from __future__ import annotations

from tests.conftest import MINI
from tests.store.store_db import make_user
from tests.store.test_store_repository import POLITE_NO_FACT, T0, played
from simulator.store.guard import SHELL


def test_an_exam_in_progress_adds_nothing_to_progress_until_it_ends(store, mini):
    anna = make_user(store, "anna")
    version = store.scenario_version(mini, MINI, by=SHELL)
    call = played(mini, [POLITE_NO_FACT])           # misses the key fact "рахунок за середнім"
    exam = store.start_attempt(anna.id, version.id, "exam", call.seed, now=T0, by=SHELL)
    store.save_turn(exam.id, call.turns[0].to_dict(), now=T0, by=SHELL)

    during = store.progress(anna)
    assert during.missed_facts == [] and during.weak_categories == [] and during.skills == {}
    trainer = make_user(store, "tetiana", role="trainer")
    assert store.progress(trainer, user_id=anna.id).missed_facts == []

    store.finish_attempt(exam.id, "abandoned", call.scorecard().to_dict(), now=T0, by=SHELL)
    after = store.progress(anna)
    assert [(m.fact_id, m.missed, m.asked) for m in after.missed_facts] == [("estimated", 1, 1)]
    assert set(after.skills) == {"accuracy", "empathy", "time"} and after.weak_categories


def test_a_practice_call_in_progress_counts_at_once(store, mini):
    anna = make_user(store, "anna")
    version = store.scenario_version(mini, MINI, by=SHELL)
    call = played(mini, [POLITE_NO_FACT])
    practice = store.start_attempt(anna.id, version.id, "practice", call.seed, now=T0, by=SHELL)
    store.save_turn(practice.id, call.turns[0].to_dict(), now=T0, by=SHELL)
    assert [m.fact_id for m in store.progress(anna).missed_facts] == ["estimated"]
