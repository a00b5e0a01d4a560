"""Interface strings of the voice check (simulator/ui/components/voice_check.py), in Ukrainian
and English (merged into labels.py). Every key starts with ``vc_``; ``vc_verdict_<v>`` and
``vc_quality_<q>`` name each verdict and sentence quality of simulator.voice.check."""

UK: dict[str, str] = {
    "vc_title": "Перевірка голосу",
    "vc_intro": "Прочитайте вголос три короткі речення, кожне в свій запис, і натисніть «Перевірити». "
    "Тренажер розпізнає їх так само, як ваші усні відповіді, і скаже, чи надійно він чує вас через цей мікрофон. "
    "Говоріть звичайним голосом, як із клієнтом.",
    "vc_language": "Мова перевірки",
    "vc_sentence": "Речення {number}",
    "vc_record": "Запишіть речення {number}",
    "vc_run": "Перевірити",
    "vc_run_help": "Спершу запишіть усі три речення.",
    "vc_running": "Розпізнаю три записи…",
    "vc_done": "Перевірку завершено",
    "vc_failed": "Перевірку не вдалося завершити",
    "vc_busy": "Розпізнавач мовлення зараз зайнятий відповідями інших стажерів. Натисніть «Перевірити» ще раз за кілька секунд.",
    "vc_incomplete": "Деякі записи не вдалося використати, тож перевірку не збережено. Запишіть ці речення ще раз і натисніть «Перевірити».",
    "vc_sentence_problem": "Речення {number}: {message}",
    "vc_verdict_reliable": "Вас добре чути: усні відповіді на цьому пристрої оцінюватимуться надійно.",
    "vc_verdict_usable_with_care": "Вас чути, але не завжди чітко: усні відповіді можна тренувати, проте окремі слова "
    "можуть бути розпізнані хибно. Перевіряйте, що розпізнано, і перезаписуйте відповідь, коли там не те, що ви сказали.",
    "vc_verdict_unreliable": "Вас погано чути: усні відповіді на цьому пристрої оцінювалися б за тим, що розпізнано хибно. "
    "Скористайтеся порадами нижче й перевірте ще раз; доки результат не покращиться, тренуйтеся краще в чатах.",
    "vc_reason_misheard": "Багато слів розпізнано не так, як написано: читайте речення точно, трохи повільніше й чіткіше, у тихому місці.",
    "vc_reason_unsure": "Розпізнавач не був певен багатьох слів: допомагають гарнітура з мікрофоном і тиша навколо.",
    "vc_reason_too_quiet": "Ваш голос у записі тихий: сядьте ближче до мікрофона або збільште його гучність у налаштуваннях.",
    "vc_heard": "Розпізнано: «{heard}»",
    "vc_heard_nothing": "Не розпізнано жодного слова.",
    "vc_quality_good": "розпізнано добре",
    "vc_quality_partly": "розпізнано частково",
    "vc_quality_poor": "розпізнано погано",
    "vc_quality_not_heard": "не розпізнавали",
    "vc_quality_unusable": "запис не придатний",
    "vc_figures": "Хибно розпізнаних символів: {cer}; слів, розпізнаних непевно: {unclear}; рівень мовлення: {level} дБ. Розпізнавач: {recogniser}.",
    "vc_last": "Остання перевірка голосу ({language}, {when}): {verdict}",
    "vc_never": "Голос ще не перевіряли.",
    "vc_short_reliable": "надійно",
    "vc_short_usable_with_care": "з обережністю",
    "vc_short_unreliable": "ненадійно",
    "vc_staff_line": "Перевірка голосу: {checks}",
    "vc_staff_none": "Перевірка голосу: ще не проходив(ла).",
    "vc_open": "Перевірити голос",
    "vc_offer_title": "Перевірте голос перед першою усною відповіддю",
    "vc_offer_text": "Близько хвилини: прочитайте три короткі речення, і тренажер скаже, чи надійно він чує вас через цей мікрофон. "
    "Час дзвінка тим часом іде; перевірку можна пройти й пізніше, на сторінці «Мій прогрес».",
    "vc_offer_now": "Перевірити голос зараз",
    "vc_offer_later": "Пізніше",
    "vc_back_to_call": "Повернутися до дзвінка",
}

EN: dict[str, str] = {
    "vc_title": "Voice check",
    "vc_intro": "Read the three short sentences aloud, each into its own recording, and press “Check”. "
    "The simulator recognises them just as it recognises your spoken replies, and tells you whether it hears you "
    "reliably through this microphone. Speak in your normal voice, as you would to a customer.",
    "vc_language": "Language of the check",
    "vc_sentence": "Sentence {number}",
    "vc_record": "Record sentence {number}",
    "vc_run": "Check",
    "vc_run_help": "Record all three sentences first.",
    "vc_running": "Recognising the three recordings…",
    "vc_done": "Check finished",
    "vc_failed": "The check could not be finished",
    "vc_busy": "Speech recognition is busy with other trainees' replies right now. Press “Check” again in a few seconds.",
    "vc_incomplete": "Some recordings could not be used, so the check was not saved. Record those sentences again and press “Check”.",
    "vc_sentence_problem": "Sentence {number}: {message}",
    "vc_verdict_reliable": "You are heard well: spoken replies on this set-up will be judged reliably.",
    "vc_verdict_usable_with_care": "You are heard, but not always clearly: spoken practice works, but some words may be "
    "misheard. Look at what was heard and record your reply again when it is not what you said.",
    "vc_verdict_unreliable": "You are not heard well: spoken replies on this set-up would be judged on misheard words. "
    "Try the advice below and check again; until it improves, practise on chat scenarios instead.",
    "vc_reason_misheard": "Many words were heard differently from the sentence: read it exactly as written, a little slower "
    "and more clearly, somewhere quiet.",
    "vc_reason_unsure": "The recogniser was unsure of many words: a headset microphone and a quiet room help.",
    "vc_reason_too_quiet": "Your voice is quiet in the recording: sit closer to the microphone or raise its input volume in the settings.",
    "vc_heard": "Heard: “{heard}”",
    "vc_heard_nothing": "No words were recognised.",
    "vc_quality_good": "heard well",
    "vc_quality_partly": "partly heard",
    "vc_quality_poor": "poorly heard",
    "vc_quality_not_heard": "not recognised",
    "vc_quality_unusable": "recording not usable",
    "vc_figures": "Characters misheard: {cer}; words heard unsurely: {unclear}; speech level: {level} dB. Recogniser: {recogniser}.",
    "vc_last": "Last voice check ({language}, {when}): {verdict}",
    "vc_never": "Your voice has not been checked yet.",
    "vc_short_reliable": "reliable",
    "vc_short_usable_with_care": "usable with care",
    "vc_short_unreliable": "unreliable",
    "vc_staff_line": "Voice check: {checks}",
    "vc_staff_none": "Voice check: not taken yet.",
    "vc_open": "Check my voice",
    "vc_offer_title": "Check your voice before your first spoken reply",
    "vc_offer_text": "About a minute: read three short sentences, and the simulator tells you whether it hears you reliably "
    "through this microphone. The call's clock keeps running meanwhile; you can also take the check later, on “My progress”.",
    "vc_offer_now": "Check my voice now",
    "vc_offer_later": "Later",
    "vc_back_to_call": "Back to the call",
}
