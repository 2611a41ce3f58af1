"""Proposals (issue 5): an employee submits a proposal and answers the checklist, which classifies it and
gives its route; a form sent with a gap comes back with the message by the field. Every page is
checked with axe (WCAG 2.1 A and AA)."""

import re
import uuid

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from support import EMPLOYEE, TENANT


def fill_proposal(b, title):
    b.find("#f-title").send_keys(title)
    b.find("#f-need").send_keys("Handläggarna skriver av ansökningar för hand; en e-tjänst sparar tid.")
    Select(b.find("#f-orgUnitId")).select_by_index(1)
    Select(b.find("#f-category")).select_by_value("verksamhetssystem")
    b.find("#f-expectedCost").send_keys("750000")


@pytest.mark.signed_in_as(EMPLOYEE)
def test_an_employee_submits_a_proposal_and_answers_the_checklist(browser):
    b = browser
    b.open(f"{TENANT}/proposals")
    assert b.h1() == "Förslag till IT-insatser"
    assert b.find("nav.main-nav a[aria-current=page]").text.strip() == "Förslag"
    b.submit_and_wait(b.find("main a[href$='/proposals/new']"))
    b.check_axe()
    title = f"E-tjänst för bygglov {uuid.uuid4().hex[:6]}"
    fill_proposal(b, title)
    b.submit_and_wait(b.find("main form button[type=submit]"))
    b.check_axe()
    # The proposal has its diarienummer and shows the checklist of the municipality's profile.
    assert b.h1() == title
    assert re.search(r"IT 20\d\d/\d{4}", b.text("main"))
    checklist = b.find("#checklist")
    assert checklist.find_elements(By.CSS_SELECTOR, "select, input, textarea")
    for select in checklist.find_elements(By.CSS_SELECTOR, "select"):
        options = [o.get_attribute("value") for o in select.find_elements(By.TAG_NAME, "option")]
        Select(select).select_by_value("nytt-system" if "nytt-system" in options else options[-1])
    for field in checklist.find_elements(By.CSS_SELECTOR, "input[inputmode=numeric]"):
        field.clear()
        field.send_keys("750000")
    for area in checklist.find_elements(By.CSS_SELECTOR, "textarea"):
        area.send_keys("Ingen annan förvaltning har samma behov.")
    b.submit_and_wait(checklist.find_element(By.CSS_SELECTOR, "button[type=submit]"))
    b.check_axe()
    # The answers give a classification, and so the route with its steps.
    route = b.text("#route")
    assert "Klassning" in route or "klassning" in route
    assert b.find_all("#route li, #route tr")
    # The list shows it.
    b.open(f"{TENANT}/proposals")
    assert title in b.text("main")


@pytest.mark.signed_in_as(EMPLOYEE)
def test_a_proposal_without_its_need_comes_back_with_the_message_by_the_field(browser):
    b = browser
    b.open(f"{TENANT}/proposals/new", axe=False)
    fill_proposal(b, "Utan behov")
    b.find("#f-need").clear()
    # The browser's own check would stop the post; the server must explain too.
    b.driver.execute_script("document.querySelector('#f-need').removeAttribute('required')")
    b.submit_and_wait(b.find("main form button[type=submit]"))
    assert b.document_status() == 422
    assert b.find("#f-title").get_attribute("value") == "Utan behov"
    assert b.find("#f-need").get_attribute("aria-invalid") == "true"
    b.check_axe()
