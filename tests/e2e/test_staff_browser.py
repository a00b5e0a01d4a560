"""Staff in a real browser, end to end: a trainer writes a new scenario in the studio, tests it
on its sample replies and publishes it; the demo trainee plays it at once; HR downloads the
readiness exports before and after, and the trainee's calls in that topic went up by one.
Screenshots go to test-artifacts/e2e/.
"""
from __future__ import annotations

import io

import pandas as pd
from e2e_helpers import answer_every_turn, customer_lines, finish_on_scorecard, log_in, screenshot, start_practice
from playwright.sync_api import expect

from simulator.library.loader import load_text
from simulator.services.studio.template import new_scenario
from simulator.texts import i18n

NEW = "e2e-late-readings"
FIRST_TITLE = "Показники передали пізно"
TITLE = "Показники після третього числа"
CATEGORY = "meter-readings"
CATEGORY_NAME = "показники лічильника"
WORDS = i18n.words("uk")


def open_page(browser, app_server):
    context = browser.new_context(viewport={"width": 1280, "height": 1000}, locale="uk-UA", accept_downloads=True)
    page = context.new_page()
    page.set_default_timeout(30_000)
    return context, page


def choose(page, key: str, option: str) -> None:
    """Pick ``option`` in the selectbox with Streamlit key ``key``."""
    page.locator(f".st-key-{key.replace('.', '-')}").get_by_role("combobox").click()
    page.get_by_role("option", name=option, exact=True).click()


def trainer_writes_tests_and_publishes(page, url: str) -> None:
    log_in(page, url, "demo-trainer", "Студія сценаріїв")
    page.get_by_role("tab", name="Новий сценарій").click()
    page.locator(".st-key-studio-new-id input").fill(NEW)
    page.locator(".st-key-studio-new-title input").fill(FIRST_TITLE)
    choose(page, "studio.new.channel", "чат")
    choose(page, "studio.new.category", CATEGORY_NAME)
    page.locator(".st-key-studio-new-submit button").click()
    page.get_by_role("heading", name=FIRST_TITLE).wait_for()

    title = page.locator(f"[class*='st-key-studio-form-{NEW}-'][class*='-title'] input")
    title.fill(TITLE)
    page.locator(f"[class*='st-key-studio-form-{NEW}-'][class*='-apply'] button").click()
    page.get_by_role("heading", name=TITLE).wait_for()

    page.get_by_role("tab", name="Перевірка на прикладах").click()
    page.get_by_text("Усі приклади (3) оцінено так, як ви очікуєте.").wait_for()
    screenshot(page, "10-studio-test-bench")
    page.locator(f".st-key-studio-note-{NEW} input").fill("перша версія")
    page.locator(f".st-key-studio-publish-{NEW}").get_by_role("button", name="Опублікувати").first.click()
    page.get_by_text("Опубліковано як версію 1").wait_for()
    screenshot(page, "11-studio-published")
    page.get_by_role("tab", name="Версії").click()              # the picker says so at once (it said «чернетка»)
    expect(page.locator(f"[class*='st-key-studio-versions-{NEW}-view']").get_by_role("combobox")).to_have_value(
        "v1 · опубліковано")


def trainee_plays(page, url: str) -> None:
    scenario, problems = load_text(new_scenario(NEW, TITLE, "uk", "chat", CATEGORY))
    assert scenario is not None, problems
    log_in(page, url)
    page.get_by_role("heading", name=TITLE).wait_for()          # in the catalogue at once
    start_practice(page, NEW)

    def type_reply(node: str) -> None:
        box = page.get_by_test_id("stChatInputTextArea")
        box.fill(scenario.nodes[node].references[0])
        box.press("Enter")

    assert customer_lines(page, scenario)
    answer_every_turn(page, scenario, type_reply, "12-new-scenario-feedback")
    finish_on_scorecard(page, "13-new-scenario-scorecard")


def hr_exports(page, url: str, shot: str) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The trainees CSV and the Excel workbook's topics sheet, as HR downloads them."""
    log_in(page, url, "demo-hr", "Готовність персоналу")
    with page.expect_download() as csv_download:
        page.get_by_role("button", name="CSV: стажери").click()
    with page.expect_download() as xlsx_download:
        page.get_by_role("button", name="Excel: стажери, теми, дзвінки").click()
    screenshot(page, shot)
    trainees = pd.read_csv(csv_download.value.path(), sep=";", decimal=",", encoding="utf-8-sig")
    topics = pd.read_excel(io.BytesIO(xlsx_download.value.path().read_bytes()), sheet_name=WORDS["sheet_categories"])
    return trainees, topics


def calls_in_topic(topics: pd.DataFrame) -> int:
    mine = topics[(topics[WORDS["user"]] == "demo-trainee") & (topics[WORDS["category"]] == CATEGORY_NAME)]
    assert len(mine) == 1, topics
    return int(mine[WORDS["attempts"]].iloc[0])


def test_a_trainer_publishes_a_new_scenario_a_trainee_plays_it_and_hr_sees_it_count(browser, app_server):
    contexts = [open_page(browser, app_server) for _ in range(3)]
    (_, trainer), (_, trainee), (_, hr) = contexts
    try:
        trainer_writes_tests_and_publishes(trainer, app_server.url)
        trainees, topics = hr_exports(hr, app_server.url, "14-readiness-before")
        assert "demo-trainee" in set(trainees[WORDS["user"]])
        before = calls_in_topic(topics)
        trainee_plays(trainee, app_server.url)
        hr.reload()
        trainees, topics = hr_exports(hr, app_server.url, "15-readiness-after")
        assert calls_in_topic(topics) == before + 1
        row = trainees[trainees[WORDS["user"]] == "demo-trainee"].iloc[0]
        assert row[WORDS["ready"]] in ("так", "ні") and isinstance(row[WORDS["missing"]], str)
    finally:
        for context, _ in contexts:
            context.close()
