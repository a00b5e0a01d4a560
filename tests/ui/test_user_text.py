"""User text is text: a reply, a comment, a scenario's title, lines and persona, a name or a group
that holds Markdown or HTML is shown as written on every page that shows it, never as an
image, a link or formatting; the printable report escapes it and the exports keep it from
running as a formula."""
from __future__ import annotations

import io
import re

import pandas as pd
import pytest
from openpyxl import load_workbook
from ui_helpers import app, open_page, play, texts

from simulator.services.practice import PracticeSession
from simulator.reports import readiness_report, source
from simulator.library.loader import load_text
from simulator.store import DEMO_PASSWORD
from simulator.texts.formats import literal
from tests.conftest import MINI
from simulator.store.guard import SHELL

PIXEL = "![x](http://any-host/pixel.png) [your bonus](http://any-host/)"
HTML = "<img src=http://any-host/p.png> <b>bold</b>"
STYLED = ":red[alarm] **loud** `code` $x$"
# more Cyrillic than Latin letters, or the scenario would not be published as Ukrainian
HOSTILE_MINI = (MINI.replace("title: Тестовий дзвінок", f'title: "{PIXEL} — нарахування за середнім споживанням і перерахунок"')
                .replace("name: Тарас", f'name: "{HTML} Тарас Григорович Шевченко з Оболоні"')
                .replace("      - Чому в мене такий рахунок?\n      - Звідки така сума в рахунку?\n      - Що це за рахунок?",
                         f'      - "{STYLED} Чому в мене такий великий рахунок цього місяця?"'))


def live_markdown(source: str) -> bool:
    """Whether ``source`` would make an image, a link, HTML or Streamlit's styling: any such
    syntax left once the backslash escapes are taken out."""
    bare = re.sub(r"\\.", "", source)
    return bool(re.search(r"\]\(|!\[|<[a-zA-Z/]|https?:|:red\[alarm|\*\*loud|`code`|\$x\$", bare))


def sources(at) -> list[str]:
    """Every piece of Markdown the page sent: texts, messages, and the labels of expanders and
    metrics, and the cells of static tables (which render Markdown too)."""
    found = []
    for kind in ("title", "header", "subheader", "markdown", "caption", "info", "success", "warning", "error"):
        found += [str(element.value) for element in getattr(at, kind)]
    found += [element.label for element in at.expander] + [element.label for element in at.metric]
    for table in at.table:
        found += [str(cell) for cell in table.value.to_numpy().ravel()]
    return found


def assert_shown_as_text(at, *written: str) -> None:
    assert not at.exception
    live = [s for s in sources(at) if live_markdown(s)]
    assert not live, live
    everything = "\n".join(sources(at))
    for text in written:
        assert literal(text) in everything, text


@pytest.fixture
def hostile_call(store, library, trainee):
    """A finished call whose every reply is the Markdown image and link of the issue."""
    practice = play(store, trainee, library, "en-payment-slip", replies=0)
    while not practice.finished:
        practice.reply_text(PIXEL)
    return practice


def test_a_reply_with_an_image_and_a_link_is_literal_text_on_the_review_page(store, hostile_call):
    trainer = store.user_by_username("demo-trainer")
    at = open_page(app(store, trainer), "review", attempt=hostile_call.attempt_id)
    said = [value for value in texts(at.markdown) if value.startswith("**Оператор-стажер:**")]
    assert said and all(value == f"**Оператор-стажер:** {PIXEL}" for value in said)
    assert_shown_as_text(at, PIXEL)

    form = f"review_override.{hostile_call.attempt_id}.0"        # a trainer's comment, shown back
    at.button(key=f"{form}.start").click().run()
    at.text_area(key=f"{form}.comment").set_value(HTML + " " + PIXEL)
    at.button(key=f"{form}.save").click().run()
    assert_shown_as_text(at, PIXEL, HTML + " " + PIXEL)


def test_the_trainee_sees_their_reply_as_written_on_the_scorecard(store, trainee, hostile_call):
    at = open_page(app(store, trainee), "attempt", attempt=hostile_call.attempt_id)
    assert_shown_as_text(at, PIXEL)


@pytest.fixture
def studio_scenario(store):
    """A scenario written in the studio with Markdown and HTML in its title, persona and a line, published."""
    trainer = store.user_by_username("demo-trainer")
    store.save_draft(trainer, "test-mini", HOSTILE_MINI, new=True)
    store.publish(trainer, "test-mini")
    scenario, problems = load_text(HOSTILE_MINI, "test-mini")
    assert not problems
    return scenario


