"""The voice check on a page: the three sentences with a recorder each, the "Check" button, and
the verdict in plain words; the offer before a trainee's first spoken reply; one line for staff.

The measuring is simulator.voice.check's, the keeping the store's. Owns ``voice_check.*`` of
st.session_state: the last result shown per user and language (so it stays on the page after
a rerun), whether the check was opened from the call page, and whether the trainee put it off
("Later") for this browser session.
"""
from __future__ import annotations

import streamlit as st

from simulator.services.practice import PracticeSession
from simulator.store import Store, User, VoiceCheckRecord
from simulator.texts import formats
from simulator.texts.labels import Labels
from simulator.voice import check
from simulator.voice.asr import AsrBusy, AsrError
from simulator.voice.models import ModelError


RESULT = "voice_check.result"     # {(user id, language): VoiceCheck} the last check run here
OPEN = "voice_check.open"         # the check was opened from the call page
LATER = "voice_check.later"       # the trainee put it off for this browser session
OFFERED_TO = ("trainee",)         # trainers try scenarios too, but their voice is not what is being checked


def render(store: Store, user: User, language: str, tr: Labels, key: str = "voice_check") -> None:
    """The check in ``language``: a complete check is saved and the page runs again (so what
    it shows of past checks is up to date), with the result kept on it."""
    st.caption(tr("vc_intro"))
    recordings = []
    for number, sentence in enumerate(check.SENTENCES[language], 1):
        st.markdown(f"**{tr('vc_sentence', number=number)}:** {sentence}")
        recording = st.audio_input(tr("vc_record", number=number), key=f"{key}.{language}.{number}",
                                   label_visibility="collapsed")
        recordings.append(recording)
    ready = all(r is not None for r in recordings)
    if st.button(tr("vc_run"), key=f"{key}.{language}.run", type="primary", icon=":material/graphic_eq:",
                 disabled=not ready, help=None if ready else tr("vc_run_help")):
        _run(store, user, language, [r.getvalue() for r in recordings], tr)
    last = st.session_state.get(RESULT, {}).get((user.id, language))
    if last is not None:
        show(last, tr)


def _run(store: Store, user: User, language: str, recordings: list[bytes], tr: Labels) -> None:
    with st.status(tr("vc_running"), expanded=False) as status:
        try:
            result = check.check(recordings, language)
        except AsrBusy:
            status.update(label=tr("vc_failed"), state="error")
            st.error(tr("vc_busy"))
            return
        except (AsrError, ModelError) as exc:
            status.update(label=tr("vc_failed"), state="error")
            st.error(tr("asr_failed", error=formats.literal(exc)))
            return
        status.update(label=tr("vc_done") if result.complete else tr("vc_failed"),
                      state="complete" if result.complete else "error")
    st.session_state.setdefault(RESULT, {})[(user.id, language)] = result
    if result.complete:
        store.save_voice_check(user, **result.to_record(), device=_user_agent())
        st.rerun()


def show(result: check.VoiceCheck, tr: Labels) -> None:
    """The verdict in plain words, what to do about it, and what was heard of each sentence."""
    if not result.complete:
        st.error(tr("vc_incomplete"))
        for number, sentence in enumerate(result.sentences, 1):
            if sentence.problem is not None:
                st.warning(tr("vc_sentence_problem", number=number, message=sentence.problem.text(tr.language)))
        return
    message = {check.RELIABLE: st.success, check.CAREFUL: st.warning, check.UNRELIABLE: st.error}[result.verdict]
    message(tr(f"vc_verdict_{result.verdict}"))
    for reason in result.reasons:
        st.markdown(f"- {tr(f'vc_reason_{reason}')}")
    for number, sentence in enumerate(result.sentences, 1):
        heard = tr("vc_heard", heard=formats.literal(sentence.heard)) if sentence.heard else tr("vc_heard_nothing")
        st.markdown(f"{number}. {heard} ({tr(f'vc_quality_{sentence.quality}')})")
    st.caption(tr("vc_figures", cer=f"{result.cer:.0%}", unclear=f"{result.unclear_share:.0%}",
                  level=f"{result.level_db:.0f}", recogniser=formats.literal(result.recogniser)))


def last_line(record: VoiceCheckRecord | None, tr: Labels) -> str:
    """The trainee's own last check in one line, or that there is none."""
    if record is None:
        return tr("vc_never")
    return tr("vc_last", language=tr(f"language_{record.language}"), when=formats.moment(record.created_at),
              verdict=tr(f"vc_short_{record.verdict}"))


def staff_line(store: Store, viewer: User, user_id: int, tr: Labels) -> str:
    """A trainee's newest check per language in one line, for trainers and HR."""
    latest = store.latest_voice_checks(viewer, user_id)
    if not latest:
        return tr("vc_staff_none")
    return tr("vc_staff_line", checks="; ".join(
        f"{tr(f'language_{language}')}: {tr(f'vc_short_{record.verdict}')} ({formats.moment(record.created_at)})"
        for language, record in latest.items()))


def offer(store: Store, user: User, practice: PracticeSession, tr: Labels) -> bool:
    """Before a trainee's first spoken reply (a practice call not yet answered, no check in its
    language, not put off): the offer, or the check itself once accepted. True while the check
    is showing, in place of the reply recorder."""
    language = practice.scenario.language
    if st.session_state.get(OPEN) == practice.attempt_id:
        with st.container(border=True):
            st.subheader(tr("vc_title"))
            render(store, user, language, tr, key="voice_check.call")
            if st.button(tr("vc_back_to_call"), key="voice_check.call.back", icon=":material/call:"):
                st.session_state.pop(OPEN, None)
                st.rerun()
        return True
    if (user.role not in OFFERED_TO or practice.exam or len(practice.turns) != 1 or st.session_state.get(LATER)
            or store.voice_checks(user, language=language, limit=1)):
        return False
    with st.container(border=True):
        st.markdown(f"**{tr('vc_offer_title')}**")
        st.caption(tr("vc_offer_text"))
        with st.container(horizontal=True):
            now = st.button(tr("vc_offer_now"), key="voice_check.offer.now", icon=":material/mic:")
            later = st.button(tr("vc_offer_later"), key="voice_check.offer.later")
    if now:
        st.session_state[OPEN] = practice.attempt_id
        st.rerun()
    if later:
        st.session_state[LATER] = True
        st.rerun()
    return False


def _user_agent() -> str:
    """The browser's user agent, to tell trainers which device a check was made on ("" when unknown)."""
    agent = st.context.headers.get("User-Agent")
    return agent if isinstance(agent, str) else ""
