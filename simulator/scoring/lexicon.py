"""Phrase lists per language: what helps, what hurts, what is a critical mistake.

Taken from the domain sheet's "how good operators talk" and its phrases to avoid, and the
judging rubric's compliance scale. The helping and hurting wordings are matched the same
tolerant way as key facts (see matching.py); the critical mistakes are patterns (see below).
"""
from __future__ import annotations

import re
from typing import NamedTuple

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

# Phrases to avoid: they hurt empathy but do not fail the call; put one in a scenario's
# `forbidden` to make it critical there. Rude and deflecting phrases are critical (below).
AVOID = {
    "uk": [
        "я не знаю", "така політика", "нічим не можу допомогти", "передзвоніть пізніше", "алло", "слухаю",
        "як я вже казала", "як я вже казав",
    ],
    "en": [
        "i don't know", "i do not know", "company policy", "nothing i can do", "call back later",
        "i know exactly how you feel", "as i said", "as i told you",
    ],
}


# --- Critical mistakes (compliance 0 in the judging rubric) --------------------------------
#
# Each is a regular expression over the reply's plain text (compliance.plain): lower case, one
# kind of apostrophe, no punctuation, and "|" where a sentence ends. In a pattern a space
# stands for the space between two words and "~N " for up to N other words, none of them a
# negation and none a word that opens another clause ("якщо", "але", "if", "but": see GAP_STOP),
# so «не кажіть нікому код» is never read as «кажіть ... код». Ukrainian endings vary: use stems.

class Rule(NamedTuple):
    why: str                # a short reason, for people and logs ("asks for a one-time code")
    pattern: str
    unless_before: str = ""  # not a mistake when one of the three words before matches this
    needs: str = ""          # only a mistake when the same sentence also says this


# Words that negate what follows them: «не кажіть», "never give", "we won't ask".
NEGATIONS = (
    r"не|ні|ніколи|нікому|ніхто|нічого|ніде|жоден|жодн\w*|немає|нема"
    r"|not|no|never|nobody|none|nothing|neither|nor|cannot"
    r"|don'?t|doesn'?t|didn'?t|won'?t|wouldn'?t|can'?t|isn'?t|aren'?t|wasn'?t|shouldn'?t|mustn'?t"
)
# Words that give the customer a right or a way («можете звернутися до НКРЕКП», "you can go to the
# regulator"): in a sentence with one of them and no negation after it ("… but it won't help"), the
# learned compliance reader's "discourages a complaint" is left to the lists (it read "if that doesn't help you can go to the
# regulator" as discouraging it).
PERMISSION = r"можете|можна|маєте право|має право|маєте повне право|can|may|entitled|have the right|free to"
# After a negation these make it an idiom that negates nothing else: «не хвилюйтеся, назвіть ...».
NOT_NEGATING = r"хвилю\w*|переживайте|турбуйтес\w*|бійтес\w*|забудьте|кладіть|припини\w*|перестане\w*|worry|panic|forget|stop"
# "Or" between two things negated: the negation before the first reaches the second.
NEGATION_CARRIES = r"or|nor|чи|або|ані|ні"
# Words that open another clause: a gap in a pattern never crosses them.
GAP_STOP = (
    r"якщо|якби|а|але|проте|однак|тому|тож|бо|чи|як|коли|поки|інакше"
    r"|if|but|so|because|whether|how|when|unless|otherwise|or|though|although|while"
)

# Later in the same reply an offer of help or a way on («але я дам вам номер», "but I'll
# check"): then "we're not responsible for outages" or "nothing I can do about the tariff" is
# routing, not a refusal. Put at the end of a pattern (a lookahead over the rest of the reply).
_NO_HELP_AFTER = (r"(?!.*(?<![\w'])(?:але|проте|однак|натомість|я (?:дам|передам|підкажу|з'єдна\w*|допоможу|перевірю|оформлю|зареєструю)"
                  r"|but|however|instead|i'?ll|i will|i can|let me)(?![\w']))")
# Third parties a deflection points at («то вже пошта винна»).
_OTHERS_UK = r"систем\w*|пошт\w*|банк\w*|обленерго|дтек\w*|мереж\w*|оператор\w* системи|програм\w*|комп'ютер\w*|уряд\w*|держав\w*"

# Blaming the customer.
BLAME = {
    "uk": [
        Rule("says the customer is to blame",
             r"(?:ви |ти )?(?:ж |же )?сам[іаи]? (?:ж |же |собі |і |й )?(?:в цьому |у цьому |тут )?(?:винен|винна|винні|винний|винуват\w*)"),
        Rule("says the customer is to blame", r"ви (?:ж |же )?(?:в цьому |у цьому |тут |теж |і |й )?(?:винні|винен|винна|винуваті)"),
        Rule("says it is the customer's fault", r"(?:ваша|твоя) (?:ж |же |власна )?(?:вина|провина|помилка)|з вашої (?:ж |же )?(?:вини|провини)"),
        Rule("says what the customer should have done",
             r"(?:треба|потрібно|необхідно|слід|варто|мусили|повинні) було(?! б\b| би\b)",
             unless_before=r"мені|нам|ми|я|нас|мене|раніше|колись|тоді"),  # «нам треба було попередити», «раніше треба було до 1 числа»
        Rule("says what the customer should have done", r"якби ви ~3 (?:вчасно|раніше|своєчасно|уважніше)"),
        Rule("says the customer is to blame", r"(?:хто ж|ніхто) (?:вам|тобі) (?:ж |же )?(?:не )?(?:винен|винна|винні|винуват\w*)"),
        Rule("asks who read the contract",    # «А договір хто читав?», «хто за вас умови читатиме?»
             r"(?:договір|договору|умови|умов|оферт\w*|платіжк\w*|квитанці\w*|рахунок|повідомлен\w*|інструкці\w*|правила) (?:а )?хто (?:ж |же )?(?:за вас )?"
             r"(?:читав|читала|читали|прочитав|прочитала|читатиме|дивився|дивилася|дивилась|відкривав|відкривала)"
             r"|хто (?:ж |же )?(?:за вас )?(?:читав|читала|прочитав|прочитала|читатиме|дивився|дивилася|відкривав|відкривала) (?:\w+ )?"
             r"(?:договір|умови|оферт\w*|платіжк\w*|квитанці\w*|рахунок|повідомлен\w*|інструкці\w*|правила)"),
        Rule("says what the customer would have known",     # «якби ви читали договір, то знали б»
             r"якби (?:ви|ти) ~4 (?:(?:то|тоді) (?:б |би )?(?:знали|знав|знала|не питали|не дзвонили)|(?:знали|знав|знала) (?:б|би))"),
        Rule("says the customer made the mistake",          # «Це ж ви переплутали зони, а не ми», «ви ж самі забули оплатити»
             r"(?:(?:це|то) (?:ж |же )?(?:ви|ти)|(?:ви|ти) (?:ж|же)) (?:сам[іаи] )?(?:ж |же )?(?:і |й )?(?:переплутали|переплутав|переплутала|помилилися|помилились|помилився|помилилась"
             r"|забули|забув|забула|пропустили|пропустив|пропустила|прострочили|прострочив|прострочила|не передали|не передав|не передала"
             r"|не оплатили|не оплатив|не оплатила|не заплатили|не заплатив|не заплатила|неправильно \w+|невірно \w+|натиснули|натиснув|натиснула)(?![\w'])"),
        Rule("says nobody forced the customer",              # «Хто вас змушував платити готівкою?»
             r"хто (?:ж |же )?(?:вас|тебе) (?:\w+ )?(?:змушував|змусив|примушував|заставляв|тягнув за язик)"
             r"|ніхто (?:ж |же )?(?:вас|тебе) не (?:змушував|змусив|примушував|заставляв|тягнув)"),
        Rule("asks who stopped the customer from doing it",    # «А хто вам заважав заплатити вчасно?»
             r"(?:хто|що) (?:ж |же )?(?:вам|тобі) (?:ж |же )?(?:заважав|заважала|заважало|завадив|завадила|завадило|не дав|не давав|не дало)"),
        Rule("reproaches the customer for what they did not do",     # «Ви ж підписували договір, мали читати»
             r"мали (?:б |би )?(?:уважно |уважніше |самі |сами )?(?:читати|прочитати|знати|передати|передавати|заплатити|оплатити|платити|перевірити|подумати|подивитися|дивитися)",
             unless_before=r"ми|я|нам|мені|вони|ви б|вам"),
        Rule("reproaches the customer for what they did",     # «Самі ж і натиснули на те посилання»
             r"сам[іаи] (?:ж|же) (?:і |й |це |їх |його |її )?[\w']+(?:ли|ла|в)(?![\w'])"),
        Rule("says what the customer should not have done",
             r"не (?:треба|потрібно|слід|варто) було (?:вам )?(?:так )?(?:чекати|тягнути|відкладати|зволікати|платити|натискати|вірити|називати|повідомляти|давати|переходити|відкривати)"),
        Rule("says the customer always blames others",
             r"(?:у вас|у тебе|вам) (?:завжди|вічно) (?:хтось|всі|усі) (?:інший |інші )?(?:винен|винні|винуваті)"),
        Rule("reproaches the customer for what they did",
             r"(?:а )?(?:нащо|навіщо|для чого) (?:ж |же )?(?:ви|ти) (?:\w+ )?(?:платили|заплатили|оплатили|натискали|натиснули|переходили|перейшли|вірили|повірили|називали|назвали|давали|дали|чекали|тягнули|відкривали|відкрили)"),
        Rule("reproaches the customer for not being careful",
             r"уважніше (?:треба|потрібно|слід|варто) (?:було )?(?:бути|платити|читати|дивитися)|(?:треба|потрібно|слід|варто) було (?:бути )?уважніше"),
        Rule("says the customer failed to act",
             r"(?:ви )?сам[іи] (?:ж |же )?не (?:передал|передав|оплатил|оплатив|сплатил|сплатив|заплатил|заплатив|подал|подав"
             r"|надіслал|надіслав|внесл|вніс|перевірил|перевірив)\w*"),
        Rule("taunts the customer with the consequences", r"(?:от|ось|то|ну) (?:вам )?(?:і|й) (?:маєте|результат|наслідки|отримали)"),
        Rule("reproaches the customer for what they did not do",
             r"(?:ви|ти) (?:ж |же )?сам[іиа]? (?:ж |же )?(?:мали|мав|мала|мусили|повинні були|повинна була|повинен був)"
             r"|могли б (?:і |й )?сам[іиа]?|можна було(?: б)? (?:і |й )?сам(?:ому|ій|им)|(?:ви|ти) (?:ж )?(?:мали б знати|мав би знати|мала б знати)|(?:ви|ти) ж (?:знали|знав|знала)|(?:ви|ти) б (?:хоч|хоча б|краще) ~3 (?:почитали|прочитали|подивилися|подивились|перевірили|передали|оплатили|заплатили|слухали)"),
        Rule("reproaches the customer for what they did not do",
             r"(?:платіжк\w*|квитанці\w*|документ\w*|показник\w*|папер\w*) ~2 (?:треба|потрібно|слід|варто) було (?:зберігати|передавати|читати|берегти|перевіряти)"
             r"|тоді (?:б|би) (?:і |й )?(?:\w+ )?(?:знали|знав|знала|не було|не мали|не питали|не дзвонили)"),
    ],
    "en": [
        Rule("says it is the customer's fault", r"your (?:own )?(?:fault|mistake|doing)"),
        Rule("asks whose fault it is", r"whose fault (?:is|was) (?:that|this|it)|(?:who|what) (?:stopped|was stopping|kept) you from"),
        Rule("says what the customer should have done",  # a past participle: "you should have received it" is no blame
             r"you (?:should|ought to)(?: have|'ve) (?:\w+ly )?(?!received|been|seen|heard|notified|informed|charged|billed|offered)"
             r"(?:\w+ed|paid|sent|done|known|read|told|thought|kept|made|given|taken|come|gone|rung|written)"),
        Rule("says what the customer should have done", r"you (?:shouldn'?t|should not)(?: have|'ve) (?!to |had to |been )[\w']+"),
        Rule("says what the customer should have done", r"you were supposed to (?!receive|get|be |have )[\w']+"),
        Rule("says what the customer should have done", r"if (?:only )?you(?:'d| had) ~4 (?:on time|earlier|in time|sooner|properly|like you were told)"),
        Rule("says what the customer would have known",   # "if you'd read the contract you'd know"
             r"if (?:only )?you(?:'d| had) ~5 you(?:'d| would) (?:have )?(?:known|know|seen|noticed|understood)"),
        Rule("says the customer made the choice",           # "you were the one who picked the two-zone plan"
             r"(?:you(?:'re| are| were)|it was you) the (?:one|ones|person) (?:who|that) (?:\w+ )?(?:picked|chose|chosen|signed|agreed|clicked|paid|missed|forgot|entered|typed"
             r"|gave|mixed|wanted|asked for|switched|ignored)"),
        Rule("says nobody forced the customer",
             r"(?:did|does) (?:anyone|anybody) (?:\w+ )?force you|(?:nobody|no one|no-one) (?:\w+ )?(?:forced|was forcing|made) you (?:to |do |pay |sign |click |choose )"),
        Rule("says it is the customer's fault",
             r"(?:that'?s|that is|it'?s|it is|this is) (?:all )?on you|(?:only )?have (?:only )?yourself to blame"
             r"|you brought (?:this|it) on yourself|you did (?:this|it) to yourself"),
        Rule("taunts the customer with the consequences", r"(?:that'?s|that is|this is) what (?:happens|you get)|what did you expect"),
        Rule("reproaches the customer for not being careful", r"(?:pay more attention|be more careful) (?:next time|to your|with your)"),
        Rule("says the customer always blames others",
             r"(?:it'?s|is) always (?:someone|somebody) else'?s fault|always (?:someone|somebody) else to blame"),
        Rule("reproaches the customer for what they did",
             r"why on earth|why would you (?:ever )?(?:pay|press|click|give|tell|trust|open)"
             r"|you (?:mixed|messed|got|typed|entered|put) (?:\w+ ){0,3}?(?:up|wrong) yourself"),
        Rule("reproaches the customer for what they did not do",
             r"you could(?: have|'ve) (?:just |easily )?(?:looked|checked|asked|read|noticed|seen|thought|called|waited|known)"
             r"|you (?:should|ought to) (?:have known|know (?:better|that|this|to))"),
    ],
}

# Deflecting responsibility. Routing («Це питання до ДТЕК Київські електромережі, я дам вам їхній
# номер», "the grid operator handles outages") is correct and matches none of these.
DEFLECT = {
    "uk": [
        Rule("says it is not their problem",
             r"не (?:наша|моя) (?:проблема|справа|робота|турбота|відповідальність|вина|провина)|не (?:наші|мої) (?:проблеми|справи)"
             r"|не (?:моє|наше) (?:питання|діло)"),
        Rule("says it is the customer's problem", r"(?:це|то) (?:вже )?(?:ваші|ваша|твої|твоя) (?:проблем\w*|справ\w*|клопот\w*|турбот\w*)"),
        Rule("says it is the bank's problem", r"(?:це|то) (?:вже )?(?:проблем\w*|питання|справа|вина|провина) (?:вашого |самого )?банк\w*",
             unless_before=r"якщо|якби|можливо|мабуть|чи"),
        Rule("says it is somebody else's problem, not theirs",
             r"(?:проблем\w*|вин[аиі]|провин\w*|відповідальн\w*|справ[аи]|питання) ~4 а не (?:наш\w*|моя|мої|до нас|до мене)"),
        Rule("says it is not their business", r"не до нас|не до мене|не за адресою|не наш профіль"),
        Rule("sends the customer away",
             r"(?:звертайтеся|звертайтесь|скаржтеся|скаржтесь|жалійтеся|ідіть|йдіть|дзвоніть|телефонуйте|пишіть) (?:хоч )?(?:куди|кому) (?:хочете|завгодно|забажаєте)"),
        Rule("sends the customer away", r"(?:розбирайтеся|розбирайтесь|вирішуйте) (?:самі|сам|сама|з банком|з ними|із ними|з ним|з дтек\w*)"),
        Rule("sends the customer away",
             r"(?:з|із) (?:ними|ним|нею|банком|дтек\w*|мережами|оператором) (?:і |й |вже |тепер )?(?:домовляйтеся|домовляйтесь|розбирайтеся|розбирайтесь|сваріться|воюйте|судіться)"),
        Rule("says it is not their business",
             r"не (?:моя|наша) (?:компетенція|парафія|зона відповідальності)|(?:я|ми) (?:лише|тільки|просто) (?:оператор\w*|консультант\w*),? (?:що|я не|ми не)"
             r"|що (?:ви|ти) (?:від|з) мене (?:хочете|хочеш)|шукайте,? (?:хто|кого) (?:вам )?(?:винен|винного|винних)"
             r"|не (?:я|ми) (?:придумал\w*|вигадал\w*|встановлю\w*|встановил\w*) (?:ці |такі )?(?:правила|тарифи|закони)"),
        Rule("sends the customer away",
             r"сам[іа]? (?:й|і) (?:розбирайтеся|розбирайтесь|вирішуйте|розбирайся)"
             r"|не (?:дзвоніть|пишіть|телефонуйте) (?:нам|мені|сюди) (?:більше|більш)|(?:більше|більш) не (?:дзвоніть|пишіть|телефонуйте) (?:нам|мені|сюди)"),
        Rule("says it does not concern them", r"(?:нас|мене) (?:це |цього )?не стосу\w*|(?:це|цього) (?:нас|мене) не стосу\w*"),
        Rule("sends the customer away", r"(?:у|в) (?:того|тих|них|нього|неї) (?:й |і )?(?:питайте|запитуйте|вимагайте|розпитуйте|з'ясовуйте)"),
        Rule("says they have nothing to do with it", r"(?:ми|я) (?:тут )?(?:ні до чого|ні при чому|ні причому)"),
        Rule("blames another party",                          # «То вже пошта винна»
             rf"(?:то|це) (?:вже |все |усе |ж )?(?:{_OTHERS_UK}) (?:\w+ )?(?:винн\w*|винен|винуват\w*|накосячил\w*|наплутал\w*)"),
        Rule("says they are not responsible",                 # «ми за світло не відповідаємо» (with no way on offered after)
             r"(?:(?:ми|я) за (?:[\w']+ ){1,2}?не (?:відповідаємо|відповідаю)|(?:ми|я) (?:\w+ )?не (?:відповідаємо|відповідаю) за"
             r"|(?:ми|я) (?:\w+ )?не (?:несемо|несу) відповідальн\w*)" + _NO_HELP_AFTER),
        Rule("refuses to help",                               # «я вам більше нічим не допоможу, до побачення»
             r"(?:(?:не буду|не збираюся|не збираюсь|не стану|відмовляюся|відмовляюсь) (?:вам |тобі )?(?:з цим |більше )?(?:допомагати|нічого робити|нічого перевіряти|цим займатися)"
             r"|(?:ми|я) (?:вам |тут |з цим |тут вам )?(?:більше )?(?:нічим|нічого) не (?:допоможу|допоможемо|можу|можемо|вдію|вдіємо)(?: \w+)?(?: зробити| вдіяти| допомогти| змінити| вирішити)?)"
             + _NO_HELP_AFTER, needs=r"більше|до побачення|всього доброго|бувайте|на все добре"),
        Rule("says it is the customer's business with someone else",
             r"(?:ваші|твої) (?:справи|проблеми|питання) з (?:банком|ним|ними|продавцем|власником|ДТЕК\w*)"
             r"|ми (?:тут )?нічого не (?:вирішуємо|можемо вирішити|вирішимо)|хай (?:уряд|банк|вони|держава|влада) (?:вирішу\w*|розбира\w*)"),
    ],
    "en": [
        Rule("says it is not their problem",
             r"(?:not|isn'?t|aren'?t|ain'?t) (?:our|my) (?:problem|job|department|dept|concern|responsibility|fault|business|issue|headache)"),
        Rule("says it is somebody else's thing, not theirs", r"(?:thing|issue|problem|matter|question|department|job|call),? not (?:us|ours|me|mine)(?![\w'])"),
        Rule("refuses to help",
             r"(?:(?:i'?m not|i am not|we'?re not|we are not) (?:going to|gonna) help you|(?:i|we) (?:won'?t|will not|refuse to) help you"
             r"|(?:there'?s|there is|i have|i'?ve got) nothing (?:more )?(?:i|we) can do|(?:i|we) can'?t help you (?:any ?more|further))"
             + _NO_HELP_AFTER, needs=r"more|bye|goodbye|not going to|won'?t|refuse"),
        Rule("says it is the bank's problem", r"bank'?s (?:problem|issue|fault|business)", unless_before=r"if|maybe|perhaps|whether"),
        Rule("says it is the customer's problem", r"(?:that'?s|that is|it'?s|it is) (?:your|a you) problem|your problem not ours"),
        Rule("sends the customer away",
             r"take (?:it|this|that) up with (?:someone|somebody|anyone|whoever|the bank|your bank)"
             r"|(?:go|complain|call|write|talk) (?:to )?(?:wherever|whoever|anywhere|anyone) you (?:like|want|please)"
             r"|(?:sort|figure|work) (?:it|this|that) out (?:yourself|with (?:the|your) bank)"),
        Rule("says it is the customer's business with someone else",
             r"between you and (?:your|the) (?:bank|seller|landlord|previous owner)|not on us|take it up with (?:\w+ ){0,3}?(?:them|him|her|the \w+)"
             r"|(?:government|state|bank|dtek)'?s (?:call|business|problem|job),? not (?:ours|mine|us|me)|go bother (?:them|someone|somebody)"),
        Rule("says it is not their business",
             r"above my pay ?grade|what do you want from me|i (?:don'?t|do not) make the rules"),
        Rule("sends the customer away", r"try (?:someone|somebody) else", unless_before=r"i|i'll|we|we'll|me|us|let"),
        Rule("sends the customer away", r"(?:go )?ask (?:whoever|whomever|someone else|somebody else)|(?:go|take it|complain) to whoever"),
        Rule("says it is not their job", r"not (?:obliged|required) to (?:explain|help|deal|listen|answer|sort)"),
        Rule("says it is somebody else's fault, not theirs",
             r"(?:messed|screwed|mucked|fouled) (?:it |this |that )?up,? not (?:us|we|me|ours)|(?:fault|problem|mistake|issue|error|mess),? not ours"),
        Rule("sends the customer away",
             r"stop (?:calling|writing|messaging|texting) (?:us|me|here)|(?:don'?t|do not) (?:call|write to|message) (?:us|me|here) (?:again|any ?more)"),
        Rule("says they have nothing to do with it",
             r"(?:nothing|not anything) to do with (?:us|me)|(?:doesn'?t|does not) concern (?:us|me)|(?:we'?re|we are|i'?m|i am) not to blame"),
    ],
}

