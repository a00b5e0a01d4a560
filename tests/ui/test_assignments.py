"""Assignments: a trainer assigns a scenario to a group or a trainee with a due date, sees
how many have done it (overdue in red), and removes it; the trainee's catalogue shows it."""
from __future__ import annotations

import datetime as dt

import pytest
from ui_helpers import app, open_page, play, shown, texts
from simulator.store.guard import SHELL


@pytest.fixture
def trainer(store):
    return store.user_by_username("demo-trainer")


def assignments_page(store, user):
    return open_page(app(store, user), "assignments")


def test_assign_to_a_group_with_a_due_date_the_trainee_sees_it_then_remove_it(store, library, trainee, other_trainee,
                                                                               trainer):
    title = library.get("uk-subsidies").title
    at = assignments_page(store, trainer)
    assert not at.exception
    assert at.button(key="assignment_form.submit").disabled                # nobody chosen yet
    at.selectbox(key="assignment_form.scenario").set_value("uk-subsidies")
    at.radio(key="assignment_form.kind").set_value("group")
    at.run()
    at.selectbox(key="assignment_form.group").set_value("demo")
    at.date_input(key="assignment_form.due").set_value(dt.date(2031, 5, 1))
    at.run()
    at.button(key="assignment_form.submit").click()
    at.run()
    assert not at.exception
    assert texts(at.success) == [f"Сценарій «{title}» призначено: група demo."]
    [assignment] = store.assignments(trainer)
    assert (assignment.scenario_id, assignment.group_name, assignment.user_id, assignment.due) == (
        "uk-subsidies", "demo", None, dt.date(2031, 5, 1))
    assert f"**{title}** · група demo · до 01.05.2031 · виконали 0 з 2" in texts(at.markdown)   # demo-trainee, olha

    catalogue = app(store, trainee).run()
    assert "призначено, до 01.05.2031" in shown(catalogue)

    at.button(key=f"assignment_list.remove.{assignment.id}").click()
    at.run()
    assert store.assignments(trainer) == []
    assert texts(at.success) == [f"Призначення «{title}» знято."]
    assert "Призначень ще немає." in texts(at.caption)
    assert "призначено, до 01.05.2031" not in shown(app(store, trainee).run())


def test_assign_to_one_trainee_a_past_due_date_refused_and_count_who_has_done_it(store, library, trainee, other_trainee, trainer):
    at = assignments_page(store, trainer)
    at.selectbox(key="assignment_form.scenario").set_value("en-payment-slip")
    at.selectbox(key="assignment_form.trainee").set_value(trainee.id)
    yesterday = dt.date.today() - dt.timedelta(days=1)
    at.date_input(key="assignment_form.due").set_value(yesterday)
    at.run()
    at.button(key="assignment_form.submit").click()
    at.run()
    assert texts(at.error) == [f"Термін {yesterday:%d.%m.%Y} уже минув. Виберіть сьогоднішню або пізнішу дату чи залиште термін порожнім."]
    assert store.assignments(trainer) == []                             # refused, and the form keeps what was chosen
    at.date_input(key="assignment_form.due").set_value(None)
    at.run()
    at.button(key="assignment_form.submit").click()
    at.run()
    [assignment] = store.assignments(trainer)
    assert (assignment.user_id, assignment.group_name, assignment.due) == (trainee.id, None, None)
    play(store, trainee, library, "en-payment-slip")
    at = assignments_page(store, trainer)
    row = next(m for m in texts(at.markdown) if library.get("en-payment-slip").title in m)
    assert row.endswith("Demo trainee (demo-trainee) · без терміну · виконали 1 з 1")


def test_an_overdue_assignment_is_in_red_until_everyone_has_done_it(store, library, trainee, trainer):
    store.assign(trainer, "en-outage", user_id=trainee.id, due=dt.date(2020, 1, 31))
    at = assignments_page(store, trainer)
    assert any(":red[**прострочено: до 31.01.2020**]" in m for m in texts(at.markdown))
    store.assign(trainer, "en-payment-slip", user_id=trainee.id, due=dt.date(2020, 1, 31))
    play(store, trainee, library, "en-payment-slip")
    at = assignments_page(store, trainer)
    done = next(m for m in texts(at.markdown) if library.get("en-payment-slip").title in m)
    assert "до 31.01.2020" in done and ":red[" not in done


def test_the_assignments_page_in_english(store, trainer):
    store.update_user(trainer.id, language="en", by=SHELL)
    store.assign(trainer, "en-outage", group="demo", due=dt.date(2031, 5, 20))
    at = assignments_page(store, trainer)
    assert texts(at.title) == ["Assignments"]
    assert "New assignment" in texts(at.subheader)
    assert any("group demo · due 20.05.2031 · done by 0 of 1" in m for m in texts(at.markdown))
    assert at.button(key="assignment_form.submit").label == "Assign"
