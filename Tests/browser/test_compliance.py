"""Efterlevnad: the overview with its chart and table, the drill-down to a system, Att göra, and the
English version; each page checked with axe (WCAG 2.1 A and AA)."""

import pytest
from selenium.webdriver.common.by import By

from support import EMPLOYEE, OWNER, TENANT


def test_overview_with_scores_and_trend(browser):
    b = browser
    b.open(f"{TENANT}/efterlevnad")
    assert b.document_status() == 200
    assert b.h1() == "Efterlevnad"
    assert b.find("nav.main-nav a[aria-current=page]").text.strip() == "Efterlevnad"
    chart = b.find("svg.trend")
    assert chart.get_attribute("role") == "img"
    # The description says in words what the picture shows (one measurement: the demo was loaded today).
    assert b.find("svg.trend desc").get_attribute("textContent").startswith("En mätning")
    # The chart's figures as a table, opened from the keyboard.
    summary = b.find("main details summary")
    summary.send_keys("\n")
    b.wait().until(lambda d: d.find_element(By.CSS_SELECTOR, "main details").get_attribute("open") is not None)
    assert b.find_all("main details table tbody tr")
    b.check_axe()


def test_drill_down_from_a_rule_to_the_system(browser):
    b = browser
    b.open(f"{TENANT}/efterlevnad", axe=False)
    b.submit_and_wait(b.find("main a[href*='rule=roles.deputy']"))
    assert b.h1() == "Avvikelser: Ersättare"
    b.check_axe()
    b.submit_and_wait(b.find("table.findings tbody th a"))
    assert b.path.endswith("/roles")
    assert b.find("nav.tabs a[aria-current=page]").text.strip() == "Roller"


def test_findings_filtered_by_administration_and_severity(browser):
    b = browser
    b.open(f"{TENANT}/efterlevnad", axe=False)
    b.submit_and_wait(b.find("main a[href*='administration=']"))
    assert b.h1().startswith("Avvikelser: ")
    b.check_axe()
    b.open(f"{TENANT}/efterlevnad/avvikelser?severity=warning")
    assert all(badge.text.strip() == "Varning" for badge in b.find_all("table.findings tbody td:first-child .badge"))


@pytest.mark.signed_in_as(OWNER)
def test_att_gora_lists_ones_own_findings(browser):
    b = browser
    b.open(f"{TENANT}/att-gora")
    assert b.h1() == "Att göra"
    assert b.find("nav.main-nav a[aria-current=page]").text.strip() == "Att göra"
    assert "Helena Dahl" in b.text("main p")
    assert b.find_all("table.findings tbody tr")


@pytest.mark.signed_in_as(EMPLOYEE)
def test_att_gora_with_nothing_to_do(browser):
    b = browser
    b.open(f"{TENANT}/att-gora")
    assert b.h1() == "Att göra"


def test_english(browser):
    b = browser
    b.open(f"{TENANT}/efterlevnad?lang=en")
    assert b.h1() == "Compliance"
    assert b.find("html").get_attribute("lang") == "en"
    b.open(f"{TENANT}/efterlevnad/avvikelser?lang=en")
    assert b.h1() == "Findings"
