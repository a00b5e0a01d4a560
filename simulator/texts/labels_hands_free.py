"""Interface strings of hands-free voice calls (simulator/ui/components/hands_free.py) and of
the call page's conversation choices (feedback_choice.py, conversation.py), in Ukrainian and English. Every key starts with ``hf_``."""
from __future__ import annotations

UK: dict[str, str] = {
    "hf_toggle": "Розмова без кнопок",
    "hf_toggle_help": "Мікрофон лишається відкритим: говоріть, коли клієнт замовкне, і тренажер сам почує, що ви "
    "закінчили. Вимкніть, щоб записувати й надсилати кожну відповідь кнопками.",
    "hf_connecting": "Підключаю мікрофон… Дозвольте браузеру доступ до мікрофона.",
    "hf_state_customer_speaking": "Говорить клієнт…",
    "hf_state_listening": "Слухаю вас",
    "hf_state_speaking": "Слухаю вас… (ви говорите)",
    "hf_state_heard": "Почув вас",
    "hf_state_thinking": "Думаю…",
    "hf_interjection": "Клієнт перебиває: «{line}»",
    "hf_nothing_heard": "Не вдалося розібрати жодного слова. Скажіть відповідь ще раз.",
    "hf_failed": "Відповідь не вдалося розпізнати: {error}. Скажіть її ще раз або вимкніть розмову без кнопок.",
    "hf_busy": "Розпізнавач мовлення зараз зайнятий. Скажіть відповідь ще раз за кілька секунд.",
    "hf_mic_off": "Мікрофон вимкнено. Натисніть «START», щоб продовжити розмову.",
    "hf_feedback_at_end": "Відгук наприкінці дзвінка",
    "hf_feedback_at_end_help": "Оцінки й поради до кожної відповіді не показуватимуться під час розмови: ви побачите "
    "їх на підсумковій картці, коли дзвінок закінчиться.",
    "hf_feedback_held": "Відгук до відповідей — на підсумковій картці після дзвінка.",
}

EN: dict[str, str] = {
    "hf_toggle": "Hands-free call",
    "hf_toggle_help": "The microphone stays open: speak when the customer stops, and the simulator hears when you "
    "have finished. Turn it off to record and send each reply with buttons.",
    "hf_connecting": "Connecting the microphone… Allow the browser to use it.",
    "hf_state_customer_speaking": "The customer is speaking…",
    "hf_state_listening": "Listening",
    "hf_state_speaking": "Listening… (you are speaking)",
    "hf_state_heard": "Heard you",
    "hf_state_thinking": "Thinking…",
    "hf_interjection": "The customer cuts in: “{line}”",
    "hf_nothing_heard": "No words could be made out. Please say your reply again.",
    "hf_failed": "The reply could not be recognised: {error}. Say it again, or turn hands-free off.",
    "hf_busy": "Speech recognition is busy right now. Say your reply again in a few seconds.",
    "hf_mic_off": "The microphone is off. Press “START” to go on with the call.",
    "hf_feedback_at_end": "Feedback at the end of the call",
    "hf_feedback_at_end_help": "Scores and advice on each reply are not shown during the conversation: you see them "
    "on the scorecard when the call is over.",
    "hf_feedback_held": "Feedback on your replies is on the scorecard after the call.",
}
