"""The audit log on the admin page: filters (dates, actions, who, concerning whom), the
entries newest first and a CSV download of what is shown (owns ``audit_log.*``). Downloading
it is itself an export, written to the log."""
from __future__ import annotations

import datetime as dt

import pandas as pd
import streamlit as st

from simulator.store import User, audit
from simulator.texts import audit_words
from simulator.texts.labels import Labels

from .. import services
from ..exports import audited
from .date_field import date_field

LIMIT = 1000


def render(admin: User, tr: Labels) -> None:
    st.caption(tr("audit_help"))
    today = dt.datetime.now(dt.timezone.utc).date()
    with st.container(horizontal=True):
        since = date_field(st, tr("audit_since"), tr, value=today - dt.timedelta(days=30), key="audit_log.since")
        until = date_field(st, tr("audit_until"), tr, value=today, key="audit_log.until")
    chosen = st.multiselect(tr("audit_actions"), audit.ACTIONS, format_func=lambda a: tr(f"audit_{a}"),
                            key="audit_log.actions", placeholder=tr("filter_all"))
    with st.container(horizontal=True):
        actor = st.text_input(tr("audit_actor"), key="audit_log.actor", max_chars=64)
        target = st.text_input(tr("audit_target"), key="audit_log.target", max_chars=64)
    if since and until and since > until:
        st.error(tr("audit_bad_dates"))
        return
    start = dt.datetime.combine(since, dt.time(), dt.timezone.utc) if since else None
    end = dt.datetime.combine(until + dt.timedelta(days=1), dt.time(), dt.timezone.utc) if until else None
    found = audit.entries(services.store(), admin, since=start, until=end, actions=chosen, actor=actor, target=target,
                          limit=LIMIT)
    if not found:
        st.info(tr("audit_none"))
        return
    st.caption(tr("audit_shown", count=len(found), limit=LIMIT))
    st.dataframe(pd.DataFrame({
        tr("audit_col_at"): [e.at.strftime("%Y-%m-%d %H:%M:%S") for e in found],
        tr("audit_col_actor"): [e.actor for e in found],
        tr("audit_col_action"): [tr(f"audit_{e.action}") for e in found],
        tr("audit_col_target"): [audit_words.target(e.target, tr) for e in found],
        tr("audit_col_source"): [e.source for e in found],
        tr("audit_col_detail"): [audit_words.detail(e.detail, tr) for e in found],
    }), hide_index=True)
    exported = audited(services.store(), admin, "audit log", lambda: audit.to_csv(found).encode("utf-8-sig"),
                       {"entries": len(found)})
    st.download_button(tr("audit_download"), exported, file_name=f"audit-{today.isoformat()}.csv", mime="text/csv",
                       key="audit_log.download", icon=":material/download:", on_click="ignore")
