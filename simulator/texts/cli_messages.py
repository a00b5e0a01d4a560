"""What the command line says of its own (`python -m simulator ...`), in Ukrainian and English:
a table per command, keyed by language then code (``PLAY``, ``VALIDATE``) or by code then
language (the rest), each looked up by the command named; a command says them in the language
of its ``--labels`` (Ukrainian by default), ``play`` and ``score`` in the scenario's. What the
app says too (a refusal of the store, a category's name) is not here but in the labels."""
from __future__ import annotations

# what `python -m simulator play` and `score` say around a call, in the scenario's language
PLAY: dict[str, dict[str, str]] = {
    "uk": {
        "situation": "Ситуація", "customer": "Клієнт", "you": "Ви", "turn": "Оцінка репліки",
        "accuracy": "точність", "empathy": "емпатія", "time": "час", "overall": "загалом",
        "scorecard": "Підсумок дзвінка", "outcome": "Результат", "prompt": "Ваша відповідь (порожній рядок — мовчання, Ctrl+D — завершити)",
        "hint": "Підказка",
        "voice_prompt": "Шлях до аудіофайлу з вашою відповіддю (порожній рядок — мовчання, Ctrl+D — завершити)",
    },
    "en": {
        "situation": "Situation", "customer": "Customer", "you": "You", "turn": "Reply score",
        "accuracy": "accuracy", "empathy": "empathy", "time": "time", "overall": "overall",
        "scorecard": "Call scorecard", "outcome": "Outcome", "prompt": "Your reply (empty line = silence, Ctrl+D = hang up)",
        "hint": "Hint",
        "voice_prompt": "Path of the audio file with your reply (empty line = silence, Ctrl+D = hang up)",
    },
}

# what `python -m simulator validate` says after the problems (its --labels)
VALIDATE: dict[str, dict[str, str]] = {
    "uk": {"warning": "попередження", "valid": "файлів сценаріїв без помилок: {valid} з {files}"},
    "en": {"warning": "warning", "valid": "{valid} of {files} scenario files valid"},
}

# `python -m simulator audit` (simulator.cli.audit)
AUDIT: dict[str, dict[str, str]] = {
    "not_a_date": {"en": "'{text}' is not a date (2026-12-01), a time (2026-12-01T08:00) or days back (7d)",
                   "uk": "«{text}» — не дата (2026-12-01), не час (2026-12-01T08:00) і не кількість днів тому (7d)"},
    "entries": {"en": "{count} entries", "uk": "записів: {count}"},
    "entry": {"en": "1 entry", "uk": "записів: 1"},
}

# `python -m simulator users ...` (simulator.cli.users)
USERS: dict[str, dict[str, str]] = {
    "prompt": {"en": "New password: ", "uk": "Новий пароль: "},
    "prompt_again": {"en": "Again: ", "uk": "Ще раз: "},
    "passwords_differ": {"en": "the two passwords differ", "uk": "паролі не збігаються"},
    "no_password": {"en": "no password given: use --password, the prompt, or one line on standard input",
                    "uk": "пароль не задано: дайте --password, введіть його на запит або першим рядком стандартного "
                          "входу"},
    "no_user": {"en": "no user '{username}'", "uk": "користувача «{username}» немає"},
    "created": {"en": "created {role} {username}", "uk": "створено: {username} ({role})"},
    "not_utf8": {"en": "{file} is not UTF-8 text: save it as CSV UTF-8",
                 "uk": "{file} — не текст UTF-8: збережіть його як «CSV UTF-8»"},
    "cannot_read": {"en": "cannot read {file}: {reason}", "uk": "не вдалося прочитати {file}: {reason}"},
    "imported": {"en": "{where}: created {username}, first password: {password}",
                 "uk": "{where}: створено {username}, перший пароль: {password}"},
    "import_summary": {"en": "{created} created, {failed} failed", "uk": "створено: {created}, з помилкою: {failed}"},
    "password_changed": {"en": "password of {username} changed", "uk": "пароль {username} змінено"},
    "waits_lifted": {"en": "{count} wait(s) lifted for {username}", "uk": "знято очікувань для {username}: {count}"},
    "deactivated": {"en": "deactivated {username}", "uk": "деактивовано {username}"},
    "deactivated_mark": {"en": "  (deactivated)", "uk": "  (деактивовано)"},
}

