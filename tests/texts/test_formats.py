"""formats.literal: any text a user wrote, made inert for Streamlit's Markdown and shown as written."""
from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from simulator.texts.formats import literal

PUNCTUATION = re.compile(r"[!-/:-@\[-`{-~]")
HOSTILE = [
    "![x](http://any-host/pixel.png) [your bonus](http://any-host/)",
    "<img src=x onerror=alert(1)> <b>bold</b> &lt;entity&gt;",
    ":red[coloured] :material/home: :smile: $E=mc^2$ $$x$$",
    "**bold** _it_ ~~struck~~ `code` ```fence```",
    "# heading\n> quote\n1. item\n- item\n+ item\n---\n===",
    "| a | b |\n|---|---|\n| 1 | 2 |",
    "www.example.com http://example.com a@example.com [^1]: note",
    "back\\slash at the end\\",
]


def inert(source: str) -> bool:
    """Every punctuation character in ``source`` is backslash-escaped (CommonMark then shows it
    as the character itself, and no Markdown construct can start)."""
    position = 0
    while position < len(source):
        char = source[position]
        if char == "\\":
            if position + 1 >= len(source) or not PUNCTUATION.fullmatch(source[position + 1]):
                return False
            position += 2
            continue
        if PUNCTUATION.fullmatch(char):
            return False
        position += 1
    return True


def shown_as(source: str) -> str:
    """What a reader sees: the escapes resolved, hard line breaks back to line breaks."""
    return re.sub(r"\\(.)", r"\1", source.replace("  \n", "\n"))


@pytest.mark.parametrize("text", HOSTILE)
def test_markdown_html_and_streamlit_effects_are_inert(text):
    assert inert(literal(text))
    assert shown_as(literal(text)) == text


def test_the_reply_from_the_issue():
    assert literal("![x](http://any-host/pixel.png) [your bonus](http://any-host/)") == (
        r"\!\[x\]\(http\:\/\/any\-host\/pixel\.png\) \[your bonus\]\(http\:\/\/any\-host\/\)")


def test_line_breaks_stay_and_letters_are_untouched():
    assert literal("Добрий день\nРахунок") == "Добрий день  \nРахунок"
    assert literal("Розумію вас") == "Розумію вас"
    assert literal(42) == "42"


@given(st.text())
def test_any_text_is_inert_and_reads_as_written(text):
    text = text.replace("\r", "")
    assert inert(literal(text).replace("  \n", "\n"))
    assert shown_as(literal(text)) == text
