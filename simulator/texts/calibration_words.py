"""The words of the calibration report (simulator.reports.calibration: its tables, workbook and
printable page, and the calibration page that shows them), in Ukrainian and English, keyed by
language. Its numbers, dates and yes/no are written as the other reports write them (i18n).
"""
from __future__ import annotations

WORDS = {
    "uk": {
        "title": "Калібрування: {name}", "generated": "Складено {when} (UTC).",
        "tuning": "Оцінки машини за налаштуванням: {tunings}.", "untuned": "без налаштування",
        "language": "Мова", "all": "обидві", "criterion": "Критерій",
        "empathy": "Емпатія", "accuracy": "Точність", "compliance": "Дотримання правил",
        "hh": "Тренери між собою", "mh": "Машина з тренерами",
        "items": "відповідей", "kappa": "κ", "rho": "ρ", "exact": "збіг", "within_one": "±1",
        "position": "№", "scenario": "Сценарій", "node": "Вузол", "customer": "Клієнт", "reply": "Відповідь",
        "trainee": "Стажер", "expected": "Очікування", "machine": "Машина", "rater": "Тренер", "comment": "Коментар",
        "evidence": "Що знайшла машина", "raters": "Тренери", "comments": "Коментарі",
        "section_agreement": "Узгодженість", "section_disagreements": "Розбіжності", "section_items": "Відповіді",
        "sheet_agreement": "Узгодженість", "sheet_items": "Відповіді", "sheet_disagreements": "Розбіжності",
        "round": "Раунд",
    },
    "en": {
        "title": "Calibration: {name}", "generated": "Made {when} (UTC).",
        "tuning": "The machine's ratings with tuning: {tunings}.", "untuned": "untuned",
        "language": "Language", "all": "both", "criterion": "Criterion",
        "empathy": "Empathy", "accuracy": "Accuracy", "compliance": "Compliance",
        "hh": "Trainers with each other", "mh": "Machine with trainers",
        "items": "replies", "kappa": "κ", "rho": "ρ", "exact": "exact", "within_one": "±1",
        "position": "#", "scenario": "Scenario", "node": "Node", "customer": "Customer", "reply": "Reply",
        "trainee": "Trainee", "expected": "Expected", "machine": "Machine", "rater": "Trainer", "comment": "Comment",
        "evidence": "What the machine found", "raters": "Trainers", "comments": "Comments",
        "section_agreement": "Agreement", "section_disagreements": "Disagreements", "section_items": "Replies",
        "sheet_agreement": "Agreement", "sheet_items": "Replies", "sheet_disagreements": "Disagreements",
        "round": "Round",
    },
}
