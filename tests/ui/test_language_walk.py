"""Every page, as each role, in each interface language, shows no text of the other language
around its content: no Cyrillic in the English interface and none of a list of English
interface words in the Ukrainian one. Scenario content (titles, lines, facts, names) and what
users typed (names, groups) are in their own language and are left out before the check.

Each role logs in and lands on its start page; every page is then read once, by the first
role (trainee, trainer, HR, admin) that may open it, to keep the walk quick. The text read is
what the app sends: titles, Markdown, messages, captions, labels, options,
placeholders and help of widgets, tab and expander labels, metrics, and table headers and
cells. What the browser itself adds (Streamlit's own words) is not seen here.
"""
from __future__ import annotations

import re

import pytest
from google.protobuf.json_format import MessageToDict
from ui_helpers import app, play

from simulator.texts.labels import LANGUAGES, Labels
from simulator.ui import access, services
from simulator.store.guard import SHELL

CYRILLIC = re.compile(r"[А-Яа-яЇїІіЄєҐґ]")
# Words of the English interface that a Ukrainian page has no business showing
ENGLISH = re.compile(r"\b(?:the|must|is not|already|Choose|options?|found|expected|field|between|Page|Save|Cancel|"
                     r"Review|Score|Trainee|Ready|Download|Upload|Submit|Delete|Machine|Passed|points|calls|"
                     r"Reply|Group|Category|Scenario|Finished|Unknown|None|True|False|nan|dd\.mm\.yyyy)\b")
TEXT_FIELDS = {"label", "body", "options", "placeholder", "help", "delta", "value", "caption", "text", "title",
               "formattedOptions", "stringValue"}
SKIPPED = {"code", "html", "vegaLiteChart", "arrowDataFrame", "arrowTable", "audio", "downloadButton", "exception",
           "textArea", "empty", "imgs", "iframe"}      # code, styles and data, not interface words
ROLES = ("trainee", "trainer", "hr", "admin")
STREAMLIT_PLACEHOLDER = "Choose options"


def content(store) -> list[str]:
    """Text in the scenarios' and the users' own words, longest first (left out before the check):
    every scenario the app offers (as it offers them now), users' names and groups, and the
    language switch, which names each language in its own words on purpose."""
    found: set[str] = set()

    def walk(value):
        if isinstance(value, str):
            found.add(value.strip())
        elif isinstance(value, dict):
            for item in value.values():
                walk(item)
        elif isinstance(value, (list, tuple, set)):
            for item in value:
                walk(item)

    for offered in services.catalogue().values():
        walk(offered.scenario.model_dump(exclude={"id", "language", "channel", "category", "difficulty"}))
    found.update({Labels("uk")("language"), *LANGUAGES.values()})
    for user in store.users(include_inactive=True):
        found.update({user.username, user.full_name or "", user.group_name or ""})
    return sorted((text for text in found if len(text) > 1), key=len, reverse=True)


def page_texts(at) -> list[str]:
    texts: list[str] = []

    def collect(value, key=""):
        if isinstance(value, dict):
            for name, item in value.items():
                if name not in SKIPPED:
                    collect(item, name)
        elif isinstance(value, list):
            for item in value:
                collect(item, key)
        elif isinstance(value, str) and key in TEXT_FIELDS:
            texts.append(value)

    for node in at._tree:
        proto = getattr(node, "proto", None)
        if proto is None or not hasattr(proto, "DESCRIPTOR"):
            continue
        kind = type(node).__name__
        if kind in ("Dataframe", "Table"):
            frame = node.value
            texts += [str(column) for column in frame.columns] + [str(cell) for cell in frame.to_numpy().ravel()]
            continue
        if kind in ("Code", "Exception") or proto.DESCRIPTOR.name in ("Code", "Html", "VegaLiteChart"):
            continue
        if proto.DESCRIPTOR.name == "MultiSelect" and not proto.placeholder:
            texts.append(STREAMLIT_PLACEHOLDER)         # what the browser shows in an empty one
        collect(MessageToDict(proto))
    return texts


def leaks(texts: list[str], known: list[str], language: str) -> list[str]:
    found = []
    for text in texts:
        plain = re.sub(r"\\(.)", r"\1", text)              # formats.literal's escapes
        shortened = re.fullmatch(r"(?:\d+\.\s*)?(.+)…", plain, re.S)     # a line cut short: "1. Hi, I've just…"
        if shortened and any(piece.startswith(shortened.group(1).rstrip()) for piece in known):
            continue
        for piece in known:
            if piece in plain:
                plain = plain.replace(piece, " ")
        bad = CYRILLIC.search(plain) if language == "en" else ENGLISH.search(plain)
        if bad:
            found.append(f"{bad.group(0)!r} in {text[:160]!r}")
    return found


@pytest.fixture
def played(store, library, trainee):
    """A finished call in each scenario language, so review, results, progress and reports have content."""
    return [play(store, trainee, library, scenario_id) for scenario_id in ("en-payment-slip", "uk-estimated-bill")]


def test_every_page_as_every_role_speaks_one_language(store, library, played):
    attempt = played[0].attempt_id
    trainee = store.user_by_username("demo-trainee")
    queries = {"attempt": {"attempt": attempt}, "trainee_report": {"user": trainee.id}, "call": {"attempt": attempt}}
    seen = []
    for language in ("uk", "en"):
        walked = set()
        for role in ROLES:
            user = store.user_by_username(f"demo-{role}")
            store.update_user(user.id, language=language, by=SHELL)
            at = app(store, store.user(user.id)).run()
            seen.append((language, f"{role} start", page_texts(at)))
            for spec in access.allowed(role):
                if spec.name in walked:                     # a page the roles share is read once
                    continue
                walked.add(spec.name)
                at.query_params.clear()
                at.query_params.update({k: str(v) for k, v in queries.get(spec.name, {}).items()})
                at.switch_page(spec.path).run()
                assert not at.exception, (language, role, spec.name, at.exception)
                seen.append((language, f"{role} {spec.name}", page_texts(at)))
            if role == "trainer":                           # the review of one call
                at.query_params.clear()
                at.query_params["attempt"] = str(attempt)
                at.switch_page(access.page("review").path).run()
                seen.append((language, f"{role} review call", page_texts(at)))
    assert sum(len(texts) for _, _, texts in seen) > 1000     # the walk read the pages (not an empty tree)
    known = content(store)                  # after the walk: the library as the pages offered it
    problems = [f"{language} {where}: {leak}" for language, where, texts in seen for leak in leaks(texts, known, language)]
    assert not problems, "\n".join(problems)

def test_the_check_finds_the_other_language_but_not_content():
    known = ["Чому в мене такий рахунок?", "Why is my bill so high?"]
    assert leaks(["Не вдалося: the username is already taken", "Choose options"], known, "uk") == [
        "'the' in 'Не вдалося: the username is already taken'", "'Choose' in 'Choose options'"]
    assert leaks(["Filters: усі"], known, "en") == ["'у' in 'Filters: усі'"]
    assert leaks(["Клієнт: Why is my bill so high?", "Customer: Чому в мене такий рахунок?"], known, "uk") == []
    assert leaks(["Customer: Чому в мене такий рахунок?", "1. Чому в мене…"], known, "en") == []
