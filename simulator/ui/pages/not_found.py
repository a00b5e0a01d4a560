"""An address that names no page (``/foo``, a mistyped or old link): said in the user's
language, in place of Streamlit's English "Page not found" box. Logged out, the login form
follows; logged in, a link to the role's start page (see access.st_pages). A longer address
(``/foo/bar``) arrives here as ``/page-not-found?address=foo/bar`` (simulator/ui/addresses.py)."""
from __future__ import annotations

import streamlit as st

from simulator.texts.formats import literal
from simulator.ui import access, session
from simulator.ui.addresses import ADDRESS_PARAMETER, NOT_FOUND_PATH
from simulator.ui.pages import login


def render() -> None:
    user = session.current_user()
    tr = session.labels(user)
    address = access.asked_for()
    if address == NOT_FOUND_PATH:       # a longer address, sent here by serve.py's rule: the one asked for
        address = st.query_params.get(ADDRESS_PARAMETER, "").strip("/")
    st.warning(tr("page_not_found", address=literal(address)), icon=":material/link_off:")
    if user is None:
        login.render()
        return
    start = access.allowed(user.role)[0]
    st.page_link(start.path, label=tr("to_start_page"), icon=":material/home:")


if __name__ == "__main__":
    render()
