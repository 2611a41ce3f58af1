"""Services and service levels (D7, T7, T8): the administrator adds a service with a level to the
tjänstekatalog, records an agreement for a system with its systemägare, records an outage last month,
and sees the month's measured availability below the agreed level on the system's page and the finding
on the compliance page. Every page visited is checked with axe (WCAG 2.1 A and AA)."""

import datetime
import re
import uuid

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from support import TENANT


def set_value(b, css, value):
    """Date and time inputs take their value in the browser's locale when typed; set it as the form sends it."""
    b.driver.execute_script(
        "const el = document.querySelector(arguments[0]); el.value = arguments[1];"
        "el.dispatchEvent(new Event('change', {bubbles: true}));",
        css, value)


def test_agreement_outage_and_availability_below_the_agreed_level(browser):
    b = browser
    tag = uuid.uuid4().hex[:6]
    service = f"Drift av verksamhetssystem {tag}"
    system = f"Tjänstetestets system {tag}"

    # The catalogue: a service with a price and a level of 99.9 % around the clock.
    b.open(f"{TENANT}/services")
    assert b.h1() == "Tjänstekatalog"
    b.submit_and_wait(b.find(f"main a[href='{TENANT}/services/new']"))
    b.check_axe()
    b.find("#f-name").send_keys(service)
    b.find("#f-description").send_keys("Drift, övervakning och säkerhetskopiering.")
    b.find("#f-price").send_keys("12000")
    Select(b.find("#f-priceModel")).select_by_value("per-system-ar")
    b.submit_and_wait(b.find("main form button[type=submit]"))
    assert b.path == f"{TENANT}/services"
    b.check_axe()
    section = [s for s in b.find_all("main section") if service in s.text][0]
    b.submit_and_wait(section.find_element(By.CSS_SELECTOR, "a[href$='/levels/new']"))
    b.check_axe()
    b.find("#f-name").send_keys("Plus")
    b.find("#f-availabilityPercent").send_keys("99,9")
    Select(b.find("#f-serviceHours")).select_by_value("always")
    b.submit_and_wait(b.find("main form button[type=submit]"))
    assert "99,9 %" in b.text("main")

    # A new system and its systemägare.
    b.open(f"{TENANT}/systems/new")
    b.find("#f-name").send_keys(system)
    Select(b.find("#f-category")).select_by_value("verksamhetssystem")
    b.submit_and_wait(b.find("#system-form button[type=submit]"))
    system_url = b.path
    assert re.fullmatch(rf"{TENANT}/systems/[0-9A-Fa-f-]{{36}}", system_url), system_url
    b.open(system_url + "/roles")
    b.submit_and_wait(b.driver.find_element(By.LINK_TEXT, "Tilldela roll"))
    Select(b.find("#f-roleTypeId")).select_by_visible_text("Systemägare")
    people = Select(b.find("#f-personId"))
    owner = [o for o in people.options if o.get_attribute("value")][0]
    owner_name = owner.text.split(",")[0]
    people.select_by_value(owner.get_attribute("value"))
    set_value(b, "#f-validFrom", "2024-01-01")
    b.submit_and_wait(b.find("main form[method=post] button[type=submit]"))
    assert b.path == system_url + "/roles"

    # The agreement, from the system's Drift tab: the systemägare is filled in.
    b.open(system_url + "/service")
    assert "Systemet har inget driftavtal" in b.text("main")
    b.check_axe()
    b.submit_and_wait(b.driver.find_element(By.LINK_TEXT, "Nytt driftavtal"))
    assert b.h1() == "Nytt driftavtal"
    b.check_axe()
    assert Select(b.find("#f-ownerPersonId")).first_selected_option.text.startswith(owner_name)
    levels = Select(b.find("#f-serviceLevelId"))
    levels.select_by_visible_text(f"{service} – Plus (99,9 %)")
    Select(b.find("#f-serviceHours")).select_by_index(0)  # the level's
    b.find("#f-p1ResponseMinutes").send_keys("30")
    b.find("#f-p1ResolutionMinutes").send_keys("240")
    b.find("#f-responsibilities").send_keys("IT-enheten sköter drift; förvaltningen testar uppdateringar.")
    set_value(b, "#f-validFrom", "2024-01-01")
    set_value(b, "#f-validTo", "2030-12-31")
    b.find("#f-noticePeriodMonths").send_keys("6")

    # A mistake first: a resolution time shorter than the response time is refused by field.
    b.find("#f-p2ResponseMinutes").send_keys("120")
    b.find("#f-p2ResolutionMinutes").send_keys("60")
    b.submit_and_wait(b.find("main form button[type=submit]"))
    assert b.document_status() == 422
    assert "Åtgärdstiden för P2" in b.text("main")
    b.check_axe()
    b.find("#f-p2ResolutionMinutes").clear()
    b.find("#f-p2ResolutionMinutes").send_keys("480")
    b.submit_and_wait(b.find("main form button[type=submit]"))
    assert b.path == system_url + "/service"
    assert "99,9 %" in b.text("main") and owner_name in b.text("main")
    b.check_axe()

    # An unplanned outage of twelve hours on the 10th of last month.
    today = datetime.date.today()
    last_month = (today.replace(day=1) - datetime.timedelta(days=1)).replace(day=10)
    b.submit_and_wait(b.driver.find_element(By.LINK_TEXT, "Registrera avbrott"))
    assert b.h1() == "Registrera avbrott"
    b.check_axe()
    set_value(b, "#f-startDate", last_month.isoformat())
    set_value(b, "#f-startTime", "08:00")
    set_value(b, "#f-endDate", last_month.isoformat())
    set_value(b, "#f-endTime", "20:00")
    b.find("#f-description").send_keys("Databasservern startade inte efter uppdatering.")
    b.submit_and_wait(b.find("main form button[type=submit]"))
    assert b.path == system_url + "/service"
    b.check_axe()

    # Last month's measured availability is below the agreed 99.9 %.
    month = last_month.strftime("%Y-%m")
    rows = {r.find_element(By.CSS_SELECTOR, "th").text: r.text for r in b.find_all("table.availability tbody tr")}
    assert month in rows, rows
    assert "Under avtalad nivå" in rows[month], rows[month]
    assert "12 h" in rows[month]
    assert "Databasservern" in b.text("main")

    # The finding on the compliance page.
    b.open(f"{TENANT}/efterlevnad/avvikelser?rule=services.availability")
    b.check_axe()
    findings = [r.text for r in b.find_all("table.findings tbody tr")]
    assert any(system in f and month in f for f in findings), findings
