"""Accuracy: key facts said in full or in gist, negated and supposed facts, wrong facts.

The evidence a scorecard shows (``FactCheck``, ``AccuracyResult.to_dict``) keeps its
fields; what is new is added beside them: ``partial`` and ``credit`` on every fact, and
``gist`` (the wording whose gist was said) on a fact said without its figures.
"""
from __future__ import annotations

from types import SimpleNamespace

import pytest

from simulator.scenario.model import Fact, Node
from simulator.scoring import accuracy, feedback
from simulator.scoring.accuracy import FactCheck, check_fact
from simulator.scoring.hearing import Hearing
from simulator.scoring.matching import Reply, Wording


def node(key_facts: list[Fact], wrong_facts: list[Fact] = (), reference: str = "") -> Node:
    return Node(
        customer=["?"], references=[reference or "—"], key_facts=key_facts, wrong_facts=list(wrong_facts), next="end",
    )


TEN_DAYS = {
    "uk": Fact(id="ten-days", fact="попередження за 10 робочих днів", accept=["10 робочих днів", "десять робочих днів"]),
    "en": Fact(id="ten-days", fact="a warning 10 working days before", accept=["10 working days", "at least 10 days"]),
}
SEASON = {
    "uk": Fact(id="season", fact="з 1 жовтня по 30 квітня", accept=["з 1 жовтня", "по 30 квітня"]),
    "en": Fact(id="season", fact="from 1 October to 30 April", accept=["from 1 October", "to 30 April"]),
}
RECALC = {
    "uk": Fact(id="recalc", fact="буде перерахунок", accept=["перерахунок", "перерахуємо"]),
    "en": Fact(id="recalc", fact="the bill will be recalculated", accept=["be recalculated", "recalculate"]),
}


# --- partial credit: the gist without the figures ----------------------------------------------

GIST = [
    ("Попередження надійде протягом кількох робочих днів.", "uk", TEN_DAYS),
    ("Знижка діє з жовтня.", "uk", SEASON),
    ("We'll send a warning a few working days before.", "en", TEN_DAYS),
    ("The discount runs from October.", "en", SEASON),
]


@pytest.mark.parametrize(("reply", "lang", "facts"), GIST)
def test_the_gist_without_the_figures_earns_half(reply, lang, facts):
    check = check_fact(Reply(reply, lang), facts[lang], lang)
    assert (check.said, check.partial, check.credit) == (False, True, 0.5)
    assert check.wording is None and check.gist in facts[lang].accept
    d = check.to_dict()
    assert {"id", "fact", "said", "wording"} <= d.keys()
    assert (d["said"], d["partial"], d["credit"], d["gist"]) == (False, True, 0.5, check.gist)


@pytest.mark.parametrize(("reply", "lang"), [
    ("Попередження надійде за 10 робочих днів.", "uk"),
    ("Попередження надійде за десять робочих днів.", "uk"),
    ("We'll send a warning 10 working days before.", "en"),
    ("We'll send a warning ten working days before.", "en"),
])
def test_the_figure_said_earns_it_in_full(reply, lang):
    check = check_fact(Reply(reply, lang), TEN_DAYS[lang], lang)
    assert (check.said, check.partial, check.credit) == (True, False, 1.0)
    assert "gist" not in check.to_dict()


@pytest.mark.parametrize(("reply", "lang"), [
    ("Попередження надійде за 3 робочих дні.", "uk"),              # a wrong figure is no vague gist
    ("Попередження надійде за 14 робочих днів.", "uk"),
    ("Ми вам зателефонуємо.", "uk"),
    ("We'll send a warning 3 working days before.", "en"),
    ("We'll call you.", "en"),
])
def test_another_figure_or_nothing_earns_nothing(reply, lang):
    check = check_fact(Reply(reply, lang), TEN_DAYS[lang], lang)
    assert (check.said, check.partial, check.credit) == (False, False, 0.0)


@pytest.mark.parametrize("lang, full, vague, none", [
    ("uk", "Попередження надійде за 10 робочих днів.", "Попередження надійде за кілька робочих днів.", "Ми зателефонуємо."),
    ("en", "A warning comes 10 working days before.", "A warning comes some working days before.", "We'll call you."),
])
def test_the_gist_scores_between_nothing_and_the_fact(lang, full, vague, none):
    target = node([TEN_DAYS[lang]])
    scores = [accuracy.score(Reply(text, lang), target, lang).score for text in (full, vague, none)]
    assert scores[0] > scores[1] > scores[2]


