"""Hands-free voice on the call page (issue 13): the customer's line plays by itself, the
microphone stays open, the trainee just speaks, and the end of their turn is heard.

The microphone's audio comes over WebRTC (streamlit-webrtc over aiortc, on the app's own
server: no STUN or TURN server, so it works on a LAN with no way out). A fragment polls it a
few times a second and feeds the turn machine (simulator.voice.turn_taking); each finished
phrase is transcribed while the trainee goes on and the reply heard ahead
(simulator.voice.live_hearing); at the end of the turn the reply is counted as a recorded one
is (PracticeSession.reply_audio, its recording kept) and the page moves on. The customer
reacts (simulator.call.customer_behaviour): a long silence counts as the trainee's silence
(the customer asks «Алло, ви мене чуєте?»), a monologue or a rude phrase gets them cutting in.

Owns ``hands_free.*`` of st.session_state: the trainee's choice (``MODE``), the live state of
each call (``LIVE``), and ``MICROPHONE``, a stand-in microphone that tests set (an object whose
``frames()`` gives 16 kHz mono float32 arrays, or None while not connected).
"""
from __future__ import annotations

import queue
import threading
import time
from collections.abc import Callable
from concurrent.futures import Future
from dataclasses import dataclass, field

import numpy as np
import streamlit as st

from simulator.call import customer_behaviour
from simulator.services.practice import PracticeSession
from simulator.texts.formats import literal
from simulator.texts.labels import Labels
from simulator.user_text import TooLong as ReplyTooLong
from simulator.voice import audio, customer_lines
from simulator.voice.asr import AsrBusy, AsrError
from simulator.voice.live_hearing import LiveHearing, tell_phrases
from simulator.voice.models import ModelError
from simulator.voice.tts import TTSError
from simulator.voice.turn_taking import (SAMPLE_RATE, EndLikely, PauseRule, Phrase, Silence, State, TooLong, TurnEnd,
                                         TurnTaker)

from .customer_line import CUSTOMER_AVATAR

MODE = "hands_free.on"
CHOSEN = "hands_free.chosen"    # the switch's last position, kept when the page is left
LIVE = "hands_free.live"
MICROPHONE = "hands_free.microphone"
POLL_SECONDS = 0.25
RESYNC_SECONDS = 0.5            # a microphone that connects this much after the line began ignores only the rest
RTC_CONFIGURATION = {"iceServers": []}      # no STUN/TURN: the browser and this server meet on the LAN
EARLY = "hands_free.early"       # {(attempt id, turn index, line)} of lines played before their turn was shown
LINE_TAIL = 0.4                 # the browser starts a line a little after the page sends it
STATE_ICONS = {"customer_speaking": ":material/record_voice_over:", "listening": ":material/hearing:",
               "speaking": ":material/graphic_eq:", "heard": ":material/check_circle:", "thinking": ":material/hourglass_top:"}


@dataclass
class EarlyLine:
    """The customer's next line, started as soon as the turn ends while the reply is still
    being heard: known before the reply is scored (Call.foreseen_line), or, where the score
    decides, guessed from what was heard of the reply by then (Call.next_line of
    Call.provisional). When the full score brings another line, this one stops and that one
    plays; the call keeps only what the full score chose."""

    index: int                          # the turn it opens
    persona: str
    line: str
    wav: bytes
    ends: float                         # time.monotonic() when it has stopped playing
    hearing: Future                     # the reply being heard, in the background
    end: TurnEnd
    started: float                      # time.perf_counter() at the end of the turn
    counted: bool = False


@dataclass
class LiveCall:
    """What hands-free keeps of one call between polls."""

    taker: TurnTaker
    turn: int = -1                      # the turn (customer line) being answered
    hearing: LiveHearing | None = None
    texts_seen: int = 0                 # phrase transcripts looked at for rudeness so far
    rude_replies: int = 0
    cut_in: bool = False                # the customer cut in on rudeness in this turn already
    interjections: int = 0
    interjection: tuple[str, bytes] | None = None
    notice: str | None = None
    microphone: object | None = None
    timings: dict[str, float] = field(default_factory=dict)
    line_ends: float = 0.0              # time.monotonic() when the customer's current line stops playing
    connected: bool = False             # the microphone's audio is arriving
    early: EarlyLine | None = None      # the next line playing while the reply is heard


