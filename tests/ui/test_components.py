"""Components on their own (AppTest.from_function), with data shaped as the services give it."""
from __future__ import annotations

from streamlit.testing.v1 import AppTest
from ui_helpers import TIMEOUT, texts

from simulator.scoring.scorecard import score_turn
from simulator.scoring.marks import points


def feedback_of(score: dict, language: str = "uk") -> AppTest:
    def script(score, language):
        from simulator.ui.components import turn_feedback
        from simulator.texts.labels import Labels

        turn_feedback.render(score, Labels(language))

    return AppTest.from_function(script, args=(score, language), default_timeout=TIMEOUT).run()


def test_turn_feedback_shows_the_evidence_of_a_reply(library):
    scenario = library.get("en-payment-slip")
    reply = "The due date is the end of the month. Sorry, I understand. Please send the IBAN from the internet."
    score = score_turn(scenario, "due-date", reply, seconds=200).to_dict()
    at = feedback_of(score)
    assert [m.value for m in at.metric] == [f"{points(score['overall'])}", f"{points(score['accuracy']['score'])}",
                                            f"{points(score['empathy']['score'])}", f"{points(score['time']['score'])}"]
    evidence = "\n".join(texts(at.markdown))
    facts = score["accuracy"]["facts"]
    assert f"Ключові факти: {sum(f['said'] for f in facts)} з {len(facts)}" in evidence
    assert all(f["fact"] in evidence for f in facts)
    assert [w.value.split(".")[0] for w in at.warning] == [f"Хибний факт: {w['fact']}" for w in score["accuracy"]["wrong_facts"]]
    assert "200 с при нормі 90 с (набагато довше за норму)." in evidence
    assert texts(at.info) == [score["accuracy"]["closest_reference"]]


def test_turn_feedback_names_the_sentence_close_to_a_fact_it_credits_in_part(library):
    scenario = library.get("en-payment-slip")
    reply = "You pay it to the account details printed on the slip, before the deadline it shows."
    score = score_turn(scenario, "due-date", reply).to_dict()
    close = [f for f in score["accuracy"]["facts"] if f.get("meaning")]
    assert close and not any(f["said"] or f["partial"] for f in close)      # no wording, no gist: only the meaning
    evidence = "\n".join(texts(feedback_of(score, "en").markdown))
    for fact in close:
        assert f"{fact['fact']} — close in meaning but vague (\"{fact['sentence']}\"): {round(100 * fact['credit'])}%" in evidence


def test_turn_feedback_names_the_words_that_sound_like_a_wrong_fact(library):
    """A wrong fact said in other words: the warning quotes the trainee's words and the fact, in both languages."""
    for scenario_id, reply, language, label in [
        ("uk-payment-slip", "Особовий рахунок — угорі платіжки, за ним вас ідентифікують. А EIC — це номер рахунку, "
                            "на який треба переказувати гроші.", "uk", "Схоже на хибний факт іншими словами"),
        ("en-abusive-caller", "I'd ask you to keep it free of insults. The rates were raised in December, so that's why "
                              "it's higher; give me your account number and I'll check the charge.", "en",
         "This reads like a wrong fact in other words"),
    ]:
        score = score_turn(library.get(scenario_id), "opening", reply).to_dict()
        meant = score["accuracy"]["wrong_by_meaning"]
        assert meant and score["accuracy"]["wrong_facts"] == []
        warnings = texts(feedback_of(score, language).warning)
        assert any(w.startswith(label) and meant[0]["sentence"] in w and meant[0]["fact"] in w for w in warnings), warnings


def test_turn_feedback_flags_a_critical_mistake_in_english(library):
    scenario = library.get("en-payment-slip")
    score = score_turn(scenario, "opening", "Please tell me the code from the SMS and your card number.").to_dict()
    at = feedback_of(score, "en")
    assert any(e.startswith("Critical mistake: asking for card details, a PIN or an SMS code") for e in texts(at.error))


def test_the_language_switch_before_login_keeps_the_choice_in_the_session():
    def script():
        import streamlit as st

        from simulator.ui import session
        from simulator.ui.components import language_switch

        language_switch.render(None, session.labels(None))
        st.write(session.language(None))

    at = AppTest.from_function(script, default_timeout=TIMEOUT).run()
    assert texts(at.markdown) == ["uk"]
    at.segmented_control[0].set_value("en")
    at.run()
    assert texts(at.markdown) == ["en"]
    assert at.session_state["ui.language_chosen"] is True


def test_the_catalogue_filters_offer_only_what_the_library_has(library):
    def script(ids):
        import streamlit as st

        from simulator.library.loader import load_library
        from simulator.ui.components import catalogue_filters
        from simulator.texts.labels import Labels

        scenarios = [s for s in load_library().scenarios.values() if s.id in ids]
        chosen = catalogue_filters.render(scenarios, Labels("en"))
        st.write(", ".join(sorted(s.id for s in scenarios if catalogue_filters.matches(s, chosen))))

    ids = ["en-payment-slip", "uk-subsidies"]
    at = AppTest.from_function(script, args=(ids,), default_timeout=TIMEOUT).run()
    assert at.selectbox(key="catalogue_filters.channel").options == ["all", "chat"]
    assert at.selectbox(key="catalogue_filters.category").options == ["all", "payment slip", "subsidies"]
    at.selectbox(key="catalogue_filters.language").set_value("uk")
    at.run()
    assert "uk-subsidies" in at.markdown[0].value and "en-payment-slip" not in at.markdown[0].value