def test_said_stays_what_branch_conditions_read(mini):
    """``said X`` reads ``said``: true only for a fact said in full, never for its gist."""
    opening = mini.nodes["opening"]
    full = accuracy.score(Reply("Рахунок порахували за середнім.", "uk"), opening, "uk")
    assert [(f.id, f.said, f.credit) for f in full.facts] == [("estimated", True, 1.0)]
    vague = accuracy.score(Reply("Попередження надійде протягом кількох робочих днів.", "uk"), node([TEN_DAYS["uk"]]), "uk")
    assert [(f.said, f.partial) for f in vague.facts] == [(False, True)]
    assert vague.to_dict()["facts"][0]["said"] is False


def test_a_reply_that_answers_nothing_and_offers_or_asks_instead_scores_zero():
    facts = node([RECALC["en"]], reference="Give me today's reading and we will recalculate the bill.")
    reply = Reply("Did you know you can give readings in the app? Give me your card number and I'll check the bill.", "en")
    result = accuracy.score(reply, facts, "en")
    assert result.score > 0        # close in words to the reference
    for instead in ("upsell", "secret"):
        gone = accuracy.off_topic(result, instead)
        assert gone.score == 0 and gone.instead == instead and gone.to_dict()["instead"] == instead
    assert accuracy.off_topic(result, "").score == result.score
    answered = accuracy.score(Reply("We'll recalculate it. By the way, did you know about the app?", "en"), facts, "en")
    assert accuracy.off_topic(answered, "upsell").score == answered.score    # a fact given: no upsell instead


def test_accuracy_result_keeps_its_keys():
    result = accuracy.score(Reply("Перерахунок буде.", "uk"), node([RECALC["uk"]]), "uk")
    assert set(result.to_dict()) == {"score", "facts", "wrong_facts", "similarity", "closest_reference", "invented"}
    assert {"id", "fact", "said", "wording", "partial", "credit"} <= set(result.to_dict()["facts"][0])


def test_a_fact_check_made_the_old_way_still_works():
    check = FactCheck("x", "a fact", True, "a wording")
    assert check.credit == 1.0 and not check.partial
    assert FactCheck("x", "a fact", False).credit == 0.0


# --- negated and supposed key facts ------------------------------------------------------------

@pytest.mark.parametrize(("reply", "lang", "said"), [
    ("Перерахунку не буде.", "uk", False),
    ("Якби знайшлася помилка, ми б зробили перерахунок.", "uk", False),
    ("Не хвилюйтеся, перерахунок буде.", "uk", True),
    ("There won't be a recalculation, the bill cannot be recalculated.", "en", False),
    ("If we found an error, we would recalculate.", "en", False),
    ("Don't worry, the bill will be recalculated.", "en", True),
])
def test_a_negated_or_supposed_key_fact_earns_nothing(reply, lang, said):
    check = check_fact(Reply(reply, lang), RECALC[lang], lang)
    assert check.said is said
    assert check.credit == (1.0 if said else 0.0)


NOT_HERS = {
    "uk": Fact(id="not-hers", fact="борг попереднього власника до вас не переходить", accept=["не переходить"]),
    "en": Fact(id="not-hers", fact="the previous owner's debt is not yours", accept=["not your debt"]),
}
SCAM = {
    "uk": Fact(id="scam", fact="дзвонили шахраї", accept=["шахраї"]),
    "en": Fact(id="scam", fact="it was a scam", accept=["a scam"]),
}
OVERPAY = Fact(id="overpayment", fact="the second payment stays on the account as an overpayment", accept=["overpayment"])
NAME = Fact(id="name", fact="the account is put in the new owner's name", accept=["in your name"])


