"""YAML loading that remembers where every key and item came from.

Trainers fix scenario files by line number, so every problem we report must point
to a line. PyYAML's composed node tree carries marks; we walk it ourselves and keep
a map from a data path (the same tuple pydantic uses in its error ``loc``) to the line.
Duplicate keys, which plain YAML silently overwrites, are reported too.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import yaml

try:  # the libyaml parser is several times faster; the pure one gives the same result
    _Loader = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - depends on how PyYAML was built
    _Loader = yaml.SafeLoader

Path = tuple[Any, ...]
MAX_DEPTH = 40  # a scenario nests about six levels; far deeper is an accident or an attack


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
    duplicates: list[tuple[int, str]] = field(default_factory=list)

    def line_of(self, path: Path) -> int:
        """The line of ``path``, or of its nearest ancestor we know."""
        path = tuple(path)
        while path:
            if path in self.lines:
                return self.lines[path]
            path = path[:-1]
        return self.lines.get((), 1)


def load(text: str) -> LinedYaml:
    loader = _Loader(text)
    try:
        try:
            root = loader.get_single_node()
        except yaml.MarkedYAMLError as exc:
            mark = exc.problem_mark or exc.context_mark
            line = mark.line + 1 if mark else 1
            raise YamlError(line, f"not valid YAML: {exc.problem or exc.context}") from None
        except yaml.YAMLError as exc:
            raise YamlError(1, f"not valid YAML: {exc}") from None
        if root is None:
            raise YamlError(1, "the file is empty")
        result = LinedYaml(data=None)
        result.lines[()] = root.start_mark.line + 1
        try:
            result.data = _walk(root, (), result, loader)
        except yaml.YAMLError as exc:
            mark = getattr(exc, "problem_mark", None)
            raise YamlError(mark.line + 1 if mark else 1, f"not valid YAML: {exc}") from None
        return result
    finally:
        loader.dispose()


def _walk(node: yaml.Node, path: Path, out: LinedYaml, loader, seen: set[int] | None = None) -> Any:
    seen = set() if seen is None else seen
    line = node.start_mark.line + 1
    if id(node) in seen:  # the composer hands out the same node again for an alias (*name)
        raise YamlError(line, "anchors and aliases (& and *) are not supported: write the text out")
    if len(path) > MAX_DEPTH:
        raise YamlError(line, "the file is nested far too deeply to be a scenario")
    seen.add(id(node))      # every node, scalars too: `title: *name` repeats a text as much as a list
    if isinstance(node, yaml.MappingNode):
        mapping: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            key = _walk(key_node, path, out, loader, seen)
            if isinstance(key, (list, dict)):
                raise YamlError(key_node.start_mark.line + 1, "a key must be a plain word")
            line = key_node.start_mark.line + 1
            if key in mapping:
                out.duplicates.append((line, f"'{key}' is given twice (the first one is on line {out.lines[path + (key,)]})"))
            out.lines[path + (key,)] = line
            mapping[key] = _walk(value_node, path + (key,), out, loader, seen)
        return mapping
    if isinstance(node, yaml.SequenceNode):
        items = []
        for index, item in enumerate(node.value):
            out.lines[path + (index,)] = item.start_mark.line + 1
            items.append(_walk(item, path + (index,), out, loader, seen))
        return items
    try:
        return loader.construct_object(node, deep=True)
    except yaml.YAMLError:
        raise
    except Exception as exc:  # e.g. a date that does not exist (2026-02-30), "!!int x"
        raise YamlError(line, f"cannot read the value '{node.value}': {_reason(node, exc)}") from None


def _reason(node: yaml.Node, exc: Exception) -> str:
    if node.tag.endswith(":timestamp"):
        return "not a real date (write it as YYYY-MM-DD)"
    return str(exc) or type(exc).__name__
