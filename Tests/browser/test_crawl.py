"""Every kind of page a link leads to, found by following links, checked with axe once per kind.

The scenario tests cover the pages a task passes through; this catches the ones nobody thought of
(an edit form reached from a table, a confirmation page). A "kind" is a path with its ids replaced,
so /systems/<id>/edit is visited once, not 67 times.

The administrator's crawl reaches every page of the municipality and of their own account; the
platform operator's reaches the platform page (the only one they have besides their account).
"""

import re
from collections import deque
from urllib.parse import urlparse

import pytest

from support import OPERATOR, TENANT

UUID = re.compile(r"[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}")
SKIP = re.compile(r"/export/|\.(csv|json|svg|yaml)$|^/api/|^/metrics|^/healthz")
MAX_PAGES = 140


def kind(path):
    return UUID.sub("{id}", path)


def crawl(b, start, within):
    """Visits one page of every kind reachable from `start` whose path begins with one of `within`;
    returns the kinds visited."""
    queue = deque([start])
    seen_kinds = {kind(start)}
    visited = []
    while queue and len(visited) < MAX_PAGES:
        path = queue.popleft()
        b.open(path)
        status = b.document_status()
        assert status == 200, f"{path} answered {status}"
        visited.append(path)
        hrefs = b.driver.execute_script(
            "return [...document.querySelectorAll('a[href]')]"  # SVG links too, whose .href is no string
            ".map(a => new URL(a.getAttribute('href'), location.href).href)"
            ".filter(h => h.startsWith(location.origin));")
        for href in hrefs:
            url = urlparse(href)
            if url.query and "lang=" in url.query:
                continue
            target = url.path + (f"?{url.query}" if url.query and url.path.endswith("/new") else "")
            if SKIP.search(url.path) or not url.path.startswith(within):
                continue
            k = kind(url.path)
            if k not in seen_kinds:
                seen_kinds.add(k)
                queue.append(target)
    assert not queue, f"more than {MAX_PAGES} kinds of page: raise MAX_PAGES ({list(queue)[:5]} …)"
    return {kind(urlparse(p).path) for p in visited}


def test_every_kind_of_linked_page_passes_axe(browser):
    kinds = crawl(browser, f"{TENANT}/systems", within=(TENANT, "/account"))
    # The walk reached the register's corners: a system's tabs and forms, people, roles, exports page.
    for expected in [f"{TENANT}/systems/{{id}}/history", f"{TENANT}/systems/{{id}}/edit",
                     f"{TENANT}/role-assignments/{{id}}/edit", f"{TENANT}/role-assignments/{{id}}/end",
                     f"{TENANT}/people/{{id}}", f"{TENANT}/org/{{id}}", f"{TENANT}/transfer",
                     # the administrator's account pages and their own
                     f"{TENANT}/accounts", f"{TENANT}/accounts/new", f"{TENANT}/accounts/{{id}}/edit",
                     "/account", "/account/password"]:
        assert expected in kinds, f"the crawl never reached {expected}; it saw {sorted(kinds)}"


@pytest.mark.signed_in_as(OPERATOR)
def test_every_kind_of_page_the_platform_operator_reaches_passes_axe(browser):
    kinds = crawl(browser, "/platform", within=("/platform", "/account", "/t/"))
    assert {"/platform", "/account", "/account/password"} <= kinds, sorted(kinds)
    assert not any(k.startswith("/t/") for k in kinds), f"the operator was led into a municipality: {sorted(kinds)}"
