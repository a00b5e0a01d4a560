"""Addresses with more than one part (``/foo/bar``, an old or mistyped link): sent on to the
app's own not-found page instead of a blank one.

Streamlit answers any unknown address with its index page, whose scripts are linked relative
to the address (``./static/…``). Under ``/foo/bar`` they resolve to ``/foo/static/…``, which
Streamlit answers with the index page again, so the browser refuses them as scripts and shows
nothing at all. An address of one part (``/foo``) does load and meets the not-found page of
``access.st_pages``; Streamlit page addresses never hold a slash, so a browser asking for a
page under a longer address is redirected to that page with the address it asked for in the
query (``/page-not-found?address=foo/bar``). Streamlit's own routes (``/_stcore``, ``/static``,
``/media``, ``/component``, ``/app/static``, ``/auth``) and anything but a browser's request
for a page (GET or HEAD accepting HTML) pass untouched.

The rule is a plain ASGI middleware, given to ``st.App`` by ``serve.py`` (``./run.sh`` runs it).
"""
from __future__ import annotations

from urllib.parse import urlencode

NOT_FOUND_PATH = "page-not-found"      # the not-found page's own address (access.st_pages)
ADDRESS_PARAMETER = "address"          # the address asked for, in that page's query
STREAMLIT_ROUTES = frozenset({"_stcore", "static", "media", "component", "app", "auth", "oauth2callback"})


def redirect_for(path: str, base: str = "", method: str = "GET", accept: str = "text/html") -> str | None:
    """Where a request for ``path`` is sent instead (with ``base``, Streamlit's
    ``server.baseUrlPath``), or None to let Streamlit answer it."""
    if method not in ("GET", "HEAD") or "text/html" not in accept:
        return None
    base = base.strip("/")
    parts = [part for part in path.split("/") if part]
    if base:
        if parts[:len(base.split("/"))] != base.split("/"):
            return None
        parts = parts[len(base.split("/")):]
    if len(parts) < 2 or parts[0] in STREAMLIT_ROUTES:
        return None
    prefix = f"/{base}" if base else ""
    return f"{prefix}/{NOT_FOUND_PATH}?{urlencode({ADDRESS_PARAMETER: '/'.join(parts)})}"


class NestedAddressRedirect:
    """ASGI middleware: a browser asking for a page at a nested address gets a redirect to the
    not-found page (see the module's docstring); everything else goes to Streamlit."""

    def __init__(self, app, base: str | None = None):
        self.app = app
        self.base = base

    async def __call__(self, scope, receive, send):
        if scope["type"] == "http":
            headers = dict(scope.get("headers") or [])
            target = redirect_for(scope.get("path", ""), self._base(), scope.get("method", "GET"),
                                  headers.get(b"accept", b"").decode("latin-1"))
            if target is not None:
                await send({"type": "http.response.start", "status": 302,
                            "headers": [(b"location", target.encode("latin-1")), (b"cache-control", b"no-cache"),
                                        (b"content-length", b"0")]})
                await send({"type": "http.response.body", "body": b""})
                return
        await self.app(scope, receive, send)

    def _base(self) -> str:
        if self.base is None:
            from streamlit import config
            return config.get_option("server.baseUrlPath") or ""
        return self.base
