"""What a trainee is told when a recorded reply cannot be used (simulator.voice.audio: an
AudioError's code), in Ukrainian and English: what is wrong and what to do. Keyed by code, then
language; ``{max_seconds}`` and ``{max_mb}`` are the limits in force (``:seconds_genitive``
says the number with its word, simulator.plural).
"""
from __future__ import annotations

MESSAGES = {
    "empty": {
        "uk": "Запис порожній. Натисніть «Записати» і скажіть відповідь ще раз.",
        "en": "The recording is empty. Press “Record” and say your answer again.",
    },
    "corrupt": {
        "uk": "Запис пошкоджений, його не вдалося прочитати. Запишіть відповідь ще раз.",
        "en": "The recording is damaged and could not be read. Please record your answer again.",
    },
    "not_audio": {
        "uk": "Це не аудіофайл. Завантажте запис у форматі WAV, WebM, OGG, MP3 або M4A "
        "чи запишіть відповідь кнопкою «Записати».",
        "en": "This is not an audio file. Upload a WAV, WebM, OGG, MP3 or M4A recording, "
        "or record your answer with the “Record” button.",
    },
    "too_short": {
        "uk": "Запис надто короткий. Натисніть «Записати», скажіть відповідь повністю і лише тоді зупиніть запис.",
        "en": "The recording is too short. Press “Record”, say your whole answer, and only then stop recording.",
    },
    "too_long": {
        "uk": "Запис задовгий. Відповідайте коротше: не більше {max_seconds:seconds_genitive}.",
        "en": "The recording is too long. Keep your answer under {max_seconds:seconds_genitive}.",
    },
    "too_large": {
        "uk": "Файл завеликий (більше {max_mb} МБ). Запишіть коротшу відповідь або завантажте менший файл.",
        "en": "The file is too large (over {max_mb} MB). Record a shorter answer or upload a smaller file.",
    },
    "silent": {
        "uk": "У записі тиша. Перевірте, чи увімкнено мікрофон і чи браузер має до нього "
        "доступ, і запишіть відповідь ще раз.",
        "en": "The recording is silent. Check that your microphone is on and the browser "
        "may use it, then record your answer again.",
    },
}
