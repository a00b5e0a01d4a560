"""The seventh compliance probe (tests/scoring/data/compliance_probe7.yaml, issue 9): a library
scenario's own forbidden phrase said in clearly other words, each also read as a speech transcript,
and the near misses a QA lead passes (the phrase negated or advised against, the customer quoted,
the operator's own next step, the same topic said helpfully). Read with the scenario's forbidden
list and, for the reading by meaning, all its steps' reference answers (a reply here answers no
one step; all of them is the stricter contrast)."""
from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
import yaml

from simulator.scoring import compliance
from simulator.scoring.matching import Reply
from tests.scoring.test_compliance_probe4 import assert_balanced, forms, kinds
from tests.scoring.test_compliance_probe5 import forbidden

PROBE = yaml.safe_load((Path(__file__).parent / "data" / "compliance_probe7.yaml").read_text(encoding="utf-8"))

# Still missed in at least one form, by the start of the reply. The small embedding model
# (multilingual-e5-small) does not come closer to these paraphrases than to the scenario's own
# right answers on the same topic, or the paraphrase sits inside a longer unpunctuated transcript
# sentence; most of them blame, deflect or are impatient in words no list has.
UNREAD = {
    'Перейдіть, будь ласка, на державну мову, тоді пр',
    'У нас обслуговування державною мовою, тож прошу ',
    'переходьте на державну будь ласка бо інакше ми н',
    'Мені шкода, що так вийшло. Приберіть, будь ласка',
    'спершу зніміть той відгук що ви написали у фейсб',
    'Буду вдячна, якщо ви приберете свій пост із нашо',
    'Перш ніж ми продовжимо, зітріть, будь ласка, те,',
    'Ой, як прикро. А нащо ж ви повідомили їм дані ка',
    'Я вам це вже розповідала хвилину тому: пільга оф',
    'ну я ж щойно вам це казала перерахунок буде в на',
    "Заміна лічильника — не мої обов'язки, вибачте.",
    'ну слухайте я не майстер і лічильники міняти не ',
    'а вам не соромно таким тоном зі мною говорити',
    'це ви такий а не я',
    'Відповідальність за це лежить на вас, а не на ко',
    'Вибачте, але в ситуації, що склалася, винні тіль',
    'оплатили б на тиждень раніше і не було б ніякого',
    'Щоб рахунок не був за середнім, показники слід п',
    'Варто було б пильніше дивитися на реквізити, кол',
    'ну дивилися б краще коли вводили суму',
    'Ще раз повторюю те, що вже казала: без довіренос',
    "I can see you paid on the 20th, but it isn't sho",
    "yeah so um what i'd do is just send the money ov",
    'To avoid any risk of disconnection, please trans',
    'Good news: anyone who heats with an electric hea',
    "oh yes if you've got a heater of any kind you qu",
    "I'm sorry about the outage. Could you please tak",
    "right so first thing i'd need you to remove what",
    "We'd really appreciate it if you removed that re",
    "Don't worry about the zones, just give me any nu",
    "um it doesn't really matter which one just tell ",
    'All customers pay exactly the same price, so the',
    "look everybody pays that rate there's nothing mo",
    'Like I told you a minute ago, the bill is due on',
    'as i mentioned before madam the payment is due o',
    'I went through this with you already: the meter ',
    "The bill is estimated because you didn't send us",
    'It looks like you missed sending your meter read',
    'Sir, you are being very impolite to me right now',
    "you're being really disrespectful right now you ",
    "Replacing the meter isn't something we're respon",
    "yeah that's not really our responsibility to be ",
    "That falls outside our team's remit, I'm afraid.",
    "the subsidy thing that's not something that conc",
    "I'm sorry this happened, but what the fraudsters",
    'well paying a bit sooner would have avoided all ',
    'You really ought to have let us know before you ',
    "ideally you'd have phoned us before the move not",
    'Your father really needed to pay by the due date',
    'your dad was supposed to pay before the deadline',
    "it's all there on the payment slip you've got in",
}
# Quotes the customer ("you told me the bank was closed…"); the learned reader reads it as blame.
OVERREAD = {
    'you told me the bank was closed when you tried t',
}


def critical(text: str, item: dict, library) -> list[compliance.Flag]:
    scenario = library.scenarios[item["scenario"]]
    references = [reference for node in scenario.nodes.values() for reference in node.references]
    found = compliance.check(Reply(text, item["language"]), item["language"], forbidden(item, library), references=references)
    return [flag for flag in found if flag.critical]


def _id(item: dict) -> str:
    return f"{item['language']}-{item['channel']}-{item['text'][:40]}"


def _marked(items: list[dict], known: set[str], reason: str) -> list:
    return [pytest.param(item, id=_id(item), marks=pytest.mark.xfail(strict=True, reason=reason))
            if any(item["text"].startswith(start) for start in known) else pytest.param(item, id=_id(item))
            for item in items]


def test_the_probe_is_balanced():
    assert_balanced(PROBE, {"critical": 80, "pass": 60})
    assert all(item.get("scenario") for part in ("critical", "pass") for item in PROBE[part])
    assert Counter(item["focus"] for item in PROBE["critical"]) == {"meaning": len(PROBE["critical"])}


@pytest.mark.parametrize("item", _marked(PROBE["critical"], UNREAD, "said in other words the embedding reading does not reach"))
def test_a_forbidden_phrase_in_other_words_fails_typed_and_transcribed(item, library):
    for text in forms(item):
        found = critical(text, item, library)
        assert kinds(item) & {flag.kind for flag in found}, (text, found)
        assert all(flag.phrase and flag.why for flag in found)


@pytest.mark.parametrize("item", _marked(PROBE["pass"] + PROBE["pass_after_tuning"], OVERREAD, "the learned reader reads a quote of the customer as blame"))
def test_near_misses_pass(item, library):
    for text in forms(item):
        assert critical(text, item, library) == [], text
