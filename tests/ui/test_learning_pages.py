"""Learning from calls in the app (issue 17): the practice plan on the catalogue and on a
trainee's report, the branch map on a scorecard and a turn rewound from it, and the group's
paths for trainers, in uk and en. One walk over the same calls: each app test pays for a
fresh database and library of its own, and the suite's time is counted."""
from __future__ import annotations

import base64

from ui_helpers import app, open_page, scenario_text, shown

from simulator.services.practice import PracticeSession
from simulator.store.guard import SHELL

NO_ACCOUNT = "Добрий день, мене звати Ірина. EIC-код — це код вашої точки обліку."       # the account number is not said
ACCOUNT_FACT = "особовий рахунок — номер, за яким клієнта ідентифікують і за яким він платить"


def drawings(at) -> list[str]:
    """The SVG maps on the page (shown as images, their data in the address)."""
    urls = [img.url for image in at.get("image") for img in image.proto.imgs]
    return [base64.b64decode(url.split(",", 1)[1]).decode() for url in urls if url.startswith("data:image/svg+xml;base64,")]


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


def test_plan_map_rewind_and_group_paths_in_both_languages(store, library, trainee, other_trainee):
    first, latest = missed_account(store, trainee, library)
    store.update_user(other_trainee.id, group="evening", by=SHELL)
    scenario = library.get("uk-payment-slip")
    good = PracticeSession.start(store, other_trainee, scenario, scenario_text(library, "uk-payment-slip"), "practice", seed=1)
    good.reply_text(scenario.nodes["opening"].references[0])
    good.abandon()

    hr = store.update_user(store.user_by_username("demo-hr").id, language="en", by=SHELL)
    at = open_page(app(store, hr), "trainee_report", user=trainee.id)          # HR: the trainee's plan, in English, no buttons
    page = shown(at)
    assert f"not said 2 times in a row: {ACCOUNT_FACT}" in page and "Practice plan:" in page
    assert not [b for b in at.button if (b.key or "").startswith("practice_plan.")]

    at = open_page(app(store, store.user_by_username("demo-trainer")), "paths")     # a trainer: where the group leaves the path
    at.selectbox(key="paths.scenario").set_value("uk-payment-slip").run()
    assert "Дзвінків: 3" in shown(at) and len(drawings(at)) == 1
    table = at.dataframe[0].value
    shares = dict(zip(table["Куди пішла розмова"], table["Частка"]))
    assert shares[scenario.nodes["asks-account"].customer[0]] == "67 %" and shares[scenario.nodes["due-date"].customer[0]] == "33 %"
    assert ACCOUNT_FACT in table["Пропускали найчастіше"].iloc[0]
    at.selectbox(key="readiness_filters.group").set_value("evening").run()
    assert "Дзвінків: 1" in shown(at)

    trainee = store.update_user(trainee.id, language="en", by=SHELL)                    # the trainee's scorecard: the map, in English
    before = store.attempt_detail(trainee, latest)
    at = open_page(app(store, trainee), "attempt", attempt=latest)
    page = shown(at)
    assert "Call map" in page and f"Why the customer went there: not said: {ACCOUNT_FACT}" in page
    assert "Here the call left the reference answers' path." in page and "Step 1" in page
    assert len(drawings(at)) == 1 and "this call's path" in drawings(at)[0] and "You: Добрий день" in drawings(at)[0]
    assert at.get("download_button")[-1].proto.label == "Download the map (SVG, printable)"
    at.button(key="branch_map.rewind.0").click().run()
    rerun = store.attempts(trainee, trainee.id, status="in_progress")[0]
    assert rerun.rerun_of == latest and store.attempt_detail(trainee, latest) == before
    assert f"A practice rerun of call no. {latest} from a rewound line" in shown(open_page(app(store, trainee), "attempt", attempt=rerun.id))

    trainee = store.update_user(trainee.id, language="uk", by=SHELL)                    # the catalogue: the plan, in Ukrainian
    at = app(store, trainee).run()
    page = shown(at)
    assert f"2 рази поспіль не назвали: {ACCOUNT_FACT}" in page and "Що написано в платіжці" in page
    drill = at.button(key="practice_plan.drill.0")
    assert drill.label == "Відповісти на цю репліку знову"
    drill.click().run()
    rerun = store.attempts(trainee, trainee.id, status="in_progress")[0]
    assert rerun.rerun_of == latest and store.attempt_detail(trainee, rerun.id).turns == []   # the line missed was the first

    at = open_page(app(store, trainee), "paths")                               # not for trainees
    assert "У вас немає доступу до цієї сторінки або цих даних." in shown(at) and not drawings(at)
