"""After a language switch the browser is told every chosen option anew: it keeps the text of a
select box's choice ("усі") until told otherwise, so the English catalogue's filters said «усі»."""
from __future__ import annotations

from ui_helpers import app, open_page


def test_a_switch_sends_the_chosen_options_in_the_new_language(store, trainee):
    at = open_page(app(store, trainee), "catalogue")
    at.selectbox(key="catalogue_filters.difficulty").set_value("hard").run()
    at.selectbox(key="catalogue_filters.difficulty").set_value("").run()      # back to «усі»
    at.segmented_control(key="language_switch.choice").set_value("en").run()
    assert not at.exception
    for field in ("language", "category", "difficulty", "channel"):
        box = at.selectbox(key=f"catalogue_filters.{field}").proto
        assert box.set_value and box.raw_value == "all", field
