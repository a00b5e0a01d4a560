"""The scorecard of a finished call, from what the store saved: pass or fail and why, the
score per dimension, every turn with its evidence and the closest reference answer, and the
trainee's own recordings."""
from __future__ import annotations

import pandas as pd
import streamlit as st

from simulator.store import AttemptDetail, AudioFiles

from ..labels import Labels
from . import turn_feedback


def render(detail: AttemptDetail, tr: Labels, audio: AudioFiles) -> None:
    card = detail.scorecard
    if card is None:
        st.warning(tr("no_scorecard"))
        return
    values = {"score": round(card["overall"]), "mark": card["pass_mark"], "outcome": tr(f"outcome_{card['outcome']}")}
    if card["passed"]:
        st.success(tr("verdict_passed", **values), icon=":material/check_circle:")
    else:
        st.error(tr("verdict_failed", **values), icon=":material/cancel:")
        st.markdown("\n".join(f"- {tr(f'reason_{reason}', **values)}" for reason in card["reasons"]))

    time = card["time"]
    columns = st.columns(4)
    columns[0].metric(tr("score_overall"), f"{card['overall']:.0f}", help=tr("pass_mark_help", mark=card["pass_mark"]))
    columns[1].metric(tr("score_accuracy"), f"{card['accuracy']:.0f}")
    columns[2].metric(tr("score_empathy"), f"{card['empathy']:.0f}")
    columns[3].metric(tr("score_time"), f"{time['score']:.0f}")
    st.caption(" · ".join([
        tr("call_outcome", outcome=values["outcome"]),
        tr("call_time", seconds=round(time["seconds"]), target=round(time["target"]), band=tr(f"band_{time['band']}")),
        tr("silent_turns", count=card["silent_turns"]),
    ]))

    st.subheader(tr("turns_heading"))
    st.table(_turn_table(detail, tr))
    for turn in detail.turns:
        with st.expander(tr("turn_title", number=turn.index + 1, line=_short(turn.customer_line))):
            st.markdown(f"**{tr('customer_said')}** {turn.customer_line}")
            st.markdown(f"**{tr('you_said')}** " + (f"_{tr('silence_given')}_" if turn.silent else turn.reply))
            if turn.audio_key:
                try:
                    st.audio(audio.load(turn.audio_key), format="audio/wav")
                except (FileNotFoundError, ValueError):
                    st.caption(tr("recording_gone"))
            if turn.score:
                turn_feedback.render(turn.score, tr)


def _turn_table(detail: AttemptDetail, tr: Labels) -> pd.DataFrame:
    def points(value: float | None) -> str:
        return "—" if value is None else f"{value:.0f}"

    rows = [
        {
            tr("column_turn"): turn.index + 1,
            tr("column_reply"): tr("silence_given") if turn.silent else _short(turn.reply, 90),
            tr("score_overall"): points(turn.overall),
            tr("score_accuracy"): points(turn.accuracy),
            tr("score_empathy"): points(turn.empathy),
            tr("score_time"): points(turn.time_score),
            tr("column_critical"): "!" if turn.critical else "",
        }
        for turn in detail.turns
    ]
    return pd.DataFrame(rows).set_index(tr("column_turn"))


def _short(text: str, limit: int = 70) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
