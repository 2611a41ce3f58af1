"""One's own account (profile, API tokens, password) and the administrator's account pages."""

import json
import re
import urllib.error
import urllib.request
import uuid

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from support import ADMIN, ADMIN_NAME, SIGN_IN, TENANT

ACCOUNT = "/account"
PASSWORD = "/account/password"


def api_status(b, path, token):
    """The status of an API GET with a bearer token, sent outside the browser."""
    request = urllib.request.Request(b.url(path), headers={"Authorization": f"Bearer {token}"})
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, json.load(response)
    except urllib.error.HTTPError as error:
        return error.code, json.load(error)


def token_row(b, name):
    rows = [tr for tr in b.find_all("main table tbody tr") if tr.find_element(By.TAG_NAME, "th").text.strip() == name]
    assert len(rows) == 1, f"expected one row for the token {name!r}"
    return rows[0]


def test_my_account_shows_who_i_am(browser):
    b = browser
    b.submit_and_wait(b.find("header .viewer a"))  # the name in the header leads here
    assert b.path == ACCOUNT
    assert b.document_status() == 200
    b.check_axe()
    assert b.h1() == "Mitt konto"
    assert b.find("header .viewer a").get_attribute("aria-current") == "page"
    facts = b.text("dl.facts")
    assert ADMIN_NAME in facts and ADMIN in facts and "Sjöviks kommun" in facts and "Administratör" in facts


def test_a_new_token_is_shown_once_works_and_can_be_revoked(browser):
    b = browser
    name = f"Webbläsartest {uuid.uuid4().hex[:6]}"
    b.open(ACCOUNT)
    b.find("#f-name").send_keys(name)
    Select(b.find("#f-access")).select_by_value("read")
    b.submit_and_wait(b.find("form[action='/account/tokens'] button[type=submit]"))

    assert b.document_status() == 200
    b.check_axe()
    secret = b.text("#new-token")
    assert re.fullmatch(r"stb_[A-Za-z0-9_-]{40,}", secret), secret
    notice = b.find(".token-secret")
    assert notice.get_attribute("role") == "status" and "visas inte igen" in notice.text
    row = token_row(b, name)
    assert secret.startswith(row.find_element(By.CSS_SELECTOR, "td code").text.rstrip("…"))
    assert "Giltig" in row.text
    # The form is empty again, ready for the next token.
    assert b.find("#f-name").get_attribute("value") == ""

    # The token works against the API, as the account it belongs to.
    status, me = api_status(b, "/api/v1/me", secret)
    assert status == 200 and me["email"] == ADMIN and me["tokenAccess"] == "read"

    # Loaded again, the page no longer has the secret anywhere.
    b.open(ACCOUNT)
    assert not b.find_all("#new-token")
    assert secret not in b.driver.page_source
    assert "Giltig" in token_row(b, name).text

    revoke = token_row(b, name).find_element(By.CSS_SELECTOR, "form button[type=submit]")
    # Short on screen, but a screen reader hears which token it revokes.
    assert revoke.accessible_name == f"Återkalla {name}"
    b.submit_and_wait(revoke)
    assert b.path == ACCOUNT
    assert b.document_status() == 200
    b.check_axe()
    assert b.find(".flash").is_displayed()
    row = token_row(b, name)
    assert "Återkallad" in row.text and not row.find_elements(By.TAG_NAME, "button")
    status, body = api_status(b, "/api/v1/me", secret)
    assert status == 401 and body["code"] == "auth.token-revoked"


def test_a_token_without_a_name_is_refused_with_the_form_kept(browser):
    b = browser
    b.open(ACCOUNT, axe=False)
    b.find("#f-validDays").clear()
    b.find("#f-validDays").send_keys("30")
    b.submit_and_wait(b.find("form[action='/account/tokens'] button[type=submit]"))
    assert b.document_status() == 422
    b.check_axe()
    assert b.active_element() == b.find("#error-summary")
    assert b.find("#f-name").get_attribute("aria-invalid") == "true"
    assert b.find("#f-validDays").get_attribute("value") == "30"
    assert not b.find_all("#new-token")


