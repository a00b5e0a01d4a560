"""A new scenario to start from: short, valid, playable to the end, and commented for a
trainer who has never written one (in Ukrainian for a `uk` scenario, in English for `en`).

The example is about the meter-reading window, a rule that does not change with the price
periods (shared/domain/electricity-ua.md), so the template stays true whatever its date.
"""
from __future__ import annotations

import datetime as dt

from ...library.loader import load_text
from .form import Fields, write_fields

TARGET_SECONDS = {"voice": 90, "chat": 150}   # a typed chat reply takes longer than a spoken one

_UK = """\
# Новий сценарій: один навчальний дзвінок. Рядки після «#» — підказки, їх можна видаляти.
# Як писати сценарії: docs/authoring.md. Після кожної зміни перевірте файл:
#   python -m simulator scenarios validate scenarios/uk/ваш-файл.yaml
id: new-scenario                 # унікальна назва: малі латинські літери, цифри й дефіси
title: Новий сценарій            # що стажери бачать у списку
language: uk                     # мова всіх реплік нижче: uk або en
channel: voice                   # voice (дзвінок) або chat (листування)
category: other                  # одна з категорій, перелічених у docs/authoring.md
difficulty: easy                 # easy, medium або hard
facts_as_of: 2026-01-01          # дата, на яку правдиві факти сценарію: звірте їх з довідкою
situation: >                     # що стажер прочитає перед дзвінком
  Клієнтка хоче вчасно передати показники лічильника і питає, до якого числа це можна зробити.
persona:                         # клієнт
  name: Марія Іванівна
  gender: female                 # female або male: визначає голос
  mood: calm                     # calm, worried, irritated або angry: змінює й голос
target_seconds: 90               # норма часу на весь дзвінок, у секундах
silence_prompt:                  # що каже клієнт, коли стажер мовчить
  - Ви ще тут?

nodes:                           # кроки дзвінка; перший — початок
  opening:
    customer:                    # що каже клієнт; кілька рядків — варіанти, на дзвінок обирається один
      - Доброго дня. Підкажіть, будь ласка, до якого числа треба передати показники лічильника?
    empathy: normal              # наскільки тут важить емпатія: low, normal або high
    hint: Назвіть період, коли приймають показники, і запропонуйте прийняти їх зараз.
    references:                  # зразкові відповіді; кожен ключовий факт має бути хоча б в одній
      - Доброго дня, YASNO, мене звати Анна. Показники приймаємо з двох днів до кінця місяця до 3 числа наступного місяця. Якщо бажаєте, я прийму їх у вас просто зараз.
    key_facts:                   # що обов'язково має прозвучати у відповіді
      - id: window               # коротка назва факту, її вживають в умовах нижче
        fact: показники приймаються до 3 числа наступного місяця
        accept:                  # короткі формулювання; досить будь-якого одного
          - до 3 числа
          - до третього числа
    wrong_facts:                 # хибні твердження: знижують точність
      - id: tenth
        fact: показники приймаються до 10 числа
        accept:
          - до 10 числа
          - до десятого числа
        correction: Показники приймаються з двох днів до кінця місяця до 3 числа наступного місяця.
    branches:                    # куди йде дзвінок; береться перша умова, що підходить
      - if: critical             # грубість чи звинувачення: клієнтка кладе слухавку
        goto: hung-up
      - if: missing window       # факт не прозвучав: клієнтка перепитує
        goto: asks-again
      - goto: resolved           # без «if»: коли жодна умова вище не підійшла

  asks-again:
    customer: Вибачте, то до якого саме числа?
    references:
      - Перепрошую, що не сказала одразу. Показники приймаємо до 3 числа наступного місяця, і я можу прийняти їх просто зараз.
    key_facts:
      - id: window
        fact: показники приймаються до 3 числа наступного місяця
        accept:
          - до 3 числа
          - до третього числа
    next: resolved               # замість branches, коли шлях лише один

  resolved:
    end: resolved                # кінець дзвінка: resolved, escalated або hung_up
    customer: Зрозуміло, дякую. Тоді зараз продиктую.

  hung-up:                       # інший кінець: без нього будь-яка відповідь веде до resolved
    end: hung_up
    customer: Ну й розмова. До побачення.

samples:                         # ваші приклади відповідей, щоб перевірити оцінювання; стажери їх не бачать
  - node: opening
    label: great                 # great (відмінна), average (середня) або poor (слабка)
    reply: Доброго дня! Показники приймаємо з двох днів до кінця місяця до 3 числа наступного місяця. Можу прийняти їх у вас просто зараз.
  - node: opening
    label: average
    reply: Показники передають до 3 числа.
  - node: opening
    label: poor
    reply: Я не знаю, подивіться на сайті.
    note: немає факту, і «я не знаю» звучить байдуже
"""

