"""The publishing gate on both databases: a draft whose samples the scorer judges against the
trainer's expectations is published only with a reason, which the audit log keeps."""
from __future__ import annotations

import pytest

from simulator.store import audit
from simulator.services.studio import publish_gate
from tests.conftest import MINI
from tests.store.store_db import database_url, fast_passwords, make_user, postgres_server, store  # noqa: F401

GOOD = ("Розумію, що сума неочікувана, це неприємно. Рахунок виставили за середнім споживанням, бо показники не надійшли. "
        "Я зараз перевірю нарахування.")
SAMPLES = """
samples:
  - node: opening
    label: great
    reply: {great}
  - node: opening
    label: poor
    reply: Не знаю, дзвоніть пізніше.
"""


def draft(store, trainer, great: str) -> None:
    store.save_draft(trainer, "test-mini", MINI + SAMPLES.format(great=great), new=True)


def test_samples_against_their_expectations_need_a_logged_reason(store):
    trainer = make_user(store, "olha", role="trainer")
    draft(store, trainer, "Добрий день.")           # a 'great' sample that would not pass
    with pytest.raises(publish_gate.SamplesDisagree) as refused:
        publish_gate.publish(store, trainer, "test-mini")
    assert [b.code for b in refused.value.broken] == ["great_below_mark"]
    assert store.draft("test-mini") is not None and audit.search(store, actions=["gate_override"]) == []
    version = publish_gate.publish(store, trainer, "test-mini", override="the sample is meant to be weak: fixed next week")
    assert version.version == 1 and store.draft("test-mini") is None
    [entry] = audit.search(store, actions=["gate_override"])
    assert entry.target == "scenario test-mini v1" and entry.actor == "olha"
    assert entry.detail["comment"] == "the sample is meant to be weak: fixed next week"
    assert entry.detail["broken"] == ["great_below_mark opening great"]


def test_samples_that_meet_their_expectations_publish_without_a_reason(store):
    trainer = make_user(store, "olha", role="trainer")
    draft(store, trainer, GOOD)
    assert publish_gate.publish(store, trainer, "test-mini").version == 1
    assert audit.search(store, actions=["gate_override"]) == []


def test_with_a_tuning_accepted_the_samples_are_judged_as_trainees_would_be_shown_them(store, mini):
    from simulator.calibration import shown
    from simulator.services.studio.samples import score_reply
    from tests.calibration.tuning_rows import HARSH, accepted

    trainer, admin = make_user(store, "olha", role="trainer"), make_user(store, "adam", role="admin")
    harsh = accepted(store, admin, HARSH)
    assert shown.apply(score_reply(mini, "opening", GOOD).score, mini, harsh).overall < mini.pass_mark    # it would not pass now
    draft(store, trainer, GOOD)
    with pytest.raises(publish_gate.SamplesDisagree) as refused:
        publish_gate.publish(store, trainer, "test-mini")
    assert [b.code for b in refused.value.broken] == ["great_below_mark"]
    english = accepted(store, admin, HARSH, "en")       # another language's tuning leaves a Ukrainian scenario alone
    assert english.language == "en"
    assert publish_gate.broken_samples(MINI + SAMPLES.format(great=GOOD), "test-mini", {"en": english}) == []
