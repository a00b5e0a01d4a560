"""The tiers tests/conftest.py gives each test (docs/architecture.md): from its folder, its
fixtures, the lists there, and a marker written by hand."""
from __future__ import annotations

from types import SimpleNamespace

import pytest

from tests.conftest import TESTS, tiers_of


def item(path: str, fixtures=(), name: str = "test_something", marks=()):
    return SimpleNamespace(path=TESTS / path, fixturenames=list(fixtures), name=name,
                           iter_markers=lambda: [getattr(pytest.mark, mark).mark for mark in marks])


@pytest.mark.parametrize(("path", "fixtures", "name", "marks", "tiers"), [
    ("scoring/test_empathy.py", (), "test_something", (), {"unit"}),
    ("store/test_store_auth.py", ("store",), "test_something", (), {"db"}),
    ("services/test_practice.py", ("database_url",), "test_something", (), {"db"}),
    ("ui/test_login.py", ("app_env",), "test_something", (), {"ui", "db"}),
    ("ui/test_speech.py", ("app_env",), "test_something", (), {"ui", "db", "voice"}),
    ("voice/test_asr.py", (), "test_something", (), {"voice"}),
    ("e2e/test_browser.py", (), "test_something", (), {"e2e", "voice"}),
    ("cli/test_cli.py", (), "test_validate_the_library", (), {"slow"}),
    ("services/studio/test_studio_form.py", (), "test_changing_each_field_changes_only_that_field[uk/x.yaml]", (), {"slow"}),
    ("scoring/test_empathy.py", (), "test_something", ("voice",), {"voice"}),
])
def test_tiers_follow_the_folder_the_fixtures_and_the_lists(path, fixtures, name, marks, tiers):
    assert tiers_of(item(path, fixtures, name, marks)) == tiers


def test_this_test_is_in_the_unit_tier(request):
    assert request.node.get_closest_marker("unit") is not None
    assert request.node.get_closest_marker("db") is None