# Rude, sarcastic or condescending address. One polite request to keep the conversation free of
# insults («Прошу вас говорити без образ», "I'd ask you to keep it civil") matches none of these.
RUDE = {
    "uk": [
        Rule("addresses the customer rudely", r"жінко|чоловіче|дівчино|тітко|дядьку|бабусю|дідусю"),
        Rule("tells the customer to calm down",
             r"заспокой(?:теся|тесь|ся|тися)|успокойтесь|успокойтеся|вгамуйтес\w*|охолоньте|(?:треба|потрібно|варто|слід) (?:вам )?заспокоїтис\w*"),
        Rule("tells the customer not to shout",
             r"не (?:кричіть|кричи|верещіть|репетуйте|горлайте|галасуйте|волайте)|не (?:підвищуйте|підвищуй) (?:на мене )?(?:голос|тон)"
             r"|(?:перестаньте|припиніть|досить|годі|хватить) (?:\w+ )?(?:кричати|верещати|репетувати|горлати|скиглити|істерити|істерику)"),
        Rule("tells the customer to be quiet", r"замовк(?:ніть|ни)|помовч(?:іть|и)|заткн\w*|закрийте рот"),
        Rule("calls what the customer says nonsense",
             r"(?:не )?(?:кажіть|говоріть|верзіть|несіть|меліть) (?:\w+ )?дурниц\w*|дурниц\w* (?:не )?(?:кажіть|говоріть|верзіть|несіть)|не вигадуйте|що за маячня"),
        Rule("tells the customer not to interrupt", r"не (?:перебивайте|перебивай)"),
        Rule("mocks the customer",
             r"не (?:скигліть|скигли|нийте|ний|істеріть|істери|драматизуйте|перебільшуйте)|не влаштовуйте (?:\w+ )?(?:істерик\w*|цирк\w*|сцен\w*)"),
        Rule("talks down to the customer",
             r"що (?:ж |же )?тут (?:ще |такого )?(?:незрозумілого|незрозуміло|не зрозуміло|не ясно|складного|важкого|не розуміти)"
             r"|що (?:ж|же) (?:тут )?(?:незрозумілого|складного)"
             r"|(?:ви|ти) що ~1 (?:не розумієте|не чуєте|не слухаєте|читати не вмієте|не вмієте читати)"
             r"|(?:невже|хіба) (?:це |так )?(?:важко|складно) (?:зрозуміти|прочитати|запам'ятати)"
             r"|скільки (?:можна|разів|ще) (?:вам )?(?:повторювати|пояснювати|казати|говорити)|це ж елементарно"
             r"|(?:вчіться|навчіться) читати|читайте ~2 уважніше|уважніше (?:читайте|слухайте)"
             r"|читати (?:ви |ти )?(?:хоч |взагалі )?(?:вмієте|вмієш)|(?:вмієте|вмієш) (?:хоч |взагалі )?читати(?=\s*\||\s*$)"
             r"|(?:вмієте|вмієш) (?:хоч|взагалі) читати"
             r"|як (?:ви|ти) (?:зі мною|з нами) (?:розмовляєте|розмовляєш)"),
        Rule("reminds the customer it was explained before",
             r"(?:я|ми) (?:ж|же) (?:вам |тобі )?(?:вже |уже )?~1 (?:пояснил[аи]|пояснив|пояснювал[аи]|пояснював|казал[аи]|казав|сказал[аи]|сказав|говорил[аи]|говорив)"
             r"|(?:ж|же) (?:вам|тобі) (?:вже |уже )?~1 (?:пояснил[аи]|пояснив|пояснювал[аи]|пояснював|казал[аи]|казав|сказал[аи]|сказав|говорил[аи]|говорив)"
             r"|я (?:ж |же )?вам (?:ж |же )?(?:вже|уже) ~1 (?:пояснил[аи]|пояснив|пояснювал[аи]|пояснював|казал[аи]|казав|сказал[аи]|сказав|говорил[аи]|говорив)"),
        Rule("repeats with irritation",
             r"(?:втретє|вдруге|вчетверте|вп'яте|вкотре|тричі|двічі|(?:сто|десять|п'ять) раз(?:ів)?|(?:десятий|п'ятий|третій|сотий) раз)"
             r" (?:вам |тобі )?(?:вже )?(?:повторю\w*|поясню\w*|кажу|казал[аи]|казав|пояснювал[аи]|пояснював|говорю)"
             r"|(?:повторюю|пояснюю|кажу|говорю) (?:вам |тобі )?(?:вже )?(?:втретє|вдруге|вчетверте|вкотре|(?:в |у )?(?:десятий|п'ятий|третій|сотий) раз|(?:сто|десять) раз(?:ів)?)"),
        Rule("says the customer wastes the operator's time",
             r"не (?:морочте|морочи) ~2 (?:голов\w*|мізки)|не (?:забирайте|гайте|займайте|відбирайте) (?:у мене |мій |мого |мені )час\w*|не відволікайте мене"),
        Rule("insults the customer", r"(?:ви|ти) (?:що )?~1 (?:дурн\w*|ідіот\w*|туп(?:ий|а|і)|неадекват\w*|ненормальн\w*)"),
        Rule("talks down to the customer",
             r"(?:не розумієте|не розумієш|не можете зрозуміти) (?:таких |цих |навіть )?(?:простих|елементарних|очевидних|базових) (?:речей|речі|речах)"
             r"|(?:ви|ти) (?:що )?глух(?:а|ий|і)"),
        Rule("says the customer's trouble is nothing to them", r"мені (?:це |то )?(?:байдуже|до лампочки|до одного місця)|мені (?:нема|немає) (?:до цього )?діла"),
        Rule("talks down to the customer", r"(?:а|ну) (?:а )?(?:що|чого) (?:ж |же )?(?:ви|ти) (?:хотіли|хотів|хотіла|хочете|чекали|очікували)"),
        Rule("talks down to the customer",
             r"(?:ви|ти) (?:ж |же )?(?:доросла|дорослий|дорослі) (?:людина|люди)|це ж (?:очевидно|зрозуміло|елементарно)"
             r"|(?:усі|всі|кожен|кожна) (?:вже |це |про це |про таких \w+ |про них )?(?:вже )?(?:знають|знає)"
             r"|(?:слідкуйте|стежте) за новинами|по телевізору (?:щодня |постійно )?(?:кажуть|говорять)"),
        Rule("talks down to the customer",
             r"(?:там|тут|у платіжці|в платіжці|на сайті) (?:же|ж) (?:все|усе|всі|усі) (?:написано|вказано|є|пише|розписано)"
             r"|(?:треба|потрібно|варто|слід) (?:було (?:просто )?(?:уважно |уважніше )?|просто (?:уважно |уважніше )?|уважно |уважніше )(?:читати|прочитати|дивитися|подивитися)"
             r"|(?:давно|вже|уже) (?:пора|час) (?:знати|запам'ятати|розібратися|навчитися)"
             r"|(?:ну|та) (?:тут|це) (?:же |ж )?нічого складного|(?:тут|це) (?:же|ж) нічого складного"
             r"|арифметика|(?:рівня|для|за) (?:\w+ )?клас\w*|як (?:для )?(?:дитини|першокласника|школяра)"
             r"|(?:ну )?хто ж (?:так )?(?:\w+ )?(?:робить|платить|переходить|натискає|читає|пише|вірить|дзвонить)|ну хто так"
             r"|(?:ви|ти) (?:ж|же) (?:[\w']+ ){0,5}?(?:правда|чи не так)(?![\w'])"
             r"|якщо вам від цього (?:так )?(?:легше|буде легше|спокійніше)"
             r"|(?:примудрил\w*|умудрил\w*|примудрив\w*|умудрив\w*|примудряєтес\w*) ~2 (?:переплутати|помилитися|помилитись|загубити|забути|зіпсувати|не помітити|не побачити)"
             r"|(?:перш ніж|перед тим як|спершу|спочатку) ~2 (?:писати|скаржитися|скаржитись|обурюватися|обурюватись|дзвонити|коментувати)"
             r" ~3 (?:почитайте|прочитайте|подумайте|розберіться|дізнайтеся)"
             r"|(?:почитайте|прочитайте|розберіться|подумайте) ~4 (?:перш ніж|перед тим як|а потім|а тоді) ~1 (?:писати|скаржитися|скаржитись|обурюватися|дзвонити|коментувати)"),
        Rule("mocks the customer", r"(?<=\s)[🙄😒🤦]|^[🙄😒🤦]"),
        Rule("talks down to the customer",                     # «ну для вас повторюю ще раз повільно»
             r"для (?:вас|тебе) ~3 (?:повільно|по складах)|(?:повторюю|повторю|пояснюю|поясню|кажу|говорю) ~3 по складах"
             r"|(?:навіть|і|й) (?:дитина|першокласник|школяр|п'ятирічн\w*) (?:би )?(?:зрозуміє|зрозуміла|зрозумів|розбереться|розібралася|впорається|знає|порахує)"),
        Rule("mocks the customer",                             # sarcasm: «трагедія світового масштабу», «вітаю, ви щойно дізналися»
             r"трагеді\w* (?:світового|вселенського|планетарного|космічного) масштабу|(?:ну|подумаєш) (?:яка|така) (?:трагедія|драма|катастрофа)|подумаєш"
             r"|(?:вітаю|поздоровляю|браво) (?:ви|ти) (?:\w+ )?(?:дізнал\w*|відкрил\w*|зрозуміл\w*|здогадал\w*|помітил\w*)"
             r"|а я (?:папа римський|королева\w*|дід мороз|святий миколай|балерина)|ага (?:звісно|аякже|щас)(?=\s*\||\s*$)"),
        Rule("talks down to the customer",
             r"не смішіть (?:мене|людей)|не (?:вигадуйте|видумуйте|фантазуйте|вигадуй|видумуй)"
             r"|(?:ви|ти) (?:взагалі|хоч) (?:читаєте|читали|слухаєте|чуєте|розумієте|дивилися|дивились)"
             r"|(?:сформулюйте|поясніть|говоріть|пишіть|кажіть) (?:нарешті |хоч )?(?:нормально|по-людськи|по людськи)"
             r"|(?:ви|ти) як (?:маленьк\w*|дитина|мала|малий)|(?:це ж|ж) (?:усім|всім) (?:відомо|зрозуміло)|(?:усім|всім) (?:же|ж) (?:відомо|зрозуміло)"
             r"|ну (?:ви|ти) (?:даєте|даєш)|(?:таке|такого|цього|це) не знати"
             r"|не (?:зобов'язан\w*|мушу|повинна|повинен) (?:вам |тобі )?(?:це |цього |все |нічого )?(?:пояснювати|розповідати|розжовувати|повторювати)"
             r"|мені (?:за це )?не платять|розжов\w*"
             r"|мені (?:тут )?не (?:розказуйте|розповідайте|вказуйте|указуйте)|не (?:вказуйте|указуйте|вчіть|повчайте) (?:мене|мені)"
             r"|хоч (?:раз|разок|колись) (?:\w+ )?(?:відкривали|читали|дивилися|дивились|відкрили|прочитали)|(?:ну )?знову (?:ви|ти)(?=\s*\||\s*$)"
             r"|з (?:місяця|луни|неба) (?:впали|впав|впала|звалилися)|(?:ви|ти) що,? (?:не бачили|не чули|не знали|не читали|сліпі|глухі)"
             r"|(?:годі|досить|хватить|перестаньте|припиніть) (?:вже )?(?:скаржитися|скаржитись|жалітися|нити|скиглити|обурюватися)"
             r"|мені (?:це |ви )?(?:вже )?(?:набридло|набридли|остогидло)|(?:ви|це) (?:мені|мене) (?:вже )?(?:набридли|набридло|дістали|дістало|остогидли|задовбал\w*)"
             r"|(?:вам|тобі) що,? (?:було )?(?:важко|складно|ліньки|лінь)|(?:невже|хіба) (?:вам |тобі )?(?:було )?(?:так )?(?:важко|складно)"
             r"|читати (?:треба|потрібно|слід|варто)(?: було)?,? (?:що|шо)|(?:треба|потрібно|слід|варто) читати,? (?:що|шо) (?:підписуєте|підписали)"),
    ],
    "en": [
        Rule("addresses the customer rudely",
             r"(?:^|(?<=\|)|(?<=\|\s))(?:(?:listen|look|hey|ok|okay|now|oh) )?(?:lady|mister|missy|pal|buddy|sweetheart|sweetie|honey)"
             r"|(?:lady|mister|missy|pal|buddy) (?:stop|calm|listen|enough|don'?t)"),
        Rule("tells the customer to calm down", r"calm down|settle down|chill out|cool it|get a grip|pull yourself together"),
        Rule("tells the customer not to shout",
             r"(?:stop|quit|enough) (?:the |your |with the )?(?:shouting|yelling|screaming|whining|moaning|complaining|interrupting|raising your voice)"
             r"|(?:don'?t|do not) (?:you )?(?:shout|yell|scream|raise your voice)|no need to (?:shout|yell|scream)"),
        Rule("tells the customer to be quiet", r"shut up|be quiet|keep quiet|shush"),
        Rule("talks down to the customer", r"are you (?:deaf|stupid|dense|slow)|(?:can'?t|cannot) you hear (?:me|what i)"),
        Rule("calls what the customer says nonsense",
             r"(?:don'?t|do not) be (?:ridiculous|silly|absurd|stupid|dramatic)|(?:stop|quit) being (?:ridiculous|silly|dramatic|difficult)"
             r"|you'?re being (?:ridiculous|silly|dramatic|hysterical)|talking nonsense"),
        Rule("mocks the customer", r"spare me (?:the|your) (?:drama|theatrics|sob story|attitude)|(?:enough|cut) (?:with )?the (?:drama|theatrics)"),
        Rule("talks down to the customer",
             r"what'?s so (?:hard|difficult|complicated|confusing) (?:to understand|about (?:this|it|that))"
             r"|what part of ~3 (?:don'?t|do not) you (?:understand|get)|(?:don'?t|do not) you understand|are you (?:even )?listening"
             r"|(?:can'?t|cannot) you read|(?:can|do) you (?:not |actually )?(?:know how to )?read(?=\s*\||\s*$)|(?:can|do) you even (?:know how to )?read|learn to read|it'?s not rocket science|it'?s (?:really )?not that (?:hard|difficult|complicated)"
             r"|how (?:hard|difficult) (?:is it|can it be)|how dare you|(?:don'?t|do not) (?:you )?(?:talk|speak) to me like that"
             r"|watch your (?:tone|mouth|language)"),
        Rule("talks down to the customer", r"read ~3 more carefully", unless_before=r"i|i'll|we|we'll|let"),
        Rule("says the customer wastes the operator's time", r"(?:stop|quit) wasting my time|(?:don'?t|do not) waste my time|you'?re wasting my time"),
        Rule("says the customer's trouble is nothing to them", r"i (?:really )?(?:don'?t|do not|couldn'?t|could not) care(?: less)?|not my concern what"),
        Rule("talks down to the customer",
             r"you'?re an adult|you are an adult|(?:that'?s|it'?s|that is|it is) (?:just )?common sense|(?:everyone|everybody) knows"
             r"|(?:it'?s|that'?s|it is|that is) obvious|(?:try to )?keep up with the news"),
        Rule("talks down to the customer",
             r"(?:^|(?<=\|)|(?<=\|\s))(?:\w+ )?obviously|that'?s the (?:whole )?point|(?:honestly|seriously|i mean|come on) who (?!is |are |was )\w+"
             r"|knock yourself out|be my guest|good luck with that|(?:lose|drop|watch|change) (?:the|your|that) attitude"
             r"|(?:how|that) you (?:\w+ )?managed to (?:get it wrong|mess|miss|lose|forget|confuse|mix)|you (?:somehow )?managed to (?:get it wrong|mess)"
             r"|(?:read|check|look|learn) (?:[\w']+ ){0,4}?before (?:posting|calling|writing|complaining|commenting|you (?:post|call|write|complain|comment))"),
        Rule("talks down to the customer",
             r"(?:don'?t|do not|didn'?t|did not) ~5 (?:do|did) you(?=\s*\||\s*$)|it'?s (?:all )?(?:written|printed|right there) (?:on|in) (?:the|your) (?:bill|slip)"),
        Rule("talks down to the customer", r"if it makes you feel better", needs=r"neurc|nerc|regulator|complain\w*|complaint\w*|sure|go ahead|fine"),
        Rule("mocks the customer", r"(?<=\s)[🙄😒🤦]|^[🙄😒🤦]"),
        Rule("talks down to the customer",                     # "let me say it slowly for you", "a child could figure this out"
             r"slowly (?:for you|so (?:even )?you)(?![^|]*(?:write|note|jot|record|type))|spell it out for you|in (?:small|little|tiny) words"
             r"|(?:a|any|even a) (?:child|kid|toddler|five year old|5 year old|schoolkid|first grader) (?:could|can|would) (?:\w+ )?(?:figure|understand|work|get|grasp)"),
        Rule("mocks the customer",                             # sarcasm
             r"what a (?:shock|surprise|tragedy|catastrophe)(?! (?:that|it|this) |(?:\s+for you))|(?<!no\s)(?<!a\s)big deal(?=\s*\||\s*$)|boo ?hoo|cry me a river"
             r"|congrat\w* (?:you'?ve|you have|you) (?:just |finally )?(?:discovered|found out|figured out|realised|realized|learned|learnt|worked out|noticed)"
             r"|newsflash|news flash|welcome to (?:the real world|adulthood|real life)|and i'?m (?:the )?(?:queen|king|pope|santa|tooth fairy)"
             r"|sure you (?:did|do|have|were)(?=\s*\||\s*$)"),
        Rule("talks down to the customer",
             r"(?:did|do|have) you even (?:read|look|check|listen)|are you even (?:reading|looking)"
             r"|(?:it'?s|that'?s|this is) (?:really |pretty |just )?(?:basic|elementary) (?:stuff|maths|math|arithmetic)"
             r"|stop (?:making (?:things|stuff|it|this) up|inventing things|lying|exaggerating)|you'?re (?:making (?:this|it|things) up|exaggerating|lying)"
             r"|(?:i'?m|i am) not (?:paid|here) to (?:explain|teach|babysit|hold your hand)|(?:don'?t|do not) tell me how to do my job"
             r"|have you ever (?:actually|even) (?:opened|read|looked at|checked)|(?:oh,? )?(?:it'?s )?you again(?=\s*\||\s*$)"
             r"|did you (?:fall asleep|sleep through)|living under a rock|(?:i'?m|i am) (?:sick|tired) of (?:this|you|it|your)|fed up with (?:you|this)"
             r"|(?:was|is) it (?:really )?(?:that|so) (?:hard|difficult) to|it'?s not (?:complicated|rocket science|hard),? (?:sir|madam|ma'?am|mate)"
             r"|(?:look|listen|now|okay|ok),? (?:dear|darling|love)(?![\w'])"
             r"|(?:you need to|you have to|learn to) read what you (?:sign|get|pay)|you (?:really|seriously) (?:don'?t|do not|didn'?t|did not) know"),
        Rule("reminds the customer it was explained before",
             r"as i(?:'ve| have)? already (?:told you|said|explained|mentioned)|i(?:'ve| have) already told you"
             r"|i(?:'ve| have) (?:already )?(?:explained|told you|said) (?:this |that |it )?(?:to you )?(?:twice|(?:three|four|five|several|many|\d+) times|a hundred times)"
             r"|how many times (?:do|must|should|have|will) i (?:have to )?(?:tell|explain|repeat|say)|i'?m not going to repeat myself"),
    ],
}

# Threats, e.g. to hang up. Ending a call is a threat when it is tied to how the customer talks
# ("if you keep shouting") or forced ("I'll have to end the call"); «інакше мені буде складно
# продовжувати розмову» (a polite warning) and a closing ("thank you, goodbye") are not.
_BEHAVIOUR_UK = r"якщо (?:ви )?(?:й |і )?далі|хам\w*|будете так|(?:в|у) такому тоні|поведінк\w*|якщо (?:ви )?продовж\w*|крик\w*|крич\w*|образ\w*|лайк\w*|лаєте|лаятис\w*|тон\w*|груб\w*|нецензурн\w*|матюк\w*|підвищу\w*|так розмовля\w*|так говори\w*"
_BEHAVIOUR_EN = (r"if you (?:keep|continue|carry on|don'?t stop)|shout\w*|yell\w*|scream\w*|insult\w*|swear\w*|abus\w*|rude\w*|language|tone|keep (?:this|that) up"
                 r"|(?:talk|speak) to me like|carry on like|one more|attitude|talking like (?:that|this)|keep talking")
THREAT = {
    "uk": [
        Rule("threatens to hang up", r"(?:кладу|покладу|кидаю|кину|вішаю|повішу) (?:\w+ )?(?:слухавку|трубку)"),
        Rule("threatens to hang up",
             r"(?:доведеться|змушен\w*|вимушен\w*|мушу|муситиму|прийдеться) (?:\w+ )?(?:покласти|кинути) (?:\w+ )?(?:слухавку|трубку)"),
        Rule("threatens to end the call",
             r"(?:доведеться|змушен\w*|вимушен\w*|мушу|муситиму|прийдеться) (?:\w+ )?(?:завершити|припинити|перервати|обірвати|закінчити|завершувати|припиняти)"
             r" (?:\w+ )?(?:розмову|дзвінок|виклик|з'єднання|спілкування)"),
        Rule("threatens to end the call",
             r"(?:завершу|завершую|припиню|припиняю|перерву|перериваю|обірву|обриваю|закінчу|закінчую|завершимо|припинимо|завершуємо|припиняємо)"
             r" (?:\w+ )?(?:розмову|дзвінок|виклик|з'єднання|спілкування)", needs=_BEHAVIOUR_UK),
        Rule("threatens to end the call", r"(?:розмову|дзвінок|виклик|чат|діалог|переписк\w*) (?:буде )?(?:завершено|припинено|перервано|закрито)"),
        Rule("threatens to end the chat",
             r"(?:закрию|закриємо|закриваю|закриваємо|заблокую|заблокуємо|приховаю|приховаємо|видалю|видалимо) (?:\w+ )?(?:чат|діалог|переписк\w*|вас|коментар\w*|допис\w*)",
             needs=_BEHAVIOUR_UK + r"|дубл\w*|повтор\w*|ще раз"),
        Rule("threatens to hide or block the customer",
             r"(?:коментар\w*|допис\w*|повідомлен\w*) (?:\w+ )?(?:буде |будуть |ми )?(?:приховано|видалено|заблоковано|приховаємо|видалимо)"
             r"|(?:вас|ваш акаунт) (?:буде )?заблоковано"),
        Rule("threatens to end the call", r"(?:на цьому )?(?:розмову|розмова|дзвінок) (?:буде )?(?:закінчено|скінчено|закінчена|скінчена)"),
        Rule("threatens to end the call",
             r"(?:розмову|дзвінок|чат|діалог) (?:я )?(?:завершу|припиню|закінчу|перерву|обірву|закрию)"
             r"|(?:я )?(?:відключаюся|відключаюсь|від'єднуюся|від'єднуюсь)", needs=_BEHAVIOUR_UK),
        Rule("threatens to cut the customer off",               # «будете так розмовляти — відключимо вам світло»
             r"(?:відключимо|відключу|відріжемо|відріжу|обріжемо|вимкнемо|вимкну|відключать|відріжуть|вимкнуть) (?:вам |тобі )?(?:\w+ )?(?:світло|електроенергію|електрику|постачання|лічильник)",
             needs=_BEHAVIOUR_UK),
        Rule("refuses to go on talking", r"не (?:буду|стану) (?:з вами|з тобою) (?:так |більше )?(?:розмовляти|говорити|спілкуватися)"),
        Rule("threatens to end the call",
             r"(?:від'єднаю|від'єднаємо|відключу|відключимо|від'єдную) (?:вас )?(?:від )?(?:лінії|розмови|дзвінка|чату)"),
        Rule("threatens the customer",
             r"ще (?:одне|одна|хоч одне|хоч одна) (?:таке |така |подібне )?(?:слово|образа|образу|лайка|грубість)"
             r"|ще (?:раз|хоч раз) (?:\w+ )?(?:образите|обізвете|накричите|нагрубите|підвищите)"),
    ],
    "en": [
        Rule("threatens to hang up", r"(?:i|we)(?:'m|'ll|'d| am| will| would| are|'re)? ~3 (?:hang|hanging) up|hang up on you"),
        Rule("threatens to hang up", r"(?:i|we)(?:'m|'ll|'d| am| will| would| are|'re)? ~3 (?:put|putting) (?:the phone|the receiver) down|(?:put|putting) down the phone"),
        Rule("threatens to hide or block the customer",
             r"(?:posts?|comments?|messages?) like (?:this|that|these|yours) (?:get|gets|will be|are|is|will get) (?:hidden|deleted|removed|blocked|banned)"
             r"|(?:i|we)(?:'ll| will|'m going to| am going to|'re going to| are going to) ~2 (?:hide|delete|remove|block|ban) (?:you|your|this|these)"
             r"|you(?:'ll| will) (?:be|get) (?:blocked|banned|muted)"),
        Rule("threatens to end the call",
             r"(?:i|we)(?:'ll| will|'m| am|'re| are) ~2 (?:end|ending|terminate|terminating|disconnect|disconnecting|close|closing|finish|finishing|stop|stopping)"
             r" (?:this|the|our) (?:call|conversation|chat|line)", needs=_BEHAVIOUR_EN),
        Rule("threatens to end the call",
             r"(?:have to|forced to|need to|must|might have to|may have to) ~1 (?:end|terminate|disconnect|close|stop) (?:this|the|our) (?:call|conversation|chat)"),
        Rule("threatens to end the call", r"(?:call|conversation|chat) will be (?:ended|terminated|disconnected)"),
        Rule("threatens to end the call",
             r"(?:i'?ll|i will|we'?ll|we will|i'?m going to|i am going to) (?:just )?(?:disconnect|leave the chat)"
             r"|(?:this|our) (?:call|conversation|chat) is (?:done|finished)|we'?re done here", needs=_BEHAVIOUR_EN),
        Rule("refuses to go on talking",
             r"(?:i'?m not going to|i won'?t|i will not) (?:keep )?(?:talk|talking|speak|speaking) to you (?:like this|like that|any ?more)"),
        Rule("threatens to end the call", r"(?:this|the|our) (?:call|conversation|chat) (?:is|will be) over"),
        Rule("threatens the customer", r"one more (?:word|insult|outburst|swear word|time and)"),
        Rule("threatens to cut the customer off",
             r"(?:we|i|they)(?:'ll| will|'re going to| are going to|'m going to| am going to| can| could| might) ~1 (?:cut|switch|turn|shut) (?:you|your (?:power|electricity|supply)|the power) off"
             r"|(?:we|i|they)(?:'ll| will|'re going to| are going to|'m going to| am going to| can| could| might) ~1 disconnect (?:you|your (?:power|electricity|supply))",
             needs=_BEHAVIOUR_EN),
    ],
}

