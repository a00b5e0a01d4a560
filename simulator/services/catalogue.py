"""What trainees can play: the store's published scenario versions, with the library's files
recorded into the store first (no Streamlit here; the UI caches around it).

A scenario published in the trainer studio and a bundled file end up alike: a published
version in the store. Each text is parsed once per process (keyed by its content hash),
so a catalogue read costs one small query.
"""
from __future__ import annotations

import functools
import json
from dataclasses import dataclass
from pathlib import Path

from ..library.loader import Problem, load_library, load_stored, scenario_files, step_files
from ..scenario import shared_steps
from ..scenario.model import Scenario
from ..store import SHELL, ScenarioVersion, Store


@dataclass(frozen=True)
class Playable:
    """A published version and the scenario its text is."""

    version: ScenarioVersion
    scenario: Scenario

    @property
    def yaml_text(self) -> str:
        return self.version.yaml_text


def record_files(store: Store, folder: Path) -> list[Problem]:
    """Record every valid scenario file under ``folder`` as a version (new texts only); the
    problems of the files that do not load are returned, and those files are skipped.

    The system records them (``SHELL``), not a user: the files are the server's, put there by
    whoever runs it, and the app records them when it starts and whenever one changes, on any
    page that reads the catalogue, whoever is logged in (a trainee too, or nobody yet), once per
    process for everyone. The pages call this function and never name ``SHELL``."""
    if not folder.is_dir():
        return []
    library = load_library(folder)
    store.record_library(library, by=SHELL)
    return library.problems


def playable(store: Store) -> dict[str, Playable]:
    """The catalogue by scenario id. A published text that no longer loads (the scenario rules
    grew stricter since) is left out rather than offered broken."""
    found = {}
    for version in store.catalogue():
        scenario = parse(version.content_hash, version.yaml_text, version.shared_steps)
        if scenario is not None:
            found[version.scenario_id] = Playable(version, scenario)
    return found


def parse(content_hash: str, yaml_text: str, steps_copy: dict | None = None) -> Scenario | None:
    """The scenario a stored text is: with the version's own copy of the shared steps it includes
    (``ScenarioVersion.shared_steps``), or, for a text stored without one (a draft, a version from
    before migration 0009), with the library's steps as they are now, parsed again after a file
    in scenarios/shared changed."""
    if steps_copy:
        return _parse(content_hash, yaml_text, json.dumps(steps_copy, ensure_ascii=False, sort_keys=True))
    return _parse(content_hash, yaml_text, shared_steps.signature(shared_steps.folder_for(None)))


@functools.lru_cache(maxsize=512)
def _parse(content_hash: str, yaml_text: str, steps: tuple | str) -> Scenario | None:
    """``steps``: the library's steps' signature, or a version's copy of them as JSON."""
    return load_stored(yaml_text, json.loads(steps) if isinstance(steps, str) else None, content_hash[:12])[0]


def files_signature(folder: Path) -> tuple:
    """What changes when a scenario file or a shared step file is added, edited or removed."""
    files = scenario_files([folder]) + step_files([folder]) if folder.is_dir() else []
    return tuple((str(p), p.stat().st_mtime_ns, p.stat().st_size) for p in files)
