"""Past attempts as a table, and a picker to open one's scorecard (owns ``attempt_list.*``)."""
from __future__ import annotations

import pandas as pd
import streamlit as st

from simulator.store import Attempt
from simulator.texts import formats
from simulator.texts.labels import Labels

from .. import access
from . import scoring_tuning


def render(attempts: list[Attempt], tr: Labels) -> None:
    st.subheader(tr("past_attempts"))
    if not attempts:
        st.caption(tr("no_attempts"))
        return
    tunings = scoring_tuning.of_attempts([a.id for a in attempts])
    table = pd.DataFrame(
        {
            tr("column_started"): [formats.moment(a.started_at) for a in attempts],
            tr("column_scenario"): [a.title for a in attempts],
            tr("column_mode"): [tr(f"mode_{a.mode}") for a in attempts],
            tr("column_status"): [tr(f"state_{a.status}") for a in attempts],
            tr("score_overall"): [a.overall for a in attempts],
            tr("column_passed"): ["✓" if a.passed else ("✗" if a.passed is False else "") for a in attempts],
            tr("cal_scoring_column"): [scoring_tuning.name(tunings.get(a.id), tr) for a in attempts],
        }
    )
    st.dataframe(table, hide_index=True)
    labels = {a.id: f"{formats.moment(a.started_at)} · {a.title} · {tr(f'state_{a.status}')}" for a in attempts}
    with st.container(horizontal=True, vertical_alignment="bottom"):
        chosen = st.selectbox(tr("open_attempt"), list(labels), format_func=labels.get, key="attempt_list.chosen")
        if st.button(tr("open_scorecard"), key="attempt_list.open", icon=":material/fact_check:"):
            access.go("attempt", attempt=chosen)
