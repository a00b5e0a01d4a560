"""Loading scenario files and the library, with every problem as ``file:line: message``.

A broken file is reported and left out; it never stops the other files from loading.
"""
from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import ValidationError

from ..scenario import shared_steps, yaml_advice, yaml_lines
from ..scenario.messages import Message, in_language
from ..scenario.model import Scenario
from ..user_text import SCENARIO_BYTES
from . import validate


@dataclass(frozen=True)
class Problem:
    file: str
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.message}"

    def text(self, language: str) -> str:
        """``file:line: message`` with the message in ``language`` (uk or en)."""
        return f"{self.file}:{self.line}: {in_language(self.message, language)}"


@dataclass
class Library:
    scenarios: dict[str, Scenario] = field(default_factory=dict)
    paths: dict[str, Path] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    files: int = 0

    def get(self, scenario_id: str) -> Scenario:
        try:
            return self.scenarios[scenario_id]
        except KeyError:
            broken = [p for p in self.problems if Path(p.file).stem in scenario_id or scenario_id in p.file]
            hint = " (its file has problems: run `python -m simulator scenarios validate`)" if broken else ""
            known = difflib.get_close_matches(scenario_id, list(self.scenarios), n=3)
            maybe = f"; did you mean {', '.join(known)}?" if known else ""
            raise KeyError(f"no scenario '{scenario_id}'{hint}{maybe}") from None


def load_text(text: str, file: str = "<text>", shared: shared_steps.Steps | None = None) -> tuple[Scenario | None, list[Problem]]:
    """Parse and check one scenario given as YAML text. ``shared``: the steps its nodes may
    include (default: the shared folder beside ``file``, else the library's)."""
    try:
        lined = yaml_lines.load(text)
    except yaml_lines.YamlError as exc:
        return None, [Problem(file, exc.line, exc.message)]
    problems = [Problem(file, line, message) for line, message in lined.duplicates]
    if not isinstance(lined.data, dict):
        return None, problems + [Problem(file, 1, Message("not_a_mapping"))]
    if _includes(lined.data):
        steps = shared if shared is not None else shared_steps.load(shared_steps.folder_for(Path(file)))
        included = [Problem(file, lined.line_of(path), message) for path, message in shared_steps.expand(lined.data, steps)]
        if included:  # the node without its step would only add confusing problems
            return None, problems + included
    try:
        scenario = Scenario.model_validate(lined.data)
    except ValidationError as exc:
        return None, problems + [Problem(file, lined.line_of(e["loc"]), _message(e)) for e in exc.errors()]
    problems += [Problem(file, lined.line_of(path), message) for path, message in validate.semantic(scenario)]
    return (None if problems else scenario), problems


def load_stored(text: str, steps_copy: dict | None, file: str = "<text>") -> tuple[Scenario | None, list[Problem]]:
    """Load a stored version's text with its own copy of the shared steps it includes
    (``shared_steps.freeze``); a version stored without a copy reads the library's steps as they are now."""
    return load_text(text, file, shared_steps.thaw(steps_copy) if steps_copy else None)


def warnings_of(path: Path, scenario: Scenario, references: bool = False) -> list[Problem]:
    """The warnings (lint) of a valid scenario loaded from ``path``, each with its line;
    ``references``: also every reference answer that would not pass at its own node."""
    return warnings_in(Path(path).read_text(encoding="utf-8"), scenario, str(path), references)


def warnings_in(text: str, scenario: Scenario, file: str = "<text>", references: bool = False) -> list[Problem]:
    """The warnings of ``scenario`` loaded from ``text`` (as :func:`warnings_of`; the studio's working text)."""
    from . import lint  # imports the scorer: only when asked

    lined = yaml_lines.load(text)
    return [Problem(file, lined.line_of(loc), message) for loc, message in lint.warnings(scenario, references)]


def _includes(data: dict) -> bool:
    nodes = data.get("nodes")
    return isinstance(nodes, dict) and any(isinstance(node, dict) and "include" in node for node in nodes.values())