@pytest.mark.parametrize(("reply", "lang", "fact", "said"), [
    # what a negated verb of saying introduces is not asserted, the negation before or after it
    ("Ми не можемо стверджувати, що це шахраї.", "uk", SCAM["uk"], False),
    ("На жаль, сказати, що борг до вас не переходить, я не можу.", "uk", NOT_HERS["uk"], False),
    ("I can't say it's a scam.", "en", SCAM["en"], False),
    ("I can't confirm that it's not your debt.", "en", NOT_HERS["en"], False),
    ("Можу сказати точно: це шахраї.", "uk", SCAM["uk"], True),
    ("I can confirm that it's not your debt.", "en", NOT_HERS["en"], True),
    # «би» reaches a past verb three words on
    ("Можливо, він би й не переходив до вас.", "uk", NOT_HERS["uk"], False),
    # "as" before a noun does not start a clause that escapes the negation
    ("It won't show as an overpayment either.", "en", OVERPAY, False),
    ("It shows as an overpayment on your account.", "en", OVERPAY, True),
    # a written clause of any length is the negation's scope; a transcript keeps its window
    ("Sorry, and we can't put the account in your name until the old debt is cleared.", "en", NAME, False),
    ("We'll put the account in your name from the day you bought the flat, with that day's reading.", "en", NAME, True),
])
def test_negated_reported_and_hypothetical_facts_are_not_said(reply, lang, fact, said):
    assert check_fact(Reply(reply, lang), fact, lang).said is said


@pytest.mark.parametrize(("reply", "lang", "fact"), [
    ("Обігрівачі, які вмикаються в розетку, на жаль, права на знижку не дають.", "uk",
     Fact(id="not-heaters", fact="обігрівачі в розетку не дають права на знижку", accept=["в розетку", "переносні обігрівачі"])),
    ("Portable heaters, unfortunately, do not qualify for the discount.", "en",
     Fact(id="not-heaters", fact="portable heaters do not qualify", accept=["portable heaters"])),
])
def test_a_negative_fact_is_said_by_a_negative_statement(reply, lang, fact):
    assert check_fact(Reply(reply, lang), fact, lang).said
    positive = fact.model_copy(update={"fact": fact.accept[0]})
    assert not check_fact(Reply(reply, lang), positive, lang).said


# --- wrong facts -------------------------------------------------------------------------------

WRONG = {
    "uk": [
        Fact(id="privat24", fact="показники можна передати через Приват24", accept=["показники через Приват24", "через Приват24"]),
        Fact(id="short-warning", fact="попередження до 10 днів", accept=["до 10 днів"]),
        Fact(id="old-price", fact="2,64 для всіх", accept=["2,64 для всіх"]),
    ],
    "en": [
        Fact(id="privat24", fact="readings can be sent through Privat24", accept=["through Privat24"]),
        Fact(id="tenth", fact="readings are accepted until the 10th", accept=["until the 10th", "by the 10th"]),
        Fact(id="old-price", fact="2.64 for everyone", accept=["2.64 for everyone"]),
    ],
}


@pytest.mark.parametrize(("reply", "lang"), [
    ("Приват24 показники вже не приймає, тому передайте їх у застосунку. Попередження — за 10 робочих днів, "
     "а ціна 2,64 лише для опалювальної знижки.", "uk"),
    ("You can no longer send readings through Privat24. They are accepted until the 3rd, and 2.64 is only for "
     "approved electric heating.", "en"),
])
def test_a_correct_reply_states_no_wrong_fact(reply, lang):
    result = accuracy.score(Reply(reply, lang), node([], WRONG[lang]), lang)
    assert result.wrong == []


@pytest.mark.parametrize(("reply", "lang", "stated"), [
    ("Передайте показники через Приват24. Попередження буде до 10 днів. Ціна 2,64 для всіх.", "uk",
     ["privat24", "short-warning", "old-price"]),
    ("Send them through Privat24 by the 10th. The price is 2.64 for everyone.", "en", ["privat24", "tenth", "old-price"]),
])
def test_wrong_statements_are_found(reply, lang, stated):
    result = accuracy.score(Reply(reply, lang), node([], WRONG[lang]), lang)
    assert [w.id for w in result.wrong] == stated
    assert result.to_dict()["wrong_facts"][0]["said"] is True


# --- scope of a negation, and saying the opposite of a key fact -------------------------------

@pytest.mark.parametrize("language, text", [
    ("uk", "розумію вас нікого сьогодні не відключать попередження надходить щонайменше за десять робочих днів до відключення"),
    ("en", "i understand nobody is switching you off today a warning comes at least 10 working days before any disconnection"),
])
def test_in_a_long_transcript_clause_a_far_negation_does_not_take_a_fact_back(language, text):
    assert check_fact(Reply(text, language), TEN_DAYS[language], language).said


