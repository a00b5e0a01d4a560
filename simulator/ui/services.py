"""The services the pages use, opened once per process and shared by every browser session.

Each is cached by what identifies it (the database URL, the scenario folder and its files'
times), so a test that points ``SIMULATOR_DATA_DIR`` or ``DATABASE_URL`` at a fresh place
gets a fresh store, and an edited scenario file is recorded on the next rerun. What trainees
play comes from the store (simulator.services.catalogue): the files and the studio's publications.
"""
from __future__ import annotations

import threading
from pathlib import Path

import streamlit as st

from simulator import settings
from simulator.services.catalogue import Playable, files_signature, playable, record_files
from simulator.library.loader import Problem
from simulator.scenario.model import Scenario
from simulator.store import AudioFiles, Store, demo, housekeeping
from simulator.store.db import database_url


def scenarios_dir() -> Path:
    """SIMULATOR_SCENARIOS, else ./scenarios (the same default as the command line)."""
    return settings.current().scenarios


@st.cache_resource(show_spinner=False)
def _store(url: str) -> Store:
    store = Store.open(url)
    demo.ensure_accounts(store, demo_on=demo_on())
    housekeeping(store, AudioFiles.from_env())
    return store


def store() -> Store:
    """The store for DATABASE_URL / SIMULATOR_DATA_DIR, migrated, with the demo accounts
    (demo mode only) and stale calls cleared up when first opened."""
    return _store(database_url())


def loopback_only() -> bool:
    """Whether this app listens on loopback alone (Streamlit's ``server.address``: 127.0.0.1 in
    ``.streamlit/config.toml``; unset, Streamlit listens on every interface)."""
    return demo.loopback_only(st.get_option("server.address"))


def demo_on() -> bool:
    """Demo mode for this app: SIMULATOR_DEMO, else on only while it listens on loopback alone."""
    return demo.enabled(loopback_only())


def demo_exposed() -> bool:
    """Demo mode on while the app serves a network: every page then says so."""
    return demo.exposed(loopback_only())


def audio_files() -> AudioFiles:
    return AudioFiles.from_env()


@st.cache_resource(show_spinner=False, max_entries=4)
def _recorded(url: str, folder: str, signature: tuple) -> list[Problem]:
    return record_files(_store(url), Path(folder))


def catalogue() -> dict[str, Playable]:
    """What trainees can play now, by scenario id: the store's published versions, after the
    library's files were recorded into it (again whenever a file changes)."""
    folder = scenarios_dir()
    _recorded(database_url(), str(folder), files_signature(folder))
    return playable(store())


def scenario_text(scenario: Scenario) -> str:
    """The text of the published version being offered: the exact version an attempt records."""
    return catalogue()[scenario.id].yaml_text


@st.cache_resource(show_spinner=False)
def warm_up() -> threading.Thread:
    """Fit the empathy model in the background, once per process, so that the first reply of
    the day does not wait for it (about 5 s on 2 cores).

    The speech model is not loaded here: it loads in 1-2 s at the first spoken reply (inside
    that reply's visible status), and a CTranslate2 load still running when the process
    exits aborts the process ("terminate called without an active exception").
    """
    from simulator.scoring.empathy_model import default_model

    thread = threading.Thread(target=default_model, name="simulator-warm-up")
    thread.start()
    return thread
