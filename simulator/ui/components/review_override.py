"""A trainer's override of one scored reply: a new score, the critical flag and a required
comment, saved through the store (owns the ``review_override.*`` keys of st.session_state).
The form opens when the trainer asks for it (a button), and closes when saved or cancelled.

The save runs in the submit button's callback, before the page is drawn again, so the call's
reviewed score and the turn's history already include it. What came of the save is kept under
``review_override.notice`` and shown once, under the form it came from. A refused save keeps
everything that was typed and leaves the form open; a saved one empties the comment and closes it.
"""
from __future__ import annotations

import streamlit as st

from simulator.store import AttemptDetail, NotFound, TurnRecord, User
from simulator.texts import limits, refusals
from simulator.texts.labels import Labels
from simulator.user_text import TooLong

from .. import services
from .review_notes import points

NOTICE = "review_override.notice"


def render(user: User, detail: AttemptDetail, turn: TurnRecord, tr: Labels) -> None:
    """The form for a scored turn; the current score and flag (the newest override's) as defaults."""
    prefix = f"review_override.{detail.attempt.id}.{turn.index}"
    current = detail.override_of(turn.index)
    score, critical = (current.overall, current.critical) if current else (turn.overall, turn.critical)
    if not st.session_state.get(f"{prefix}.open"):
        st.button(tr("review_override_open"), key=f"{prefix}.start", icon=":material/edit:",
                  on_click=_open, args=(prefix, True))
        _show_notice(prefix)
        return
    with st.form(prefix):
        st.markdown(f"**{tr('review_override_heading', number=turn.index + 1)}**")
        left, right = st.columns(2, vertical_alignment="bottom")
        left.number_input(tr("review_new_score"), min_value=0, max_value=100, value=round(score), step=1, key=f"{prefix}.score")
        right.checkbox(tr("review_critical"), value=critical, help=tr("review_critical_help"), key=f"{prefix}.critical")
        st.text_area(tr("review_comment"), height=80, key=f"{prefix}.comment")
        with st.container(horizontal=True):
            st.form_submit_button(tr("review_save"), key=f"{prefix}.save", type="primary", icon=":material/save:",
                                  on_click=_save, args=(user, detail.attempt.id, turn, prefix, tr))
            st.form_submit_button(tr("review_override_cancel"), key=f"{prefix}.cancel", on_click=_open,
                                  args=(prefix, False))
    _show_notice(prefix)


def _open(prefix: str, is_open: bool) -> None:
    st.session_state[f"{prefix}.open"] = is_open


def _save(user: User, attempt_id: int, turn: TurnRecord, prefix: str, tr: Labels) -> None:
    state = st.session_state
    comment = state[f"{prefix}.comment"]
    if not comment.strip():
        state[NOTICE] = (prefix, False, tr("review_comment_required"))
        return
    try:
        saved = services.store().override_turn(user, attempt_id, turn.index, overall=float(state[f"{prefix}.score"]),
                                               critical=bool(state[f"{prefix}.critical"]), comment=comment)
    except PermissionError:
        state[NOTICE] = (prefix, False, tr("review_not_allowed"))
    except NotFound:
        state[NOTICE] = (prefix, False, tr("review_turn_gone"))
    except TooLong as exc:
        state[NOTICE] = (prefix, False, limits.message(exc, tr))
    except ValueError as exc:
        state[NOTICE] = (prefix, False, tr("review_refused", reason=refusals.message(exc, tr)))
    else:
        state[NOTICE] = (prefix, True, tr("review_saved", number=turn.index + 1, original=points(saved.original_overall),
                                          new=points(saved.overall)))
        state[f"{prefix}.comment"] = ""
        state[f"{prefix}.open"] = False


def _show_notice(prefix: str) -> None:
    notice = st.session_state.get(NOTICE)
    if notice is None or notice[0] != prefix:
        return
    del st.session_state[NOTICE]
    _, ok, message = notice
    if ok:
        st.success(message, icon=":material/check_circle:")
    else:
        st.error(message, icon=":material/error:")
