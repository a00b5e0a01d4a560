"""Add a sample reply to a scenario's YAML text, leaving every other character as it was.

The studio's test bench lets a trainer keep a reply they typed or recorded as a sample
(`samples:` at the end of the file, see docs/authoring.md). Re-dumping the whole file would
lose the trainer's comments and layout, so the new item is written as text: after the last
sample, indented like the samples before it, or as a new `samples:` list at the end of the
file. The result is read back to check that it holds exactly one sample more.
"""
from __future__ import annotations

import yaml

from ...scenario import yaml_lines
from .form import (  # the same notion of "where a node's text ends"
    after_line,
    content_end,
    newline_of,
)

DEFAULT_INDENT = 2      # `samples:` then `  - node: ...`, as the template writes it
_WIDTH = 10**6          # a reply stays on one line, as trainers write them


def append_sample(text: str, node: str, label: str, reply: str, note: str = "") -> str:
    """``text`` with the sample (``node``, ``label``, ``reply``, ``note`` when given) added at
    the end of its `samples:` list. ValueError when the text is not a YAML mapping or its
    `samples` is not a list that can be extended in place (e.g. written on one line).
    Whether the sample is right for the scenario is the validator's business, not this one's."""
    data = _data(text)
    item = {"node": node, "label": label, "reply": reply, **({"note": note} if note else {})}
    if "samples" not in data:
        new = _append_list(text, item)
    else:
        new = _extend_list(text, data["samples"], item)
    if _data(new).get("samples") != [*(data.get("samples") or []), item]:   # a bug here, never the trainer's
        raise ValueError("could not add the sample safely")
    return new


def _data(text: str) -> dict:
    try:
        data = yaml_lines.load(text).data
    except yaml_lines.YamlError as exc:
        raise ValueError(f"line {exc.line}: {exc.message}") from None
    if not isinstance(data, dict):
        raise ValueError("a scenario file must be a set of 'key: value' lines (id, title, nodes, ...)")
    return data


def _item(item: dict, indent: int, text: str) -> str:
    """``- node: ...`` lines with the dash at column ``indent``, each ending with a line break."""
    dumped = yaml.safe_dump([item], allow_unicode=True, sort_keys=False, width=_WIDTH, default_flow_style=False)
    lines = [" " * indent + line for line in dumped.splitlines()]
    return newline_of(text).join(lines) + newline_of(text)


def _append_list(text: str, item: dict) -> str:
    nl = newline_of(text)
    if text and not text.endswith("\n"):
        text += nl
    gap = nl if text.strip() and not text.endswith(nl * 2) else ""
    return text + gap + "samples:" + nl + _item(item, DEFAULT_INDENT, text)


def _extend_list(text: str, samples, item: dict) -> str:
    root = yaml.compose(text, Loader=yaml.SafeLoader)   # the pure loader: marks are character offsets
    found = [(k, v) for k, v in root.value if k.value == "samples"]
    if len(found) > 1:
        lines = " and ".join(str(k.start_mark.line + 1) for k, _ in found)
        raise ValueError(f"'samples' is given twice (lines {lines}): remove one first")
    key, value = found[0]
    if samples is None:     # `samples:` with nothing (or `~`) after it
        return _start_below(text, key, value, item)
    if not isinstance(value, yaml.SequenceNode):
        raise ValueError(f"line {key.start_mark.line + 1}: 'samples' must be a list of samples ('- node: ...')")
    if value.flow_style:
        if value.value:
            raise ValueError(f"line {key.start_mark.line + 1}: the samples are written on one line ([...]): "
                             "write them as a list of '- node: ...' lines to add one here")
        return _start_below(text, key, value, item)
    dash = value.start_mark.column
    at = after_line(text, content_end(text, value))
    if at == len(text) and not text.endswith("\n"):
        text += newline_of(text)
        at = len(text)
    return text[:at] + _item(item, dash, text) + text[at:]


def _start_below(text: str, key: yaml.Node, value: yaml.Node, item: dict) -> str:
    """Replace an empty value (nothing, `~` or `[]`) by a list that starts on the next line;
    a comment after it stays on the `samples:` line."""
    start, end = value.start_mark.index, value.end_mark.index
    at = after_line(text, end)
    head = (text[:start].rstrip(" \t") if end > start else text[:start]) + text[end:at]
    if not head.endswith("\n"):
        head += newline_of(text)
    return head + _item(item, key.start_mark.column + DEFAULT_INDENT, text) + text[at:]