@pytest.mark.parametrize("language, text", [
    ("uk", "Якби лічильник був несправний, ми б розібралися, але перерахунок буде після ваших показників."),
    ("en", "If the meter were faulty we would look into it, but you will be recalculated once your reading is in."),
])
def test_a_supposition_stops_at_but(language, text):
    assert check_fact(Reply(text, language), RECALC[language], language).said


@pytest.mark.parametrize("language, denial, condition", [
    ("uk", "Рахунок остаточний, перерахунку не буде.", "Якщо не передасте показники, перерахунку не буде."),
    ("en", "The bill is final, we will not recalculate it.", "If you don't send a reading, we can't recalculate it."),
])
def test_denying_a_key_fact_costs_like_a_wrong_fact_but_a_condition_does_not(language, denial, condition):
    facts = node([TEN_DAYS[language], RECALC[language]])
    said = {"uk": "Попередження надходить за 10 робочих днів. ", "en": "A warning comes 10 working days before. "}[language]
    denied = accuracy.score(Reply(said + denial, language), facts, language)
    conditional = accuracy.score(Reply(said + condition, language), facts, language)
    assert denied.facts[1].contradicted and denied.facts[1].to_dict()["contradicted"] is True
    assert not conditional.facts[1].contradicted and not conditional.facts[1].said
    assert denied.score < conditional.score


@pytest.mark.parametrize("language, promise, no_promise", [
    ("uk", "Попередження надходить за 10 робочих днів, і ми гарантуємо компенсацію.",
     "Попередження надходить за 10 робочих днів, компенсації, на жаль, не передбачено."),
    ("en", "A warning comes 10 working days before, and you'll get compensation.",
     "A warning comes 10 working days before; there is no compensation, sorry."),
])
def test_an_invented_promise_caps_accuracy_but_a_denied_one_does_not(language, promise, no_promise):
    made_up = accuracy.score(Reply(promise, language), node([TEN_DAYS[language]]), language)
    honest = accuracy.score(Reply(no_promise, language), node([TEN_DAYS[language]]), language)
    assert made_up.invented and made_up.score <= accuracy.INVENTED_CAP and made_up.to_dict()["invented"]
    assert honest.invented == [] and honest.score > made_up.score


@pytest.mark.parametrize("language, promise", [
    ("uk", "Попередження надходить за 10 робочих днів, а за незручності ми нарахуємо вам 200 гривень."),
    ("uk", "Попередження надходить за 10 робочих днів. Для вас знижка 10% на наступний місяць."),
    ("uk", "Попередження надходить за 10 робочих днів, а борг ми спишемо."),
    ("uk", "Попередження надходить за 10 робочих днів. Світло відновлять протягом двох годин."),
    ("uk", "Попередження надходить за 10 робочих днів, оплата в будь-якому банку без комісії."),
    ("en", "A warning comes 10 working days before, and as a goodwill gesture I'll credit you 100 UAH."),
    ("en", "A warning comes 10 working days before. You get a 10% discount next month."),
    ("en", "A warning comes 10 working days before, and the old debt will be written off."),
    ("en", "A warning comes 10 working days before. Power will be restored within two hours."),
    ("en", "A warning comes 10 working days before; paying at any bank is free of commission."),
    ("uk", "Попередження надходить за 10 робочих днів, а в липні вам автоматично повернуть різницю."),
    ("en", "A warning comes 10 working days before, and we'll refund the difference in July."),
])
def test_invented_credits_discounts_write_offs_and_restoration_times_cap_accuracy(language, promise):
    result = accuracy.score(Reply(promise, language), node([TEN_DAYS[language]]), language)
    assert result.invented and result.score <= accuracy.INVENTED_CAP


@pytest.mark.parametrize("language, text, reference", [
    ("uk", "Попередження надходить за 10 робочих днів, а за незручності ми нарахуємо компенсацію.",
     "За незручності ми нарахуємо компенсацію: попередження надходить за 10 робочих днів."),
    ("en", "A warning comes 10 working days before; power is restored within two hours.",
     "Power is restored within two hours; the warning comes 10 working days before."),
    ("uk", "Попередження надходить за 10 робочих днів, а переплату повернемо за заявою.",
     "Попередження надходить за 10 робочих днів; переплату повернемо за вашою заявою."),
])
def test_a_promise_the_situation_itself_makes_is_no_invention(language, text, reference):
    assert accuracy.score(Reply(text, language), node([TEN_DAYS[language]], reference=reference), language).invented == []


