"""Interface strings of learning from calls (issue 17): the branch map, why the customer
turned, rewinding a turn, the cohort's map and the practice plan, in Ukrainian and English
(merged into labels.py)."""

UK: dict[str, str] = {
    # the branch map
    "map_heading": "Карта розмови",
    "map_caption": "Усі шляхи, якими міг піти цей дзвінок. Синім — ваш шлях, зеленим пунктиром — шлях зразкових відповідей; "
    "біля кожного кроку — що ви сказали, оцінка і чому клієнт повів розмову саме туди.",
    "map_legend_you": "ваш шлях",
    "map_legend_reference": "шлях зразкових відповідей",
    "map_you_said": "Ви: {reply}",
    "map_score": "оцінка {score}",
    "map_visits": "×{count}",
    "map_download": "Завантажити карту (SVG, для друку)",
    "map_steps": "Крок за кроком",
    "map_step": "Крок {number}: {line}",
    "map_why": "Чому клієнт пішов туди: {reasons}",
    "map_left_path": "Тут ви зійшли зі шляху зразкових відповідей.",
    "map_unavailable": "Карту цього дзвінка не вдалося побудувати: версія сценарію, за якою його зіграно, більше не читається.",
    # rewinding a turn
    "rewind_turn": "Відповісти тут інакше",
    "rewind_help": "Тренувальний повтор: попередні репліки лишаються як були, ви відповідаєте на цю знову й ведете розмову далі. "
    "Оцінка цього дзвінка не зміниться, а повтор не враховується в результатах і готовності.",
    # why the customer turned
    "why_missing": "ви не сказали: {fact}",
    "why_said": "ви сказали: {fact}",
    "why_wrong": "ви сказали хибне: {fact}",
    "why_not_wrong": "без хибного твердження: {fact}",
    "why_critical": "критична помилка",
    "why_no_critical": "без критичних помилок",
    "why_below": "{metric} {value}, нижче за {limit}",
    "why_at_most": "{metric} {value}, не вище за {limit}",
    "why_above": "{metric} {value}, вище за {limit}",
    "why_at_least": "{metric} {value}, не нижче за {limit}",
    # the cohort's map
    "cohort_heading": "Де група сходить зі шляху",
    "cohort_caption": "Частка дзвінків, що дійшли до кроку й пішли кожною гілкою, і ключові факти, які там пропускали найчастіше. "
    "Повторні проходи з перемотуванням не враховано.",
    "cohort_scenario": "Сценарій",
    "cohort_calls": "Дзвінків: {count}",
    "cohort_none": "За цими фільтрами немає завершених дзвінків цього сценарію.",
    "map_reached": "дійшли: {count}",
    "map_missed": "пропускали: {fact} ({count})",
    "map_share": "{share} %",
}

EN: dict[str, str] = {
    "map_heading": "Call map",
    "map_caption": "Every way this call could have gone. Blue is your path, the green dashes the reference answers' path; "
    "each step shows what you said, the score, and why the customer took the call there.",
    "map_legend_you": "your path",
    "map_legend_reference": "the reference answers' path",
    "map_you_said": "You: {reply}",
    "map_score": "score {score}",
    "map_visits": "×{count}",
    "map_download": "Download the map (SVG, printable)",
    "map_steps": "Step by step",
    "map_step": "Step {number}: {line}",
    "map_why": "Why the customer went there: {reasons}",
    "map_left_path": "Here you left the reference answers' path.",
    "map_unavailable": "This call's map could not be drawn: the scenario version it was played on no longer loads.",
    "rewind_turn": "Answer this line again",
    "rewind_help": "A practice rerun: the lines before stay as they were, you answer this one again and carry on. "
    "This call's score does not change, and the rerun counts in no results or readiness.",
    "why_missing": "you did not say: {fact}",
    "why_said": "you said: {fact}",
    "why_wrong": "you said something wrong: {fact}",
    "why_not_wrong": "no wrong statement: {fact}",
    "why_critical": "a critical mistake",
    "why_no_critical": "no critical mistake",
    "why_below": "{metric} {value}, below {limit}",
    "why_at_most": "{metric} {value}, not above {limit}",
    "why_above": "{metric} {value}, above {limit}",
    "why_at_least": "{metric} {value}, at least {limit}",
    "cohort_heading": "Where the group leaves the path",
    "cohort_caption": "The share of the calls that reached a step going each way from it, and the key facts missed there most often. "
    "Rewound reruns are not counted.",
    "cohort_scenario": "Scenario",
    "cohort_calls": "Calls: {count}",
    "cohort_none": "No finished calls of this scenario within these filters.",
    "map_reached": "reached: {count}",
    "map_missed": "missed: {fact} ({count})",
    "map_share": "{share} %",
}
