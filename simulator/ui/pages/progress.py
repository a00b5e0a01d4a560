"""My progress: scores over time, strengths and weakest areas, every past attempt, and the
voice check (the last one's verdict, and the check itself on demand)."""
from __future__ import annotations

import altair as alt
import pandas as pd
import streamlit as st

from simulator.store import ProgressPoint, Store, User
from simulator.texts.labels import LANGUAGES, Labels
from simulator.ui import access, services, session
from simulator.ui.components import attempt_list, voice_check


def render() -> None:
    user = access.require("progress")
    tr = session.labels(user)
    store = services.store()
    st.title(tr("progress_title"))
    progress = store.progress(user)
    if not progress.points:
        st.info(tr("no_progress"))
    else:
        st.subheader(tr("scores_over_time"))
        st.altair_chart(_chart(progress.points, tr))
        passed = sum(p.passed for p in progress.points)
        st.caption(tr("passed_count", passed=passed, total=len(progress.points)))

    if progress.skills:
        columns = st.columns(3)
        for column, skill in zip(columns, ("accuracy", "empathy", "time")):
            column.metric(tr(f"skill_{skill}"), f"{progress.skills[skill]:.0f}")
    if progress.weak_categories or progress.missed_facts:
        st.subheader(tr("weakest_areas"))
        for category in progress.weak_categories[:3]:
            st.markdown(f"- {tr(f'category_{category.category}')}: "
                        f"{tr('category_mean', mean=round(category.mean), replies=category.replies)}")
        if progress.missed_facts:
            st.markdown(f"**{tr('missed_facts')}**")
            st.dataframe(
                pd.DataFrame(
                    {
                        tr("column_fact"): [f.fact for f in progress.missed_facts],
                        tr("column_scenario"): [f.scenario_id for f in progress.missed_facts],
                        tr("column_missed"): [f"{f.missed} / {f.asked}" for f in progress.missed_facts],
                    }
                ),
                hide_index=True,
            )
    attempt_list.render(store.attempts(user, user.id, limit=100), tr)
    _voice_check(store, user, tr)


def _voice_check(store: Store, user: User, tr: Labels) -> None:
    """The trainee's last voice check, and the check itself on demand (folded away)."""
    st.subheader(tr("vc_title"))
    latest = store.latest_voice_checks(user)
    for record in latest.values():
        st.caption(voice_check.last_line(record, tr))
    if not latest:
        st.caption(voice_check.last_line(None, tr))
    with st.expander(tr("vc_open"), icon=":material/mic:"):
        language = st.radio(tr("vc_language"), list(LANGUAGES), index=list(LANGUAGES).index(tr.language), horizontal=True,
                            key="progress.voice_check.language", format_func=lambda code: tr(f"language_{code}"))
        voice_check.render(store, user, language, tr, key="progress.voice_check")


def _chart(points: list[ProgressPoint], tr: Labels) -> alt.Chart:
    """One line per dimension over the finish times, a point per call (its title on hover)."""
    wide = pd.DataFrame(
        {
            "finished": [p.finished_at for p in points],
            "scenario": [p.title for p in points],
            "overall": [p.overall for p in points],
            "accuracy": [p.accuracy for p in points],
            "empathy": [p.empathy for p in points],
            "time": [p.time_score for p in points],
        }
    )
    long = wide.melt(id_vars=["finished", "scenario"], var_name="dimension", value_name="points")
    long["dimension"] = long["dimension"].map(lambda d: tr(f"score_{d}"))
    return (
        alt.Chart(long)
        .mark_line(point=True)
        .encode(
            x=alt.X("finished:T", title=tr("column_finished"), axis=alt.Axis(format="%d.%m %H:%M")),
            y=alt.Y("points:Q", title=tr("points"), scale=alt.Scale(domain=[0, 100])),
            color=alt.Color("dimension:N", title=None),
            tooltip=[alt.Tooltip("scenario:N", title=tr("column_scenario")), alt.Tooltip("dimension:N", title=None),
                     alt.Tooltip("points:Q", title=tr("points"), format=".0f")],
        )
    )


if __name__ == "__main__":
    render()
