"""The scorecard of a finished call, from what the store saved: pass or fail and why, the
score per dimension, every turn with its evidence and the closest reference answer, the
trainee's own recordings, and a trainer's review when there is one (the reviewed score beside
the machine's, and each override on its turn). ``summary`` and ``transcript`` are shared with
the trainers' review page."""
from __future__ import annotations

from collections.abc import Callable

import pandas as pd
import streamlit as st

from simulator.scoring.marks import points
from simulator.store import AttemptDetail, AudioFiles, TurnOverride, TurnRecord
from simulator.texts.formats import literal
from simulator.texts.labels import Labels

from . import review_notes, scoring_tuning, turn_feedback


def render(detail: AttemptDetail, tr: Labels, audio: AudioFiles, *, then: Callable[[], None] | None = None,
           speaker: str | None = None) -> None:
    """The scorecard; ``then``: what to draw between the verdict and the replies (what to do next);
    ``speaker``: who gave the replies, as staff see them (the trainee sees «Ви»)."""
    if detail.scorecard is None:
        st.warning(tr("no_scorecard"))
        if then is not None:
            then()
        return
    summary(detail, tr)
    review_notes.call_banner(detail.attempt, tr)
    if then is not None:
        then()
    if not detail.turns:    # ended before any reply (saved so before abandoned calls were left unscored)
        return
    st.subheader(tr("turns_heading"))
    st.table(_turn_table(detail, tr))
    for turn in detail.turns:
        with st.expander(tr("turn_title", number=turn.index + 1, line=literal(_short(turn.customer_line)))):
            transcript(turn, tr, audio, speaker)
            if turn.score:
                turn_feedback.render(turn.score, tr)
            review_notes.turn_history(detail, turn.index, tr)


def summary(detail: AttemptDetail, tr: Labels) -> None:
    """Pass or fail and why, the score per dimension, the outcome and the time (as the machine scored them),
    and which tuning of the scorer scored them (issue 16)."""
    card = detail.scorecard
    values = {"score": points(card["overall"]), "mark": card["pass_mark"], "outcome": tr(f"outcome_{card['outcome']}")}
    if card["passed"]:
        st.success(tr("verdict_passed", **values), icon=":material/check_circle:")
    else:
        st.error(tr("verdict_failed", **values), icon=":material/cancel:")
        st.markdown("\n".join(f"- {tr(f'reason_{reason}', **values)}" for reason in card["reasons"]))

    time = card["time"]
    columns = st.columns(4)
    columns[0].metric(tr("score_overall"), f"{points(card['overall'])}", help=tr("pass_mark_help", mark=card["pass_mark"]))
    columns[1].metric(tr("score_accuracy"), f"{points(card['accuracy'])}")
    columns[2].metric(tr("score_empathy"), f"{points(card['empathy'])}")
    columns[3].metric(tr("score_time"), f"{points(time['score'])}")
    st.caption(" · ".join([
        tr("call_outcome", outcome=values["outcome"]),
        tr("call_time", seconds=round(time["seconds"]), target=round(time["target"]), band=tr(f"band_{time['band']}")),
        tr("silent_turns", count=card["silent_turns"]),
    ]))
    scoring_tuning.caption(detail.attempt.id, tr)


def transcript(turn: TurnRecord, tr: Labels, audio: AudioFiles, speaker: str | None = None) -> None:
    """What the customer said, what the trainee said (under ``speaker``; «Ви» by default), and
    the trainee's recording when kept."""
    st.markdown(f"**{tr('customer_said')}** {literal(turn.customer_line)}")
    st.markdown(f"**{speaker or tr('you_said')}** " + (f"_{tr('silence_given')}_" if turn.silent else literal(turn.reply)))
    if turn.audio_key:
        try:
            st.audio(audio.load(turn.audio_key), format="audio/wav")
        except (FileNotFoundError, ValueError):
            st.caption(tr("recording_gone"))


def _turn_table(detail: AttemptDetail, tr: Labels) -> pd.DataFrame:
    rows = [
        {
            tr("column_turn"): turn.index + 1,
            tr("column_reply"): tr("silence_given") if turn.silent else literal(_short(turn.reply, 90)),    # st.table renders Markdown
            tr("score_overall"): _reviewed(review_notes.points(turn.overall), detail.override_of(turn.index)),
            tr("score_accuracy"): review_notes.points(turn.accuracy),
            tr("score_empathy"): review_notes.points(turn.empathy),
            tr("score_time"): review_notes.points(turn.time_score),
            tr("column_critical"): "!" if _critical(turn, detail.override_of(turn.index)) else "",
        }
        for turn in detail.turns
    ]
    return pd.DataFrame(rows).set_index(tr("column_turn"))


def _reviewed(machine: str, override: TurnOverride | None) -> str:
    return machine if override is None else f"{machine} → {points(override.overall)}"


def _critical(turn: TurnRecord, override: TurnOverride | None) -> bool:
    return turn.critical if override is None else override.critical


def _short(text: str, limit: int = 70) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
