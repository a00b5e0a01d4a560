"""Every interface string exists in Ukrainian and English, with the same placeholders, and
every label the code asks for exists."""
from __future__ import annotations

import re
import string
from pathlib import Path

from simulator.scenario.model import CATEGORIES
from simulator.store.models import LANGUAGES, ROLES
from simulator.texts import feedback
from simulator.texts.labels import EN, UK, Labels
from simulator.ui import access

SIMULATOR = Path(__file__).resolve().parents[2] / "simulator"
UI = SIMULATOR / "ui"


def placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def test_both_languages_have_the_same_keys_and_placeholders():
    assert UK.keys() == EN.keys()
    for key in UK:
        assert placeholders(UK[key]) == placeholders(EN[key]), key
        assert UK[key].strip() and EN[key].strip(), key


def test_every_label_the_code_uses_exists():
    used = set()
    for path in [*UI.rglob("*.py"), *(SIMULATOR / "texts").glob("*.py"), *(SIMULATOR / "cli").glob("*.py"),
                 UI.parents[1] / "streamlit_app.py"]:
        if path.name.startswith("labels"):
            continue
        used |= set(re.findall(r"""\btr\(\s*["']([a-z_]+)["']""", path.read_text(encoding="utf-8")))
    assert used and used <= UK.keys(), sorted(used - UK.keys())


def test_the_families_of_labels_cover_every_value():
    families = {
        "role": ROLES, "language": LANGUAGES, "category": CATEGORIES, "difficulty": ("easy", "medium", "hard"),
        "channel": ("voice", "chat"), "mode": ("practice", "exam"), "state": ("in_progress", "completed", "abandoned"),
        "outcome": [k.removeprefix("outcome_") for k in feedback.MESSAGES["en"] if k.startswith("outcome_")],
        "band": [k.removeprefix("band_") for k in feedback.MESSAGES["en"] if k.startswith("band_")],
        "flag": ("forbidden", "blame", "secret", "avoid"),
        "note": ("acknowledge_then_act", "sympathy_without_action", "repeated_apologies"),
        "reason": ("below_mark", "critical", "outcome"), "skill": ("accuracy", "empathy", "time"),
        "filter": ("language", "category", "difficulty", "channel", "all"),
    }
    assert all(spec.title in UK for spec in (*access.PAGES, access.LOGIN))
    for family, values in families.items():
        for value in values:
            assert f"{family}_{value}" in UK, f"{family}_{value}"


def test_an_unknown_language_falls_back_to_ukrainian():
    assert Labels("de")("log_in") == "Увійти"
    assert Labels("en")("login_locked", seconds=4) == "Too many failed logins. Try again in 4 s."
