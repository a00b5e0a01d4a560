"""Interface strings about a spoken reply waiting for a recognition worker
(simulator.voice.reply_queue), in Ukrainian and English (merged into labels.py)."""

UK: dict[str, str] = {
    "queue_place": "Ваша відповідь у черзі на розпізнавання: місце {place}. Оцінка буде приблизно за {seconds} с.",
}

EN: dict[str, str] = {
    "queue_place": "Your reply is in the queue to be heard: place {place}. Feedback in about {seconds} s.",
}
