"""The governance profile: its pages, a refused upload with each problem's line and column, a new
version uploaded, listed and compared; and the platform operator creating a municipality with a
chosen profile. Every page visited is checked with axe (WCAG 2.1 A and AA).

Uploading changes which profile is in force, so the upload runs in a municipality of its own that the
platform operator creates, rather than in Sjövik, which the other tests rely on."""

import uuid
from pathlib import Path

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from support import OPERATOR, TENANT

ROOT = Path(__file__).resolve().parents[2]
SHIPPED = ROOT / "Sources" / "StyrbordCore" / "Profiles" / "Shipped"
PLATFORM = "/platform"

# Well-formed YAML with one field the format doesn't have, on line 4.
BROKEN = "profile_format: 1\nkey: trasig\nname: Trasig profil\nfarg: blå\n"


def versions_rows(b):
    return b.find_all("main table.data-table tbody tr")


def create_municipality(b, profile):
    """As the platform operator: creates a municipality governed by `profile` with a first administrator;
    returns its slug, the administrator's email and the password shown once."""
    suffix = uuid.uuid4().hex[:6]
    slug, email = f"prov-{suffix}", f"it-chef@prov-{suffix}.se"
    b.open(PLATFORM)
    assert b.h1() == "Kommuner på tjänsten"
    b.find("#f-name").send_keys(f"Provkommun {suffix}")
    b.find("#f-slug").send_keys(slug)
    Select(b.find("#f-profile")).select_by_value(profile)
    b.find("#f-adminName").send_keys("Ida IT-chef")
    b.find("#f-adminEmail").send_keys(email)
    b.submit_and_wait(b.find(f"main form[action='{PLATFORM}/tenants'] button[type=submit]"))
    assert b.document_status() == 201
    b.check_axe()
    assert b.h1() == "Kontot är skapat"
    return slug, email, b.text("#issued-password")


def test_the_profile_pages_show_roles_forums_routes_and_intervals(browser):
    b = browser
    b.open(f"{TENANT}/profile")
    assert b.document_status() == 200
    assert b.h1() == "Styrningsprofil"
    assert "Standardprofil för IT-styrning" in b.text("main .profile-overview")
    headings = [h.text.strip() for h in b.find_all("main section > h2")]
    for expected in ["Roller", "Systemkategorier och rollkrav", "Forum", "Beslutsvägar",
                     "Intervall och tidsfrister", "Finansiering och nyttokalkyl"]:
        assert expected in headings, headings
    # The nyttokalkyl's rules (T6, F4) as the standard profile sets them.
    assert "Kalkylränta 4 % och 5 år." in b.text("#finansiering")
    # The contents list leads to each section.
    for link in b.find_all("main nav.toc a"):
        target = link.get_attribute("href").split("#", 1)[1]
        assert b.find(f"#{target} h2").is_displayed()
    assert "Systemägare" in b.text("#roller")
    assert b.find_all("#forum table, #forum dl, #forum li")
    assert b.find_all("#beslutsvagar table, #beslutsvagar li")

    # Version 1 is the one in force, also when asked for by number.
    b.open(f"{TENANT}/profile?version=1")
    assert "gäller" in b.text("main .profile-overview")

    b.submit_and_wait(b.driver.find_element(By.LINK_TEXT, "Versioner och uppladdning"))
    assert b.path == f"{TENANT}/profile/versions"
    b.check_axe()
    assert b.h1() == "Versioner av styrningsprofilen"
    assert len(versions_rows(b)) >= 1
    # The administrator's upload form: a file or pasted text, each with its label.
    for field in ["file", "yaml", "message"]:
        assert b.find(f"label[for=f-{field}]").is_displayed()

    b.open(f"{TENANT}/profile?lang=en")
    assert b.h1() == "Governance profile"
    assert "Routes to a decision" in [h.text.strip() for h in b.find_all("main section > h2")]


