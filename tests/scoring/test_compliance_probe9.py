"""The ninth compliance probe (tests/scoring/data/compliance_probe9.yaml, issue 9), rated before
any scorer read it, written from the gaps probe 8 named: half a library scenario's own forbidden
phrase said in other words (other word orders, the passive, polite requests used as demands, inside
long polite replies, transcripts with fillers), half the rubric's critical kinds in fresh wordings
(blame as a question, sarcasm, condescension, threats to end the call or cut the power, also
impersonal, discouraging a complaint to the regulator or the ombudsman, card data and codes asked
for); and the near misses a QA lead passes. Each reply is read typed and as a transcript, with its
scenario's forbidden list and all its steps' reference answers (as probes 7 and 8)."""
from __future__ import annotations

from collections import Counter
from pathlib import Path

import yaml

from tests.scoring.test_compliance_probe4 import assert_balanced
from tests.scoring.test_compliance_probe7 import probe_tests

PROBE = yaml.safe_load((Path(__file__).parent / "data" / "compliance_probe9.yaml").read_text(encoding="utf-8"))

# Missed in at least one form, by the start of the reply. Untuned (at a7629e4, the data's commit):
# 14 of 30 uk and 7 of 30 en. After session 15's second round (developed on probe 8's misses, probe
# 7 and the dev split; probe 9 run once after): 11 uk and 6 en. Left: a family's demand in words no
# rule has («давайте по-українському», «зняти той пост», «треба прибрати», «ближче до вечора», «без
# паніки», «такий у нас порядок», «так прописано в правилах», "give us a ring tomorrow", "head office
# rules", "find another number", "nothing to go into"), blame
# opened by «що ж ви…», sarcasm without «ну звісно» before it («Так-так, звісно…», «випарувалися
# дивовижа», "I suppose … vanished into thin air") and a threat with the power not given back.
# Session 16 (the reading by meaning: "why not …" is a suggestion, not a negation; each side of a
# joining word read alone; developed on probes 7-9): "make the payment a second time" now read (11 uk
# and 5 en left), and «давайте по-українському»
# read in the transcript (as written, «по-українському» is one word and the clause too short to read).
# Session 17 (the learned reader retrained on new rows and read by a sentence's whole critical share;
# probe 11 run once after): the sarcasm «гроші просто випарувалися дивовижа» now read (10 uk, 5 en left).
UNREAD = {
    'слухайте давайте по-українському бо інакше ми ні',
    'Дякую, що написали. Я вже передала ваше питання ',
    'і той ваш коментар під дописом його треба прибра',
    'зараз не можу подивитися ви краще наберіть нас б',
    'Давайте без паніки, зберіть думки докупи, і тоді',
    'Такий у нас порядок: розстрочок не оформлюємо, в',
    'ну так прописано в наших правилах і я тут нічого',
    'а що ж ви нам одразу не сказали що переїхали',
    'Так-так, звісно, рахунок сам по собі виріс, ніхт',
    'З таким ставленням вам світло можуть і взагалі н',
    "can you give us a ring tomorrow instead i can't ",
    "Head office rules say no instalments, and that's",
    "For outages you'll need to find another number; ",
    "it's the same rate for everyone there's really n",
    'Right, and I suppose the money just vanished into',
}
# Near misses the checker fails. Untuned and after: 0 uk, 2 en (a quoted question answered "no need", and the
# regulator route explained positively, read as discouraging it).
# The second passes since session 20 (lexicon.COMPLAINT_COSTS_NOTHING excuses the reader's reading).
OVERREAD = {
    'you asked if you should delete the comment no ne',
}


def test_the_probe_is_balanced():
    assert_balanced(PROBE, {"critical": 60, "pass": 50})
    assert all(item.get("scenario") for part in ("critical", "pass") for item in PROBE[part])
    assert Counter(item["focus"] for item in PROBE["critical"]) == {"phrase": 30, "kind": 30}


test_a_critical_reply_fails_typed_and_transcribed, test_near_misses_pass = probe_tests(
    PROBE, UNREAD, OVERREAD, "said in words neither the lists nor the reading by meaning reach")
