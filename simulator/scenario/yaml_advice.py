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

from .messages import Message

_QUOTE_START = re.compile(r"^\s*(?:-\s+|[\w-]+:\s+)'")
_QUOTE_OPENS = re.compile(r"""^\s*(?:-\s+|[\w-]+:\s+)(["'])(.*)$""")
_LEADING_TAB = re.compile(r"^ *\t")
_KEY_ONLY = re.compile(r"^\s*(?:-\s+)?[\w-]+:\s*$")


def explain(text: str, exc: yaml.MarkedYAMLError) -> tuple[int, Message]:
    """(1-based line, message) for a YAML syntax error in ``text``: what to change, on the line
    to change it on; the reader's own words go along as the message's technical detail."""
    rows = text.splitlines()
    mark = exc.problem_mark or exc.context_mark
    line = mark.line + 1 if mark else 1
    start = exc.context_mark.line + 1 if exc.context_mark else line
    problem = exc.problem or exc.context or ""
    detail = " ".join(part for part in (exc.context, exc.problem) if part)
    tab = next((k for k, row in enumerate(rows, start=1) if _LEADING_TAB.match(row)), None)
    if tab is not None and tab <= line:
        return tab, Message("yaml_tab", detail=detail)
    for k in range(min(start, line), line + 1):
        row = rows[k - 1] if 0 < k <= len(rows) else ""
        if _QUOTE_START.match(row) and row.count("'") >= 2 and not row.rstrip().endswith("''"):
            return k, Message("yaml_apostrophe", detail=detail)
    unclosed = _unclosed_quote(rows, line)
    if unclosed is not None:
        return unclosed, Message("yaml_unclosed_quote", quote=_QUOTE_OPENS.match(rows[unclosed - 1]).group(1), detail=detail)
    row = rows[line - 1] if 0 < line <= len(rows) else ""
    if "mapping values are not allowed" in problem and not _KEY_ONLY.match(row):
        return line, Message("yaml_colon", key=_key(row), text=_text(row), detail=detail)
    opened = next((k for k in range(line, max(start, 1) - 1, -1)
                   if 0 < k <= len(rows) and re.match(r"^\s*(?:-\s+|[\w-]+:\s+)[\[{]", rows[k - 1])), None)
    if opened is not None and not _whole_list(_text(rows[opened - 1], whole=True)):
        row = rows[opened - 1]
        return opened, Message("yaml_bracket", key=_key(row), text=_text(row), detail=detail)
    if "cannot start any token" in problem or "alias" in (exc.context or "") or "anchor" in (exc.context or ""):
        return line, Message("yaml_special_start", char=_text(row)[:1], key=_key(row), text=_text(row), detail=detail)
    if any(word in problem for word in ("expected key", "expected '-' indicator", "expected <block end>",
                                        "could not find expected ':'", "mapping values are not allowed")):
        return line, Message("yaml_indent", detail=detail)
    return line, Message("yaml_unreadable", detail=detail)


def _unclosed_quote(rows: list[str], line: int) -> int | None:
    """The last line up to ``line`` whose text opens a quotation mark and does not close it on
    that line (YAML then reads on into the lines below, and the error shows up far away)."""
    found = None
    for k in range(1, min(line, len(rows)) + 1):
        match = _QUOTE_OPENS.match(rows[k - 1])
        if not match:
            continue
        quote, rest = match.groups()
        if quote == '"' and '"' not in re.sub(r'\\.', "", rest) or quote == "'" and "'" not in rest:
            found = k
    return found


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


def colon_in_item(value) -> Message | None:
    """Advice when a list item that should be text was read as ``name: value`` because the
    text has a colon and a space in it (``- Підсумую: двадцять восьмого ...``); None otherwise."""
    if isinstance(value, dict) and len(value) == 1:
        key, rest = next(iter(value.items()))
        if isinstance(key, str) and (rest is None or isinstance(rest, (str, int, float))):
            text = f"{key}: {rest if rest is not None else ''}".strip().replace('"', "'")
            return Message("yaml_colon", key="- ", text=text if len(text) <= 60 else text[:57] + "...")
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


def _whole_list(value: str) -> bool:
    """Whether ``value`` (a line's text that starts with '[' or '{') is a list written on one line and nothing more."""
    try:
        return isinstance(yaml.load(value, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader)), (list, dict))
    except yaml.YAMLError:
        return False


def _key(row: str) -> str:
    match = re.match(r"^\s*((?:-\s+)?(?:[\w-]+:\s+)?)", row)
    return match.group(1) if match else ""


def _text(row: str, whole: bool = False) -> str:
    """The text of ``row`` after its key or dash, as it would go inside double quotes (shortened
    to 60 characters unless ``whole``)."""
    text = row.strip()[len(_key(row).strip()):].strip() if _key(row).strip() else row.strip()
    text = text.removeprefix("- ").strip() if text.startswith("- ") else text
    if whole:
        return text
    text = text.replace('"', "'")
    return text if len(text) <= 60 else text[:57] + "..."
