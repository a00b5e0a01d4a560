"""The app's web server: Streamlit's own, running streamlit_app.py, plus one rule of ours.

    streamlit run serve.py        (./run.sh does this; flags such as --server.port apply)

The rule (simulator/ui/addresses.py): a browser asking for a page at an address with more than
one part (``/foo/bar``) is sent to the app's not-found page, in the user's language, instead
of the blank page Streamlit gives there. ``streamlit run streamlit_app.py`` still runs the same
app, without that rule.
"""
import streamlit as st
from starlette.middleware import Middleware

from simulator.ui.addresses import NestedAddressRedirect

app = st.App("streamlit_app.py", middleware=[Middleware(NestedAddressRedirect)])
