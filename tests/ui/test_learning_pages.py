"""Learning from calls in the app (issue 17): the practice plan on the catalogue and on a
trainee's report, the branch map on a scorecard, and a turn rewound from it (uk and en)."""
from __future__ import annotations

from ui_helpers import app, open_page, scenario_text, shown

from simulator.practice import PracticeSession

NO_ACCOUNT = "Добрий день, мене звати Ірина. EIC-код — це код вашої точки обліку."       # the account number is not said
ACCOUNT_FACT = "особовий рахунок — номер, за яким клієнта ідентифікують і за яким він платить"


def missed_account(store, user, library, times=2):
    """Practice calls at uk-payment-slip whose first reply leaves out the account number, ended there."""
    scenario = library.get("uk-payment-slip")
    attempts = []
    for _ in range(times):
        practice = PracticeSession.start(store, user, scenario, scenario_text(library, "uk-payment-slip"), "practice", seed=1)
        practice.reply_text(NO_ACCOUNT)
        practice.abandon()
        attempts.append(practice.attempt_id)
    return attempts


def test_the_plan_proposes_the_missed_line_again_with_its_reason_and_hr_sees_it_too(store, library, trainee):
    first, latest = missed_account(store, trainee, library)
    hr = store.user_by_username("demo-hr")
    store.update_user(hr.id, language="en")
    at = open_page(app(store, hr), "trainee_report", user=trainee.id)      # HR, in English, without buttons
    page = shown(at)
    assert f"2 times in a row you did not say: {ACCOUNT_FACT}" in page and "Practice plan:" in page
    assert not [b for b in at.button if (b.key or "").startswith("practice_plan.")]

    at = app(store, trainee).run()                                          # the trainee's catalogue, in Ukrainian
    page = shown(at)
    assert f"2 рази поспіль не назвали: {ACCOUNT_FACT}" in page and "Що написано в платіжці" in page
    drill = at.button(key="practice_plan.drill.0")
    assert drill.label == "Відповісти на цю репліку знову"
    drill.click().run()
    rerun = store.attempts(trainee, trainee.id, status="in_progress")[0]
    assert rerun.rerun_of == latest and rerun.scenario_id == "uk-payment-slip"
    assert store.attempt_detail(trainee, rerun.id).turns == []       # the line missed was the first: nothing before it


def test_the_scorecard_shows_the_branch_map_with_reasons_and_rewinds_a_turn_in_english(store, library, trainee):
    trainee = store.update_user(trainee.id, language="en")
    original = missed_account(store, trainee, library, times=1)[0]
    before = store.attempt_detail(trainee, original)
    at = open_page(app(store, trainee), "attempt", attempt=original)
    page = shown(at)
    assert "Call map" in page and f"Why the customer went there: you did not say: {ACCOUNT_FACT}" in page
    assert "Here you left the reference answers' path." in page
    drawing = at.get("html")[0].proto.body
    assert drawing.startswith("<svg") and "your path" in drawing and "Step 1" in page
    assert at.get("download_button")[0].proto.label == "Download the map (SVG, printable)"
    at.button(key="branch_map.rewind.0").click().run()
    rerun = store.attempts(trainee, trainee.id, status="in_progress")[0]
    assert rerun.rerun_of == original and store.attempt_detail(trainee, original) == before