# Discouraging a complaint (to the regulator, НКРЕКП / NEURC). Saying the customer may complain is right.
REGULATOR = {
    "uk": [
        Rule("discourages a complaint",
             r"(?:(?:немає|нема|не має|ніякого|мало) сенсу|не варто|не раджу|не радила б|не радив би|не радимо|марно|даремно|безглуздо|безнадійно|дарма)"
             r" (?:вам |і |навіть |взагалі |туди |нікуди )?(?:(?:писати|подавати|відправляти|направляти|складати) (?:\w+ )?скарг\w*"
             r"|скаржит\w*|поскаржит\w*|жалітис\w*|звертатис\w* ~2 (?:до |в )?(?:нкрекп|регулятор\w*)|(?:йти|іти|ходити) (?:до |в )(?:нкрекп|регулятор\w*))"),
        Rule("discourages a complaint",
             r"(?:скаржитис\w*|поскаржитис\w*|скарг[аиу]|писати скаргу|звертатис\w*|звернутис\w*) ~3 (?:немає|нема|не має|ніякого|мало) сенсу"
             r"|(?:писати|пишіть|йти|іти|ходити) ~2 (?:нкрекп|регулятор\w*) ~2 (?:немає|нема|не має|ніякого|мало) сенсу"
             r"|(?:не варто|нема сенсу|немає сенсу|шкода|не раджу) (?:\w+ )?(?:витрачати|гаяти|марнувати) (?:\w+ )?час ~3 (?:нкрекп|регулятор\w*|скарг\w*)"),
        Rule("says a complaint is not worth the effort",
             r"не (?:витрачайте|гайте|марнуйте|тратьте) (?:\w+ )?(?:сили|час|нерви)|(?:скаржтеся|скаржтесь|пишіть),? (?:чи )?не (?:скаржтеся|скаржтесь|пишіть)",
             needs=r"нкрекп|регулятор\w*"),
        Rule("says a complaint is not worth the effort", r"(?:скаржтеся|скаржтесь),? (?:чи )?не (?:скаржтеся|скаржтесь)"),
        Rule("says the regulator will not read a complaint",
             r"(?:нкрекп|регулятор\w*) ~3 навіть не (?:читає|читають|розглядає|розглядають|відповідає|відповідають|дивиться|дивляться)"
             r"|(?:нкрекп|регулятор\w*) (?:такі|ці|ваші) скарги ~1 не (?:читає|читають|розглядає|розглядають)"),
        Rule("discourages a complaint",
             r"(?:не треба|не потрібно|нема чого|немає чого|нема потреби|немає потреби) (?:вам |і |навіть |взагалі )?"
             r"(?:(?:скаржит\w*|поскаржит\w*|звертатис\w*|звернутис\w*|писати|йти|іти) ~2 (?:до |в )?(?:нкрекп|регулятор\w*))"),
        Rule("says a complaint is a waste of time",
             r"(?<!не\s)(?:марн\w* (?:трата|витрата) часу|(?:це |то )?(?:марно|даремно|дарма|безглуздо|пуста справа|марна справа))",
             needs=r"нкрекп|регулятор\w*|скарг\w*|скаржит\w*"),
        Rule("says a complaint is a waste of time",
             r"(?:тільки|лише|даремно|дарма) час (?:гаяти|марнувати|витрачати|втратите|змарнуєте|витратите|згаєте|гаєте|марнуєте|втрачаєте)",
             needs=r"нкрекп|регулятор\w*|скарг\w*|скаржит\w*|пиши\w*|писати"),
        Rule("tells the customer not to complain",             # «та не пишіть ви ту скаргу в регулятор»
             r"не (?:пишіть|подавайте|складайте|надсилайте|відправляйте) (?:ви )?(?:ту |цю |ніякої |жодної |свою )?скарг\w*", needs=r"нкрекп|регулятор\w*"),
        Rule("says the regulator will not help",
             r"(?:нкрекп|регулятор\w*|скарг\w*) ~3 (?:нічого не (?:дасть|зробить|вирішить|змінить)|не допоможе|не допоможуть|нічим не допоможе"
             r"|не поможе|не розглядатиме|не розгляне|не буде розглядати)"),
        Rule("says a complaint would only come back",
             r"(?:все одно|однаково|просто|тільки|лише) (?:\w+ )?(?:перешле|перешлють|переправить|переправлять|поверне|повернуть|відправить|відправлять"
             r"|спустить|спустять|передасть|передадуть)(?: \w+)? (?:назад|нам|до нас|сюди)"
             r"|(?:все одно|однаково|просто) (?:\w+ )?(?:повернеться|прийде|потрапить) (?:\w+ )?(?:назад|до нас|нам|сюди)"
             r"|(?:розглядатимуть|розглядають|розглядатиме|розглядає|чекатимете|чекати) (?:\w+ )?(?:місяцями|роками|вічність|півроку)",
             needs=r"нкрекп|регулятор\w*|скарг\w*|скаржит\w*"),
    ],
    "en": [
        Rule("discourages a complaint",
             r"no (?:point|use|sense|reason) (?:in )?(?:complaining|complain|to complain|writing|filing|going|contacting|escalating|making a complaint)"
             r"|(?:it'?s|it is|that'?s|that is) (?:pointless|useless|futile|a waste of (?:time|your time)) (?:to )?(?:complain\w*|go(?:ing)? to|writ\w*|fil\w*)"),
        Rule("discourages a complaint",
             r"(?:complaining|a complaint|complaints|going to (?:the )?(?:neurc|regulator)) ~4 (?:is|are|would be|will be) (?:pointless|useless|futile|a waste of (?:time|your time)|no use)"),
        Rule("says a complaint is a waste of time",
             r"(?:it'?s|it is|that'?s|that is|it'?d be|it would be|it will be|it'?ll be) (?:honestly |just |really |simply |totally )?"
             r"(?:pointless|useless|futile|a (?:complete |total )?waste of (?:your )?time|no use)",
             needs=r"neurc|nerc|nkrekp|regulator|complain\w*|complaint\w*"),
        Rule("discourages a complaint", r"save yourself the (?:trouble|bother|effort|hassle)|(?:won'?t|will not) get (?:you|him|her|them) (?:\w+ ){0,3}?(?:anywhere|back|running|fixed)",
             needs=r"neurc|nerc|nkrekp|regulator|complain\w*|complaint\w*"),
        Rule("says the regulator will not help",
             r"(?:neurc|nerc|nkrekp|regulator|complaint|complaints|complaining) ~5 (?:won'?t|will not|wouldn'?t|would not|can'?t|cannot|doesn'?t|does not"
             r"|isn'?t going to|is not going to|never) ~1 (?:help|do anything|do a thing|change anything|get you anywhere|achieve anything"
             r"|make (?:any |a )?difference|care|fix anything|solve anything)"),
        Rule("discourages a complaint",
             r"(?:don'?t|do not|no need to|wouldn'?t|would not) (?:even )?bother (?:complaining|with (?:a |the )?(?:complaint|neurc|nerc|regulator)|going to|writing|filing|contacting)"
             r"|(?:no need|there'?s no need|you don'?t need|you do not need) to (?:go|write|complain|turn|contact) (?:to )?(?:the )?(?:neurc|nerc|regulator)"
             r"|(?:don'?t|do not|no need to) waste (?:your )?time (?:on|with) (?:neurc|nerc|the regulator|a complaint|complaining)"),
        Rule("says a complaint is not worth the effort",
             r"save your (?:energy|breath|time|nerves)|complain or (?:don'?t|not)|(?:the )?result'?s the same|doubt the regulator will",
             needs=r"neurc|nerc|regulator|complain\w*|complaint\w*"),
        Rule("says the regulator will not read a complaint",
             r"(?:neurc|nerc|regulator) ~3 (?:doesn'?t|does not|don'?t|won'?t|will not) even (?:read|look|care|answer)"
             r"|(?:neurc|nerc|regulator) (?:never|won'?t|doesn'?t|does not) (?:read|look at|answer) (?:those|these|such|your) complaints"),
        Rule("says a complaint would only come back",
             r"(?:just|only|simply|anyway|all) (?:\w+ )?(?:send|sends|pass|passes|forward|forwards|bounce|bounces|refer|refers|hand|hands|kick|kicks|come|comes|end|ends)"
             r" (?:\w+ )?(?:it |them |that )?(?:back|up back|straight back|right back) ?(?:to us|here|with us)?"
             r"|(?:takes?|take|taking|will take|'ll take) (?:\w+ )?(?:months|forever|ages|years)",
             needs=r"neurc|nerc|nkrekp|regulator|complain\w*|complaint\w*"),
    ],
}

# Asking for card details, a PIN, a password or a one-time code, in any wording: a request word
# (SECRET_ASK) a few words before what is asked for (SECRET_OBJECT), or a request word or
# "please" right after it («Номер картки, будь ласка»). Not a request: advice not to share
# («нікому не кажіть код», "we will never ask for your PIN"), a warning about someone else
# asking (SECRET_THIRD_PARTY), or telling the customer to type a code into the app themselves.
_CARD = r"карт(?:к[аиуіо]\w*|ці|[аиуі]|ою|очк\w*)"
SECRET_OBJECT = {
    "uk": [
        Rule("asks for a card number",
             rf"(?:лицьов\w*|зворотн\w*|передн\w*) (?:бо\w*|сторон\w*) ~1 {_CARD}|(?:цифр\w*|код\w*) (?:що|які|який) ~3 (?:прийшл|надійшл|надісла|прийде|надійде)\w*|номер\w* ~3 {_CARD}|(?:дан\w*|реквізит\w*) ~2 {_CARD}|(?:шістнадцят\w*|16) ~1 цифр\w*|цифр\w* ~3 {_CARD}"),
        Rule("asks for digits of a card",
             r"(?:останні|перші|останніх|перших) ~1 (?:чотири |4 |дві |2 )?цифр\w*"
             r"(?! ~3 (?:особов|рахунк|лічильн|показ|телефон|мобільн|договор|звернен))"),
        Rule("asks for the card's expiry date", r"(?:термін\w*|строк\w*) дії(?! (?:договор|тариф|знижк|пільг|субсид|акці|ліценз|пропозиц))"
             rf"|дат\w* (?:закінчення|завершення) (?:дії|терміну)(?: дії)? {_CARD}|до якого (?:числа|місяця|року) (?:дійсна|діє) {_CARD}"),
        Rule("asks for the CVV",
             r"cvv\w*|cvc\w*|cv2|(?:три|3|тризначн\w*) ~2 (?:цифр\w*|код\w*|числ\w*) ~3 (?:звороті|зворотн\w*|ззаду)"
             r"|(?:код\w*|цифр\w*) (?:на )?звороті|тризначн\w* код\w*|код\w* безпеки|секретн\w* код\w*"),
        Rule("asks for a photo of a card",
             rf"(?:фото\w*|світлин\w*|знім\w*|скан\w*|копі\w*|скрін\w*|скриншот\w*) ~2 {_CARD}|{_CARD} (?:з|із) (?:обох|двох) (?:бо\w*|сторін)"),
        Rule("asks for card details", rf"{_CARD} (?:якою|з якої|якої|що нею) (?:ви )?(?:платите|оплачуєте|сплачуєте|платили|оплачували|розраховуєтес\w*)"),
        Rule("asks for a PIN", r"(?:пін|pin)(?: код\w*)?"),
        Rule("asks for a password", r"парол\w*|логін і пароль"),
        Rule("asks for a one-time code",
             r"код\w* ~2 (?:з|із|зі|в|у|від) (?:смс|sms|есемес\w*|смск\w*|повідомлен\w*)|(?:смс|sms|есемес) код\w*"
             r"|одноразов\w* (?:код\w*|парол\w*)|код\w* (?:підтвердж\w*|верифікац\w*|доступу)"
             r"|код\w* (?:який|що|котрий) ~3 (?:надісла\w*|надійш\w*|прийш\w*|відправи\w*|надсила\w*|отрима\w*)"
             r"|(?:що|які|яке) (?:там |тут )?(?:вам )?(?:прийшл\w*|надійшл\w*|написано) (?:в|у) (?:смс\w*|sms|есемес\w*|повідомлен\w*)"
             r"|(?:у|в) (?:смс\w*|sms|есемес\w*|повідомленні) (?:написано|пишуть|прийшло)"),
    ],
    "en": [
        Rule("asks for a card number",
             r"(?:front|back) of (?:your |the )?card|(?:digits|numbers) (?:you|that you|we|that we) (?:gave|told|read|just |have |'ve )?(?:them|sent|messaged|texted|gave them)"
             r"|card (?:number|details|data|info|information|digits|numbers)|long number|name on (?:the|your) card|(?:long |full )?number (?:on|of|from) (?:the |your )?(?:bank |debit |credit )?card"
             r"|(?:sixteen|16)(?: digit)? (?:digits|numbers|number)"),
        Rule("asks for digits of a card",
             r"(?:last|first|final) (?:four |4 |two |2 |six |6 |few )?digits(?! ~3 (?:account|phone|mobile|meter|reading|contract|personal|reference))"),
        Rule("asks for the card's expiry date", r"expiry(?: date)?|expiration(?: date)?|valid (?:thru|through|until) date"),
        Rule("asks for a photo of a card", r"(?:photo|picture|pic|scan|copy|screenshot) of (?:\w+ )?(?:bank |debit |credit )?card|both sides of (?:\w+ )?card"),
        Rule("asks for card details", r"card (?:that |which )?you (?:pay|paid|use|used) (?:with|by|for)|card (?:you have )?on file"),
        Rule("asks for the CVV",
             r"cvv\w*|cvc\w*|cv2|security (?:code|number)|(?:three|3)(?: digit)? (?:digits|numbers|number|code) ~3 (?:back|reverse)"
             r"|(?:code|digits|number|numbers) on the back"),
        Rule("asks for a PIN", r"pin(?: code| number)?"),
        Rule("asks for a password", r"password\w*|passcode\w*|pass code|login details"),
        Rule("asks for a one-time code",
             r"(?:sms|text|one time|verification|confirmation|authentication|authori[sz]ation|otp|access) code\w*|otp|one time (?:password|pin)"
             r"|code\w* ~2 (?:from|in) (?:the |your |that |this |an |a |our )?(?:sms|text|message|texts)"
             r"|code (?:that |which )?(?:we'?ve |we have |we |i'?ve |i |you'?ve |you )(?:just )?(?:sent|texted|received|got|get)"
             r"|code (?:just )?(?:sent|texted) (?:to )?you|what (?:the |your |that )?(?:text|sms|message|text message) says"),
    ],
}
# A bare "code" («прочитайте мені код», "read me the code in it") is a one-time code, unless a
# word before it names one of the codes printed on a bill or a receipt ("the QR code"), or the words
# after it do («код EIC», «код вашої точки обліку», "the code of your metering point").
SECRET_CODE = {
    "uk": r"код\w*(?! (?:(?:вашої|вашого|своєї|свого|цієї|цього) )?(?:єдрпоу|точки|тарифу|платежу|операції|лічильника|eic|ейк|еік|qr"
          r"|(?:з|із|на|у|в) (?:вашої |вашого |своєї |свого |цієї |цього )?(?:платіжц\w*|платіжк\w*|квитанці\w*|чек\w*|лічильник\w*)))",
    "en": r"codes?(?! (?:eic|qr|(?:on|from|of|for) (?:the |your |this )?(?:bill|slip|payment slip|receipt|invoice|meter|metering point|supply point)))",
}
SECRET_CODE_NAMED = {
    "uk": r"eic|ейк|еік|qr|поштов\w*|ідентифікаційн\w*|податков\w*|тарифн\w*|єдрпоу",
    "en": r"eic|qr|post|zip|postal|area|country|tariff|reference|transaction|payment|receipt|promo|discount",
}
SECRET_ASK = {
    "uk": (
        r"продиктуйте|продиктуй|продиктувати|диктуйте|назвіть|назви|назвете|назвати|називайте|скажіть|скажи|сказати|кажіть|кажи|казати"
        r"|повідомте|повідомити|повідомляйте|надішліть|надішли|надіслати|надсилайте|скиньте|скинути|перешліть|напишіть|напиши|написати|пишіть"
        r"|прочитайте|прочитай|прочитати|зачитайте|зачитати|читайте|озвучте|озвучити|підтвердіть|підтвердити|уточніть|уточнити"
        r"|що там|підкажіть|підкажи|підказати|дайте|дай|введіть|вводьте|впишіть|вкажіть|продублюйте|повторіть|попрошу|прошу|який|яка|яке|які|якою|що за"
        r"|(?:мені|нам) (?:ще |також |тільки |лише )?(?:потрібен|потрібна|потрібні|потрібно|треба|необхідн\w*|знадобиться|знадобляться)"
        r"|(?:потрібен|потрібна|потрібні|потрібно|треба|необхідн\w*) (?:мені|нам)"
        r"|для (?:\w+ )?(?:перевірки|підтвердження|ідентифікації|верифікації|повернення|зарахування|оплати|пошуку) (?:\w+ )?(?:потрібен|потрібна|потрібні|потрібно|необхідн\w*)"
    ),
    "en": (
        r"tell(?! you)|give(?! you)|read(?! you)|send (?=(?:the|that|this) code\w* (?:to|back to) (?:this|that|our|my) (?:number|phone))|send (?:me|us|it|them|over|through|in)|send (?:a|an|the|your) (?:\w+ )?(?:photo|pic|picture|scan|copy|screenshot|snap)|(?:can|could|would|will) you (?:please )?(?:send|snap|take|share|text)|text (?:me|us)|type|provide|confirm|verify|dictate|share|spell|repeat"
        r"|(?:can|could|may) (?:i|we) (?:have|get|take|ask for|ask you for)|let me (?:have|get|take)"
        r"|(?:i|we)(?:'ll| will|'d| would|'m going to| am going to|'re going to| are going to)? (?:also |just |still )?need"
        r"|(?:i|we) (?:have|must|need) to (?:ask|take|get|check)|ask (?:you )?for|what'?s|what is|what are|which (?:is|are)|what does it say"
    ),
}
SECRET_ASK_AFTER = {
    "uk": r"будь ласка(?=\s*\||\s*$)|(?:які|який|яка|яке)(?=\s*\||\s*$)|(?:які|який|яка|яке) (?:у|в) (?:вас|тебе)(?![^|]*(?<![\w'])(?:не|ні|нікому|ніколи)(?![\w']))"
          r"|(?:я )?(?:слухаю|записую)|(?:можете|можна|варто|треба|потрібно) (?:\w+ )?(?:назвати|сказати|продиктувати|повідомити|надіслати)|продиктуйте|диктуйте|назвіть|скажіть|кажіть|повідомте|надішліть|напишіть|прочитайте|зачитайте|озвучте|підтвердіть|уточніть|підкажіть|дайте",
    "en": r"please(?=\s*\||\s*$)|go ahead|(?:i'?m|i am) (?:listening|ready)|when(?:ever)? you'?re ready|you (?:can|may|should) (?:\w+ )?(?:give|tell|read|send)(?! (?:it|them) to (?:no one|nobody))|(?:can|could|would|will) you (?:read|tell|give|confirm|spell)|is what i need",
}
# "Please" closing a sentence up to six words after what is asked for ("the expiry date on the
# card, month and year, please").
SECRET_ASK_LATE = {"uk": r"будь ласка(?=\s*\||\s*$)", "en": r"please(?=\s*\||\s*$)"}
# A request for "it" when the sentence before (or the same one) names what is asked for: «Зараз
# прийде смс з паролем. Продиктуйте його мені.», "We've just texted you a code. What does it say?"
SECRET_PRONOUN = {"uk": r"його|її|їх|цей|цього|ці", "en": r"it|them"}
# ... unless a word right after it asks whether it came («ви його отримали?», "give it a minute").
SECRET_PRONOUN_NOT_BEFORE = {
    "uk": r"отрима\w*|побачил\w*|бачите|маєте|знайшл\w*|прийшов|прийшла|прийшло|надійшов|надійшло",
    "en": r"a|an|arrived|came|come|has|have|got|reached|yet|arrives|comes",
}
SECRET_ABOUT_IT = {
    "uk": r"що (?:там|в ньому|у ньому|в ній|у ній) (?:написано|пишуть|пише|вказано)",
    "en": r"what does (?:it|the text|the message) say|what'?s in it|what (?:it|they) says?",
}
# Asking whether it came, right after the request word («код, скажіть, ви його отримали?», "a
# code, can you confirm that you received it"): a question about the message, not its content.
SECRET_RECEIVED = {
    "uk": r"(?:чи )?(?:ви )?(?:його |її |їх )?(?:отрима\w*|побачил\w*|бачите|прийшов|прийшла|прийшло|надійш\w*)",
    "en": r"(?:that |if |whether )?(?:you(?:'ve| have)? )?(?:received|got|get|have|can see|see) (?:it|them|one)"
          r"|(?:that |if |whether )?(?:it|they) (?:has |have )?(?:arrived|came|come|reached)",
}
# Chat shorthand read as the word it stands for ("send a pic of ur card", "thats on u").
SHORTHAND = {"uk": {}, "en": {"u": "you", "ur": "your", "pls": "please", "plz": "please", "ya": "you"}}
# Saying what one will NOT tell the customer to do («не казатиму вам заспокоїтися», "I'm not
# going to tell you to calm down"): the clause before a match; what follows is not said to them.
DISOWNED = {
    "uk": r"(?:не|ніколи) (?:[\w']+ ){0,2}?(?:казатиму|казати|скажу|кажу|проситиму|просити|прошу|вимагатиму|вимагати|радитиму|раджу) (?:вам|тобі) (?:щоб |щоби )?$",
    "en": r"(?:not|never|won'?t|wouldn'?t|don'?t|isn'?t|no one'?s|nobody'?s) (?:[\w']+ ){0,3}?(?:tell|telling|ask|asking|say to) you to $",
}
SECRET_THIRD_PARTY = {
    "uk": r"хтось|хто-небудь|шахра(?!йськ)\w*|зловмисн\w*|незнайом\w*|аферист\w*",
    "en": r"someone|somebody|anyone|anybody|scammer\w*|fraudster\w*|caller\w*|stranger\w*|criminal\w*",
}
# Told to type the code into the app or site themselves: self-service, not a request to the operator.
SECRET_SELF_SERVICE = {
    "uk": r"(?:у|в|на) (?:\w+ )?(?:застосун\w*|додат\w*|кабінет\w*|сайт\w*|пол[еія]\w*|вікн\w*)|самостійно|самі",
    "en": r"(?:into|in|on) (?:the |your |our )?(?:\w+ )?(?:app|application|website|site|field|box|form|portal)|yourself",
}


# --- Compliance probe 5 (issue 9): forbidden phrases said in other words, reported speech, and
# polite, idiomatic and indirect wordings of the critical kinds. Kept in one block (appended to
# the lists above) so that it merges apart from other additions to this file. "It's a matter for
# your bank" is left to the learned reader (test_compliance_reader.py holds it as its example).

# A scenario's forbidden phrase said in another form (compliance._forbidden): inflected («такою
# є політика»), a word inserted («передзвоніть нам трохи пізніше»), reordered in Ukrainian («у
# нас політика така»). These words of a phrase may be missing, replaced or inserted in the reply
# (articles, possessives, particles, prepositions); the phrase's other words must all be said.
FORBIDDEN_OPTIONAL = {
    "uk": r"ж|же|вже|уже|ну|от|ось|і|й|та|а|в|у|на|з|із|зі|до|за|по|для|тут|там|це|то|цей|ця|ці|б|би|просто|взагалі"
          r"|нам|вам|нас|вас|мені|будь|ласка",
    "en": r"there|the|a|an|your|our|my|their|his|her|all|just|really|so|to|of|for|on|in|at|with|very|please",
}
# A negation this far before a forbidden phrase, over these words, negates it ("you don't need to delete your comment").
FORBIDDEN_NEGATION_BRIDGE = r"need|needs|have|has|want|must|should|to|go|try|треба|потрібно|варто|слід|можна|вам|нам|тобі"
# Words that open another clause in a transcript, which has no commas: a phrase said in other words
# does not reach across them («треба подивитися, що було» is not «треба було»).
FORBIDDEN_CLAUSE = {"uk": r"що|щоб|скільки|де|куди|хто|який|яка|яке|які|чому|навіщо", "en": r"which|who|what|where|why"}
# English words that may stand anywhere in a phrase said in other words ("I've explained that already").
FORBIDDEN_MOBILE = r"already|again|always|ever|just|really|still|even|honestly"
# Words taken as the same in a forbidden phrase ("the same for everyone").
# "It's", "that's", "this is" open a phrase alike ("that's just our company's policy" says "It's company policy").
FORBIDDEN_SAME = {"everyone": "everybody", "someone": "somebody", "anyone": "anybody", "noone": "nobody",
                  "that": "it", "this": "it", "them": "it"}
# Verb prefixes of the other aspect («продиктували» says «диктували»).
FORBIDDEN_PREFIXES = ("по", "про", "на", "за", "ви", "с", "з", "роз", "пере", "під", "від", "у", "в", "до", "при", "об")
# An English phrase that starts with a verb ("Call back later", "Look it up on the website") is the
# operator's own promise after "I", "we", "let me": "I'll call you back later" is not it.
FIRST_PERSON = r"i|we|let|me|us"

# Reported speech: the reply quotes what someone else told the customer, to correct it («вам
# відповіли "така політика" — це не відповідь», "the last agent said it's your own fault, I'm
# sorry"). A match a few words after one of these, in the same clause, is not said to the customer.
REPORTED = {
    "uk": r"(?:оператор\w*|консультант\w*|працівни\w*|співробітни\w*|колег\w*|менеджер\w*|хтось|вони|він|вона)"
          r" (?:[\w']+ ){0,2}?(?:сказа\w*|відповіл\w*|відповів|написа\w*|порадил\w*|порадив|казал\w*|казав|заяви\w*|назвал\w*|назвав)"
          r"|(?:вам|тобі) (?:[\w']+ )?(?:сказали|відповіли|написали|порадили|казали|заявили|радили)",
    "en": r"(?:agent|operator|advisor|adviser|colleague|someone|somebody|they|he|she|person|staff|rep|representative|consultant|manager)"
          r" (?:[\w']+ ){0,2}?(?:said|says|told you|wrote|replied|answered|called it)"
          r"|(?:you|you'?ve|you have) (?:[\w']+ )?(?:were|been|was) told",
}

