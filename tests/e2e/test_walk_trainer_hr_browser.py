"""A trainer's, an HR person's and an admin's day in a real browser (issue 11): the trainer opens a call
from the review list (a row is clicked), sees one reply at a time labelled by role, and opens
the override form only when asking for it; HR reads readiness with one required topic, its
heatmap a proper row (it was a 2-pixel line) and the weak areas' tables whole, counts in view;
the admin creates a user, changes a role and reads both in the audit log, in Ukrainian and then
in English (no Streamlit English in the one, no Ukrainian in the other), and an unknown address
shows our own page in the user's language (it was Streamlit's English "Page not found" box).
Screenshots go to test-artifacts/e2e/. The file's name puts it after the other staff tests,
which count on the default definition (this one sets a single required topic, then puts the
definition back)."""
from __future__ import annotations

import re
import time

from e2e_helpers import log_in, screenshot
from playwright.sync_api import expect

from simulator.services.practice import PracticeSession
from simulator.reports import source
from simulator.library.loader import load_library
from simulator.store import Store
from simulator.texts.labels import Labels
from tests.conftest import SCENARIOS
from simulator.store.guard import SHELL

HEATMAP_ROW_MIN = 30            # pixels: the height of the one topic's row in the heatmap


def store_of(app_server) -> Store:
    """The app server's store, once its first page has made the demo accounts."""
    store = Store.open(f"sqlite:///{app_server.folder / 'data' / 'simulator.db'}")
    deadline = time.monotonic() + 30
    while store.user_by_username("demo-admin") is None:
        assert time.monotonic() < deadline, "the app made no demo accounts"
        time.sleep(0.2)
    return store


def played(store: Store, scenario_id: str, replies=None) -> int:
    """A finished call by the demo trainee: each node answered with its first reference, or
    with ``replies`` in turn (the last one repeated) until the call ends."""
    library = load_library(SCENARIOS)
    scenario = library.get(scenario_id)
    practice = PracticeSession.start(store, store.user_by_username("demo-trainee"), scenario,
                                     library.paths[scenario_id].read_text(encoding="utf-8"), "practice")
    answered = 0
    while not practice.finished:
        node = scenario.nodes[practice.turns[-1].node_id]
        practice.reply_text(replies[min(answered, len(replies) - 1)] if replies else node.references[0])
        answered += 1
    return practice.attempt_id


def test_a_trainer_reviews_one_reply_at_a_time_and_opens_the_form_on_demand(app_server, page):
    page.goto(app_server.url)                               # the first page creates the database and demo accounts
    page.get_by_label("Ім'я користувача").wait_for()
    store = store_of(app_server)
    try:
        attempt_id = played(store, "en-payment-slip")
        turns = store.attempt_detail(store.user_by_username("demo-trainer"), attempt_id).turns
    finally:
        store.close()
    log_in(page, app_server.url, "demo-trainer", "Студія сценаріїв")
    page.get_by_role("link", name="Перевірка дзвінків").click()
    row = page.locator(f".st-key-review_list-open-{attempt_id} button")
    row.wait_for()
    box = row.bounding_box()
    assert box["x"] + box["width"] <= page.viewport_size["width"]          # the whole row on the screen
    screenshot(page, "30-review-list")
    row.click()
    page.get_by_text("Оператор-стажер:").first.wait_for()
    assert page.get_by_text("Оператор-стажер:").count() == 1 and page.get_by_text("Ви:").count() == 0
    assert page.get_by_text(turns[0].reply, exact=False).count() >= 1
    assert page.get_by_test_id("stTextArea").count() == 0              # no form until asked
    screenshot(page, "31-review-one-reply")
    page.locator(f".st-key-review_call-{attempt_id}-turn button").nth(1).click()      # the second reply
    page.get_by_text(turns[1].reply[:40], exact=False).first.wait_for()
    expect(page.get_by_text(turns[0].reply[:40], exact=False)).to_have_count(0)     # once the rerun is over
    page.get_by_role("button", name="Змінити оцінку").click()
    page.get_by_test_id("stTextArea").wait_for(timeout=90_000)        # the rerun took over 30 s beside the voice tests
    assert page.get_by_test_id("stTextArea").count() == 1                 # one form, this reply's
    screenshot(page, "32-review-override-form")
    height = page.evaluate("document.querySelector('[data-testid=stMain]').scrollHeight")
    assert height < 3000, height                                          # it was about 5,000 px


