"""What the validator says, in one place, in English and Ukrainian.

A check returns a :class:`Message`: a ``str`` whose text is the English wording (what
``scenarios validate`` prints and what the tests read), carrying its code and parameters so
the studio can say it in the trainer's language (:func:`in_language`). A message built
elsewhere as plain text (pydantic's own wording, say) stays as it is in both languages.
"""
from __future__ import annotations

NONE = {"en": "none", "uk": "немає"}

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


class Message(str):
    """A validator message: the English text as a ``str``, with ``code`` and ``params`` for
    :meth:`text`. A parameter given as None is said as "none" / «немає»."""

    code: str
    params: dict

    def __new__(cls, code: str, **params) -> Message:
        message = super().__new__(cls, _render("en", code, params))
        message.code, message.params = code, params
        return message

    def text(self, language: str) -> str:
        """The message in ``language`` ('uk' or 'en'; any other: English)."""
        return _render(language if language in TEXTS else "en", self.code, self.params)

    def __reduce__(self):       # pickled as its code and parameters (a cache may keep problems)
        return _rebuild, (self.code, self.params)


def _rebuild(code: str, params: dict) -> Message:
    return Message(code, **params)


def _render(language: str, code: str, params: dict) -> str:
    values = {key: NONE[language] if value is None else value for key, value in params.items()}
    return TEXTS[language][code].format(**values)


def in_language(message: str, language: str) -> str:
    """``message`` said in ``language`` when it is a :class:`Message`; any other text as it is."""
    return message.text(language) if isinstance(message, Message) else str(message)
