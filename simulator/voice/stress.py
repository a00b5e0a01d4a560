"""Ukrainian word stress for the customer voice: espeak-ng phoneme input where espeak-ng is wrong.

espeak-ng 1.51 misplaces the stress of many Ukrainian words (раху́нок said рахуно́к, показники́
said пока́зники, село́ said се́ло) and ignores stress marks (U+0301) in Ukrainian text. What works
(see shared ARCHITECTURE.md): take the stressed vowel from the `ukrainian-word-stress` dictionary
(dictionary mode only: its default Stanza mode downloads models), take espeak-ng's own phonemes of
the word (`espeak-ng -v uk -q -x`), move the primary stress mark `'` before that vowel and speak
the word as `[[phonemes]]` inside the sentence (tts.py renders such text with espeak-ng's phoneme
input on).

Only words whose stress espeak-ng gets wrong are replaced; everything else stays text. Left
alone: words the dictionary does not know, words with two accepted stresses (до́гові́р) or two
readings (за́мок/замо́к), one-vowel words, abbreviations, hyphenated and mixed-script words, and any
word whose phonemes do not line up vowel for vowel with its spelling. `mark` never raises: on any
error it returns the text unchanged. Phonemes are cached per word and looked up in one
espeak-ng call per line.

Off by default; SIMULATOR_TTS_STRESS=1 turns marking on (see `enabled`).
"""

from __future__ import annotations

import logging
import re
import shutil
import subprocess
import threading

from simulator import settings

log = logging.getLogger(__name__)

PACKAGE_VERSION = "2.1.0"  # ukrainian-word-stress, as pinned (requirements-nodeps.txt)
# Part of tts's cache key when marking is on: bump when the marking rules change.
VERSION = f"1-uws{PACKAGE_VERSION}"
ESPEAK_TIMEOUT = 5.0  # seconds for one espeak-ng phoneme look-up of a line's words
MAX_CACHED_WORDS = 50_000

_LETTERS = "А-Яа-яІіЇїЄєҐґ"
_WORD = re.compile(rf"[{_LETTERS}]+(?:['’ʼ][{_LETTERS}]+)*")
_VOWELS = set("аеєиіїоуюяАЕЄИІЇОУЮЯ")
_MARK = "\u0301"
# espeak-ng's Ukrainian vowel mnemonics (A: stressed а, V: unstressed о); '@' only appears as
# the epenthetic schwa "@-", which is no syllable of the spelling.
_ESPEAK_VOWEL = re.compile(r"[aAeEiIoOuUVy]")
_PAUSES = re.compile(r"(?:_[:!]?)+")
# The vowel to say under stress, by letter (и keeps espeak-ng's own mnemonic).
_STRESSED = {"а": "a", "я": "a", "о": "o", "е": "e", "є": "e", "у": "u", "ю": "u", "і": "i", "ї": "i"}
# What espeak-ng says for a letter out of stress where that differs from the stressed vowel.
_UNSTRESSED = {"о": "V", "е": "i", "є": "i"}

_lock = threading.Lock()
_stressifier = None
_unavailable: str | None = None  # why marking cannot run here (logged once)
_words: dict[str, str | None] = {}  # lower-case word -> its [[phonemes]], or None: leave as text


def enabled() -> bool:
    """Whether Ukrainian lines are stress-marked (SIMULATOR_TTS_STRESS=1/true/on/yes; off by
    default: with it on, Whisper base took our Ukrainian test line for English, and the CER
    gain was small, 0.601 -> 0.586 over 131 lines)."""
    return settings.current().tts_stress


def mark(text: str) -> str:
    """`text` with each word espeak-ng would stress wrongly replaced by `[[phonemes]]`.

    Never raises: any failure returns `text` unchanged (the line is then said as before).
    """
    try:
        return _mark(text)
    except Exception as exc:  # noqa: BLE001 - a voice must never fail for want of stress
        log.warning("Ukrainian stress marking skipped (%s: %s)", type(exc).__name__, exc)
        return text


def has_phonemes(text: str) -> bool:
    return "[[" in text


def clear_cache() -> None:
    with _lock:
        _words.clear()


def _mark(text: str) -> str:
    spans = [m for m in _WORD.finditer(text) if _candidate(text, m)]
    if not spans:
        return text
    wanted = sorted({_norm(m.group()) for m in spans})
    with _lock:
        missing = [w for w in wanted if w not in _words]
    if missing:
        found = _look_up(missing)
        with _lock:
            if len(_words) + len(found) > MAX_CACHED_WORDS:
                _words.clear()
            _words.update(found)
    with _lock:
        phonemes = {w: _words.get(w) for w in wanted}
    out, last = [], 0
    for m in spans:
        ph = phonemes.get(_norm(m.group()))
        if ph:
            out += [text[last : m.start()], f"[[{ph}]]"]
            last = m.end()
    if not out:
        return text
    out.append(text[last:])
    return "".join(out)


