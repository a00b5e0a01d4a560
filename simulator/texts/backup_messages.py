"""What backup and restore say (refusals, progress of a restore, the summary, the commands' last
line), in English and Ukrainian: keyed by code, then language, filled with the values the store
gives (simulator.store.backup_messages.Message says one in a language).
"""
from __future__ import annotations

MESSAGES: dict[str, dict[str, str]] = {
    # refusals
    "no_kind": {"en": "backups cover SQLite and PostgreSQL, not {backend}",
                "uk": "резервні копії робляться лише для SQLite і PostgreSQL, а не для {backend}"},
    "cannot_write": {"en": "could not write {path}: {reason}", "uk": "не вдалося записати {path}: {reason}"},
    "no_sqlite": {"en": "no SQLite database at {path}: nothing to back up",
                  "uk": "бази SQLite за шляхом {path} немає: нічого копіювати"},
    "no_tool": {"en": "{name} not found: install the PostgreSQL client (Debian: apt-get install postgresql-client)",
                "uk": "{name} не знайдено: встановіть клієнт PostgreSQL (Debian: apt-get install postgresql-client)"},
    "unreachable": {"en": "cannot reach the database: {reason}", "uk": "не вдається з'єднатися з базою даних: {reason}"},
    "tool_failed": {"en": "{name} failed: {reason}", "uk": "{name} завершився з помилкою: {reason}"},
    "no_file": {"en": "no backup file at {path}", "uk": "файлу резервної копії {path} немає"},
    "not_in_manifest": {"en": "{path}: '{member}' is not in the manifest (not a backup of ours, or altered)",
                        "uk": "{path}: «{member}» немає в маніфесті (це не наша резервна копія, або її змінено)"},
    "damaged": {"en": "{path}: '{member}' does not match its checksum (the file is damaged)",
                "uk": "{path}: «{member}» не збігається з контрольною сумою (файл пошкоджено)"},
    "unreadable": {"en": "{path} is not a readable backup ({reason}); it may be truncated",
                   "uk": "{path} не читається як резервна копія ({reason}); можливо, файл обрізано"},
    "missing": {"en": "{path}: {count} file(s) of the manifest are missing, e.g. '{first}' (truncated?)",
                "uk": "{path}: бракує файлів із маніфесту: {count}, наприклад «{first}» (файл обрізано?)"},
    "other_kind": {"en": "this backup is of a {made} database; restore it into {made}, not {backend}",
                   "uk": "це копія бази {made}; відновлюйте її в {made}, а не в {backend}"},
    "not_empty": {"en": "the target is not empty ({what}); give --force to replace it",
                  "uk": "місце відновлення не порожнє ({what}); щоб замінити вміст, додайте --force"},
    "rows_present": {"en": "{count} row(s) in the database", "uk": "рядків у базі даних: {count}"},
    "recordings_present": {"en": "{count} recording(s) in {folder}", "uk": "записів у {folder}: {count}"},
    "newer_schema": {"en": "this backup's schema ({revision}) is newer than this version of the simulator knows: "
                           "restore it with the version that made it",
                     "uk": "схема цієї копії ({revision}) новіша, ніж знає ця версія симулятора: відновлюйте її тією "
                           "версією, що її зробила"},
    "no_manifest": {"en": "no manifest.json in the archive: not a backup of ours, or truncated",
                    "uk": "в архіві немає manifest.json: це не наша резервна копія, або файл обрізано"},
    "format": {"en": "backup format {given} is not one this version reads ({known})",
               "uk": "формат копії {given} ця версія не читає (читає {known})"},
    "empty_manifest": {"en": "the manifest lists no files or tables", "uk": "у маніфесті немає ні файлів, ні таблиць"},
    "altered_name": {"en": "'{name}' is not a recording's name: the backup was altered",
                     "uk": "«{name}» не є назвою запису: копію змінено"},
    "rows_differ": {"en": "after restoring, table {table} has {found} row(s), the backup {count}",
                    "uk": "після відновлення в таблиці {table} рядків: {found}, а в копії: {count}"},
    "file_differs": {"en": "after restoring, {name} does not match its checksum",
                     "uk": "після відновлення {name} не збігається з контрольною сумою"},
    # progress of a restore
    "checked": {"en": "checked {count} file(s) against the manifest of {created}",
                "uk": "перевірено за маніфестом від {created} файлів: {count}"},
    "loaded": {"en": "database loaded", "uk": "базу даних завантажено"},
    "written": {"en": "{count} recording(s) written to {folder}", "uk": "записано в {folder} записів: {count}"},
    "schema_brought": {"en": "schema brought from {old} to {new}", "uk": "схему оновлено з {old} до {new}"},
    # the summary
    "summary_database": {"en": "database: {backend}, schema {revision}", "uk": "база даних: {backend}, схема {revision}"},
    "summary_rows": {"en": "rows: {rows}", "uk": "рядків: {rows}"},
    "summary_recordings": {"en": "recordings: {count}", "uk": "записів: {count}"},
    "summary_size": {"en": "size: {size} MB", "uk": "розмір: {size} МБ"},
    # the commands' last line
    "backup_done": {"en": "backup written to {path}", "uk": "резервну копію записано в {path}"},
    "restore_done": {"en": "restored from {path}; rows and checksums match the manifest",
                     "uk": "відновлено з {path}; рядки й контрольні суми збігаються з маніфестом"},
}
LANGUAGES = ("uk", "en")