def test_the_password_page_passes_axe_and_explains_a_wrong_current_password(browser):
    b = browser
    b.open(ACCOUNT, axe=False)
    b.submit_and_wait(b.driver.find_element(By.LINK_TEXT, "Byt lösenord"))
    assert b.path == PASSWORD
    assert b.document_status() == 200
    b.check_axe()
    assert b.h1() == "Byt lösenord"
    for field in ["currentPassword", "newPassword", "repeatPassword"]:
        assert b.find(f"#f-{field}").get_attribute("type") == "password"
        assert b.find(f"label[for=f-{field}]").is_displayed()

    b.find("#f-currentPassword").send_keys("fel-lösenord")
    b.find("#f-newPassword").send_keys("ett nytt långt lösenord")
    b.find("#f-repeatPassword").send_keys("ett nytt långt lösenord")
    b.submit_and_wait(b.find("main form button[type=submit]"))
    assert b.document_status() == 422
    b.check_axe()
    assert b.driver.title.startswith("Fel: ")
    assert b.active_element() == b.find("#error-summary")
    assert "Nuvarande lösenord stämmer inte." in b.text("#f-currentPassword-error")
    # No password is ever sent back to the browser.
    assert all(b.find(f"#f-{f}").get_attribute("value") == "" for f in ["currentPassword", "newPassword"])


def test_the_administrator_creates_an_account_that_signs_in_and_changes_its_password(browser):
    b = browser
    suffix = uuid.uuid4().hex[:6]
    email, name = f"testperson.{suffix}@sjovik.se", f"Testperson {suffix}"
    b.open(f"{TENANT}/accounts")
    assert b.h1() == "Konton"
    assert ADMIN in b.text("main table")
    b.submit_and_wait(b.driver.find_element(By.LINK_TEXT, "Nytt konto"))
    assert b.path == f"{TENANT}/accounts/new"
    b.check_axe()
    b.find("#f-name").send_keys(name)
    b.find("#f-email").send_keys(email)
    b.submit_and_wait(b.find("main form button[type=submit]"))

    assert b.document_status() == 201
    b.check_axe()
    assert b.h1() == "Kontot är skapat"
    assert email in b.text(".token-secret")
    first_password = b.text("#issued-password")
    assert len(first_password) >= 12

    # Resetting it from the list shows a new password, once, and the first no longer works.
    b.submit_and_wait(b.driver.find_element(By.LINK_TEXT, "Tillbaka till kontona"))
    row = next(tr for tr in b.find_all("main table tbody tr") if email in tr.text)
    reset = row.find_element(By.CSS_SELECTOR, "form button[type=submit]")
    assert reset.accessible_name == f"Återställ lösenord för {name}"
    b.submit_and_wait(reset)
    assert b.document_status() == 200
    b.check_axe()
    assert b.h1() == "Lösenordet är återställt"
    password = b.text("#issued-password")
    assert len(password) >= 12 and password != first_password

    # The new account signs in with it and chooses its own.
    b.sign_out()
    b.sign_in(email, password)
    assert b.path == f"{TENANT}/systems"
    assert b.text("header .viewer a") == name
    b.open(PASSWORD, axe=False)
    new = f"ett eget lösenord {suffix}"
    b.find("#f-currentPassword").send_keys(password)
    b.find("#f-newPassword").send_keys(new)
    b.find("#f-repeatPassword").send_keys(new)
    b.submit_and_wait(b.find("main form button[type=submit]"))
    assert b.path == ACCOUNT
    b.check_axe()
    assert b.find(".flash").is_displayed()

    # The old passwords no longer work; the new one does.
    b.sign_out()
    for old in [first_password, password]:
        b.sign_in(email, old)
        assert b.path == SIGN_IN and b.document_status() == 401
    b.sign_in(email, new)
    assert b.path == f"{TENANT}/systems"
