"""What the scenario validator and linter say to a trainer, in English and Ukrainian: one text
per code, filled with the values its check gives (``str.format``). A check returns a
simulator.scenario.messages.Message, whose English text is what ``scenarios validate`` prints
and which the studio says in the trainer's language.
"""
from __future__ import annotations

NONE = {"en": "none", "uk": "немає"}
# what the YAML reader itself said, kept after the plain words for whoever helps the trainer
DETAIL = {"en": " (technical detail: {detail})", "uk": " (технічна деталь: {detail})"}

TEXTS: dict[str, dict[str, str]] = {
    "en": {
        # the graph
        "start_missing": "start node '{start}' does not exist",
        "node_missing": "node '{node}' does not exist (nodes here: {nodes})",
        "no_end": "no end node: add one with 'end: resolved' (or escalated, hung_up)",
        "unreachable": "node '{node}' cannot be reached from the start '{start}'",
        "never_ends": "from node '{node}' the call can never end: every path loops back",
        # branches and memory
        "no_default_branch": "add a last branch without 'if' for replies that fit no condition",
        "branch_never_taken": "this branch is never taken: the branch before it has no 'if'",
        "branch_unknown_fact": "'{fact}' is not in this node's {kind} ({known})",
        "memory_not_reply_node": "'{node}' is not a node that takes a reply (nodes here: {nodes})",
        "memory_unknown_fact": "'{fact}' is not a key fact of the node '{node}' ({known})",
        # facts and references
        "fact_not_in_references": "key fact '{fact}' is in none of the node's reference answers (add it to one, or add "
                                  "the wording used there to 'accept')",
        "reference_states_wrong": "this reference answer states the wrong fact '{fact}'",
        "reference_contains": "this reference answer contains '{phrase}' ({kind})",
        # samples
        "sample_empty": "the sample's reply is empty: write what a trainee might say here",
        "reply_node_missing": "node '{node}' does not exist (nodes that take a reply: {nodes})",
        "reply_node_is_end": "node '{node}' is an end of the call ('end: {end}'): it takes no reply (nodes that take a "
                             "reply: {nodes})",
        # language
        "looks_english": "this looks like English (Latin letters) in a Ukrainian scenario",
        "looks_russian": "this looks like Russian, not Ukrainian ({words}): if the customer speaks Russian or surzhyk here "
                         "on purpose, mark the node with 'customer_language: surzhyk' (or ru)",
        "looks_ukrainian": "this looks like Ukrainian (Cyrillic letters) in an English scenario",
        # the file as a whole
        "not_a_mapping": "a scenario file must be a set of 'key: value' lines (id, title, nodes, ...)",
        "too_large": "the file is larger than {kb} kB: is it really a scenario?",
        "not_utf8": "the file is not UTF-8 text: save it as UTF-8",
        "unreadable": "cannot read the file: {error}",
        "id_used": "scenario id '{id}' is already used by {first}",
        "id_changed": "the text says 'id: {said}'; it must keep the id '{id}' (to make a copy, create a new scenario "
                      "and paste the text there)",
        "unknown_key": "unknown key '{key}'",
        "unknown_key_close": "unknown key '{key}' (did you mean '{close}'?)",
        "missing_key": "'{where}' is missing",
        "not_allowed": "'{where}': {value} is not allowed; use one of {expected}",
        "not_text": "'{where}' should be text",
        # the YAML itself: what the file's reader could not read, in plain words (yaml_advice)
        "yaml_tab": "this line is indented with a tab: indent with spaces only (two spaces per level, lined up with the "
                    "lines it belongs with)",
        "yaml_apostrophe": "this text starts with an apostrophe ('), so it is read as a quotation that ends at the next "
                           "apostrophe inside a word: remove the apostrophe at the start and the end of the text, or put "
                           "the text in double quotes (\"...\")",
        "yaml_unclosed_quote": "the quotation mark {quote} that opens this text is never closed: add the closing {quote} at "
                               "the end of the text on this line (or remove the opening one)",
        "yaml_colon": "this line has a colon and a space inside the text, which the file reads as 'name: value': put the "
                      "whole text in double quotes, for example  {key}\"{text}\"  (or write '|' after the colon of its key "
                      "and the text on the lines below, indented)",
        "yaml_bracket": "this text starts with '[' or '{{', which opens a list written on one line: put the whole text in "
                        "double quotes, for example  {key}\"{text}\"",
        "yaml_special_start": "this text starts with '{char}', which has a special meaning in a scenario file: put the "
                              "whole text in double quotes, for example  {key}\"{text}\"",
        "yaml_indent": "this line is indented differently from the lines it belongs with: the keys of one block "
                       "(customer, references, ...) start in the same column, the items of one list ('- ...') too; use "
                       "two spaces per level, and check the line above it as well",
        "yaml_merged_item": "this '- ...' line is indented deeper than the item above, so it was read as part of that "
                            "item's text: line it up with the '-' of the item above (or, if the dash belongs to the text, "
                            "put the whole text in double quotes)",
        "yaml_unreadable": "the file cannot be read here: check this line and the one above it (a space too many or too "
                           "few at the start, a quotation mark or a bracket left open)",
        "yaml_empty": "the file is empty",
        "yaml_key_not_word": "a key must be a plain word",
        "yaml_twice": "'{key}' is given twice (the first one is on line {first})",
        "yaml_bad_date": "cannot read the value '{value}': not a real date (write it as YYYY-MM-DD)",
        "yaml_bad_value": "cannot read the value '{value}': write it as plain text, or in double quotes",
        "yaml_too_long": "the text is longer than {chars} characters: is it really a scenario?",
        "yaml_too_deep": "the file is nested far too deeply to be a scenario",
        "yaml_alias": "anchors and aliases (& and *) are not supported: write the text out",
        # warnings: the file loads, but it is probably a mistake
        "all_resolved": "every path of this call ends 'resolved': a cold or wrong reply changes nothing; add a branch "
                        "(if: empathy < 35, if: missing FACT, if: critical) to an 'escalated' or 'hung_up' end",
        "reference_below_mark": "this reference answer scores {score} at its own node, below the pass mark {mark}: a "
                                "trainee who says it would fail (add its wordings to 'accept', or make it warmer or shorter)",
        "wrong_in_reference": "a wording of the wrong fact '{fact}' also turns up in reference answer {k}: a trainee who "
                              "says what the reference says may be marked wrong; make the wording longer, so that it only "
                              "matches the wrong statement",
    },
    "uk": {
        "start_missing": "початкового вузла «{start}» немає",
        "node_missing": "вузла «{node}» немає (вузли цього сценарію: {nodes})",
        "no_end": "немає кінця розмови: додайте вузол з 'end: resolved' (або escalated, hung_up)",
        "unreachable": "до вузла «{node}» не можна дійти від початку «{start}»",
        "never_ends": "з вузла «{node}» розмова ніколи не закінчиться: усі шляхи ведуть по колу",
        "no_default_branch": "додайте останню гілку без 'if' для відповідей, що не підходять під жодну умову",
        "branch_never_taken": "цю гілку ніколи не буде вибрано: у гілки перед нею немає 'if'",
        "branch_unknown_fact": "«{fact}» немає серед {kind} цього вузла ({known})",
        "memory_not_reply_node": "«{node}» — не вузол, де стажер відповідає (вузли цього сценарію: {nodes})",
        "memory_unknown_fact": "«{fact}» — не ключовий факт вузла «{node}» ({known})",
        "fact_not_in_references": "ключового факту «{fact}» немає в жодній еталонній відповіді вузла (додайте його в "
                                  "одну з них або додайте до 'accept' формулювання, яке там ужито)",
        "reference_states_wrong": "ця еталонна відповідь стверджує хибний факт «{fact}»",
        "reference_contains": "ця еталонна відповідь містить «{phrase}» ({kind})",
        "sample_empty": "відповідь прикладу порожня: напишіть, що міг би сказати стажер",
        "reply_node_missing": "вузла «{node}» немає (вузли, де стажер відповідає: {nodes})",
        "reply_node_is_end": "вузол «{node}» — кінець розмови ('end: {end}'), відповіді тут немає (вузли, де стажер "
                             "відповідає: {nodes})",
        "looks_english": "схоже на англійський текст (латинські літери) в українському сценарії",
        "looks_russian": "схоже на російську, а не українську ({words}): якщо клієнт тут навмисно переходить на "
                         "російську чи суржик, позначте вузол 'customer_language: surzhyk' (або ru)",
        "looks_ukrainian": "схоже на український текст (кирилиця) в англійському сценарії",
        "not_a_mapping": "файл сценарію має складатися з рядків «ключ: значення» (id, title, nodes, ...)",
        "too_large": "файл більший за {kb} кБ: це точно сценарій?",
        "not_utf8": "файл не в кодуванні UTF-8: збережіть його як UTF-8",
        "unreadable": "не вдається прочитати файл: {error}",
        "id_used": "id сценарію «{id}» уже використано у файлі {first}",
        "id_changed": "у тексті 'id: {said}', а id має лишитися «{id}» (щоб зробити копію, створіть новий сценарій і "
                      "вставте текст туди)",
        "unknown_key": "невідомий ключ «{key}»",
        "unknown_key_close": "невідомий ключ «{key}» (можливо, «{close}»?)",
        "missing_key": "бракує '{where}'",
        "not_allowed": "'{where}': значення {value} не дозволене; можливі: {expected}",
        "not_text": "'{where}' має бути текстом",
        "yaml_tab": "відступ цього рядка зроблено табуляцією: робіть відступи лише пробілами (по два на рівень, урівень "
                    "із рядками, до яких він належить)",
        "yaml_apostrophe": "цей текст починається з апострофа ('), тому файл читає його як цитату, що закінчується на "
                           "наступному апострофі всередині слова: приберіть апостроф на початку й у кінці тексту або "
                           "візьміть увесь текст у подвійні лапки (\"...\")",
        "yaml_unclosed_quote": "лапки {quote}, якими починається цей текст, ніде не закрито: поставте закривні {quote} у "
                               "кінці тексту в цьому ж рядку (або приберіть початкові)",
        "yaml_colon": "у тексті цього рядка є двокрапка з пробілом, і файл читає його як «назва: значення»: візьміть "
                      "цей рядок у лапки, ось так:  {key}\"{text}\"  (або поставте '|' після двокрапки ключа, а текст "
                      "напишіть на рядках нижче з відступом)",
        "yaml_bracket": "цей текст починається з '[' або '{{', а так у файлі починається список в один рядок: візьміть "
                        "увесь текст у подвійні лапки, ось так:  {key}\"{text}\"",
        "yaml_special_start": "цей текст починається зі знака '{char}', який у файлі сценарію має особливе значення: "
                              "візьміть увесь текст у подвійні лапки, ось так:  {key}\"{text}\"",
        "yaml_indent": "відступ цього рядка не такий, як у рядків, до яких він належить: ключі одного блоку (customer, "
                       "references, ...) починаються в тому самому стовпчику, пункти одного списку ('- ...') теж; "
                       "робіть відступ по два пробіли на рівень і перевірте також рядок над ним",
        "yaml_merged_item": "цей рядок '- ...' має більший відступ, ніж пункт над ним, тому його прочитано як "
                            "продовження тексту того пункту: поставте його дефіс точно під дефісом пункту вище (а якщо "
                            "дефіс — частина тексту, візьміть увесь текст у подвійні лапки)",
        "yaml_unreadable": "тут файл не вдається прочитати: перевірте цей рядок і рядок над ним (зайвий чи пропущений "
                           "пробіл на початку, незакриті лапки чи дужка)",
        "yaml_empty": "файл порожній",
        "yaml_key_not_word": "ключ має бути простим словом",
        "yaml_twice": "«{key}» вказано двічі (уперше — у рядку {first})",
        "yaml_bad_date": "не вдається прочитати значення «{value}»: такої дати немає (пишіть дату як РРРР-ММ-ДД)",
        "yaml_bad_value": "не вдається прочитати значення «{value}»: напишіть його звичайним текстом або в подвійних лапках",
        "yaml_too_long": "текст довший за {chars} символів: це точно сценарій?",
        "yaml_too_deep": "у файлі забагато рівнів вкладення, як для сценарію",
        "yaml_alias": "якорі й посилання (& і *) не підтримуються: напишіть текст повністю",
        "all_resolved": "усі шляхи цієї розмови закінчуються 'resolved': холодна чи хибна відповідь нічого не змінює; "
                        "додайте гілку (if: empathy < 35, if: missing ФАКТ, if: critical) до кінця 'escalated' або 'hung_up'",
        "reference_below_mark": "ця еталонна відповідь отримує {score} у своєму вузлі, менше за прохідний бал {mark}: "
                                "стажер, який скаже її, не пройде (додайте її формулювання до 'accept' або зробіть її "
                                "теплішою чи коротшою)",
        "wrong_in_reference": "формулювання хибного факту «{fact}» трапляється й в еталонній відповіді {k}: стажера, "
                              "який скаже те саме, що еталон, можуть оцінити як помилку; подовжте формулювання, щоб воно "
                              "збігалося лише з хибним твердженням",
    },
}