# `python -m simulator readiness` (simulator.cli.reports)
READINESS: dict[str, dict[str, str]] = {
    "future": {"en": "--as-of {as_of} is in the future (today is {today} UTC)",
               "uk": "--as-of {as_of} — це майбутнє (сьогодні {today} за UTC)"},
    "xlsx_terminal": {"en": "an Excel workbook is not for the terminal: give a file name, or redirect the output",
                      "uk": "книгу Excel не виводять у термінал: дайте ім'я файлу або перенаправте вивід"},
    "no_group": {"en": "no group '{group}' (groups: {groups})", "uk": "групи «{group}» немає (групи: {groups})"},
    "who": {"en": "cannot tell who you are: pass --as USERNAME (an HR or admin account)",
            "uk": "не вдалося визначити, хто ви: дайте --as ІМ'Я (обліковий запис HR або адміністратора)"},
    "no_viewer": {"en": "no user '{username}': pass --as USERNAME with an active HR or admin account",
                  "uk": "користувача «{username}» немає: дайте --as ІМ'Я активного облікового запису HR або "
                        "адміністратора"},
    "not_reader": {"en": "'{username}' is not an active HR or admin account ({role})",
                   "uk": "«{username}» — не активний обліковий запис HR або адміністратора ({role})"},
    "deactivated": {"en": ", deactivated", "uk": ", деактивований"},
    "cannot_write": {"en": "cannot write {path}: {reason}", "uk": "не вдалося записати {path}: {reason}"},
    "stdout": {"en": "standard output", "uk": "стандартний вивід"},
    "wrote": {"en": "wrote {where} ({format}): {total} trainees, {ready} ready ({share}) as of {as_of}",
              "uk": "записано {where} ({format}): стажерів {total}, готові {ready} ({share}) станом на {as_of}"},
}

# every command that opens the database (simulator.cli.database)
DATABASE: dict[str, dict[str, str]] = {
    "database_problem": {"en": "database problem: {reason}", "uk": "проблема з базою даних: {reason}"},
}

# the scenarios, play, score, models and bench commands (simulator.cli), in SIMULATOR_CLI_LANGUAGE
COMMANDS: dict[str, dict[str, str]] = {
    "no_folder": {"en": "scenario folder {folder} does not exist (use --scenarios DIR)",
                  "uk": "папки сценаріїв {folder} немає (дайте --scenarios ПАПКА)"},
    "nothing_to_play": {"en": "there are no valid scenarios to play (run `python -m simulator scenarios validate`)",
                        "uk": "немає сценаріїв без помилок, щоб зіграти (запустіть `python -m simulator scenarios "
                              "validate`)"},
    "choose": {"en": "Оберіть сценарій / choose a scenario (1-{count}): ", "uk": "Оберіть сценарій (1-{count}): "},
    "none_chosen": {"en": "no scenario chosen", "uk": "сценарій не обрано"},
    "not_found": {"en": "not found: {paths}", "uk": "не знайдено: {paths}"},
    "tested": {"en": "{valid} of {files} scenario files valid; {misses} expectation(s) missed",
               "uk": "файлів сценаріїв без помилок: {valid} з {files}; не справдилося очікувань: {misses}"},
    "skipped": {"en": "skipped: {problem}", "uk": "пропущено: {problem}"},
    "replies_ran_out": {"en": "note: the replies ran out before the call ended (at node '{node}'); the call counts as "
                              "abandoned",
                        "uk": "примітка: репліки скінчилися раніше за дзвінок (на вузлі «{node}»); дзвінок "
                              "зараховано як перерваний"},
    "cannot_write_lines": {"en": "cannot write the customer's lines to {folder}: {reason}",
                           "uk": "не вдалося записати репліки клієнта в {folder}: {reason}"},
    "no_node": {"en": "scenario {scenario} has no node '{node}' that takes a reply (nodes: {nodes})",
                "uk": "у сценарії {scenario} немає вузла «{node}», що чекає на відповідь (вузли: {nodes})"},
    "json_line": {"en": "{where}: a JSON line needs \"text\" (a string) and may have \"id\"",
                  "uk": "{where}: рядок JSON має містити \"text\" (рядок) і може містити \"id\""},
    "replies_missing": {"en": "replies file {path} not found", "uk": "файлу відповідей {path} не знайдено"},
    "replies_not_utf8": {"en": "replies file {path} is not UTF-8 text",
                         "uk": "файл відповідей {path} — не текст UTF-8"},
    "model_card": {"en": "model card written to {path}", "uk": "картку моделі записано в {path}"},
    "no_bench": {"en": "the bench/ folder is not importable: run this from the project folder",
                 "uk": "папку bench/ не вдалося імпортувати: запустіть команду з папки проєкту"},
}

# `python -m simulator eval judging|hearing` (simulator.cli.eval), in SIMULATOR_CLI_LANGUAGE
EVAL: dict[str, dict[str, str]] = {
    "no_split": {"en": "no situations of split '{split}' in {folder}",
                 "uk": "у {folder} немає ситуацій вибірки «{split}»"},
    "no_scenario": {"en": "no scenario {ids} in {folder}", "uk": "у {folder} немає сценарію {ids}"},
    "no_scenario_in": {"en": "no scenario {ids} in {folder} in {language}",
                       "uk": "у {folder} немає сценарію {ids} мовою {language}"},
    "no_scenarios": {"en": "no scenarios in {folder}", "uk": "у {folder} немає сценаріїв"},
}

