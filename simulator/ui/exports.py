"""Downloads of people's data written to the audit log: the file is made, and the export
recorded, when the viewer clicks the download button (Streamlit calls the function then), not
each time the page is drawn."""
from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from simulator.store import Store, User, audit

from . import session

T = TypeVar("T")


def audited(store: Store, viewer: User, what: str, make: Callable[[], T], detail: dict | None = None) -> Callable[[], T]:
    """``make`` for ``st.download_button``'s data, recording an ``export`` of ``what`` by ``viewer``."""
    source = session.client_address()

    def made() -> T:
        data = make()
        audit.record_now(store, "export", viewer, what, detail, source=source)
        return data

    return made
