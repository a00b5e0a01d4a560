"""The studio's publishing gate in the app: samples the scorer judges against their labels stop
a publication until the trainer writes a reason, which the audit log keeps."""
from __future__ import annotations

import pytest
from ui_helpers import app, open_page, shown

from simulator.store import audit
from simulator.ui import services
from tests.conftest import MINI
from tests.services.studio.test_publish_gate import SAMPLES
from simulator.store.guard import SHELL


@pytest.fixture
def store(app_env):
    """The app's store without the library recorded (the studio opens one draft here)."""
    return services.store()


def test_the_studio_asks_for_a_reason_before_publishing_samples_against_their_labels_en(store):
    trainer = store.create_user("olha", "trainer", "correct-horse-battery", language="en", by=SHELL)
    store.save_draft(trainer, "test-mini", MINI + SAMPLES.format(great="Добрий день."), new=True)
    at = open_page(app(store, trainer), "studio", scenario="test-mini")
    at.button(key="studio.publish.test-mini").click().run()
    assert "Not published: the scores of the sample replies disagree with your expectations (1)." in shown(at)
    assert store.draft("test-mini") is not None
    at.text_input(key="studio.override.test-mini").input("kept weak on purpose until the June tariff")
    at.button(key="studio.publish.test-mini").click().run()
    assert "Published as version 1" in shown(at) and store.draft("test-mini") is None
    [entry] = audit.search(store, actions=["gate_override"])
    assert entry.detail["comment"] == "kept weak on purpose until the June tariff"
