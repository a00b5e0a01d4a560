"""Compliance as the QA rubric has it: what fails a call, in Ukrainian and English, typed or
transcribed, and the correct advice, routing and polite requests that must never fail one."""
from __future__ import annotations

import re

import pytest

from simulator.scoring import compliance, lexicon
from simulator.scoring.matching import Reply


def flags(text: str, language: str, forbidden: list[str] = ()) -> list[compliance.Flag]:
    return compliance.check(Reply(text, language), language, forbidden)


def critical(text: str, language: str) -> list[compliance.Flag]:
    return [flag for flag in flags(text, language) if flag.critical]


def transcript(text: str) -> str:
    """As speech recognition writes it: lower case, no punctuation."""
    return " ".join(re.sub(r"[^\w\s'’-]|-", " ", text.lower()).split())


CRITICAL = [
    # fourth batch: a probe written for the rubric's kinds in new wordings (not from the benchmark)
    ("uk", "blame", "А хто вам заважав заплатити до двадцятого?"),
    ("uk", "blame", "Нічого б не сталося, якби ви платили вчасно."),
    ("uk", "blame", "Ви ж підписували договір, мали читати."),
    ("uk", "rude", "Дурниці не кажіть."),
    ("uk", "deflect", "Кому ви платили — у того й питайте."),
    ("uk", "secret", "Що там написано в смс, скажіть мені."),
    ("uk", "secret", "Для перевірки потрібні реквізити вашої картки."),
    ("en", "blame", "Well, whose fault is that? You didn't send the reading."),
    ("en", "blame", "It wouldn't have happened if you'd paid on time."),
    ("en", "rude", "Don't be ridiculous."),
    ("en", "rude", "Spare me the drama."),
    ("en", "deflect", "Go ask whoever you paid."),
    ("en", "deflect", "Look, I'm not obliged to explain this to you."),
    ("en", "deflect", "Your bank messed up, not us."),
    ("uk", "blame", "Самі ж і натиснули на те посилання, що тепер дзвоните."),
    ("uk", "rude", "Якщо ви не розумієте простих речей, я не винна."),
    ("en", "rude", "Are you deaf? I said three days."),
    # third batch: condescension, threats to close a chat, card data in other words (tuned on the dev split)
    ("uk", "rude", "Ну тут же нічого складного, це арифметика рівня третього класу."),
    ("uk", "rude", "Там же все написано, треба просто уважно читати."),
    ("uk", "rude", "Перш ніж писати скаргу, почитайте правила на сайті."),
    ("uk", "rude", "Ви ж не опалюєте влітку, правда? От і ціна інша."),
    ("uk", "rude", "Не знаю, як ви примудрилися переплутати показники."),
    ("uk", "blame", "Квитанції треба було зберігати, тоді б і номер рахунку знали."),
    ("uk", "deflect", "Відключала не я, а електромережі, з ними й домовляйтеся."),
    ("uk", "threat", "Якщо ви й далі писатимете в такому тоні, я закрию чат."),
    ("uk", "threat", "Якщо продовжите повторювати одне й те саме, переписку буде закрито."),
    ("uk", "threat", "Такі коментарі ми приховаємо."),
    ("uk", "secret", "Щоб звірити, надішліть фото вашої картки з обох боків."),
    ("uk", "secret", "Підтвердіть, будь ласка, картку, якою ви платите."),
    ("uk", "secret", "Код можете назвати, коли вам передзвонять."),
    ("en", "rude", "Obviously the night rate is cheaper, that's the whole point of it."),
    ("en", "rude", "Maybe read the tariff page before posting."),
    ("en", "rude", "You don't heat the flat in June, do you?"),
    ("en", "rude", "Honestly, who clicks links in texts like that?"),
    ("en", "rude", "Sure, write to NEURC if it makes you feel better."),
    ("en", "rude", "I'm not sure how you managed to get it wrong again."),
    ("en", "rude", "Lose the attitude, please."),
    ("en", "threat", "Sir, drop the attitude or I'll end this call."),
    ("en", "threat", "If you keep yelling I'll put the phone down."),
    ("en", "threat", "Posts like this get hidden."),
    ("en", "secret", "Send us a message with your address and the card you pay with, number and expiry."),
    ("en", "secret", "Could you send a photo of your bank card?"),
    # new wordings (from the judging benchmark's second dev batch)
    ("uk", "blame", "Можна було й самому здогадатися перевірити історію в банку."),
    ("uk", "rude", "Ви ж доросла людина, це ж очевидно."),
    ("uk", "rude", "Про таких шахраїв уже всі знають, слідкуйте за новинами."),
    ("uk", "deflect", "То вже ваші справи з банком."),
    ("uk", "deflect", "Відключення — хай уряд вирішує, ми тут нічого не вирішуємо."),
    ("uk", "threat", "Якщо ви й далі так розмовлятимете, на цьому розмову закінчено."),
    ("uk", "regulator", "Писати в НКРЕКП — тільки час гаяти."),
    ("uk", "secret", "Продиктуйте, будь ласка, що написано на лицьовому боці картки."),
    ("uk", "secret", "Назвіть, будь ласка, цифри, що прийшли вам у повідомленні."),
    ("en", "blame", "You could have looked at the app before pressing pay twice."),
    ("en", "rude", "You're an adult, everyone knows that. Try to keep up with the news."),
    ("en", "deflect", "That's between you and your bank."),
    ("en", "deflect", "Not on us, take it up with the seller."),
    ("en", "deflect", "Outages are the government's call, not ours, go bother them."),
    ("en", "threat", "If you keep asking me the same thing, I'll close this chat."),
    ("en", "threat", "Sir, this conversation is over if you keep shouting."),
    ("en", "regulator", "A complaint to the regulator won't get his fan running, save yourself the trouble."),
    ("en", "secret", "What does it say on the front of your card?"),
    ("en", "secret", "Type me the digits you gave them."),
    # reproach, indifference and "a waste of time" (found on the judging benchmark's dev split)
    ("en", "blame", "You didn't send your readings, so that's on you."),
    ("uk", "blame", "Ви ж самі мали перевірити графік заздалегідь."),
    ("uk", "blame", "Це все є на сайті, могли б і самі подивитися."),
    ("uk", "blame", "Ви б хоч умови почитали, перш ніж писати."),
    ("uk", "rude", "Пишіть куди хочете, мені байдуже."),
    ("uk", "rude", "Ну а що ви хотіли, показників же не було."),
    ("en", "rude", "Honestly, I don't care what the neighbours pay."),
    ("en", "regulator", "Go to NEURC if you like, but honestly it's a waste of your time."),
    ("uk", "regulator", "Скаржитися в НКРЕКП — марна трата часу."),
    # blaming the customer
    ("uk", "blame", "Треба було платити раніше."),
    ("uk", "blame", "Треба було вчасно передавати показники."),
    ("uk", "blame", "Самі не передали показники, от і маєте."),
    ("uk", "blame", "Ви ж самі винні."),
    ("uk", "blame", "Ви самі винні, що не передали показники."),
    ("uk", "blame", "Якби ви передали показники вчасно, такого б не було."),
    ("uk", "blame", "Це ваша провина."),
    ("en", "blame", "You should have paid earlier."),
    ("en", "blame", "That's what happens when you don't send readings."),
    ("en", "blame", "That's on you."),
    ("en", "blame", "It's your own fault."),
    ("en", "blame", "If you'd sent your readings on time, this wouldn't have happened."),
    ("en", "blame", "You only have yourself to blame."),
    # deflecting responsibility
    ("uk", "deflect", "Це проблеми банку, а не наші."),
    ("uk", "deflect", "Це не наша проблема."),
    ("uk", "deflect", "Це не до нас."),
    ("uk", "deflect", "Звертайтеся куди хочете."),
    ("uk", "deflect", "Це не моя робота."),
    ("uk", "deflect", "Це ваші проблеми."),
    ("uk", "deflect", "Нас це не стосується, розбирайтеся з банком."),
    ("en", "deflect", "That's the bank's problem, not ours."),
    ("en", "deflect", "That's not our problem."),
    ("en", "deflect", "Sorry, that's not my job."),
    ("en", "deflect", "Take it up with someone else."),
    ("en", "deflect", "That's not our department."),
    ("en", "deflect", "It has nothing to do with us."),
    # rude, sarcastic, condescending
    ("uk", "rude", "Жінко, не кричіть на мене!"),
    ("uk", "rude", "Чоловіче, не кричіть на мене."),
    ("uk", "rude", "Не кричіть."),
    ("uk", "rude", "Заспокойтеся."),
    ("uk", "rude", "Що тут незрозумілого?"),
    ("uk", "rude", "Я ж вам уже пояснила."),
    ("uk", "rude", "Я вам втретє повторюю: показники не надійшли."),
    ("uk", "rude", "Не морочте мені голову."),
    ("uk", "rude", "Ви що, не розумієте?"),
    ("uk", "rude", "Читайте платіжку уважніше."),
    ("en", "rude", "Lady, stop yelling at me."),
    ("en", "rude", "Calm down."),
    ("en", "rude", "Stop shouting."),
    ("en", "rude", "As I already told you, the bill is estimated."),
    ("en", "rude", "What's so hard to understand?"),
    ("en", "rude", "I've explained this three times."),
    ("en", "rude", "Read your bill more carefully and stop wasting my time."),
    # threats
    ("uk", "threat", "Ще одне слово — і я кладу слухавку."),
    ("uk", "threat", "Якщо будете кричати, я покладу слухавку."),
    ("uk", "threat", "Якщо образи триватимуть, я буду змушена завершити розмову."),
    ("uk", "threat", "Я завершую розмову, якщо ви не припините кричати."),
    ("en", "threat", "One more word like that and I'm hanging up."),
    ("en", "threat", "I will end this call if you keep shouting."),
    ("en", "threat", "If the insults continue, I'll have to end the call."),
    # discouraging a complaint to the regulator
    ("uk", "regulator", "Скаржитися в НКРЕКП немає сенсу."),
    ("uk", "regulator", "Не варто писати скаргу регулятору."),
    ("uk", "regulator", "НКРЕКП вам не допоможе."),
    ("en", "regulator", "There's no point complaining to NEURC."),
    ("en", "regulator", "Complaining to the regulator won't get you anywhere."),
    ("en", "regulator", "Don't bother complaining, NEURC won't help."),
    # asking for card data, a PIN, a password or a one-time code, in any wording
    ("uk", "secret", "Назвіть, будь ласка, номер вашої картки."),
    ("uk", "secret", "Кажіть номер картки."),
    ("uk", "secret", "Продиктуйте шістнадцять цифр вашої картки."),
    ("uk", "secret", "Які останні цифри та термін дії вашої картки?"),
    ("uk", "secret", "Прочитайте мені код."),
    ("uk", "secret", "Вам прийшло SMS. Прочитайте мені код."),
    ("uk", "secret", "Назвіть три цифри на звороті картки."),
    ("uk", "secret", "Скажіть PIN-код картки."),
    ("uk", "secret", "Продиктуйте код з SMS, будь ласка."),
    ("uk", "secret", "Номер картки, будь ласка."),
    ("uk", "secret", "Мені потрібен номер вашої картки і CVV."),
    ("uk", "secret", "Скажіть код, який вам щойно прийшов."),
    ("uk", "secret", "Назвіть пароль від особистого кабінету."),
    ("uk", "secret", "Не хвилюйтеся, назвіть номер картки."),
    ("en", "secret", "Read me the sixteen digits on your card."),
    ("en", "secret", "We've sent you a text. Read me the code in it."),
    ("en", "secret", "What are the last digits?"),
    ("en", "secret", "Confirm the card details, please."),
    ("en", "secret", "What's the security code on the back?"),
    ("en", "secret", "Please tell me the code we just texted you."),
    ("en", "secret", "Could you read me the card number and the CVV?"),
    ("en", "secret", "Can I have your PIN?"),
    ("en", "secret", "I'll need your card number and expiry date."),
    ("en", "secret", "Your card number, please."),
    ("en", "secret", "Tell me your name and the card number."),
    ("uk", "secret", "Напишіть номер картки в чаті."),
    ("en", "secret", "Type your card number here in the chat."),
    # session 6: families written as probes (not from the benchmark)
    ("uk", "blame", "Хто ж вам винен, що ви платите в останній день?"),
    ("uk", "blame", "Не треба було чекати до останнього."),
    ("uk", "blame", "Уважніше треба бути з платежами."),
    ("uk", "deflect", "Я тут ні до чого, це банк затримує."),
    ("uk", "rude", "Не смішіть мене, ніхто вам нічого не поверне."),
    ("uk", "rude", "Сформулюйте нормально, що вам треба."),
    ("uk", "rude", "Не вигадуйте, такого бути не може."),
    ("uk", "rude", "Ви взагалі читаєте, що вам пишуть?"),
    ("uk", "threat", "Якщо не припините кричати, я від'єднаю вас від лінії."),
    ("uk", "regulator", "Писати регулятору немає сенсу, повірте."),
    ("en", "blame", "Pay more attention to your payments next time."),
    ("en", "rude", "Come on, it's basic stuff: two zones, two prices."),
    ("en", "rude", "Did you even read the bill?"),
    ("en", "rude", "Stop making things up, that never happens."),
    ("en", "threat", "If you don't stop shouting, I'll hang up."),
    ("uk", "secret", 'Для ідентифікації назвіть дату закінчення дії картки.'),
    ("uk", "secret", 'Які перші шість цифр вашої картки?'),
    ("uk", "secret", 'Скиньте скріншот картки, я подивлюся.'),
    ("uk", "secret", 'Повідомте одноразовий пароль з банку.'),
    ("uk", "secret", 'Введіть код із повідомлення сюди в чат.'),
    ("uk", "secret", 'А цифри на звороті картки які?'),
    ("uk", "secret", 'Ваш логін і пароль від Приват24, будь ласка.'),
    ("uk", "rude", 'Ну що ви як маленька, це ж усім відомо.'),
    ("uk", "rude", 'Ну ви даєте, таке не знати.'),
    ("uk", "rude", "Я не зобов'язана вам це пояснювати."),
    ("uk", "rude", 'Мені за це не платять, щоб я вам усе розжовувала.'),
    ("uk", "rude", 'Ви мені тут не розказуйте.'),
    ("uk", "rude", 'Не указуйте мені, як працювати.'),
    ("uk", "threat", 'Якщо будете хамити, розмову завершу.'),
    ("uk", "threat", 'Будете так розмовляти — я відключаюся.'),
    ("uk", "deflect", 'Це все питання до вашого банку, не до нас.'),
    ("uk", "deflect", 'Звертайтеся до ДТЕК, ми за світло не відповідаємо, і не дзвоніть нам більше.'),
    ("uk", "regulator", 'Ви ж розумієте, що скарга нічого не змінить?'),
    ("uk", "regulator", 'Регулятор такі скарги навіть не читає.'),
    ("uk", "regulator", 'Не варто витрачати час на НКРЕКП.'),
    ("uk", "deflect", 'Самі переплутали реквізити, самі й розбирайтеся.'),
    ("uk", "blame", 'А нащо ви платили двічі?'),
    ("uk", "rude", 'Читати треба, що підписуєте.'),
    ("en", "secret", "For verification, what's the expiry date on your card?"),
    ("en", "secret", 'What are the first six digits of your card?'),
    ("en", "secret", "Send me a photo of your card and I'll check."),
    ("en", "secret", "What's the one-time password the bank sent?"),
    ("en", "secret", 'Just type the code from the text in here.'),
    ("en", "secret", 'Your online banking login and password, please.'),
    ("en", "rude", 'Seriously? Everyone knows that.'),
    ("en", "rude", "I'm not paid to explain basic things."),
    ("en", "rude", "Don't tell me how to do my job."),
    ("en", "threat", "Keep talking like that and I'll disconnect."),
    ("en", "threat", "If you're going to be rude, this call is done."),
    ("en", "deflect", "That's your bank's issue, not ours."),
    ("en", "deflect", "Call DTEK, we don't do power, and stop calling us."),
    ("en", "regulator", "You do realise a complaint won't change anything?"),
    ("en", "regulator", "The regulator doesn't even read those complaints."),
    ("en", "regulator", "Don't waste your time with NEURC."),
    # a complaint said to be futile because it would only come back, or take forever
    ("en", "regulator", "You can write to NEURC, but they'll just send it back to us."),
    ("en", "regulator", "The regulator takes months to answer complaints, so I'd skip it."),
    ("uk", "regulator", "Можете написати в НКРЕКП, але вони все одно перешлють скаргу нам."),
    ("uk", "regulator", "НКРЕКП розглядає скарги місяцями."),
    ("en", "deflect", 'You mixed up the details yourself, so sort it out yourself.'),
    ("en", "blame", 'Why on earth did you pay twice?'),
    ("en", "rude", 'You need to read what you sign.'),
    ("en", "rude", "Wow, you really don't know how your own meter works?"),
    ("uk", "secret", 'Продиктуйте, що прийшло в есемесці.'),
    ("uk", "secret", 'Що там у смс написано? Цифри скажіть.'),
    ("uk", "secret", "Ім'я власника і номер картки, будь ласка."),
    ("uk", "secret", 'Надішліть код на цей номер, і ми все скасуємо.'),
    ("uk", "rude", 'Ой, ну знову ви. Платіжку хоч раз відкривали?'),
    ("uk", "deflect", 'Я лише оператор, що ви від мене хочете?'),
    ("uk", "deflect", 'Це не моя компетенція, шукайте, хто вам винен.'),
    ("uk", "deflect", 'Це ваші клопоти, не наші.'),
    ("uk", "rude", 'Ви що, з місяця впали? Тарифи ж змінилися.'),
    ("uk", "blame", 'Ну звісно, у вас завжди хтось інший винен.'),
    ("uk", "rude", 'Годі вже скаржитися.'),
    ("uk", "rude", 'Слухайте, мені це вже набридло.'),
    ("uk", "threat", 'Я не буду з вами так розмовляти, до побачення.'),
    ("uk", "threat", 'Ще раз підвищите голос — і я кладу трубку.'),
    ("uk", "regulator", 'Не думаю, що регулятор стане цим займатися, тож не витрачайте сили.'),
    ("uk", "regulator", 'Скаржтеся, не скаржтеся — результат той самий.'),
    ("uk", "rude", 'Вам що, важко було подивитися графік?'),
    ("uk", "rude", 'Ви що, не бачили попередження?'),
    ("uk", "blame", 'Треба було думати раніше.'),
    ("en", "secret", 'Read me what the text message says.'),
    ("en", "secret", 'Name on the card and the long number, please.'),
    ("en", "rude", 'Oh, you again. Have you ever actually opened a bill?'),
    ("en", "deflect", "I'm just an operator, what do you want from me?"),
    ("en", "deflect", "That's above my pay grade, try someone else."),
    ("en", "rude", 'Did you fall asleep during the tariff change?'),
    ("en", "blame", "Of course, it's always someone else's fault with you."),
    ("en", "rude", 'Enough complaining already.'),
    ("en", "rude", "Honestly, I'm sick of this."),
    ("en", "threat", "I'm not going to talk to you like this, goodbye."),
    ("en", "threat", "Raise your voice again and I'm putting the phone down."),
    ("en", "regulator", 'I doubt the regulator will bother with this, so save your energy.'),
    ("en", "regulator", "Complain or don't, the result's the same."),
    ("en", "rude", 'Was it really that hard to check the schedule?'),
    ("en", "blame", "You should've thought about that earlier."),
    ("en", "rude", "It's not complicated, sir: you don't pay, you get cut off."),
    ("en", "rude", "Sweetheart, that's just how it works."),
    ("en", "deflect", "Look, dear, I don't make the rules."),
    # asking whether the customer can read at all (Whisper often writes "can't" as "can")
    ("en", "rude", "Calm down, lady, can you read?"),
    ("en", "rude", "Do you even know how to read? It's on the slip."),
    ("uk", "rude", "Ви читати вмієте? Там усе написано."),
]