def test_money_taken_from_a_card_is_no_debt_written_off():
    assert accuracy.invented("Назвіть картку, з якої спишемо 648 грн.", "uk") == []


OVERPAID = {
    "uk": Fact(id="over", fact="друга оплата стане переплатою і зарахується в наступні платіжки", accept=["переплата", "наступних платіжок"]),
    "en": Fact(id="over", fact="the second payment becomes an overpayment that counts towards the next bill", accept=["overpayment", "next bill"]),
}
OLD_PRICE = Fact(id="old-price", fact="ціна 2,64", accept=["2,64"])


@pytest.mark.parametrize("language, vague, polite, wrong", [
    ("uk", "Не хвилюйтеся, ці гроші не зникнуть, вони підуть на оплату за наступні місяці.",
     "Добрий день, дякую, що звернулися, зараз я перевірю ваш рахунок.",
     "Не хвилюйтеся, гроші підуть на оплату наступних місяців за ціною 2,64."),
    ("en", "No need to worry, the money won't vanish, it'll just go towards what you owe later on.",
     "Hello, thanks for calling, let me check your account.",
     "No need to worry, the money will go towards later months at 2,64."),
])
def test_a_fact_said_vaguely_in_other_words_earns_part_of_its_credit(language, vague, polite, wrong):
    """The rubric: the right gist stated vaguely is partly right. A sentence close to the fact in
    meaning earns up to MEANING_CREDIT of it; courtesy earns nothing, nor does a reply that
    states a wrong fact."""
    facts = node([OVERPAID[language]], [OLD_PRICE])
    said_vaguely = accuracy.score(Reply(vague, language), facts, language)
    courtesy = accuracy.score(Reply(polite, language), facts, language)
    wrong_too = accuracy.score(Reply(wrong, language), facts, language)
    check = said_vaguely.facts[0]
    assert not check.said and not check.partial and 0 < check.credit <= accuracy.MEANING_CREDIT
    assert check.to_dict()["meaning"] == round(check.meaning, 2)
    assert courtesy.facts[0].credit == 0 and "meaning" not in courtesy.facts[0].to_dict()
    assert wrong_too.facts[0].credit == 0
    assert said_vaguely.score > courtesy.score


@pytest.mark.parametrize("language, supposed, stated", [
    ("uk", "Якби другий платіж дійшов, він би зарахувався в рахунок наступних місяців.",
     "Другий платіж зарахується в рахунок наступних місяців."),
    ("uk", "Якщо б гроші прийшли двічі, їх, напевно, врахували б у наступних місяцях.",
     "Гроші, що прийшли двічі, врахують у наступних місяцях."),
    ("en", "If the second payment arrived, it would go towards what you owe later on.",
     "The second payment will go towards what you owe later on."),
])
def test_a_supposed_gist_earns_no_credit(language, supposed, stated):
    """The rubric: a hypothetical mention is not a statement, so a sentence that only
    supposes the fact («якби…», "if… would") earns none of the credit a stated gist earns."""
    facts = node([OVERPAID[language]])
    assert Reply(supposed, language).supposes() and not Reply(stated, language).supposes()
    assert accuracy.score(Reply(supposed, language), facts, language).facts[0].credit == 0
    assert accuracy.score(Reply(stated, language), facts, language).facts[0].credit > 0


NIGHT = {
    "uk": Fact(id="night", fact="уночі на двозонному лічильнику ціна 2,16 грн за кВт·год", accept=["2,16", "два шістнадцять"]),
    "en": Fact(id="night", fact="the night price on a two-zone meter is 2.16 UAH per kWh", accept=["2.16", "two sixteen"]),
}
DAY = {
    "uk": Fact(id="day", fact="вдень ціна 4,32 грн", accept=["4,32", "чотири тридцять два"]),
    "en": Fact(id="day", fact="the day price is 4.32 UAH", accept=["4.32", "four thirty-two"]),
}


