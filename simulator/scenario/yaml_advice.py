"""Plain-words advice for the YAML mistakes trainers actually make.

PyYAML's messages ("mapping values are not allowed in this context", "found character that
cannot start any token") name the parser's state, not the trainer's mistake. Each function
here looks at the text around the reported line and says what to change, with the line to
change it on:

- a colon and a space inside a line of text (``hint: Підсумуйте: дата і сума``);
- a line of text that starts with an apostrophe and has another inside (``'Пам'ятайте'``);
- a tab used to indent;
- a line indented more or less than the lines it belongs with;
- a list item indented under the item above, which silently merges the two (``merged_items``).
"""
from __future__ import annotations

import re

import yaml

_QUOTE_START = re.compile(r"^\s*(?:-\s+|[\w-]+:\s+)'")
_COLON_IN_TEXT = re.compile(r"^\s*(?:-\s+)?(?:[\w-]+:\s+)?(.*?\S:\s.*)$")
_LEADING_TAB = re.compile(r"^ *\t")

QUOTES = ("put the whole text in double quotes, for example  {key}\"{text}\"  "
          "(or write '|' after the colon of its key and the text on the lines below, indented)")


def explain(text: str, exc: yaml.MarkedYAMLError) -> tuple[int, str]:
    """(1-based line, message) for a YAML syntax error in ``text``."""
    rows = text.splitlines()
    mark = exc.problem_mark or exc.context_mark
    line = mark.line + 1 if mark else 1
    start = exc.context_mark.line + 1 if exc.context_mark else line
    problem = exc.problem or exc.context or ""
    tab = next((k for k, row in enumerate(rows, start=1) if _LEADING_TAB.match(row)), None)
    if tab is not None and tab <= line:
        return tab, ("this line is indented with a tab: indent with spaces only (two spaces per level, "
                     "lined up with the lines it belongs with)")
    for k in range(min(start, line), line + 1):
        row = rows[k - 1] if 0 < k <= len(rows) else ""
        if _QUOTE_START.match(row) and row.count("'") >= 2 and not row.rstrip().endswith("''"):
            return k, ("this text starts with an apostrophe ('), so it is read as a quotation that ends at the next "
                       "apostrophe inside a word: remove the apostrophe at the start and the end of the text, "
                       "or put the text in double quotes (\"...\")")
    row = rows[line - 1] if 0 < line <= len(rows) else ""
    if "mapping values are not allowed" in problem:
        return line, _colon_advice(row)
    opened = next((k for k in range(line, max(start, 1) - 1, -1)
                   if 0 < k <= len(rows) and re.match(r"^\s*(?:-\s+|[\w-]+:\s+)[\[{]", rows[k - 1])), None)
    if opened is not None and ("expected ','" in problem or "flow" in (exc.context or "")):
        return opened, ("this text starts with '[' or '{', which opens a list written on one line: "
                        f"{QUOTES.format(key=_key(rows[opened - 1]), text=_text(rows[opened - 1]))}")
    if "cannot start any token" in problem:
        char = row.strip()[:1]
        return line, (f"this line starts with '{char}', which has a special meaning in a scenario file: "
                      f"{QUOTES.format(key=_key(row), text=_text(row))}")
    if any(word in problem for word in ("expected key", "expected '-' indicator", "expected <block end>", "could not find expected ':'")):
        return line, ("this line is indented differently from the lines it belongs with: the keys of one block "
                      "(customer, references, ...) start in the same column, the items of one list ('- ...') too; "
                      "use two spaces per level, and check the line above it as well")
    return line, f"the file cannot be read here ({problem}): check this line and the one above it"


_KEY_AND_TEXT = re.compile(r"^(\s*(?:-\s+)?[a-z_][\w-]*:\s+|\s*-\s+)([^'\"\[{|>&*!%@`#\s].*?)\s*$")


def quote_colon_line(text: str, exc: yaml.MarkedYAMLError) -> str | None:
    """``text`` with the line of a 'colon inside the text' error quoted (``hint: Підсумуйте:
    дата`` -> ``hint: "Підсумуйте: дата"``), so that a colon in a line never breaks a file; None
    when the error is another one or the line is not ``key: text``."""
    if "mapping values are not allowed" not in (exc.problem or "") or not exc.problem_mark:
        return None
    rows = text.split("\n")
    k = exc.problem_mark.line
    match = _KEY_AND_TEXT.match(rows[k]) if k < len(rows) else None
    if not match or " #" in match.group(2):
        return None
    value = match.group(2).replace("\\", "\\\\").replace('"', '\\"')
    rows[k] = f'{match.group(1)}"{value}"'
    return "\n".join(rows)


def rejoin(value):
    """A list item of text read as ``name: value`` because of a colon inside it, as the text it
    was (``- Підсумую: двадцять восьмого`` -> 'Підсумую: двадцять восьмого'); anything else unchanged."""
    if isinstance(value, dict) and len(value) == 1:
        key, rest = next(iter(value.items()))
        if isinstance(key, str) and " " in key.strip() or isinstance(key, str) and not key.isascii():
            if rest is None or isinstance(rest, (str, int, float)):
                return f"{key}: {'' if rest is None else rest}".rstrip()
    return value


def colon_in_item(value) -> str | None:
    """Advice when a list item that should be text was read as ``name: value`` because the
    text has a colon and a space in it (``- Підсумую: двадцять восьмого ...``); None otherwise."""
    if isinstance(value, dict) and len(value) == 1:
        key, rest = next(iter(value.items()))
        if isinstance(key, str) and (rest is None or isinstance(rest, (str, int, float))):
            text = f"{key}: {rest if rest is not None else ''}".strip().replace('"', "'")
            text = text if len(text) <= 60 else text[:57] + "..."
            return ("this line has a colon and a space inside the text, so it was read as 'name: value': "
                    + QUOTES.format(key="- ", text=text))
    return None


def merged_items(rows: list[str], node: yaml.ScalarNode) -> int | None:
    """The 1-based line of a ``- ...`` line that was read as the continuation of the text above
    (it is indented deeper than its list); None when the text has no such line."""
    if node.style or node.start_mark.line == node.end_mark.line:  # plain text is style None (or "" from libyaml)
        return None
    for k in range(node.start_mark.line + 1, min(node.end_mark.line, len(rows) - 1) + 1):
        if rows[k].lstrip().startswith("- "):
            return k + 1
    return None


def _colon_advice(row: str) -> str:
    return ("this line has a colon and a space inside the text, which the file reads as 'name: value': "
            + QUOTES.format(key=_key(row), text=_text(row)))


def _key(row: str) -> str:
    match = re.match(r"^\s*((?:-\s+)?(?:[\w-]+:\s+)?)", row)
    return match.group(1) if match else ""


def _text(row: str) -> str:
    text = row.strip()[len(_key(row).strip()):].strip() if _key(row).strip() else row.strip()
    text = text.removeprefix("- ").strip() if text.startswith("- ") else text
    text = text.replace('"', "'")
    return text if len(text) <= 60 else text[:57] + "..."