def load_step_file(path: Path) -> list[Problem]:
    """The problems of one shared step file: its shape, then its node checked as any node is."""
    step, found = shared_steps.read(Path(path))
    problems = [Problem(*p) for p in found]
    if step is None:
        return problems
    lined = yaml_lines.load(Path(path).read_text(encoding="utf-8"))

    def line(loc) -> int:
        loc = tuple(loc)
        return lined.line_of(("node",) + loc[2:]) if loc[:2] == ("nodes", step.name) else lined.line_of(("node",))

    try:
        scenario = Scenario.model_validate(shared_steps.scenario_around(step))
    except ValidationError as exc:
        return [Problem(str(path), line(e["loc"]), _message(e)) for e in exc.errors()]
    return [Problem(str(path), line(loc), message) for loc, message in validate.semantic(scenario)]


def load_as(text: str, scenario_id: str, file: str = "<text>") -> tuple[Scenario | None, list[Problem]]:
    """Load ``text`` as a new version of the scenario ``scenario_id``: as :func:`load_text`, and
    a text that names another id is a problem too (a version keeps its scenario's id)."""
    scenario, problems = load_text(text, file)
    if scenario is not None and scenario.id != scenario_id:
        line = next((n for n, row in enumerate(text.splitlines(), start=1) if row.startswith("id:")), 1)
        return None, [Problem(file, line, Message("id_changed", said=scenario.id, id=scenario_id))]
    return scenario, problems


def load_file(path: Path) -> tuple[Scenario | None, list[Problem]]:
    path = Path(path)
    try:
        if path.stat().st_size > SCENARIO_BYTES:
            return None, [Problem(str(path), 1, Message("too_large", kb=SCENARIO_BYTES // 1000))]
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        return None, [Problem(str(path), 1, Message("not_utf8"))]
    except OSError as exc:
        return None, [Problem(str(path), 1, Message("unreadable", error=str(exc.strerror or exc)))]
    return load_text(text, str(path), shared_steps.load(shared_steps.folder_for(path)))


def scenario_files(paths: list[Path]) -> list[Path]:
    files: list[Path] = []
    for path in map(Path, paths):
        if path.is_dir():
            files += sorted(p for p in path.rglob("*") if p.suffix in (".yaml", ".yml") and p.is_file()
                            and not shared_steps.is_step_file(p))
        else:
            files.append(path)
    return files


def step_files(paths: list[Path]) -> list[Path]:
    """The shared step files among ``paths`` (named, or in a shared folder under a named folder)."""
    files: list[Path] = []
    for path in map(Path, paths):
        if path.is_dir():
            files += sorted(p for p in path.rglob("*") if p.suffix in (".yaml", ".yml") and shared_steps.is_step_file(p))
        elif shared_steps.is_step_file(path):
            files.append(path)
    return files


def load_library(*paths: Path) -> Library:
    library = Library()
    for path in step_files(list(paths) or [Path("scenarios")]):
        library.problems += load_step_file(path)
    for path in scenario_files(list(paths) or [Path("scenarios")]):
        if shared_steps.is_step_file(path):
            continue
        library.files += 1
        scenario, problems = load_file(path)
        library.problems += problems
        if scenario is None:
            continue
        if scenario.id in library.scenarios:
            first = library.paths[scenario.id]
            library.problems.append(Problem(str(path), 1, Message("id_used", id=scenario.id, first=str(first))))
            continue
        library.scenarios[scenario.id] = scenario
        library.paths[scenario.id] = path
    return library



def _message(error: dict) -> str:
    loc = [str(part) for part in error["loc"]]
    where = ".".join(loc)
    kind = error["type"]
    if kind == "extra_forbidden":
        close = difflib.get_close_matches(loc[-1], validate.KNOWN_KEYS, n=1)
        return Message("unknown_key_close", key=loc[-1], close=close[0]) if close else Message("unknown_key", key=loc[-1])
    if kind == "missing":
        return Message("missing_key", where=where)
    if kind == "literal_error":
        return Message("not_allowed", where=where, value=repr(error.get("input")), expected=error["ctx"]["expected"])
    if kind == "string_type":
        advice = yaml_advice.colon_in_item(error.get("input"))
        if advice:
            return advice
        return Message("not_text", where=where)
    message = error["msg"].removeprefix("Value error, ")
    return f"'{where}': {message}" if where else message

