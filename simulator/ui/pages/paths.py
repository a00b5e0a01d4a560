"""Where the group leaves the good path (issue 17), for trainers and HR: one scenario's branch
map with the share of calls that reached each step going each way from it, and the key facts
missed there most often, for a group and period (the readiness dashboard's filters). Reruns
are left out, as in every report."""
from __future__ import annotations

import datetime as dt

import pandas as pd
import streamlit as st

from simulator.services.catalogue import Playable
from simulator.services.learning.branch_map import BranchMap
from simulator.services.learning.cohort import cohort_map
from simulator.store.call_turns import scenario_calls
from simulator.store.report_queries import Filters
from simulator.texts.formats import literal
from simulator.texts.labels import Labels
from simulator.ui import access, services, session
from simulator.ui.components import branch_map, readiness_filters
from simulator.ui.components.branch_map_svg import svg


def render() -> None:
    user = access.require("paths")
    tr = session.labels(user)
    store = services.store()
    st.title(tr("nav_paths"))
    st.caption(tr("cohort_caption"))
    chosen = readiness_filters.render(store.groups(), tr)
    offered = sorted((p for p in services.catalogue().values() if chosen.language in (None, p.scenario.language)),
                     key=lambda p: (p.scenario.language != tr.language, p.scenario.title))
    if not offered:
        st.info(tr("no_scenarios"))
        return
    titles = {p.scenario.id: p for p in offered}
    picked = titles[st.selectbox(tr("cohort_scenario"), list(titles), key="paths.scenario",
                                 format_func=lambda i: titles[i].scenario.title)]
    filters = Filters(since=dt.datetime.combine(chosen.since, dt.time(), dt.timezone.utc),
                      until=dt.datetime.combine(chosen.until + dt.timedelta(days=1), dt.time(), dt.timezone.utc),
                      group=chosen.group, language=chosen.language)
    calls = scenario_calls(store, user, picked.scenario.id, filters)
    if not calls:
        st.info(tr("cohort_none"))
        return
    result = cohort_map(picked.scenario, calls, branch_map.reference(picked.version))
    st.subheader(literal(picked.scenario.title))
    st.caption(tr("cohort_calls", count=result.attempts))
    drawing = svg(result, tr)
    with st.container(key="paths.map"):
        st.image(drawing, alt=tr("map_heading"))     # an image: st.html's sanitiser drops SVG
    st.download_button(tr("map_download"), drawing, file_name=f"paths-{picked.scenario.id}.svg", mime="image/svg+xml",
                       key="paths.download", icon=":material/print:")
    st.dataframe(_table(result, picked, tr), hide_index=True)


def _table(result: BranchMap, picked: Playable, tr: Labels) -> pd.DataFrame:
    """Each branch taken, in words: from which step, where to, the share, and the misses at the step."""
    def name(node_id: str) -> str:
        node = result.nodes[node_id]
        return tr(f"outcome_{node.end}") if node.end else node.line

    rows = []
    for edge in result.edges:
        share = edge.share(result.nodes[edge.source].reached)
        if not edge.taken or share is None:
            continue
        rows.append({tr("cohort_from"): name(edge.source), tr("cohort_to"): name(edge.target),
                     tr("cohort_share"): tr("map_share", share=round(100 * share)),
                     tr("cohort_missed"): "; ".join(f"{fact} ({count})" for fact, count in result.nodes[edge.source].missed)})
    return pd.DataFrame(rows)


if __name__ == "__main__":
    render()