NOT_CRITICAL = [
    # fourth batch: advice, routing and offers beside the new wordings above
    ("uk", "Якби ви хотіли, я можу надіслати копію рахунку."),
    ("uk", "Ми мали передати ваші показники ще вчора, це наша помилка."),
    ("uk", "Номер картки мені не потрібен, достатньо квитанції."),
    ("uk", "Для перевірки потрібен лише номер особового рахунку."),
    ("en", "If you'd like, I can send you a copy of the bill."),
    ("en", "Never read out the code from a message, even if they say they're us."),
    ("en", "Bank transfers take up to three days, it's not your fault."),
    ("en", "I'd ask you to keep it civil, and I'll sort it out."),
    # third batch: advice in a sentence with "or", offers that only look like the patterns above
    ("en", "We never ask you to pay through a link like that or to give card details or codes."),
    ("en", "no, that's not us, we never ask you to pay through a link or give codes"),
    ("uk", "Ми ніколи не просимо переказувати гроші за посиланням чи називати код із СМС."),
    ("uk", "Можу говорити російською, якщо вам так легше."),
    ("uk", "Якщо борг виник до покупки, треба дивитися документи."),
    ("uk", "Показники треба передавати з 1 по 3 число."),
    ("uk", "Тут нічого складного, я зараз усе поясню."),
    ("uk", "Якщо це шахрайська картка, банк її заблокує: зателефонуйте туди."),
    ("en", "I can stay on the line while you look, if it makes you feel better."),
    ("en", "I'll end the call now, thank you for calling, goodbye."),
    ("uk", "До речі, а ви знали, що нічна електроенергія вдвічі дешевша?"),
    ("en", "Since you gave them the card number, please call your bank now and block the card."),
    ("uk", "Ви маєте право подати скаргу до НКРЕКП, це не марно."),
    ("uk", "Що ви хотіли б уточнити в платіжці?"),
    ("en", "It's pointless to wait on hold, so I'll call you back within ten minutes."),
    # advice not to share: correct
    ("uk", "Не повідомляйте номер картки."),
    ("uk", "Нікому не кажіть код з SMS."),
    ("uk", "Ніколи не повідомляйте код з SMS."),
    ("uk", "Ми ніколи не просимо PIN."),
    ("uk", "Номер картки нікому не повідомляйте."),
    ("uk", "Ми ніколи не попросимо вас назвати код з SMS чи PIN."),
    ("uk", "Якщо хтось попросить продиктувати код з SMS, покладіть слухавку."),
    ("uk", "Назвіть, будь ласка, номер особового рахунку, номер картки не потрібен."),
    ("uk", "Для входу в застосунок вам прийде код з SMS, його знаєте тільки ви."),
    ("uk", "Введіть код з SMS у застосунку YASNO."),
    ("en", "Never give anyone your card number."),
    ("en", "We will never ask for your PIN or a code."),
    ("en", "Don't read the code to anyone."),
    ("en", "We won't ask you to read out any code from an SMS."),
    ("en", "If someone asks you to read out the code from an SMS, hang up."),
    ("en", "Your PIN and card details are never needed for this; just your account number."),
    # asking for what an operator may ask for
    ("uk", "Підкажіть, будь ласка, номер особового рахунку або адресу."),
    ("uk", "Назвіть останні цифри особового рахунку."),
    ("uk", "Скажіть, будь ласка, дату і суму платежу з квитанції."),
    ("uk", "Прочитайте мені EIC-код з платіжки."),
    ("uk", "Передайте, будь ласка, показники лічильника."),
    ("en", "Please give me your personal account number or your address."),
    ("en", "Could you tell me the date and the amount from your receipt?"),
    ("en", "What are the last four digits of your account number?"),
    ("en", "Scan the QR code on the slip in your banking app."),
    # a code on the bill named after the word "code" (session 20)
    ("uk", "Назвіть код EIC з платіжки, це код вашої точки обліку."),
    ("uk", "Продиктуйте, будь ласка, код вашого лічильника."),
    ("en", "Tell me the code EIC from the bill, it is the code of your metering point."),
    # one polite request to keep it civil
    ("uk", "Прошу вас говорити без образ, тоді я зможу допомогти."),
    ("uk", "Я чую, що ви дуже обурені. Але прошу говорити без образ, інакше мені буде складно продовжувати розмову."),
    ("uk", "Прошу вас не кричати, я хочу вам допомогти."),
    ("en", "I'd ask you to keep it civil so I can help."),
    ("en", "I do ask that we keep the conversation respectful."),
    # correct routing
    ("uk", "Це питання до ДТЕК Київські електромережі, я дам вам їхній номер."),
    ("uk", "Відключеннями займається ДТЕК Київські електромережі, я підкажу, куди звернутися."),
    ("en", "The grid operator handles outages, I'll give you their number."),
    ("en", "Outages are handled by the grid operator, DTEK Kyiv Electric Networks; I'll give you their number."),
    # the right to complain
    ("uk", "Ви маєте повне право звернутися до НКРЕКП, і я це поважаю."),
    ("uk", "Я зареєструю скаргу, і якщо це не допоможе, звертайтеся до НКРЕКП."),
    ("en", "You have every right to complain to NEURC."),
    ("en", "You have every right to complain to NEURC; they will forward it to us and we must answer within 30 days."),
    ("uk", "Ви маєте право звернутися до НКРЕКП; вони передадуть скаргу нам, і ми відповімо."),
    ("en", "I'll register a complaint, and if that doesn't help you can go to the regulator."),
    # reassurance, ownership, facts
    ("uk", "Розумію, це неприємно. Зараз перевірю ваш рахунок."),
    ("uk", "Платіжку треба оплатити до 20 числа."),
    ("uk", "Показники треба передати з 28 по 3 число."),
    ("uk", "Ви ні в чому не винні, це наша помилка, і я її виправлю."),
    ("uk", "Нам треба було одразу вас попередити, вибачте."),
    ("uk", "Можливо, це затримка банку; я зараз перевірю платіж."),
    ("uk", "Я не покладу слухавку, поки ми не розберемося."),
    ("uk", "Не кладіть слухавку, я перевіряю."),
    ("uk", "Дякую за дзвінок, гарного дня!"),
    ("uk", "Скажіть, що саме вам незрозуміло, і я поясню."),
    ("uk", "Поясню ще раз: ціна 4,32 гривні за кіловат-годину."),
    ("en", "I'll check your account right now."),
    ("en", "It's not your fault, we made the mistake and I'll fix it."),
    ("en", "You should have received the corrected bill by now; let me check."),
    ("en", "You shouldn't have to call three times, I'm sorry."),
    ("en", "We should have told you sooner, I'm sorry."),
    ("en", "I won't hang up, I'm staying on the line with you."),
    ("en", "Please don't hang up, I'm checking now."),
    ("en", "If there's nothing else, thank you for calling and have a good evening."),
    ("en", "The lady you spoke to last time promised a recalculation; I'm sorry it didn't happen."),
    ("en", "Can you check that against the bill you got?"),
    # near misses: the same words saying something else
    ("uk", "Немає сенсу чекати — я зареєструю скаргу зараз."),
    ("uk", "Ви ж казали, що платили 5 числа?"),
    ("uk", "Раніше треба було передавати показники до 1 числа, тепер — до 3."),
    ("uk", "Треба було б звірити показники — давайте я підкажу, як."),
    ("en", "You should have two readings on your slip: day and night."),
    ("en", "There's no point in waiting, I'm registering your complaint now."),
    ("en", "You'll type the code yourself; please don't read it to me."),
    ("en", "I won't hang up on you."),
    ("uk", "Ми ніколи не покладемо слухавку, поки не розберемося."),
    ("uk", "Будьте уважні: нікому не називайте код з SMS."),
    ("en", "Did you read the SMS we sent? It has the amount."),
    ("uk", 'Ніколи не називайте нікому код з SMS, навіть нам.'),
    ("uk", 'Не пересилайте фото картки нікому.'),
    ("uk", 'Якщо бажаєте, можете подати скаргу до НКРЕКП, я підкажу адресу.'),
    ("uk", 'Цим займається ДТЕК Київські електромережі, я дам їхній номер.'),
    ("uk", 'Прошу, давайте без образ, я хочу вам допомогти.'),
    ("en", 'Never send anyone a photo of your card.'),
    ("en", "If you'd like, you can complain to NEURC; I'll give you the address."),
    ("en", "DTEK Kyiv Electric Networks handles this; I'll give you their number."),
    ("en", "The bank may take up to 3 days; I'll check the payment on our side."),
    ("en", "Let's keep it civil, please, I do want to help."),
    ("uk", "Не розповідайте нікому код з повідомлення."),
    ("uk", "Розмову я завершу, коли ми все з'ясуємо."),
    ("en", "Once this call is done, you'll get an SMS with the reference."),
    ("en", "Why not set up autopay? It's free."),
    ("uk", "Розумію, вам уже набридло дзвонити тричі, я зараз сама все перевірю."),
    ("uk", "Не витрачайте час на дзвінки, скаргу я зареєструю сама."),
    ("en", "If I can't find it, I'll try someone else in billing."),
    ("en", "Have you ever checked the display for the zones? It shows T1 and T2."),
    ("en", "I'm sure you're tired of this; let me fix it now."),
    ("en", "Oh dear, that sounds like a scam. Call your bank to block the card."),
    ("en", "Can you read me the two numbers on the meter, day and night?"),
    ("en", "Thanks, can you read what it says on the second line of the slip?"),
    ("uk", "Можете прочитати мені цифри з лічильника?"),
]


