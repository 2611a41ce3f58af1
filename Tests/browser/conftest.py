"""Fixtures for the browser tests: a demo server, a headless Chrome and axe-core.

Nothing is built here. The server binary comes from STYRBORD_BIN (default .build/debug/styrbord,
relative to the repository root); build it first (`swift build --product styrbord`).

Every page but /login needs a signed-in session, so the `browser` fixture signs in through the real
sign-in form, as the demo administrator unless the test says otherwise:

    @pytest.mark.signed_in_as(EMPLOYEE)   # another demo account (support.py names them)
    @pytest.mark.signed_out               # no session at all
"""

from __future__ import annotations

import json
import os
import re
import shutil
import socket
import subprocess
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from selenium import webdriver
from selenium.webdriver.chrome.service import Service

from support import ADMIN, Browser, axe_source

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "artifacts" / "browser"
CHROMEDRIVER = os.environ.get("CHROMEDRIVER", "/usr/bin/chromedriver")
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
SERVER_START_TIMEOUT = 120  # seconds: loading the demo municipality into a fresh file takes a few


def pytest_configure(config):
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    config.axe_pages = []
    config.addinivalue_line("markers", "signed_in_as(email): the browser fixture signs in as this demo account")
    config.addinivalue_line("markers", "signed_out: the browser fixture does not sign in")


def pytest_sessionfinish(session, exitstatus):
    # Which pages axe checked and what it found: proof that every visited page was looked at.
    pages = getattr(session.config, "axe_pages", [])
    (ARTIFACTS / "axe-pages.json").write_text(json.dumps(pages, indent=2, ensure_ascii=False), encoding="utf-8")


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    # Lets the browser fixture see, at teardown, whether the test failed.
    outcome = yield
    report = outcome.get_result()
    setattr(item, f"report_{report.when}", report)


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _healthy(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=2) as response:
            return response.status == 200
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return False


@pytest.fixture(scope="session")
def server():
    """Starts `styrbord serve --demo` on a fresh SQLite file and a free port; yields the base URL."""
    binary = Path(os.environ.get("STYRBORD_BIN", ".build/debug/styrbord"))
    if not binary.is_absolute():
        binary = ROOT / binary
    if not os.access(binary, os.X_OK):
        pytest.exit(f"No styrbord binary at {binary}: run `swift build --product styrbord` or set STYRBORD_BIN", 2)

    workdir = Path(tempfile.mkdtemp(prefix="styrbord-browser-"))
    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    log_path = ARTIFACTS / "server.log"
    with open(log_path, "wb") as log:
        process = subprocess.Popen(
            [str(binary), "serve", "--database", str(workdir / "styrbord.sqlite"), "--port", str(port), "--demo"],
            cwd=workdir, stdout=log, stderr=subprocess.STDOUT,
            env={**os.environ, "DATABASE_URL": "", "LOG_LEVEL": os.environ.get("LOG_LEVEL", "notice")},
        )
        try:
            deadline = time.monotonic() + SERVER_START_TIMEOUT
            while not _healthy(f"{base}/healthz"):
                if time.monotonic() > deadline:
                    pytest.exit(f"styrbord did not answer /healthz within {SERVER_START_TIMEOUT} s; see {log_path}", 2)
                try:
                    # Waits for the process to exit (a crash at start), at most a moment, then asks again.
                    code = process.wait(timeout=0.25)
                    pytest.exit(f"styrbord exited with {code} before serving; see {log_path}", 2)
                except subprocess.TimeoutExpired:
                    pass
            yield base
        finally:
            process.terminate()
            try:
                process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
            shutil.rmtree(workdir, ignore_errors=True)


def _chrome_options() -> webdriver.ChromeOptions:
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for arg in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,1000",
                "--disable-gpu", "--disable-extensions", "--no-first-run", "--lang=sv-SE"):
        options.add_argument(arg)
    # The performance log carries each document's HTTP status (Selenium has no API for it).
    options.set_capability("goog:loggingPrefs", {"performance": "ALL"})
    return options


@pytest.fixture(scope="session")
def axe_js() -> str:
    return axe_source()


def _artifact_name(nodeid: str) -> str:
    return re.sub(r"[^A-Za-z0-9_.-]+", "_", nodeid.split("::", 1)[-1])[:120]


def _account_for(request) -> str | None:
    """The demo account a test runs as: the administrator unless a marker says otherwise."""
    if request.node.get_closest_marker("signed_out"):
        return None
    marker = request.node.get_closest_marker("signed_in_as")
    return marker.args[0] if marker else ADMIN


@pytest.fixture
def browser(request, server, axe_js):
    """A fresh headless Chrome per test (no cookies carried over), wrapped in `support.Browser` and
    signed in through the sign-in form (see the module's docstring for choosing the account).

    On failure the screenshot and the HTML of the page it was on go to artifacts/browser/.
    """
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=_chrome_options())
    driver.set_page_load_timeout(30)
    driver.set_script_timeout(60)
    b = Browser(driver, server, axe_js, request.config.axe_pages)
    try:
        email = _account_for(request)
        if email:
            b.sign_in(email)
            assert not b.path.startswith("/login"), f"signing in as {email} failed: {b.text('main')[:300]}"
        yield b
    finally:
        failed = any(getattr(getattr(request.node, f"report_{when}", None), "failed", False) for when in ("setup", "call"))
        if failed:
            name = _artifact_name(request.node.nodeid)
            try:
                driver.save_screenshot(str(ARTIFACTS / f"{name}.png"))
                (ARTIFACTS / f"{name}.html").write_text(driver.page_source, encoding="utf-8")
                (ARTIFACTS / f"{name}.url.txt").write_text(driver.current_url + "\n", encoding="utf-8")
            except Exception as error:  # the browser itself may be what failed
                (ARTIFACTS / f"{name}.error.txt").write_text(repr(error), encoding="utf-8")
        driver.quit()
