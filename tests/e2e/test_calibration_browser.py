"""Calibration in a real browser: two trainers rate the same three replies blind, each on the
rubric's three scales, and the report then shows their κ with each other and the machine's.
Runs on the session's app server (no server of its own); screenshots go to test-artifacts/e2e/."""
from __future__ import annotations

from e2e_helpers import log_in, screenshot

from simulator.calibration import report
from simulator.store import Store, demo
from simulator.store import calibration as cal
from simulator.texts import i18n
from tests.store.test_store_calibration import sample
from simulator.store.guard import SHELL

SECOND = "calibration-trainer"
PASSWORD = "demo-password"
# (machine's empathy and accuracy scores, then each trainer's empathy/accuracy/compliance choices)
REPLIES = [(10, 10), (60, 60), (90, 90)]
DEMO_TRAINER = [(0, 0, 1), (1, 1, 1), (2, 2, 1)]
SECOND_TRAINER = [(0, 1, 1), (2, 1, 1), (2, 2, 0)]
OPTION = {
    "empathy": ("0 — немає, зневажливо або не про те", "1 — загальні слова або дія без визнання",
                "2 — конкретне визнання й власний крок"),
    "accuracy": ("0 — ключові факти хибні чи відсутні", "1 — частково правильно", "2 — усі ключові факти, нічого хибного"),
    "compliance": ("0 — порушення", "1 — без порушень"),
}


def rate_all(page, url: str, username: str, item_ids: list[int], choices, shot: str) -> None:
    log_in(page, f"{url}/calibration", username, "Калібрування")     # the address names the page to land on
    for number, (item_id, values) in enumerate(zip(item_ids, choices), start=1):
        page.get_by_text(f"Відповідь {number} з {len(choices)}").wait_for()
        for criterion, value in zip(("empathy", "accuracy", "compliance"), values):
            page.locator(f".st-key-calibration_rating-{item_id}-{criterion}").get_by_text(OPTION[criterion][value],
                                                                                        exact=True).click()
        page.get_by_role("button", name="Зберегти оцінку").click()
        page.get_by_text(f"Оцінено {number} з {len(choices)}.").wait_for()
    page.get_by_text("Ви оцінили всі відповіді набору").wait_for()
    page.get_by_role("tab", name="Звіт").click()
    page.get_by_role("table").first.wait_for()
    screenshot(page, shot)


def test_two_trainers_rate_blind_and_the_report_shows_their_kappa_and_the_machines(browser, app_server):
    store = Store.open(f"sqlite:///{app_server.folder / 'data' / 'simulator.db'}")
    try:
        demo.ensure_accounts(store, demo_on=True)       # as the app's first page does, when this test runs first
        store.create_user(SECOND, "trainer", PASSWORD, by=SHELL)
        demo_trainer = store.user_by_username("demo-trainer")
        set_id = cal.create_set(store, demo_trainer, "Браузерний раунд",
                                samples=[sample(k, e, a) for k, (e, a) in enumerate(REPLIES)])
        contexts = [browser.new_context(viewport={"width": 1280, "height": 1000}, locale="uk-UA") for _ in range(2)]
        try:
            first, second = (context.new_page() for context in contexts)
            for page in (first, second):
                page.set_default_timeout(30_000)
            ids = [item.id for item in cal.items(store, demo_trainer, set_id)]
            rate_all(first, app_server.url, "demo-trainer", ids, DEMO_TRAINER, "30-calibration-first-trainer")
            rate_all(second, app_server.url, SECOND, ids, SECOND_TRAINER, "31-calibration-report")
            row = second.get_by_role("table").first.get_by_role("row").filter(has_text="Емпатія")
            cells = [cell.strip() for cell in row.locator("th, td").all_inner_texts()]
        finally:
            for context in contexts:
                context.close()
        lines = {(line.language, line.criterion): line for line in report.lines(cal.report_items(store, demo_trainer, set_id))}
        empathy = lines[("uk", "empathy")]
        assert empathy.human_human.items == 3 and empathy.machine_human.items == 6
        # language, criterion, then the trainers' replies, κ, ρ, exact, ±1, and the machine's the same
        assert cells[:4] == ["uk", "Емпатія", "3", i18n.number(empathy.human_human.kappa, "uk", 3)]
        assert cells[7:9] == ["6", i18n.number(empathy.machine_human.kappa, "uk", 3)]
    finally:
        store.close()