@pytest.mark.parametrize("language, kind, text", CRITICAL)
def test_critical_mistakes_are_caught_with_their_kind(language, kind, text):
    found = critical(text, language)
    assert kind in [flag.kind for flag in found], found
    assert all(flag.phrase and flag.why for flag in found)


@pytest.mark.parametrize("language, kind, text", CRITICAL)
def test_critical_mistakes_are_caught_in_a_transcript(language, kind, text):
    assert kind in [flag.kind for flag in critical(transcript(text), language)]


@pytest.mark.parametrize("language, text", NOT_CRITICAL)
def test_advice_routing_and_polite_requests_are_not_critical(language, text):
    assert critical(text, language) == []
    assert critical(transcript(text), language) == []


@pytest.mark.parametrize("language, text", [
    ("uk", "Звісно, нічна ціна нижча 🙄 Двозонний же."), ("en", "Night is cheaper 🙄 Two-zone meter."),
])
def test_an_eye_roll_in_a_chat_reply_mocks_the_customer(language, text):
    assert [f.kind for f in critical(text, language)] == ["rude"]
    assert not critical(text.replace("🙄", "🙂"), language)


def test_a_flag_says_what_and_why():
    (flag,) = critical("Продиктуйте, будь ласка, код з SMS.", "uk")
    assert flag.to_dict() == {"kind": "secret", "phrase": "продиктуйте будь ласка код з sms", "critical": True, "why": "asks for a one-time code"}