def chosen(tr: Labels) -> bool:
    """The switch between hands-free and record-and-send (off until the trainee turns it on;
    then on for their next calls in this browser session too)."""
    t = tr
    return st.toggle(t("hf_toggle"), value=st.session_state.get(CHOSEN, False), key=MODE, help=t("hf_toggle_help"),
                     on_change=_remember)


def _remember() -> None:
    st.session_state[CHOSEN] = st.session_state[MODE]


def render(practice: PracticeSession, tr: Labels, after: Callable[[PracticeSession], None],
           saving: Callable) -> None:
    """The open microphone and the turn's state. ``after(practice)`` moves the page on once a
    reply or a silence was counted; ``saving(practice, tr)`` guards what the store may refuse."""
    call = _live(practice)
    turn = practice.turns[-1]
    if call.turn != turn.index:         # a new customer line: it plays, then the trainee's turn
        if call.hearing is not None:
            call.hearing.close()
        call.turn, call.cut_in, call.interjection, call.texts_seen = turn.index, False, None, 0
        call.hearing = LiveHearing(practice.scenario, turn.node_id)
        seconds = _seconds(practice, turn.customer_line, getattr(turn, "mood", None))
        if played_early(practice.attempt_id, turn.index, turn.customer_line):     # only the rest of it is left
            seconds = max(0.0, call.early.ends - time.monotonic()) if call.early is not None else 0.0
        call.early = None
        call.line_ends = time.monotonic() + seconds
        call.taker.customer_speaks(seconds)
    microphone = st.session_state.get(MICROPHONE) or _webrtc(practice, call, tr)
    _listen(practice, call, microphone, tr, after, saving)


@st.fragment(run_every=POLL_SECONDS)
def _listen(practice: PracticeSession, call: LiveCall, microphone, tr: Labels, after, saving) -> None:
    t = tr
    if call.early is not None:
        microphone.frames()     # the customer is answering: what the microphone hears meanwhile is not a reply
        return _settle(practice, call, tr, after, saving)
    chunks = microphone.frames()
    if chunks is None:
        call.connected = False
        stopped = getattr(microphone, "stopped", False)
        st.info(t("hf_mic_off" if stopped else "hf_connecting"), icon=":material/mic_off:" if stopped else ":material/mic:")
        return
    if not call.connected:      # the audio starts arriving now: ignore only what is left of the customer's line
        call.connected = True
        left = max(0.0, call.line_ends - time.monotonic())
        if call.taker.state is State.CUSTOMER and left < call.taker.customer_seconds_left - RESYNC_SECONDS:
            call.taker.customer_speaks(left)
    behaviour = customer_behaviour.of(practice.scenario)
    for chunk in chunks:
        for event in call.taker.feed(chunk):
            if isinstance(event, Phrase):
                call.hearing.phrase(call.taker.audio, event)
            elif isinstance(event, EndLikely):
                call.hearing.ahead(call.taker.audio, event.phrase)
            elif isinstance(event, TooLong):
                _interject(practice, call, behaviour.interrupt)
            elif isinstance(event, Silence):
                with saving(practice, tr):
                    practice.silence()
                    after(practice)
                return
            elif isinstance(event, TurnEnd):
                _count(practice, call, event, tr, after, saving)
                return
        if call.taker.speaking:
            call.hearing.speaking()
        _react(practice, call, behaviour)
    _show(call, t)


def _react(practice: PracticeSession, call: LiveCall, behaviour: customer_behaviour.CustomerBehaviour) -> None:
    """Each phrase's transcript, once known: a last word that leads on earns a longer pause,
    and a rude phrase gets the customer cutting in (once a turn, where the difficulty says so)."""
    texts = call.hearing.texts
    tell_phrases(call.taker, call.hearing, call.texts_seen, practice.call)
    for text in texts[call.texts_seen:]:
        if behaviour.barge_in and not call.cut_in and customer_behaviour.is_rude(practice.scenario, text):
            call.cut_in = True
            call.rude_replies += 1
            _interject(practice, call, behaviour.cut_in)
    call.texts_seen = len(texts)


