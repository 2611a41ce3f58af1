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


def open_all_details(b):
    b.driver.execute_script("document.querySelectorAll('main details').forEach(d => d.open = true)")


def fill_form(b, form_css, fields):
    """Fills the named fields of one form as a person would: selects by value, checkboxes ticked, text typed."""
    form = b.find(form_css)
    for name, value in fields:
        field = form.find_element(By.CSS_SELECTOR, f"[name='{name}']")
        if field.tag_name == "select":
            Select(field).select_by_value(value)
        elif field.get_attribute("type") == "checkbox":
            if (value == "true") != field.is_selected():
                field.click()
        else:
            field.clear()
            field.send_keys(value)


def record_step(b, step_key, outcome, assessments=False):
    form = f"main form[action$='/steps']:has(input[name=stepKey][value='{step_key}'])"
    open_all_details(b)
    fields = [("outcome", outcome)]
    if assessments:
        for area in b.find(form).find_elements(By.CSS_SELECTOR, "textarea[name^='assessments.']"):
            fields.append((area.get_attribute("name"), "Bedömt av centrala IT-forumet."))
    fill_form(b, form, fields)
    b.submit_and_wait(b.find(form + " button[type=submit]"))
    assert b.document_status() == 200, b.text("main")


def test_the_chair_records_the_decision_at_the_styrgrupp_meeting(browser):
    """E4/E5 through the pages: a larger proposal in a common system is prepared, assessed by the central IT
    forum, and decided by the IT-styrgrupp at its meeting; the decision lands on the proposal and in the
    IT-verksamhetsplan."""
    b = browser
    title = f"Gemensam e-tjänsteplattform {uuid.uuid4().hex[:6]}"
    year = datetime.date.today().year

    b.open(f"{TENANT}/proposals/new")
    b.find("#f-title").send_keys(title)
    b.find("#f-need").send_keys("Förvaltningarna bygger egna e-tjänster i olika verktyg.")
    Select(b.find("#f-orgUnitId")).select_by_index(1)
    Select(b.find("#f-category")).select_by_value("kommungemensamt")
    b.find("#f-expectedCost").send_keys("600000")
    b.submit_and_wait(b.find("main form button[type=submit]"))
    assert b.h1() == title
    proposal_path = b.path.split("#")[0]
    Select(b.find("#f-answers-typ")).select_by_value("nytt-system")
    b.find("#f-answers-kostnad").send_keys("600000")
    for question, answer in [("ny-teknik", "no"), ("personuppgifter", "yes"), ("samma-behov", "yes")]:
        Select(b.find(f"#f-answers-{question}")).select_by_value(answer)
    b.find("#f-answers-beskrivning").send_keys("En plattform för alla förvaltningars e-tjänster.")
    b.submit_and_wait(b.find("main form[action$='/checklist'] button[type=submit]"))
    assert b.document_status() == 200, b.text("main")
    assert "IT-styrgrupp beslutar" in b.text("#route")

    # The nyttokalkyl, covering the whole operations phase (T6): the form offers two empty rows at a time.
    open_all_details(b)
    calc = "main form[action$='/calculation']"
    fill_form(b, calc, [
        ("firstYear", str(year)), ("years", "5"),
        ("benefits[0].description", "Färre manuella ärenden"), ("benefits[0].kind", "direct"),
        ("benefits[0].annualAmount", "900000"), ("benefits[0].probabilityPercent", "80"),
        ("benefits[0].fromYear", str(year + 1)), ("benefits[0].owner", "Kommundirektören"),
        ("risks[0].description", "Låg användning"), ("risks[0].probability", "2"),
        ("risks[0].consequence", "3"), ("risks[0].action", "Utbildning"),
    ])
    categories = ["software", "hardware", "serverCapacity", "communications", "training", "operations", "support"]
    row = 0
    while row < len(categories):
        open_all_details(b)
        free = [i for i in range(row, min(row + 2, len(categories))) if b.find_all(f"{calc} [name='costs[{i}].description']")]
        assert free, "the calculation form offers no empty cost row"
        for i in free:
            fill_form(b, calc, [
                (f"costs[{i}].description", f"Kostnad {i + 1}"), (f"costs[{i}].category", categories[i]),
                (f"costs[{i}].isRecurring", "true"), (f"costs[{i}].amount", "10000"), (f"costs[{i}].year", str(year)),
            ])
        b.submit_and_wait(b.find(f"{calc} button[type=submit]"))
        assert b.document_status() == 200, b.text("main")
        row += len(free)
    b.check_axe()

    # The steps before the decision, on the proposal's page: the IT-chef consulted, the IT unit contacted,
    # the central IT forum's assessment against every point.
    record_step(b, "it-chef-consult", "done")
    record_step(b, "it-enheten-contact", "done")
    record_step(b, "it-forum-assess", "done", assessments=True)
    b.check_axe()

    # The IT-styrgrupp meets; the proposal waits for its decision and goes on the agenda.
    b.open(f"{TENANT}/forums/it-styrgrupp")
    assert title in b.text("#waiting")
    b.submit_and_wait(b.driver.find_element(By.LINK_TEXT, "Planera möte"))
    set_value(b, "#f-date", datetime.date.today().isoformat())
    set_value(b, "#f-startTime", "00:00")
    set_value(b, "#f-endTime", "00:30")
    b.find("#f-place").send_keys("Kommunstyrelsens sessionssal")
    b.submit_and_wait(b.find("main form[method=post] button[type=submit]"))
    assert b.document_status() == 200
    option = select_by_text_containing(b.find("#f-proposalId"), title)
    assert "IT-styrgrupp beslutar" in option
    submit_form(b, "/items")
    b.check_axe()

    # The chair records the decision. The form offers the name of whoever holds the chair's role; the demo
    # municipality has nobody as kommundirektör in the register, so the chair's name is typed.
    position = b.find("#agenda form[action$='/decision'] select").get_attribute("name").split(".")[0]
    chair_field = b.find(f"#f-{position}-decidedByPerson")
    chair = chair_field.get_attribute("value").strip() or "Anna Lindqvist"
    chair_field.clear()
    chair_field.send_keys(chair)
    Select(b.find(f"#f-{position}-outcome")).select_by_value("approved")
    b.submit_and_wait(b.find("#agenda form[action$='/decision'] button[type=submit]"))
    assert b.document_status() == 422
    b.check_axe()
    assert "Motivering" in b.text("#agenda")
    Select(b.find(f"#f-{position}-outcome")).select_by_value("approved")
    b.find(f"#f-{position}-reasons").send_keys("En gemensam plattform minskar dubbelarbete.")
    b.find(f"#f-{position}-conditions").send_keys("Upphandlas via ramavtal.")
    b.submit_and_wait(b.find("#agenda form[action$='/decision'] button[type=submit]"))
    assert b.document_status() == 200
    b.check_axe()
    assert "Beslut: Beviljas." in b.text("#agenda")
    assert "IT-styrgrupp" in b.text("#agenda")

    b.open(proposal_path)
    decision = b.text("#decision")
    assert "Beviljas" in decision and "IT-styrgrupp" in decision and chair in decision

    # The decided proposal waits to enter this year's IT-verksamhetsplan.
    b.open(f"{TENANT}/plans")
    plan_links = [a for a in b.find_all("main a") if a.text.strip() == f"IT-verksamhetsplan {year}"]
    if not plan_links:
        b.submit_and_wait(b.find(f"main a[href='{TENANT}/plans/new']"))
        Select(b.find("#f-kind")).select_by_value("it-verksamhetsplan")
        start = b.find("#f-startYear")
        start.clear()
        start.send_keys(str(year))
        b.submit_and_wait(b.find("main form button[type=submit]"))
    else:
        b.submit_and_wait(plan_links[0])
    assert b.h1() == f"IT-verksamhetsplan {year}"
    b.check_axe()
    assert title in b.text("main #initiatives")