def test_a_slip_into_latin_letters_does_not_hide_a_request():
    assert [f.kind for f in critical("продиктуйте шiстнадцять цифр вашоi картки", "uk")] == ["secret"]  # Latin i


def test_one_flag_per_kind_and_a_forbidden_phrase_is_not_flagged_twice():
    assert [f.kind for f in critical("Ви самі винні, треба було раніше дізнатися.", "uk")] == ["blame"]
    found = flags("Заспокойтеся.", "uk", ["Заспокойтеся"])
    assert [(f.kind, f.phrase) for f in found] == [("forbidden", "Заспокойтеся")]
    assert found[0].why


def test_different_mistakes_in_one_reply_are_each_flagged():
    kinds = {f.kind for f in critical("Заспокойтеся. Це проблеми банку, а не наші. Продиктуйте номер картки.", "uk")}
    assert kinds == {"rude", "deflect", "secret"}


def test_phrases_to_avoid_hurt_but_are_not_critical():
    # the word lists alone: the learned reader takes «Я не знаю, така політика компанії.» for deflecting
    found = compliance.check(Reply("Я не знаю, така політика компанії. Передзвоніть пізніше.", "uk"), "uk", learned=False)
    assert {f.phrase for f in found} == {"я не знаю", "така політика", "передзвоніть пізніше"}
    assert not any(f.critical for f in found) and all(f.kind == "avoid" for f in found)
    assert [f.kind for f in flags("As I said, that's company policy.", "en")] == ["avoid", "avoid"]


