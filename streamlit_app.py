"""The app's entry point: the login gate, then only the pages the user's role allows.

    streamlit run streamlit_app.py

Runs on every rerun of every page: refuses to go on while a setting means nothing, checks the
session token against the store (an expired session goes back to the login page with a
message), builds the navigation for the user's role, and draws the sidebar (who is logged in,
the language switch, log out). While demo mode is on and the app serves a network, every page
says so first; while a demo account is active, every page an admin opens says so and what to
do. A user whose password an admin made or reset sets their own before anything else. Each
page checks the role again itself (simulator.ui.access.require).
"""
import streamlit as st

from simulator import logs, settings
from simulator.texts.formats import literal
from simulator.ui import access, services, session
from simulator.ui.components import demo_banner, language_switch, password_change, session_cookie, table_toolbar

st.set_page_config(page_title="Operator training · Тренажер оператора", page_icon=":material/headset_mic:")
try:
    settings.check()
except settings.SettingError as bad:
    tr = session.labels(None)
    said = (tr("setting_invalid", name=bad.name, value=literal(bad.value), allowed=bad.allowed) if bad.kind == "choice"
            else tr("setting_invalid_kind", name=bad.name, value=literal(bad.value), expected=tr(f"setting_kind_{bad.kind}")))
    st.error(said, icon=":material/error:")
    st.stop()
logs.configure()
services.warm_up()

user = session.current_user()
tr = session.labels(user)
table_toolbar.render(tr)        # Streamlit's table toolbar speaks only English: not shown in Ukrainian
page = st.navigation(access.st_pages(user), position="sidebar" if user else "hidden")
if services.demo_exposed():
    st.warning(tr("demo_exposed"), icon=":material/warning:")
demo_banner.render(user, tr)
if user is not None:
    with st.sidebar:
        st.markdown(f"**{literal(user.full_name or user.username)}**  \n{tr(f'role_{user.role}')}")
        language_switch.render(user, tr)
        if st.button(tr("log_out"), icon=":material/logout:"):
            session.log_out(user)
            st.rerun()
        session_cookie.keep()       # a refresh or a bookmark finds this login again
if password_change.required(user):
    password_change.render(user, tr)        # nothing else until the user has a password of their own
    st.stop()
password_change.show_done(tr)
page.run()
