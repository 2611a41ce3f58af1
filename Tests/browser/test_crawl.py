"""Every kind of page a link leads to, found by following links, checked with axe once per kind.

The scenario tests cover the pages a task passes through; this catches the ones nobody thought of
(an edit form reached from a table, a confirmation page). A "kind" is a path with its ids replaced,
so /systems/<id>/edit is visited once, not 67 times.
"""

import re
from collections import deque
from urllib.parse import urlparse

from support import TENANT

UUID = re.compile(r"[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}")
SKIP = re.compile(r"/export/|\.(csv|json|svg|yaml)$|^/api/|^/metrics|^/healthz")
MAX_PAGES = 80


def kind(path):
    return UUID.sub("{id}", path)


def test_every_kind_of_linked_page_passes_axe(browser):
    b = browser
    start = f"{TENANT}/systems"
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
            if SKIP.search(url.path) or not url.path.startswith(TENANT):
                continue
            k = kind(url.path)
            if k not in seen_kinds:
                seen_kinds.add(k)
                queue.append(target)
    kinds = {kind(urlparse(p).path) for p in visited}
    # The walk reached the register's corners: a system's tabs and forms, people, roles, exports page.
    for expected in [f"{TENANT}/systems/{{id}}/history", f"{TENANT}/systems/{{id}}/edit",
                     f"{TENANT}/role-assignments/{{id}}/edit", f"{TENANT}/role-assignments/{{id}}/end",
                     f"{TENANT}/people/{{id}}", f"{TENANT}/org/{{id}}", f"{TENANT}/transfer"]:
        assert expected in kinds, f"the crawl never reached {expected}; it saw {sorted(kinds)}"
    assert not queue, f"more than {MAX_PAGES} kinds of page: raise MAX_PAGES ({list(queue)[:5]} …)"
