"""Every library scenario spoken and heard back: reference answers said by the project's own
TTS, transcribed by the default model (Whisper base, the scenario's language forced, the
node's vocabulary as hints), then scored like a typed reply. A rude reply goes through the
same steps with the same hints, to show the vocabulary prompt does not invent key facts
(a prompt of whole reference answers did: see simulator/voice/speech.hints).

Figures are printed and written to test-artifacts/round_trip.json. The asserted floors are
the product's promises, set below what was measured (see the closing notes and docs/voice.md):
English transcripts keep most key facts; Ukrainian synthetic speech is hard for base, so its
character error rate is reported and held under a ceiling, and scoring must still tell a
spoken reference from a spoken rude reply.
"""
from __future__ import annotations

import json
import re
from pathlib import Path

from rapidfuzz.distance import Levenshtein

from simulator.scenario.loader import load_library
from simulator.scoring.accuracy import check_fact
from simulator.scoring.matching import Reply
from simulator.scoring.scorecard import score_turn
from simulator.voice import tts
from simulator.voice.speech import hints

ROOT = Path(__file__).resolve().parents[2]
TRAINEE = {"uk": tts.VoiceSpec("uk", gender="male"), "en": tts.VoiceSpec("en", gender="male")}
RUDE = {"uk": "Що тут незрозумілого? Читайте платіжку і не морочте мені голову.",
        "en": "What's so hard to understand? Read your bill and stop wasting my time."}


def _plain(text: str) -> str:
    return " ".join(re.findall(r"[^\W_]+", text.lower().replace("’", "'")))


def _cer(reference: str, heard: str) -> float:
    reference, heard = _plain(reference), _plain(heard)
    return Levenshtein.distance(reference, heard) / max(1, len(reference))


NODES_PER_SCENARIO = 2  # every scenario, its first two replies: about 80 transcriptions


def test_every_scenario_round_trip(base):
    library = load_library(ROOT / "scenarios")
    rows = []
    for scenario in library.scenarios.values():
        rude_wav = tts.synthesize(RUDE[scenario.language], TRAINEE[scenario.language])
        for node_id in scenario.reply_nodes[:NODES_PER_SCENARIO]:
            node = scenario.nodes[node_id]
            reference = node.references[0]
            vocabulary = hints(scenario, node_id)
            heard = base.transcribe(tts.synthesize(reference, TRAINEE[scenario.language]), scenario.language, vocabulary)
            # the rude reply gets the same vocabulary prompt: the prompt must not put the facts in its mouth
            rude_text = base.transcribe(rude_wav, scenario.language, vocabulary).text
            said = [f.id for f in node.key_facts if check_fact(Reply(reference, scenario.language), f, scenario.language).said]
            kept = [f.id for f in node.key_facts if f.id in said and check_fact(Reply(heard.text, scenario.language), f, scenario.language).said]
            rows.append({
                "scenario": scenario.id, "node": node_id, "language": scenario.language,
                "reference": reference, "heard": heard.text, "cer": round(_cer(reference, heard.text), 3),
                "facts_said": len(said), "facts_kept": len(kept),
                "spoken_reference": round(score_turn(scenario, node_id, heard.text).overall, 1),
                "spoken_rude": round(score_turn(scenario, node_id, rude_text).overall, 1),
                "rude_facts": sum(check_fact(Reply(rude_text, scenario.language), f, scenario.language).said for f in node.key_facts),
            })
    report = {}
    for language in ("uk", "en"):
        mine = [r for r in rows if r["language"] == language]
        report[language] = {
            "replies": len(mine),
            "key_facts_kept": round(sum(r["facts_kept"] for r in mine) / max(1, sum(r["facts_said"] for r in mine)), 3),
            "mean_cer": round(sum(r["cer"] for r in mine) / len(mine), 3),
            "reference_beats_rude": round(sum(r["spoken_reference"] > r["spoken_rude"] for r in mine) / len(mine), 3),
            "facts_put_in_rude_mouth": sum(r["rude_facts"] for r in mine),
        }
    out = ROOT / "test-artifacts" / "round_trip.json"
    out.parent.mkdir(exist_ok=True)
    out.write_text(json.dumps({"summary": report, "rows": rows}, ensure_ascii=False, indent=1), encoding="utf-8")
    print(f"\nround trip: {json.dumps(report)}\n(details in {out})")

    assert report["en"]["key_facts_kept"] >= 0.75, report
    assert report["en"]["mean_cer"] <= 0.25, report
    assert report["uk"]["mean_cer"] <= 0.65, report        # synthetic Ukrainian is hard for base
    for language in ("uk", "en"):
        assert report[language]["reference_beats_rude"] >= 0.85, report
        assert report[language]["facts_put_in_rude_mouth"] == 0, report
