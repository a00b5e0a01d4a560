"""Phrase lists per language: what helps, what hurts, what is a critical mistake.

Taken from the domain sheet's "how good operators talk" and its phrases to avoid.
Wordings are matched the same tolerant way as key facts (see matching.py).
"""
from __future__ import annotations

import re

# A specific acknowledgement of the customer's situation or feeling.
ACKNOWLEDGE = {
    "uk": [
        "розумію", "розумію вас", "я вас чую", "мені шкода", "мені дуже прикро", "це неприємно",
        "зрозуміло чому", "ви маєте рацію", "дякую за терпіння", "дякую що звернулися",
        "дякую за очікування", "перепрошую за незручності", "це справді", "вас засмутив", "ваше обурення",
        "маєте право",
    ],
    "en": [
        "i understand", "i can see", "i hear you", "i'm sorry that", "i am sorry that", "that must be",
        "frustrating", "you're right", "you are right", "thank you for your patience",
        "thank you for waiting", "i appreciate", "thanks for bearing with", "that's a shock", "upsetting",
        "every right", "you have the right",
    ],
}

# A concrete next step the operator takes or offers.
ACTION = {
    "uk": [
        "перевірю", "зараз перевірю", "я перевірю", "оформлю", "зареєструю", "передам", "надішлю",
        "зателефоную", "поясню", "виправимо", "перерахуємо", "зробимо перерахунок", "подам заявку",
        "я можу", "давайте я", "допоможу", "зафіксую", "зроблю", "уточню", "підкажу",
    ],
    "en": [
        "i will", "i'll", "let me", "right now", "i can", "i've", "we will", "i'm going to",
        "i am going to", "i'll check", "i'll send", "i'll call", "register", "raise a", "correct it",
    ],
}

APOLOGY = {
    "uk": ["вибачте", "перепрошую", "вибачаюсь", "просимо вибачення", "прошу вибачення", "вибачаємося"],
    "en": ["sorry", "apologise", "apologize", "apologies", "my apologies"],
}

# Phrases to avoid: they hurt empathy; put one in a scenario's `forbidden` to make it critical.
AVOID = {
    "uk": [
        "це не до нас", "не моя робота", "не моя справа", "не моя проблема", "ваші проблеми", "я не знаю", "заспокойтеся", "заспокойтесь",
        "така політика", "нічим не можу допомогти", "передзвоніть пізніше", "не кричіть",
        "що тут незрозумілого", "я ж вам пояснила", "я ж вам пояснив", "алло", "слухаю",
        "замовкніть", "помовчіть", "не скигліть",
    ],
    "en": [
        "not our department", "not my job", "not my problem", "i don't know", "i do not know",
        "calm down", "company policy", "nothing i can do", "call back later", "stop shouting",
        "i know exactly how you feel", "as i already said", "as i said", "shut up", "stop whining",
    ],
}

# Blaming the customer: critical.
BLAME = {
    "uk": ["ви самі винні", "сама винна", "сам винен", "самі винуваті", "треба було вчасно", "вам треба було", "ваша провина"],
    "en": ["your own fault", "you should have", "you shouldn't have", "that's on you", "you only have yourself to blame"],
}

# Asking for card details, a PIN or an SMS code: critical. A request verb near the secret.
_SECRET_UK = r"(номер\w*\s+(?:\w+\s+){0,2}карт\w*|дан\w*\s+(?:\w+\s+){0,2}карт\w*|cvv|cvc|пін|pin|код\w*\s+(?:з|із)\s+(?:смс|sms|повідомлен\w*)|смс[- ]?код\w*|sms[- ]?код\w*|тризначн\w*\s+код\w*|термін\w*\s+дії\s+карт\w*)"
_SECRET_EN = r"(card\s+number|card\s+details|long\s+number\s+on\s+(?:the|your)\s+card|cvv|cvc|\bpin\b|pin\s+code|(?:sms|text)\s+code|code\s+(?:from|in)\s+(?:the|your)\s+(?:sms|text|message)|one[- ]time\s+(?:code|password)|expiry\s+date)"
SECRET_REQUEST = {
    "uk": re.compile(
        r"(назв\w*|продикт\w*|скаж\w*|повідом\w*|надішл\w*|напиш\w*|введ\w*|підтверд\w*|дайте|прочитай\w*|потрібен|потрібні|потрібно)\s+(?:\w+\s+){0,4}?" + _SECRET_UK
    ),
    "en": re.compile(
        r"(tell|give|read|send|type|provide|confirm|need|what'?s|what\s+is|share|dictate)\s+(?:\w+\s+){0,4}?" + _SECRET_EN
    ),
}