# the values `python -m simulator readiness` and `loadtest` refuse as their options are read, in
# SIMULATOR_CLI_LANGUAGE (simulator.cli.reports, simulator.cli.loadtest)
OPTIONS: dict[str, dict[str, str]] = {
    "not_a_date": {"en": "'{text}' is not a date: use YYYY-MM-DD or DD.MM.YYYY",
                   "uk": "«{text}» — не дата: пишіть РРРР-ММ-ДД або ДД.ММ.РРРР"},
    "at_least_1": {"en": "must be at least 1", "uk": "має бути щонайменше 1"},
    "more_than_0": {"en": "must be more than 0", "uk": "має бути більше за 0"},
    "0_or_more": {"en": "must be 0 or more", "uk": "має бути 0 або більше"},
    "0_to_1": {"en": "must be from 0 to 1", "uk": "має бути від 0 до 1"},
}

# `python -m simulator loadtest` (simulator.cli.loadtest), in SIMULATOR_CLI_LANGUAGE
LOADTEST: dict[str, dict[str, str]] = {
    "no_playable": {"en": "no playable {channel} scenario in {folder}",
                    "uk": "у {folder} немає сценарію для каналу {channel}, який можна зіграти"},
}

# the voice commands say, transcribe and models assemble (simulator.cli.voice), in SIMULATOR_CLI_LANGUAGE
VOICE: dict[str, dict[str, str]] = {
    "persona_needs_library": {"en": "--persona needs the scenario library, which is not available here",
                              "uk": "--persona потребує бібліотеки сценаріїв, а її тут немає"},
    "no_persona": {"en": "no persona called {persona!r} in the scenario library",
                   "uk": "у бібліотеці сценаріїв немає персонажа «{persona}»"},
    "say_language": {"en": "say: give --language uk|en (or --persona NAME)",
                     "uk": "say: вкажіть --language uk|en (або --persona ІМ'Я)"},
    "said": {"en": "{path}: {seconds} s, voice {voice}, rate {rate}, pitch {pitch}{phone}",
             "uk": "{path}: {seconds} с, голос {voice}, темп {rate}, висота {pitch}{phone}"},
    "phone_line": {"en": ", phone line", "uk": ", телефонна лінія"},
    "node_needs_scenario": {"en": "--node needs --scenario", "uk": "--node потребує --scenario"},
    "no_such_file": {"en": "no such file: {path}", "uk": "такого файлу немає: {path}"},
    "is_a_folder": {"en": "{path} is a folder, not an audio file", "uk": "{path} — папка, а не аудіофайл"},
    "wrong_language": {"en": "scenario {scenario} is in {language}, not {wanted}",
                       "uk": "сценарій {scenario} мовою {language}, а не {wanted}"},
    "no_reply_node": {"en": "{scenario} has no reply node {node!r}: one of {nodes}",
                      "uk": "у сценарії {scenario} немає вузла «{node}», що чекає на репліку: один із {nodes}"},
    "free_text": {"en": "read from the recording as the reference answer; the recogniser wrote: {text}",
                  "uk": "запис прочитано як еталонну відповідь; розпізнавач написав: {text}"},
    "fact": {"en": "fact {fact}: {state}", "uk": "ключовий факт {fact}: {state}"},
    "text": {"en": "text: {text}", "uk": "текст: {text}"},
    "no_speech": {"en": "none (no speech)", "uk": "немає (мовлення не було)"},
    "seconds": {"en": "{seconds} s", "uk": "{seconds} с"},
    "sound": {"en": "language: {language}   duration: {duration}   speech start: {start}   speech duration: {speech}",
              "uk": "мова: {language}   тривалість: {duration}   початок мовлення: {start}   тривалість мовлення: {speech}"},
    "model": {"en": "model: {model} ({backend})   timings: {timings}",
              "uk": "модель: {model} ({backend})   тривалість етапів: {timings}"},
    "assembled": {"en": "base: {path} (verified)", "uk": "base: {path} (перевірено)"},
}

# what `python -m simulator loadtest` reports at the end (simulator.cli.loadtest), in SIMULATOR_CLI_LANGUAGE
LOADTEST_REPORT: dict[str, dict[str, str]] = {
    "summary": {"en": "load test: {trainees} trainees ({chat} chat, {voice} voice) for {minutes} min on {database}; "
                      "recognition: {workers}; load average at the end {load} on {cores} cores",
                "uk": "навантажувальний тест: стажистів {trainees} (чат: {chat}, голос: {voice}) протягом {minutes} хв "
                      "на {database}; розпізнавання: {workers}; середнє навантаження наприкінці {load}, ядер: {cores}"},
    "totals": {"en": "calls {calls}; turns sent {sent}, accepted {accepted}, saved {saved}; errors {errors}",
               "uk": "дзвінків {calls}; реплік надіслано {sent}, прийнято {accepted}, збережено {saved}; помилок {errors}"},
}