def test_a_scenarios_title_persona_and_lines_are_literal_in_the_catalogue_and_the_call(store, trainee, studio_scenario):
    at = open_page(app(store, trainee), "catalogue")
    assert_shown_as_text(at, PIXEL)
    practice = PracticeSession.start(store, trainee, studio_scenario, HOSTILE_MINI, "practice")
    at = open_page(app(store, trainee), "call", attempt=practice.attempt_id)
    assert_shown_as_text(at, PIXEL, HTML)
    assert any(value.endswith(f":** {STYLED} Чому в мене такий великий рахунок цього місяця?")
               for value in texts(at.markdown))                    # the customer's line, as written


def test_the_studio_shows_titles_and_the_addresss_id_as_written(store, studio_scenario):
    trainer = store.user_by_username("demo-trainer")
    at = open_page(app(store, trainer), "studio")
    assert_shown_as_text(at, PIXEL)
    at = open_page(app(store, trainer), "studio", scenario=PIXEL)      # an id no scenario has, from an edited link
    assert_shown_as_text(at, PIXEL)


def test_names_and_groups_are_literal_in_the_sidebar_and_the_assignments(store, library):
    anna = store.create_user("anna", "trainee", DEMO_PASSWORD, full_name=PIXEL, group=HTML, by=SHELL)
    at = app(store, anna).run()
    assert_shown_as_text(at)
    assert [literal(PIXEL) in value for value in (m.value for m in at.sidebar.markdown)].count(True) == 1
    trainer = store.user_by_username("demo-trainer")
    store.assign(trainer, "en-payment-slip", group=HTML)
    store.assign(trainer, "en-payment-slip", user_id=anna.id)
    at = open_page(app(store, trainer), "assignments")
    assert_shown_as_text(at, HTML, PIXEL)


def test_an_error_that_quotes_what_was_typed_is_literal(store, admin):
    at = open_page(app(store, admin), "admin")
    at.text_input(key="admin.create.username").set_value(PIXEL)
    at.button(key="admin.create.submit").click().run()
    assert at.error and PIXEL in texts(at.error)[0]
    assert_shown_as_text(at, PIXEL)


def test_the_printable_report_escapes_a_title_and_a_name(store, mini, admin):
    source.save_definition(store, admin, source.Definition(required=("estimated-bill",)))
    scenario, _ = load_text(HOSTILE_MINI, "test-mini")
    version = store.scenario_version(scenario, HOSTILE_MINI, by=SHELL)
    anna = store.create_user("anna", "trainee", DEMO_PASSWORD, full_name=PIXEL, group=HTML, by=SHELL)
    practice = PracticeSession.start(store, anna, scenario, HOSTILE_MINI, "practice")
    while not practice.finished:
        practice.reply_text(PIXEL)
    assert version.title.startswith(PIXEL)
    at = open_page(app(store, store.user_by_username("demo-hr")), "trainee_report", user=anna.id)
    html = at.get("iframe")[0].proto.srcdoc
    assert "<img" not in html and "<b>bold" not in html and "&lt;img src=http://any-host/p.png&gt;" in html
    assert html.count(PIXEL) >= 2          # the name and the call's title, as text (no Markdown in HTML)
    assert_shown_as_text(at, PIXEL)        # the page's own heading


def test_exported_names_never_run_as_formulas(store, mini, admin):
    source.save_definition(store, admin, source.Definition(required=("estimated-bill",)))
    store.scenario_version(mini, MINI, by=SHELL)
    store.create_user("anna", "trainee", DEMO_PASSWORD, full_name='=HYPERLINK("http://any-host/","bonus")', group="+kyiv", by=SHELL)
    store.create_user("bohdan", "trainee", DEMO_PASSWORD, full_name="-1+2", group="@group", by=SHELL)
    report = readiness_report.build(store, admin, as_of=pd.Timestamp.now("UTC").date())
    csv = pd.read_csv(io.BytesIO(report.csv("en")), dtype=str)
    assert set(csv["Full name"]) >= {"'=HYPERLINK(\"http://any-host/\",\"bonus\")", "'-1+2"}
    assert set(csv["Group"]) >= {"'+kyiv", "'@group"}
    book = load_workbook(io.BytesIO(report.xlsx("en")))
    cells = [cell for sheet in book for row in sheet.iter_rows(min_row=2) for cell in row if isinstance(cell.value, str)]
    formula_like = [cell for cell in cells if cell.value.startswith(("=", "+", "-", "@"))]
    assert formula_like and all(cell.data_type == "s" for cell in formula_like)     # text cells, never formulas
