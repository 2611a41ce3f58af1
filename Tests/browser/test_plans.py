"""Plans (D3): a proposal submitted, answered and decided through its page appears in the
IT-verksamhetsplan, and the proposal's page links to the plan. Every page visited is checked with axe
(WCAG 2.1 A and AA)."""

import datetime
import uuid

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from support import TENANT


def test_a_decided_proposal_appears_in_the_it_verksamhetsplan(browser):
    b = browser
    title = f"Digital ansökan om bygglov {uuid.uuid4().hex[:6]}"

    # A routine proposal: one förvaltning, a change to a business system, 50 000 kr.
    b.open(f"{TENANT}/proposals/new")
    b.find("#f-title").send_keys(title)
    b.find("#f-need").send_keys("Ansökningar kommer på papper och skannas.")
    units = Select(b.find("#f-orgUnitId"))
    units.select_by_index(1)
    Select(b.find("#f-category")).select_by_value("verksamhetssystem")
    b.find("#f-expectedCost").send_keys("50000")
    b.submit_and_wait(b.find("main form button[type=submit]"))
    assert b.h1() == title
    b.check_axe()
    proposal_path = b.path.split("#")[0]

    Select(b.find("#f-answers-typ")).select_by_value("andring")
    b.find("#f-answers-kostnad").send_keys("50000")
    Select(b.find("#f-answers-ny-teknik")).select_by_value("no")
    b.submit_and_wait(b.find(f"main form[action$='/checklist'] button[type=submit]"))
    b.check_axe()

    Select(b.find("#f-outcome")).select_by_value("approved")
    b.find("#f-decidedByPerson").send_keys("Helena Dahl")
    b.find("#f-reasons").send_keys("Ryms i systemförvaltningsplanen.")
    b.submit_and_wait(b.find("main form[action$='/decision'] button[type=submit]"))
    assert "Beviljas" in b.text("#decision")
    b.check_axe()

    # This year's IT-verksamhetsplan, from the plans page.
    b.open(f"{TENANT}/plans")
    assert b.h1() == "Planer"
    assert b.find("nav.main-nav a[aria-current=page]").text.strip() == "Planer"
    b.submit_and_wait(b.find(f"main a[href='{TENANT}/plans/new']"))
    b.check_axe()
    Select(b.find("#f-kind")).select_by_value("it-verksamhetsplan")
    year = str(datetime.date.today().year)
    start = b.find("#f-startYear")
    start.clear()
    start.send_keys(year)
    b.submit_and_wait(b.find("main form button[type=submit]"))
    assert b.h1() == f"IT-verksamhetsplan {year}"
    b.check_axe()

    # The decided proposal waits to enter the plan; one button puts it in.
    waiting = b.text("main #initiatives")
    assert title in waiting
    # Other tests may have left decided proposals waiting too: add ours, by its title.
    ours = [li for li in b.find_all("main #initiatives ul li") if title in li.text]
    assert ours, waiting
    b.submit_and_wait(ours[0].find_element(By.CSS_SELECTOR, "button[type=submit]"))
    b.check_axe()
    rows = [r.text for r in b.find_all("main #initiatives table tbody tr")]
    assert any(title in r and "Planerad" in r for r in rows), rows

    # The proposal's page links to the plan it became an initiative of.
    b.open(proposal_path)
    link = b.find("#decision a[href*='/plans/']")
    assert link.text.strip() == f"IT-verksamhetsplan {year}"
    b.submit_and_wait(link)
    assert b.h1() == f"IT-verksamhetsplan {year}"
