"""The ninth accuracy probe (tests/scoring/data/accuracy_probe9.yaml, issue 9): new replies to the
library's scenarios that say every key fact in other words (synonyms, passives, double negatives,
the party named differently, figures in words), give only the right gist without figures or the
party, and, as controls, state a wrong fact in other words or correct the customer with the wrong
fact's own words; rated by the rubric before the scorer ran on them, read on the rubric's scale as
probe 5 reads it."""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from tests.scoring.test_accuracy_probe5 import assert_balanced, assert_rated, cases

PROBE = yaml.safe_load((Path(__file__).parent / "data" / "accuracy_probe9.yaml").read_text(encoding="utf-8"))
PARAPHRASE = ("every key fact said in other words, but not every one earns full credit: closeness in meaning gives "
              "at most PLAIN_MEANING_CREDIT of a fact, so a reply whose facts are all paraphrased stays in the 1 band")
GIST = ("the right gist stated vaguely (no figures, no named party): no sentence comes close enough to a key fact "
        "in meaning to earn any credit, and closeness to the references alone stays below the 1 band")
WORDED = ("a wrong fact in other words beside right key facts: no clause comes closer to it than to the right "
          "things by accuracy.WRONG_MEANING_MARGIN, so it costs nothing")
MISSED = ("a wrong fact in other words as the whole reply: within WRONG_MEANING_MARGIN of the right things, so it "
          "costs nothing and closeness to the references lifts it into the 1 band")
KNOWN = {
    'Оскільки свіжих даних з лічильника ми не': PARAPHRASE,
    'Пільгову ціну отримують лише ті, в кого ': PARAPHRASE,
    'Сусідка не зовсім права: по 2,64 платять': PARAPHRASE,
    'Ваше прохання платити частинами я зафікс': PARAPHRASE,
    'Лічильник — це обладнання мережевої комп': PARAPHRASE,
    'Це не до нас, лічильниками займаються ін': GIST,
    'Заміну лічильника ми організуємо самі, н': MISSED,
    'Вимикаємо світло не ми: аварії та відклю': PARAPHRASE,
    'Ми тільки продаємо електроенергію, а под': GIST,
    'Назвіть номер вашого лицевого рахунку, і': PARAPHRASE,
    'Оплата вважається зарахованою того дня, ': PARAPHRASE,
    'EIC — це реквізити банку, за якими ви пе': MISSED,
    'Розмір субсидії встановлюємо не ми — це ': PARAPHRASE,
    'На жаль, збільшити субсидію ми не можемо': GIST,
    'Ніч — від 23-ї до 7-ї ранку. Найдорожчі ': PARAPHRASE,
    'Денні показники — це Т1, нічні — Т2, і п': PARAPHRASE,
    'Одне число для дня, інше для ночі, надси': GIST,
    'Раз заборгованість погашено до копійки, ': PARAPHRASE,
    'Ні, то були не наші працівники, а зловми': PARAPHRASE,
    'Схоже на обман, будьте обережні.': GIST,
    "It won't come back on by itself, I'm afr": PARAPHRASE,
    "You just pay the sum that's owed this mo": PARAPHRASE,
    "You don't need to pay both, Mr Hall, jus": GIST,
    "You'll need to pay the two amounts toget": MISSED,
    'We had no reading from you, so the syste': PARAPHRASE,
    "There's no reason you'll be stuck with t": PARAPHRASE,
    "There's a cheaper winter rate for homes ": GIST,
    "It's 2.64 per kWh for up to 2,000 kWh, a": WORDED,
    "I'll log your wish to pay in parts so it": PARAPHRASE,
    'Let me pass on your wish to split the pa': GIST,
    "That's not something we do ourselves: me": PARAPHRASE,
    "Meter swaps aren't handled by us, anothe": GIST,
    'Sure, one of our engineers can come out ': MISSED,
    "We don't control the power lines; cuts a": PARAPHRASE,
    "Power cuts are the network company's bus": GIST,
    'The recommended figure was never mandato': PARAPHRASE,
    "You didn't have to pay that much, but th": GIST,
    'We count a payment from the date the fun': PARAPHRASE,
    'At the top is the number of your custome': PARAPHRASE,
    "I'm afraid that's a government matter; w": GIST,
    "No, that call didn't come from us, it wa": PARAPHRASE,
}


def test_the_probe_is_balanced():
    assert_balanced(PROBE)


@pytest.mark.parametrize("item", cases(PROBE, KNOWN))
def test_each_reply_gets_the_qa_lead_s_rating(library, item):
    assert_rated(library, item)
