"""What each kind of account may do, as the pages show it: refusals explain who may, and buttons for
what the account may not do are not offered at all."""

import pytest
from selenium.webdriver.common.by import By

from support import EMPLOYEE, EMPLOYEE_NAME, OPERATOR, TENANT

REGISTER = f"{TENANT}/systems"


def system_url(b, name):
    b.open(f"{REGISTER}?q=" + name, axe=False)
    return b.driver.find_element(By.LINK_TEXT, name).get_attribute("pathname")


def button_texts(b):
    return [el.text.strip() for el in b.find_all("main a.button, main button")]


@pytest.mark.signed_in_as(EMPLOYEE)
@pytest.mark.parametrize("path, explanation", [
    (f"{TENANT}/accounts", "Bara kommunens administratör"),
    (f"{TENANT}/accounts/new", "Bara kommunens administratör"),
    (f"{TENANT}/systems/new", "Bara IT-samordnare"),
    (f"{TENANT}/people/new", "Bara kommunens administratör"),
])
def test_an_employee_is_refused_with_an_explanation(browser, path, explanation):
    b = browser
    b.open(path)  # axe checks the error page too
    assert b.document_status() == 403
    assert b.h1() == "Ingen behörighet"
    assert b.driver.title.startswith("Ingen behörighet")
    message = b.text(".error-page")
    assert "Du har inte behörighet till detta." in message
    assert explanation in message, message
    assert "kontakta kommunens administratör" in message
    # Still signed in, with a way on.
    assert b.text("header .viewer a") == EMPLOYEE_NAME
    assert b.find(".error-page a[href='/']")


@pytest.mark.signed_in_as(EMPLOYEE)
def test_an_employee_reads_the_register_but_is_offered_no_changes(browser):
    b = browser
    b.open(REGISTER)
    assert b.document_status() == 200
    assert b.h1() == "Systemregister"
    assert "Nytt system" not in button_texts(b)
    assert "Konton" not in [a.text.strip() for a in b.find_all("nav.main-nav a")]

    b.open(system_url(b, "Lifecare"))
    assert b.h1() == "Lifecare"
    buttons = button_texts(b)
    assert "Redigera" not in buttons and "Ta bort" not in buttons, buttons
    b.open(system_url(b, "Lifecare") + "/roles")
    assert not b.driver.find_elements(By.LINK_TEXT, "Tilldela roll")


def test_the_administrator_is_offered_the_changes(browser):
    b = browser
    b.open(REGISTER)
    assert "Nytt system" in button_texts(b)
    b.open(system_url(b, "Lifecare"))
    buttons = button_texts(b)
    assert "Redigera" in buttons and "Ta bort" in buttons, buttons


@pytest.mark.signed_in_as(OPERATOR)
def test_the_platform_operator_sees_the_platform_page_and_no_municipality(browser):
    b = browser
    assert b.path == "/platform"  # where signing in led
    b.open("/platform")
    assert b.document_status() == 200
    assert b.h1() == "Kommuner på tjänsten"
    assert "Sjöviks kommun" in b.text("main table")
    # A municipality's pages answer as if it did not exist.
    b.open(REGISTER)
    assert b.document_status() == 404
    assert b.h1() == "Hittades inte"
