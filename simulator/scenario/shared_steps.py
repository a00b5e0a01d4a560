"""Shared steps: a greeting, an identity check, a hold or a closing written once in
``scenarios/shared/`` and included by name in any scenario's nodes.

A step file::

    step: identity-check-uk        # the name scenarios include it by
    language: uk
    title: Перевірка особи          # for trainers
    node:                          # a node as in a scenario, without next or branches
      customer: Так, хочу дізнатися про свій рахунок.
      references: [...]
      key_facts: [...]

In a scenario, a node that includes it says where the call goes next; any key it gives
besides ``include`` replaces the step's (its own customer lines, say)::

    identity:
      include: identity-check-uk
      next: opening

The included node is an ordinary node of the scenario: scored in every call that reaches it,
its facts usable in the node's branches. The steps are read from the ``shared`` folder beside
the scenario's own folder (``scenarios/shared`` for ``scenarios/uk/x.yaml``); a text with no
file (the studio, a draft) uses the library's, ``$SIMULATOR_SCENARIOS/shared`` (default
``scenarios/shared``). A published version keeps a copy of the steps it includes, as they were
when it was published (``freeze``; the store's ``scenario_versions.shared_steps``), and is read
with that copy (``thaw``): editing a step changes no past version, nor the replay of its calls.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .. import settings
from . import yaml_lines

FOLDER = "shared"
_KEYS = {"step", "language", "title", "about", "facts_as_of", "node"}


@dataclass(frozen=True)
class Step:
    name: str
    language: str
    node: dict
    path: Path


@dataclass
class Steps:
    by_name: dict[str, Step] = field(default_factory=dict)
    problems: list[tuple[str, int, str]] = field(default_factory=list)  # (file, line, message)


def is_step_file(path: Path) -> bool:
    return FOLDER in Path(path).parent.parts[-1:]


def folder_for(path: Path | None) -> Path:
    """The shared folder a scenario file at ``path`` includes from."""
    if path is not None and Path(path).is_file():
        for parent in Path(path).resolve().parents[:2]:  # its own folder or the one above (scenarios/uk -> scenarios)
            if (parent / FOLDER).is_dir():
                return parent / FOLDER
    return settings.current().scenarios / FOLDER


_cache: dict[Path, tuple[tuple, Steps]] = {}


def signature(folder: Path) -> tuple:
    """What changes when a step file in ``folder`` is added, edited or removed."""
    folder = Path(folder)
    files = sorted(folder.glob("*.y*ml")) if folder.is_dir() else []
    return tuple((str(p), p.stat().st_mtime_ns, p.stat().st_size) for p in files)


def load(folder: Path) -> Steps:
    """Every step in ``folder`` (read again only when a file changed), with the problems of the
    files that are not steps. Whether each step is a valid node is checked by ``check``."""
    folder = Path(folder)
    files = sorted(folder.glob("*.y*ml")) if folder.is_dir() else []
    found = signature(folder)
    cached = _cache.get(folder.resolve())
    if cached and cached[0] == found:
        return cached[1]
    steps = Steps()
    for path in files:
        step, problems = read(path)
        steps.problems += problems
        if step is None:
            continue
        if step.name in steps.by_name:
            steps.problems.append((str(path), 1, f"step '{step.name}' is already defined in {steps.by_name[step.name].path}"))
            continue
        steps.by_name[step.name] = step
    _cache[folder.resolve()] = (found, steps)
    return steps


def read(path: Path) -> tuple[Step | None, list[tuple[str, int, str]]]:
    try:
        lined = yaml_lines.load(Path(path).read_text(encoding="utf-8"))
    except yaml_lines.YamlError as exc:
        return None, [(str(path), exc.line, exc.message)]
    except (OSError, UnicodeDecodeError) as exc:
        return None, [(str(path), 1, f"cannot read the file: {exc}")]
    data = lined.data
    problems = [(str(path), line, message) for line, message in lined.duplicates]
    if not isinstance(data, dict):
        return None, problems + [(str(path), 1, "a shared step file needs 'step', 'language' and 'node'")]
    for key in data:
        if key not in _KEYS:
            problems.append((str(path), lined.line_of((key,)), f"unknown key '{key}' in a shared step (use {', '.join(sorted(_KEYS))})"))
    for key in ("step", "language", "node"):
        if key not in data:
            problems.append((str(path), 1, f"'{key}' is missing"))
    if problems:
        return None, problems
    if not isinstance(data["node"], dict) or any(k in data["node"] for k in ("next", "branches", "end")):
        return None, [(str(path), lined.line_of(("node",)), "a step's node has customer lines, references and facts; "
                                                             "'next', 'branches' and 'end' belong in the scenario that includes it")]
    return Step(str(data["step"]), str(data["language"]), data["node"], Path(path)), []


def expand(data: dict, steps: Steps) -> list[tuple[tuple, str]]:
    """Replace every ``include`` in ``data['nodes']`` by its step, in place; the problems as (data path, message)."""
    problems: list[tuple[tuple, str]] = []
    nodes = data.get("nodes")
    if not isinstance(nodes, dict):
        return problems
    for name, node in nodes.items():
        if not isinstance(node, dict) or "include" not in node:
            continue
        wanted = str(node["include"])
        step = steps.by_name.get(wanted)
        if step is None:
            known = ", ".join(sorted(steps.by_name)) or "none found"
            problems.append((("nodes", name, "include"), f"no shared step '{wanted}' (steps in scenarios/{FOLDER}: {known})"))
            continue
        if data.get("language") and step.language != data.get("language"):
            problems.append((("nodes", name, "include"), f"the step '{wanted}' is in '{step.language}', this scenario in '{data.get('language')}'"))
            continue
        own: dict[str, Any] = {k: v for k, v in node.items() if k != "include"}
        nodes[name] = {**step.node, **own}
    return problems


def included(data) -> list[str]:
    """The names of the steps the nodes of a scenario's data include, in order."""
    nodes = data.get("nodes") if isinstance(data, dict) else None
    if not isinstance(nodes, dict):
        return []
    names = [str(node["include"]) for node in nodes.values() if isinstance(node, dict) and "include" in node]
    return list(dict.fromkeys(names))


def freeze(text: str, steps: Steps) -> dict | None:
    """The steps ``text`` includes, as plain JSON data to store with a published version:
    ``{name: {"language": ..., "node": {...}}}``; None when it includes none (or does not read)."""
    try:
        names = included(yaml_lines.load(text).data)
    except yaml_lines.YamlError:
        return None
    found = {name: {"language": steps.by_name[name].language, "node": steps.by_name[name].node}
             for name in names if name in steps.by_name}
    # through JSON and back: what the database gives back later is exactly what is compared now
    return json.loads(json.dumps(found, ensure_ascii=False, sort_keys=True, default=str)) if found else None


def thaw(frozen: dict) -> Steps:
    """The steps of a stored copy (``freeze``), to load the version's text with."""
    return Steps({name: Step(name, str(step["language"]), step["node"], Path(f"<{name}, as published>"))
                  for name, step in frozen.items()})


def scenario_around(step: Step) -> dict:
    """A one-step scenario, so that a step is checked by the same rules as any node."""
    return {
        "id": "shared-step", "title": "—", "language": step.language, "channel": "voice", "category": "other",
        "difficulty": "easy", "facts_as_of": "2026-01-01", "persona": {"name": "-", "gender": "female"},
        "target_seconds": 60, "silence_prompt": ["..."],
        "nodes": {step.name: {**step.node, "next": "done"}, "done": {"end": "resolved"}},
    }
