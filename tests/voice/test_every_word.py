"""A key fact checked against a very unclear Ukrainian recording counts only when every
content word of its wording is heard (verify.Verifier.absent_word): a mean over the wording's
tokens let a word that was said («показники», «напишіть») carry one that was not. The two
replies below are other scenarios' reference answers, in the hearing benchmark's trainee
voice, that gained a fact that way when Ukrainian was decoded greedily (beam 1) by a recogniser
on one thread, as the hearing benchmark ran it.

espeak-ng's output depends on what the process said before (a take of the same line differs from
the 64th sample on), and with it what the recogniser writes and which placement a wording gets.
So the second foil is heard from two kept takes (lossless, as rendered): one where the rule holds,
and one where it does not yet: there «від вас» is heard as «обидва» (mean log-probability -6.3,
above ABSENT_HEARD), and 2 of 10 fresh takes in one process went that way. The unit test pins the
rule itself."""
from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from simulator.library.loader import load_library
from simulator.scoring.accuracy import check_fact
from simulator.scoring.matching import Reply
from simulator.voice import asr, audio, speech, tts, verify
from tests.voice.test_reading import ROOT, VOICE

FOILS = [
    ("uk-two-zone-readings", "channels", "here",
     "Добрий день, YASNO, мене звати Софія. Прикро, що так вийшло, але гроші не загубляться, я все перевірю. "
     "Напишіть, будь ласка, номер вашого особового рахунку, щоб я побачила обидва платежі."),
    ("uk-russian-speaking-caller", "mixed-up", "both",
     "Мені шкода, що сума вас неприємно здивувала. У січні від вас не надійшли показники, тому рахунок виставили "
     "за середнім споживанням. Передайте, будь ласка, актуальні показники, і ми зробимо перерахунок."),
]
TAKES = Path(__file__).parent / "fixtures"     # takes of the second foil (uk-both-foil-*.flac)


@pytest.fixture(scope="module")
def one_thread(voice_environment):
    model = asr.FasterWhisperTranscriber("base", gate=asr.Gate(parallel=2, max_waiting=8))    # 2 cores / 2: one thread
    model.load()
    return model


def _samples(text: str) -> np.ndarray:
    return audio.decode(tts.synthesize(text, VOICE), audio.Limits())


def _not_credited(model, samples, scenario_id, node_id, fact_id):
    scenario = load_library(ROOT / "scenarios").get(scenario_id)
    heard = speech.hear(scenario, node_id, samples, model)
    assert fact_id not in heard.hearing.verified, (heard.scores, heard.transcript.text)  # ("not heard clearly" is no credit)


def test_a_word_said_does_not_carry_a_word_not_said(one_thread):
    scenario_id, node_id, fact_id, said = FOILS[0]
    _not_credited(one_thread, _samples(said), scenario_id, node_id, fact_id)


@pytest.mark.parametrize("take", [
    "refused",
    pytest.param("credited", marks=pytest.mark.xfail(
        strict=True, reason="«від вас» heard as «обидва»: the word's mean log-probability (-6.3) is above ABSENT_HEARD")),
])
def test_a_take_of_the_second_foil_does_not_carry_a_word_not_said(one_thread, take):
    samples = audio.decode((TAKES / f"uk-both-foil-{take}.flac").read_bytes(), audio.Limits())
    _not_credited(one_thread, samples, *FOILS[1][:3])


def test_the_spoken_reference_keeps_the_fact_the_foil_lost(one_thread):
    scenario = load_library(ROOT / "scenarios").get("uk-russian-speaking-caller")
    node = scenario.nodes["mixed-up"]
    heard = speech.hear(scenario, "mixed-up", _samples(node.references[0]), one_thread)
    credited = heard.hearing.verified | {f.id for f in node.key_facts
                                         if check_fact(Reply(heard.transcript.text, "uk"), f, "uk").said}
    assert "both" in credited, heard.scores


def test_absent_word_names_the_unsupported_content_word(base):
    verifier = verify.verifier(base.verifier_model(), "uk")
    tokens = verifier._tokens("напишіть показники")
    words = [verifier._token_text(t) for t in tokens]
    split = next(i for i, w in enumerate(words) if i and w.startswith(" "))
    heard = np.array([-1.0] * split + [-9.7] * (len(tokens) - split))
    assert verifier.absent_word(tokens, heard, heard - 0.1).strip() == "показники"
    assert verifier.absent_word(tokens, heard, heard - 2.0) == ""       # the recording adds much: said, if faintly
    assert verifier.absent_word(tokens, np.full(len(tokens), -1.0), np.full(len(tokens), -9.0)) == ""
    short = verifier._tokens("за 10")       # a short word and a figure are never "absent"
    assert verifier.absent_word(short, np.full(len(short), -12.0), np.full(len(short), -12.0)) == ""