_EN = """\
# A new scenario: one practice call. Text after "#" is guidance for you; delete it when done.
# How to write scenarios: docs/authoring.md. After every change, check the file:
#   python -m simulator scenarios validate scenarios/en/your-file.yaml
id: new-scenario                 # a unique name: small letters, digits and dashes
title: New scenario              # what trainees see in the list
language: en                     # the language of every line below: uk or en
channel: voice                   # voice (spoken call) or chat (typed messages)
category: other                  # one of the categories listed in docs/authoring.md
difficulty: easy                 # easy, medium or hard
facts_as_of: 2026-01-01          # the date the scenario's facts are true on: check them against the fact sheet
situation: >                     # what the trainee reads before the call
  The customer wants to submit her meter reading on time and asks until when she can do it.
persona:                         # the customer
  name: Mary Evans
  gender: female                 # female or male: picks the voice
  mood: calm                     # calm, worried, irritated or angry: changes the voice too
target_seconds: 90               # target handling time for the whole call, in seconds
silence_prompt:                  # what the customer says when the trainee says nothing
  - Are you still there?

nodes:                           # the steps of the call; the first one is where it starts
  opening:
    customer:                    # what the customer says; several lines are variants, one is picked per call
      - Hello. Could you tell me until what date I can submit my meter reading?
    empathy: normal              # how much empathy matters here: low, normal or high
    hint: Give the reading window and offer to take the reading now.
    references:                  # model answers; every key fact must appear in at least one
      - Good morning, YASNO, this is Anna. We accept readings from two days before the end of the month until the 3rd of the next month. If you like, I can take your reading right now.
    key_facts:                   # what a good reply must say
      - id: window               # a short name for the fact, used in the conditions below
        fact: readings are accepted until the 3rd of the next month
        accept:                  # short wordings; any one of them is enough
          - until the 3rd
          - by the 3rd
    wrong_facts:                 # statements that are wrong here: they lower accuracy
      - id: tenth
        fact: readings are accepted until the 10th
        accept:
          - until the 10th
          - by the 10th
        correction: Readings are accepted from two days before the end of the month until the 3rd of the next month.
    branches:                    # where the call goes; the first one that fits is taken
      - if: critical             # rude or blaming: the customer hangs up
        goto: hung-up
      - if: missing window       # the fact was not said: the customer asks again
        goto: asks-again
      - goto: resolved           # no "if": taken when nothing above fits

  asks-again:
    customer: Sorry, so until what date exactly?
    references:
      - Sorry I wasn't clear. We accept readings until the 3rd of the next month, and I can take yours right now.
    key_facts:
      - id: window
        fact: readings are accepted until the 3rd of the next month
        accept:
          - until the 3rd
          - by the 3rd
    next: resolved               # instead of branches, when there is only one way on

  resolved:
    end: resolved                # an end of the call: resolved, escalated or hung_up
    customer: I see, thank you. I'll read it out now then.

  hung-up:                       # another end: without it every reply leads to resolved
    end: hung_up
    customer: Well, I didn't call to be spoken to like that. Goodbye.

samples:                         # your example replies, to test the scoring; trainees never see them
  - node: opening
    label: great                 # great, average or poor
    reply: Good morning! We accept readings from two days before the end of the month until the 3rd of the next month. I can take yours right now if you like.
  - node: opening
    label: average
    reply: Readings are accepted until the 3rd.
  - node: opening
    label: poor
    reply: I don't know, look it up on the website.
    note: no fact, and "I don't know" sounds indifferent
"""

_TEMPLATES = {"uk": _UK, "en": _EN}


def new_scenario(id: str, title: str, language: str, channel: str, category: str, facts_as_of: dt.date | None = None) -> str:
    """The YAML text of a new scenario with these fields (``facts_as_of`` defaults to today).
    ValueError when a value is not allowed (the loader's own messages)."""
    if language not in _TEMPLATES:
        raise ValueError(f"language must be one of {', '.join(_TEMPLATES)}, not {language!r}")
    fields = Fields(id=id, title=title, channel=channel, category=category, facts_as_of=facts_as_of or dt.date.today(),
                    target_seconds=TARGET_SECONDS.get(channel, TARGET_SECONDS["voice"]))
    text = write_fields(_TEMPLATES[language], fields)
    _, problems = load_text(text, "new scenario")
    if problems:
        raise ValueError("; ".join(p.message for p in problems))
    return text
