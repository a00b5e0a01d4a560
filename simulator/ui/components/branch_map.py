"""The branch map on a finished call's scorecard (issue 17): the scenario's graph with the
trainee's path against the reference answers' path (drawn by branch_map_svg, downloadable to
print), then each turn in words: what was said, the score, why the customer turned, where the
call left the reference path, and, when ``rewind`` is given (the trainee's own practice
call), a button to answer that line again."""
from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import replace

import streamlit as st

from simulator.scoring.marks import points
from simulator.services.catalogue import parse
from simulator.services.learning.branch_map import BranchMap, for_call, reference_path
from simulator.store import AttemptDetail, ScenarioVersion
from simulator.texts.formats import literal
from simulator.texts.labels import Labels

from .. import services
from .branch_map_svg import reason_text, svg


@functools.lru_cache(maxsize=256)
def reference(version: ScenarioVersion) -> tuple[str, ...]:
    """The reference answers' path of a scenario version (scored once per process)."""
    scenario = parse(version.content_hash, version.yaml_text, version.shared_steps)
    return tuple(reference_path(scenario)) if scenario is not None else ()


def render(detail: AttemptDetail, tr: Labels, *, rewind: Callable[[int], None] | None = None,
           speaker: str | None = None) -> None:
    """``rewind(turn_index)``: start a rerun answering that turn again (None: not offered);
    ``speaker``: who gave the replies, as staff see them (the trainee sees «Ви»)."""
    version = services.store().version(detail.attempt.scenario_version_id)
    scenario = parse(version.content_hash, version.yaml_text, version.shared_steps)
    st.subheader(tr("map_heading"))
    if scenario is None:
        st.caption(tr("map_unavailable"))
        return
    result = for_call(scenario, detail.turns, detail.attempt.outcome, reference(version))
    st.caption(tr("map_caption"))
    drawing = svg(result, tr, speaker)
    with st.container(key="branch_map"):
        st.image(drawing, alt=tr("map_heading"))     # an image: st.html's sanitiser drops SVG
    st.download_button(tr("map_download"), drawing, file_name=f"{scenario.id}-{detail.attempt.id}.svg", mime="image/svg+xml",
                       key="branch_map.download", icon=":material/print:")
    _steps(detail, result, tr, rewind, speaker or tr("you_said"))


def _steps(detail: AttemptDetail, result: BranchMap, tr: Labels, rewind: Callable[[int], None] | None, speaker: str) -> None:
    st.markdown(f"**{tr('map_steps')}**")
    visits = {v.turn: v for node in result.nodes.values() for v in node.visits}
    for turn in detail.turns:
        visit = visits[turn.index]
        with st.container(border=True, key=f"branch_map.step.{turn.index}"):
            st.markdown(tr("map_step", number=turn.index + 1, line=literal(f"«{turn.customer_line}»")))
            said = f"_{tr('silence_given')}_" if turn.silent else f"{speaker} {literal(turn.reply)}"
            score = f" · {tr('map_score', score=points(visit.overall))}" if visit.overall is not None else ""
            st.caption(said + score)
            if visit.reasons:
                why = "; ".join(reason_text(replace(r, fact=literal(r.fact)), tr) for r in visit.reasons)
                st.caption(tr("map_why", reasons=why))
            if result.left_at == turn.index:
                st.warning(tr("map_left_path"), icon=":material/alt_route:")
            if rewind is not None and st.button(tr("rewind_turn"), key=f"branch_map.rewind.{turn.index}",
                                                help=tr("rewind_help"), icon=":material/replay:"):
                rewind(turn.index)
