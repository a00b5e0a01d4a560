"""YAML loading that remembers where every key and item came from.

Trainers fix scenario files by line number, so every problem we report must point
to a line. PyYAML's composed node tree carries marks; we walk it ourselves and keep
a map from a data path (the same tuple pydantic uses in its error ``loc``) to the line.
Duplicate keys, which plain YAML silently overwrites, are reported too, and so is a list item
indented under the item above (YAML reads the two as one text). Syntax errors are explained in
plain words by yaml_advice; a line of text with a colon inside (``hint: Підсумуйте: дата``) is
quoted and read, so it never breaks a file. A text that is too big, nested too deeply or uses aliases is refused
before it is parsed (yaml_guard).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import yaml

from ..user_text import clean
from . import yaml_advice, yaml_guard
from .messages import Message

Path = tuple[Any, ...]
MAX_REPAIRS = 200  # lines with a colon inside their text, quoted before reading (each costs one more parse)


class YamlError(Exception):
    """The text is not valid YAML, or not a mapping at the top."""

    def __init__(self, line: int, message: str):
        super().__init__(message)
        self.line = line
        self.message = message


@dataclass
class LinedYaml:
    data: Any
    lines: dict[Path, int] = field(default_factory=dict)
    duplicates: list[tuple[int, str]] = field(default_factory=list)  # and other (line, mistake)s that still parse
    rows: list[str] = field(default_factory=list, repr=False)

    def line_of(self, path: Path) -> int:
        """The line of ``path``, or of its nearest ancestor we know."""
        path = tuple(path)
        while path:
            if path in self.lines:
                return self.lines[path]
            path = path[:-1]
        return self.lines.get((), 1)


def load(text: str) -> LinedYaml:
    try:
        yaml_guard.check(text)
    except yaml_guard.Refused as exc:
        raise YamlError(exc.line, exc.message) from None
    text = repaired(text)
    loader = yaml_guard.LOADER(text)
    try:
        try:
            root = loader.get_single_node()
        except yaml.MarkedYAMLError as exc:
            raise YamlError(*yaml_advice.explain(text, exc)) from None
        except yaml.YAMLError as exc:
            raise YamlError(1, Message("yaml_unreadable", detail=str(exc))) from None
        if root is None:
            raise YamlError(1, Message("yaml_empty"))
        result = LinedYaml(data=None, rows=text.splitlines())
        result.lines[()] = root.start_mark.line + 1
        try:
            result.data = _walk(root, (), result, loader)
        except yaml.YAMLError as exc:
            mark = getattr(exc, "problem_mark", None)
            raise YamlError(mark.line + 1 if mark else 1, Message("yaml_unreadable", detail=str(exc))) from None
        return result
    finally:
        loader.dispose()


def repaired(text: str) -> str:
    """``text`` with every line of text that has a colon inside it quoted (``hint: Підсумуйте:
    дата`` -> ``hint: "Підсумуйте: дата"``), as the loader reads it; the same lines, so every
    line number holds. A text with another mistake is returned as far as it was repaired."""
    for _ in range(MAX_REPAIRS):
        loader = yaml_guard.LOADER(text)
        try:
            loader.get_single_node()
            return text
        except yaml.MarkedYAMLError as exc:
            fixed = yaml_advice.quote_colon_line(text, exc)
            if fixed is None:
                return text
            text = fixed
        except yaml.YAMLError:
            return text
        finally:
            loader.dispose()
    return text


def _walk(node: yaml.Node, path: Path, out: LinedYaml, loader) -> Any:
    line = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        mapping: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            key = _walk(key_node, path, out, loader)
            if isinstance(key, (list, dict)):
                raise YamlError(key_node.start_mark.line + 1, Message("yaml_key_not_word"))
            line = key_node.start_mark.line + 1
            if key in mapping:
                out.duplicates.append((line, Message("yaml_twice", key=key, first=out.lines[path + (key,)])))
            out.lines[path + (key,)] = line
            mapping[key] = _walk(value_node, path + (key,), out, loader)
        return mapping
    if isinstance(node, yaml.SequenceNode):
        items = []
        for index, item in enumerate(node.value):
            out.lines[path + (index,)] = item.start_mark.line + 1
            items.append(_walk(item, path + (index,), out, loader))
        return items
    merged = yaml_advice.merged_items(out.rows, node)
    if merged is not None:
        out.duplicates.append((merged, Message("yaml_merged_item")))
    try:
        value = loader.construct_object(node, deep=True)
    except yaml.YAMLError:
        raise
    except Exception as exc:  # e.g. a date that does not exist (2026-02-30), "!!int x"
        raise YamlError(line, _unreadable_value(node, exc)) from None
    # an escape in quotes ("\0", "\ud800") writes what no database stores: same rule as typed text
    return clean(value) if isinstance(value, str) else value


def _unreadable_value(node: yaml.Node, exc: Exception) -> Message:
    if node.tag.endswith(":timestamp"):
        return Message("yaml_bad_date", value=node.value, detail=str(exc))
    return Message("yaml_bad_value", value=node.value, detail=str(exc) or type(exc).__name__)
