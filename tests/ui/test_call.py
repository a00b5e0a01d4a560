"""The call page on the chat channel, and what every channel shares: practice feedback, hints,
silence, hanging up, exam mode, and a call resumed after a refresh."""
from __future__ import annotations

from ui_helpers import app, open_page, play, shown, texts

from simulator.services.practice import PracticeSession, ResumeError
from simulator.store import DatabaseUnavailable, demo

SCENARIO = "en-payment-slip"        # chat, four replies on the straight path


def start(store, user, mode: str = "practice"):
    at = app(store, user).run()
    at.button(key=f"scenario_card.{SCENARIO}.{mode}").click()
    return at.run()


def current_node(at, store, user, library) -> str:
    attempt = store.attempts(user, user.id)[0]
    detail = store.attempt_detail(user, attempt.id)
    scenario = library.get(SCENARIO)
    shown_lines = shown(at)
    for node_id, node in scenario.nodes.items():
        if not node.is_end and any(line in shown_lines for line in node.customer) and \
                node_id not in [t.node_id for t in detail.turns]:
            return node_id
    raise AssertionError("no unanswered customer line on the page")


def reply(at, text: str):
    at.chat_input[0].set_value(text)
    return at.run()


def test_a_chat_reply_is_scored_with_its_evidence_and_saved_at_once(store, library, trainee):
    at = start(store, trainee)
    scenario = library.get(SCENARIO)
    assert scenario.persona.name in shown(at)
    reference = scenario.nodes["opening"].references[0]
    reply(at, reference)
    assert not at.exception
    feedback = at.expander[-1]
    assert feedback.label == "Оцінка відповіді 1"
    assert [m.label for m in feedback.metric] == ["Загалом", "Точність", "Емпатія", "Час"]
    evidence = "\n".join(texts(feedback.markdown))
    assert "Ключові факти: 2 з 2" in evidence
    assert "«personal account number»" in evidence
    assert "Найближча еталонна відповідь:" in evidence
    saved = store.attempt_detail(trainee, store.attempts(trainee, trainee.id)[0].id).turns
    assert [(t.index, t.reply) for t in saved] == [(0, reference)]


def test_a_weak_reply_shows_what_was_missed_and_a_better_answer(store, trainee):
    at = reply(start(store, trainee), "I don't know, it's all written on the slip.")
    feedback = at.expander[-1]
    evidence = "\n".join(texts(feedback.markdown))
    assert "Ключові факти: 0 з 2" in evidence and "не прозвучало" in evidence
    assert "Критична помилка: заборонена фраза" in " ".join(texts(feedback.error))
    assert texts(feedback.info)     # the closest reference answer


def test_a_hint_on_request_in_practice_mode(store, library, trainee):
    at = start(store, trainee)
    at.button(key=[b.key for b in at.button if b.key and b.key.endswith(".hint")][0]).click()
    at.run()
    assert f"**Підказка:** {library.get(SCENARIO).nodes['opening'].hint}" in texts(at.info)


def test_nothing_to_say_counts_as_silence_and_the_customer_asks_again(store, library, trainee):
    at = start(store, trainee)
    at.button(key=[b.key for b in at.button if b.key and b.key.endswith(".silence")][0]).click()
    at.run()
    assert "(мовчання)" in shown(at)
    assert any(prompt in shown(at) for prompt in library.get(SCENARIO).silence_prompt)
    saved = store.attempt_detail(trainee, store.attempts(trainee, trainee.id)[0].id).turns
    assert [t.silent for t in saved] == [True]


def test_hanging_up_after_a_reply_is_confirmed_then_scored_as_it_stands(store, library, trainee):
    at = reply(start(store, trainee), library.get(SCENARIO).nodes["opening"].references[0])
    at.button(key=[b.key for b in at.button if b.key and b.key.endswith(".end")][0]).click()
    at.run()
    assert "Дзвінок буде оцінено таким, як він є зараз (відповідей: 1)" in texts(at.warning)[0]
    at.button(key=[b.key for b in at.button if b.key and b.key.endswith(".end_yes")][0]).click()
    at.run()
    assert texts(at.error)[0].startswith("Не зараховано:")
    assert "Дзвінок завершився без вирішення: дзвінок перервано." in shown(at)
    attempt = store.attempts(trainee, trainee.id)[0]
    assert attempt.status == "abandoned" and attempt.overall is not None     # scored: readiness counts it


def test_a_whole_chat_call_ends_on_the_scorecard(store, library, trainee):
    at = start(store, trainee)
    scenario = library.get(SCENARIO)
    for _ in range(scenario.max_turns):
        if at.chat_input:
            reply(at, scenario.nodes[current_node(at, store, trainee, library)].references[0])
    assert not at.exception
    assert at.query_params["attempt"]
    assert texts(at.success)[0].startswith("Зараховано:")
    assert [m.label for m in at.metric][:4] == ["Загалом", "Точність", "Емпатія", "Час"]