def test_a_broken_profile_is_refused_with_each_problem_by_line_and_column(browser):
    b = browser
    b.open(f"{TENANT}/profile/versions", axe=False)
    before = len(versions_rows(b))
    b.find("#f-yaml").send_keys(BROKEN)
    b.submit_and_wait(b.find("#upload form button[type=submit]"))

    assert b.document_status() == 422
    b.check_axe()
    assert b.driver.title.startswith("Fel: ")
    assert b.active_element() == b.find("#error-summary")
    # The problems sit in the upload section, just above the form, each with its place in the text.
    summary = b.find("#upload #error-summary")
    assert "sparades inte" in summary.text
    problems = [li.text.strip() for li in b.find_all("#upload ol.profile-problems li")]
    assert any(p.startswith("Rad 4, kolumn 1: ") and "farg" in p for p in problems), problems
    assert b.find("#f-yaml").get_attribute("aria-invalid") == "true"
    # The text is kept for correcting, and nothing was stored.
    assert b.find("#f-yaml").get_attribute("value") == BROKEN
    assert len(versions_rows(b)) == before


@pytest.mark.signed_in_as(OPERATOR)
def test_the_operator_creates_a_municipality_with_a_chosen_profile(browser):
    b = browser
    b.open(PLATFORM)
    chooser = Select(b.find("#f-profile"))
    assert chooser.first_selected_option.get_attribute("value") == "standard"
    offered = [o.get_attribute("value") for o in chooser.options]
    assert offered[0] == "standard"
    assert set(offered) == {"standard", "danderyd", "tanum", "lilla-edet", "fagersta", "e-forvaltning"}
    assert "Danderyds kommun – Riktlinjer för IT" in [o.text.strip() for o in chooser.options]
    assert b.find("label[for=f-profile]").text.startswith("Styrningsprofil")
    assert "f-profile-hint" in b.find("#f-profile").get_attribute("aria-describedby")

    slug, email, password = create_municipality(b, "danderyd")

    # Back on the list, the new municipality shows the profile it started with.
    b.open(PLATFORM)
    row = next(tr for tr in b.find_all("main table tbody tr") if slug in tr.text)
    assert "Danderyds kommun – Riktlinjer för IT" in row.text and "danderyd" in row.text

    # Its administrator finds Danderyd's rules in force.
    b.sign_out()
    b.sign_in(email, password)
    b.open(f"/t/{slug}/profile")
    assert "Danderyds kommun – Riktlinjer för IT" in b.text("main .profile-overview")
    assert "Webbstrateg" in b.text("#roller")


@pytest.mark.signed_in_as(OPERATOR)
def test_the_operator_page_in_english(browser):
    b = browser
    b.open(f"{PLATFORM}?lang=en")
    assert b.find("label[for=f-profile]").text.startswith("Governance profile")
    assert "Standard IT governance profile" in [o.text.strip() for o in Select(b.find("#f-profile")).options]


@pytest.mark.signed_in_as(OPERATOR)
def test_a_new_version_is_uploaded_listed_and_compared(browser):
    b = browser
    slug, email, password = create_municipality(b, "standard")
    b.sign_out()
    b.sign_in(email, password)

    versions = f"/t/{slug}/profile/versions"
    b.open(versions)
    assert len(versions_rows(b)) == 1
    assert "Det finns bara en version ännu." in b.text("main")

    b.find("#f-file").send_keys(str(SHIPPED / "tanum.yaml"))
    b.find("#f-message").send_keys("Tanums riktlinjer")
    b.submit_and_wait(b.find("#upload form button[type=submit]"))
    assert b.path == versions
    assert b.document_status() == 200
    b.check_axe()
    assert b.find(".flash").is_displayed()

    rows = versions_rows(b)
    assert len(rows) == 2
    newest = rows[0].text
    assert "Version 2" in newest and "gäller" in newest and "tanum" in newest and "Tanums riktlinjer" in newest
    assert "Version 1" in rows[1].text and "gäller" not in rows[1].text

    # The comparison form offers version 1 against version 2.
    assert Select(b.find("#f-from")).first_selected_option.get_attribute("value") == "1"
    assert Select(b.find("#f-to")).first_selected_option.get_attribute("value") == "2"
    b.submit_and_wait(b.find("main form[action$='/profile/compare'] button[type=submit]"))
    assert b.path.startswith(f"/t/{slug}/profile/compare?")
    assert "from=1" in b.path and "to=2" in b.path
    assert b.document_status() == 200
    b.check_axe()
    assert b.h1() == "Jämför version 1 och 2"
    sections = [th.text.strip() for th in b.find_all("main table.data-table tbody th")]
    assert "roles" in sections and "forums" in sections, sections
    assert b.find_all("main table.diff")

    # The profile in force is now Tanum's.
    b.open(f"/t/{slug}/profile")
    assert "Tanums kommun" in b.text("main .profile-overview")
