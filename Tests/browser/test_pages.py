"""Every other kind of page, each checked with axe: lists, detail pages, system tabs and forms,
the English version, the import preview and the error pages."""

import pytest
from selenium.webdriver.common.by import By

from support import TENANT

SYSTEM_TABS = [("", "Översikt"), ("/roles", "Roller"), ("/integrations", "Integrationer"),
               ("/contracts", "Avtal"), ("/classification", "Klassning och GDPR"), ("/history", "Historik")]


def system_url(b, name):
    """The path of a demo system's page, found through the register's search."""
    b.open(f"{TENANT}/systems?q=" + name, axe=False)
    return b.driver.find_element(By.LINK_TEXT, name).get_attribute("pathname")


@pytest.mark.parametrize("path, heading", [
    (f"{TENANT}/org", "Organisation"),
    (f"{TENANT}/people", "Personer"),
    (f"{TENANT}/suppliers", "Leverantörer"),
    (f"{TENANT}/management-objects", "Förvaltningsobjekt"),
    (f"{TENANT}/roles", "Roller"),
    (f"{TENANT}/reports/role-distribution", None),
    (f"{TENANT}/transfer", "Import och export"),
])
def test_list_and_overview_pages(browser, path, heading):
    b = browser
    b.open(path)
    assert b.document_status() == 200
    title = b.h1()
    if heading:
        assert title == heading
    assert b.find("html").get_attribute("lang") == "sv"


@pytest.mark.parametrize("list_path, link_css", [
    (f"{TENANT}/people", "main table tbody th a"),
    (f"{TENANT}/suppliers", "main table tbody th a"),
    (f"{TENANT}/management-objects", "main table tbody th a"),
    (f"{TENANT}/org", "main li a[href*='/org/']:not([href$='/new'])"),
])
def test_detail_pages(browser, list_path, link_css):
    b = browser
    b.open(list_path, axe=False)
    link = b.find(link_css)
    name = link.text.strip()
    b.submit_and_wait(link)
    assert b.document_status() == 200
    b.check_axe()
    assert name and name in b.h1()


@pytest.mark.parametrize("suffix, tab", SYSTEM_TABS)
def test_every_tab_of_a_system_page(browser, suffix, tab):
    b = browser
    base = system_url(b, "Lifecare")  # has integrations, contracts, classification and history
    b.open(base + suffix)
    assert b.h1() == "Lifecare"
    current = b.find("nav.tabs a[aria-current=page]")
    assert current.text.strip() == tab
    assert b.text("#tab-heading") == tab


def test_system_forms_edit_delete_and_related(browser):
    b = browser
    base = system_url(b, "Lifecare")
    b.open(base + "/edit")
    assert b.h1() == "Redigera Lifecare"
    assert b.find("#f-name").get_attribute("value") == "Lifecare"
    b.open(base + "/delete")
    assert b.h1() == "Ta bort Lifecare"
    # The forms reached from the tabs: a new integration, a new contract, assigning a role.
    for tab, link_text in [("/integrations", "Ny integration"), ("/contracts", "Nytt avtal"), ("/roles", "Tilldela roll")]:
        b.open(base + tab, axe=False)
        b.submit_and_wait(b.driver.find_element(By.LINK_TEXT, link_text))
        assert b.document_status() == 200
        b.check_axe()
        assert b.find_all("main form[method=post] input[name=_csrf]")


def test_a_page_in_english(browser):
    b = browser
    b.open(f"{TENANT}/systems?lang=en")
    assert b.find("html").get_attribute("lang") == "en"
    assert b.h1() == "System register"
    assert b.find("label[for=f-missingRole]").text.strip() == "Missing a required role"
    switch = b.find("a.lang-switch")
    assert switch.get_attribute("lang") == "sv" and switch.text == "På svenska"
    # The choice is remembered on the next page.
    b.open(f"{TENANT}/people")
    assert b.h1() == "People"


@pytest.mark.parametrize("path", [
    f"{TENANT}/systems/00000000-0000-0000-0000-000000000000",
    f"{TENANT}/no-such-page",
    "/t/no-such-municipality/systems",
])
def test_not_found_pages(browser, path):
    b = browser
    b.open(path)
    assert b.document_status() == 404
    assert b.h1() == "Hittades inte"
    assert b.find(".error-page a[href='/']")


def test_import_preview_and_confirm(browser, tmp_path):
    b = browser
    csv = tmp_path / "systemlista.csv"
    csv.write_text("Namn;Kategori;Beskrivning\r\nImporterat testsystem;Verksamhetssystem;Inläst i webbläsartestet\r\n",
                   encoding="utf-8")
    b.open(f"{TENANT}/transfer")
    file_input = b.find("#f-file")
    assert b.find("label[for=f-file]").is_displayed()
    file_input.send_keys(str(csv))
    b.submit_and_wait(file_input.find_element(By.XPATH, "./ancestor::form//button[@type='submit']"))

    assert b.document_status() == 200
    b.check_axe()
    assert b.h1() == "Förhandsgranska import"
    assert "systemlista.csv" in b.text("dl.facts")
    assert not b.find_all(".error-summary")
    summary = b.find("main").text
    assert "1 nya system" in summary

    b.submit_and_wait(b.driver.find_element(By.XPATH, "//button[normalize-space()='Importera']"))
    assert b.document_status() == 200
    b.check_axe()
    assert b.text(".flash") == "Importen är klar."
    b.open(f"{TENANT}/systems?q=importerat")
    assert [a.text for a in b.find_all("table.register tbody th a")] == ["Importerat testsystem"]


def test_import_of_a_broken_file_explains_the_problem(browser, tmp_path):
    b = browser
    csv = tmp_path / "trasig.csv"
    csv.write_text("Namn;Kategori\r\n;Verksamhetssystem\r\nEtt system;Okänd kategori\r\n", encoding="utf-8")
    b.open(f"{TENANT}/transfer", axe=False)
    b.find("#f-file").send_keys(str(csv))
    b.submit_and_wait(b.find("form[enctype='multipart/form-data'] button[type=submit]"))
    assert b.document_status() == 422
    b.check_axe()
    assert b.driver.title.startswith("Fel: ")
    summary = b.find(".error-summary")
    assert summary.is_displayed() and b.active_element() == summary
    assert "Inget har sparats" in summary.text
    assert not b.driver.find_elements(By.XPATH, "//button[normalize-space()='Importera']")