BLAME["uk"] += [
    Rule("says it is the customer's fault",      # «це ваша недоробка», «на вашій совісті»
         r"(?:ваша|твоя) (?:ж |же |власна )?(?:недоробк\w*|недогляд|неуважність)|(?:ваш|твій) (?:ж |же )?(?:недогляд|прорахунок|прокол)"
         r"|на (?:вашій|твоїй) совісті"),
    Rule("says it is the customer's fault",      # «помилка з вашого боку», not «помилки з вашого боку немає»
         r"(?:помилк\w*|недогляд\w*|недоробк\w*|вина|провина) (?:саме |тут |якраз )?з (?:вашого|твого) боку(?! (?:немає|нема|не було|не бачу))",
         unless_before=r"якщо|якби|чи|можливо|жодної|ніякої|не|немає|нема"),
    Rule("says it is the customer's responsibility, not theirs",
         r"(?:ваша|твоя) (?:\w+ )?відповідальність,? (?:а )?не (?:наша|моя|компанії)"),
    Rule("tells the customer to look at themselves", r"питання (?:тільки |лише |виключно )?до (?:себе|самих себе|самої себе|самого себе)"),
    Rule("says the customer's relative should have done it",    # the account holder, spoken of by a relative
         r"(?:ваш|ваша|твій|твоя) (?:тато|батько|мама|мати|чоловік|дружина|син|донька|дочка|бабуся|дідусь|бабця|дід) (?:\w+ )?"
         r"(?:мав|мала|мусив|мусила|повинен був|повинна була) (?:б |би )?(?:вчасно |раніше |сам |сама )?"
         r"(?:платити|заплатити|оплатити|сплатити|передати|передавати|подзвонити|перевірити|прочитати|знати)"),
]
BLAME["en"] += [
    Rule("says what the customer should have done",      # an adverb between: "you should really have read"
         r"you (?:should|ought to) (?:really|honestly|probably|definitely|maybe|just|certainly|simply) (?:have|'ve) (?!received|been|seen|heard|notified|informed|charged|billed|offered)"
         r"(?:\w+ed|paid|sent|done|known|read|told|thought|kept|made|given|taken|come|gone|rung|written)"),
    Rule("says it is the customer's fault",
         r"(?:that|this|it)(?: one)?(?:'s| is| was) (?:(?!not )\w+ )?on your (?:side|end|part)(?! of)|(?:got|have|'ve) (?:only )?yourself to (?:blame|thank)"
         r"|your (?:own )?responsibility,? not (?:ours|mine|the company'?s)"),
    Rule("taunts the customer with the consequences", r"what did you think (?:would|was going to|will) happen"),
    Rule("says the customer's relative should have done it",
         r"your (?:dad|father|mum|mom|mother|husband|wife|son|daughter|gran|grandma|grandad|grandmother|grandfather|parents?) (?:\w+ )?"
         r"(?:should|ought to) (?:really )?(?:have|'ve) (?:\w+ )?(?:paid|sent|called|checked|read|known|done|submitted|told)"),
]
DEFLECT["uk"] += [
    Rule("sends the customer away", r"хай (?:уряд|банк|вони|держава|влада) (?:там |самі |сам )(?:вирішу\w*|розбира\w*)"),
    Rule("says they are powerless",
         r"(?:(?:ми|я) (?:тут |у цьому |в цьому )?(?:(?!не )\w+ )?(?:(?!не )\w+ )?(?:безсилі|безсильні|безсилий|безсила)(?![\w'])"
         r"|від (?:мене|нас) (?:тут )?(?:нічого|ніц) не залежить|(?:я|ми) (?:тут )?(?:лише|тільки|просто) викону\w* (?:вказівк\w*|накази|наказ|інструкці\w*|розпорядження))"
         + _NO_HELP_AFTER),
]
DEFLECT["en"] += [
    Rule("says it is out of their hands", r"out of (?:our|my) hands" + _NO_HELP_AFTER),
    Rule("says they only follow orders", r"i (?:just|only) work here|(?:i'?m|i am) just following (?:orders|instructions|the rules)"),
    Rule("says they are not responsible",      # "we're not responsible for their network" with no way on offered after
         r"(?:we'?re|we are|i'?m|i am) not (?:responsible|liable|accountable)(?: for [\w']+)?" + _NO_HELP_AFTER),
]
RUDE["uk"] += [
    Rule("talks down to the customer",           # «гляньте в застосунок, перш ніж панікувати»
         r"(?:перш ніж|перед тим як|замість того щоб) (?:\w+ )?(?:панікувати|панікуєте|істерити|здіймати (?:паніку|галас|шум))"
         r"|(?:з|із) мухи слона|не накручуйте (?:\w+ )?себе"),
    Rule("reminds the customer it was written before",
         r"як (?:я )?(?:вже |уже )?(?:писала|писав|писали|зазначала|зазначав|вказувала|вказував) вище"
         r"|якщо (?:ви|ти) (?:\w+ )?(?:звісно|звичайно|взагалі|хоч) (?:читали|читаєте|прочитали|дочитали)"
         r"|(?:перечитайте|прочитайте|гляньте|подивіться) (?:\w+ )?(?:моє |мої |мою )?(?:попереднє|попередні|попередню) (?:повідомлен\w*|відповід\w*)"),
    Rule("mocks the customer",                    # sarcasm: «ну, сюрприз, ціни ростуть», «у всьому винен постачальник, як завжди»
         r"ну,? сюрприз|сюрприз,? сюрприз"
         r"|(?:у|в) (?:всьому|усьому) (?:\w+ )?(?:винен|винна|винні|винуват\w*) (?:\w+ )?(?:постачальник\w*|компанія|ми|оператор\w*) (?:\w+ )?як завжди"),
    Rule("mocks the customer", r"(?<=\s)🤷|^🤷"),
    Rule("talks down to the customer",
         r"(?:у|в) (?:вашому|твоєму) віці ~3 (?:важко|складно|легко заплутатися)|(?:важко|складно|заплута\w*) ~4 (?:у|в) (?:вашому|твоєму) віці"),
    Rule("tells the customer to calm down",        # «заспокоїтись вам треба»
         r"заспокоїтис\w* (?:\w+ )?(?:вам|тобі) (?:\w+ )?(?:треба|потрібно|варто|слід)"),
    Rule("talks down to the customer", r"ну,? (?:а )?як (?:ж |же )?(?:ви|ти) (?:хотіли|хотів|хотіла)(?! б(?![\w'])| би(?![\w']))"),
    Rule("addresses the customer condescendingly", r"(?:^|(?<=\|)|(?<=\|\s))(?:ой,? )?(?:сонечко|золотко|голубонько|серденько)"),
]
RUDE["en"] += [
    Rule("talks down to the customer",
         r"before (?:panicking|you panic|freaking out|getting (?:worked up|hysterical)|kicking off|making a fuss)"
         r"|mountains? out of (?:a )?molehills?|knickers in a twist|(?:get|getting) (?:so )?worked up (?:over|about) nothing"),
    Rule("reminds the customer it was written before",
         r"as i (?:mentioned|said|wrote|explained|stated) (?:above|in my (?:last|previous) message)|per my (?:last|previous) (?:message|email|reply)"
         r"|if you(?:'d| had) (?:actually |even |bothered to )?read (?:it|my (?:last |previous )?message|what i wrote)"
         r"|(?:re-?read|read) my (?:previous|last|earlier) (?:message|reply|answer)"),
    Rule("mocks the customer",
         r"shocking,? i know|surprise,? surprise|(?:oh )?sure,? blame (?:the|us|me)|blame (?:the supplier|us|the company),? as (?:always|usual)"),
    Rule("mocks the customer", r"(?<=\s)🤷|^🤷"),
    Rule("talks down to the customer",
         r"(?:at your age|for someone your age) ~3 (?:hard|difficult|confusing)|(?:hard|difficult|confusing) ~4 (?:at your age|for someone your age)"),
    Rule("addresses the customer condescendingly", r"bless your (?:heart|soul)"),
]
THREAT["uk"] += [
    Rule("threatens to restrict the customer",
         r"(?:доступ до (?:чату|коментар\w*|сторінк\w*|спільнот\w*)|можливість писати|можливість коментувати) (?:[\w']+ ){0,3}?(?:буде |будуть )?(?:обмежено|обмежений|обмежать|заблоковано|закрито|припинено)",
         needs=_BEHAVIOUR_UK + r"|висловлюван\w*|попереджаю"),
    Rule("threatens to put the customer's request aside",
         r"(?:звернення|заявк\w*|скарг\w*|запит\w*) (?:\w+ )?(?:піде|підуть|полетить|відправиться|опиниться|ляже) (?:\w+ )?(?:в|у|на) (?:самий |самому )?(?:кін(?:ець|ці) черги|кошик|смітник|шухляду|довгий ящик)",
         needs=_BEHAVIOUR_UK + r"|ще раз|таке почую|попереджаю"),
]
THREAT["en"] += [
    Rule("threatens to restrict the customer",
         r"(?:(?:chat|comment\w*|posting|messaging) (?:access|privileges)|access to (?:the |this |our )?(?:chat|page|comments)|ability to (?:post|comment|message|write))"
         r" (?:[\w']+ ){0,3}?(?:will|'ll|may|might|could) (?:be )?(?:restricted|limited|suspended|blocked|revoked|removed)",
         needs=_BEHAVIOUR_EN + r"|messages? like|like that|final warning"),
    Rule("threatens to put the customer's request aside",
         r"(?:request|complaint|case|ticket|application) (?:\w+ )?(?:goes|will go|'ll go|gets|will get|ends up|will end up) (?:\w+ )?(?:to|at|in|into) the (?:bottom|back|end) of the (?:pile|queue|list|line)",
         needs=_BEHAVIOUR_EN),
]
REGULATOR["uk"] += [
    Rule("says the regulator will not read a complaint",   # «такі скарги там складають у шухляду і ніхто їх не читає»
         r"(?:складають|кладуть|відкладають|підуть|йдуть|потраплять|летять|ляжуть) (?:\w+ )?(?:в|у) (?:шухляд\w*|довгий ящик|кошик|смітник)"
         r"|ніхто (?:їх|її|його) (?:там )?не (?:читає|розглядає|читатиме|розглядатиме)",
         needs=r"нкрекп|регулятор\w*|скарг\w*"),
    Rule("says the regulator sides with the supplier",
         r"(?<!не\s)(?:стане|стануть|стають|стає|буде|будуть) (?:\w+ )?на бік (?:постачальник\w*|компанії|наш\w*)"
         r"|(?:я )?(?:б |би )?не (?:витрачала|витрачав|витрачали|тратила|тратив|марнувала|марнував|гаяла|гаяв) (?:б |би )?(?:на це |на неї |на них )?(?:сили|час|нерви)",
         needs=r"нкрекп|регулятор\w*"),
    Rule("says the regulator does not deal with such things",
         r"дрібниц\w* (?:\w+ )?не (?:займа\w*|розгляда\w*|цікав\w*)|не (?:займа\w*|розгляда\w*) (?:\w+ )?дрібниц\w*",
         needs=r"нкрекп|регулятор\w*"),
    Rule("says a complaint is no use",
         r"(?:відповідь|рішення|розгляд) (?:\w+ )?(?:прийде|буде|надійде) (?:\w+ )?через (?:пів року|півроку|рік|роки)|(?:чекати|чекатимете) (?:\w+ )?(?:пів року|півроку|рік|роки)"
         r"|відповідь (?:\w+ )?буде (?:така сама|такою ж|та сама)"
         r"|ну (?:подавайте|пишіть|скаржтеся|скаржтесь|звертайтеся),? (?:тільки|лише|але)",
         needs=r"нкрекп|регулятор\w*"),
    Rule("says a complaint is no use",            # «Ну подавайте, тільки відповідь прийде через пів року»
         r"ну (?:подавайте|пишіть|скаржтеся|скаржтесь|звертайтеся),? (?:тільки|лише|але) (?:\w+ )?(?:відповідь|толку|користі|сенсу|результат\w*|нічого|марно|даремно|дарма|чекатимете|чекати)"),
]
REGULATOR["en"] += [
    Rule("says the regulator will not read a complaint",
         r"(?:go|goes|end up|ends up|get put|gets put|sit|sits) (?:\w+ )?in a (?:drawer|pile|bin)|(?:nobody|no one|no-one) (?:ever )?(?:reads|looks at|answers) (?:them|those|these|it)",
         needs=r"neurc|nerc|nkrekp|regulator|complain\w*|complaint\w*"),
    Rule("says the regulator sides with the supplier",
         r"(?:will|'ll|always|would) (?:\w+ )?side with (?:the supplier|the company|us|them)"
         r"|(?:wouldn'?t|would not|don'?t|do not) (?:even )?waste (?:the |your |my )?(?:energy|time|breath|effort|nerves)",
         needs=r"neurc|nerc|nkrekp|regulator"),
    Rule("says the regulator does not deal with such things",
         r"(?:don'?t|do not|won'?t|doesn'?t|does not|never) (?:bother|deal|care) (?:with|about) (?:small|little|minor|petty|trivial) (?:stuff|things|cases|issues|complaints|matters)",
         needs=r"neurc|nerc|nkrekp|regulator"),
    Rule("says a complaint is no use",
         r"(?:answer|reply|response|decision) (?:\w+ ){0,2}?(?:come|comes|arrive|arrives|take|takes) (?:\w+ )?(?:six|6|several|many|nine|twelve) months"
         r"|(?:it'?ll|it will|they'?ll|they will) (?:just )?say the same(?: thing)?",
         needs=r"neurc|nerc|nkrekp|regulator"),
    Rule("says a complaint is no use",            # "Go ahead, the answer will come in six months"
         r"go ahead,? (?:but )?(?:the answer|the reply|it|they|you) (?:[\w']+ ){0,4}?(?:(?:six|6|several|many) months|forever|ages|say the same"
         r"|(?:won'?t|will not|doesn'?t|does not) (?:help|change anything|do anything))"),
]
# Indirect requests: «код, що висвітився у застосунку, — який він?», "a photo of the card next to
# the receipt will do", "your account password as well, so I can log in".
SECRET_OBJECT["uk"] += [
    Rule("asks for a one-time code", r"код\w* (?:який|що|котрий) (?:\w+ )?(?:висвіт\w*|з'явив\w*|з'явил\w*|спливл\w*|спливе|висвітиться|з'явиться)"),
]
SECRET_ASK["uk"] += r"|(?:мені|нам) (?:\w+ )?(?:вистачить|підійде)"
SECRET_ASK_LATE["uk"] += r"|(?:які|який|яка|яке) (?:він|вона|воно|вони)(?=\s*\||\s*$)"
SECRET_ASK_LATE["en"] += r"|(?:will|would) do(?=\s*\||\s*$)|(?:as well|too),? so (?:i|we) can"
# Where the code appeared is no self-service: «код, що висвітився у банківському застосунку».
SECRET_SELF_SERVICE["uk"] = SECRET_SELF_SERVICE["uk"].replace(r"(?:у|в|на) (?:\w+ )?", r"(?:у|в|на) (?:(?!банк)\w+ )?", 1)
SECRET_SELF_SERVICE["en"] = SECRET_SELF_SERVICE["en"].replace(r"(?:the |your |our )?(?:\w+ )?", r"(?:the |your |our )?(?:(?!bank)\w+ )?", 1)


# Promises no rule backs (the rubric: "invented specifics ... compensation, free services are
# errors"): said and not negated, they cap accuracy (accuracy.INVENTED_CAP). Regular expressions
# over the reply's lower-case text: guarantees, compensation, credits and bonuses, percentage
# discounts, debts written off, restoration times, payment without commission. A promise the
# situation's own references or key facts make is no invention (accuracy.invented). "Free" is
# left out: some services are free (readings).
_FEW_WORDS = r"(?:\S+ ){0,3}"
INVENTED = {
    "uk": r"гаранту\w*|гарантован\w*|компенсу\w*|компенсаці\w*|бонус\w*"
          r"|знижк\w* (?:у |в |на )?\d+(?:[.,]\d+)? ?(?:%|відсот\w*)|\d+(?:[.,]\d+)? ?(?:%|відсот\w*) знижк\w*"
          r"|(?:спишемо|спишуть) (?:вам )?(?:борг|заборгован)\w*|(?:борг\w*|заборгован\w*) (?:\S+ ){0,2}(?:спишемо|спишуть|списан\w*)"
          r"|списан\w* (?:\S+ )?(?:борг\w*|заборгованост\w*)"
          r"|за (?:ці |всі |такі )?незручності (?:ми |я )?(?:вам )?(?:нарахуємо|нарахую|зарахуємо|зарахую|дамо|надамо|повернемо)"
          r"|(?:усувають|усунуть|відновлять|відновлюють|дадуть|увімкнуть|ввімкнуть|з'явиться|полагодять|лагодять) "
          + _FEW_WORDS + r"(?:за|протягом|через|упродовж) (?:\S+ )?(?:годин\w*|хвилин\w*)"
          r"|(?:за|протягом|через|упродовж) (?:\S+ )?(?:годин\w*|хвилин\w*) (?:світло )?(?:відновлять|дадуть|увімкнуть|ввімкнуть|з'явиться|усунуть|полагодять)"
          r"|без (?:жодної )?комісії"
          r"|(?:автоматично |одразу |самі )?(?:повернуть|повернемо|повернем|поверну) (?:вам )?(?:\S+ )?(?:різницю|гроші|кошти|переплату|суму)",
    "en": r"guarantee\w*|compensat\w*|bonus\w*|goodwill|(?:i'll|we'll|i will|we will|i can|we can) credit|credit (?:you|your account)"
          r"|(?:hryvnias?|uah) credit|credit of \d+|\d+(?:\.\d+)? ?(?:%|per ?cent) (?:discount|off)|discount of \d+"
          r"|written off|write (?:\S+ ){0,2}off|wipe (?:it|the debt|that)"
          r"|(?:fixed|restored|back on|repaired|sorted) " + _FEW_WORDS + r"(?:within|in) (?:\S+ ){0,2}(?:hours?|minutes?)"
          r"|free of commission|no commission|commission[- ]free|without (?:a |any )?commission"
          r"|(?:we'll|we will|i'll|i will|they'll|they will) (?:\S+ )?refund|refund (?:you|the difference)|(?:get|have) (?:the difference|your money) (?:back|refunded)",
}
INVENTED_NEGATION = {   # a negation close before or after the promise takes it back
    "before": r"(?<![\w'])(?:не|ні|немає|жодн\w*|no|not|never|won'?t|isn'?t|aren'?t|don'?t|doesn'?t)(?![\w'])[^.!?]{0,25}$",
    "after": r"[^.!?]{0,25}?(?<![\w'])(?:не|not|won'?t|isn'?t|aren'?t)(?![\w'])",  # «компенсації, на жаль, не буде»
}

# Offering a service (an upsell) instead of answering (the rubric: "a reply that ignores what the
# customer said (off topic, an upsell)" is 0 on empathy and off topic is 0 on accuracy). Patterns
# over compliance.plain text. Only a reply that also gives no key fact is taken as an upsell:
# "by the way, you can also pay in the app" after the answer is no fault.
UPSELL = {
    "uk": r"а ви (?:знали|знаєте)|чи (?:знаєте|знали) ви|давайте я вас (?:зараз )?підпишу|до речі|поки ви на лінії|хочу (?:вам )?(?:запропонувати|розповісти)"
          r"|(?:рекомендуємо|раджу|радимо) (?:вам )?(?:встановити|підключити|оформити|спробувати)"
          r"|підключимо (?:автооплату|автоплатіж|електронну платіжку)|підпиш\w+ на|(?:радимо|раджу|рекомендуємо) (?:вам )?придбати"
          r"|вигідн\w+ пропозиці\w+|пропозиці\w+ (?:від )?(?:наших )?партнер\w*",
    "en": r"did you know|have you tried|while you're on the line|by the way|let me tell you about|newsletter"
          r"|would you like to (?:sign up|subscribe|set up|try)|sign up for|special offers?|our partners'? (?:offers?|deals?)|(?:i'd|we'd|i|we) (?:recommend|suggest) (?:installing|downloading|trying)",
}


# --- Accuracy: who does what, and the meter's zones -------------------------------------------
# Who does what (/work/shared/domain): the parties a key fact can make responsible. A key fact
# that names one is a responsibility; said with «лише», "only" after the party's name ("DTEK
# only sends us the schedule") it is reversed, not stated; a sentence naming another party
# («зверніться до Укренерго» for the DSO's job) is not its gist.
PARTIES = {
    "uk": {"dso": r"дтек|електромереж|оператор\w*\s+(?:системи\s+)?розподіл", "tso": r"укренерго",
           "pension": r"пенсійн\w*\s+фонд", "bank": r"\bбанк", "regulator": r"нкрекп|регулятор",
           "police": r"поліці", "association": r"осбб|керуюч\w*\s+компані"},
    "en": {"dso": r"dtek|electric networks|(?:grid|distribution(?: system)?|network) operator", "tso": r"ukrenergo",
           "pension": r"pension fund", "bank": r"\bbank", "regulator": r"\bnerc\b|regulator",
           "police": r"police", "association": r"building association|housing office|management company"},
}
RESTRICTIONS = frozenset("лише тільки лиш only just merely".split())

# The meter's zones as a reply names them (bindings.py: a figure or label bound to a zone).
ZONES = {
    "uk": [("night", re.compile(r"^(?:ніч|ночі|вночі|уночі|ніччю|нічн\w*)$")),
           ("day", re.compile(r"^(?:вдень|удень|день|денн\w*)$")),
           ("half-peak", re.compile(r"^напівпік\w*$")),
           ("peak", re.compile(r"^(?:пік|піку|піков\w*)$"))],
    "en": [("night", re.compile(r"^(?:night|nighttime|overnight)$")),
           ("day", re.compile(r"^(?:day|daytime)$")),
           ("peak", re.compile(r"^peak$"))],
}


# --- Accuracy: synonyms and the supplier as the doer (issue 9, accuracy probe 5) -------------------
# Read by matching.py and accuracy.py, not by compliance. Kept apart from the compliance lists above.

# Words that say the same as a key fact's word in this domain: a reply saying «усередненим»,
# «скоригуємо», "fraudsters" says «за середнім», «перерахуємо», "a scam". Each group is of
# Ukrainian dictionary forms (lemmas.py) or English base forms (matching.english_bases); a
# wording's word stands for every word of its groups. Only plain synonyms: a word that is
# broader than the fact's («весь» for «повністю», "number" for "sum") stays out.
SYNONYMS = {
    "uk": [
        {"середній", "усереднений"},
        {"перерахувати", "скоригувати", "відкоригувати", "виправити", "виправляти"},
        {"перерахунок", "коригування"},
        {"звернення", "заява"},     # not «заявка» (a form to fill in: test_matching)
        {"просити", "запитувати", "вимагати"},
        {"дані", "реквізит"},
        {"шахрай", "зловмисник", "аферист", "ошуканець"},
        {"борг", "заборгованість"},
        {"сплатити", "погасити", "оплатити"},
        {"сплачений", "погашений", "оплачений"},
        {"призначати", "визначати", "встановлювати"},
        {"призначити", "визначити", "встановити"},
        {"онлайн", "сайт"},
        {"подати", "написати", "залишити", "надіслати"},
        {"пільга", "знижка"},
        {"назвати", "продиктувати", "передати", "повідомити"},
    ],
    "en": [
        {"average", "typical"},
        {"consumption", "usage"},
        {"correct", "fix", "adjust", "recalculate", "amend"},
        {"request", "application"},
        {"register", "log", "file"},
        {"ask", "request"},
        {"detail", "data"},
        {"scam", "fraud", "fraudster", "scammer", "swindle"},
        {"full", "whole", "entire"},
        {"optional", "voluntary"},
        {"prepayment", "advance"},
        {"amount", "sum"},
        {"set", "decide", "determine"},
        {"contact", "reach"},
        {"online", "website"},
        {"apply", "submit"},
    ],
}

# The supplier named as the one who does a party's job (accuracy.check_fact, bindings.supplier_does):
# «Заміною займаємося ми, а ДТЕК … опломбує», "We switch the power off following the schedule DTEK
# sends us". SUPPLIER: how a reply names the supplier as a doer (besides Ukrainian verbs in the
# first person plural); PARTY_ACTIONS: stems of what each responsible party (PARTIES above) does
# (/work/shared/domain; in Ukrainian a verb, or a noun with a verb of DOING); SUPPLIER_HELPS: what
# the supplier rightly does about it (passes on, checks, explains), which makes a sentence routing,
# not a reversal («ми передамо заявку на заміну в ДТЕК»).
SUPPLIER = {
    "uk": ("ми", "постачальник"),
    "en": ("we", "we'll", "we're", "we've", "ourselves", "supplier"),
}
# verbs of doing that take the job as a noun: «заміною займаємося ми», "we handle the replacement"
DOING = {"uk": r"займа|робим|здійсн|провод", "en": r"handl|do|carr|deal"}
PARTY_ACTIONS = {
    "uk": {"dso": r"вимика|вимкн|вмика|увімкн|ввімкн|відключ|замін|ремонт|опломб|лагод",
           "tso": r"вимика|вимкн|вмика|увімкн|ввімкн|відключ",
           "pension": r"призна|визнач|встанов|перегля|збільш"},
    "en": {"dso": r"switch|cut|turn|replac|repair|restor|seal|swap|install",
           "tso": r"switch|cut|turn",
           "pension": r"set|decid|assign|grant|increas|rais|review|determin"},
}
SUPPLIER_HELPS = {
    "uk": r"переда|підкаж|допомож|перевір|дам|дамо|надішл|з'єдна|зареєстр|оформ|запиш|поясн|розпов|направ|скеру|повідом|зверн|контакт|номер",
    "en": r"pass|help|check|give|send|connect|regist|explain|tell|forward|direct|refer|contact|report|let|number",
}


# --- Accuracy: spoken replies (issue 9, accuracy probe 6) ------------------------------------------
# Read by matching.py and accuracy.py, not by compliance. Kept apart from the lists above.

# A speaker's false start taken back (matching.corrected): «з двадцять другої, ой ні, з двадцять
# третьої», "on the fifth, sorry, the fifteenth". REPAIRS: the word sequences that take back what
# was just said; REPAIR_MORE: words that may follow one and belong to it («ні, перепрошую, стоп»);
# FILLERS: hesitation sounds, which also make a bare «ні», "no" a repair ("five uh no ten").
REPAIRS = {
    "uk": [("ой", "ні"), ("ні", "перепрошую"), ("ні", "вибачте"), ("ні", "вибачаюсь"), ("ні", "пардон"), ("хоча", "ні"),
           ("ні", "стоп"), ("ой", "вибачте"), ("ой", "перепрошую"), ("вибачте", "навпаки"), ("перепрошую", "навпаки"),
           ("тобто", "ні"), ("точніше",), ("вірніше",)],
    "en": [("no", "sorry"), ("sorry", "no"), ("no", "wait"), ("wait", "no"), ("oh", "wait"), ("actually", "no"),
           ("no", "actually"), ("scratch", "that"), ("or", "rather"), ("sorry", "i", "mean"), ("no", "i", "mean"),
           ("i", "mean", "no"), ("oops",)],
}
REPAIR_MORE = {
    "uk": frozenset("ні перепрошую вибачте вибачаюсь пардон стоп ой навпаки".split()),
    "en": frozenset("no sorry wait actually oops".split()),
}
FILLERS = {
    "uk": frozenset("е е-е е-е-е ее еее ем еем м-м мм".split()),
    "en": frozenset("uh um er erm uhm hmm".split()),
}
# "sorry" alone is a repair only in the middle of a statement ("two sixty four sorry four thirty
# two"), not an apology: not after these ("I'm sorry", "so sorry") nor before these ("sorry for",
# "sorry about that", "sorry you were promised").
SORRY_APOLOGY_BEFORE = frozenset("i'm im am are we're were so very really truly terribly awfully deeply i we be feel hi hello okay ok oh yes well and".split())
SORRY_APOLOGY_AFTER = frozenset("about for to that you we but if it's this".split())

