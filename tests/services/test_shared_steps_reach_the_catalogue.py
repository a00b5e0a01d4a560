"""A change to a shared step reaches the catalogue while the app runs: the files' signature the
app watches changes with a step file (the library's files are then recorded again, each with a
copy of the steps as they are now), and a text with no copy of its steps (a draft, a version
from before migration 0009) is parsed again with the step as it is now. That a published
version keeps its own copy: tests/store/test_store_frozen_steps.py."""
from __future__ import annotations

import shutil

from simulator.services.catalogue import files_signature, parse
from simulator.store.scenario_versions import content_hash
from tests.conftest import SCENARIOS


def test_an_edited_step_file_reaches_the_catalogue_without_a_restart(tmp_path, monkeypatch):
    folder = tmp_path / "scenarios"
    shutil.copytree(SCENARIOS / "shared", folder / "shared")
    monkeypatch.setenv("SIMULATOR_SCENARIOS", str(folder))
    text = (SCENARIOS / "uk" / "estimated-bill.yaml").read_text(encoding="utf-8")
    before, watched = parse(content_hash(text), text), files_signature(folder)
    assert before.nodes["closing"].hint == "Запитайте, чи можете ще чимось допомогти, і подякуйте за дзвінок."

    step = folder / "shared" / "closing-uk.yaml"
    step.write_text(step.read_text(encoding="utf-8").replace("і подякуйте за дзвінок", "і подякуйте за звернення"),
                    encoding="utf-8")
    assert files_signature(folder) != watched
    after = parse(content_hash(text), text)
    assert after.nodes["closing"].hint == "Запитайте, чи можете ще чимось допомогти, і подякуйте за звернення."
    assert parse(content_hash(text), text) is after          # parsed once per state of the steps
