"""Interface strings about what a field may hold and about logging in, in Ukrainian and English
(merged into labels.py). ``field_<name>``: the name of each field of simulator.user_text.LIMITS
and UPLOAD_BYTES, as the message about its limit says it."""

UK: dict[str, str] = {
    "too_long": "Поле «{field}» задовге (символів: {length}, найбільше можна: {limit}). Скоротіть текст.",
    "too_big": "{file}: файл завеликий ({size}, найбільше можна: {limit}), його не прочитано.",
    "field_reply": "Відповідь",
    "field_comment": "Коментар",
    "field_note": "Примітка",
    "field_full_name": "Повне ім'я",
    "field_group": "Група",
    "field_username": "Ім'я користувача",
    "field_password": "Пароль",
    "field_scenario_id": "Id сценарію",
    "field_title": "Назва",
    "field_persona_name": "Ім'я клієнта",
    "field_situation": "Ситуація",
    "field_search": "Пошук",
    "field_scenario_text": "Текст сценарію",
    "field_scenario": "Файл сценарію",
    "field_trainees_csv": "CSV-файл",
    "admin_unlock": "Розблокувати вхід",
    "admin_unlock_help": "Знімає всі обмеження після невдалих спроб входу до цього облікового запису, з усіх адрес.",
    "admin_unlocked": "Вхід для {username} розблоковано (знято обмежень: {count}).",
}

EN: dict[str, str] = {
    "too_long": "“{field}” is too long ({length} characters, at most {limit}). Please shorten it.",
    "too_big": "{file}: the file is too big ({size}, at most {limit}); it was not read.",
    "field_reply": "Reply",
    "field_comment": "Comment",
    "field_note": "Note",
    "field_full_name": "Full name",
    "field_group": "Group",
    "field_username": "Username",
    "field_password": "Password",
    "field_scenario_id": "Scenario id",
    "field_title": "Title",
    "field_persona_name": "Customer's name",
    "field_situation": "Situation",
    "field_search": "Search",
    "field_scenario_text": "Scenario text",
    "field_scenario": "Scenario file",
    "field_trainees_csv": "CSV file",
    "admin_unlock": "Unlock logging in",
    "admin_unlock_help": "Lifts every limit that failed logins put on this account, from every address.",
    "admin_unlocked": "Logging in is unlocked for {username} ({count} limits lifted).",
}
