"""Every library scenario spoken and heard back the way the call page hears a reply
(simulator.voice.speech.hear: a free transcript, then each missing key fact checked against
the recording), through the hearing benchmark's own code (simulator.evaluation.hearing): the
first reply node's reference answer said by the project's voice must keep its key facts, and
a rude reply, an off-topic upsell and another scenario's reference answer, said by the same
voice, must gain none.

Figures are printed and written to test-artifacts/round_trip.json. The asserted floors are
the product's promises, set a little below what `python -m simulator eval hearing --quick`
measured (docs/voice.md), since espeak-ng's output varies slightly from run to run.

The round trip covers the 19 scenarios the library had when these floors were measured, so its
time in CI does not grow with the library, and each scenario's reference answer meets one foil,
the three kinds taking turns (every kind still meets six or seven scenarios per language): the
suite had outgrown its 20 minutes. `python -m simulator eval hearing` covers every scenario with
every foil.
"""
from __future__ import annotations

import json
from pathlib import Path

from simulator.evaluation import hearing
from simulator.library.loader import load_library

ROOT = Path(__file__).resolve().parents[2]
FOILS = ("rude", "off_topic", "other")
MEASURED = {
    "en-abusive-caller", "en-estimated-bill", "en-heating-discount", "en-outage", "en-payment-not-credited",
    "en-payment-slip", "en-repeat-complaint", "en-three-zone-readings", "en-two-zone-price",
    "uk-abusive-caller", "uk-estimated-bill", "uk-heating-discount", "uk-outage-routing", "uk-payment-not-credited",
    "uk-payment-slip", "uk-repeat-complaint-regulator", "uk-subsidies", "uk-three-zone-tariff", "uk-two-zone-readings",
}


def test_every_scenario_round_trip(base):
    library = load_library(ROOT / "scenarios")
    scenarios = [s for s in library.scenarios.values() if s.id in MEASURED]
    assert len(scenarios) == len(MEASURED), "a measured scenario left the library: update MEASURED and the floors"
    order = {scenario_id: k for k, scenario_id in enumerate(sorted(MEASURED))}
    foil = lambda clip: FOILS[order[clip.scenario.id] % len(FOILS)]   # noqa: E731
    clips = [c for c in hearing.clips(scenarios, nodes_per_scenario=1) if c.kind in ("reference", foil(c))]
    rows = hearing.run(clips, base, ["verify"])
    figures = {f.language: f for f in hearing.figures(rows)}
    out = ROOT / "test-artifacts" / "round_trip.json"
    out.parent.mkdir(exist_ok=True)
    out.write_text(json.dumps({"figures": [f.to_dict() for f in figures.values()], "rows": [r.to_dict() for r in rows]},
                              ensure_ascii=False, indent=1), encoding="utf-8")
    print("\n" + "\n".join(hearing.lines(list(figures.values()))) + f"\n(details in {out})")

    for language in ("uk", "en"):
        assert figures[language].invented == 0, figures[language].examples     # a foil never gains a fact
        assert figures[language].unclear_share <= 0.10, figures[language]
    assert figures["uk"].kept >= 0.80, figures["uk"]
    assert figures["en"].kept >= 0.95, figures["en"]
    assert figures["en"].cer <= 0.15, figures["en"]