def test_ending_the_call_is_a_threat_only_when_tied_to_the_customer_s_tone():
    assert critical("Якщо питань більше немає, завершую розмову. Гарного дня!", "uk") == []
    assert [f.kind for f in critical("Я завершую розмову, бо ви кричите.", "uk")] == ["threat"]


def test_every_pattern_compiles():
    groups = [lexicon.BLAME, lexicon.DEFLECT, lexicon.RUDE, lexicon.THREAT, lexicon.REGULATOR, lexicon.SECRET_OBJECT]
    for group in groups:
        for rules in group.values():
            for rule in rules:
                compliance.compile_pattern(rule.pattern)
                assert rule.why


def test_no_library_reference_raises_a_flag(library):
    # read as the scorer reads a reply, with its step's reference answers: also by meaning
    for scenario in library.scenarios.values():
        for node in scenario.nodes.values():
            for text in node.references:
                found = compliance.check(Reply(text, scenario.language), scenario.language,
                                         scenario.forbidden + node.forbidden, references=node.references)
                assert found == [], (scenario.id, text, found)


def test_a_forbidden_phrase_with_one_word_of_meaning_is_not_read_in_other_words():
    # «Я ж вам уже пояснила» is impatience in «ж … уже»: any «я … пояснила» is not it
    assert flags("Мама згодна, щоб я все пояснила вам?", "uk", ["Я ж вам уже пояснила"]) == []
    assert [f.kind for f in flags("я ж вам уже пояснила", "uk", ["Я ж вам уже пояснила"])] == ["forbidden"]


