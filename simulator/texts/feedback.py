"""The feedback a trainee reads after each reply and at the end of a call, in the scenario's
language (Ukrainian or English), and how it is worded: ``say(language, key, **values)`` fills a
line (``{score:points}`` says the number with its plural word, simulator.plural), ``quoted``
lists the words a trainee said in that language's quotation marks. Which lines a score gets is
decided by simulator.scoring.feedback; the keys of the families ``kind_``, ``band_`` and
``outcome_`` are the scorer's codes.
"""
from __future__ import annotations

from .. import plural

MESSAGES = {
    "uk": {
        "facts": "Ключові факти: {said} з {total}.",
        "missing": "Не прозвучало: {items}.",
        "unclear": "Не вдалося чітко розчути: {items}. Це не зараховано як пропуск; говоріть чіткіше або запишіть відповідь ще раз.",
        "verified": "Підтверджено за записом (у розшифровці нечітко): {items}.",
        "wrong": "Помилка у фактах: {fact}. {correction}",
        "wrong_meant": "Схоже на хибне твердження іншими словами: «{sentence}» звучить як «{fact}». {correction}",
        "invented": "Обіцянка, якої немає в правилах: {items}. Не обіцяйте того, що не можете гарантувати.",
        "helped": "Допомогло: {items}.",
        "hurt": "Зашкодило: {items}.",
        "acknowledge_then_act": "Добре: ви визнали ситуацію клієнта і одразу запропонували дію.",
        "sympathy_without_action": "Співчуття без дії: скажіть, що саме ви зробите і коли.",
        "repeated_apologies": "Кілька вибачень поспіль звучать шаблонно: вибачтеся один раз і перейдіть до дії.",
        "off_topic": "Відповідь не про те, що сказав клієнт: спершу дайте раду його питанню.",
        "upsell_instead": "Замість відповіді — пропозиція послуги: спершу дайте раду питанню клієнта, пропонуйте потім.",
        "not_answered_upsell": "Точність 0: жодного ключового факту, замість відповіді — пропозиція послуги.",
        "not_answered_secret": "Точність 0: жодного ключового факту, замість відповіді — запит даних картки.",
        "formulaic_acknowledgement": "Співчуття шаблонне: назвіть, що саме сталося з клієнтом.",
        "vague_handoff": "«Передам» чи «підкажу» — ще не дія: скажіть, що саме зробите ви і коли.",
        "no_embeddings": "Емпатію оцінено без мовної моделі контексту (вона не завантажилася на цьому комп'ютері).",
        "critical": "Критична помилка: {what} («{phrase}»).",
        "kind_forbidden": "заборонена фраза",
        "kind_blame": "звинувачення клієнта",
        "kind_secret": "запит даних картки, PIN або коду з SMS",
        "kind_deflect": "перекладання відповідальності",
        "kind_rude": "грубість або зверхній тон",
        "kind_threat": "погроза клієнтові",
        "kind_regulator": "відмовляння від скарги регулятору",
        "kind_privacy": "дані іншого клієнта",
        "kind_promise": "потайна обіцянка всупереч правилам",
        "time": "Час: {seconds} с при нормі {target} с ({band}).",
        "band_on_target": "у межах норми",
        "band_slightly_over": "трохи довше за норму",
        "band_over": "довше за норму",
        "band_well_over": "значно довше за норму",
        "band_far_over": "набагато довше за норму",
        "better": "Краща відповідь: {reference}",
        "silent": "Відповіді не було.",
        "passed": "Дзвінок зараховано: {score:points} при прохідному {mark}.",
        "failed": "Дзвінок не зараховано.",
        "reason_below_mark": "Загальна оцінка {score} нижча за прохідну {mark}.",
        "reason_critical": "Була критична помилка.",
        "reason_outcome": "Дзвінок завершився без вирішення ({outcome}).",
        "outcome_resolved": "питання вирішено",
        "outcome_escalated": "клієнт ескалював",
        "outcome_hung_up": "клієнт поклав слухавку",
        "outcome_unresolved": "вичерпано кількість реплік",
        "outcome_abandoned": "дзвінок перервано",
    },
    "en": {
        "facts": "Key facts: {said} of {total}.",
        "missing": "Not said: {items}.",
        "unclear": "Not heard clearly: {items}. This does not count as missed; speak more clearly or record the reply again.",
        "verified": "Confirmed from the recording (unclear in the transcript): {items}.",
        "wrong": "Wrong fact: {fact}. {correction}",
        "wrong_meant": "This reads like a wrong fact in other words: “{sentence}” sounds like “{fact}”. {correction}",
        "invented": "A promise no rule backs: {items}. Do not promise what you cannot guarantee.",
        "helped": "Helped: {items}.",
        "hurt": "Hurt: {items}.",
        "acknowledge_then_act": "Good: you acknowledged the customer's situation and went straight to an action.",
        "sympathy_without_action": "Sympathy without action: say what exactly you will do and when.",
        "repeated_apologies": "Several apologies in a row sound scripted: apologise once and move to action.",
        "off_topic": "The reply does not answer what the customer said: deal with their question first.",
        "upsell_instead": "A service offered instead of an answer: deal with the customer's question first, offer later.",
        "not_answered_upsell": "Accuracy 0: no key fact, a service offered instead of an answer.",
        "not_answered_secret": "Accuracy 0: no key fact, card details asked for instead of an answer.",
        "formulaic_acknowledgement": "The acknowledgement is a formula: name what actually happened to this customer.",
        "vague_handoff": "\"I'll pass it on\" or \"I can help\" is not yet an action: say what exactly you will do, and when.",
        "no_embeddings": "Empathy was judged without the context language model (it could not load on this machine).",
        "critical": "Critical mistake: {what} (\"{phrase}\").",
        "kind_forbidden": "a forbidden phrase",
        "kind_blame": "blaming the customer",
        "kind_secret": "asking for card details, a PIN or an SMS code",
        "kind_deflect": "deflecting responsibility",
        "kind_rude": "rudeness or condescension",
        "kind_threat": "a threat to the customer",
        "kind_regulator": "discouraging a complaint to the regulator",
        "kind_privacy": "another customer's data",
        "kind_promise": "a covert promise against the rules",
        "time": "Time: {seconds} s against a target of {target} s ({band}).",
        "band_on_target": "on target",
        "band_slightly_over": "slightly over",
        "band_over": "over the target",
        "band_well_over": "well over the target",
        "band_far_over": "far over the target",
        "better": "A better answer: {reference}",
        "silent": "No reply was given.",
        "passed": "Call passed: {score:points} against a pass mark of {mark}.",
        "failed": "Call not passed.",
        "reason_below_mark": "The overall score {score} is below the pass mark {mark}.",
        "reason_critical": "There was a critical mistake.",
        "reason_outcome": "The call ended without a resolution ({outcome}).",
        "outcome_resolved": "resolved",
        "outcome_escalated": "the customer escalated",
        "outcome_hung_up": "the customer hung up",
        "outcome_unresolved": "out of turns",
        "outcome_abandoned": "the call was abandoned",
    },
}


def say(language: str, key: str, **values) -> str:
    return plural.format(MESSAGES[language][key], language, **values).strip()


def quoted(language: str, items: list[str]) -> str:
    if language == "uk":
        return ", ".join(f"«{item}»" for item in items)
    return ", ".join(f'"{item}"' for item in items)
