"""Sentence vectors shared through a file (scoring/embedding_file.py): what one process appends
another reads; a damaged or unwritable file only turns the sharing off."""
from __future__ import annotations

import logging
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import numpy as np

from simulator.scoring import embedding_file, embeddings
from simulator.scoring.embedding_file import EmbeddingFile

DIMENSIONS = 8


def vector(seed: int) -> np.ndarray:
    return np.random.default_rng(seed).random(DIMENSIONS, dtype=np.float32)


def test_what_one_process_appends_another_reads(tmp_path):
    path = tmp_path / "embeddings.bin"
    script = textwrap.dedent(f"""
        import numpy as np
        from simulator.scoring.embedding_file import EmbeddingFile
        kept = EmbeddingFile({str(path)!r}, "model", {DIMENSIONS})
        for k, text in enumerate(["Рахунок за середнім", "the night zone"]):
            kept.put(kept.key(text, query=bool(k)), np.random.default_rng(k).random({DIMENSIONS}, dtype=np.float32))
    """)
    subprocess.run([sys.executable, "-c", script], check=True, cwd=Path(__file__).resolve().parents[2])
    here = EmbeddingFile(path, "model", DIMENSIONS)
    assert np.array_equal(here.get(here.key("Рахунок за середнім", query=False)), vector(0))
    assert np.array_equal(here.get(here.key("the night zone", query=True)), vector(1))
    assert here.get(here.key("the night zone", query=False)) is None         # the role is part of the key
    other = EmbeddingFile(path, "another model", DIMENSIONS)
    assert other.get(other.key("the night zone", query=True)) is None        # so is the model


def test_a_record_being_written_is_read_once_it_is_whole(tmp_path):
    path = tmp_path / "embeddings.bin"
    writer, reader = EmbeddingFile(path, "m", DIMENSIONS), EmbeddingFile(path, "m", DIMENSIONS)
    writer.put(writer.key("a", False), vector(1))
    first = path.read_bytes()
    writer.put(writer.key("b", False), vector(2))
    both = path.read_bytes()
    path.write_bytes(both[:len(first) + 10])                     # b still being written by another process
    assert np.array_equal(reader.get(reader.key("a", False)), vector(1))
    assert reader.get(reader.key("b", False)) is None and reader.read_to == len(first)
    path.write_bytes(both)                                       # and now whole
    assert np.array_equal(reader.get(reader.key("b", False)), vector(2))
    assert reader.broken is None


def test_a_damaged_file_turns_sharing_off_with_one_warning(tmp_path, caplog):
    path = tmp_path / "embeddings.bin"
    first = EmbeddingFile(path, "m", DIMENSIONS)
    first.put(first.key("a", False), vector(1))
    path.write_bytes(b"garbage!" * 10 + path.read_bytes())
    damaged = EmbeddingFile(path, "m", DIMENSIONS)
    with caplog.at_level(logging.WARNING, logger=embedding_file.__name__):
        assert damaged.get(damaged.key("a", False)) is None
        damaged.put(damaged.key("b", False), vector(2))                       # nothing more written
        assert damaged.get(damaged.key("c", False)) is None
    assert damaged.broken and "delete it" in damaged.broken
    assert len(caplog.records) == 1


def test_an_unwritable_place_turns_sharing_off(tmp_path, caplog):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the folder should be")
    kept = EmbeddingFile(blocker / "embeddings.bin", "m", DIMENSIONS)
    with caplog.at_level(logging.WARNING, logger=embedding_file.__name__):
        kept.put(kept.key("a", False), vector(1))
    assert kept.broken and "cannot write" in kept.broken


def test_the_file_stops_growing_at_its_limit(tmp_path, monkeypatch):
    path = tmp_path / "embeddings.bin"
    kept = EmbeddingFile(path, "m", DIMENSIONS)
    monkeypatch.setattr(embedding_file, "MAX_BYTES", kept.record * 2)
    for k in range(4):
        kept.put(kept.key(str(k), False), vector(k))
    assert path.stat().st_size == kept.record * 2 and kept.broken is None


def test_scores_are_the_same_with_and_without_the_file(library, tmp_path):
    scenario = library.get("uk-estimated-bill")
    node = scenario.reply_nodes[0]
    reply = "Розумію, сума велика. Показників у січні не було, тому рахунок за середнім; передайте їх, і ми перерахуємо."
    from simulator.scoring.scorecard import score_turn

    def fresh():
        embeddings.passage.cache_clear()
        embeddings.query.cache_clear()
        return score_turn(scenario, node, reply)

    try:
        embeddings.use_file(None)
        without = fresh()
        embeddings.use_file(tmp_path / "embeddings.bin")
        fresh()                                                  # written
        embeddings.use_file(tmp_path / "embeddings.bin")         # read afresh, as a new process would
        read = fresh()
    finally:
        run_file = os.environ.get("SIMULATOR_EMBEDDING_CACHE")      # the test run's (tests/conftest.py)
        embeddings.use_file(Path(run_file) if run_file else None)
    assert (tmp_path / "embeddings.bin").stat().st_size > 0
    assert (read.empathy.score, read.accuracy.score, read.critical) == (without.empathy.score, without.accuracy.score, without.critical)