def test_hr_reads_readiness_with_one_required_topic(app_server, page):
    page.goto(app_server.url)
    page.get_by_label("Ім'я користувача").wait_for()
    store = store_of(app_server)
    admin = store.user_by_username("demo-admin")
    before = source.definition(store)
    try:
        source.save_definition(store, admin, source.Definition(before.rules, ("estimated-bill",)))
        played(store, "uk-estimated-bill")
        played(store, "uk-estimated-bill", replies=["Добрий день. Дякую, що звернулися, зараз я перевірю ваш особовий рахунок."])
        log_in(page, app_server.url, "demo-hr", "Готовність персоналу")
        chart = page.get_by_test_id("stVegaLiteChart").first
        chart.locator("g.mark-rect path").first.wait_for()
        chart.scroll_into_view_if_needed()
        chart.screenshot(path=str(screenshot(page, "33-readiness-one-topic").with_name("34-readiness-heatmap.png")))
        cells = [cell.bounding_box()["height"] for cell in chart.locator("g.mark-rect path").all()]
        assert cells and max(cells) >= HEATMAP_ROW_MIN, cells          # a row, not a thin line
        tables = page.get_by_test_id("stTable")
        tables.first.scroll_into_view_if_needed()
        assert tables.count() >= 2                           # missed facts (and phrases) and the weakest topics
        width = page.viewport_size["width"]
        for index in range(tables.count()):
            for cell in tables.nth(index).locator("td, th").all():
                box = cell.bounding_box()
                assert box and box["x"] >= 0 and box["x"] + box["width"] <= width, cell.inner_text()
        assert tables.first.locator("th").first.inner_text().strip() == "Разів"       # the count comes first
        tables.first.scroll_into_view_if_needed()
        screenshot(page, "35-readiness-weak-areas")
    finally:
        source.save_definition(store, admin, before)
        store.close()


CYRILLIC = re.compile("[А-Яа-яІіЇїЄєҐґ]")
STREAMLIT_ENGLISH = ("Page not found", "Choose an option", "Choose options", "Browse files", "Upload", "200MB")


def create_user(page, tr: Labels, name: str) -> None:
    page.get_by_role("tab", name=tr("admin_create")).click()
    page.locator(".st-key-admin-create-username input").fill(name)
    page.locator(".st-key-admin-create-full_name input").fill("E2E Walk")
    page.locator(".st-key-admin-create-submit button").click()
    page.get_by_text(tr("user_created", username=name)).wait_for()


def change_role(page, tr: Labels, name: str, role: str) -> None:
    page.get_by_role("tab", name=tr("admin_users")).click()
    choose(page, "role_change.username", name)
    choose(page, "role_change.role", tr(f"role_{role}"))
    page.locator(".st-key-role_change-submit button").click()
    page.get_by_text(tr("role_changed", username=name, role=tr(f"role_{role}"))).wait_for()


def read_audit(page, tr: Labels, name: str, entries: int) -> None:
    """The audit log, filtered to what concerns ``name``, shows ``entries`` entries."""
    page.get_by_role("tab", name=tr("admin_audit")).click()
    target = page.locator(".st-key-audit_log-target input")
    target.fill(name)
    target.press("Enter")
    page.get_by_text(tr("audit_shown", count=entries, limit=1000)).wait_for()


def choose(page, key: str, option: str) -> None:
    page.locator(f".st-key-{key.replace('.', '-')}").get_by_role("combobox").click()
    page.get_by_role("option", name=option, exact=True).click()