def _interject(practice: PracticeSession, call: LiveCall, lines: tuple[str, ...]) -> None:
    """The customer cuts in, angrier with each rude reply; the trainee's turn goes on after."""
    line = customer_behaviour.pick(lines, call.interjections)
    call.interjections += 1
    mood = customer_behaviour.mood(practice.scenario, getattr(practice.turns[-1], "mood", None), call.rude_replies)
    try:
        wav = customer_lines.customer_audio(practice.scenario, line, mood)
    except (TTSError, ValueError):
        wav = b""
    call.interjection = (line, wav)
    call.taker.interject(customer_lines.seconds(wav) if wav else 1.5)


def _count(practice: PracticeSession, call: LiveCall, end: TurnEnd, tr: Labels, after, saving) -> None:
    """The turn is over: the reply heard (mostly already) and counted, and the page moves on.
    When the customer's next line does not depend on the reply's score, it starts playing now
    and the reply is heard and counted while it plays (`_settle`)."""
    t = tr
    call.taker.thinking()
    started = time.perf_counter()
    if _answer_at_once(practice, call, end, started):
        return _settle(practice, call, tr, after, saving)
    _show(call, t)
    try:
        heard = call.hearing.finish(end)
    except AsrBusy:
        return _again(practice, call, t("hf_busy"))
    except (AsrError, ModelError) as exc:
        return _again(practice, call, t("hf_failed", error=literal(exc)))
    if _counted(practice, call, heard, end, started, tr, saving):
        after(practice)


def _answer_at_once(practice: PracticeSession, call: LiveCall, end: TurnEnd, started: float) -> bool:
    """Start the customer's next line and hear the reply in the background: the foreseen one,
    or the one the reply brings as heard so far (its phrases' transcripts, or its hearing
    ahead); False when nothing of the reply is known yet, or the call would end there, or the
    line cannot be voiced."""
    foreseen = practice.call.foreseen_line()
    if foreseen is None:
        text, hearing = call.hearing.so_far(end)
        foreseen = practice.call.next_line(practice.call.provisional(text, hearing=hearing))
    if foreseen is None:
        return False
    line, mood = foreseen
    try:
        wav = customer_lines.customer_audio(practice.scenario, line, mood)
    except (TTSError, ValueError):
        return False
    seconds = customer_lines.seconds(wav)
    call.early = EarlyLine(practice.turns[-1].index + 1, practice.scenario.persona.name, line, wav,
                           time.monotonic() + seconds + LINE_TAIL, _in_background(call.hearing.finish, end), end, started)
    call.taker.customer_speaks(seconds)
    st.session_state.setdefault(EARLY, set()).add((practice.attempt_id, call.early.index, line))
    return True


def _settle(practice: PracticeSession, call: LiveCall, tr: Labels, after, saving) -> None:
    """While the foreseen line plays: count the reply once it is heard, and move the page on
    once the line has been said (moving on earlier would cut it off)."""
    t = tr
    early = call.early
    if not early.counted and early.hearing.done():
        try:
            heard = early.hearing.result()
        except AsrBusy:
            return _again(practice, call, t("hf_busy"))
        except (AsrError, ModelError) as exc:
            return _again(practice, call, t("hf_failed", error=literal(exc)))
        early.counted = True
        if not _counted(practice, call, heard, early.end, early.started, tr, saving, line_played=early.line):
            return
        if practice.customer_line != early.line:    # the full score chose another line: it plays now, this one stops
            after(practice)
            return
    if early.counted and time.monotonic() >= early.ends:
        after(practice)
        return
    _show(call, t)


def _counted(practice: PracticeSession, call: LiveCall, heard, end: TurnEnd, started: float, tr: Labels,
             saving, line_played: str | None = None) -> bool:
    """The heard reply counted (its recording kept); False when it cannot be (the page says why)."""
    t = tr
    if not heard.transcript.text:
        _again(practice, call, t("hf_nothing_heard"))
        return False
    call.timings = {"finish": round(time.perf_counter() - started, 3)}
    with saving(practice, tr):
        try:
            practice.reply_audio(heard.transcript.text, heard.transcript.speech_start,
                                 audio.wav_bytes(end.audio, SAMPLE_RATE), ext="wav",
                                 processing_seconds=time.perf_counter() - started, hearing=heard.hearing,
                                 line_played=line_played)
        except ReplyTooLong as exc:     # only with a site's longer recordings
            _again(practice, call, literal(exc))
            return False
        call.notice = None
        return True
    return False


def played_early(attempt_id: int, index: int, line: str) -> bool:
    """Whether the customer's ``line`` opening turn ``index`` already played while the
    previous reply was being heard (the conversation then does not play it again)."""
    return (attempt_id, index, line) in st.session_state.get(EARLY, ())


