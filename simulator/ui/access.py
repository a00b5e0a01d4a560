"""Which pages each role may open, and the check every page makes before it shows anything.

The router offers only the allowed pages (``pages_for``), but a page never trusts that it was
reached through the menu: ``require`` reads the user from the store on each run and stops the
page for anyone else. The store enforces the same rules on the data (a trainee gets only their
own attempts), so an edited URL or session state still shows nothing that is not theirs.
"""
from __future__ import annotations

from dataclasses import dataclass

import streamlit as st
from streamlit.runtime.scriptrunner import get_script_run_ctx

from simulator.store import User

from . import session
from .addresses import NOT_FOUND_PATH

PAGES_DIR = "simulator/ui/pages"
PRACTISING = ("trainee", "trainer")     # trainers try their scenarios as a trainee would


@dataclass(frozen=True)
class PageSpec:
    name: str           # the file under simulator/ui/pages and the URL path
    title: str          # label key
    icon: str
    roles: tuple[str, ...]
    hidden: bool = False    # reached from other pages, not from the menu

    @property
    def path(self) -> str:
        return f"{PAGES_DIR}/{self.name}.py"


STAFF = ("trainer", "hr", "admin")

# In menu order; a role's first page is where it lands after login.
PAGES = (
    PageSpec("admin", "nav_admin", ":material/manage_accounts:", ("admin",)),
    PageSpec("studio", "nav_studio", ":material/edit_note:", ("trainer", "admin")),
    PageSpec("review", "nav_review", ":material/rate_review:", ("trainer", "admin")),
    PageSpec("assignments", "nav_assignments", ":material/assignment:", ("trainer", "admin")),
    PageSpec("readiness", "nav_readiness", ":material/groups:", ("hr", "admin")),
    PageSpec("paths", "nav_paths", ":material/alt_route:", STAFF),
    PageSpec("calibration", "nav_calibration", ":material/balance:", STAFF),
    PageSpec("catalogue", "nav_catalogue", ":material/menu_book:", PRACTISING),
    PageSpec("call", "nav_call", ":material/call:", PRACTISING),
    PageSpec("progress", "nav_progress", ":material/monitoring:", PRACTISING),
    PageSpec("attempt", "nav_attempt", ":material/fact_check:", ("trainee", *STAFF), hidden=True),
    PageSpec("trainee_report", "nav_trainee_report", ":material/print:", STAFF, hidden=True),
)
LOGIN = PageSpec("login", "nav_login", ":material/login:", ())
NOT_FOUND = f"{PAGES_DIR}/not_found.py"


def allowed(role: str) -> list[PageSpec]:
    """The pages a role may open, its start page first."""
    return [page for page in PAGES if role in page.roles]


def page(name: str) -> PageSpec:
    return next(p for p in (*PAGES, LOGIN) if p.name == name)


def st_pages(user: User | None) -> list[st.Page]:
    """The st.Page objects for the router: the role's pages in its menu. Every other page's
    address is known too, so a bookmark or an old link never meets Streamlit's "Page not
    found": logged out, each address shows the login form (and, once logged in, the page it
    names, with its query); logged in, a page the role may not open says so in the user's
    language (require). An address that names no page at all shows the not-found page in
    the user's language (with the login form when logged out), as does an address of more
    than one part, sent to NOT_FOUND_PATH by serve.py's rule."""
    tr = session.labels(user)
    if user is None:
        pages = [st.Page(LOGIN.path, title=tr(LOGIN.title), icon=LOGIN.icon, url_path=LOGIN.name, default=True),
                 *(st.Page(LOGIN.path, title=tr(LOGIN.title), icon=LOGIN.icon, url_path=spec.name, visibility="hidden")
                   for spec in PAGES)]
    else:
        specs = allowed(user.role)
        pages = [
            *(st.Page(spec.path, title=tr(spec.title), icon=spec.icon, url_path=spec.name, default=(spec is specs[0]),
                      visibility="hidden" if spec.hidden or spec not in specs else "visible")
              for spec in sorted(PAGES, key=lambda page: page not in specs)),    # the role's own first, in menu order
            st.Page(lambda: go(specs[0].name), title=tr(LOGIN.title), icon=LOGIN.icon, url_path=LOGIN.name,
                    visibility="hidden"),     # the login page's address, once logged in: the start page
        ]
    unknown = asked_for()
    if not unknown or "/" in unknown or unknown in {page.url_path for page in pages}:
        unknown = NOT_FOUND_PATH        # where a longer address is sent (addresses.NestedAddressRedirect)
    pages.append(st.Page(NOT_FOUND, title=tr(LOGIN.title if user is None else specs[0].title), url_path=unknown,
                         visibility="hidden"))
    return pages


def asked_for() -> str:
    """The page name in the address the browser asked for ("" for the main page, or after a
    switch within the app). Streamlit 1.67 keeps it on its pages manager and has no public
    reading of it; without it, an unknown address meets Streamlit's own "Page not found"."""
    context = get_script_run_ctx()
    manager = getattr(context, "pages_manager", None)
    return (getattr(manager, "intended_page_name", None) or "").strip().strip("/")


def require(name: str) -> User:
    """The logged-in user if their role may open page ``name``; otherwise a message and stop."""
    user = session.current_user()
    tr = session.labels(user)
    if user is None:
        st.warning(tr("login_required"))
        st.stop()
    if user.role not in page(name).roles:
        st.error(tr("access_denied"))
        st.stop()
    return user


def go(name: str, **query) -> None:
    """Open page ``name`` (with query parameters, e.g. an attempt id)."""
    st.switch_page(page(name).path, query_params={k: str(v) for k, v in query.items()} or None)
