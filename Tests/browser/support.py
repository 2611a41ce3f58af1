"""Helpers the browser tests share: page loads with an axe check, explicit waits, HTTP status, signing in."""

from __future__ import annotations

import importlib.resources
import importlib.util
import json
import uuid
from contextlib import contextmanager
from urllib.parse import quote, urljoin, urlparse

from selenium.common.exceptions import WebDriverException
from selenium.webdriver.common.by import By
from selenium.webdriver.remote.webdriver import WebDriver
from selenium.webdriver.remote.webelement import WebElement
from selenium.webdriver.support.ui import WebDriverWait

TENANT = "/t/sjovik"
SIGN_IN = "/login"

# The accounts `serve --demo` creates, all with the same password (README, DemoLoader).
DEMO_PASSWORD = "styrbord-demo"
ADMIN = "johan.bergstrom@sjovik.se"  # IT-chef, the municipality's administrator
ADMIN_NAME = "Johan Bergström"
OWNER = "helena.dahl@sjovik.se"  # systemägare: edits her own systems
COORDINATOR = "ulrika.persson@sjovik.se"  # IT-samordnare: creates and edits her förvaltning's systems
EMPLOYEE = "mattias.aberg@sjovik.se"  # no roles: reads everything, changes nothing
EMPLOYEE_NAME = "Mattias Åberg"
OPERATOR = "drift@styrbord.example"  # platform operator: creates municipalities, reads none
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
WAIT_SECONDS = 15


def axe_source() -> str:
    """The axe-core 4 bundle that ships inside the axe-playwright-python package (no Playwright needed)."""
    spec = importlib.util.find_spec("axe_playwright_python")
    if spec is None:
        raise RuntimeError("axe-core missing: pip install --no-deps axe-playwright-python")
    source = importlib.resources.files("axe_playwright_python").joinpath("axe.min.js").read_text(encoding="utf-8")
    if "axe v4." not in source[:200]:
        raise RuntimeError("axe.min.js is not axe-core 4.x, which the WCAG 2.1 tags need")
    return source


_RUN_AXE = """
const done = arguments[arguments.length - 1];
axe.run(document, {runOnly: {type: 'tag', values: arguments[0]}, resultTypes: ['violations']})
  .then(r => done({
    version: r.testEngine.version,
    violations: r.violations.map(v => ({
      id: v.id, impact: v.impact, help: v.help, helpUrl: v.helpUrl,
      nodes: v.nodes.map(n => ({target: n.target, html: n.html, summary: n.failureSummary}))
    }))
  }))
  .catch(e => done({error: String(e && e.stack || e)}));
"""


# What axe 4 no longer reports under the WCAG tags but a broken page still suffers from: the same id
# twice (the second element can't be labelled or linked to) and references to ids that don't exist
# (a label, a description or an in-page link that leads nowhere).
_MARKUP_PROBLEMS = """
const problems = [];
const seen = new Map();
for (const el of document.querySelectorAll('[id]')) {
  seen.set(el.id, (seen.get(el.id) || 0) + 1);
}
for (const [id, n] of seen) { if (n > 1) problems.push(`id "${id}" is used ${n} times`); }
const exists = id => document.getElementById(id) !== null;
for (const label of document.querySelectorAll('label[for]')) {
  if (!exists(label.htmlFor)) problems.push(`label for="${label.htmlFor}" has no control`);
}
for (const attr of ['aria-describedby', 'aria-labelledby', 'aria-controls']) {
  for (const el of document.querySelectorAll(`[${attr}]`)) {
    for (const id of el.getAttribute(attr).split(/\\s+/).filter(Boolean)) {
      if (!exists(id)) problems.push(`${attr}="${id}" on <${el.localName}> points nowhere`);
    }
  }
}
for (const a of document.querySelectorAll('a[href^="#"]')) {
  const id = decodeURIComponent(a.getAttribute('href').slice(1));
  if (id && !exists(id)) problems.push(`link to #${id} points nowhere`);
}
return problems;
"""


class AxeViolations(AssertionError):
    pass


def format_violations(url: str, violations: list[dict]) -> str:
    lines = [f"axe found {len(violations)} WCAG 2.1 A/AA violation(s) on {url}:"]
    for v in violations:
        lines.append(f"- {v['id']} ({v['impact']}): {v['help']}  <{v['helpUrl']}>")
        for node in v["nodes"][:8]:
            target = " ".join(" > ".join(t) if isinstance(t, list) else t for t in node["target"])
            lines.append(f"    at {target}")
            summary = (node.get("summary") or "").replace("\n", " ")
            if summary:
                lines.append(f"       {summary[:300]}")
        if len(v["nodes"]) > 8:
            lines.append(f"    … and {len(v['nodes']) - 8} more")
    return "\n".join(lines)


