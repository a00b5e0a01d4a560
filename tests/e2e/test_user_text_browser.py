"""What a real browser makes of a trainee's reply holding a Markdown image and link: on the
trainer's review page it reads as the characters typed, no image is requested and no link is
made (the app tests check what the app sends; this checks how Streamlit renders it)."""
from __future__ import annotations

from e2e_helpers import log_in, screenshot

from simulator.services.practice import PracticeSession
from simulator.library.loader import load_library
from simulator.store import Store
from tests.conftest import SCENARIOS

PIXEL = "![x](http://any-host/pixel.png) [your bonus](http://any-host/)"


def test_a_markdown_reply_is_literal_text_on_the_review_page(app_server, page):
    page.goto(app_server.url)                               # the first page creates the database and demo accounts
    page.get_by_label("Ім'я користувача").wait_for()
    store = Store.open(f"sqlite:///{app_server.folder / 'data' / 'simulator.db'}")
    try:
        library = load_library(SCENARIOS)
        scenario = library.get("en-payment-slip")
        trainee = store.user_by_username("demo-trainee")
        practice = PracticeSession.start(store, trainee, scenario,
                                         library.paths[scenario.id].read_text(encoding="utf-8"), "practice")
        while not practice.finished:
            practice.reply_text(PIXEL)
    finally:
        store.close()
    asked = []
    page.on("request", lambda request: asked.append(request.url))
    log_in(page, app_server.url, "demo-trainer", "Студія сценаріїв")
    page.get_by_role("link", name="Перевірка дзвінків").click()        # a new address would be a new session
    page.locator(f".st-key-review_list-open-{practice.attempt_id} button").click()     # this call's row
    page.get_by_text("Оператор-стажер:").first.wait_for()
    said = page.get_by_test_id("stMarkdownContainer").filter(has_text="Оператор-стажер:").first
    assert said.inner_text().split("Оператор-стажер:", 1)[1].strip() == PIXEL
    screenshot(page, "20-review-literal-reply")
    assert page.locator("img[src*='any-host']").count() == 0
    assert page.locator("a[href*='any-host']").count() == 0
    assert not [url for url in asked if "any-host" in url]