def _norm(word: str) -> str:
    return word.lower().replace("’", "'").replace("ʼ", "'")


def _candidate(text: str, m: re.Match) -> bool:
    word = m.group()
    if sum(ch in _VOWELS for ch in word) < 2:
        return False  # nothing to move
    if len(word) > 1 and word.isupper():
        return False  # an abbreviation, spelled out by espeak-ng
    before = text[m.start() - 1] if m.start() else " "
    after = text[m.end()] if m.end() < len(text) else " "
    # part of a hyphenated or mixed-script word (EIC-код, інтернет-банкінг): leave to espeak-ng
    return not (before == "-" or after == "-" or before.isalnum() or after.isalnum() or before in "[]" or after in "[]")


def _look_up(words: list[str]) -> dict[str, str | None]:
    """Each word's `[[...]]` phonemes when espeak-ng's stress differs from the dictionary's."""
    stressifier = _get_stressifier()
    dictionary = {w: _stressed_vowel(stressifier(w)) for w in words}
    asked = [w for w in words if dictionary[w] is not None]
    result: dict[str, str | None] = {w: None for w in words}
    if not asked:
        return result
    said = _espeak_phonemes(asked)
    for word in asked:
        if word in said:
            result[word] = _moved(word, said[word], dictionary[word])
    return result


def _get_stressifier():
    global _stressifier, _unavailable
    with _lock:
        if _stressifier is None:
            if _unavailable:
                raise RuntimeError(_unavailable)
            try:
                from ukrainian_word_stress import Stressifier
                from ukrainian_word_stress.stressify_ import Disambiguation, OnAmbiguity

                # Dictionary mode only: the default (Stanza) downloads ~500 MB of models.
                _stressifier = Stressifier(
                    stress_symbol=_MARK, on_ambiguity=OnAmbiguity.Skip, disambiguation=Disambiguation.Dictionary
                )
            except Exception as exc:  # noqa: BLE001
                _unavailable = f"ukrainian-word-stress is not available ({exc})"
                raise RuntimeError(_unavailable) from None
        return _stressifier


def _stressed_vowel(stressed: str) -> int | None:
    """The index among the vowels of the single stressed vowel, None when none or several."""
    if stressed.count(_MARK) != 1:
        return None
    index = -1
    for ch in stressed:
        if ch in _VOWELS:
            index += 1
        elif ch == _MARK:
            return index
    return None


def _espeak_phonemes(words: list[str]) -> dict[str, str]:
    """espeak-ng's phonemes of each word (one call for all, one word a line); a word whose
    output cannot be told apart is left out."""
    binary = shutil.which("espeak-ng")
    if binary is None:
        raise RuntimeError("espeak-ng is not installed")
    run = subprocess.run(
        [binary, "-v", "uk", "-q", "-x"], input="\n".join(words) + "\n", capture_output=True, text=True,
        timeout=ESPEAK_TIMEOUT, check=True,
    )
    tokens = [t for t in (_PAUSES.sub("", t) for t in run.stdout.split()) if t]
    if len(tokens) == len(words):
        return dict(zip(words, tokens))
    if len(words) == 1:
        return {}
    log.debug("espeak-ng gave %d phoneme words for %d words: one at a time", len(tokens), len(words))
    found = {}
    for word in words:
        found.update(_espeak_phonemes([word]))
    return found


def _moved(word: str, phonemes: str, stressed: int) -> str | None:
    """`phonemes` with the primary stress on vowel `stressed`, or None when espeak-ng already
    stresses it or the phonemes do not line up vowel for vowel with the spelling."""
    letters = [ch for ch in word if ch in _VOWELS]
    if "'" not in phonemes:
        return None
    bare = phonemes.replace("'", "").replace(",", "")
    vowels = [m.start() for m in _ESPEAK_VOWEL.finditer(bare)]
    if len(vowels) != len(letters):
        return None
    said = _ESPEAK_VOWEL.findall(phonemes.split("'", 1)[0].replace(",", ""))
    if len(said) == stressed and phonemes.count("'") == 1:
        return None  # espeak-ng already stresses this vowel
    chars = list(bare)
    for k, pos in enumerate(vowels):
        letter = letters[k]
        if k == stressed:
            chars[pos] = "'" + _STRESSED.get(letter, chars[pos])
        elif chars[pos] in "aA" or chars[pos] == "o":
            chars[pos] = _UNSTRESSED.get(letter, "a" if chars[pos] in "aA" else chars[pos])
        elif chars[pos] == "e":
            chars[pos] = _UNSTRESSED.get(letter, "e")
    return "".join(chars)
