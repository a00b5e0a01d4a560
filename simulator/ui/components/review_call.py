"""One finished call under review, named by the address (``?attempt=ID``): the machine's
scorecard and the reviewed score beside it, then one reply at a time, picked by its number:
what the customer and the trainee said (labelled by role: the reviewer is not the one who
answered), the recording, the scores and evidence, the reply's overrides, and the override
form when the trainer asks for it (owns ``review_call.*``)."""
from __future__ import annotations

import streamlit as st

from simulator.scoring.marks import points
from simulator.store import (
    Attempt,
    AttemptDetail,
    AudioFiles,
    NotFound,
    TurnRecord,
    User,
)
from simulator.texts import formats
from simulator.texts.labels import Labels

from .. import links, services
from . import review_notes, review_override, scorecard_view, scoring_tuning, turn_feedback, voice_check

PARAM = "attempt"


def chosen() -> int | None:
    """The call the address names, if any; links.BadLink when it names no possible call."""
    return links.record_id(PARAM)


def open_call(attempt_id: int) -> None:
    st.query_params[PARAM] = str(attempt_id)
    st.rerun()


def close() -> None:
    st.query_params.pop(PARAM, None)
    st.rerun()


def render(user: User, attempt_id: int, tr: Labels) -> None:
    if st.button(tr("review_back"), key="review_call.back", icon=":material/arrow_back:"):
        close()
    try:
        detail = services.store().attempt_detail(user, attempt_id)
    except PermissionError:
        st.error(tr("access_denied"))
        return
    except NotFound:
        st.warning(tr("review_no_call"))
        return
    attempt = detail.attempt
    st.title(formats.literal(attempt.title))
    st.caption(" · ".join([formats.literal(attempt.username), tr(f"mode_{attempt.mode}"), formats.moment(attempt.finished_at)]))
    if any(turn.audio_key for turn in detail.turns):     # a spoken call: how well the trainee's set-up is heard
        st.caption(voice_check.staff_line(services.store(), user, attempt.user_id, tr))
    if attempt.status != "completed" or detail.scorecard is None:
        st.info(tr("review_not_finished", state=tr(f"state_{attempt.status}")))
        return
    scorecard_view.summary(detail, tr)
    _machine_and_reviewed(attempt, tr)
    scoring_tuning.untuned(detail.scorecard, tr)       # a tuned call: what the scorer's own scores were
    turn = _pick_turn(detail, tr)
    if turn is not None:
        _turn(user, detail, turn, tr, services.audio_files())


def _machine_and_reviewed(attempt: Attempt, tr: Labels) -> None:
    machine, reviewed = st.columns(2)
    machine.metric(tr("review_machine_score"), review_notes.points(attempt.overall))
    if attempt.reviewed:
        reviewed.metric(tr("review_reviewed_score"), review_notes.points(attempt.reviewed_overall),
                        delta=f"{attempt.reviewed_overall - attempt.overall:+.0f}")
    else:
        reviewed.metric(tr("review_reviewed_score"), "—", help=tr("review_not_reviewed"))
    st.caption(tr("review_critical_line", machine=review_notes.yes_no(attempt.critical, tr),
                  reviewed=review_notes.yes_no(attempt.effective_critical, tr)))


def _pick_turn(detail: AttemptDetail, tr: Labels) -> TurnRecord | None:
    """The reply shown: one button per reply with its score (the reviewed one after an override)."""
    turns = {turn.index: turn for turn in detail.turns}
    if not turns:
        return None

    def option(index: int) -> str:
        override = detail.override_of(index)
        score = review_notes.points(turns[index].overall)
        if override is not None:
            score += f" → {points(override.overall)}"
        return tr("review_reply_option", number=index + 1, score=score)

    chosen = st.segmented_control(tr("review_pick_reply"), list(turns), format_func=option, required=True,
                                  default=next(iter(turns)), key=f"review_call.{detail.attempt.id}.turn")
    return turns[chosen if chosen in turns else next(iter(turns))]


def _turn(user: User, detail: AttemptDetail, turn: TurnRecord, tr: Labels, audio: AudioFiles) -> None:
    with st.container(border=True, key=f"review_call.turn.{turn.index}"):
        st.markdown(f"##### {tr('review_turn_heading', number=turn.index + 1)}")
        scorecard_view.transcript(turn, tr, audio, speaker=tr("review_trainee_said"))
        if turn.score:
            with st.expander(tr("turn_feedback", number=turn.index + 1)):
                turn_feedback.render(turn.score, tr)
        review_notes.turn_history(detail, turn.index, tr)
        if turn.overall is None:
            st.caption(tr("review_silent_turn"))
        else:
            review_override.render(user, detail, turn, tr)
