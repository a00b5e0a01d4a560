"""A date box in the interface's language: the date written as the language writes it
(25.11.2026 / 2026-11-25, as formats.day), and an empty box's placeholder in the user's words
(дд.мм.рррр). Streamlit writes the empty box's day, month and year in Latin letters («dd.mm.yyyy»
in the Ukrainian interface) and gives no way to change them: a style puts the interface's
words in their place.

The calendar that opens from the box names months and weekdays in the browser's language
(Streamlit reads ``navigator.language``), so an English browser showed «November» in the
Ukrainian interface: a script sets the page's language to the interface's before the box is
drawn (Chromium and Firefox let a page redefine it for itself). No state of its own."""
from __future__ import annotations

import json

import streamlit as st

from simulator.texts.labels import Labels

FORMATS = {"uk": "DD.MM.YYYY", "en": "YYYY-MM-DD"}
LOCALES = {"uk": "uk-UA", "en": "en-GB"}      # en-GB: the week starts on Monday, as in Kyiv
PARTS = ("day", "month", "year")


def date_field(container, label: str, tr: Labels, **options):
    """``container.date_input`` (st or a column) with the language's format and placeholder;
    ``options`` as st.date_input's (value, key, min_value, ...)."""
    st.html(placeholder_style(tr) + locale_script(tr, label), unsafe_allow_javascript=True)
    return container.date_input(label, format=FORMATS[tr.language], **options)


def placeholder_style(tr: Labels) -> str:
    """The style that writes an empty date box's parts in the interface's words."""
    rules = []
    for part in PARTS:
        empty = f"[data-testid='stDateInput'] [data-placeholder='true'][data-type='{part}']"
        rules.append(f"{empty} {{ font-size: 0; }} {empty}::before {{ content: '{tr(f'date_{part}')}'; font-size: 1rem; }}")
    return "<style>" + " ".join(rules) + "</style>"


NAMES = ("date_choose", "date_choose_range", "date_clear", "date_clear_range", "date_previous_month", "date_next_month",
         "date_keys")


def locale_script(tr: Labels, label: str) -> str:
    """The script that gives the page the interface's language, so the calendar's months and
    weekdays follow it (it tells the page's libraries that the language changed), and puts the
    interface's words in place of the English names Streamlit gives the box's buttons, its
    calendar and its key hint for screen readers (any language's words, so a switch of
    interface language renames what the other one named)."""
    locale = LOCALES[tr.language]
    names = {Labels(language)(key): tr(key) for key in NAMES for language in LOCALES}
    names.update({Labels(language)(key, label=label): tr(key, label=label)
                  for key in ("date_start", "date_end") for language in LOCALES})
    return ("<script>(() => {"
            f"if (navigator.language !== '{locale}') {{"
            f"Object.defineProperty(navigator, 'language', {{get: () => '{locale}', configurable: true}});"
            f"Object.defineProperty(navigator, 'languages', {{get: () => ['{locale}'], configurable: true}});"
            "window.dispatchEvent(new Event('languagechange'));}"
            f"window.__dateNamesMap = Object.assign(window.__dateNamesMap || {{}}, {json.dumps(names, ensure_ascii=False)});"
            "if (window.__dateNames) return;"
            "const named = text => { const map = window.__dateNamesMap;"
            " for (const from in map) { if (text === from || text.startsWith(from + ',')) return map[from] + text.slice(from.length); }"
            " return text; };"
            "const rename = () => {"
            "document.querySelectorAll('[data-testid^=stDateInput][aria-label], [data-testid^=stDateInput] [aria-label]').forEach(e => {"
            " const name = named(e.getAttribute('aria-label')); if (name !== e.getAttribute('aria-label')) e.setAttribute('aria-label', name); });"
            "document.querySelectorAll('[data-testid=stDateInputCalendar] *').forEach(e => {"
            " if (!e.children.length && e.textContent && named(e.textContent) !== e.textContent) e.textContent = named(e.textContent); }); };"
            "rename(); window.__dateNames = new MutationObserver(rename);"
            "window.__dateNames.observe(document.body, {subtree: true, childList: true, characterData: true, attributes: true,"
            " attributeFilter: ['aria-label']});"
            "})();</script>")
