"""Forums and meetings (issue 5): the IT-samordnare convenes her förvaltning's lokalt IT-forum, builds the
agenda from the proposals waiting for it and records the outcome at the meeting, and the proposal moves
on; the forum's calendar feed parses in a real calendar library. axe checks every page visited."""

import datetime
import urllib.request
import uuid

import icalendar
import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from support import COORDINATOR, TENANT

FORUM = f"{TENANT}/forums/lokalt-it-forum"
# Ulrika Persson is IT-samordnare for Kommunledningskontoret in the demo municipality (D4).
ADMINISTRATION = "Kommunledningskontoret"


def select_by_text_containing(select_element, text):
    select = Select(select_element)
    for option in select.options:
        if text in option.text:
            select.select_by_value(option.get_attribute("value"))
            return option.text
    raise AssertionError(f"no option containing {text!r}: {[o.text for o in select.options]}")


def set_value(b, css, value):
    """Date and time inputs take their value in the browser's locale when typed; set it as the form sends it."""
    b.driver.execute_script("arguments[0].value = arguments[1]", b.find(css), value)


def submit_form(b, action_suffix):
    b.submit_and_wait(b.find(f"main form[action$='{action_suffix}'] button[type=submit]"))


@pytest.mark.signed_in_as(COORDINATOR)
def test_convener_builds_agenda_and_records_the_outcome(browser):
    b = browser
    title = f"Digital närvaroregistrering {uuid.uuid4().hex[:6]}"

    # A proposal of her förvaltning, a new system: a larger proposal whose first step is the lokalt IT-forum.
    b.open(f"{TENANT}/proposals/new")
    b.find("#f-title").send_keys(title)
    b.find("#f-need").send_keys("Närvaro rapporteras på papper och förs in för hand.")
    select_by_text_containing(b.find("#f-orgUnitId"), ADMINISTRATION)
    Select(b.find("#f-category")).select_by_value("verksamhetssystem")
    b.submit_and_wait(b.find("main form[method=post] button[type=submit]"))
    assert b.document_status() == 200
    b.check_axe()
    proposal_path = b.path.split("#")[0]
    Select(b.find("#f-answers-typ")).select_by_value("nytt-system")
    b.find("#f-answers-kostnad").send_keys("300000")
    for question, answer in [("ny-teknik", "no"), ("personuppgifter", "yes"), ("samma-behov", "no")]:
        Select(b.find(f"#f-answers-{question}")).select_by_value(answer)
    b.find("#f-answers-beskrivning").send_keys("Snabbare och säkrare närvarouppföljning.")
    submit_form(b, "/checklist")
    b.check_axe()
    assert "Lokalt IT-forum bereder" in b.text("#route")

    # The forum page names her as convener; she schedules a meeting for her förvaltning.
    b.open(FORUM)
    assert "Ulrika Persson" in b.text("#members")
    assert title in b.text("#waiting")
    b.submit_and_wait(b.driver.find_element(By.LINK_TEXT, "Planera möte"))
    b.check_axe()
    select_by_text_containing(b.find("#f-orgUnitId"), ADMINISTRATION)
    today = datetime.date.today().isoformat()
    set_value(b, "#f-date", today)
    set_value(b, "#f-startTime", "00:00")
    set_value(b, "#f-endTime", "00:30")
    b.find("#f-place").send_keys("Kommunhuset, rum 2")
    b.submit_and_wait(b.find("main form[method=post] button[type=submit]"))
    assert b.document_status() == 200
    b.check_axe()
    meeting_path = b.path.split("#")[0]
    assert meeting_path.startswith(f"{TENANT}/meetings/")

    # The agenda is built from the proposals waiting for the forum.
    select_by_text_containing(b.find("#f-proposalId"), title)
    submit_form(b, "/items")
    b.check_axe()
    assert title in b.text("#agenda")

    # Recording without an outcome is refused next to the field, the note kept (422).
    b.find("#f-item1-note").send_keys("Bereddes vid mötet.")
    b.submit_and_wait(b.find("#agenda form[action$='/minutes'] button[type=submit]"))
    assert b.document_status() == 422
    b.check_axe()
    assert "Välj utfall." in b.text("#agenda")
    assert b.find("#f-item1-note").get_attribute("value") == "Bereddes vid mötet."

    # At the meeting the outcome is recorded; the proposal's step is done.
    Select(b.find("#f-item1-outcome")).select_by_value("done")
    b.submit_and_wait(b.find("#agenda form[action$='/minutes'] button[type=submit]"))
    assert b.document_status() == 200
    b.check_axe()
    assert "Genomfört" in b.text("#agenda")
    b.open(proposal_path)
    assert "Klart" in b.text("#route")

    # Attendance, then approving the minutes locks the meeting.
    b.open(meeting_path)
    box = b.find("#attendance input[type=checkbox]")
    box.click()
    submit_form(b, "/attendance")
    b.check_axe()
    submit_form(b, "/approve")
    b.check_axe()
    assert "Justerat" in b.text("main")
    assert not b.find_all("main form[action$='/approve']")
    assert not b.find_all("main form[action$='/items']")

    # The forum's calendar feed: a secret address that parses in a real calendar library.
    b.open(FORUM)
    submit_form(b, "/calendar-feed")
    b.check_axe()
    url = b.text("#calendar code")
    assert "/calendar/cal_" in url and url.endswith(".ics")
    with urllib.request.urlopen(url) as response:  # no cookies: the secret is the credential
        assert response.headers.get_content_type() == "text/calendar"
        calendar = icalendar.Calendar.from_ical(response.read())
    events = [e for e in calendar.walk("VEVENT")]
    ours = [e for e in events if str(e.get("LOCATION")) == "Kommunhuset, rum 2"]
    assert ours, [str(e.get("SUMMARY")) for e in events]
    assert str(ours[-1].get("SUMMARY")) == f"Lokalt IT-forum ({ADMINISTRATION})"
    assert title in str(ours[-1].get("DESCRIPTION"))
    start = ours[-1].decoded("DTSTART")
    assert start.tzinfo is not None and start.astimezone(datetime.timezone.utc).date() <= datetime.date.today()
