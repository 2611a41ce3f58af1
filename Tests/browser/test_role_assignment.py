"""Appointing a systemförvaltare and an ersättare through the role form closes the system's role gaps."""

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from support import TENANT

MANAGER_GAP = "Systemförvaltare saknas"
DEPUTY_GAP = "Ersättare för systemförvaltare saknas"


def gaps_on_system_page(b):
    notices = b.find_all(".notice.warning li")
    return [li.text.strip() for li in notices]


def assign(b, system_url, role, holding):
    """Opens the role form from the system's Roller tab, appoints someone and returns their name."""
    b.open(system_url + "/roles")
    b.submit_and_wait(b.driver.find_element(By.LINK_TEXT, "Tilldela roll"))
    assert b.path.startswith(f"{TENANT}/role-assignments/new?")
    assert "scope=system" in b.path
    b.check_axe()
    assert b.h1().startswith("Tilldela roll – Speedadmin")

    Select(b.find("#f-roleTypeId")).select_by_visible_text(role)
    people = Select(b.find("#f-personId"))
    choices = [o for o in people.options if o.get_attribute("value")]
    assert len(choices) > 2
    person = choices[0 if holding == "Ordinarie" else 1]
    person_name = person.text.split(",")[0]
    people.select_by_value(person.get_attribute("value"))
    Select(b.find("#f-holding")).select_by_visible_text(holding)
    assert b.find("#f-validFrom").get_attribute("value")  # today, filled in
    b.find("#f-decisionReference").send_keys("KS 2026/17")
    b.submit_and_wait(b.find("main form[method=post] button[type=submit]"))

    assert b.document_status() == 200
    assert b.path == system_url + "/roles"  # back on the system's roles tab
    b.check_axe()
    assert b.text(".flash") == "Rollen har tilldelats."
    return person_name


def test_appointing_manager_and_deputy_closes_the_gap(browser):
    b = browser
    b.open(f"{TENANT}/systems?q=speedadmin")
    link = b.driver.find_element(By.LINK_TEXT, "Speedadmin")
    system_url = link.get_attribute("pathname")
    b.submit_and_wait(link)
    b.check_axe()
    before = gaps_on_system_page(b)
    assert any(g.startswith(MANAGER_GAP) for g in before), before
    assert any(g.startswith(DEPUTY_GAP) for g in before), before

    manager = assign(b, system_url, "Systemförvaltare", "Ordinarie")
    gaps = gaps_on_system_page(b)
    assert not any(g.startswith(MANAGER_GAP) for g in gaps), gaps
    assert any(g.startswith(DEPUTY_GAP) for g in gaps), gaps  # still no ersättare

    deputy = assign(b, system_url, "Systemförvaltare", "Ersättare")
    gaps = gaps_on_system_page(b)
    assert not any(g.startswith(DEPUTY_GAP) for g in gaps), gaps
    assert not any("systemförvaltare" in g.lower() for g in gaps), gaps

    # The roles tab lists both holders and marks the requirement as met.
    holders = {row.find_element(By.CSS_SELECTOR, "td:nth-of-type(1)").text: row.find_element(By.CSS_SELECTOR, "td:nth-of-type(2)").text
               for row in b.find_all(".tab-panel > .table-wrap table tbody tr") if row.find_element(By.TAG_NAME, "th").text == "Systemförvaltare"}
    assert holders == {manager: "Ordinarie", deputy: "Ersättare"}, holders

    # And the register no longer lists the gap for the system.
    b.open(f"{TENANT}/systems?q=speedadmin")
    cell = b.find("table.register tbody tr td:nth-child(8)").text
    assert MANAGER_GAP not in cell and DEPUTY_GAP not in cell, cell
    assert manager in b.find("table.register tbody tr td:nth-child(7)").text


def test_role_form_refuses_a_missing_person_and_bad_dates(browser):
    b = browser
    b.open(f"{TENANT}/systems?q=lifecare", axe=False)
    system_url = b.driver.find_element(By.LINK_TEXT, "Lifecare").get_attribute("pathname")
    b.open(system_url + "/roles", axe=False)
    b.submit_and_wait(b.driver.find_element(By.LINK_TEXT, "Tilldela roll"))
    Select(b.find("#f-roleTypeId")).select_by_visible_text("Systemförvaltare")
    b.driver.execute_script("document.getElementById('f-validFrom').value = ''")
    b.submit_and_wait(b.find("main form[method=post] button[type=submit]"))

    assert b.document_status() == 422
    b.check_axe()
    assert b.active_element() == b.find("#error-summary")
    assert "Välj en person." in b.text("#f-personId-error")
    assert "Ange ett datum." in b.text("#f-validFrom-error")
    # The chosen role is kept.
    assert Select(b.find("#f-roleTypeId")).first_selected_option.text == "Systemförvaltare"