# Promises no rule backs that a spoken reply makes in other words than lexicon.INVENTED's: a time
# for a visit, a repair or a replacement ("they'll come within two days", «займе один день»,
# "will be back within an hour"), a fee or a penalty waived, a disconnection on a given day
# ("cut off tomorrow", «вимкнуть уже завтра»: the warning comes 10 working days before).
INVENTED_SPOKEN = {
    "uk": r"займе (?:\S+ ){0,2}(?:день|дні|днів|годин\w*|хвилин\w*|тиждень|тижні)"
          r"|(?:прийде|приїде|приїдуть|прийдуть|замінять|поміняють) (?:\S+ ){0,3}(?:за|протягом|через|упродовж) (?:\S+ )?(?:день|дні|днів|доби|годин\w*|хвилин\w*)"
          r"|(?:спишемо|скасуємо|не нарахуємо) (?:вам )?(?:пеню|штраф\w*)"
          r"|(?:вимкнуть|відключать|вимкнемо|відключимо|знеструмлять) (?:\S+ ){0,2}(?:завтра|сьогодні)",
    "en": r"(?:be back|come|arrive|be done|be replaced|be fixed|be restored|be reconnected|be switched back on) "
          r"(?:\S+ ){0,3}(?:within|in) (?:\S+ ){0,2}(?:hours?|minutes?|days?|a day|an hour)"
          r"|waive\w*"
          r"|(?:cut off|disconnected|switched off) (?:\S+ ){0,2}(?:tomorrow|today)",
}


# --- Compliance probe 6 (issue 9): Kyiv speech, non-native English, the shortest forms, mockery,
# rhetorical blame, talking the customer out of a complaint, secrets in a verification flow.
# Kept in one block (appended to the lists above) so that it merges apart from other additions.

# Surzhyk and Russian words of Kyiv speech read as the Ukrainian word they stand for (compliance.plain,
# beside SHORTHAND), so that every Ukrainian rule reads «шо ви хотіли», «це ваші проблєми», «сами
# виноваті»; common chat misspellings of English words likewise ("ur own falt", "calm donw").
SHORTHAND["uk"].update({
    "шо": "що", "шоб": "щоб", "шос": "щось", "шото": "щось", "чо": "що",
    "проблєми": "проблеми", "проблєма": "проблема", "проблєм": "проблем", "проблєму": "проблему",
    "сами": "самі", "виноваті": "винуваті", "виноват": "винуватий", "вовремя": "вчасно",
    "звоніть": "дзвоніть", "звоните": "дзвоніть", "пускай": "нехай", "пусть": "нехай", "разбираються": "розбираються",
    "разбирайтесь": "розбирайтеся", "нумер": "номер", "кабінета": "кабінету", "щас": "зараз",
    "ладно": "добре", "канєшно": "звісно", "конєшно": "звісно", "конечно": "звісно", "нада": "треба", "надо": "треба",
    "вінні": "винні", "показникі": "показники", "повнісю": "повністю", "тіпа": "типу", "вобщем": "загалом",
})
SHORTHAND["en"].update({
    "falt": "fault", "fualt": "fault", "faut": "fault", "donw": "down", "dwon": "down", "yuor": "your", "yor": "your",
    "teh": "the", "becuase": "because", "becasue": "because", "readngs": "readings", "redings": "readings",
    "thats": "that's", "youre": "you're", "ure": "you're", "cuz": "because", "coz": "because", "wat": "what",
})
# Russian-style infinitives in Ukrainian speech («повторювать», «нагадувать»): (pattern, replacement)
# over plain text, after SHORTHAND.
SPOKEN_FORMS = {"uk": [(r"(?<=[а-яіїєґ])вать(?![\w'])", "вати")], "en": []}
# A Ukrainian reply typed in Latin letters («tse ne do nas», "chytaite uvazhno") is read in Cyrillic
# (compliance.plain): letter groups first, longest first; "i" between a vowel and a consonant is «й».
LATIN_UK = (("shch", "щ"), ("sch", "щ"), ("zh", "ж"), ("kh", "х"), ("ts", "ц"), ("ch", "ч"), ("sh", "ш"),
            ("ya", "я"), ("ja", "я"), ("yu", "ю"), ("ju", "ю"), ("ye", "є"), ("je", "є"), ("yi", "ї"), ("ji", "ї"),
            ("a", "а"), ("b", "б"), ("c", "ц"), ("d", "д"), ("e", "е"), ("f", "ф"), ("g", "г"), ("h", "г"), ("i", "і"),
            ("j", "й"), ("k", "к"), ("l", "л"), ("m", "м"), ("n", "н"), ("o", "о"), ("p", "п"), ("q", "к"), ("r", "р"),
            ("s", "с"), ("t", "т"), ("u", "у"), ("v", "в"), ("w", "в"), ("x", "кс"), ("y", "и"), ("z", "з"))
LATIN_UK_LEAST = 3     # Latin words in a Ukrainian reply with no Cyrillic letter that make it transliterated

BLAME["uk"] += [
    Rule("says the customer messed up",                 # «Ваш косяк.», «тут ви недогледіли самі»
         r"(?:ваш|твій) (?:ж |же |власний )?(?:косяк|прокол|недогляд|промах|залет)"
         r"|(?:ви|ти) (?:ж |же |самі |сам |сама )?(?:накосячили|напартачили|прошляпили|проґавили|схибили|недогледіли|недоглянули|наплутали)"
         r"|(?:накосячили|напартачили|недогледіли|недоглянули|наплутали) (?:ви |ти )?(?:ж |же )?сам[іаи]?"),
    Rule("asks who else would pay or do it for the customer",   # «А хто за вас платити буде?»
         r"хто (?:ж |же |ще )?(?:за вас|замість вас|за тебе) (?:\w+ )?(?:платити|платитиме|заплатить|передавати|передаватиме|передасть"
         r"|читати|читатиме|прочитає|робити|робитиме|зробить|стежити|стежитиме|дивитися|пам'ятати)"
         r"|хто (?:ж |же )?(?:ще )?(?:винен|винна|винні|винуват\w*),? (?:як|якщо) не (?:ви|ти)"),
    Rule("asks whose mistake it was, the operator's or the customer's",     # «чия це, по-вашому, помилка — моя чи ваша?»
         r"(?:помилк\w*|вин\w*|провин\w*) ~3 (?:моя|наша) чи (?:ваша|твоя)|(?:чия|чиї) (?:ж |же )?(?:це |то )?(?:\w+ ){0,2}?(?:по вашому|як (?:ви )?думаєте|як гадаєте)"),
]
BLAME["en"] += [
    Rule("says the customer messed up",                 # "You messed up, not us."
         r"you (?:really |totally |just )?(?:messed|screwed|mucked|cocked|fouled) (?:it |this |that |things )?up|you (?:blew|botched|fumbled) it"
         r"|(?:that|this|it)(?: one)?(?:'s| is| was) (?:(?!not )\w+ )?down to you(?! to| for| and (?:me|us))"),
    Rule("asks who else would pay or do it for the customer",   # "Who else should pay your bills?"
         r"who (?:else )?(?:should|is going to|'s going to|will|would|do you expect to|was supposed to|is supposed to) (?:\w+ )?"
         r"(?:pay|send|submit|read|check|do) (?:\w+ ){0,2}?(?:bills?|readings?|contract|meter|numbers?|it)(?: (?:for you|instead of you|me|us|then))?"
         r"(?=\s*(?:\||$)| (?:for you|instead of you|your neighbou?rs?))"),
    Rule("asks whose mistake it was, the operator's or the customer's",
         r"(?:my|our) (?:fault|mistake) or yours|(?:fault|mistake) is (?:it|that)(?:,)? (?:mine|ours) or yours"),
]
DEFLECT["uk"] += [
    Rule("says it is the customer's problem",           # «Ваші проблеми.», «це ваші проблєми, а не наші»
         r"(?:ваші|ваша|твої|твоя) (?:ж |же )?(?:проблем\w*|клопоти|справ\w*)(?:(?=\s*(?:\||$))| (?:а )?не (?:наші|наша|мої|моя))",
         unless_before=r"(?!(?:це|то|ну|ж|же|так|а|вже|уже|тепер|то вже)$)[\w']+"),
    Rule("says it is not their question",               # «не моє питання»
         r"(?:не моє|не наше) (?:питання|діло|справа|завдання)(?=\s*(?:\||$))"),
]
DEFLECT["en"] += [
    Rule("says it is the customer's problem",           # "Your problem, not mine."
         r"your (?:own )?(?:problem|issue|headache|business)s?(?:(?=\s*(?:\||$))| not (?:mine|ours|my|our))",
         unless_before=r"(?!(?:it'?s|that'?s|its|thats|is|was|well|so|then|now|this|that)$)[\w']+"),
    Rule("says it is not their department",             # "not my department"
         r"(?:not|n't) (?:my|our) (?:department|job|problem|area|concern|business)(?=\s*(?:\||$))"),
]
# The rest of the sentence does not address the customer: «звісно, ніхто ніколи не попросить у вас
# код» reassures them, "sure, nobody ever gets any bills" mocks what they said.
_NOT_ABOUT_YOU = {"uk": r"(?![^|]*(?<![\w'])(?:вас|вам|ваш\w*|вами)(?![\w']))",
                  "en": r"(?![^|]*(?<![\w'])(?:you|your|yours|you'?re)(?![\w']))"}
# ... and no apology or fresh explanation follows in it ("I've explained it two times, sorry, let me try again").
_NO_APOLOGY = {"uk": r"(?![^|]*(?<![\w'])(?:вибачте|перепрошую|ось|поясню|повторю)(?![\w']))",
               "en": r"(?![^|]*(?<![\w'])(?:sorry|apologi\w*|let me|here it is)(?![\w']))"}
RUDE["uk"] += [
    Rule("talks down to the customer",                  # «ну так шо ви хотіли»
         r"(?:ну|а) (?:так|от|і|ж) (?:що|чого) (?:ж |же )?(?:ви|ти) (?:хотіли|хотів|хотіла|хочете|чекали|очікували)"
         r"(?! б(?![\w'])| би(?![\w'])| \w+(?:ти|тися|тись)(?![\w']))"),   # not «а от що ви хотіли дізнатися?»
    Rule("says the operator is not the customer's nanny",    # «я вам шо, нянька?»
         r"я (?:вам|тобі) (?:що |не |тут )?(?:нянька|нянька|мамка|мама|секретарка|секретар|прислуга|служниця|няня)"),
    Rule("reproaches the customer for asking again",     # «сказали ж вам уже», «я ж вам уже пояснювала»
         r"(?:сказали|казали|пояснили|писали|написали) (?:ж|же) (?:вам|тобі)"
         r"|(?:я|ми) (?:ж|же) (?:вам|тобі) (?:вже |уже )?(?:\w+ )?(?:пояснювала|пояснював|пояснила|пояснив|казала|казав|сказала|сказав|писала|писав|написала|написав|повторювала|повторював)" + _NO_APOLOGY["uk"] +
         r"|скільки (?:ж |же )?(?:можна|ще) (?:вам )?(?:повторювати|пояснювати|казати|писати|розжовувати)"),
    Rule("tells the customer to read it themselves",     # «Самі почитайте.», «читайте уважно»
         r"(?:самі|сам|сама) (?:і |й )?(?:почитайте|прочитайте|читайте|гляньте|розбирайтеся|розберіться|шукайте|пошукайте|гугліть|погугліть)"
         r"|(?:почитайте|прочитайте|читайте|розбирайтеся|розберіться|шукайте|пошукайте|погугліть) (?:це |з цим |усе |все )?(?:самі|сам|сама)(?=\s*(?:\||$))"
         r"|(?:читайте|прочитайте|перечитайте|слухайте) (?:\w+ )?уважн\w*"),
    Rule("belittles the customer's worry",               # «навіщо ви так переймаєтеся через якихось сорок гривень»
         r"(?:навіщо|нащо|чого|чому) (?:ви|ти) так (?:\w+ )?(?:переймаєтес\w*|нервуєте|нервуєтес\w*|заводитес\w*|хвилюєтес\w*|панікуєте|кричите|переживаєте)"
         r"|(?:через|за|із за) (?:якихось|якісь|якусь|якийсь|жалюгідн\w*|нещасн\w*) (?:\w+ )?(?:гривень|гривні|гривню|грн|копійок|копійки)"),
    Rule("mocks the customer with a sarcastic 'nobody ever'",  # «ага, звісно, ніхто ніколи нічого не отримує»
         r"(?:ага|звісно|звичайно|авжеж|ну да|аякже|ясна річ|ну так) ~2 (?:ніхто|нікому|ніколи) (?:ніколи|нічого|нікому|ніхто)" + _NOT_ABOUT_YOU["uk"]),
]
RUDE["en"] += [
    Rule("says the operator is not the customer's nanny",    # "I am not your babysitter"
         r"(?:i'?m|i am|we'?re|we are) not your (?:babysitter|nanny|mum|mom|mother|secretary|servant|personal assistant|maid)"),
    Rule("reproaches the customer for asking again",     # "I am explain you already two times"
         r"(?:i|we)(?:'ve| have| am| had|'m)? (?:already )?(?:explain\w*|told|tell|said|wrote|written|repeated) (?:you |this |it |that )?(?:already )?"
         r"(?:two|three|four|five|several|many|a hundred|a million|\d+) times" + _NO_APOLOGY["en"] + r"|(?:twice|three times) already" + _NO_APOLOGY["en"] + r"|listen (?:more )?careful\w*(?! to)"
         r"|read (?:it |what i wrote |my (?:message|messages|answer) )?(?:more )?careful\w*(?=\s*(?:\||$))"),
    Rule("tells the customer to read it themselves",     # "Read it yourself."
         r"(?:read|look|google|search|figure|work|sort) (?:it |that |this )?(?:up |out )?(?:for )?yourself(?=\s*(?:\||$))"),
    Rule("belittles the customer's worry",               # "i don't get why you're this worked up over forty hryvnias"
         r"(?:don'?t|do not|can'?t|cannot) (?:get|understand|see) why you'?re (?:so |this |that |getting |all )?(?:\w+ )?(?:worked up|wound up|fussed|bothered|upset|stressed)"
         r"|over (?:a |some |just |these )?(?:measly|mere|few|piddling|lousy) (?:\w+ )?(?:hryvnias?|uah|quid|bucks|pennies|kopecks)"),
    Rule("mocks the customer with a sarcastic 'nobody ever'",  # "sure, nobody ever gets any bills"
         r"(?:sure|right|yeah|of course|oh yes|oh sure) ~2 (?:nobody|no one|noone) ever" + _NOT_ABOUT_YOU["en"] +
         r"|(?:nobody|no one) ever (?:\w+ ){1,4}?right(?=\s*(?:\||$))" + _NOT_ABOUT_YOU["en"]),
]
THREAT["uk"] += [
    Rule("threatens to end the chat or the call",       # «закінчую чат», «я від'єднуюся», «розмову буде завершено»
         r"(?:закінчую|завершую|припиняю|закриваю|закінчу|завершу|припиню|закрию) (?:цей |наш |ваш )?(?:чат|розмову|діалог|дзвінок|спілкування)"
         r"|(?:чат|розмову|діалог|дзвінок|спілкування) (?:буде|будуть) (?:\w+ )?(?:завершено|закрито|припинено|перервано)"
         r"|(?:я )?(?:від'єднуюся|від'єднуюсь|відключаюся|відключаюсь|виходжу з чату|кладу слухавку)",
         needs=_BEHAVIOUR_UK + r"|ще раз|ще одне|ще одна|перестанете|підвищ\w*|перебива\w*|слово|досить"),   # about how the customer speaks, not «якщо будуть питання»
]
THREAT["en"] += [
    Rule("threatens to end the chat or the call",       # "this chat is over", "this conversation ends", "i will finish the call"
         r"(?:this|the|our) (?:chat|call|conversation) (?:is over|ends|is ending|will end|will be (?:ended|closed|terminated))"
         r"|(?:i|we)(?:'ll| will|'m| am)? (?:going to )?(?:finish|end|close|terminate|disconnect) (?:this |the |our )?(?:chat|call|conversation)"
         r"|(?:i'?m|i am) (?:disconnecting|ending|closing|leaving) (?:this |the )?(?:chat|call|conversation)",
         needs=_BEHAVIOUR_EN + r"|again|once more|another|interrupt\w*|raise|voice|word"),
]
REGULATOR["uk"] += [
    Rule("says a public complaint is useless",          # «Писати у фейсбук немає сенсу, там ніхто не реагує»
         r"(?:фейсбук\w*|facebook|соцмереж\w*|соцмереж|соціальн\w* мереж\w*|інстаграм\w*|телеграм\w*|твітер\w*|пост\w*|відгук\w*|коментар\w*)"
         r" ~4 (?:немає сенсу|нема сенсу|марно|безглузд\w*|нічого не да\w*|ніхто не (?:читає|реагує|дивиться)|толку|толк)"
         r"|(?:немає сенсу|нема сенсу|марно|безглуздо) ~3 (?:писати|скаржитися|постити) (?:у |в |на )?(?:фейсбук\w*|facebook|соцмереж\w*|інстаграм\w*|телеграм\w*|твітер\w*)"),
    Rule("says the regulator or the ombudsman would not deal with it",  # «Омбудсман такими речами не займається»
         r"(?:омбудсм\w*|нкрекп|регулятор\w*) (?:\w+ ){0,2}?(?:такими|таким|подібними|цими) (?:\w+ )?(?:не займа\w*|не розгляда\w*)"
         r"|(?:омбудсм\w*|нкрекп|регулятор\w*) ~6 (?:не морочте|не морочтеся|не заморочуйтеся|не витрачайте)"
         r"|(?:омбудсм\w*|нкрекп|регулятор\w*) ~5 (?:толку|толк) (?:з )?(?:того |цього )?(?:нуль|ніякого|ніякої|жодного|мало)"),
]
REGULATOR["en"] += [
    Rule("says a public complaint is useless",          # "Posting on Facebook won't get you anywhere"
         r"(?:facebook|social media|twitter|instagram|telegram|a post|posting|a review|reviews) ~3 (?:won'?t|will not|isn'?t going to|doesn'?t|does not) "
         r"(?:get you anywhere|help|change anything|change a thing|do anything|work)"
         r"|(?:facebook|social media|twitter|instagram|telegram)(?: \w+)? (?:is|are) (?:pointless|useless|a waste)"),
    Rule("says the regulator or the ombudsman would not deal with it",  # "The ombudsman doesn't deal with stuff like this"
         r"(?:ombudsman|regulator|neurc) (?:doesn'?t|does not|won'?t|will not|don'?t|never) (?:deal with|handle|look at|care about|bother with|take) "
         r"(?:\w+ )?(?:stuff|things|matters|cases|complaints|issues) like (?:this|that|yours)"
         r"|(?:ombudsman|regulator|neurc|complain\w*|complaint) ~6 (?:(?:you'?d|you would|you will|you'?ll) )?(?:just |only )?(?:be )?wasting your (?:time|breath|energy|nerves)"
         r"|(?:ombudsman|regulator|neurc|complain\w*|complaint) ~6 (?:no sense|pointless|useless|won'?t change a thing|won'?t change anything)"),
]
SECRET_OBJECT["uk"] += [
    Rule("asks for the CVV", r"(?:на )?звороті (?:\w+ )?(?:біля|поруч із|поруч з|коло|під|над) підпис\w*|(?:біля|поруч із|поруч з) підпис\w*"),
]
SECRET_OBJECT["en"] += [
    Rule("asks for the CVV", r"(?:next to|by|beside|near|above|under) the signature(?: (?:strip|box|panel))?"),
]
SECRET_ASK["uk"] += r"|що (?:там )?(?:написано|вказано|надруковано)"
SECRET_ASK["en"] += r"|write(?! to)|enter|put|drop"

# A deflecting reading of the learned reader in a sentence that turns to the operator's own next
# step after a "but" («але я перевірю», "but let's get this moving"): routing, not a refusal.
WAY_ON = {
    "uk": r"(?:але|проте|однак|натомість) (?:я |ми |давайте |зараз )(?:~2 )?(?:перевір\w*|допомож\w*|підкаж\w*|дам|дамо|передам|з'єдна\w*|оформ\w*|зареєстр\w*|розбер\w*|з'ясу\w*|подивл\w*|залишусь|залишуся)",
    "en": r"(?:but|however|instead) (?:let'?s|let me|i'?ll|i will|i can|we'?ll|we can)",
}
# A rude reading of the learned reader in a sentence where the operator offers patience or to
# explain again ("I'll explain as many times as you need", «поясню стільки разів, скільки треба»):
# the reader takes the words of "how many times do I have to explain" for the reproach itself.
PATIENCE = {
    "uk": r"(?:поясню|повторю|розповім) (?:\w+ )?(?:ще раз|стільки разів|скільки (?:треба|потрібно))|не соромтеся|не поспішайте|не квапте\w*",
    "en": r"(?:i'?ll|i will|i can|happy to|glad to) (?:\w+ )?(?:explain|repeat|go over|go through) (?:\w+ ){0,2}?(?:again|as many times|as often)"
          r"|(?:don'?t|do not) hesitate|take your time|no rush",
}
# A deflecting reading of the learned reader in a sentence that tells the customer something is not
# theirs ("the previous owner's debt is his, not yours", «це борг попереднього власника, а не ваш»):
# it relieves the customer of it and pushes nothing away from the operator.
NOT_YOURS = {
    "uk": r"а не (?:ваш|ваша|ваше|ваші)(?![\w'])|не (?:ваш|ваша|ваше|ваші) (?:борг|обов'язок|клопіт)",
    "en": r"not yours|isn'?t yours|aren'?t yours|not your debt",
}
# A discouraging reading of the learned reader in a sentence that tells the customer a complaint
# costs them nothing ("a complaint to the regulator won't affect your supply", «ніхто вас не
# відключить»): it reassures, where discouraging says the complaint is useless or will cost them.
# Only the customer's account, supply or service: "won't affect your case" is not excused; nor is
# a sentence that goes on with a "but" («не вплине на ваше обслуговування, але й нічого не змінить»).
_NO_BUT_AFTER = r"(?![^.!?]*(?<![\w'])(?:але|проте|однак|but|however|though|yet)(?![\w']))"
COMPLAINT_COSTS_NOTHING = {
    "uk": r"(?:(?:не|ніяк не) (?:вплине|впливає|позначиться|відіб'ється) на (?:ваше|ваш|вашу|ваші) (?:обслуговуван\w*|постачан\w*"
          r"|електропостачан\w*|рахун\w*|договір|світло)|ніхто (?:вас )?не (?:відключ\w*|вимкне|вимикатиме)"
          r"|відключ\w* (?:вас )?(?:через це )?(?:ніхто не буде|не буде))" + _NO_BUT_AFTER,
    "en": r"(?:(?:won'?t|will not|doesn'?t|does not|can'?t|cannot) (?:\w+ )?(?:affect|harm|hurt) (?:your|you) (?:account|supply|service|power"
          r"|contract|at all|in any way)|(?:no one|nobody) (?:will|is going to) (?:disconnect|cut))" + _NO_BUT_AFTER,
}
# A blaming reading of the learned reader in a sentence that says the customer is not to blame
# ("it's not your fault", "the mistake was ours", «ви ні в чому не винні»), unless it goes on with a
# "but" («Це не ваша вина, але ж могли б і договір почитати»).
NOT_YOUR_FAULT = {
    "uk": r"(?:не (?:ваша|є вашою) (?:вина|провина)|ви (?:ні в чому )?не (?:винні|винуваті)|(?:помилка|вина|провина) (?:була )?(?:наша"
          r"|на нашому боці|з нашого боку)|(?:ніхто|я) (?:вас )?не (?:звинувачу\w*|винуват\w*))" + _NO_BUT_AFTER,
    "en": r"(?:not your fault|(?:nobody'?s|no one'?s|nobody is|no one is|i'?m not|we'?re not) blaming you"
          r"|you (?:haven'?t|have not|didn'?t|did not) do (?:anything|nothing) wrong|(?:mistake|error|fault) (?:was|is) (?:ours|on our side"
          r"|on us)|it'?s on us)" + _NO_BUT_AFTER,
}
# A request opening the sentence after the one that names a secret asks for that secret only when
# it names nothing else: these words at most, then the end of the sentence or a purpose («Пін картки
# знаєте? Напишіть, щоб звірити.»), not «(номер на звороті картки). Напишіть свій особовий рахунок».
SECRET_BARE_ASK_TAIL = {
    "uk": (r"мені|нам|сюди|тут|в|у|чат|чаті|будь|ласка|його|її|їх", r"щоб|щоби|аби"),
    "en": (r"me|us|here|in|into|the|this|chat|please|it|them|now", r"so|to"),
}


# --- A forbidden phrase's family: the same brush-off in other words ------------------------------
# The scenario forbids «Я не знаю», "Call back later", "Calm down"; a strict QA lead fails
# «Гадки не маю», "Try calling again tomorrow", "Relax" as the same phrase. A family applies only
# where the scenario forbids one of its members (``member``, read on the forbidden phrase); its
# ``said`` rules are read on the reply as the critical kinds are (compliance.compile_pattern), and
# not where the words are negated, quoted, or (``conditional``) part of an "if" («якщо … —
# передзвоніть»: advice, not a brush-off). A rule that ends in _NO_HELP_AFTER is a brush-off only
# when nothing after it offers a way on.
class Family(NamedTuple):
    name: str
    member: str                 # matches the plain text of a forbidden phrase of this family
    said: list[Rule]
    conditional: bool = False   # an "if" before it in its sentence makes it advice
    meaning: bool = False       # its phrases are also read by meaning (a newer family: its wordings are few)


