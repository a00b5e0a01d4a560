"""The publishing gate (issue 16): a draft whose sample replies the scorer judges against the
trainer's expectations (a great sample that would not pass, a poor one that would, samples
ranked out of order: samples.broken_expectations) is not published unless the author gives a
reason; the reason, with what was broken, goes to the audit log beside the publication.

With a tuning of the scorer accepted for the scenario's language (issue 16), the samples are
judged as trainees would be shown them: read by that tuning (simulator.calibration.shown).

The samples are scored before the store's publication (scoring takes seconds, and a
transaction must not wait for it), then the publication and, when the gate was overridden, the
override's entry are written.
"""
from __future__ import annotations

from dataclasses import replace

from ...calibration import shown
from ...library.loader import load_as
from ...store import audit
from ...store import calibration as cal
from ...store.records import ScenarioVersion, User
from ...user_text import accept
from .samples import Broken, broken_expectations, run


class SamplesDisagree(ValueError):
    """The draft's samples do not meet their expectations; ``broken`` lists how."""

    def __init__(self, scenario_id: str, broken: list[Broken]):
        self.broken = broken
        super().__init__(f"scenario '{scenario_id}': {len(broken)} sample expectation(s) not met; give a reason to publish anyway")


def broken_samples(yaml_text: str, scenario_id: str, tunings: dict[str, shown.Tuning | None] | None = None) -> list[Broken]:
    """The expectations the text's samples miss ([] for a text that does not load: the store
    refuses it); ``tunings``: per language, the accepted tuning new calls are shown by."""
    scenario, problems = load_as(yaml_text, scenario_id, f"{scenario_id}.yaml")
    if scenario is None or problems:
        return []
    results = run(scenario)
    tuning = (tunings or {}).get(scenario.language)
    if tuning is not None:
        results = [replace(r, score=shown.apply(r.score, scenario, tuning)) for r in results]
    return broken_expectations(results)


def publish(store, author: User, scenario_id: str, note: str = "", override: str = "") -> ScenarioVersion:
    """Store.publish behind the gate: SamplesDisagree when samples miss their expectations and
    ``override`` (the reason) is empty; TooLong for a reason over the comment limit."""
    override = accept("comment", override or "").strip()
    draft = store.draft(scenario_id)
    broken = broken_samples(draft.yaml_text, scenario_id, cal.in_force(store)) if draft is not None else []
    if broken and not override:
        raise SamplesDisagree(scenario_id, broken)
    version = store.publish(author, scenario_id, note=note)
    if broken:
        audit.record_now(store, "gate_override", author, f"scenario {scenario_id} v{version.version}",
                         {"comment": override, "broken": [f"{b.code} {b.sample.node} {b.sample.label}" for b in broken]})
    return version
