"""``python -m simulator scenarios test``: a scenario file's sample replies scored at their
nodes (the studio's test bench, run from the command line and in CI), each broken
expectation as ``file:line: message``; with ``references``, every reference answer must pass
at its own node too."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ...library import lint
from ...library.loader import Problem
from ...scenario import yaml_lines
from ...scenario.model import Scenario
from ...scoring.marks import points, reaches
from . import samples


@dataclass
class Report:
    path: str
    samples: int = 0
    references: int = 0
    misses: list[Problem] = field(default_factory=list)

    @property
    def summary(self) -> str:
        parts = [f"{self.samples} sample(s) meet their expectations"]
        if self.references:
            parts.append(f"{self.references} reference answer(s) pass")
        return ", ".join(parts)


def check_scenario(scenario: Scenario, path: Path, references: bool = False, language: str = "en") -> Report:
    """The samples' broken expectations (said in ``language``) and, with ``references``, the failing references."""
    lined = yaml_lines.load(Path(path).read_text(encoding="utf-8"))
    report = Report(str(path))
    results = samples.run(scenario)
    report.samples = len(results)
    for broken in samples.broken_expectations(results):
        k = next((j for j, s in enumerate(scenario.samples) if (s.node, s.label, s.reply) == broken.sample.key), None)
        line = lined.line_of(("samples", k)) if k is not None else lined.line_of(("samples",))
        report.misses.append(Problem(str(path), line, broken.text(language)))
    if references:
        for name, k, overall, critical in lint.reference_scores(scenario):
            report.references += 1
            if critical or not reaches(overall, scenario.pass_mark):
                report.misses.append(Problem(str(path), lined.line_of(("nodes", name, "references", k)),
                                             f"the reference answer at '{name}' scores {points(overall)}, below the pass mark "
                                             f"{scenario.pass_mark}" + (" (critical)" if critical else "")))
    return report