_CALLER_NOT_US = r"i'?ll|we'?ll|i|we|will|can|could|let|me|us"      # "I'll call you back later": the operator's own step
FORBIDDEN_FAMILIES = {
    "uk": [
        Family("don't know", r"не знаю", [
            Rule("says they have no idea",
                 r"гадки не ма\w*|(?:без|не маю (?:жодного )?)(?:поняття|уявлення)|хто (?:ж )?(?:його )?зна[єа]?|звідки (?:ж )?мені знати|не знаю я|я не в курсі")]),
        Family("call back later", r"передзвон|зателефону|наберіть|подзвон", [
            Rule("tells the customer to call again later",
                 r"(?:передзвоніть|зателефонуйте|наберіть|подзвоніть) (?:нам |нас |мені |будь ласка )?(?:ще раз |знову )?"
                 r"(?:пізніше|завтра|згодом|іншим разом|в інший (?:час|день)|через (?:годину|\w+ (?:годин\w*|дн\w*|хвилин\w*)|день|тиждень)"
                 r"|за (?:годину|\w+ (?:годин\w*|хвилин\w*)))")], conditional=True),
        Family("nothing I can do", r"нічим не можу|нічого не мож|нічого не вдію", [
            Rule("says nothing can be done",
                 r"(?:(?:я|ми) (?:тут |вам |з цим )?нічого не (?:можу|можемо|вдію|зроблю|зробимо)"
                 r"|нічим (?:тут |вам )?не (?:допоможу|допоможемо|зараджу|можу допомогти|можемо допомогти)"
                 r"|нічого (?:тут )?не (?:вдієш|поробиш|зробиш))" + _NO_HELP_AFTER)]),
        Family("calm down", r"заспокой", [
            Rule("tells the customer to calm down", r"заспокой\w+|не нервуй\w*|не кричіть|тихіше|не панікуйте|візьміть себе в руки")]),
        Family("company policy", r"політик|правил", [
            Rule("hides behind the rules",
                 r"(?:така|це|наша|в нас така|у нас така) політика(?: компанії| постачальника)?(?! щодо)|такі (?:в нас |у нас )?правила"
                 r"|це правила компанії|так (?:у|в) нас (?:заведено|прийнято)")]),
        Family("look it up on the website", r"сайт", [
            Rule("sends the customer to the website",
                 r"(?:подивіться|гляньте|шукайте|читайте|знайдете) (?:\w+ )?на (?:нашому )?сайті" + _NO_HELP_AFTER,
                 unless_before=r"можете|також|теж|ще")]),
    ],
    "en": [
        Family("don't know", r"don'?t know|do not know", [
            Rule("says they have no idea",
                 r"no idea|not a clue|no clue|beats me|who knows|how (?:would|should|am) i (?:supposed to )?know|dunno"
                 r"|haven'?t (?:got )?(?:a|the (?:faintest|slightest)) (?:clue|idea)")]),
        Family("call back later", r"call (?:us |me )?(?:back|again)|call later", [
            Rule("tells the customer to call again later",
                 r"(?:call|ring|phone|try) (?:us |me |back |again |calling |back again )*"
                 r"(?:later|tomorrow|another time|some other time|in (?:an|a few|a couple of|\w+) (?:hours?|days?|minutes?))",
                 unless_before=_CALLER_NOT_US)], conditional=True),
        Family("nothing I can do", r"nothing (?:i|we) can do|can'?t do anything", [
            Rule("says nothing can be done",
                 r"(?:nothing (?:more )?(?:i|we) can do|(?:i|we) can'?t do anything|nothing to be done|(?:my|our) hands are tied)" + _NO_HELP_AFTER)]),
        Family("calm down", r"calm down", [
            Rule("tells the customer to calm down",
                 r"calm (?:down|yourself)|relax|chill(?: out)?|settle down|stop shouting|no need to shout|lower your voice|take a (?:deep )?breath")]),
        Family("company policy", r"policy", [
            Rule("hides behind the rules",
                 r"(?:it'?s|that'?s|this is) (?:just |simply )?(?:our |the |company |the company'?s? )+(?:policy|rules)"
                 r"|those are (?:the|our) (?:company )?rules|rules are rules|that'?s (?:just )?how (?:it|things) (?:works?|is|are)")]),
        Family("read the slip yourself", r"read (?:the|your) (?:slip|bill)", [
            Rule("tells the customer to read it themselves",
                 r"(?:read (?:it|the (?:slip|bill)|your (?:slip|bill)) (?:yourself|properly|carefully|again)|just read (?:the|your) (?:slip|bill)"
                 r"|(?:it'?s|everything'?s|it is) (?:all )?(?:written|printed) (?:on|in) (?:the|your) (?:slip|bill))" + _NO_HELP_AFTER)]),
        Family("look it up on the website", r"website|site", [
            Rule("sends the customer to the website",
                 r"(?:(?:look|check) (?:it |that )?(?:up )?on (?:the|our) (?:website|site)|(?:check|see|visit) (?:the|our) (?:website|site)|it'?s (?:all )?on (?:the|our) (?:website|site)|google it)" + _NO_HELP_AFTER,
                 unless_before=r"can|could|also|too|you'?ll")]),
    ],
}
# More blame and deflection (session 15, from probe 7's misses): the reproach in a modal or a
# conditional mood the lists above lack ("you ought to have", "your dad was supposed to",
# «оплатили б раніше — не було б»), the customer's omission given as the cause ("because you
# didn't send"), responsibility put on the customer, and "not our responsibility" in other nouns.
BLAME["uk"] += [
    Rule("says the customer is to blame",
         r"відповідальність (?:за (?:це|цю ситуацію|все) )?(?:лежить |покладається )?(?:саме |повністю |цілком )?на (?:вас|вашій стороні|тобі)"
         r"|винні (?:тут )?(?:тільки|лише|саме|виключно) (?:ви|ти)"),
    Rule("says what the customer should have done",         # «варто було б пильніше дивитися», «дивилися б краще»
         r"(?:треба|потрібно|слід|варто) було б (?:\w+ )?(?:пильніше|уважніше|краще|раніше|вчасно|заздалегідь)"
         r"|[\w']+ли(?:ся|сь)? б (?:\w+ )?(?:пильніше|уважніше|краще|раніше|вчасно|заздалегідь|на тиждень раніше)"),
    Rule("says what the customer should have done",         # «оплатили б вчасно — і не було б відключення»
         r"[\w']+ли б (?:\w+ ){0,4}?(?:і |то |тоді |й )?не (?:було|мали) б"),
    Rule("says the customer failed to act",                 # «…до 5 числа, а ви цього не зробили»
         r"(?:а|але) (?:ви|ти) (?:цього |їх |його |так і )?не (?:зробили|зробив|зробила|передали|подали|оплатили|надіслали|сплатили|заплатили)"),
    Rule("reproaches the customer for what they did",
         r"(?:а )?(?:нащо|навіщо|для чого) (?:ж |же )?(?:ви|ти) (?:\w+ )?(?:повідомили|повідомляли|диктували|продиктували|казали|сказали|надіслали|показали|ввели|вводили)"),
]
BLAME["en"] += [
    Rule("says what the customer should have done",
         r"(?:you|he|she|they|your (?:father|dad|mother|mum|mom|husband|wife|son|daughter)) (?:really |honestly |just )?"
         r"(?:ought to(?: have|'ve)|(?:was|were) supposed to|needed to|had to) (?!receive|get|be |have )"
         r"(?:let|pay|paid|send|sent|submit|call|phone|ring|tell|told|check|read|notify|inform)\w*"
         r"(?= (?:\w+ ){0,5}?(?:by|before|on time|earlier|sooner|in time|first|the due date|the deadline)(?![\w']))"),
    Rule("says what the customer should have done",         # "ideally you'd have phoned us before the move"
         r"(?:ideally|really|honestly) you(?:'d| would)(?: have|'ve) (?:\w+ed|paid|sent|rung|told|done|read)"),
    Rule("gives the customer's omission as the cause",       # "because you didn't send us your readings"
         r"(?:because|since|as) you (?:didn'?t|did not|never|forgot to|failed to) (?:send|submit|pay|call|tell|let|read|check|give)\w*"
         r"|you (?:missed|forgot|failed) (?:sending|submitting|paying|to send|to submit|to pay|the deadline)"),
    Rule("says what the customer should have done",         # "paying a bit sooner would have avoided all this"
         r"(?:paying|sending|calling|telling us|submitting) ~3 (?:sooner|earlier|on time|in time) would(?: have|'ve) (?:avoided|prevented|saved)"),
    Rule("reproaches the customer for what they did",
         r"why (?:on earth )?(?:did|would) you (?:ever )?(?:hand|give|tell|read|share|send) (?:\w+ ){0,3}?(?:card|details|number|code|pin)"),
]
DEFLECT["uk"] += [
    Rule("says it is not their business",
         r"не (?:мої|наші) (?:обов'язки|функції|повноваження)|не (?:мій|наш) (?:клопіт|обов'язок)"
         r"|не входить (?:у|в|до) (?:мої|наші) (?:обов'язки|функції|повноваження)"),
]
DEFLECT["en"] += [
    Rule("says it is not their problem",
         r"(?:not|isn'?t|aren'?t) (?:really |actually |exactly |strictly )?(?:our|my) (?:problem|job|department|concern|responsibility|business|remit)"
         r"|(?:not|isn'?t) (?:really )?something (?:that )?(?:we'?re|we are|i'?m|i am) responsible for"
         r"|(?:not|isn'?t) (?:really )?something (?:that )?concerns (?:us|me)"
         r"|(?:falls |is )?outside (?:of )?(?:our|my) (?:team'?s |department'?s )?(?:remit|responsibilit\w*|area)"
         r"|(?:not|isn'?t) (?:really )?(?:our|my) concern" + _NO_HELP_AFTER),
]


# More families (session 15, from probe 7's misses): a phrase a trainer often forbids, said with the
# request turned into another verb, a "please", a "could you" or an "I'd appreciate it if":
# switching language, taking a post down, paying twice, repeating oneself, "you are being rude".
# Their phrases are still read by meaning too (Family.meaning): these wordings are few.
FORBIDDEN_FAMILIES["uk"] += [family._replace(meaning=True) for family in [
    Family("speak Ukrainian", r"українськ|державн", [
        Rule("tells the customer which language to speak",
             r"(?:перейдіть|переходьте|перейти|спілкуйтеся|спілкуйтесь|спілкуватися|говоріть|говорити|розмовляйте|розмовляти) ~3 (?:українськ\w*|державн\w*)"),
        Rule("tells the customer which language to speak",
             r"прошу (?:вас )?(?:перейти|говорити|спілкуватися|розмовляти)", needs=r"українськ\w*|державн\w*")]),
    Family("delete your comment", r"видал|прибер|коментар|допис|відгук", [
        Rule("asks the customer to take their post down",
             r"(?:видаліть|приберіть|зніміть|зітріть|видалите|приберете|знімете|зітрете|видалили|прибрали|зняли|стерли) ~4 "
             r"(?:коментар\w*|допис\w*|пост\w*|відгук\w*|публікаці\w*|те що ви (?:написали|опублікували|виклали))"),
        Rule("asks the customer to take their post down",
             r"(?:коментар\w*|допис\w*|пост\w*|відгук\w*|публікаці\w*) ~6 (?:видаліть|приберіть|зніміть|зітріть|видалите|приберете)")]),
    Family("already explained", r"(?:вже|уже) (?:поясн|казал|казав|говор)", [
        Rule("reproaches the customer for asking again",
             r"(?:я )?(?:ж |же )?(?:вам )?(?:це |це ж )?(?:вже|уже|щойно|тільки що) (?:вам )?(?:це )?"
             r"(?:пояснювал|пояснил|казал|говорил|розповідал|сказал)\w*"
             r"|(?:ще раз )?повторюю (?:вам )?(?:ще раз |вдруге |втретє )?(?:те )?що (?:вже|уже) (?:казал|говорил|пояснювал)\w*")]),
    Family("how you talk to me", r"як ви розмовляєте|як ви говорите|самі ви", [
        Rule("tells the customer off for their manners",
             r"(?:вам |тобі )?не соромно|(?:таким|яким) тоном (?:ви )?(?:зі мною )?(?:говорите|розмовляєте|говорити|розмовляти)"
             r"|ви так (?:з усіма|з людьми) (?:розмовляєте|говорите)|(?:стежте|слідкуйте) за (?:своїм )?(?:тоном|язиком)"
             r"|(?:це )?ви такий|(?:це )?ви така|на себе (?:подивіться|гляньте)")]),
]]
FORBIDDEN_FAMILIES["en"] += [family._replace(meaning=True) for family in [
    Family("delete your comment", r"delete|remove|comment|post|review", [
        Rule("asks the customer to take their post down",
             r"(?:delete|remove|removed|deleted|take|took|pull) ~4 (?:comment|post|review|what you (?:wrote|posted))s?(?: down)?"),
        Rule("asks the customer to take their post down",
             r"(?:comment|post|review)s? ~4 (?:taken down|removed|deleted)")]),
    Family("pay again", r"pay (?:it )?again|pay twice", [
        Rule("tells the customer to pay a second time",
             r"(?:pay|paying|transfer|send|make) ~4 (?:again|once more|a second time|twice|over again)")]),
    Family("already explained", r"already (?:said|explained|told)", [
        Rule("reproaches the customer for asking again",
             r"(?:like|as) i (?:already |just )?(?:told you|said|mentioned|explained)(?: (?:to you )?(?:before|earlier|already|a minute ago|just now))?"
             r"|i (?:went|'ve been|have been) (?:through|over) (?:this|that|it) (?:with you )?already"
             r"|for the (?:second|third|fourth|fifth|last) time")]),
    Family("you are being rude", r"being rude|are rude", [
        Rule("tells the customer they are rude",
             r"you(?:'re| are) (?:being )?(?:very |really |extremely |so |quite )?(?:rude|impolite|disrespectful|offensive|out of line)")]),
    Family("read any number", r"whatever is on the screen|whatever (?:it|the \w+) shows", [
        Rule("tells the customer any reading will do",
             r"(?:any|whatever) (?:number|figure|reading|digits)s? ~4 (?:display|screen|shows|says|see)"
             r"|(?:doesn'?t|does not) (?:really )?matter which (?:one|number|figure|zone)")]),
    Family("nothing to explain", r"nothing to explain", [
        Rule("refuses to explain",
             r"(?:(?:there'?s|there is) nothing|(?:there )?(?:isn'?t|is not) (?:really )?anything) (?:more |else |much )?(?:for me )?to (?:explain|go into|add|discuss|talk about)")]),
    Family("it's all on the slip", r"(?:written|printed|all) on the (?:slip|bill)", [
        Rule("tells the customer it is all on the slip",
             r"(?:it'?s|it is|everything'?s|everything is|(?:all )?the details are|it'?s all) (?:all )?(?:right )?(?:there |written |printed )?(?:on|in) (?:the|your) (?:payment )?(?:slip|bill)"
             + _NO_HELP_AFTER)]),
]]


# --- Session 15, from probe 8's misses: blame as a question, sarcasm, condescension, impersonal
# threats, the ombudsman, codes by their length, and other wordings of known families ------------
BLAME["uk"] += [
    Rule("blames the customer with a question",            # «Чому ж ви не подали показники?», «а чого ж ви раніше не подзвонили»
         r"(?:чому|чого) (?:ж|же) (?:ви |ти )?(?:[\w']+ ){0,2}?не (?:(?!отрима|одержа|побачи|почу|бачи|чули)[\w']+(?:ли|ла|лись|лися|в)|було)(?![\w'])"),
    Rule("blames the customer with a question",            # «А чому ви не перевірили суму заздалегідь?»: why not, then when it was due
         r"(?:чому|чого) (?:ви|ти) (?:[\w']+ )?не (?!отрима|одержа|побачи|почу|бачи|чули)[\w']+(?:ли|ла|в)(?:ся|сь)? ~4 (?:раніше|вчасно|одразу|відразу|заздалегідь|своєчасно|перед|до того)"),
    Rule("reproaches the customer for what they did",     # «яка була потреба називати їм цифри», «навіщо було їм диктувати»
         r"(?:яка|що за) (?:ж |же )?(?:була )?потреба (?:[\w']+ )?(?:називати|диктувати|повідомляти|казати|давати|показувати|вводити)"
         r"|(?:нащо|навіщо|для чого) (?:ж |же )?було (?:\w+ )?(?:називати|диктувати|повідомляти|казати|давати|показувати|вводити)"),
    Rule("says what the customer should have done",         # «якби рахунок був оплачений вчасно»: the passive conditional
         r"якби (?:[\w']+ ){1,2}?(?:був|була|були|було) (?:оплачен\w*|сплачен\w*|передан\w*|подан\w*|надіслан\w*) (?:вчасно|раніше|своєчасно)"),
]
BLAME["en"] += [
    Rule("blames the customer with a question",            # "Why didn't you just check?", "how come you never sent them"
         r"why (?:on earth )?(?:didn'?t|did not|wouldn'?t|couldn'?t) you (?:just|even|ever|simply|at least) (?!get|receive|see|hear)[\w']+"
         r"|how come you (?:never|didn'?t|did not|haven'?t) (?:send|sent|pay|paid|submit|call|phone|ring|tell|told|let|read|check|give|gave|contact)\w*|how come you forgot"
         r"|why (?:on earth )?(?:didn'?t|did not) you ~4 (?:before|earlier|sooner|first|on time|in time)(?![\w'])"),
    Rule("reproaches the customer for what they did",     # "what made you read your card number out to them"
         r"what (?:on earth )?(?:made|possessed) you (?:\w+ ){0,2}?(?:hand|give|tell|read|share|send)"),
    Rule("says what the customer should have done",         # "Had the bill been paid when it was due, …"
         r"had (?:the|your) (?:\w+ )?(?:bill|payment|readings?|debt) been (?:paid|made|sent|submitted|settled) ~3 (?:on time|in time|when (?:it was|they were) due|earlier|sooner)"
         r"|(?:would(?: have|'ve)|'d have) (?:helped|been (?:better|easier)) (?:\w+ ){0,3}?if you(?:'d| had) [\w']+"),
    Rule("says the customer is to blame",                  # "your dad left it too late", "that's on him really"
         r"(?:you|he|she|they|your \w+) left it (?:too late|to the last minute|so late)|that'?s on (?:you|him|her|them)(?![\w'])"
         r"|(?:just )?slipped your mind"),
]
RUDE["uk"] += [
    Rule("mocks the customer",                             # «Ну звісно, це ми винні», «о так звичайно, лічильник сам собі нарахував»
         r"(?:ну|о|ага) (?:так )?(?:звісно|звичайно|авжеж),? (?:це )?(?:ми|я|компанія) (?:в усьому |у всьому )?(?:винні|винна|винен)"
         r"|(?:ну|о|ага) (?:так )?(?:звісно|звичайно|авжеж) ~5 (?:сам|сама|само|самі) (?:собі|по собі|собою)"
         r"|[\w']+ аякже(?=\s*(?:\||$))"),
    Rule("talks down to the customer",                     # «поясню повільніше, раз ви з першого разу не зрозуміли»; «щоб навіть ви зрозуміли»
         r"(?<!ще\s)раз (?:ви|ти) (?:[\w']+ ){0,3}?не (?:зрозумі\w+|розумієте|второпа\w+|вловили|дійшло)"
         r"|щоб (?:навіть|хоч) (?:ви|ти) (?:[\w']+ )?(?:зрозумі\w+|второпа\w+|розібрал\w*|впорал\w*)"
         r"|ще (?:один|одна) (?:клієнт\w*|розумни\w*|знавц\w*|знавець|експерт\w*) (?:який|яка|що) (?:[\w']+ )?знає краще"
         r"|(?:ви|ти) (?:взагалі |хоч |хоч раз |коли-небудь )(?:дивилися|дивились|читали|відкривали|глянули) (?:на )?(?:свою |вашу )?(?:платіжк\w*|квитанці\w*|рахунок|договір)"),
]
RUDE["en"] += [
    Rule("mocks the customer",                             # "the bill tripled all by itself, must be magic"
         r"must (?:be|have been) (?:magic|a miracle)|(?:i suppose|i guess|yeah right|sure) ~6 (?:all )?by (?:it|them)sel(?:f|ves)"
         r"|another (?:customer|caller|one|expert) who (?:knows|thinks (?:they|he|she) knows?) (?:better|best|everything)"),
    Rule("talks down to the customer",                     # "I'll keep it simple so you can follow", "since you didn't understand the first time"
         r"(?:keep|make|put|say|explain) (?:it|this|that|things) (?:really |nice and |very |super )?(?:simple|simply|slow|slowly|easy|basic) so (?:that )?(?:even )?you (?:can|could|'ll|will) (?:follow|understand|keep up|get it)"
         r"|so (?:that )?even you (?:can|could|'ll|will) (?:follow|understand|keep up|get it)"
         r"|(?:since|as|because) you (?:didn'?t|did not|still don'?t|don'?t seem to|can'?t seem to) (?:understand|follow|grasp) (?:it|that|this|me)"
         r"|have you (?:actually|even|ever) (?:looked at|read|checked|opened) (?:your|the) (?:slip|bill|contract|statement)"
         r"|do you (?:always )?(?:speak|talk) to (?:people|everyone|everybody) like (?:this|that)"),
]
THREAT["uk"] += [
    Rule("threatens to cut the customer off",               # «за такі скарги вас можуть від мережі відрізати»: impersonal
         r"(?:можуть|може|могли б) ~2 (?:відрізати|відключити|вимкнути|обрізати|знеструмити)",
         needs=_BEHAVIOUR_UK + r"|скарг\w*|скаржит\w*|сперечат\w*|сперечає\w*|будете так"),
]
THREAT["en"] += [
    Rule("threatens to cut the customer off",               # "customers who complain this much find their power gets cut first"
         r"(?:power|electricity|supply) ~1 (?:gets?|getting|be|being|is) (?:cut|switched off|turned off|disconnected)"
         r"|(?:move|bring) (?:your |the )?disconnection (?:date )?(?:forward|earlier|closer)"
         r"|(?:end up|ends up) (?:being |getting )?(?:cut off|disconnected)",
         needs=_BEHAVIOUR_EN + r"|complain\w*|argu\w*"),
]
REGULATOR["uk"] += [
    Rule("says the ombudsman will not help",               # «Омбудсмен вам тут не допоможе»
         r"(?:омбудсмен\w*|уповноважен\w* (?:з|із) (?:прав|енергетики)) ~3 (?:нічого не (?:дасть|зробить|вирішить|змінить)|не допоможе|нічим не допоможе|не розглядатиме)"),
    Rule("warns that a complaint will cost the customer",  # «скарга до регулятора може вплинути на вашу розстрочку»
         r"(?:скарг\w*|скаржит\w*|поскаржит\w*|нкрекп|регулятор\w*|омбудсмен\w*) ~6 (?:може|можуть|вплине|позначиться|відіб'ється|зашкодить)"
         r" (?:\w+ )?(?:вплинути|позначитися|відбитися|зашкодити|на ваш\w*|вашій|вашому)"),
]
REGULATOR["en"] += [
    Rule("says the ombudsman will not help",
         r"(?:ombudsman|ombudsperson) ~5 (?:won'?t|will not|wouldn'?t|would not|can'?t|cannot|doesn'?t|does not|never) ~1 (?:help|do anything|side with|change anything|get you anywhere)"
         r"|(?:don'?t|do not|wouldn'?t|would not) (?:even )?bother with the (?:ombudsman|ombudsperson)"),
    Rule("warns that a complaint will cost the customer",  # "remember that complaining could affect your instalment plan"
         r"(?:complain\w*|complaint\w*|regulator|ombudsman) ~6 (?:could|might|may|will|would|can) (?:\w+ )?(?:affect|hurt|harm|jeopardi[sz]e|complicate|put at risk|count against)"),
]
# A one-time code named by its length («шість цифр», "a six-digit number"): not an account's digits.
SECRET_OBJECT["uk"].append(Rule("asks for a one-time code",
     r"(?:шість|чотири|п'ять|вісім|6|4|5|8) (?:[\w']+ )?цифр\w*(?! ~3 (?:особов|рахунк|лічильн|показ|телефон|мобільн|договор|звернен|ейк|eic|індекс))"))
SECRET_OBJECT["en"].append(Rule("asks for a one-time code",
     r"(?:six|four|five|eight|6|4|5|8) digit (?:number|code|pin)s?"))

