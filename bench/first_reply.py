"""The first reply to each step: scored with the step's texts embedded at the reply (cold) beside
scored after they were embedded ahead, while the trainee read and thought (simulator/scoring/warm.py,
simulator/services/warming.py), and scored with them read from the vectors file another process
wrote (simulator/scoring/embedding_file.py: an app restarted). Printed, not asserted.

Every step of every chat scenario in the library, answered with its first reference answer and a
closing courtesy (so the reply itself is new to the caches), the caches emptied before each
pass; two passes of each, interleaved, so that both see the same machine.

    .venv/bin/python -m bench.first_reply [--quick]
"""
from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

TAIL = {"uk": " Дякую, що звернулися.", "en": " Thank you for calling."}


def _pass(steps, ahead: bool, kept: Path | None = None) -> list[float]:
    """``kept``: the step's texts read from that vectors file (scoring/embedding_file.py), as an app
    restarted after another process embedded them would; else no file: embedded at the reply."""
    from simulator.scoring import embeddings, scorecard, warm

    embeddings.use_file(kept)
    embeddings.passage.cache_clear()
    embeddings.query.cache_clear()
    seconds = []
    for scenario, node_id in steps:
        node = scenario.nodes[node_id]
        line = node.customer[0]
        if ahead:
            warm.embed_step(scenario, node_id, line)        # done while the trainee reads the line
        started = time.perf_counter()
        scorecard.score_turn(scenario, node_id, node.references[0] + TAIL[scenario.language], customer_line=line)
        seconds.append(time.perf_counter() - started)
    return seconds


def _fill(steps, file: Path) -> None:
    """Each step's texts embedded into ``file``, as the app embeds them ahead (the replies are not)."""
    from simulator.scoring import embeddings, warm

    embeddings.use_file(file)
    embeddings.passage.cache_clear()
    embeddings.query.cache_clear()
    for scenario, node_id in steps:
        warm.embed_step(scenario, node_id, scenario.nodes[node_id].customer[0])


def _figures(seconds: list[float]) -> dict:
    ordered = sorted(seconds)
    return {"replies": len(ordered), "mean_s": round(statistics.fmean(ordered), 3),
            "p50_s": round(ordered[len(ordered) // 2], 3), "p95_s": round(ordered[int(0.95 * (len(ordered) - 1))], 3),
            "max_s": round(ordered[-1], 3)}


def run(quick: bool = False, scenarios: Path = Path("scenarios")) -> dict:
    from simulator.library.loader import load_library
    from simulator.scoring import embeddings
    from simulator.scoring.empathy_model import default_model

    if not embeddings.available():
        print("first reply: no sentence embeddings on this machine, nothing to compare")
        return {}
    default_model()
    library = load_library(scenarios)
    steps = [(scenario, node_id) for scenario in sorted(library.scenarios.values(), key=lambda s: s.id)
             if scenario.channel == "chat" for node_id, node in scenario.nodes.items() if node.references]
    if quick:
        steps = steps[:20]
    cold, ahead, kept = [], [], []
    with tempfile.TemporaryDirectory() as folder:
        for k in range(1 if quick else 2):
            cold += _pass(steps, ahead=False)
            ahead += _pass(steps, ahead=True)
            file = Path(folder) / f"embeddings-{k}.bin"
            _fill(steps, file)                                  # another process embeds the steps' texts
            kept += _pass(steps, ahead=False, kept=file)        # this one reads them at the reply
    from simulator.scoring import embeddings
    embeddings.use_file(None)
    figures = {"cold": _figures(cold), "embedded_ahead": _figures(ahead), "kept_on_disk": _figures(kept)}
    print("first reply to a step, scoring only (chat scenarios of the library)")
    print(f"  {'':16}{'replies':>8}{'mean s':>9}{'p50 s':>8}{'p95 s':>8}{'max s':>8}")
    for name, row in (("cold", figures["cold"]), ("embedded ahead", figures["embedded_ahead"]),
                      ("kept on disk", figures["kept_on_disk"])):
        print(f"  {name:16}{row['replies']:>8}{row['mean_s']:>9.3f}{row['p50_s']:>8.3f}{row['p95_s']:>8.3f}{row['max_s']:>8.3f}")
    for key in ("mean_s", "p95_s"):
        figures[f"ratio_{key[:-2]}"] = round(figures["cold"][key] / figures["embedded_ahead"][key], 2)
    print(f"  cold / embedded ahead: mean x{figures['ratio_mean']}, p95 x{figures['ratio_p95']}")
    return figures


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="20 steps, one pass of each")
    run(quick=parser.parse_args().quick)
