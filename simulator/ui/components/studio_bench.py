"""The "Test bench" tab: the scenario's sample replies scored at their nodes by the real scorer
on every rerun (so every edit re-scores them), the expectations they break, and how their
scores moved since the published version (a move of 5 points or more, or an expectation that
now holds or no longer holds, is flagged). The full evidence of each sample is one click away.
"""
from __future__ import annotations

import pandas as pd
import streamlit as st

from simulator.services.catalogue import parse
from simulator.scenario.model import Scenario
from simulator.scoring.marks import points
from simulator.store import ScenarioVersion
from simulator.services.studio import samples
from simulator.texts.formats import literal
from simulator.texts.labels import Labels

from . import turn_feedback

YES, NO, NONE = "✓", "✗", "—"


def render(scenario: Scenario | None, published: ScenarioVersion | None, tr: Labels) -> None:
    if scenario is None:
        st.info(tr("studio_needs_valid"))
        return
    try:
        results = samples.run(scenario)
    except ValueError as exc:
        st.error(literal(exc))
        return
    if not results:
        st.info(tr("studio_no_samples"))
        return
    st.caption(tr("studio_bench_help"))
    st.dataframe(table(results, tr), hide_index=True)
    broken = samples.warnings(results, tr.language)
    for message in broken:
        st.warning(literal(message))     # quotes the samples
    if not broken:
        st.success(tr("studio_expectations_met", count=len(results)))
    if published is not None:
        _compare(published, results, tr)
    for k, result in enumerate(results, start=1):
        with st.expander(tr("studio_sample_heading", number=k, label=samples.label_name(result.label, tr.language),
                            node=literal(result.node), score=str(points(result.overall)))):
            evidence(result, tr)


def table(results: list[samples.SampleResult], tr: Labels) -> pd.DataFrame:
    """One row per sample, the scores before the long texts so that they stay in view."""
    return pd.DataFrame({
        tr("studio_column_node"): [r.node for r in results],
        tr("studio_column_label"): [samples.label_name(r.label, tr.language) for r in results],
        tr("score_overall"): [points(r.overall) for r in results],
        tr("studio_column_passes"): [YES if r.passes else NO for r in results],
        tr("studio_column_expected"): [NONE if r.expected is None else YES if r.expected else NO for r in results],
        tr("column_reply"): [r.reply for r in results],
        tr("studio_column_said"): ["; ".join(f.id for f in r.facts_said) or NONE for r in results],
        tr("studio_column_missing"): ["; ".join(f.id for f in r.facts_missing) or NONE for r in results],
        tr("studio_column_hurt"): ["; ".join(r.hurt) or NONE for r in results],
        tr("column_critical"): ["; ".join(f.phrase for f in r.critical) or NONE for r in results],
    })


def evidence(result: samples.ReplyResult, tr: Labels) -> None:
    """What the scorer found in one reply, as a trainee would see it, and whether it passes."""
    verdict = "studio_passes" if result.passes else "studio_fails"
    st.markdown(f"«{literal(result.reply)}»")
    st.caption(tr(verdict, score=str(points(result.overall)), mark=result.pass_mark))
    turn_feedback.render(result.score.to_dict(), tr)
    if result.feedback:
        st.markdown(f"**{tr('studio_feedback_lines')}**")
        st.markdown("\n".join(f"- {literal(line)}" for line in result.feedback))


def _compare(published: ScenarioVersion, results: list[samples.SampleResult], tr: Labels) -> None:
    before_scenario = parse(published.content_hash, published.yaml_text, published.shared_steps)
    if before_scenario is None:
        return
    try:
        before = samples.run(before_scenario)
    except ValueError:
        return
    changes = samples.compare(before, results)
    flagged = [c for c in changes if c.flagged]
    st.markdown(f"**{tr('studio_compare_heading', version=published.version)}**")
    if flagged:
        st.warning(tr("studio_compare_flagged", count=len(flagged), points=samples.CHANGE_POINTS))
    else:
        st.success(tr("studio_compare_steady", points=samples.CHANGE_POINTS))
    st.dataframe(pd.DataFrame({
        tr("studio_column_node"): [c.node for c in changes],
        tr("studio_column_label"): [samples.label_name(c.label, tr.language) for c in changes],
        tr("studio_column_before"): [_points(c.before) for c in changes],
        tr("studio_column_after"): [_points(c.after) for c in changes],
        tr("studio_column_delta"): [NONE if c.delta is None else f"{c.delta:+.0f}" for c in changes],
        tr("studio_column_flag"): [_flag(c, tr) for c in changes],
        tr("column_reply"): [c.reply for c in changes],
    }), hide_index=True)


def _flag(change: samples.Change, tr: Labels) -> str:
    if change.before is None:
        return tr("studio_change_new")
    if change.after is None:
        return tr("studio_change_gone")
    notes = ([tr("studio_change_big")] if change.big else []) + ([tr("studio_change_flipped")] if change.flipped else [])
    return ", ".join(notes) or NONE


def _points(value: float | None) -> str:
    return NONE if value is None else str(points(value))
