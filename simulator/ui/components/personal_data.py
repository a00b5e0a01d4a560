"""A trainee's personal data on request, on the admin page (owns ``personal_data.*``): what is
kept about them, one ZIP archive of it, and deleting it after typing their username. Both are
written to the audit log by the store (simulator.store.personal_data)."""
from __future__ import annotations

import streamlit as st

from simulator.store import User, personal_data
from simulator.store.audio_files import configured_retention_days
from simulator.texts.formats import literal
from simulator.texts.labels import Labels

from .. import services, session

ARCHIVE = "personal_data.archive"     # (user id, bytes) of the archive prepared last
NOTICE = "personal_data.notice"


def render(admin: User, tr: Labels) -> None:
    st.caption(tr("personal_help", days=configured_retention_days()))
    notice = st.session_state.pop(NOTICE, None)
    if notice:
        st.success(notice)
    store = services.store()
    trainees = store.users(role="trainee", include_inactive=True)
    if not trainees:
        st.info(tr("personal_no_trainees"))
        return
    by_id = {u.id: u for u in trainees}
    chosen = st.selectbox(tr("personal_user"), list(by_id), key="personal_data.user",
                          format_func=lambda i: f"{by_id[i].username} · {by_id[i].full_name}" if by_id[i].full_name
                          else by_id[i].username)
    held = personal_data.holdings(store, admin, chosen)
    username = held.user.username
    st.markdown(tr("personal_holdings", attempts=held.attempts, turns=held.turns, checks=held.voice_checks,
                   recordings=held.recordings))
    if st.button(tr("personal_prepare"), key="personal_data.prepare", icon=":material/folder_zip:"):
        data = personal_data.export(store, admin, chosen, services.audio_files(), source=session.client_address())
        st.session_state[ARCHIVE] = (chosen, data)
    prepared = st.session_state.get(ARCHIVE)
    if prepared and prepared[0] == chosen:
        st.download_button(tr("personal_download", size=f"{len(prepared[1]) / 1e6:.1f} MB"), prepared[1],
                           file_name=f"personal-data-{username}.zip", mime="application/zip",
                           key="personal_data.download", icon=":material/download:", on_click="ignore")

    st.subheader(tr("personal_delete_title"))
    st.warning(tr("personal_delete_warning", username=literal(username)), icon=":material/delete_forever:")
    with st.form("personal_data.delete_form"):
        typed = st.text_input(tr("personal_confirm", username=literal(username)), key="personal_data.confirm")
        delete = st.form_submit_button(tr("personal_delete"), key="personal_data.delete", type="primary")
    if not delete:
        return
    if typed.strip().lower() != username:
        st.error(tr("personal_confirm_wrong"))
        return
    deleted = personal_data.delete_all(store, admin, chosen, typed, services.audio_files(), source=session.client_address())
    st.session_state.pop(ARCHIVE, None)
    st.session_state[NOTICE] = tr("personal_deleted", username=literal(username), attempts=deleted.attempts,
                                  recordings=deleted.recordings)
    st.rerun()