@pytest.mark.parametrize("language, other, vague", [
    ("uk", "Уночі на двозонному лічильнику ціна 1,44 грн за кВт·год, а вдень 4,32.",
     "Уночі на двозонному лічильнику ціна нижча, ніж удень, а вдень 4,32."),
    ("en", "The night price on a two-zone meter is 1.44 per kWh, and the day price 4.32.",
     "The night price on a two-zone meter is lower than in the day, and the day price 4.32."),
])
def test_other_figures_are_not_the_gist_said_vaguely(language, other, vague):
    """The rubric's partial credit is for the gist without the figures: a sentence that gives
    its own figure where the fact has one (1.44 for 2.16) earns no meaning credit; another key
    fact's figure in the same sentence (4.32) does not count against it."""
    facts = node([NIGHT[language], DAY[language]])
    assert accuracy.score(Reply(other, language), facts, language).facts[0].credit == 0
    assert accuracy.score(Reply(vague, language), facts, language).facts[0].credit > 0


# --- spoken replies: what the recording showed (scoring/hearing.py) -----------------------------

def test_a_verified_fact_counts_as_said_and_says_where_it_came_from():
    facts = node([TEN_DAYS["uk"], RECALC["uk"]])
    plain = accuracy.score(Reply("Ми надішлемо попередження.", "uk"), facts, "uk")
    heard = accuracy.score(Reply("Ми надішлемо попередження.", "uk"), facts, "uk", Hearing(verified={"ten-days"}))
    assert [f.said for f in heard.facts] == [True, False]
    assert heard.facts[0].heard == "verified" and heard.facts[0].to_dict()["heard"] == "verified"
    assert heard.score > plain.score


def test_an_unclear_fact_is_left_out_rather_than_missed():
    facts = node([TEN_DAYS["uk"], RECALC["uk"]])
    text = "Попередження надійде за 10 робочих днів."
    missed = accuracy.score(Reply(text, "uk"), facts, "uk")
    unclear = accuracy.score(Reply(text, "uk"), facts, "uk", Hearing(unclear={"recalc"}))
    assert unclear.facts[1].unclear and not unclear.facts[1].said
    assert unclear.score > missed.score
    everything_unclear = accuracy.score(Reply("…", "uk"), facts, "uk", Hearing(unclear={"recalc", "ten-days"}))
    nothing = accuracy.score(Reply("…", "uk"), facts, "uk")
    assert 0 < everything_unclear.score < 50 and nothing.score == 0


def test_the_transcript_outranks_the_hearing():
    """What the transcript states stands: a fact it says is not marked unclear, and one it
    contradicts is not rescued by the recording."""
    facts = node([RECALC["uk"]])
    said = accuracy.score(Reply("Ми зробимо перерахунок.", "uk"), facts, "uk", Hearing(unclear={"recalc"}))
    assert said.facts[0].said and not said.facts[0].heard
    denied = accuracy.score(Reply("Перерахунку не буде.", "uk"), facts, "uk", Hearing(verified={"recalc"}))
    assert denied.facts[0].contradicted and not denied.facts[0].said


def test_feedback_names_unclear_facts_apart_from_missed_ones():
    from simulator.scoring.scorecard import score_turn
    from simulator.library.loader import load_text
    from tests.conftest import MINI

    scenario, _ = load_text(MINI, "mini")
    node_id = scenario.start_node
    fact = scenario.nodes[node_id].key_facts[0]
    turn = score_turn(scenario, node_id, "Добрий день.", hearing=Hearing(unclear={fact.id}))
    assert any(fact.fact in line and "чітко" in line for line in turn.feedback)
    assert not any(line.startswith("Не прозвучало") and fact.fact in line for line in turn.feedback)


# --- reversed responsibility: the party a fact names, said with «лише» / "only" ---------------

DSO = {
    "uk": Fact(id="dso", fact="лічильник замінює ДТЕК Київські електромережі", accept=["ДТЕК Київські електромережі"]),
    "en": Fact(id="dso", fact="DTEK Kyiv Electric Networks replaces meters", accept=["DTEK Kyiv Electric Networks"]),
}
REVERSED = [
    ("uk", "Лічильник замінимо ми самі, а ДТЕК Київські електромережі потім лише опломбує його.",
     "Лічильник замінює ДТЕК Київські електромережі, лише вони мають на це право."),
    ("en", "DTEK Kyiv Electric Networks only sends us the paperwork; our team replaces meters.",
     "Meters are replaced by DTEK Kyiv Electric Networks, only they can do it."),
]