def test_exam_mode_shows_nothing_until_the_end(store, library, trainee):
    at = start(store, trainee, mode="exam")
    scenario = library.get(SCENARIO)
    reply(at, scenario.nodes["opening"].references[0])
    assert not at.metric and [e.label for e in at.expander] == ["Про що дзвінок"]
    assert "Ключові факти" not in shown(at)
    assert not [b for b in at.button if b.key and b.key.endswith(".hint")]
    for _ in range(scenario.max_turns):
        if at.chat_input:
            reply(at, scenario.nodes[current_node(at, store, trainee, library)].references[0])
    assert texts(at.success)[0].startswith("Зараховано:")     # the scorecard, at the end
    assert at.metric


def test_a_refresh_resumes_the_call_where_it_was(store, library, trainee):
    at = start(store, trainee)
    reference = library.get(SCENARIO).nodes["opening"].references[0]
    reply(at, reference)
    attempt_id = int(at.query_params["attempt"])
    again = open_page(app(store, trainee), "call", attempt=attempt_id)     # a new browser session
    assert reference in shown(again)
    assert again.expander[-1].label == "Оцінка відповіді 1"
    reply(again, library.get(SCENARIO).nodes["due-date"].references[0])
    assert len(store.attempt_detail(trainee, attempt_id).turns) == 2


def test_the_call_page_without_a_call_points_to_the_catalogue(store, trainee):
    at = open_page(app(store, trainee), "call")
    assert texts(at.info) == ["Дзвінка ще немає. Виберіть сценарій у каталозі."]


def test_replies_wait_while_the_database_is_away_and_are_saved_when_it_returns(store, library, trainee, monkeypatch):
    """Every store call of a rerun fails (the log-in check too): the call goes on, the trainee is
    told how many replies wait, and they are saved in order once the database is back."""
    at = start(store, trainee)
    scenario = library.get(SCENARIO)
    attempt_id = int(at.query_params["attempt"])
    away = [True]
    save_turn, session_user = store.save_turn, demo.session_user

    def unless_away(real):
        def call(*args, **kwargs):
            if away[0]:
                raise DatabaseUnavailable("connection refused: the database is away")   # as the store says it
            return real(*args, **kwargs)
        return call

    monkeypatch.setattr(store, "save_turn", unless_away(save_turn))
    monkeypatch.setattr(demo, "session_user", unless_away(session_user))
    reply(at, scenario.nodes["opening"].references[0])
    assert not at.exception
    assert texts(at.warning) == ["Відповідей, що ще чекають на збереження: 1. База даних зараз недоступна; відповіді "
                                 "збережено в цьому вікні й буде записано, щойно вона повернеться. Не закривайте вкладку."]
    assert any(line in shown(at) for line in scenario.nodes["due-date"].customer)    # the call moved on
    reply(at, scenario.nodes["due-date"].references[0])
    assert texts(at.warning)[0].startswith("Відповідей, що ще чекають на збереження: 2.")
    away[0] = False
    assert store.attempt_detail(trainee, attempt_id).turns == []
    at.button(key="pending_save.retry").click()
    at.run()
    assert texts(at.success) == ["Базу даних знову доступно: усі відповіді збережено."] and not at.warning
    assert [t.node_id for t in store.attempt_detail(trainee, attempt_id).turns] == ["opening", "due-date"]


def test_an_action_the_database_cannot_answer_is_said_once_without_a_rerun_loop(store, trainee, monkeypatch):
    at = start(store, trainee)

    def unreachable(self):
        raise DatabaseUnavailable("connection refused")

    monkeypatch.setattr(PracticeSession, "silence", unreachable)
    at.button(key=[b.key for b in at.button if b.key and b.key.endswith(".silence")][0]).click()
    at.run()
    assert not at.exception
    assert texts(at.error) == ["База даних зараз недоступна, тож цю дію не виконано. Дзвінок збережено до останньої "
                               "відповіді; спробуйте ще раз за хвилину."]


def test_a_finished_call_opened_again_points_to_its_result(store, library, trainee):
    finished = play(store, trainee, library, SCENARIO)
    at = open_page(app(store, trainee), "call", attempt=finished.attempt_id)
    assert texts(at.warning) == ["Цей дзвінок уже завершено (можливо, його почали знову в іншому вікні)."]
    at.button(key="call.open_scorecard").click()
    at.run()
    assert texts(at.success)[0].startswith("Зараховано:")


def test_a_call_that_no_longer_replays_asks_to_start_again(store, library, trainee, monkeypatch):
    open_call = play(store, trainee, library, SCENARIO, replies=1)

    def stale(*args, **kwargs):
        raise ResumeError("turn 0 does not replay as it was saved")

    monkeypatch.setattr(PracticeSession, "resume", stale)
    at = open_page(app(store, trainee), "call", attempt=open_call.attempt_id)
    assert texts(at.warning)[0].startswith("Цей дзвінок не вдається продовжити")
