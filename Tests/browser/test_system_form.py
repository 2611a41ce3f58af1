"""Creating a system through the form, and the form's answer to mistakes (422, kept input, summary)."""

import re
import uuid

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from support import TENANT

NEW_SYSTEM = f"{TENANT}/systems/new"


def set_date(b, css, iso):
    """Sets a date input the way a date picker would. Typing into one depends on the browser's locale."""
    b.driver.execute_script(
        "const el = document.querySelector(arguments[0]); el.value = arguments[1];"
        "el.dispatchEvent(new Event('input', {bubbles: true})); el.dispatchEvent(new Event('change', {bubbles: true}));",
        css, iso)
    assert b.find(css).get_attribute("value") == iso


def test_create_a_system_through_the_form(browser):
    b = browser
    name = f"Webbläsartestets system {uuid.uuid4().hex[:6]}"
    b.open(NEW_SYSTEM)
    assert b.h1() == "Nytt system"
    b.find("#f-name").send_keys(name)
    Select(b.find("#f-category")).select_by_value("verksamhetssystem")
    b.find("#f-product").send_keys("Testprodukt")
    b.find("#f-tags").send_keys("test, webbläsare")
    set_date(b, "#f-productionStartOn", "2024-09-01")
    b.submit_and_wait(b.find("#system-form button[type=submit]"))

    assert b.document_status() == 200  # after the 303 to the new system's page
    assert re.fullmatch(rf"{TENANT}/systems/[0-9A-Fa-f-]{{36}}", b.path), b.path
    b.check_axe()
    assert b.h1() == name
    assert b.text(".flash") == "Uppgifterna har sparats."
    assert b.find(".flash").get_attribute("role") == "status"  # announced to screen readers
    facts = b.text("dl.facts")
    assert "Testprodukt" in facts and "2024-09-01" in facts
    # A new verksamhetssystem has nobody in its roles yet: the page says so.
    assert "Systemägare saknas" in b.text(".notice.warning")

    # It is in the register now.
    b.open(f"{TENANT}/systems?q=" + name.split()[-1])
    assert [a.text for a in b.find_all("table.register tbody th a")] == [name]


def test_a_failed_save_returns_422_keeps_input_and_explains(browser):
    b = browser
    b.open(NEW_SYSTEM)
    b.find("#f-product").send_keys("Kept product")
    b.find("#f-aliases").send_keys("Gamla namnet")
    set_date(b, "#f-productionStartOn", "2026-03-01")
    set_date(b, "#f-decommissionPlannedOn", "2025-01-01")  # before production start: refused
    b.submit_and_wait(b.find("#system-form button[type=submit]"))

    assert b.document_status() == 422
    assert b.path == f"{TENANT}/systems"  # the form answers where it was posted; nothing was created
    assert b.driver.title.startswith("Fel: ")
    b.check_axe()

    # The error summary gets focus and links to each field with a problem.
    summary = b.find("#error-summary")
    assert b.active_element() == summary
    assert summary.get_attribute("role") == "alert"
    links = {a.get_attribute("hash"): a.text for a in summary.find_elements(By.CSS_SELECTOR, "a")}
    assert "#f-name" in links and "#f-decommissionPlannedOn" in links, links
    assert links["#f-name"].startswith("Namn:")

    # Each message sits next to its field and is tied to it.
    for field, message in [("name", "Ange namn"), ("decommissionPlannedOn", "Planerad avveckling kan inte ligga före driftstart")]:
        control = b.find(f"#f-{field}")
        error = b.find(f"#f-{field}-error")
        assert error.is_displayed()
        assert message in error.text
        assert f"f-{field}-error" in control.get_attribute("aria-describedby").split()
        assert control.get_attribute("aria-invalid") == "true"
        wrapper = control.find_element(By.XPATH, "./ancestor::div[contains(@class, 'field')][1]")
        assert "has-error" in wrapper.get_attribute("class")
        assert wrapper.find_element(By.CSS_SELECTOR, ".field-error") == error

    # What the user typed is still there.
    assert b.find("#f-product").get_attribute("value") == "Kept product"
    assert b.find("#f-aliases").get_attribute("value") == "Gamla namnet"
    assert b.find("#f-productionStartOn").get_attribute("value") == "2026-03-01"
    assert b.find("#f-decommissionPlannedOn").get_attribute("value") == "2025-01-01"
    # Fields without a problem are not marked.
    assert b.find("#f-product").get_attribute("aria-invalid") is None

    # Following a link in the summary puts the cursor in that field.
    summary.find_element(By.CSS_SELECTOR, "a[href='#f-name']").click()
    b.wait().until(lambda d: d.switch_to.active_element.get_attribute("id") == "f-name")

    # Correcting the mistakes saves the system.
    name = f"Rättat system {uuid.uuid4().hex[:6]}"
    b.find("#f-name").send_keys(name)
    Select(b.find("#f-category")).select_by_value("kommungemensamt")
    set_date(b, "#f-decommissionPlannedOn", "2030-12-31")
    b.submit_and_wait(b.find("#system-form button[type=submit]"))
    assert b.document_status() == 200
    b.check_axe()
    assert b.h1() == name
