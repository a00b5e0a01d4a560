"""serve.py's address rule (issue 11): a browser asking for a page at an address of more than
one part is sent to the app's not-found page instead of Streamlit's blank one; Streamlit's own
routes, scripts and non-browser requests pass untouched. The browser walk
(test_walk_trainer_hr_browser.py) opens ``/foo/bar`` for real."""
from __future__ import annotations

import asyncio
from concurrent.futures import ThreadPoolExecutor

import pytest

from simulator.ui.addresses import NestedAddressRedirect, redirect_for

PAGE = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"    # what Chromium sends for a page


@pytest.mark.parametrize("path, target", [
    ("/foo/bar", "/page-not-found?address=foo%2Fbar"),
    ("/call/12/", "/page-not-found?address=call%2F12"),
    ("/a/b/c", "/page-not-found?address=a%2Fb%2Fc"),
    ("/сторінка/друга", "/page-not-found?address=%D1%81%D1%82%D0%BE%D1%80%D1%96%D0%BD%D0%BA%D0%B0%2F%D0%B4%D1%80%D1%83%D0%B3%D0%B0"),
])
def test_a_page_asked_for_at_a_nested_address_goes_to_the_not_found_page(path, target):
    assert redirect_for(path, "", "GET", PAGE) == target


@pytest.mark.parametrize("path, method, accept", [
    ("/", "GET", PAGE), ("/nowhere", "GET", PAGE), ("/call", "GET", PAGE),           # one part: Streamlit's router
    ("/_stcore/health", "GET", PAGE), ("/static/js/index.js", "GET", PAGE),
    ("/component/streamlit_webrtc.component/index.html", "GET", PAGE), ("/media/abc.wav", "GET", PAGE),
    ("/app/static/x.png", "GET", PAGE), ("/auth/login", "GET", PAGE),
    ("/foo/static/js/index.js", "GET", "*/*"),          # a script, not a page
    ("/foo/bar", "POST", PAGE),
])
def test_streamlit_routes_and_other_requests_pass(path, method, accept):
    assert redirect_for(path, "", method, accept) is None


def test_under_a_base_url_path_the_base_is_kept_and_not_counted():
    assert redirect_for("/training/foo", "training", "GET", PAGE) is None
    assert redirect_for("/training/foo/bar", "/training/", "GET", PAGE) == "/training/page-not-found?address=foo%2Fbar"
    assert redirect_for("/elsewhere/foo/bar", "training", "GET", PAGE) is None


def call(path: str, accept: str = PAGE) -> list[dict]:
    reached, sent = [], []

    async def streamlit(scope, receive, send):
        reached.append(scope["path"])
        await send({"type": "http.response.start", "status": 200, "headers": []})

    async def send(message):
        sent.append(message)

    scope = {"type": "http", "method": "GET", "path": path, "headers": [(b"accept", accept.encode())]}
    # in a thread of its own: a browser test earlier in this process may leave its event loop running here
    with ThreadPoolExecutor(1) as thread:
        thread.submit(asyncio.run, NestedAddressRedirect(streamlit, base="")(scope, None, send)).result()
    return reached, sent


def test_the_middleware_answers_a_redirect_or_hands_the_request_on():
    reached, sent = call("/foo/bar")
    assert reached == [] and sent[0]["status"] == 302
    assert dict(sent[0]["headers"])[b"location"] == b"/page-not-found?address=foo%2Fbar"
    reached, sent = call("/foo")
    assert reached == ["/foo"] and sent[0]["status"] == 200

