"""Streamlit's table toolbar speaks fixed English: a Ukrainian interface does not show it (issue 11)."""
from __future__ import annotations

from ui_helpers import app

from simulator.ui.components import table_toolbar


def test_the_english_toolbar_is_hidden_in_ukrainian_and_kept_in_english():
    assert "stElementToolbar" in table_toolbar.style("uk") and "display: none" in table_toolbar.style("uk")
    assert table_toolbar.style("en") == ""


def test_every_page_of_the_ukrainian_interface_hides_it(app_env):
    at = app().run()
    assert table_toolbar.HIDDEN in [element.proto.body for element in at.get("html")]
