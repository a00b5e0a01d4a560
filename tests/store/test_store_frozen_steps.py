"""A published version keeps a copy of the shared steps its text includes (migration 0009):
editing scenarios/shared later changes no past version, nor the replay of an old call; the
next recording or publication keeps the new copy. On SQLite and PostgreSQL."""
from __future__ import annotations

import pytest
from sqlalchemy import text as sql

from simulator.services.catalogue import parse, playable, record_files
from simulator.services.practice import PracticeSession
from simulator.store import Store
from simulator.store.db import engine_from_env, migrate
from tests.conftest import MINI
from tests.scenario.test_format_features import STEP
from tests.store.store_db import make_user

# the call starts at the included step: its line is the first one said, with no reply to score
INCLUDING = MINI.replace("nodes:\n", "nodes:\n  identity:\n    include: identity-check-uk\n    next: opening\n", 1)
EDITED_LINE = "Так, я вас слухаю, що саме назвати?"


@pytest.fixture
def library(tmp_path, monkeypatch):
    folder = tmp_path / "scenarios"
    (folder / "shared").mkdir(parents=True)
    (folder / "uk").mkdir()
    (folder / "shared" / "identity.yaml").write_text(STEP, encoding="utf-8")
    (folder / "uk" / "mini.yaml").write_text(INCLUDING, encoding="utf-8")
    monkeypatch.setenv("SIMULATOR_SCENARIOS", str(folder))
    return folder


def edit_step(folder) -> None:
    step = folder / "shared" / "identity.yaml"
    step.write_text(step.read_text(encoding="utf-8").replace("- (Так|Добре), а що вам потрібно?", f"- {EDITED_LINE}"),
                    encoding="utf-8")


def lines(version) -> list[str]:
    return parse(version.content_hash, version.yaml_text, version.shared_steps).nodes["identity"].customer


def test_a_recorded_version_keeps_its_steps_and_an_old_call_replays_after_an_edit(store, library):
    anna = make_user(store, "anna")
    assert record_files(store, library) == []
    [first] = store.versions("test-mini")
    assert first.shared_steps["identity-check-uk"]["node"]["references"][0].startswith("Назвіть, будь ласка")
    offered = playable(store)["test-mini"]
    call = PracticeSession.start(store, anna, offered.scenario, offered.yaml_text, seed=1)
    assert call.call.current.node_id == "identity"
    said = call.call.current.customer_line
    assert said in ("Так, а що вам потрібно?", "Добре, а що вам потрібно?")

    edit_step(library)
    assert record_files(store, library) == []
    old, new = store.versions("test-mini")
    assert (old.id, old.yaml_text) == (first.id, new.yaml_text) and new.version == 2   # same text, the steps changed
    assert lines(old) == ["Так, а що вам потрібно?", "Добре, а що вам потрібно?"]        # as it was published
    assert lines(new) == [EDITED_LINE]
    assert playable(store)["test-mini"].version.id == new.id

    resumed = PracticeSession.resume(store, call.attempt.id, anna)            # replays with the copy, not the edit
    assert (resumed.call.current.node_id, resumed.call.current.customer_line) == ("identity", said)
    assert store.attempt_detail(anna, call.attempt.id).attempt.scenario_version_id == first.id


def test_a_studio_publication_keeps_the_steps_and_stays_playable_after_an_edit(store, library):
    trainer, anna = make_user(store, "trainer", role="trainer"), make_user(store, "anna")
    store.save_draft(trainer, "test-mini", INCLUDING, new=True)
    assert store.draft("test-mini").shared_steps is None          # a draft reads the steps as they are
    published = store.publish(trainer, "test-mini")
    assert published.shared_steps is not None
    with pytest.raises(ValueError, match="version 1 as it is"):         # the same text with the same steps
        store.save_draft(trainer, "test-mini", INCLUDING)

    edit_step(library)
    offered = playable(store)["test-mini"]
    assert offered.version.id == published.id and offered.scenario.nodes["identity"].customer[0] == "Так, а що вам потрібно?"
    call = PracticeSession.start(store, anna, offered.scenario, offered.yaml_text)   # the published copy, not today's
    assert call.attempt.scenario_version_id == published.id
    with pytest.raises(ValueError, match="reload the library"):
        PracticeSession.start(store, anna, offered.scenario, INCLUDING.replace("Тестовий дзвінок", "Інший"))

    store.save_draft(trainer, "test-mini", INCLUDING)        # the same text again: publishing keeps today's steps
    republished = store.publish(trainer, "test-mini")
    assert republished.version == 2 and lines(republished) == [EDITED_LINE]
    assert lines(store.version(published.id)) == ["Так, а що вам потрібно?", "Добре, а що вам потрібно?"]


def test_a_version_stored_before_0009_keeps_working_with_todays_steps(database_url, library):
    engine = engine_from_env(database_url)
    try:
        migrate(engine, "0008")
        with engine.begin() as connection:
            connection.execute(sql(
                "INSERT INTO scenario_versions (id, scenario_id, version, content_hash, yaml_text, title, language, channel,"
                " category, status, created_at, note) VALUES (1, 'test-mini', 1, 'h', :text, 'T', 'uk', 'voice',"
                " 'estimated-bill', 'published', '2026-03-01 10:00:00', '')"), {"text": INCLUDING})
        migrate(engine, "0009")
        with engine.connect() as connection:
            assert connection.execute(sql("SELECT shared_steps IS NULL FROM scenario_versions")).scalar() in (True, 1)
    finally:
        engine.dispose()
    store = Store.open(database_url)
    try:
        old = store.version(1)
        assert old.shared_steps is None and lines(old)[0] == "Так, а що вам потрібно?"
        edit_step(library)
        assert lines(old) == [EDITED_LINE]                 # no copy: the library's steps as they are now
    finally:
        store.close()
