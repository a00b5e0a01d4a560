"""Helpers for the app tests (a plain module: test files import it by name).

Every test runs the real app (``AppTest.from_file("streamlit_app.py")``) or one page or
component (``AppTest.from_function``) against its own SQLite database in a temporary
folder, logged in by putting a real session token into ``st.session_state`` as the login
form does.
"""
from __future__ import annotations

import re
from pathlib import Path

from streamlit.testing.v1 import AppTest

from simulator.services.practice import PracticeSession
from simulator.library.loader import Library
from simulator.store import Store, User, auth
from simulator.ui import session
from simulator.ui.access import page

ROOT = Path(__file__).resolve().parents[2]
APP = ROOT / "streamlit_app.py"
TIMEOUT = 60        # seconds per run: the first run of a process loads the scoring model
VOICE_TIMEOUT = 180  # a spoken reply: the speech model's first load and a transcription


def app(store: Store | None = None, user: User | None = None) -> AppTest:
    """The whole app, logged in as ``user`` when given (not yet run)."""
    at = AppTest.from_file(str(APP), default_timeout=TIMEOUT)
    if user is not None:
        log_in(at, store, user)
    return at


def log_in(at: AppTest, store: Store, user: User) -> str:
    token = auth.open_session(store, user)
    at.session_state[session.TOKEN] = token
    return token


def open_page(at: AppTest, name: str, **query) -> AppTest:
    """Run the app once (so its pages are registered), then switch to page ``name``."""
    at.run()
    at.query_params.clear()
    at.query_params.update({k: str(v) for k, v in query.items()})
    at.switch_page(page(name).path)
    return at.run()


def page_only(name: str) -> AppTest:
    """One page on its own, as if its URL were opened without the router's menu."""

    def script(page_name: str) -> None:
        import importlib

        importlib.import_module(f"simulator.ui.pages.{page_name}").render()

    return AppTest.from_function(script, args=(name,), default_timeout=TIMEOUT)


def scenario_text(library: Library, scenario_id: str) -> str:
    return library.paths[scenario_id].read_text(encoding="utf-8")


def play(store: Store, user: User, library: Library, scenario_id: str, *, mode: str = "practice",
         replies: int | None = None, audio=None, recording: bytes | None = None) -> PracticeSession:
    """A call through the service layer: each node answered with its first reference answer
    (``replies`` of them, or until the call ends); with ``recording``, answered as speech."""
    scenario = library.get(scenario_id)
    practice = PracticeSession.start(store, user, scenario, scenario_text(library, scenario_id), mode, audio=audio)
    answered = 0
    while not practice.finished and (replies is None or answered < replies):
        reference = scenario.nodes[practice.turns[-1].node_id].references[0]
        if recording is None:
            practice.reply_text(reference)
        else:
            practice.reply_audio(reference, 0.4, recording)
        answered += 1
    return practice


def seen(source):
    """What a reader sees of Markdown ``source``: the escapes of formats.literal resolved (user
    text is escaped), its hard line breaks back to line breaks. Anything else is as it is."""
    if not isinstance(source, str):
        return source
    return re.sub(r"\\([!-/:-@\[-`{-~])", r"\1", source.replace("  \n", "\n"))


def texts(elements) -> list[str]:
    """The elements' text as a reader sees it (see :func:`seen`)."""
    return [seen(element.value) for element in elements]


def shown(at: AppTest) -> str:
    """Everything the page wrote as text, as a reader sees it, joined: for 'is this on the page' checks."""
    parts = []
    for kind in ("title", "header", "subheader", "markdown", "caption", "info", "success", "warning", "error", "text"):
        parts += [str(seen(e.value)) for e in getattr(at, kind)]
    return "\n".join(parts)
