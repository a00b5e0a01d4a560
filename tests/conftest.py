"""Shared fixtures: the real scenario library and a small scenario written for the tests; and
the test tiers (markers), given to every test here from its folder and its fixtures so nobody
has to remember them (see docs/architecture.md)."""
from __future__ import annotations

import os
import shutil
import sys
import tempfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from simulator.library.loader import load_library, load_text  # noqa: E402

SCENARIOS = ROOT / "scenarios"

# A small branching scenario, kept here so engine tests do not depend on library wording.
MINI = """\
id: test-mini
title: Тестовий дзвінок
language: uk
channel: voice
category: estimated-bill
difficulty: easy
facts_as_of: 2026-02-10
persona:
  name: Тарас
  gender: male
  mood: irritated
target_seconds: 60
max_turns: 4
max_silences: 1
silence_prompt:
  - Алло? Ви мене чуєте?
  - Ви там?
nodes:
  opening:
    customer:
      - Чому в мене такий рахунок?
      - Звідки така сума в рахунку?
      - Що це за рахунок?
    empathy: high
    references:
      - Розумію, що сума неочікувана, це неприємно. Рахунок виставили за середнім споживанням, бо показники не надійшли. Я зараз перевірю нарахування.
    key_facts:
      - id: estimated
        fact: рахунок за середнім
        accept: [за середнім]
    wrong_facts:
      - id: old-price
        fact: ціна 2,64
        accept: ["2,64"]
    branches:
      - if: critical
        goto: complaint
      - if: empathy < 35
        goto: angry
      - if: missing estimated
        goto: again
      - goto: thanks
  again:
    customer: Ви не відповіли. Чому сума більша?
    references:
      - Перепрошую. Показники не надійшли, тому рахунок порахували за середнім споживанням.
    key_facts:
      - id: estimated
        fact: рахунок за середнім
        accept: [за середнім]
    branches:
      - if: said estimated
        goto: thanks
      - goto: again
  angry:
    customer: Та ви знущаєтеся! Я буду скаржитися!
    references:
      - Я вас чую, і ваше обурення зрозуміле. Рахунок виставили за середнім, і я зараз перевірю нарахування разом з вами.
    key_facts:
      - id: estimated
        fact: рахунок за середнім
        accept: [за середнім]
    branches:
      - if: empathy >= 50 and said estimated
        goto: thanks
      - goto: complaint
  thanks:
    end: resolved
    customer: Добре, дякую.
  complaint:
    end: escalated
    customer: Усе, пишу скаргу.
"""


@pytest.fixture(scope="session")
def library():
    return load_library(SCENARIOS)


@pytest.fixture(scope="session")
def mini():
    scenario, problems = load_text(MINI, "mini.yaml")
    assert problems == [], problems
    return scenario


@pytest.fixture
def no_settings(monkeypatch):
    """No simulator setting from the machine running the tests: every variable of
    simulator.settings unset (set the ones a test needs with ``monkeypatch.setenv``: the
    settings are read again when one changes), and the settings read afresh before and after."""
    from simulator import settings

    for name in settings.NAMES:
        monkeypatch.delenv(name, raising=False)
    settings.reset()
    yield monkeypatch
    settings.reset()