@pytest.mark.parametrize("language, reversed_, stated", REVERSED)
def test_a_responsibility_given_a_lesser_role_is_reversed_not_stated(language, reversed_, stated):
    facts = node([DSO[language]])
    wrong = accuracy.score(Reply(reversed_, language), facts, language)
    assert wrong.facts[0].reversed and wrong.facts[0].contradicted and not wrong.facts[0].said
    assert wrong.score < 20 and wrong.to_dict()["facts"][0]["reversed"]
    right = accuracy.score(Reply(stated, language), facts, language)
    assert right.facts[0].said and not right.facts[0].reversed


def test_only_a_party_fact_can_be_reversed():
    """«лише» after a price restricts the price, not a party's role."""
    price = Fact(id="price", fact="знижка 2,64 для електроопалення", accept=["знижка 2,64"])
    result = accuracy.score(Reply("Знижка 2,64 лише для електроопалення за проєктом.", "uk"), node([price]), "uk")
    assert result.facts[0].said


@pytest.mark.parametrize("language, elsewhere", [
    ("uk", "Вам треба звернутися до Укренерго, відключення у вашому будинку — це їхня справа."),
    ("en", "You need to call Ukrenergo, outages in your building are their job."),
])
def test_a_sentence_naming_another_party_is_not_the_gist(language, elsewhere):
    fact = {"uk": Fact(id="dso", fact="відключеннями займається оператор системи розподілу ДТЕК Київські електромережі",
                       accept=["ДТЕК Київські електромережі"]),
            "en": Fact(id="dso", fact="outages are handled by the grid operator DTEK Kyiv Electric Networks",
                       accept=["DTEK Kyiv Electric Networks"])}[language]
    check = accuracy.score(Reply(elsewhere, language), node([fact]), language).facts[0]
    assert check.credit == 0 and not check.meaning


# --- a key fact's figures said in other words -------------------------------------------------

@pytest.mark.parametrize("language, fact, said, not_said", [
    ("uk", Fact(id="price", fact="для неї діє звичайна ціна 4,32", accept=["ціна 4,32", "звичайна ціна"]),
     "Тому вам рахують звичайні чотири гривні тридцять дві копійки.", "Тому вам рахують не чотири гривні тридцять дві."),
    ("en", Fact(id="price", fact="the discounted price is 2.64 UAH per kWh", accept=["2.64 per kilowatt-hour", "discounted price 2.64"]),
     "With the discount you pay two sixty-four for each unit.", "With the discount you'd pay two sixty-four if it applied."),
])
def test_a_facts_figures_with_its_words_in_other_wording_say_it(language, fact, said, not_said):
    assert accuracy.score(Reply(said, language), node([fact]), language).facts[0].said
    assert not accuracy.score(Reply(not_said, language), node([fact]), language).facts[0].said


def test_a_small_number_alone_is_not_a_facts_figure():
    days = Fact(id="days", fact="a payment can take up to 3 banking days", accept=["3 banking days"])
    text = "To find your payment I need the three numbers on the back of the card."
    assert not accuracy.score(Reply(text, "en"), node([days]), "en").facts[0].said


# --- the accuracy probe: replies to library scenarios rated by the rubric ---------------------

def test_the_probe_ranks_full_above_partial_above_none():
    """tests/scoring/data/accuracy_probe.yaml (written before the scorer changed): the mean
    score of each rating is ordered, in both languages."""
    from pathlib import Path

    import yaml

    from simulator.library.loader import load_library
    from tests.conftest import SCENARIOS

    library = load_library(SCENARIOS)
    items = yaml.safe_load((Path(__file__).parent / "data" / "accuracy_probe.yaml").read_text(encoding="utf-8"))
    for language in ("uk", "en"):
        means = {}
        for rating in ("full", "partial", "none"):
            scores = []
            for item in items:
                if item["rating"] != rating or not item["scenario"].startswith(language):
                    continue
                scenario = library.get(item["scenario"])
                node_ = scenario.nodes[scenario.reply_nodes[0]]
                scores.append(accuracy.score(Reply(item["reply"], language), node_, language).score)
            means[rating] = sum(scores) / len(scores)
        assert means["full"] > means["partial"] + 15 > means["none"] + 25, (language, means)


