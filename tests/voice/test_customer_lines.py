"""Every line the customer may say is rendered when the call starts, so none waits for espeak-ng
when the call reaches it."""
from __future__ import annotations

from pathlib import Path

from simulator.call import customer_behaviour
from simulator.library.loader import load_library
from simulator.voice import customer_lines, tts

ROOT = Path(__file__).resolve().parents[2]


def test_every_line_is_ready_before_the_call_reaches_it(monkeypatch, tmp_path):
    monkeypatch.setenv("SIMULATOR_TTS_CACHE", str(tmp_path))   # a cache of its own: no earlier test's files or threads
    monkeypatch.setattr(customer_lines, "_STARTED", {})
    tts.clear_memory_cache()
    scenario = load_library(ROOT / "scenarios").get("en-three-zone-readings")
    said = [line for line, _ in customer_lines.lines(scenario)]
    assert set(scenario.silence_prompt) <= set(said)
    assert set(customer_behaviour.of(scenario).interrupt) | set(customer_behaviour.of(scenario).cut_in) <= set(said)
    assert all(line in said for node in scenario.nodes.values() for line in node.customer)
    customer_lines.prepare(scenario).join(timeout=120)
    assert customer_lines.prepare(scenario).is_alive() is False      # once per scenario: the same finished thread

    def no_espeak(*args, **kwargs):
        raise AssertionError("rendered during the call")

    monkeypatch.setattr(tts, "_render", no_espeak)
    tts.clear_memory_cache()        # from the disk cache, as another server process would
    for line, mood in customer_lines.lines(scenario):
        assert customer_lines.seconds(customer_lines.customer_audio(scenario, line, mood)) > 0.3