# --- test tiers ---------------------------------------------------------------------------------
# A test is ``unit`` when it has none of the other tiers: the inner loop is ``./test.sh -m unit``.
# The tiers are registered in pyproject.toml (--strict-markers refuses any other name).
TIERS = ("db", "voice", "ui", "e2e", "slow")
TIER_OF_FOLDER = {"e2e": "e2e", "ui": "ui", "voice": "voice", "store": "db"}
# fixtures that mean a real database (SQLite file or the PostgreSQL server the tests start) or the
# app's own store (a SQLite file in the test's data folder)
DB_FIXTURES = {"database_url", "postgres_server", "store", "app_env"}
# files outside tests/store that are db as a whole: the users commands open a SQLite file of their
# own, without those fixtures; the catalogue's tests came from tests/store together
DB_FILES = {"cli/test_cli_users.py", "services/test_playable_catalogue.py"}
# files outside tests/voice that speak with espeak-ng or transcribe with Whisper themselves
VOICE_FILES = {
    "e2e/test_browser.py", "e2e/test_hands_free_browser.py", "e2e/test_voice_check_browser.py",
    "ui/test_hands_free.py", "ui/test_language_walk.py", "ui/test_results.py", "ui/test_speech.py",
    "ui/test_studio.py", "ui/test_voice_check_ui.py", "ui/test_voice_turn.py",
}
# tests with none of those that take seconds each (whole library, model fits, `python -m simulator`
# in a subprocess): 5-140 s each under load; outside the inner loop, still in ./test.sh
SLOW = (
    "evaluation/",
    "cli/test_cli.py::", "cli/test_cli_user_text.py::",
    "cli/test_scenarios_test_command.py::test_library_files_meet_their_samples_expectations",
    "scoring/test_empathy_model.py::test_held_out_quality_in_both_languages",
    "scoring/test_empathy_model.py::test_training_is_deterministic_and_fast_prediction_matches_sklearn",
    "scoring/test_scorecard.py::test_scores_stay_in_range_for_odd_replies",
    "services/studio/test_studio_form.py::test_changing_each_field_changes_only_that_field",   # 40 library files, 26 s of CPU
)
TESTS = Path(__file__).resolve().parent


def tiers_of(item: pytest.Item) -> set[str]:
    relative = Path(item.path).resolve().relative_to(TESTS)
    found = {TIER_OF_FOLDER[relative.parts[0]]} if relative.parts[0] in TIER_OF_FOLDER else set()
    if DB_FIXTURES & set(getattr(item, "fixturenames", ())) or relative.as_posix() in DB_FILES:
        found.add("db")
    if relative.as_posix() in VOICE_FILES:
        found.add("voice")
    if f"{relative.as_posix()}::{item.name}".startswith(SLOW):
        found.add("slow")
    found |= {mark.name for mark in item.iter_markers() if mark.name in TIERS}
    return found or {"unit"}


def pytest_collection_modifyitems(config, items):
    for item in items:
        for tier in sorted(tiers_of(item)):
            item.add_marker(tier)


# --- parallel runs (pytest-xdist, ./test.sh -n 2) ------------------------------------------------
def pytest_configure(config):
    """Each xdist worker gets its share of the cores: the code sizes its thread pools by
    os.cpu_count() (asr.cpu_threads for CTranslate2 and torch), and
    two workers with two threads each on two cores oversubscribe them. Serial runs are untouched."""
    workers = int(os.environ.get("PYTEST_XDIST_WORKER_COUNT") or 0)
    if workers > 1:
        share = max(1, (os.cpu_count() or 1) // workers)
        os.cpu_count = lambda: share
    share_embeddings(config)


def share_embeddings(config) -> None:
    """One file of sentence vectors for the whole run, shared by the workers and by the commands
    they start (scoring/embedding_file.py): a step's texts are embedded once per run, not once per
    process. The browser tests' app servers keep their own, in their own data folder (e2e_helpers
    gives them none of the run's SIMULATOR_ settings). A run starts with none (never the data folder's), and every
    test in a process uses the run's file even when it unsets the settings (``no_settings``)."""
    from simulator.scoring import embeddings

    if not os.environ.get("PYTEST_XDIST_WORKER"):      # the run's first process: the workers inherit it
        folder = Path(tempfile.mkdtemp(prefix="simulator-test-embeddings-"))
        os.environ["SIMULATOR_EMBEDDING_CACHE"] = str(folder / "embeddings.bin")
        config.add_cleanup(lambda: shutil.rmtree(folder, ignore_errors=True))
    embeddings.use_file(Path(os.environ["SIMULATOR_EMBEDDING_CACHE"]))