def _in_background(work: Callable, *args) -> Future:
    future: Future = Future()

    def run() -> None:
        try:
            future.set_result(work(*args))
        except BaseException as exc:        # handed to the page, which says what went wrong
            future.set_exception(exc)

    threading.Thread(target=run, name="hands-free-hearing", daemon=True).start()
    return future


def _again(practice: PracticeSession, call: LiveCall, notice: str) -> None:
    """The reply could not be used: say why, and listen for it again."""
    call.notice = notice
    call.early = None
    call.hearing.close()
    call.hearing = LiveHearing(practice.scenario, practice.turns[-1].node_id)
    call.texts_seen = 0
    call.taker.listen()


def _show(call: LiveCall, t) -> None:
    """The turn's state (customer speaking / listening / heard you / thinking), what the
    customer cut in with, and why a reply must be said again."""
    state = call.taker.state
    name = "speaking" if state is State.LISTENING and call.taker.speaking else state.value
    with st.container(key="hands_free_state"):
        st.markdown(f"{STATE_ICONS[name]} **{t(f'hf_state_{name}')}**")
    if call.early is not None:      # the same element at each poll, so the browser plays it on to the end
        with st.chat_message("customer", avatar=CUSTOMER_AVATAR):
            st.markdown(f"**{literal(call.early.persona)}:** {literal(call.early.line)}")
            st.audio(call.early.wav, format="audio/wav", autoplay=True)
    if call.interjection is not None:
        line, wav = call.interjection
        with st.chat_message("customer", avatar=CUSTOMER_AVATAR):
            st.markdown(t("hf_interjection", line=literal(line)))
            if wav:
                st.audio(wav, format="audio/wav", autoplay=True)
    if call.notice:
        st.warning(call.notice)


def _live(practice: PracticeSession) -> LiveCall:
    calls = st.session_state.setdefault(LIVE, {})
    call = calls.get(practice.attempt_id)
    if call is None:
        behaviour = customer_behaviour.of(practice.scenario)
        rule = PauseRule(patience=behaviour.patience, max_reply=behaviour.max_reply)
        call = calls[practice.attempt_id] = LiveCall(TurnTaker(rule, language=practice.scenario.language))
        customer_lines.prepare(practice.scenario)       # every line ready before the call needs it
    return call


def _seconds(practice: PracticeSession, line: str, mood: str | None) -> float:
    """How long the customer's line plays (0 when the voice is unavailable: the page says so)."""
    try:
        return customer_lines.seconds(customer_lines.customer_audio(practice.scenario, line, mood))
    except (TTSError, ValueError):
        return 0.0


class WebRtcMicrophone:
    """The browser's microphone over WebRTC, resampled to 16 kHz mono float32."""

    def __init__(self, context):
        import av

        self.context = context
        self._resampler = av.AudioResampler(format="flt", layout="mono", rate=SAMPLE_RATE)
        self.stopped = False        # it was on, and the trainee turned it off
        self._was_on = False

    def frames(self) -> list[np.ndarray] | None:
        """The audio since the last call; None while the microphone is not connected."""
        receiver = self.context.audio_receiver if self.context.state.playing else None
        if receiver is None:
            self.stopped = self._was_on
            return None
        self.stopped, self._was_on = False, True
        try:
            frames = receiver.get_frames(block=False)
        except queue.Empty:
            return []
        out = []
        for frame in frames:
            for resampled in self._resampler.resample(frame):
                out.append(resampled.to_ndarray().reshape(-1).astype(np.float32))
        return out


def _webrtc(practice: PracticeSession, call: LiveCall, tr: Labels) -> WebRtcMicrophone:
    from streamlit_webrtc import WebRtcMode, webrtc_streamer

    t = tr
    context = webrtc_streamer(
        key=f"hands_free.mic.{practice.attempt_id}", mode=WebRtcMode.SENDONLY,
        rtc_configuration=RTC_CONFIGURATION, media_stream_constraints={"audio": True, "video": False},
        audio_receiver_size=4096, desired_playing_state=True,
        translations={"start": "START", "stop": "STOP", "device_ask_permission": t("hf_connecting")},
    )
    if call.microphone is None or call.microphone.context is not context:
        call.microphone = WebRtcMicrophone(context)
    return call.microphone
