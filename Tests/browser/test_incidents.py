"""Incidents (T9, F5): an employee reports a personal data breach and sees the 72 hours for reporting it
to IMY; the handler records the IMY notification, adds an action, and closes the incident with a lesson
learned. Every page visited is checked with axe (WCAG 2.1 A and AA)."""

import datetime
import uuid
from zoneinfo import ZoneInfo

import pytest
from selenium.webdriver.support.ui import Select

from support import ADMIN, EMPLOYEE, TENANT


def set_value(b, css, value):
    """Date and time inputs take their value in the browser's locale when typed; set it as the form sends it."""
    b.driver.execute_script("arguments[0].value = arguments[1]", b.find(css), value)


@pytest.mark.signed_in_as(EMPLOYEE)
def test_a_breach_is_reported_notified_to_imy_and_closed_with_a_lesson(browser):
    b = browser
    title = f"Brev till fel mottagare {uuid.uuid4().hex[:6]}"

    # The employee reports from the incident list.
    b.open(f"{TENANT}/incidents")
    assert b.h1() == "Incidenter"
    assert b.find("nav.main-nav a[aria-current=page]").text.strip() == "Incidenter"
    b.submit_and_wait(b.find(f"main a[href='{TENANT}/incidents/new']"))
    assert b.h1() == "Rapportera en incident"
    b.check_axe()

    # A report without what happened comes back with the message next to the field.
    Select(b.find("#f-kind")).select_by_value("personuppgiftsincident")
    b.find("#f-title").send_keys(title)
    b.submit_and_wait(b.find("main form button[type=submit]"))
    assert b.document_status() == 422
    assert b.find("#f-title").get_attribute("value") == title
    assert "Vad hände?" in b.text("#f-description-error") or b.find("#f-description-error")
    b.check_axe()

    # Discovered an hour ago, Swedish time: 71 hours left.
    found = datetime.datetime.now(ZoneInfo("Europe/Stockholm")) - datetime.timedelta(hours=1)
    b.find("#f-description").send_keys("Ett beslut med personnummer skickades till fel adress.")
    set_value(b, "#f-occurredAt", found.strftime("%Y-%m-%d"))
    set_value(b, "#f-occurredAtTime", found.strftime("%H:%M"))
    set_value(b, "#f-discoveredAt", found.strftime("%Y-%m-%d"))
    set_value(b, "#f-discoveredAtTime", found.strftime("%H:%M"))
    b.submit_and_wait(b.find("main form button[type=submit]"))
    assert title in b.h1()
    deadline = b.text("#imy-deadline")
    assert "kvar" in deadline and ("70 h" in deadline or "71 h" in deadline), deadline
    # The employee reads, but does not handle.
    assert not b.find_all("main form[action$='/imy']")
    b.check_axe()
    incident_path = b.path.split("#")[0]

    # The handler (the administrator) records the report to IMY.
    b.sign_out()
    b.sign_in(ADMIN, next_path=incident_path)
    assert title in b.h1()
    b.check_axe()
    Select(b.find("#f-notified")).select_by_value("true")
    b.find("#f-reference").send_keys("IMY-2026-4711")
    b.submit_and_wait(b.find("main form[action$='/imy'] button[type=submit]"))
    assert "Anmäld i tid" in b.text("#imy-deadline")
    assert "IMY-2026-4711" in b.text("main #imy")
    b.check_axe()

    # An action with a responsible person and a day.
    b.find("#action-f-description").send_keys("Be mottagaren förstöra brevet")
    Select(b.find("#action-f-responsiblePersonId")).select_by_index(1)
    set_value(b, "#action-f-dueOn", (datetime.date.today() + datetime.timedelta(days=7)).isoformat())
    b.submit_and_wait(b.find("main form[action$='/actions'] button[type=submit]"))
    rows = [r.text for r in b.find_all("main #actions table tbody tr")]
    assert any("Be mottagaren förstöra brevet" in r and "Pågår" in r for r in rows), rows
    b.check_axe()
    b.submit_and_wait(b.find("main #actions table form button[type=submit]"))
    assert "Klar" in b.text("main #actions table tbody")

    # Closing needs a lesson learned.
    Select(b.find("#status-f-status")).select_by_value("avslutad")
    b.submit_and_wait(b.find("main form[action$='/status'] button[type=submit]"))
    assert b.document_status() == 422
    assert b.find("#status-f-lesson-error")
    b.check_axe()
    Select(b.find("#status-f-status")).select_by_value("avslutad")
    b.find("#status-f-lesson").send_keys("Adresser kontrolleras mot folkbokföringen före utskick.")
    b.submit_and_wait(b.find("main form[action$='/status'] button[type=submit]"))
    assert "Avslutad" in b.text("main dl") or "Avslutad" in b.text("main")
    assert "Adresser kontrolleras" in b.text("main")
    b.check_axe()

    # The statistics count it.
    b.open(f"{TENANT}/incidents/statistics")
    assert b.h1() == "Incidentstatistik"
    assert "Personuppgiftsincident" in b.text("main")
