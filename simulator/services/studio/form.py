"""The common fields of a scenario, read from its YAML text and written back into it.

Only the value of a field that changed is rewritten, in place: comments, blank lines, key
order and the nodes stay exactly as the trainer wrote them (a full re-dump would lose the
comments and reformat everything). A field that is absent is inserted where the model
lists it, after the field before it (e.g. `pass_mark` after `target_seconds`).
Values are quoted only when YAML needs it, and every value written is read back to check
that it means exactly what was asked.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, fields
from typing import Any, get_args

import yaml

from ...scenario import yaml_lines
from ...scenario.model import CATEGORIES, Channel, Difficulty, Language, Mood, Persona, Scenario
from ...user_text import clean

PATHS: dict[str, tuple[str, ...]] = {
    "id": ("id",), "title": ("title",), "language": ("language",), "channel": ("channel",),
    "category": ("category",), "difficulty": ("difficulty",), "facts_as_of": ("facts_as_of",),
    "situation": ("situation",), "persona_name": ("persona", "name"), "persona_gender": ("persona", "gender"),
    "persona_mood": ("persona", "mood"), "target_seconds": ("target_seconds",), "pass_mark": ("pass_mark",),
}
# what a form offers in its select boxes, straight from the model
CHOICES: dict[str, tuple[str, ...]] = {
    "language": get_args(Language), "channel": get_args(Channel), "category": CATEGORIES,
    "difficulty": get_args(Difficulty), "persona_gender": get_args(Persona.model_fields["gender"].annotation),
    "persona_mood": get_args(Mood),
}
_ORDER = {(): list(Scenario.model_fields), ("persona",): list(Persona.model_fields)}
_WIDTH = 100        # folded text is wrapped to this column
_LONG = 80          # text longer than this is written as a folded block, as the library does
_BLOCK_HEADER = re.compile(r"^[|>][-+0-9]*")
_TRAILING_COMMENT = re.compile(r"([ \t]+)(#.*)$")
_NEEDS_ESCAPE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff\ud800-\udfff]")


@dataclass(frozen=True)
class Fields:
    """The fields a form edits. None: absent from the file (and, when writing, leave as is)."""

    id: str | None = None
    title: str | None = None
    language: str | None = None
    channel: str | None = None
    category: str | None = None
    difficulty: str | None = None
    facts_as_of: dt.date | None = None
    situation: str | None = None
    persona_name: str | None = None
    persona_gender: str | None = None
    persona_mood: str | None = None
    target_seconds: int | None = None
    pass_mark: int | None = None


def read_fields(text: str) -> Fields:
    """The form's fields as the file gives them; an optional field the file leaves out has the
    model's default (pass_mark 70, situation "", mood "calm"). ValueError for text that is not
    YAML, not a scenario-like mapping, or where a field is a list or a mapping."""
    lined = _load(text)
    values = {}
    for name, path in PATHS.items():
        value = _get(lined.data, path)
        if isinstance(value, (dict, list)):
            raise ValueError(f"line {lined.line_of(path)}: '{'.'.join(path)}' must be a single value, not a list or a set of lines")
        values[name] = _default(path) if value is None else value
    return Fields(**values)


def write_fields(text: str, new: Fields) -> str:
    """``text`` with every field of ``new`` that differs from the file's value written into it.
    ValueError for broken YAML, a value of the wrong type, or a field that cannot be edited in
    place (e.g. `persona` written as one `{...}` line)."""
    current = read_fields(text)
    changed = {}
    for f in fields(Fields):
        value = getattr(new, f.name)
        if value is not None and (value := _checked(f.name, value)) != getattr(current, f.name):
            changed[f.name] = value
    if changed:  # a line of text with a colon inside is quoted first, as the loader reads it
        text = yaml_lines.repaired(text)
    for name, value in changed.items():
        text = _set(text, PATHS[name], value)
    data = _load(text).data
    for name, value in changed.items():
        if _get(data, PATHS[name]) != value:  # a bug here, never the trainer's: refuse rather than corrupt
            raise ValueError(f"could not write '{'.'.join(PATHS[name])}' safely")
    return text


# --- reading ---------------------------------------------------------------------------

def _load(text: str) -> yaml_lines.LinedYaml:
    if not isinstance(text, str):
        raise ValueError("the scenario must be given as text")
    try:
        lined = yaml_lines.load(text)
    except yaml_lines.YamlError as exc:
        raise ValueError(f"line {exc.line}: {exc.message}") from None
    if not isinstance(lined.data, dict):
        raise ValueError("a scenario file must be a set of 'key: value' lines (id, title, nodes, ...)")
    if lined.data.get("persona") is not None and not isinstance(lined.data["persona"], dict):
        raise ValueError(f"line {lined.line_of(('persona',))}: 'persona' must be indented lines (name, gender, mood)")
    return lined


def _get(data: dict, path: tuple[str, ...]) -> Any:
    for key in path:
        if not isinstance(data, dict):
            return None
        data = data.get(key)
    return data


def _default(path: tuple[str, ...]) -> Any:
    model = Persona if path[0] == "persona" else Scenario
    field = model.model_fields[path[-1]]
    return None if field.is_required() else field.get_default(call_default_factory=True)


def _checked(name: str, value: Any) -> Any:
    if name in ("target_seconds", "pass_mark"):
        if isinstance(value, bool) or not isinstance(value, int):
            raise ValueError(f"{name} must be a whole number, not {value!r}")
    elif name == "facts_as_of":
        if isinstance(value, dt.datetime) or not isinstance(value, dt.date):
            raise ValueError(f"facts_as_of must be a date, not {value!r}")
    elif not isinstance(value, str):
        raise ValueError(f"{name} must be text, not {value!r}")
    else:
        return clean(value)     # what the file will read back (simulator.user_text)
    return value


# --- writing ---------------------------------------------------------------------------

def _set(text: str, path: tuple[str, ...], value: Any) -> str:
    mapping, where = _compose(text), ()
    for key in path[:-1]:
        node = _child(mapping, key)
        if node is None:
            return _insert(text, mapping, where, path[len(where):], value)
        if node.tag.endswith(":null"):
            return _fill(text, node, _block(path[len(where) + 1:], value, _indent(mapping) + 2))
        if not isinstance(node, yaml.MappingNode):
            raise ValueError(f"line {node.start_mark.line + 1}: '{key}' must be indented lines")
        mapping, where = node, where + (key,)
    node = _child(mapping, path[-1])
    if node is None:
        return _insert(text, mapping, where, path[len(where):], value)
    return _replace(text, node, value, _indent(mapping))


def _compose(text: str) -> yaml.MappingNode:
    """The node tree (a mapping: _load has checked), marks included. The pure-Python loader:
    its marks are character offsets into ``text`` even after a byte-order mark, which
    libyaml leaves out of its count."""
    return yaml.compose(text, Loader=yaml.SafeLoader)


def _child(mapping: yaml.MappingNode, key: str) -> yaml.Node | None:
    found = [(k, v) for k, v in mapping.value if k.value == key]
    if len(found) > 1:
        lines = " and ".join(str(k.start_mark.line + 1) for k, _ in found)
        raise ValueError(f"'{key}' is given twice (lines {lines}): remove one first")
    return found[0][1] if found else None


def _indent(mapping: yaml.MappingNode) -> int:
    if mapping.flow_style:
        raise ValueError(f"line {mapping.start_mark.line + 1}: this part is written on one line ({{...}}): write it as indented lines to edit it here")
    return mapping.value[0][0].start_mark.column if mapping.value else 0


def _replace(text: str, node: yaml.Node, value: Any, indent: int) -> str:
    """Put ``value`` where ``node`` is, keeping a comment that follows it on its line."""
    first, _, rest = _render(value, indent + 2, indent).partition("\n")
    start, end = node.start_mark.index, node.end_mark.index
    old = text[start:end]
    if node.style in ("|", ">"):  # a block: keep the header's comment and the blank lines after it
        header = old.split("\n", 1)[0].rstrip("\r")
        comment = header[_BLOCK_HEADER.match(header).end():]
        kept = old[len(old.rstrip()):]
        body = first + (comment if comment.strip() else "") + ("\n" + rest if rest else "")
        return text[:start] + _newlines(body, text) + kept + text[end:]
    line_end = _line_end(text, end)
    tail = text[end:line_end]
    lead = " " if start == end and not text[start - 1:start].isspace() else ""
    comment = _TRAILING_COMMENT.match(tail)
    if comment and not rest:  # keep the comment in its column, as trainers align them
        column = node.end_mark.column + len(comment.group(1))
        tail = " " * max(1, column - node.start_mark.column - len(lead + first)) + comment.group(2)
    body = lead + first + (tail if tail.strip() or not rest else "") + ("\n" + rest if rest else "")
    return text[:start] + _newlines(body, text) + text[line_end:]


def _fill(text: str, node: yaml.Node, block: str) -> str:
    """Give a key with no value (`persona:`) the indented ``block``."""
    start, end = node.start_mark.index, node.end_mark.index
    line_end = _line_end(text, end)
    return text[:start] + text[end:line_end] + _newlines("\n" + block, text) + text[line_end:]


def _insert(text: str, mapping: yaml.MappingNode, where: tuple[str, ...], path: tuple[str, ...], value: Any) -> str:
    """Add ``path: value`` to ``mapping``, after the field the model lists before it."""
    indent = _indent(mapping)
    order = _ORDER[where]
    rank = order.index(path[0])
    present = [(order.index(k.value), k, v) for k, v in mapping.value if k.value in order]
    before = [item for item in present if item[0] < rank]
    after = [item for item in present if item[0] > rank]
    lines = _newlines(_block(path, value, indent), text) + newline_of(text)
    if before:
        at = after_line(text, content_end(text, max(before, key=lambda item: item[0])[2]))
    elif after:
        key = min(after, key=lambda item: item[0])[1]
        at = text.rfind("\n", 0, key.start_mark.index) + 1
    else:
        at = after_line(text, content_end(text, mapping.value[-1][1]) if mapping.value else len(text))
    if at == len(text) and text and not text.endswith("\n"):
        text, at = text + newline_of(text), len(text) + len(newline_of(text))
    return text[:at] + lines + text[at:]


def _block(path: tuple[str, ...], value: Any, indent: int) -> str:
    """``a:\\n  b: value`` for path (a, b), starting at column ``indent``."""
    pad = " " * indent
    if len(path) == 1:
        return f"{pad}{path[0]}: {_render(value, indent + 2, indent)}"
    return f"{pad}{path[0]}:\n" + _block(path[1:], value, indent + 2)


def content_end(text: str, node: yaml.Node) -> int:
    """Where the text that belongs to ``node`` ends: not the comments and blank lines after it."""
    if isinstance(node, yaml.MappingNode) and node.value and not node.flow_style:
        return content_end(text, node.value[-1][1])
    if isinstance(node, yaml.SequenceNode) and node.value and not node.flow_style:
        return content_end(text, node.value[-1])
    start, end = node.start_mark.index, node.end_mark.index
    return start + len(text[start:end].rstrip())


def after_line(text: str, index: int) -> int:
    end = text.find("\n", index)
    return len(text) if end < 0 else end + 1


def _line_end(text: str, index: int) -> int:
    """The index of the line break (\\n or \\r\\n) that ends the line ``index`` is on."""
    end = text.find("\n", index)
    if end < 0:
        return len(text)
    return end - 1 if end > index and text[end - 1] == "\r" else end


def newline_of(text: str) -> str:
    return "\r\n" if "\r\n" in text else "\n"


def _newlines(block: str, text: str) -> str:
    return block.replace("\n", newline_of(text)) if newline_of(text) != "\n" else block


# --- values as YAML --------------------------------------------------------------------

def _render(value: Any, indent: int, key_indent: int) -> str:
    """``value`` as written after ``key: `` (the key at column ``key_indent``): plain when YAML
    reads it back the same, a folded or literal block for long or multi-line text (lines
    indented by ``indent``), double-quoted with escapes otherwise."""
    if isinstance(value, bool) or value is None:
        raise ValueError(f"cannot write {value!r} as a form value")
    if isinstance(value, (int, dt.date)):
        return value.isoformat() if isinstance(value, dt.date) else str(value)
    *forms, quoted = _text_forms(value, indent)
    # the last form, double-quoted with escapes, always means the value
    return next((c for c in forms if _means(c, value, key_indent)), quoted)


def _text_forms(value: str, indent: int):
    pad = " " * indent
    body, chomp = (value[:-1], "") if value.endswith("\n") and not value.endswith("\n\n") else (value, "-")
    if "\n" in body:
        yield f"|{chomp}\n" + "\n".join(pad + line if line else "" for line in body.split("\n"))
    elif chomp == "" or len(value) > _LONG:
        yield f">{chomp}\n" + "\n".join(pad + line for line in _wrap(body, _WIDTH - indent))
    elif value and not _NEEDS_ESCAPE.search(value):
        yield value
        if "'" not in value:  # easier to read and edit than double quotes: nothing is escaped
            yield f"'{value}'"
    yield _double_quoted(value)


def _wrap(text: str, width: int) -> list[str]:
    """Lines of at most ``width`` (unless one word is longer), broken at single spaces,
    which a folded block turns back into single spaces."""
    lines: list[str] = []
    for word in text.split(" "):
        if lines and lines[-1] and word and len(lines[-1]) + 1 + len(word) <= width:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return lines


def _double_quoted(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\t", "\\t").replace("\r", "\\r")
    return '"' + _NEEDS_ESCAPE.sub(lambda m: f"\\u{ord(m.group()):04x}", escaped) + '"'


def _means(written: str, value: Any, key_indent: int) -> bool:
    """Does ``key: written`` read back as exactly ``value``?"""
    try:
        data = yaml.safe_load(" " * key_indent + "k: " + written + "\n")
    except yaml.YAMLError:
        return False
    return isinstance(data, dict) and list(data) == ["k"] and type(data["k"]) is type(value) and data["k"] == value