# Other wordings of known families (session 15, probe 8's misses): a polite question or a
# conditional used as the demand, the passive, other word orders, diminutives and times of day.
FORBIDDEN_FAMILIES["uk"] += [
    Family("speak Ukrainian", r"українськ|державн", [
        Rule("tells the customer which language to speak",  # «Чи не могли б ви спілкуватися українською?», «ви б якось українською говорили»
             r"чи не (?:могли|змогли) б (?:ви )?(?:[\w']+ )?(?:перейти|спілкуватися|говорити|розмовляти) ~2 (?:українськ\w*|державн\w*)"
             r"|(?:ви|ти) (?:б|би) ~2 (?:українськ\w*|державн\w*) ~3 (?:говорили|спілкувалися|спілкувались|розмовляли|перейшли)")], meaning=True),
    Family("delete your comment", r"видал|прибер|коментар|допис|відгук", [
        Rule("asks for the customer's post to be taken down",  # «коментар має бути видалений», «щоб ваш відгук із фейсбуку зник»
             r"(?:коментар\w*|допис\w*|пост\w*|відгук\w*|публікаці\w*) ~4 (?:видален\w*|прибран\w*|знят\w*|зник|зникла|зникло|зникли|зникнути)")], meaning=True),
    Family("not our job", r"не до нас|не моя робота|не наша робота", [
        Rule("says it is not their job",                   # «це не те, чим я маю займатися», «я ж не для того тут сиджу»
             r"не те (?:чим|що) (?:я|ми) (?:маю|маємо|повинн\w*|мушу|мусимо|буду|будемо) (?:займатис\w*|робити)"
             r"|(?:я|ми) (?:ж |же )?не для того (?:тут )?(?:сиджу|сидимо|працюю|працюємо)"
             r"|(?:звернулися|звернулись|подзвонили|потрапили|зателефонували|написали) (?:\w+ )?не (?:туди|за адресою)"
             r"|не туди (?:подзвонили|звернулися|звернулись|потрапили|зателефонували)" + _NO_HELP_AFTER)]),
    Family("call back later", r"передзвон|зателефону|наберіть|подзвон", [
        Rule("tells the customer to call again later",     # «наберіть нас десь через годинку», «зателефонуйте по обіді»
             r"(?:передзвоніть|зателефонуйте|наберіть|подзвоніть) ~3 (?:десь |приблизно |хоч )?(?:через (?:годинку|півгодини|пару годин|кілька годин|пару днів)"
             r"|по обіді|після обіду|увечері|ввечері|надвечір)")], conditional=True),
    Family("calm down", r"заспокой", [
        Rule("tells the customer to calm down",            # «може, ви спершу трохи охолонете», «не треба так нервувати, видихніть»
             r"охолон\w*|видихніть|видихни|не треба (?:так )?(?:нервувати|кричати|панікувати)|(?:перестаньте|припиніть) (?:так )?(?:нервувати|панікувати)")]),
    Family("company policy", r"політик|правил", [
        Rule("hides behind the rules",                     # «правила в нас такі», «так у компанії заведено»
             r"правила (?:в|у) нас (?:такі|таки)|так (?:у|в) (?:нашій )?компанії (?:заведено|прийнято)|так (?:заведено|прийнято)(?: (?:у|в) (?:нас|компанії))?(?: і крапка)?")]),
    Family("nothing I can do", r"нічим не можу|нічого не мож|нічого не вдію", [
        Rule("says nothing can be done",                   # «з субсидією я вам тут нічого не зроблю»
             r"(?:я|ми) (?:тут |вам |з цим |зараз )(?:тут |вам |з цим |зараз )?нічого не (?:можу|можемо|вдію|зроблю|зробимо)" + _NO_HELP_AFTER)]),
    Family("already explained", r"(?:вже|уже) (?:поясн|казал|казав|говор)", [
        Rule("reproaches the customer for asking again",   # «Хіба я щойно не пояснювала вам?»
             r"хіба (?:я|ми) (?:[\w']+ )?не (?:пояснювал|пояснил|казал|говорил|розповідал|сказал)\w*")], meaning=True),
]
FORBIDDEN_FAMILIES["en"] += [
    Family("shut up", r"shut up", [
        Rule("tells the customer to be quiet",             # "Could you stop talking for once and let me get a word in?"
             r"stop talking|(?:let|allow) me (?:to )?get a word in|be quiet|keep quiet|zip it")]),
    Family("calm down", r"calm down", [
        Rule("tells the customer to calm down",            # "would you mind taking a deep breath and settling down"
             r"settl(?:e|ing) down|tak(?:e|ing) (?:a |some )?(?:deep |few deep )?breaths?|simmer(?:ing)? down")]),
    Family("company policy", r"policy", [
        Rule("hides behind the rules",                     # "because that's how the company does things"
             r"(?:that'?s|this is|it'?s) (?:just |simply )?how (?:the company|the firm|we|this company) (?:does|do|works?|operates?)(?: things| it)?")]),
    Family("call back later", r"call (?:us |me )?(?:back|again)|call later", [
        Rule("tells the customer to call again later",     # "would you mind trying us again this afternoon?"
             r"(?:try|trying|call|calling|ring|ringing) (?:us |me |back |again )*(?:this (?:afternoon|evening)|tonight|after lunch|in the (?:afternoon|evening))",
             unless_before=_CALLER_NOT_US)], conditional=True),
    Family("call someone else", r"call someone else|not our department|not our problem", [
        Rule("sends the customer to another company",      # "you'd have to ring a different company for that one"
             r"(?:you'?d|you would|you'?ll|you will) (?:have|need) to (?:ring|call|phone|contact|try) (?:a different|another|some other) (?:company|number|department|provider|firm)"
             r"|(?:other people|someone else|somebody else) (?:deals?|handles?) with (?:(?:that|it|this|those|them|meters) )?not (?:me|us)" + _NO_HELP_AFTER)], meaning=True),
    Family("already explained", r"already (?:said|explained|told)", [
        Rule("reproaches the customer for asking again",   # "didn't I just explain that?"
             r"didn'?t i (?:just |already )?(?:explain|say|tell you|mention)|haven'?t i (?:already |just )?(?:explained|said|told you)")], meaning=True),
    Family("read any number", r"whatever is on the screen|whatever (?:it|the \w+) shows", [
        Rule("tells the customer any reading will do",     # "whichever figure the meter shows first is fine"
             r"whichever (?:number|figure|reading|one|zone) ~4 (?:display|screen|shows|says|see|comes up)")], meaning=True),
]


# --- Beyond the rubric's list: another customer's data, and a covert promise -------------------
# A strict QA lead fails a call that tells one customer about another's account or debt («ваш
# сусід з 12 квартири теж не платить»), or promises to bend the rules where nobody will see
# («пеню я вам просто спишу, ніхто й не перевірятиме»): the probe of issue 9 rated them critical
# before any rule existed (tests/scoring/data/compliance_probe4.yaml). A negation before them
# makes them a refusal («я не можу розповідати про борги сусідів»).
PRIVACY = {
    "uk": [
        Rule("tells the customer about another customer's debt",
             r"сусід\w* ~6 (?:борг\w*|заборгован\w*|не плат\w*|не сплачу\w*)"),
        Rule("tells the customer about another customer's account",
             r"(?:у|в) (?:нього|неї|них) (?:теж |також |так само )?(?:борг\w*|заборгован\w*)",
             needs=r"сусід\w*|квартир\w* (?:\d+|\w+)|рахунок (?:оформлен\w* )?на"),
        Rule("tells the customer about another customer's account",
             r"(?:квартир\w*|будин\w*) (?:№ ?)?\d+ ~6 (?:борг\w*|заборгован\w*)"),
    ],
    "en": [
        Rule("tells the customer about another customer's debt",
             r"neighbou?r\w* ~6 (?:owes?|is behind|are behind|in debt|debt|hasn'?t paid|haven'?t paid|doesn'?t pay)"),
        Rule("tells the customer about another customer's account",
             r"(?:she|he|they)'?s? (?:is |are )?(?:behind|in debt|in arrears) (?:as well|too)",
             needs=r"neighbou?r\w*|flat|apartment|account (?:at|for|under)|number \w+"),
        Rule("tells the customer about another customer's account",
             r"account (?:at|for) (?:number |flat |no )?\w+ (?:is )?(?:under|in the name of)|(?:flat|apartment|number) \d+ ~6 (?:owes?|in debt|debt|is behind)"),
    ],
}
_COVERT = {
    "uk": r"по-тихому|по тихому|тихенько|ніхто (?:й |і )?не (?:дізна\w*|перевір\w*|помітить|побачить)|між нами|неофіційно",
    "en": r"quietly|no ?one (?:will |would )?(?:ever )?(?:know|notice|check)|nobody (?:will |would )?(?:ever )?(?:know|notice|checks?)"
          r"|between (?:you and me|us)|off the (?:books|record)|unofficially",
}
_BILL_VERB = {
    "uk": r"(?:спиш\w*|зменш\w*|поставл\w*|приберу|анулю\w*|зниж\w*|скину|скинемо|знім\w*|видал\w*|поміня\w*|змін\w*|підправ\w*|закри\w*)",
    "en": r"(?:wipe|knock|waive|write|drop|lower|change|remove|cancel|take|set|put|shave|fix|fudge)\w*",
}
_BILL_THING = {
    "uk": r"(?:пен\w*|борг\w*|показник\w*|кіловат\w*|квт\w*|рахун\w*|сум\w*|нарахуван\w*|штраф\w*)",
    "en": r"(?:fees?|fines?|penalt\w*|debts?|readings?|kilowatt\w*|kwh|bills?|charges?|amounts?|interest)",
}
COVERT_PROMISE = {
    language: [Rule("promises to bend the rules where nobody will see",
                    rf"{_BILL_VERB[language]} ~5 {_BILL_THING[language]}|{_BILL_THING[language]} ~5 {_BILL_VERB[language]}",
                    needs=_COVERT[language])]
    for language in ("uk", "en")
}


# --- A forbidden phrase said in other words, read by meaning (compliance._forbidden_by_meaning) --
# A sentence that reports what the customer or someone close to them said («ви сказали, що…»,
# "your neighbour told you to…") repeats the words, it does not say them to the customer: a
# forbidden phrase there is not said, in its words or in other words, as after REPORTED.
FORBIDDEN_QUOTED = {
    "uk": r"ви (?:[\w']+ )?(?:сказали|казали|написали|згадали|кажете|пишете|питаєте)"
          r"|(?:сусід\w*|знайом\w*|друг|друз\w*|подруг\w*|банк\w*|син|сина|дочка|донька|доньк\w*|чоловік\w*|дружин\w*|мам\w*|батьк\w*)"
          r" (?:[\w']+ ){0,2}?(?:сказа\w*|каза\w*|порадив|порадила|порадили|радив|радила|радили|написа\w*)",
    "en": r"you (?:[\w']+ )?(?:mentioned|said|told me|wrote|were saying|asked)"
          r"|(?:neighbou?r|friend|bank|son|daughter|husband|wife|mother|mum|mom|father|dad|relative)s? (?:[\w']+ ){0,2}?"
          r"(?:said|says|told you|suggested|advised|recommended)",
}
# Words that join two statements in one sentence («…, але попрошу вас зняти пост», "… so yours will
# have to wait"): the reading by meaning also reads each side alone, so that a negation on one side
# («бо інакше ми нікуди не дійдемо», "we can't help with that") does not keep the other from being
# read; a transcript has no commas to split it at.
MEANING_JOINS = {
    "uk": r"але|проте|однак|бо|тож|тому що|адже|а то|інакше",
    "en": r"but|so|because|though|although|otherwise|or else",
}
# A suggestion opened by a negation («чому б не оплатити ще раз», "why not pay again"): it proposes
# the thing, it does not deny it, so the reading by meaning does not take it for a negated clause.
MEANING_SUGGESTION = {
    "uk": r"чому б не|чом би не|чому б вам не|а чом би не",
    "en": r"why not|why don'?t you|why don'?t we",
}
# The operator's own next step ("I'll call the grid operator", «я сама зателефоную»): a sentence
# opening with it promises what the operator will do, it does not tell the customer to do it.
MEANING_OWN_STEP = {
    "uk": r"(?:давайте |зараз |тоді )?(?:я|ми) (?:[\w']+ ){0,2}?[\w']+(?:у|ю|мо)",
    "en": r"(?:i|we)(?:'ll| will| shall| can|'m going to| am going to|'re going to| are going to)|let me|let us|let's",
}
# A forbidden phrase that reproaches the customer for the past, and a clause that asks for
# something now: "please send your reading" does not say "You should have sent the reading", though
# the small embedding model reads both as the same topic (the benchmark's dev reply en-02-14).
MEANING_REPROACH = {
    "uk": r"(?:треба|потрібно|необхідно|слід|варто) було|мали б|мали би|мусили|повинні були|повинна була|повинен був|якби",
    "en": r"should(?: have|'ve)|shouldve|ought to(?: have|'ve)|(?:was|were) supposed to|had to|needed to|if you(?:'d| had)",
}
MEANING_REQUEST = {
    "uk": r"будь ласка|прошу|давайте|[\w']+(?:іть|йте)",
    "en": r"please|could you|can you|would you|will you|kindly|let'?s",
}


# --- Session 18, from probe 12's misses (tests/scoring/data/compliance_probe12.yaml, issue 9) ----
# Blame as a counterfactual about the customer's habits («от якби показники надсилали щомісяця…»,
# "Had you sent in a reading every month, …"), as what the customer swapped («ви ж денні й нічні
# місцями переставили», "you swapped the day and night numbers around") or did carelessly («ви
# платите навмання»); condescension about the first explanation not getting through («раз із
# першого разу не дійшло»), "not quantum physics", «поки ви не навчитеся формулювати питання»;
# deflection as "sort it out … yourself", "find somebody else", "you'll have to deal with them",
# "your bank messed it up"; what came in a message asked for with «у вас»; a photo of the card
# asked for with "take"; and other wordings of known families (a call back later asked as a
# question, «ніяк не зараджу», "my hands are completely tied", "that's simply how things are done").
_NOT_US_UK = r"(?!(?:ми|я|нам|мені|нас|мене|система|банк\w*|оператор\w*|компанія|постачальник\w*)(?![\w']))"
_HABIT_UK = (r"щомісяця|щомісячно|регулярно|вчасно|своєчасно|раніше|уважніше|завжди|як слід|як треба|заздалегідь"
             r"|хоч (?:би )?раз|хоча б раз|хоч (?:би )?разок|бодай раз|бодай разок")
_HABIT_EN = (r"every month|each month|monthly|regularly|on time|in time|earlier|sooner|even once|just once|properly|(?:more )?carefully"
             r"|when (?:it was|they were) due|like you were (?:told|asked)")
_SWAPPED_UK = (r"переставил\w*|переставив|поміняли|поміняв|поміняла|сплутал\w*|сплутав|наплутал\w*|наплутав|перекрутил\w*"
               r"|перекрутив|переплутал\w*|переплутав")
BLAME["uk"] += [
    Rule("says what the customer should have done",       # «якби ви хоч раз відкрили наші листи»: "even once" is a reproach
         rf"якби {_NOT_US_UK}~5 (?:хоч|хоча б|хоч би|бодай) (?:раз|разок|один раз)(?![\w'])", needs=r"б|би"),
    Rule("says what the customer should have done",       # «от якби показники надсилали щомісяця, то й рахунок був би нормальний»
         rf"(?:от|ось|ну|а|та) якби {_NOT_US_UK}~5 (?:{_HABIT_UK})(?![\w'])"
         rf"|якби {_NOT_US_UK}~5 (?:{_HABIT_UK}) ~6 (?:то|тоді) (?:й|і)(?![\w'])"
         rf"|(?:от|ось|ну|а|та) [\w']+ли б (?:ви|ти) ~4 (?:{_HABIT_UK})(?![\w'])", needs=r"б|би"),
    Rule("says what the customer would have known",       # «якби ви хоч раз відкрили наші листи, то знали б»
         r"якби (?:ви|ти) ~6 (?:(?:то|тоді) (?:б |би )?(?:знали|знав|знала)|(?:знали|знав|знала) (?:б|би))"),
    Rule("says the customer made the mistake",            # «ну ви ж денні й нічні місцями переставили»
         rf"(?:ви|ти) (?:ж|же|самі|сам|сама) ~6 (?:{_SWAPPED_UK})(?![\w'])"),
    Rule("says the customer acted carelessly",            # «бо ви платите навмання, не дивлячись у рахунок»
         r"(?:ви|ти) ~3 (?:навмання|навгад|навздогад|абияк|як попало|наосліп|не дивлячись|не читаючи|не перевіряючи|не звіряючи\w*)(?![\w'])",
         unless_before=r"якщо|якби|щоб|щоби|аби|чи"),
]
BLAME["en"] += [
    Rule("says what the customer should have done",       # "Had you sent in a reading every month, the bill would have been normal"
         rf"had you ~5 (?:{_HABIT_EN})(?![\w'])|if (?:only )?you(?:'d| had) ~7 (?:even|just) once(?![\w'])",
         needs=r"would|wouldn'?t|you'?d|we'?d|it'?d|there'?d|they'?d|that'?d"),
    Rule("says the customer made the mistake",            # "you swapped the day and night numbers around when you sent them"
         r"you (?:(?:just|must have|must'?ve|obviously|clearly|simply) )?(?:swapped|mixed up|muddled up|reversed|transposed|jumbled up)"
         r"(?= (?:[\w']+ ){0,8}?(?:around|round|up|when you|while you|as you)(?![\w']))"
         r"|you (?:put|entered|typed|wrote|sent|read) ~8 wrong way (?:round|around)",
         unless_before=r"if|maybe|perhaps|whether|possibly|might|may|like|seems|probably|in|case",
         needs=r"numbers?|readings?|zones?|figures?|digits?|day|night|peak|rates?|dials?"),
    Rule("says the customer acted carelessly",            # "because you pay at random without looking at the bill"
         r"you (?:just )?(?:pay|paid|send|sent|enter|entered|type|typed|fill|filled|sign|signed|click|clicked|read)\w* ~3 "
         r"(?:at random|without (?:looking|reading|checking)|carelessly|blindly|any old how)(?![\w'])",
         unless_before=r"if|whether|so|that|don'?t|never"),
]
RUDE["uk"] += [
    Rule("talks down to the customer",                    # «Спробую пояснити ще простіше, раз із першого разу не дійшло»
         r"(?:з|із) першого разу ~2 не (?:дійшло|доходить|дійде|второпал\w*|второпав|допетрал\w*|допетрав|засвоїл\w*)"
         r"|раз (?:вам|тобі) (?:це )?(?:так )?(?:важко|складно|тяжко) (?:дається|даються|зрозуміти|збагнути)"
         r"|(?:може|можливо|сподіваюся|сподіваюсь) (?:хоч )?(?:так|тепер|цього разу) (?:до вас )?(?:дійде|дійшло|второпаєте|допетраєте)"
         r"|(?<!ще\s)(?<!перший\s)(?<!один\s)(?<!цей\s)(?<!той\s)раз ~3 не (?:дійшло|доходить|второпал\w*|второпав|допетрал\w*|допетрав)(?![\w'])"
         r"|не (?:квантова|ядерна) фізика|не (?:вища математика|бі?ном ньютона|ракетобудування|ракетна наука)"),
    Rule("talks down to the customer",                    # «Поки ви не навчитеся чітко формулювати питання, …»
         r"(?:(?:поки|доки|допоки) (?:ви|ти) не|коли(?: ви| ти)?) (?:навчитеся|навчитесь|навчишся|навчилися|навчились) ~3 "
         r"(?:формулювати|питати|запитувати|висловлюватис\w*|говорити|пояснювати|читати|писати|слухати)"
         r"|(?:навчіться|навчися|спершу навчіться|спочатку навчіться) ~2 (?:формулювати|висловлюватис\w*|питати|запитувати|пояснювати|говорити)"),
]
RUDE["en"] += [
    Rule("talks down to the customer",                    # "since it didn't sink in the first time", "it's not brain surgery"
         r"(?:since|as|because) (?:it|that|this) (?:clearly |obviously )?(?:isn'?t|is not|didn'?t|did not|doesn'?t|does not|won'?t|hasn'?t) (?:seem to |quite )?"
         r"(?:sink(?:ing)? in|get(?:ting)? through|go(?:ing)? in|register(?:ing)?)"
         r"|not (?:exactly |really )?(?:rocket science|brain surgery|quantum physics|advanced maths?|higher maths?)"
         r"|(?:seems to be|is|must be) (?:such a|a real|quite a) struggle for you|(?:as|since) (?:it|this|that) (?:seems to be |is )?(?:so |this )?(?:hard|difficult) for you"
         r"|(?:maybe|perhaps|hopefully) (?:that|this|then it) (?:will|'ll) (?:finally )?(?:get through|sink in)|draw you a picture"),
    Rule("talks down to the customer",                    # "Until you learn to ask a clear question, …"
         r"(?:until|once|when) you (?:(?:have )?learn(?:ed|t)?|figure out how|know how) to (?:ask|speak|explain|express|phrase|read|talk|listen|write|get to the point)"
         r"|first learn (?:how )?to (?:ask|speak|explain|express|phrase|say|talk)"
         r"|learn (?:how )?to (?:ask|phrase|express) (?:yourself|a question|your question|questions|a clear|a proper)"),
    Rule("reminds the customer it was explained before",   # "I've gone over this three times now, how many more"
         r"(?:i'?ve|i have) (?:gone|been) (?:over|through) (?:this|that|it) ~2 (?:twice|(?:two|three|four|five|several|many|a few|a dozen|a hundred|\d+) times)"
         r"|how many more(?: times)?(?=\s*\||\s*$)"),
]
DEFLECT["uk"] += [
    Rule("sends the customer away",                       # «з'ясовуйте з мережами самостійно»
         r"(?:з'ясовуйте|розбирайтеся|розбирайтесь|вирішуйте|домовляйтеся|домовляйтесь|розгрібайте|шукайте) ~5 (?:самостійно|самі|сам|сама)(?![\w'])"
         + _NO_HELP_AFTER, unless_before=r"можете|можна|зможете"),
]
DEFLECT["en"] += [
    Rule("sends the customer away",                       # "sort it out with the network yourself"
         r"(?:(?:sort|figure|work|straighten|find) (?:it |this |that |things )?out|(?:deal with|fix) (?:it|this|that)) ~5 (?:yourself|on your own)(?![\w'])" + _NO_HELP_AFTER,
         unless_before=r"can|could|also|easily|to|able|help"),
    Rule("sends the customer away",                       # "you'll need to find somebody else"
         r"(?:(?:find|look for|ask|call|ring|phone|contact|try|get hold of|speak to|talk to|go to) (?:someone|somebody|anyone|anybody) else"
         r"|(?:find|look for) (?:someone|somebody) (?:who|that) (?:actually |really )?(?:knows|deals|handles)"
         r")" + _NO_HELP_AFTER, unless_before=r"i|i'll|we|we'll|me|us|let|rather|prefer|want|wish|like|told|telling|asked|asking"),
    Rule("sends the customer away",                       # "somebody else can tell you", "ask somewhere else"
         r"(?:(?:someone|somebody) else (?:can|will|could|should) (?:tell|explain|help|answer|deal)"
         r"|(?:ask|try|call|go|look) (?:somewhere|someplace) else|(?:ask|try|go|look) elsewhere)" + _NO_HELP_AFTER,
         unless_before=r"i|i'll|we|we'll|let|if|can|could"),
    Rule("sends the customer away",                       # "so you'll have to deal with them"
         r"you'?(?:ll| will) (?:have|need) to (?:deal|sort (?:it|this|that) out|take (?:it|this|that) up|argue|have it out|fight it out) with"
         r" (?:them|it|him|her|your bank|the bank|the network|the grid|your app|the app)(?![\w'])" + _NO_HELP_AFTER),
    Rule("blames another party",                          # "your bank messed it up"
         r"(?:bank|network|grid|app|post office|system|government)(?:'s| has| have)? (?:\w+ )?(?:messed|screwed|mucked|botched) (?:it |this |that |things )?up"
         + _NO_HELP_AFTER),
]
SECRET_OBJECT["uk"].append(Rule("asks for a one-time code",    # «а що там у вас прийшло в есемесці»
     r"(?:що|які|яке) (?:там |тут )?(?:у вас |в вас |до вас |вам |тобі )(?:там |тут )?(?:прийшл\w*|надійшл\w*|написано) (?:в|у) "
     r"(?:смс\w*|sms|есемес\w*|смск\w*|повідомлен\w*|вайбер\w*|viber|телеграм\w*)"))
SECRET_ASK["en"] += r"|take (?:a |an )?(?:quick |clear )?(?:photo|pic|picture|snap|snapshot|screenshot|scan)|snap|photograph|scan"
# Someone else asked the customer for it («ви пишете, що вас просили надіслати фото картки»): a report, not a request.
SECRET_THIRD_PARTY["uk"] += r"|просили|попросили|вимагали|прохали"
SECRET_THIRD_PARTY["en"] += r"|asked|demanded"
FORBIDDEN_FAMILIES["uk"] += [
    Family("call back later", r"передзвон|зателефону|наберіть|подзвон", [
        Rule("tells the customer to call again later",     # «а можна ви ще раз зателефонуєте ближче до вечора»
             r"(?:зателефонуєте|подзвоните|наберете|передзвоните) (?:нам |нас |мені |ще раз |знову )*(?:десь |трохи |може )?"
             r"(?:пізніше|згодом|завтра|ближче до (?:вечора|обіду|кінця дня)|надвечір|увечері|ввечері|після обіду|по обіді|іншим разом|в інший (?:час|день)|через \w+)")],
           conditional=True),
    Family("nothing I can do", r"нічим не можу|нічого не мож|нічого не вдію", [
        Rule("says nothing can be done",                   # «З цим я вам, на жаль, ніяк не зараджу»
             r"(?:(?:ніяк|нічим) (?:вам |тут |з цим |вже )?не (?:зараджу|зарадимо|допоможу|допоможемо)"
             r"|(?:в|у) (?:мене|нас) (?:\w+ )?(?:зв'язані|зв'язан\w*) руки|руки (?:в|у) (?:мене|нас) (?:\w+ )?зв'язан\w*)" + _NO_HELP_AFTER)]),
]
FORBIDDEN_FAMILIES["en"] += [
    Family("call back later", r"call (?:us |me )?(?:back|again)|call later", [
        Rule("tells the customer to call again later",     # "could you ring us again sometime this evening"
             r"(?:call|ring|phone|try) (?:us |me |back |again |calling )*(?:sometime |some time |maybe |perhaps |a bit |a little )"
             r"(?:later|tomorrow|this (?:afternoon|evening)|tonight|after lunch|in the (?:afternoon|evening|morning))",
             unless_before=r"i'll|we'll|i|we|let|me|us")], conditional=True),
    Family("nothing I can do", r"nothing (?:i|we) can do|can'?t do anything", [
        Rule("says nothing can be done",                   # "my hands are completely tied on this one"
             r"(?:my|our) hands are (?:\w+ )?tied" + _NO_HELP_AFTER)]),
    Family("company policy", r"policy", [
        Rule("hides behind the rules",                     # "That's simply how things are done here"
             r"(?:that'?s|it'?s|this is) (?:just |simply |only )?(?:how|the way) (?:things are done|it'?s done|we do (?:things|it)|things work|it works)"
             r"(?: (?:here|around here|at this company|in this company))?")]),
]
RUDE["uk"].append(Rule("talks down to the customer",       # «тепер не дивуйтеся»: a taunt after what the customer chose
     r"(?:тепер|то|тож|от) (?:й |і )?не (?:дивуйтеся|дивуйтесь|ображайтеся|ображайтесь)(?=\s*\||\s*$)"))
RUDE["en"].append(Rule("talks down to the customer",
     r"(?:so |then |now )?(?:don'?t|do not) (?:be|act) (?:so )?surprised(?: now| then)?(?=\s*\||\s*$)"))
DEFLECT["uk"] += [
    Rule("sends the customer away",                       # «знайдіть когось, хто в цьому розбирається», «питайте деінде»
         r"(?:(?:знайдіть|шукайте|пошукайте) (?:собі )?(?:когось|кого іншого|кого-небудь|деінде|в іншому місці)"
         r"|(?:питайте|спитайте|запитайте|звертайтеся|звертайтесь) (?:деінде|в іншому місці|десь інде))" + _NO_HELP_AFTER,
         unless_before=r"я|ми|можете|можна"),
    Rule("sends the customer away",                       # «розбиратися з банком доведеться вам самим»
         r"(?:розбиратися|розбиратись|з'ясовувати|вирішувати|домовлятися|домовлятись) ~5 (?:самим|самому|самій|самостійно)(?![\w'])" + _NO_HELP_AFTER,
         unless_before=r"можете|можна|зможете|не"),
]
DEFLECT["en"].append(Rule("says they have nothing to do with it",
     r"(?:we'?ve|we have|i'?ve|i have) (?:got )?nothing to do with (?:it|this|that)" + _NO_HELP_AFTER))
