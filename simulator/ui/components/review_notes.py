"""What a trainer's review says, for everyone who reads a scorecard: the call's reviewed score
beside the machine's, and on each turn its overrides (score before and after, the critical
flag when it changed, the comment, who and when), oldest first."""
from __future__ import annotations

import streamlit as st

from simulator.store import Attempt, AttemptDetail, TurnOverride
from simulator.texts import formats
from simulator.texts.labels import Labels
from simulator.scoring.marks import points as shown_points



def call_banner(attempt: Attempt, tr: Labels) -> None:
    """A note above the scorecard once a trainer has reviewed the call (nothing before)."""
    if not attempt.reviewed:
        return
    st.info(tr("review_banner", reviewed=points(attempt.reviewed_overall), machine=points(attempt.overall)),
            icon=":material/rate_review:")
    if attempt.effective_critical != attempt.critical:
        st.caption(tr("review_critical_set") if attempt.effective_critical else tr("review_critical_cleared"))


def turn_history(detail: AttemptDetail, turn_index: int, tr: Labels) -> None:
    """Every override of one turn, oldest first (the newest counts)."""
    overrides = of_turn(detail, turn_index)
    if not overrides:
        return
    st.markdown(f"**{tr('review_history_heading')}**")
    for override in overrides:
        st.info(f"{_line(override, tr)}  \n«{formats.literal(override.comment)}»", icon=":material/rate_review:")


def of_turn(detail: AttemptDetail, turn_index: int) -> list[TurnOverride]:
    return [o for o in detail.overrides if o.turn_index == turn_index]


def _line(override: TurnOverride, tr: Labels) -> str:
    line = tr("review_history_line", when=formats.moment(override.created_at), reviewer=formats.literal(override.reviewer) if override.reviewer else tr("review_reviewer_gone"),
              original=points(override.original_overall), new=points(override.overall))
    if override.critical != override.original_critical:
        line += " · " + tr("review_history_critical", original=yes_no(override.original_critical, tr),
                           new=yes_no(override.critical, tr))
    return line


def points(value: float | None) -> str:
    return "—" if value is None else str(shown_points(value))


def yes_no(flag: bool, tr: Labels) -> str:
    return tr("review_yes") if flag else tr("review_no")


