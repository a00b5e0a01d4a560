"""Sentences with no content, the baseline every reading by meaning must beat.

The sentence embedding puts short texts close to everything ("Добрий день." is 0.85 from
«рахунок за середнім»), so a sentence of a reply counts as close to a fact, a wrong fact or a
forbidden phrase only when it comes closer to it than these do (accuracy.by_meaning,
accuracy.wrong_margins, compliance._forbidden_by_meaning).
"""
from __future__ import annotations

NO_CONTENT = {
    "uk": ["Добрий день, дякую, що звернулися.", "Зараз я перевірю ваш особовий рахунок.", "Розумію вас, мені дуже шкода.",
           "Чим ще можу допомогти?"],
    "en": ["Hello, thank you for calling.", "Let me check your account now.", "I understand, I'm very sorry about that.",
           "Is there anything else I can help with?"],
}