def test_an_admin_creates_a_user_changes_a_role_and_reads_the_audit_log_in_both_languages(app_server, page):
    uk, en = Labels("uk"), Labels("en")
    page.goto(f"{app_server.url}/nowhere")                  # an unknown address, logged out: our words, the login form
    page.get_by_text(uk("page_not_found", address="nowhere")).wait_for()
    page.get_by_label("Ім'я користувача").wait_for()
    assert page.get_by_text("Page not found").count() == 0
    page.goto(f"{app_server.url}/foo/bar")                  # an address of two parts: not a blank page (serve.py)
    page.get_by_text(uk("page_not_found", address="foo/bar")).wait_for()
    page.get_by_label("Ім'я користувача").wait_for()
    store = store_of(app_server)
    try:
        log_in(page, app_server.url, "demo-admin", uk("admin_title"))
        create_user(page, uk, "e2e-olena")
        change_role(page, uk, "e2e-olena", "trainer")
        page.get_by_role("tab", name=uk("admin_import")).click()
        button = page.locator(".st-key-admin-import-file [data-testid='stBaseButton-secondary'] > div > span")
        assert page.evaluate("e => getComputedStyle(e, '::after').content", button.element_handle()) == '"Вибрати файл"'
        heard = page.locator(".st-key-admin-import-file").aria_snapshot()      # what a screen reader is given
        assert 'button "Вибрати файл"' in heard and not [w for w in ("Upload", "upload", "200MB") if w in heard], heard
        read_audit(page, uk, "e2e-olena", 2)                    # the account made, its role changed
        main = page.get_by_test_id("stMain").inner_text()
        assert not [word for word in STREAMLIT_ENGLISH if word in main], main
        screenshot(page, "40-admin-audit-uk")
        page.get_by_test_id("stSidebar").get_by_role("radio", name="English").click()
        page.get_by_role("heading", name=en("admin_title")).wait_for()
        change_role(page, en, "e2e-olena", "hr")
        read_audit(page, en, "e2e-olena", 3)
        main = page.get_by_test_id("stMain").inner_text()
        assert not CYRILLIC.search(main), CYRILLIC.findall(main)
        screenshot(page, "41-admin-audit-en")
        page.goto(f"{app_server.url}/nowhere")              # logged in: our words in the user's language, a way back
        page.get_by_text(en("page_not_found", address="nowhere")).wait_for()
        page.get_by_role("link", name=en("to_start_page")).click()
        page.get_by_role("heading", name=en("admin_title")).wait_for()
        assert page.get_by_text("Page not found").count() == 0
        page.goto(f"{app_server.url}/review/old/link")
        page.get_by_text(en("page_not_found", address="review/old/link")).wait_for()
        page.get_by_role("link", name=en("to_start_page")).click()
        page.get_by_role("heading", name=en("admin_title")).wait_for()
    finally:
        admin = store.user_by_username("demo-admin")
        store.update_user(admin.id, language="uk", by=SHELL)          # the other walks log in to the Ukrainian interface
        store.close()


UK_MONTH = re.compile(r"січ|лют|берез|квіт|трав|черв|лип|серп|верес|жовт|листоп|груд", re.IGNORECASE)
LATIN_WORD = re.compile(r"\b(?!Enter\b|Escape\b)[A-Za-z]{2,}\b")     # the keys' names are the keys'
EN_MONTH = re.compile(r"January|February|March|April|May|June|July|August|September|October|November|December")


def test_the_calendar_speaks_the_interface_language_in_an_english_browser(browser, app_server):
    """A browser set to English, the Ukrainian interface: the calendar that opens from a date box
    names the month in Ukrainian (it said "November"), and what Streamlit names in English for
    screen readers (the box's button, the calendar, its key hint) is in Ukrainian too."""
    uk = Labels("uk")
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="en-US")
    page = context.new_page()
    page.set_default_timeout(30_000)
    try:
        log_in(page, app_server.url, "demo-admin", uk("admin_title"))
        page.get_by_role("tab", name=uk("admin_audit")).click()
        since = page.locator(".st-key-audit_log-since")
        since.get_by_role("button", name=uk("date_choose")).click()
        calendar = page.get_by_test_id("stDateInputCalendar")
        calendar.wait_for()
        page.get_by_text(uk("date_keys")).wait_for(state="attached")
        shown = calendar.inner_text()
        assert UK_MONTH.search(shown) and not EN_MONTH.search(shown), shown
        assert not LATIN_WORD.search(shown), LATIN_WORD.findall(shown)
        named = calendar.evaluate("c => [c, ...c.querySelectorAll('[aria-label]')].map(e => e.getAttribute('aria-label'))")
        assert not [name for name in named if name and LATIN_WORD.search(name)], [n for n in named if n and LATIN_WORD.search(n)]
        screenshot(page, "42-calendar-uk-in-english-browser")
    finally:
        context.close()
