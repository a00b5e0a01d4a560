"""What the trainer's test bench says of a scenario's sample replies (simulator.services.studio.samples),
in Ukrainian and English: the names of the three kinds of sample (``LABELS``), and the warning
when a sample breaks what the trainer expects of it (``MESSAGES``, keyed by language, then code).
"""
from __future__ import annotations

LABELS: dict[str, dict[str, str]] = {
    "uk": {"great": "відмінна", "average": "середня", "poor": "слабка"},
    "en": {"great": "great", "average": "average", "poor": "poor"},
}

MESSAGES: dict[str, dict[str, str]] = {
    "uk": {
        "great_below_mark": "Вузол «{node}»: {label} відповідь «{reply}» отримала {score} — нижче прохідного балу {mark}. "
                            "Перевірте, чи її формулювання є серед «accept» ключових фактів.",
        "great_critical": "Вузол «{node}»: {label} відповідь «{reply}» містить критичну помилку («{phrase}») і не пройде.",
        "poor_passes": "Вузол «{node}»: {label} відповідь «{reply}» отримала {score} і пройшла б (прохідний бал {mark}). "
                       "Можливо, ключові факти надто легко зарахувати.",
        "order": "Вузол «{node}»: {label} відповідь «{reply}» ({score}) має бути вищою, ніж {other_label} «{other_reply}» ({other_score}).",
    },
    "en": {
        "great_below_mark": "Node '{node}': the {label} sample \"{reply}\" scores {score}, below the pass mark {mark}. "
                            "Check that its wording is among the key facts' 'accept' wordings.",
        "great_critical": "Node '{node}': the {label} sample \"{reply}\" contains a critical mistake (\"{phrase}\") and cannot pass.",
        "poor_passes": "Node '{node}': the {label} sample \"{reply}\" scores {score} and would pass (pass mark {mark}). "
                       "The key facts may be too easy to credit.",
        "order": "Node '{node}': the {label} sample \"{reply}\" ({score}) should score higher than the {other_label} one \"{other_reply}\" ({other_score}).",
    },
}