# A one-time code asked for as what the message says or shows («що написано в повідомленні», "what
# the message you've just received says"), a screenshot of it, the digits that popped up in it; a PIN
# as the digits typed at a cash machine; a photo of the card asked for with "send a photo".
SECRET_OBJECT["uk"] += [
    Rule("asks for a one-time code",
         r"(?:що|які|яке) (?:саме |там |ж )*(?:написано|пишуть|вказано|прийшло|надійшло) (?:в|у) (?:\w+ )?(?:смс\w*|sms|есемес\w*|смск\w*|повідомлен\w*)"
         r"(?= (?:[\w']+ ){0,3}?(?:яке|який|що) (?:\w+ )?(?:щойно|тільки що|зараз|вам) )"
         r"|(?:що|які|яке) (?:\w+ )?(?:вам|тобі) (?:там |тут )?(?:\w+ )?(?:прислав|прислали|надіслав|надіслали|написав|написали|прийшло|надійшло) (?:в|у) (?:смс\w*|sms|есемес\w*|повідомлен\w*)"
         r"|(?:скрін\w*|скриншот\w*|фото\w*|знім\w*) (?:\w+ )?(?:смс\w*|sms|есемес\w*|повідомлен\w*)"
         r"|цифр\w* (?:які|що) ~3 (?:висвітил\w*|з'явил\w*|спливл\w*|висвічу\w*) ~5 (?:смс\w*|sms|есемес\w*|повідомлен\w*)"),
]
SECRET_OBJECT["en"] += [
    Rule("asks for a one-time code",
         r"what (?:exactly )?(?:the|that|this) (?:text |sms )?message (?:you'?ve |you have |you )?(?:just )?(?:received|got) says"
         r"|what (?:did|has) (?:the bank|your bank|the app|we|they) (?:just )?(?:send|sent) you in (?:the|that|this|your) (?:text|sms|message)"
         r"|(?:screenshot|photo|picture|screen ?grab) of (?:the|that|this|your) (?:bank'?s |bank )?(?:text|sms|message)"
         r"|(?:digits|numbers|code) (?:that )?(?:just )?(?:popped up|appeared|came up) ~5 (?:text|sms|message|screen)"),
    Rule("asks for a PIN",
         r"(?:four|4) digits? ~4 (?:cash|atm|cash machine|cashpoint)|digits you (?:type|enter|use|punch in) (?:at|in|to take|to withdraw|to get)"),
]
SECRET_ASK["en"] += (r"|send(?= (?:a|an|the|your) (?:\w+ )?(?:photo|pic|picture|scan|copy|screenshot|snap))"
                     r"|take(?= (?:a |an )?(?:quick |clear )?(?:photo|pic|picture|snap|snapshot|screenshot|scan))")
REGULATOR["uk"] += [
    Rule("says a complaint is not worth the effort",      # «скаржитися до регулятора — тільки нерви собі псувати»
         r"(?:тільки|лише|просто) (?:нерви|час|гроші|здоров'я) (?:собі )?(?:псувати|марнувати|гаяти|витрачати|тратити|тріпати)"
         r"|(?:а|і|та) (?:що )?толку|толку (?:мало|нуль|ніякого|жодного|не буде|немає|нема)|яка (?:з того|з цього) користь",
         needs=r"нкрекп|регулятор\w*|омбудсмен\w*|скарг\w*|скаржит\w*"),
    Rule("discourages a complaint",                       # «давайте без регулятора»
         r"(?:давайте|краще|обійдімося|обійдемося) (?:вже )?без (?:нкрекп|регулятор\w*|омбудсмен\w*|скарг\w*)"),
]
REGULATOR["en"] += [
    Rule("says a complaint is not worth the effort",
         r"(?:just |only )?(?:a way to |going to )?(?:wreck|waste|ruin|fray|lose) your (?:nerves|time|energy)|what'?s the (?:use|point)|(?:no|little) use",
         needs=r"neurc|nerc|nkrekp|regulator|ombudsman|complain\w*|complaint\w*"),
    Rule("discourages a complaint",
         r"leave (?:the )?(?:regulator|neurc|nerc|ombudsman) out of (?:it|this)|(?:they'?ll|they will|it'?ll|it will) side with (?:the company|us|the supplier) anyway"),
]
THREAT["uk"].append(Rule("threatens to end the call",  # «будете й далі кричати — я просто відключуся»
     r"(?:я )?(?:просто |тоді )?(?:відключуся|відключусь|від'єднаюся|від'єднаюсь|вийду з розмови|вийду з чату)", needs=_BEHAVIOUR_UK))
SECRET_OBJECT["uk"].append(Rule("asks for card details", rf"ім'я (?:та прізвище |і прізвище )?(?:власника )?(?:на|з|із) {_CARD}"))
SECRET_ASK["uk"] += r"|зніміть|сфотографуйте|сфоткайте|відскануйте"
SECRET_ASK_AFTER["uk"] += r"|перешліть|скиньте"


# --- Session 19, families behind probes 12-13's misses (issue 9) -----------------------------------
# Session 18's rules matched probe 12's wordings; these are frames for the family each miss belongs
# to, in both languages, written from the family and not from one wording: a call back at any vague
# or later time; "not my invention / nobody will change it / that's how the company is set up"; what
# "came" or "landed" on the phone asked to be read out, forwarded or shown (a request word and a
# received-message object anywhere in the clause); "a topic for someone else", "on your own", "we're
# on the sidelines"; blame as "and now you're surprised", "what did you expect"; condescension as
# "spell it out letter by letter", "chew it over for you"; a threat to the customer's request or its
# place in the queue. Stems (\w*) take the Ukrainian word forms.
_LATER_UK = (r"пізніше|згодом|на (?:тому|цьому|наступному|іншому) тижні|завтра|післязавтра|іншим разом|якось (?:іншим разом|потім|пізніше)|колись|потім|як-небудь|в інший (?:час|день|раз)"
             r"|наступн\w* (?:тижн\w*|місяц\w*|дн\w*|раз\w*)|на наступному тижні|цього тижня|через (?:\w+ )?(?:годин\w*|дн\w*|день|тиждень|тижн\w*|місяц\w*|хвилин\w*)"
             r"|після (?:вихідних|свят|обіду)|на вихідних|(?:в|у) понеділок|(?:в|у) кінці (?:тижня|місяця)|ближче до (?:вечора|обіду|кінця \w+)")
_LATER_EN = (r"later(?: on)?|tomorrow|another (?:time|day)|sometime|someday|some (?:other )?(?:time|day)|next (?:week|month|time)|after the (?:holidays|weekend|new year)"
             r"|(?:later |at the end of |by the end of )?this week|on monday|after the weekend|over the weekend|in (?:a|an|a few|a couple of|\w+) (?:hours?|days?|weeks?|minutes?)"
             r"|this (?:afternoon|evening)|tonight|after lunch|in the (?:afternoon|evening|morning)")
_CALL_UK = (r"(?:передзвон|зателефон|подзвон|додзвон|дозвон|телефону|зверн|зверта|пиш|напиш)\w*?(?:іть|йте|ите|ете|итес[яь]|ітес[яь]|етес[яь]|ітьс[яь]|йтес[яь])"
            r"|наберіть|наберете|набирайте"
            r"|спробуйте (?:ще раз |знову )?(?:набрати|зателефонувати|подзвонити|додзвонитис\w*|звернутис\w*|написати)")
_CALL_EN = (r"(?:call|ring|phone|try|contact|reach|write to|message|get back to|get through to|come back to) (?:us|me|again|back)"
            r"|(?:try|keep) (?:calling|ringing|phoning|getting through|reaching us|to get through|to reach us)|get through to us|give us a (?:ring|call|bell)|get in touch|drop us a (?:line|message|note)")
FORBIDDEN_FAMILIES["uk"].append(Family("call back later", r"передзвон|зателефону|наберіть|подзвон|пізніше", [
    Rule("tells the customer to call again later",
         rf"(?:{_CALL_UK}) (?:[\w']+ ){{0,3}}?(?:десь |може |трохи |вже )?(?:{_LATER_UK})(?![\w'])",
         unless_before=r"я|ми|вам|можете|можна")], conditional=True))
FORBIDDEN_FAMILIES["en"].append(Family("call back later", r"call (?:us |me )?(?:back|again)|call later|later", [
    Rule("tells the customer to call again later",
         rf"(?:{_CALL_EN}) (?:[\w']+ ){{0,3}}?(?:(?:maybe|perhaps|again|back) )?(?:{_LATER_EN})(?![\w'])",
         unless_before=_CALLER_NOT_US + r"|can|could|you'?re welcome")], conditional=True))
# A call back at an unnamed time («якось іншим разом», "sometime next week") with no step of the
# operator's own is a brush-off whatever the scenario forbids.
DEFLECT["uk"].append(Rule("puts the customer off to some other time",
     rf"(?:{_CALL_UK}) (?:[\w']+ ){{0,3}}?(?:десь|якось|колись|як-небудь) (?:[\w']+ ){{0,1}}?(?:{_LATER_UK}|(?:на |в |у )?(?:іншому|наступному|інший) \w+)(?![\w'])" + _NO_HELP_AFTER,
     unless_before=r"я|ми|можете|можна|якщо"))
DEFLECT["en"].append(Rule("puts the customer off to some other time",
     rf"(?:{_CALL_EN}) (?:[\w']+ ){{0,3}}?(?:sometime|some time|someday|some day|some other (?:time|day)|another time|whenever)(?: (?:next|later|this) \w+)?(?![\w'])" + _NO_HELP_AFTER,
     unless_before=_CALLER_NOT_US + r"|if|you'?re welcome"))
# Disowning the rule the customer is upset about: "I didn't invent it", «не я це придумала»,
# "nobody's changing it", «міняти ніхто не буде», "that's just how the company's set up".
_DISOWN_VERB_UK = (r"придумал\w*|придумав|вигадал\w*|вигадав|писал\w*|писав|встановлювал\w*|встановлював|встановил\w*|встановив"
                   r"|вирішувал\w*|вирішував|запровадил\w*|запровадив|приймал\w*|приймав|затверджувал\w*|затверджував|ввел\w*|ввів")
DEFLECT["uk"] += [
    Rule("disowns the rule",
         rf"(?:не (?:я|ми) (?:\w+ ){{0,2}}?(?:{_DISOWN_VERB_UK})(?![\w'])|(?:{_DISOWN_VERB_UK}) (?:\w+ )?не (?:я|ми)(?![\w'])"
         r"|(?:це|то) не (?:моя|наша) (?:вигадка|ідея|примха|забаганка|вина)|не мені (?:це |тут )?(?:змінювати|міняти|вирішувати|скасовувати))" + _NO_HELP_AFTER),
    Rule("says nothing will change",
         r"(?:(?:міняти|змінювати|переробляти|переглядати|скасовувати|виправляти|чіпати) (?:\w+ ){0,2}?ніхто (?:не буде|не стане|не збирається|не буде нічого)"
         r"|ніхто (?:\w+ )?(?:нічого |це |цього |їх |його )?не (?:буде |стане |збирається )?(?:змін\w*|міня\w*|перероб\w*|перегляда\w*|скасову\w*|чіпат\w*))" + _NO_HELP_AFTER),
    Rule("hides behind how the company works",
         r"так (?:вже )?(?:у|в) (?:нас|компанії|системі|постачальника|нашій компанії) (?:все |усе )?(?:влаштовано|заведено|прийнято|склалося|побудовано|налаштовано|організовано)"
         r"(?=\s*(?:\||$|і |та |а |не |й |ну |ніхто |тож |нічого ))" + _NO_HELP_AFTER),
]
DEFLECT["en"] += [
    Rule("disowns the rule",
         r"(?:(?:i|we) (?:didn'?t|did not|never) (?:\w+ ){0,1}?(?:invent|make up|write|make|set|come up with|design|decide on|decide|choose|create|approve) (?:it|this|that|them|(?:the |these |those |this |our )?(?:rules?|policy|tariffs?|prices?|charges?|terms|system))(?![\w'])"
         r"|(?:it'?s|that'?s|this is|it is|that is) not my (?:invention|idea|rule|rules|decision|doing|policy)|not (?:up to me|my call) to change)" + _NO_HELP_AFTER),
    Rule("says nothing will change",
         r"(?:(?:nobody|no one|no-one)(?:'s| is)? (?:going to |gonna |about to |ever going to )?(?:chang\w*|rewrit\w*|redo|undo|budg\w*|mak\w* an exception) (?:it|this|that|them|anything)"
         r"|(?:it|that|this|the rule)(?:'s| is) not (?:going to|gonna) change)" + _NO_HELP_AFTER),
    Rule("hides behind how the company works",
         r"(?:that'?s|it'?s|this is|that is|it is) (?:just |simply |only )?(?:how|the way) (?:the company|the system|the supplier|it|things|we|everything)(?:'s| is| are| has been)? "
         r"(?:set up|built|organi[sz]ed|arranged|structured|designed|run|done here)(?![\w'])" + _NO_HELP_AFTER),
]
# "A topic for someone else", «тема для когось іншого»; "on your own", «самі якось домовтеся»;
# "we're on the sidelines", «ми тут збоку».
DEFLECT["uk"] += [
    Rule("sends the customer away",
         r"(?:(?:тема|питання|справа|проблема|історія|розмова) (?:\w+ )?(?:для|до) (?:когось|кого небудь|кого-небудь|інших|іншого|інш\w+ (?:людей|відділ\w*|служб\w*))(?: іншого| інших)?"
         r"|(?:це|то) (?:вже )?не (?:моя|наша) (?:тема|справа|проблема|парафія|компетенція|ділянка))" + _NO_HELP_AFTER,
         unless_before=r"я|ми|передала|передав|передали"),
    Rule("sends the customer away",
         r"(?:самі|сам|сама|самостійно|без нас) (?:\w+ ){0,2}?(?:домов|розбер|розбир|виріш|вирішуй|з'ясу|з'ясов|владн|улагод|порішай|розрул)\w*(?:те|теся|тесь|тися|тись|ти)(?![\w'])"
         + _NO_HELP_AFTER, unless_before=r"можете|можна|зможете|не|якщо|я|ми|мені|нам"),
    Rule("says they have nothing to do with it",
         r"(?:ми|я) (?:[\w']+ ){0,3}?(?:збоку|осторонь|ні до чого|ні при чому|ні при чім|не при ділі|не при чому|без діла)(?![\w'])"
         + _NO_HELP_AFTER),
]
DEFLECT["en"] += [
    Rule("sends the customer away",
         r"(?:(?:a|one|that'?s a|it'?s a|this is a) (?:topic|question|matter|issue|thing|conversation) for (?:someone|somebody|anyone|anybody) else"
         r"|(?:that'?s|it'?s|this is) (?:not|no) (?:my|our) (?:topic|area|department|business|concern|problem|patch|job|question)(?![\w']))" + _NO_HELP_AFTER,
         unless_before=r"i|i'll|we|we'll|passed|sent|already"),
    Rule("sends the customer away",
         r"(?:come to (?:some |an )?(?:arrangement|agreement|understanding)|sort (?:it|this|that|things) out|work (?:it|this|that|something) out|settle (?:it|this|that)"
         r"|deal with (?:it|this|that|them)|figure (?:it|this|that) out|take (?:it|this|that) up|handle (?:it|this|that)) ~6 (?:on your own|by yourself|yourself|yourselves|without us)(?![\w'])"
         + _NO_HELP_AFTER, unless_before=r"can|could|also|easily|to|able|help|i|we"),
    Rule("says they have nothing to do with it",
         r"(?:we'?re|we are|i'?m|i am) (?:just |only |really |kind of )?(?:on the sidelines?|on the side|out of (?:it|this|the loop)|not (?:involved|part of (?:it|this)))"
         + _NO_HELP_AFTER),
]
# Blame as a taunt about the customer's surprise: "and now you're surprised", «і ще дивуєтеся», "what did you expect".
BLAME["uk"].append(Rule("taunts the customer with what they did",
     r"(?:і|й|а|та) (?:(?:ще|тепер|потім|після цього|після всього|ви) )*(?:ще|тепер|потім|після цього|після всього) (?:ви )?(?:й |і )?(?:дивуєтес\w*|дивуєтесь|обурюєтес\w*|обурюєтесь|ображаєтес\w*|питаєте чому|питаєте звідки)"
     r"|(?:а |і |ну )?(?:що|чого) (?:ж |ви )*(?:ви )?(?:хотіли|очікували|чекали|думали)(?=\s*\||\s*$)"))
BLAME["en"].append(Rule("taunts the customer with what they did",
     r"(?:and|but) (?:(?:now|then|still|after all that|after that|after all this) )+you'?(?:re| are) (?:surprised|shocked|amazed|complaining|upset)|(?:and )?(?:now|then) you (?:act|seem|pretend to be) surprised"
     r"|what (?:did|do|else did|else do) you expect(?:ed)?(?=\s*\||\s*$| when| after| if)|what were you expecting(?=\s*\||\s*$)"))
# Condescension as offering to spell it out, to chew it over, to draw it: «Мені вам по буквах
# продиктувати?», "Do I need to spell it out letter by letter?", "shall I draw you a diagram".
RUDE["uk"].append(Rule("talks down to the customer",
     r"(?:по буквах|по складах|на пальцях|по слогах|по-простому для вас) (?:\w+ ){0,1}?(?:продиктувати|пояснити|розжувати|розтлумачити|показати|розписати|повторити|пояснювати)"
     r"|(?:продиктувати|пояснити|розжувати|розтлумачити|показати|розписати|повторити) (?:вам |тобі )?(?:ще й |іще )?(?:по буквах|по складах|на пальцях)"
     r"|(?:вам|тобі) (?:ще )?(?:розжувати|розжовувати)|(?:розжувати|розжовувати|розжую) (?:вам|тобі)|(?:чи|або) (?:ви |ти )?(?:самі|сам|сама) (?:вже )?(?:впораєтес\w*|впораєтесь|впораєшся|здогадаєтес\w*|розберетес\w*)(?=\s*\||\s*$)",
     unless_before=r"якщо"))
RUDE["en"].append(Rule("talks down to the customer",
     r"(?:spell|say|repeat|explain|dictate) (?:it|this|that)(?: out)? (?:for you )?(?:letter by letter|word by word|syllable by syllable|in capitals)|(?:do|shall|should|must) i (?:need to |have to )?(?:spell (?:it|this|that) out|draw you|use smaller words|talk slower)"
     r"|(?:or )?(?:can|could) you (?:manage|cope|handle (?:that|it)|figure (?:that|it) out)(?: (?:it|that|yourself|on your own|by yourself))?(?: this time)?(?=\s*\||\s*$)",
     needs=r"spell|letter by letter|word by word|syllable|sink in|slowly|simpl\w*|again|draw|smaller words|or can you|or could you"))
# A threat to the customer's request or its place in the queue: «ваше звернення ляже в самий низ черги», "your request goes to the bottom of the pile".
_REQUEST_UK = r"(?:ваш\w* |цей |ця |це )?(?:звернен\w*|заявк\w*|запит\w*|скарг\w*|справ\w*|питанн\w*)"
_REQUEST_EN = r"(?:your |this |the )?(?:request|complaint|case|ticket|query|application|claim|issue)"
THREAT["uk"] += [
    Rule("threatens the customer's request",
         rf"{_REQUEST_UK} (?:[\w']+ ){{0,3}}?(?:ляже|піде|полетить|опиниться|відправиться|потрапить|переміститься|перейде|поїде|відкладеться|відкладу|відкладемо)"
         r" (?:[\w']+ ){0,3}?(?:низ|кінець|хвіст|кінці|довгий ящик|шухляду|смітник|кошик|останн\w*)(?![\w'])"
         r"|(?:в|у|на) (?:самий )?(?:низ|кінець|хвіст) (?:черги|списку|стосу)",
         needs=_BEHAVIOUR_UK + r"|продовж\w*|ще раз|далі|(?:в|у) такому (?:дусі|ключі)"),
    Rule("threatens the customer's request",
         rf"{_REQUEST_UK} (?:[\w']+ ){{0,3}}?(?:полежить|почекає|зачекає|постоїть|буде лежати|лежатиме|чекатиме|відкладеться|не розглядатиметься|не буде розглянут\w*)",
         needs=_BEHAVIOUR_UK + r"|(?:поки|доки|допоки) (?:ви )?не (?:навчит|заспокоїт|перестанет|припинит|зміните)\w*"),
]
THREAT["en"] += [
    Rule("threatens the customer's request",
         rf"{_REQUEST_EN} (?:[\w']+ ){{0,4}}?(?:goes|go|will go|'ll go|gets|get|will get|ends up|will end up|is going|lands|will land|moves|drops|is put|gets put|will be put)"
         r" (?:[\w']+ ){0,3}?(?:bottom|back|end) of the (?:queue|pile|list|line|stack)"
         r"|(?:bottom|back|end) of the (?:queue|pile|list|line|stack)",
         needs=_BEHAVIOUR_EN + r"|keep (?:it|going)|carry on|once more|again"),
    Rule("threatens the customer's request",
         rf"{_REQUEST_EN} (?:[\w']+ ){{0,3}}?(?:will|'ll|can|is going to|gets to)? ?(?:just )?(?:sit|wait|stay|be delayed|be put on hold|go on hold|be parked|be shelved|gather dust)(?![\w'])",
         needs=_BEHAVIOUR_EN + r"|until you (?:learn|calm|stop|change)\w*"),
]
# What "came", "landed" or "popped up" on the customer's phone asked to be read out, forwarded or
# shown, anywhere in the clause: «а можете зачитати, що вам там зараз на телефон надійшло»,
# "could you read out whatever just landed on your phone". The received thing is a secret only
# when it came just now or came by phone, message or from the bank: "the amount that came on the
# bill" is not.
_CAME_UK = (r"прийшл\w*|прийшов|надійшл\w*|надійшов|прилетіл\w*|прилетів|з'явил\w*|з'явився|висвітил\w*|висвітився|висвічу\w*|вискочил\w*|спливл\w*"
            r"|надіслал\w*|надіслав|прислал\w*|прислав|написал\w*|написав|отримал\w*|отримав|пришл\w*")
_CHANNEL_UK = (r"(?:на|у|в|від|з|із|по) (?:ваш\w* |свій |свого |своєму )?(?:телефон\w*|мобільн\w*|смартфон\w*|екран\w*|банк\w*|смс\w*|sms|есемес\w*"
               r"|повідомлен\w*|вайбер\w*|viber|телеграм\w*|месенджер\w*|пошт\w*|застосун\w*|додат\w*)")
_RECEIVED_UK = r"(?:що|те що|то що|все що|усе що|яке|які|(?:те |це |останнє )?(?:повідомлен\w*|смс\w*|есемес\w*|смск\w*|цифр\w*|сповіщен\w*)(?: що| яке| які)?)"
SECRET_OBJECT["uk"].append(Rule("asks for a one-time code",
     rf"{_RECEIVED_UK} (?:[\w']+ ){{0,3}}?(?:щойно|тільки що|зараз|оце|саме зараз|нещодавно|тепер) (?:[\w']+ ){{0,3}}?(?:{_CAME_UK})(?![\w'])"
     rf"|{_RECEIVED_UK} (?:[\w']+ ){{0,3}}?(?:{_CAME_UK}) (?:[\w']+ ){{0,2}}?{_CHANNEL_UK}"
     rf"|{_RECEIVED_UK} (?:[\w']+ ){{0,3}}?{_CHANNEL_UK} (?:[\w']+ ){{0,2}}?(?:{_CAME_UK})(?![\w'])"))
_CAME_EN = (r"came|come|arrived|landed|popped up|flashed up|flashed|came up|pinged|showed up|appeared|come through|came through|came in|got sent|was sent|were sent"
            r"|sent you|texted you|messaged you|you got|you(?:'ve| have)? received|you(?:'ve| have) got")
_CHANNEL_EN = r"(?:on|to|in|into|from|through|via|by) (?:your |the |that )?(?:phone|mobile|screen|bank|texts?|sms|messages?|inbox|app|notifications?|viber|whatsapp|telegram)"
_RECEIVED_EN = r"(?:what(?:ever)?|the (?:text|message|sms|notification|digits|numbers)|that (?:text|message|sms|notification)|anything|everything|the thing|the one)"
SECRET_OBJECT["en"].append(Rule("asks for a one-time code",
     rf"{_RECEIVED_EN} (?:that )?(?:[\w']+ ){{0,3}}?(?:just|now|a moment ago|a second ago|right now|a minute ago) (?:[\w']+ ){{0,2}}?(?:{_CAME_EN})(?![\w'])"
     rf"|{_RECEIVED_EN} (?:that )?(?:[\w']+ ){{0,3}}?(?:{_CAME_EN}) (?:[\w']+ ){{0,2}}?{_CHANNEL_EN}(?![\w'])"))
SECRET_ASK["en"] += r"|read (?:out|off|back)|forward|copy|paste|screenshot|photograph|snap|show me|show us"
SECRET_ASK["uk"] += r"|можете (?:\w+ )?(?:зачитати|прочитати|переслати|скинути|надіслати|продиктувати|сказати|назвати|сфотографувати)|перешліть|покажіть|зачитаєте|прочитаєте|перешлете|скинете"

# Explaining the rules and then taking the next step oneself is no hiding behind them: «такі правила
# розстрочки, я розумію, що це незручно; давайте я перевірю, що можна зробити», "those are the rules, but
# let me see what I can do" (the routing every deflection rule allows, _NO_HELP_AFTER). A near miss of
# probe 14 (seen, so not a fresh figure); dev split: the same recall and precision.
for _families in FORBIDDEN_FAMILIES.values():
    _families[:] = [family._replace(said=[rule._replace(pattern=f"(?:{rule.pattern}){_NO_HELP_AFTER}") for rule in family.said])
                    if family.name == "company policy" else family for family in _families]
