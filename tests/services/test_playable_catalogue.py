"""The catalogue trainees see: library files recorded into the store plus the studio's
publications, minus retired scenarios (on SQLite and PostgreSQL)."""
from __future__ import annotations

import shutil

from simulator.services.catalogue import files_signature, playable, record_files
from tests.conftest import MINI, SCENARIOS
from tests.store.store_db import database_url, fast_passwords, make_user, postgres_server, store  # noqa: F401


def test_files_and_studio_publications_make_one_catalogue(store, tmp_path):
    folder = tmp_path / "scenarios"
    shutil.copytree(SCENARIOS / "en", folder / "en")
    (folder / "en" / "broken.yaml").write_text("id: [unclosed\n", encoding="utf-8")
    problems = record_files(store, folder)
    assert [p.file.endswith("broken.yaml") for p in problems] == [True] * len(problems) and problems
    files = {p.stem for p in (folder / "en").glob("*.yaml")} - {"broken"}
    offered = playable(store)
    assert len(offered) == len(files)
    trainer = make_user(store, "trainer", role="trainer")
    store.save_draft(trainer, "test-mini", MINI, new=True)
    assert "test-mini" not in playable(store)                    # a draft is not offered
    store.publish(trainer, "test-mini")
    mini = playable(store)["test-mini"]
    assert mini.scenario.title == "Тестовий дзвінок" and mini.yaml_text == MINI and mini.version.version == 1
    some = sorted(offered)[0]
    store.retire(trainer, some)
    assert some not in playable(store)
    record_files(store, folder)                                  # the file read again does not bring it back
    assert some not in playable(store)


def test_the_signature_changes_when_a_file_does(tmp_path):
    folder = tmp_path / "scenarios"
    folder.mkdir()
    (folder / "a.yaml").write_text(MINI, encoding="utf-8")
    before = files_signature(folder)
    (folder / "a.yaml").write_text(MINI + "\n# edited\n", encoding="utf-8")
    assert files_signature(folder) != before
    assert files_signature(tmp_path / "missing") == ()
