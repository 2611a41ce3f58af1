"""Signing in and out, and what the header shows the person who is signed in."""

from urllib.parse import parse_qs, urlparse

import pytest

from support import ADMIN, ADMIN_NAME, SIGN_IN, TENANT

REGISTER = f"{TENANT}/systems"


@pytest.mark.signed_out
def test_the_sign_in_page_passes_axe_and_labels_its_fields(browser):
    b = browser
    b.open(SIGN_IN)
    assert b.document_status() == 200
    assert b.h1() == "Logga in"
    assert b.find("html").get_attribute("lang") == "sv"
    email, password = b.find("#f-email"), b.find("#f-password")
    assert b.find("label[for=f-email]").text.strip() == "E-postadress"
    assert b.find("label[for=f-password]").text.strip() == "Lösenord"
    # Password managers recognise the pair by these.
    assert email.get_attribute("type") == "email" and email.get_attribute("autocomplete") == "username"
    assert password.get_attribute("type") == "password"
    assert password.get_attribute("autocomplete") == "current-password"
    assert not b.find_all("header form.sign-out")
    assert not b.find_all("header a.sign-in")  # no link to the page itself


@pytest.mark.signed_out
def test_a_wrong_password_is_explained_and_the_email_kept(browser):
    b = browser
    b.open(SIGN_IN, axe=False)
    b.find("#f-email").send_keys(ADMIN)
    b.find("#f-password").send_keys("inte-lösenordet")
    b.submit_and_wait(b.find("main form button[type=submit]"))

    assert b.document_status() == 401
    assert b.path == SIGN_IN
    b.check_axe()
    assert b.driver.title.startswith("Fel: ")
    error = b.find("main .error-summary")
    assert error.get_attribute("role") == "alert"
    assert "Fel e-postadress eller lösenord" in error.text
    assert b.active_element() == error  # announced and where the keyboard is
    assert b.find("#f-email").get_attribute("value") == ADMIN
    assert b.find("#f-password").get_attribute("value") == ""  # a password is never sent back


@pytest.mark.signed_out
def test_signing_in_lands_on_the_register_with_the_name_in_the_header(browser):
    b = browser
    b.sign_in(ADMIN, axe=True)
    assert b.document_status() == 200
    assert b.path == REGISTER  # the start page sends a member to their municipality's register
    b.check_axe()
    assert b.h1() == "Systemregister"
    viewer = b.find("header .viewer")
    account = viewer.find_element("css selector", "a")
    assert account.text.strip() == ADMIN_NAME
    assert account.get_attribute("pathname") == "/account"
    button = viewer.find_element("css selector", "form.sign-out button[type=submit]")
    assert button.text.strip() == "Logga ut" and button.is_displayed()
    # The administrator's main menu has the accounts; the sign-in link is gone.
    assert "Konton" in [a.text.strip() for a in b.find_all("nav.main-nav a")]
    assert not b.find_all("header a.sign-in")


def test_signing_out_ends_the_session(browser):
    b = browser
    b.open(REGISTER, axe=False)
    b.sign_out()
    assert b.document_status() == 200
    assert b.path == SIGN_IN
    b.check_axe()
    assert b.text(".flash")  # says that you have signed out
    assert not b.find_all("header .viewer")

    # The register now sends the browser to sign in, and back to the register afterwards.
    b.open(REGISTER + "?q=lifecare", axe=False)
    url = urlparse(b.driver.current_url)
    assert url.path == SIGN_IN
    assert parse_qs(url.query)["next"] == [REGISTER + "?q=lifecare"]
    b.check_axe()
    b.find("#f-email").send_keys(ADMIN)
    b.find("#f-password").send_keys("styrbord-demo")
    b.submit_and_wait(b.find("main form button[type=submit]"))
    assert b.path == REGISTER + "?q=lifecare"
    assert b.find("#f-q").get_attribute("value") == "lifecare"


@pytest.mark.signed_out
def test_signed_out_pages_of_every_kind_lead_to_sign_in(browser):
    b = browser
    for path in [REGISTER, f"{TENANT}/accounts", "/account", "/account/password", "/platform", "/"]:
        b.open(path, axe=False)
        assert urlparse(b.driver.current_url).path == SIGN_IN, path