def test_a_plain_paraphrase_earns_more_meaning_credit_than_a_negated_sentence():
    """Close in meaning, stated plainly: up to PLAIN_MEANING_CREDIT; a sentence with a negation
    (possibly the denial) keeps MEANING_CREDIT."""
    fact = Fact(id="x", fact="the overpayment counts towards the next bill", accept=["counts towards the next bill"])
    plain = FactCheck("x", fact.fact, False, meaning=1.0, plain=True)
    negated = FactCheck("x", fact.fact, False, meaning=1.0)
    assert plain.credit == accuracy.PLAIN_MEANING_CREDIT > negated.credit == accuracy.MEANING_CREDIT
    said = accuracy.score(Reply("The money you paid extra goes towards what you owe later on.", "en"), node([fact]), "en")
    denied = accuracy.score(Reply("The money you paid extra does not go towards what you owe later on.", "en"), node([fact]), "en")
    assert said.facts[0].plain and not denied.facts[0].plain


# --- a wrong fact said in other words (issue 9, probes 7 and 8) -----------------------------

_BY_MEANING = {
    "uk": (Fact(id="avg", fact="рахунок виставлено за середнім, бо показники не надійшли", accept=["за середнім"]),
           Fact(id="rise", fact="ціна зросла цього місяця", accept=["ціна зросла"]),
           "Показники від вас не надійшли, тому рахунок виставили за середнім споживанням. Передайте показники, і ми зробимо перерахунок."),
    "en": (Fact(id="avg", fact="the bill was estimated from average consumption because no reading arrived", accept=["estimated"]),
           Fact(id="rise", fact="the price went up this month", accept=["price went up"]),
           "We didn't receive your reading, so the bill was estimated from your average consumption. Give me a reading and it will be corrected."),
}


@pytest.mark.parametrize("language, wrong, correct, correction, supposed", [
    ("uk", "Тарифи в цьому місяці підняли, тому й сума у вас більша.",
     "Рахунок виставили за середнім, бо показники від вас не надійшли.",
     "Ціна не змінювалася: рахунок виставили за середнім, бо показники не надійшли.",
     "Якби тарифи підняли, сума була б більшою."),
    ("en", "Tariffs were raised this month, so your bill is bigger.",
     "The bill was estimated from your average consumption because no reading arrived.",
     "The price hasn't changed: the bill was estimated because no reading arrived.",
     "If tariffs had been raised, the bill would be bigger."),
])
def test_a_wrong_fact_in_other_words_costs_but_a_correction_or_a_supposition_does_not(language, wrong, correct, correction, supposed):
    """A clause closer in meaning to the node's wrong fact than to anything right (courtesy, the key
    facts, the reference answers' clauses) states it: partly right at best, and less costly than a
    wording (no branch condition reads it). The right answer, a correction that names the wrong
    fact's topic, and a supposition state nothing wrong."""
    key, rise, reference = _BY_MEANING[language]
    facts = Node(customer=["?"], references=[reference], key_facts=[key], wrong_facts=[rise], next="end")
    found = accuracy.score(Reply(wrong, language), facts, language)
    assert [f.id for f in found.meant] == ["rise"] and found.wrong == [] and found.score <= accuracy.INVENTED_CAP
    assert found.to_dict()["wrong_by_meaning"][0]["by_meaning"]
    shown = feedback.turn(SimpleNamespace(accuracy=found, flags=[], overall=50.0, empathy=SimpleNamespace(notes=[], helped=[], hurt=[]),
                                          time=SimpleNamespace(seconds=10, target=20, band="on_target")), language)
    assert any(found.meant[0].sentence in line and rise.fact in line for line in shown), shown   # the trainee sees which words, and why
    for text in (correct, correction, supposed):
        assert accuracy.score(Reply(text, language), facts, language).meant == [], text
    assert accuracy.score(Reply(correct, language), facts, language).score >= 75


@pytest.mark.parametrize("language, reply, wording", [
    ("uk", "Те, що борг ще видно, не означає, що оплати не було.", "оплати не було"),
    ("en", "A debt showing doesn't mean that you didn't pay.", "you didn't pay"),
])
def test_a_wrong_fact_under_it_does_not_mean_is_not_stated(language, reply, wording):
    assert not Reply(reply, language).states(Wording.of(wording, language))