FAMILY_CRITICAL = [
    ("uk", "Я не знаю", "Гадки не маю."),
    ("uk", "Передзвоніть пізніше", "Зателефонуйте завтра."),
    ("uk", "Нічим не можу допомогти", "Я тут нічого не можу зробити."),
    ("uk", "Заспокойтеся", "Не нервуйте."),
    ("uk", "Така політика", "Такі в нас правила."),
    ("en", "I don't know", "No idea, sorry."),
    ("en", "Call back later", "Try calling again tomorrow."),
    ("en", "There's nothing I can do", "Nothing I can do about it, I'm afraid."),
    ("en", "Calm down", "Relax, it's just a bill."),
    ("en", "It's company policy", "Those are the company rules."),
    ("en", "Look it up on the website", "Check the website."),
    ("en", "Read the slip yourself", "It's all written on the slip."),
]
FAMILY_PASS = [
    ("uk", "Передзвоніть пізніше", "Якщо світла не буде до вечора, зателефонуйте нам ще раз."),
    ("uk", "Передзвоніть пізніше", "Я передзвоню вам за годину, щойно матиму відповідь."),
    ("uk", "Така політика", "Політика компанії щодо розстрочки проста: до 6 місяців, я оформлю."),
    ("uk", "Нічим не можу допомогти", "Сам тариф я змінити не можу, але перевірю, чи є у вас право на знижку."),
    ("en", "Call back later", "If the power isn't back by tonight, call us again later and quote this reference."),
    ("en", "Call back later", "I'll call you back in an hour with the answer."),
    ("en", "There's nothing I can do", "We can't do anything about the tariff itself, but I can check your discount."),
    ("en", "Look it up on the website", "You can also check the schedule on our website, and I'll send you the link now."),
    ("en", "Calm down", "No idea is silly here, ask me anything."),     # another family's words: not forbidden here
]


