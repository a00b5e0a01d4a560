"""Interface strings about a spoken reply waiting for a recognition worker
(simulator.voice.reply_queue; the call page's wait and kept reply: components/voice_reply.py),
in Ukrainian and English (merged into labels.py)."""

UK: dict[str, str] = {
    "queue_place": "Ваша відповідь збережена й стоїть у черзі на розпізнавання: місце {place}. Оцінка буде "
                   "приблизно за {seconds} с. Записувати її знову не треба.",
    "queue_kept": "Розпізнавачі мовлення досі зайняті: ваша відповідь чекала {minutes} хв (останнє місце в черзі: "
                  "{place}). Її збережено, дзвінок триває: надішліть її ще раз, коли будете готові, записувати "
                  "знову не треба.",
    "queue_send_kept": "Надіслати збережену відповідь",
}

EN: dict[str, str] = {
    "queue_place": "Your reply is kept and in the queue to be heard: place {place}. Feedback in about {seconds} s. "
                   "No need to record it again.",
    "queue_kept": "The speech recognisers are still busy: your reply waited {minutes} min (last place in the queue: "
                  "{place}). It is kept and the call goes on: send it again when you are ready, no need to record "
                  "it again.",
    "queue_send_kept": "Send the kept reply",
}
