"""Administration: create users, import trainees from CSV, reset a password (users made or reset
here set their own password at first log-in), roles, the readiness definition HR's reports use,
the audit log, and a trainee's personal data exported or deleted on request."""
from __future__ import annotations

import pandas as pd
import streamlit as st

from simulator.store import User, accounts, auth, demo
from simulator.store.models import LANGUAGES, ROLES
from simulator.store.repository import IMPORT_COLUMNS, NotFound
from simulator.texts import limits, refusals
from simulator.texts.formats import literal
from simulator.texts.labels import Labels
from simulator.user_text import TooLong, check_upload
from simulator.ui import access, services, session
from simulator.ui.components import audit_log, demo_accounts, personal_data, readiness_settings, role_change
from simulator.ui.components.file_upload import file_upload


def render() -> None:
    user = access.require("admin")
    tr = session.labels(user)
    st.title(tr("admin_title"))
    create, load, reset, users, readiness, log, personal = st.tabs([
        tr("admin_create"), tr("admin_import"), tr("admin_reset"), tr("admin_users"), tr("rd_settings"),
        tr("admin_audit"), tr("admin_personal")])
    with create:
        _create_user(user, tr)
    with load:
        _import(user, tr)
    with reset:
        _reset_password(user, tr)
        _unlock(tr)
    with users:
        _user_table(user, tr)
    with readiness:
        readiness_settings.render(services.store(), user, tr)
    with log:
        audit_log.render(user, tr)
    with personal:
        personal_data.render(user, tr)


def _password_or_new(given: str) -> str:
    return given or auth.new_password()


def _create_user(admin: User, tr: Labels) -> None:
    with st.form("admin.create"):
        username = st.text_input(tr("username"), key="admin.create.username")
        full_name = st.text_input(tr("full_name"), key="admin.create.full_name")
        role = st.selectbox(tr("role"), ROLES, format_func=lambda r: tr(f"role_{r}"), key="admin.create.role")
        group = st.text_input(tr("group"), key="admin.create.group")
        language = st.selectbox(tr("interface_language"), LANGUAGES, format_func=lambda c: tr(f"language_{c}"),
                                key="admin.create.language")
        password = st.text_input(tr("password_or_blank"), type="password", key="admin.create.password")
        submitted = st.form_submit_button(tr("create_user"), key="admin.create.submit", type="primary")
    if not submitted:
        return
    password = _password_or_new(password)
    try:
        created = accounts.create(services.store(), admin, username, role, password, full_name=full_name,
                                  group=group or None, language=language, source=session.client_address())
    except TooLong as exc:
        st.error(limits.message(exc, tr))
        return
    except ValueError as exc:
        st.error(tr("create_failed", error=refusals.message(exc, tr)))
        return
    st.success(tr("user_created", username=literal(created.username)))
    st.code(password, language=None)
    st.caption(tr("hand_over_password"))


def _import(admin: User, tr: Labels) -> None:
    st.caption(tr("import_help", columns=IMPORT_COLUMNS))
    upload = file_upload(tr("import_file"), tr, "trainees_csv", ["csv", "txt"], key="admin.import.file")
    if not st.button(tr("import_run"), key="admin.import.run", type="primary", disabled=upload is None):
        return
    try:
        check_upload("trainees_csv", upload.size)       # before the file is read
    except TooLong as exc:
        st.error(literal(limits.message(exc, tr, file=upload.name)))      # plain text that quotes the name
        return
    text = upload.getvalue().decode("utf-8-sig", errors="replace")
    results = accounts.import_trainees(services.store(), admin, text, source=session.client_address())
    created = [r for r in results if r.ok]
    st.success(tr("import_done", created=len(created), failed=len(results) - len(created)))
    st.dataframe(
        pd.DataFrame(
            {
                tr("column_line"): [r.line for r in results],
                tr("username"): [r.username for r in results],
                tr("column_result"): [tr("import_ok") if r.ok else refusals.message(r.error, tr, markdown=False)
                                      for r in results],
                tr("first_password"): [r.password for r in results],
            }
        ),
        hide_index=True,
    )
    if created:
        st.caption(tr("hand_over_password"))


def _reset_password(admin: User, tr: Labels) -> None:
    store = services.store()
    people = store.users(include_inactive=True)
    with st.form("admin.reset"):
        username = st.selectbox(tr("username"), [u.username for u in people], key="admin.reset.username")
        password = st.text_input(tr("password_or_blank"), type="password", key="admin.reset.password")
        submitted = st.form_submit_button(tr("reset_password"), key="admin.reset.submit", type="primary")
    if not submitted or not username:
        return
    target = store.user_by_username(username)
    password = _password_or_new(password)
    try:
        if target is None:
            raise NotFound(username)
        accounts.reset_password(store, admin, target.id, password, source=session.client_address())
    except NotFound:
        st.error(tr("reset_failed", error=tr("refused_no_user", username=literal(username))))
        return
    except ValueError as exc:
        st.error(tr("reset_failed", error=refusals.message(exc, tr)))
        return
    st.success(tr("password_reset", username=literal(username)))
    st.code(password, language=None)
    st.caption(tr("hand_over_password"))


def _unlock(tr: Labels) -> None:
    """Lift the waits failed logins put on an account (a trainee locked out from a shared PC)."""
    with st.form("admin.unlock"):
        username = st.selectbox(tr("username"), [u.username for u in services.store().users(include_inactive=True)],
                                key="admin.unlock.username")
        submitted = st.form_submit_button(tr("admin_unlock"), key="admin.unlock.submit", help=tr("admin_unlock_help"))
    if submitted and username:
        st.success(tr("admin_unlocked", username=literal(username), count=auth.unlock(services.store(), username)))


def _user_table(admin: User, tr: Labels) -> None:
    people = services.store().users(include_inactive=True)
    demo_accounts.render(admin, people, tr)
    role_change.render(admin, people, tr)
    st.dataframe(
        pd.DataFrame(
            {
                tr("username"): [u.username for u in people],
                tr("full_name"): [u.full_name for u in people],
                tr("role"): [tr(f"role_{u.role}") for u in people],
                tr("group"): [u.group_name or "" for u in people],
                tr("interface_language"): [tr(f"language_{u.language}") for u in people],
                tr("column_active"): ["✓" if u.active else "✗" for u in people],
                tr("column_demo"): ["✓" if demo.is_demo(u.username) else "" for u in people],
            }
        ),
        hide_index=True,
    )


if __name__ == "__main__":
    render()
