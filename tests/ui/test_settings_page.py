"""A setting that is not a number where one is needed stops the app with a message in the
user's language that says what it may be (a choice says its values: test_demo_mode.py)."""
from __future__ import annotations

from ui_helpers import app, texts


def test_a_number_setting_that_is_not_a_number_stops_the_app(app_env, monkeypatch):
    monkeypatch.setenv("SIMULATOR_AUDIO_RETENTION_DAYS", "a week")
    at = app().run()
    assert not at.exception
    assert texts(at.error) == ["Тренажер не запущено: налаштування SIMULATOR_AUDIO_RETENTION_DAYS має значення «a week», "
                               "а має бути цілим числом днів, 0 або більше. Виправте його й перезапустіть застосунок."]
    assert not at.text_input and not at.title