@pytest.mark.parametrize("language, forbidden, text", FAMILY_CRITICAL)
def test_a_forbidden_brush_off_in_other_words_fails_the_call(language, forbidden, text):
    found = [f for f in flags(text, language, [forbidden]) if f.kind == "forbidden"]
    assert [f.phrase for f in found] == [forbidden] and found[0].critical and "other words" in found[0].why


@pytest.mark.parametrize("language, forbidden, text", FAMILY_PASS)
def test_the_same_words_as_advice_a_promise_or_help_are_not_the_brush_off(language, forbidden, text):
    assert [f for f in flags(text, language, [forbidden]) if f.critical] == []


def test_a_family_counts_only_where_the_scenario_forbids_one_of_it():
    assert [f for f in flags("Relax, it's just a bill.", "en", ["Call back later"]) if f.kind == "forbidden"] == []


def test_the_learned_reader_s_deflection_is_routing_when_the_operator_goes_on_to_help():
    # the learned reader reads both as deflecting; the "but" and the next step make the first routing
    assert [f for f in flags("We're the supplier, so we can't see the grid, but let's get this moving.", "en") if f.critical] == []
    assert [f.kind for f in flags("We're the supplier, so we can't see the grid.", "en") if f.critical] == ["deflect"]


@pytest.mark.parametrize("language, text", [
    ("en", "Complaining to the regulator won't affect your account in any way, and nobody will cut your power over it."),
    ("en", "a complaint to the regulator won't affect your supply at all no one will disconnect you for it"),
    ("uk", "Скарга до регулятора ніяк не вплине на ваше обслуговування, і відключати вас ніхто не буде."),
    ("uk", "скарга до регулятора не вплине на ваше постачання відключень через це не буде"),
])
def test_a_complaint_said_to_cost_the_customer_nothing_is_no_discouraging(language, text):
    # the learned reader reads these as discouraging a complaint (up to 100% sure); they reassure
    assert [f for f in flags(text, language) if f.critical] == []


