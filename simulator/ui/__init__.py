"""The Streamlit app: pages and components only; every rule lives in the services.

- ``pages/``: one file per page, run by ``st.navigation`` from ``streamlit_app.py``; each
  page checks the user's role itself (``access.require``) before showing anything.
- ``components/``: pieces of pages; each owns the ``st.session_state`` keys under its prefix.
- ``labels``: every string the interface shows, in Ukrainian and English.
- ``services``: the store, the scenario library and the audio folder, opened once per process.

Recorded bytes reach the voice services through ``simulator.voice.speech`` (no Streamlit), so
the call page, the command line, the tests and the benchmarks take the same steps.
"""