class Browser:
    """A WebDriver with the few things every scenario needs."""

    def __init__(self, driver: WebDriver, base_url: str, axe_js: str, axe_log: list):
        self.driver = driver
        self.base_url = base_url
        self._axe_js = axe_js
        self._axe_log = axe_log

    # Navigation -----------------------------------------------------------------------------

    def url(self, path: str) -> str:
        return urljoin(self.base_url, path)

    def open(self, path: str, *, axe: bool = True) -> None:
        """Loads a page, waits until it has loaded, and (by default) checks it with axe."""
        self.drain_log()
        self.driver.get(self.url(path))
        self.wait_loaded()
        if axe:
            self.check_axe()

    def wait_loaded(self) -> None:
        self.wait().until(lambda d: d.execute_script("return document.readyState") == "complete")

    def wait(self, seconds: float = WAIT_SECONDS) -> WebDriverWait:
        # While one document replaces another ChromeDriver may answer any command with an error
        # ("unhandled inspector error", a stale element): the condition is simply asked again.
        return WebDriverWait(self.driver, seconds, ignored_exceptions=(WebDriverException,))

    @contextmanager
    def navigation(self):
        """Waits, after the block, until a new document has replaced the current one and has loaded.

        The current window gets a token; a new document starts without it. (Selenium's staleness_of
        asks the old element, which races with the navigation in ChromeDriver.)
        """
        token = uuid.uuid4().hex
        self.driver.execute_script("window.__styrbordDocument = arguments[0]", token)
        self.drain_log()
        yield
        self.wait().until(lambda d: d.execute_script(
            "return window.__styrbordDocument !== arguments[0] && document.readyState === 'complete'", token))

    def submit_and_wait(self, control: WebElement) -> None:
        """Clicks a submit button or a link and waits for the page it leads to."""
        with self.navigation():
            control.click()

    # Signing in ----------------------------------------------------------------------------

    def sign_in(self, email: str, password: str = DEMO_PASSWORD, *, next_path: str | None = None,
                axe: bool = False) -> None:
        """Signs in through the sign-in form, as a person would, and waits for the page it leads to."""
        self.open(SIGN_IN + (f"?next={quote(next_path, safe='')}" if next_path else ""), axe=axe)
        self.find("#f-email").send_keys(email)
        self.find("#f-password").send_keys(password)
        self.submit_and_wait(self.find(f"main form[action='{SIGN_IN}'] button[type=submit]"))

    def sign_out(self) -> None:
        """Presses the header's sign-out button."""
        self.submit_and_wait(self.find("header form.sign-out button[type=submit]"))

    @property
    def path(self) -> str:
        parsed = urlparse(self.driver.current_url)
        return parsed.path + (f"?{parsed.query}" if parsed.query else "")

    # Finding things -------------------------------------------------------------------------

    def find(self, css: str) -> WebElement:
        return self.driver.find_element(By.CSS_SELECTOR, css)

    def find_all(self, css: str) -> list[WebElement]:
        return self.driver.find_elements(By.CSS_SELECTOR, css)

    def text(self, css: str) -> str:
        return self.find(css).text.strip()

    def h1(self) -> str:
        headings = self.find_all("h1")
        assert len(headings) == 1, f"expected one h1 on {self.path}, found {len(headings)}"
        return headings[0].text.strip()

    def active_element(self) -> WebElement:
        return self.driver.switch_to.active_element

    # HTTP status ----------------------------------------------------------------------------

    def drain_log(self) -> None:
        self.driver.get_log("performance")

    def document_status(self) -> int:
        """The HTTP status of the document now shown (after redirects), read from Chrome's network log.

        Call right after a navigation that went through `open` or `submit_and_wait` (they empty the log first).
        """
        status = None
        for entry in self.driver.get_log("performance"):
            message = json.loads(entry["message"])["message"]
            if message.get("method") == "Network.responseReceived" and message["params"].get("type") == "Document":
                status = message["params"]["response"]["status"]
        assert status is not None, "no document response in Chrome's network log"
        return int(status)

    # Accessibility --------------------------------------------------------------------------

    def check_axe(self) -> None:
        """Runs axe-core on the page as it is now; fails with a readable list of WCAG 2.1 A/AA violations."""
        if not self.driver.execute_script("return typeof window.axe === 'object'"):
            self.driver.execute_script(self._axe_js)
        result = self.driver.execute_async_script(_RUN_AXE, WCAG_TAGS)
        assert "error" not in result, f"axe did not run on {self.path}: {result.get('error')}"
        violations = result["violations"]
        markup = self.driver.execute_script(_MARKUP_PROBLEMS)
        self._axe_log.append({"url": self.path, "title": self.driver.title, "axe": result["version"],
                              "violations": [v["id"] for v in violations], "markup": markup})
        if violations or markup:
            message = format_violations(self.path, violations) if violations else ""
            if markup:
                message += f"\nMarkup problems on {self.path}:\n" + "\n".join(f"- {p}" for p in markup)
            raise AxeViolations(message.strip())