@pytest.mark.parametrize("language, text", [
    ("en", "It's not your fault, the post office sometimes takes a week to pass payments on."),
    ("en", "You didn't need to pay earlier, the mistake was ours and I've already fixed it."),
    ("uk", "Ви ні в чому не винні, показники просто не дійшли через збій."),
    ("uk", "Це не ваша вина, помилка була на нашому боці, я вже все виправила."),
])
def test_saying_the_customer_is_not_to_blame_is_no_blame(language, text):
    assert [f for f in flags(text, language) if f.critical] == []


def test_not_to_blame_and_then_a_but_is_still_blame():
    assert "blame" in {f.kind for f in flags("Це не ваша вина, але ж могли б і договір почитати.", "uk") if f.critical}


@pytest.mark.parametrize("language, text", [
    ("en", "Complaining to the regulator won't change anything."),
    ("en", "Writing to the regulator won't help your case, it will only slow things down."),
    ("uk", "Скарга до регулятора нічого не змінить, не витрачайте час."),
    ("uk", "Скарга до регулятора не вплине на ваше обслуговування, але й нічого не змінить."),
    ("uk", "Писати в регулятор марно, це вам ніяк не допоможе."),
])
def test_a_complaint_said_to_be_useless_still_fails_the_call(language, text):
    assert "regulator" in {f.kind for f in flags(text, language) if f.critical}


@pytest.mark.parametrize("language, text, kind", [
    ("uk", "Ваш сусід з 12 квартири теж не платить, у нього борг 3 тисячі.", "privacy"),
    ("en", "Your neighbour at flat 12 owes 3,000 too.", "privacy"),
    ("uk", "пеню я вам просто спишу, ніхто й не перевірятиме", "promise"),
    ("en", "Don't worry, I'll just wipe the late fee off, nobody checks anyway.", "promise"),
])
def test_another_customer_s_data_and_a_covert_promise_fail_the_call(language, text, kind):
    assert kind in {f.kind for f in critical(text, language)}


@pytest.mark.parametrize("language, text", [
    ("uk", "Ваш сусід теж без світла? Тоді це, найімовірніше, аварія в будинку."),
    ("uk", "Про борги сусідів я розповідати не можу, лише про ваш рахунок."),
    ("uk", "Я тихенько поставлю вас на утримання на хвилинку."),
    ("uk", "Сусід із 12 квартири теж дзвонив щодо відключення, ми вже передали заявку."),
    ("en", "I can't tell you about your neighbour's debt, only about your own account."),
    ("en", "I'll quietly put you on hold for a minute while I check."),
    ("en", "Nobody will know your card details from us, we never ask for them."),
    ("en", "Once you send the reading, the bill will be lowered automatically, no one needs to check anything."),
])
def test_neighbours_and_quiet_words_alone_are_not_those_mistakes(language, text):
    assert critical(text, language) == []
