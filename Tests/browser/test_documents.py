"""Governing documents (D1, L8): the administrator registers a document through its form, uploads a
version, says whom it concerns and publishes it; a concerned employee finds it in their list to read and
confirms; the owner then sees one confirmation counted. Every page visited is checked with axe (WCAG 2.1
A and AA)."""

import re
import tempfile
import uuid
from pathlib import Path

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from support import ADMIN, ADMIN_NAME, EMPLOYEE, TENANT

# Mattias Åberg works at Kommunledningskontoret in the demo municipality.
UNIT = "Kommunledningskontoret"


def set_value(b, css, value):
    """Date inputs take their value in the browser's locale when typed; set it as the form sends it."""
    b.driver.execute_script("arguments[0].value = arguments[1]", b.find(css), value)


def select_by_text_containing(select_element, text):
    select = Select(select_element)
    for option in select.options:
        if text in option.text:
            select.select_by_value(option.get_attribute("value"))
            return option.text
    raise AssertionError(f"no option containing {text!r}: {[o.text for o in select.options]}")


def test_publish_a_document_and_count_read_confirmations(browser):
    b = browser
    title = f"Riktlinje för informationshantering {uuid.uuid4().hex[:6]}"

    # The administrator registers the document through the form.
    b.open(f"{TENANT}/documents")
    assert b.h1() == "Styrdokument"
    b.submit_and_wait(b.find(f"main a[href='{TENANT}/documents/new']"))
    b.check_axe()
    b.find("#f-title").send_keys(title)
    chosen = select_by_text_containing(b.find("#f-typeKey"), "Riktlinje")
    assert re.match(r"^\d+\.\d+ ", chosen), chosen  # the type's rank in the precedence order
    select_by_text_containing(b.find("#f-ownerPersonId"), ADMIN_NAME)
    Select(b.find("#f-status")).select_by_value("faststalld")
    b.find("#f-decidedBy").send_keys("Kommunstyrelsen")
    set_value(b, "#f-decidedOn", "2026-01-15")
    b.find("#f-decisionReference").send_keys("KS 2026/14 § 3")
    b.submit_and_wait(b.find("main form button[type=submit]"))
    assert b.h1() == title
    b.check_axe()
    document_path = b.path.split("#")[0]

    # A version's file, uploaded through the page's form.
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "riktlinje.md"
        path.write_text("# Riktlinje för informationshantering\n\nLäs och följ.\n", encoding="utf-8")
        b.find("#f-file").send_keys(str(path))
        b.submit_and_wait(b.find("main form[action$='/versions'] button[type=submit]"))
    assert b.document_status() == 200
    b.check_axe()
    assert "riktlinje.md" in b.text("main table")

    # It concerns Kommunledningskontoret (and its sub-units).
    Select(b.find("#f-everyone")).select_by_value("false")
    label = b.driver.find_element(
        By.XPATH, f"//fieldset[@id='f-orgUnitIds']//label[normalize-space()='{UNIT}']")
    b.find(f"#{label.get_attribute('for')}").click()
    b.submit_and_wait(b.find("main form[action$='/audience'] button[type=submit]"))
    assert UNIT in b.text("main")
    b.check_axe()

    # Published by the administrator: the people concerned are asked to read it.
    b.submit_and_wait(b.find("main form[action$='/publication'] button[type=submit]"))
    b.check_axe()
    tally = b.text("main .reading-tally")
    match = re.search(r"0 av (\d+) har bekräftat", tally)
    assert match, tally
    concerned = int(match.group(1))
    assert concerned >= 1

    # The employee finds it in their list to read and confirms.
    b.sign_out()
    b.sign_in(EMPLOYEE, next_path=f"{TENANT}/documents")
    b.check_axe()
    to_read = b.text("main section.notice")
    assert title in to_read, to_read
    b.submit_and_wait(b.driver.find_element(By.LINK_TEXT, title))
    assert b.h1() == title
    b.check_axe()
    b.submit_and_wait(b.find("main form[action$='/confirmation'] button[type=submit]"))
    b.check_axe()
    assert not b.find_all("main form[action$='/confirmation']")

    # The owner sees one of them confirmed.
    b.sign_out()
    b.sign_in(ADMIN, next_path=document_path)
    b.check_axe()
    assert f"1 av {concerned} har bekräftat" in b.text("main .reading-tally")
