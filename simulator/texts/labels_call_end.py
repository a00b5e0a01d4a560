"""Interface strings of the end of a call (ending it, the customer's last words, what to do
next) and of an assignment's due date, in Ukrainian and English (merged into labels.py)."""

UK: dict[str, str] = {
    # ending a call
    "end_confirm_question": "Завершити дзвінок зараз?",
    "end_confirm_unscored": "Ви ще нічого не відповіли клієнтові: дзвінок буде записано як перерваний, без оцінки, "
    "і він не враховуватиметься в результатах і готовності.",
    "end_confirm_scored": "Дзвінок буде оцінено таким, як він є зараз (відповідей: {replies}); незавершений дзвінок не зараховується.",
    "end_confirm_exam": "Це іспит: завершений зараз, він зараховується як спроба, не складена, з оцінкою за "
    "відповіді, які вже є (відповідей: {replies}; без жодної — 0 балів). Новий іспит не скасовує цей.",
    "exam_left_unfinished": "Іспит залишено незавершеним: він зараховується як не складений, з 0 балів.",
    "exam_restart_counts": "Новий дзвінок за цим сценарієм залишить іспит незавершеним: він зарахується як не складений, з 0 балів.",
    "end_confirm_yes": "Так, завершити",
    "end_confirm_no": "Продовжити дзвінок",
    "ended_unscored": "Дзвінок завершено до першої відповіді: він не оцінюється і не враховується в результатах і готовності.",
    # the end of the call
    "closing_heading": "Кінець дзвінка",
    "try_again": "Спробувати ще раз",
    "next_suggested": "Наступний сценарій: {title}",
    "next_suggested_help": "Запропоновано за вашими призначеннями, темою цього дзвінка та тим, що ви ще не склали.",
    "scenario_not_offered": "Цей сценарій зараз не пропонується для тренування.",
    # assignments
    "assigned_overdue": "прострочено: було до {due}",
    "assign_due_past": "Термін {due} уже минув. Виберіть сьогоднішню або пізнішу дату чи залиште термін порожнім.",
}

EN: dict[str, str] = {
    "end_confirm_question": "End the call now?",
    "end_confirm_unscored": "You have not answered the customer yet: the call will be recorded as abandoned, with no score, "
    "and will not count in your results or readiness.",
    "end_confirm_scored": "The call will be scored as it stands now (replies: {replies}); a call left unfinished does not pass.",
    "end_confirm_exam": "This is an exam: ended now, it counts as an attempt, not passed, scored on the replies "
    "given so far (replies: {replies}; with none, 0 points). Starting a new exam does not cancel this one.",
    "exam_left_unfinished": "This exam was left unfinished: it counts as not passed, with 0 points.",
    "exam_restart_counts": "A new call at this scenario leaves the exam unfinished: it will count as not passed, with 0 points.",
    "end_confirm_yes": "Yes, end it",
    "end_confirm_no": "Keep talking",
    "ended_unscored": "The call was ended before the first reply: it is not scored and does not count in results or readiness.",
    "closing_heading": "End of the call",
    "try_again": "Try again",
    "next_suggested": "Next scenario: {title}",
    "next_suggested_help": "Suggested from your assignments, this call's topic and what you have not passed yet.",
    "scenario_not_offered": "This scenario is not offered for practice at the moment.",
    "assigned_overdue": "overdue: was due {due}",
    "assign_due_past": "The due date {due} has already passed. Choose today or a later date, or leave it empty.",
}
