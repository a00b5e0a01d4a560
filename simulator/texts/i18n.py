"""Every word the reports show, in Ukrainian (the product's default) and English, and how a
decimal number, yes/no and a moment are written.

The reports' words are a table of their own beside the interface's (labels.py): their keys
are the reports' column codes and reasons (``group``, ``score``, ``category``, ``mode``...),
several of which are interface keys with other wording, they are filled by plain
``str.format``, and a language not known here is refused (ValueError) where the interface
falls back to Ukrainian. Category names are the caller's to give (``category_names``): the
reports know categories only by their codes.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

import pandas as pd

LANGUAGES = ("uk", "en")

WORDS = {
    "uk": {
        # why a category is not ready (readiness.describe)
        "no_calls": "немає дзвінків",
        "too_few_calls": "{calls} з {needed} дзвінків",
        "low_score": "оцінка {score} нижче {pass_mark}",
        "recent_critical": "нещодавня критична помилка",
        # column headers of the exported tables
        "user": "Логін",
        "full_name": "ПІБ",
        "group": "Група",
        "category": "Тема",
        "ready": "Готовий",
        "ready_categories": "Готових тем",
        "required": "Обов'язкових тем",
        "missing": "Чого бракує",
        "attempts": "Дзвінків",
        "score": "Оцінка",
        "critical": "Критична помилка",
        "yes": "так",
        "no": "ні",
        "sheet_trainees": "Стажери",
        "sheet_categories": "Теми",
        "sheet_calls": "Дзвінки",
        # the one-page trainee report
        "report_title": "Звіт про готовність стажера",
        "generated_at": "Сформовано {when} (UTC)",
        "status_ready": "Готовий до реальних дзвінків",
        "status_not_ready": "Ще не готовий до реальних дзвінків",
        "categories_ready": "готових тем: {ready} з {required}",
        "section_categories": "Теми",
        "section_calls": "Останні дзвінки",
        "section_weak": "Слабкі місця",
        "when": "Коли (UTC)",
        "scenario": "Сценарій",
        "mode": "Режим",
        "result": "Результат",
        "result_passed": "зараховано",
        "result_failed": "не зараховано",
        "result_critical": "критична помилка",
        "result_abandoned": "перервано",
        "mode_practice": "тренування",
        "mode_exam": "іспит",
        "kind_missed_fact": "пропущений факт",
        "kind_wrong_fact": "хибний факт",
        "kind_hurt": "шкідлива фраза",
        "kind": "Що",
        "text": "Текст",
        "count": "Разів",
        "none_yet": "Поки нічого.",
    },
    "en": {
        "no_calls": "no calls",
        "too_few_calls": "{calls} of {needed} calls",
        "low_score": "score {score} below {pass_mark}",
        "recent_critical": "a recent critical mistake",
        "user": "Username",
        "full_name": "Full name",
        "group": "Group",
        "category": "Category",
        "ready": "Ready",
        "ready_categories": "Ready categories",
        "required": "Required categories",
        "missing": "What is missing",
        "attempts": "Calls",
        "score": "Score",
        "critical": "Critical mistake",
        "yes": "yes",
        "no": "no",
        "sheet_trainees": "Trainees",
        "sheet_categories": "Categories",
        "sheet_calls": "Calls",
        "report_title": "Trainee readiness report",
        "generated_at": "Generated {when} (UTC)",
        "status_ready": "Ready for live calls",
        "status_not_ready": "Not yet ready for live calls",
        "categories_ready": "categories ready: {ready} of {required}",
        "section_categories": "Categories",
        "section_calls": "Recent calls",
        "section_weak": "Weak areas",
        "when": "When (UTC)",
        "scenario": "Scenario",
        "mode": "Mode",
        "result": "Result",
        "result_passed": "passed",
        "result_failed": "not passed",
        "result_critical": "critical mistake",
        "result_abandoned": "abandoned",
        "mode_practice": "practice",
        "mode_exam": "exam",
        "kind_missed_fact": "missed fact",
        "kind_wrong_fact": "wrong fact",
        "kind_hurt": "phrase that hurt",
        "kind": "What",
        "text": "Text",
        "count": "Times",
        "none_yet": "Nothing yet.",
    },
}


def words(language: str) -> Mapping[str, str]:
    """The words of one language; a ValueError names the languages there are."""
    if language not in WORDS:
        raise ValueError(f"unknown language {language!r}: use one of {', '.join(LANGUAGES)}")
    return WORDS[language]


def number(value: float, language: str, digits: int = 1) -> str:
    """A number as people of ``language`` write it: 75.6 in English, 75,6 in Ukrainian, rounded
    to ``digits`` decimals, with no trailing zeros (75, not 75.0). The one way every page, chart,
    print and download of the product writes a decimal number (a topic showed 45,9 in one place
    and 43.8 in another)."""
    rounded = round(float(value), digits) + 0.0         # + 0.0: no "-0"
    text = f"{rounded:.{digits}f}".rstrip("0").rstrip(".") if digits else f"{round(rounded)}"
    return text.replace(".", ",") if language == "uk" else text


def yes_no(value: bool, language: str) -> str:
    return words(language)["yes" if value else "no"]


def when(time: dt.datetime, language: str) -> str:
    """A moment in UTC as people write it: 31.03.2026 14:05 in Ukrainian, 2026-03-31 14:05 in English.
    Naive times are taken to be UTC already."""
    moment = pd.Timestamp(time)
    moment = moment.tz_convert("UTC") if moment.tzinfo else moment
    return moment.strftime("%d.%m.%Y %H:%M" if language == "uk" else "%Y-%m-%d %H:%M")
