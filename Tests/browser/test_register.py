"""The system register: search, sort, filter. axe checks every page the scenario reaches."""

import re

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from support import TENANT

REGISTER = f"{TENANT}/systems"
CRITICALITY_ORDER = ["Låg", "Medel", "Hög", "Samhällskritisk"]


def row_names(b):
    return [th.find_element(By.CSS_SELECTOR, "a").text.strip() for th in b.find_all("table.register tbody th[scope=row]")]


def column_texts(b, index):
    """The text of one column (1-based, counting the row header) in every row of the register."""
    return [td.text.strip() for td in b.find_all(f"table.register tbody tr > :nth-child({index})")]


def count_in(text):
    match = re.match(r"^(\d+) system", text)
    assert match, f"unexpected result count: {text!r}"
    return int(match.group(1))


def test_search_finds_the_right_systems_and_says_how_many(browser):
    b = browser
    b.open(REGISTER)
    assert b.h1() == "Systemregister"
    everything = b.text(".result-count")
    assert re.fullmatch(r"\d+ system i registret", everything), everything
    assert count_in(everything) >= 60  # the demo municipality has 67

    search = b.find("#f-q")
    assert b.find("label[for=f-q]").text.strip() == "Sök"
    search.send_keys("phoniro")
    b.submit_and_wait(b.find("form.filters button[type=submit]"))

    assert "q=phoniro" in b.path
    assert b.document_status() == 200
    b.check_axe()
    assert b.text(".result-count") == "2 system matchar filtret"
    assert row_names(b) == ["Phoniro Lås", "Phoniro TES"]
    assert b.find("#f-q").get_attribute("value") == "phoniro"  # the search box keeps the text
    # A search that matches nothing says so and offers a way on.
    b.find("#f-q").clear()
    b.find("#f-q").send_keys("finnsintenågonstans")
    b.submit_and_wait(b.find("form.filters button[type=submit]"))
    b.check_axe()
    assert b.text(".result-count") == "0 system matchar filtret"
    assert not b.find_all("table.register")
    assert "Inga system matchar" in b.text(".empty-state")


def test_sorting_by_criticality_orders_rows_both_ways(browser):
    b = browser
    b.open(REGISTER)
    header = b.find("table.register thead th:nth-child(5)")
    assert header.text.strip() == "Kritikalitet"
    assert header.get_attribute("aria-sort") is None
    assert b.find("table.register thead th:nth-child(1)").get_attribute("aria-sort") == "ascending"

    b.submit_and_wait(header.find_element(By.TAG_NAME, "a"))
    assert "sort=criticality" in b.path
    b.check_axe()
    assert b.find("table.register thead th:nth-child(5)").get_attribute("aria-sort") == "ascending"
    assert b.find("table.register thead th:nth-child(1)").get_attribute("aria-sort") is None
    ranks = [CRITICALITY_ORDER.index(t) for t in column_texts(b, 5)]
    assert len(ranks) > 10
    assert ranks == sorted(ranks) and ranks[0] < ranks[-1], ranks

    # The same heading again reverses the order.
    b.submit_and_wait(b.find("table.register thead th:nth-child(5) a"))
    assert "order=desc" in b.path
    b.check_axe()
    assert b.find("table.register thead th:nth-child(5)").get_attribute("aria-sort") == "descending"
    ranks = [CRITICALITY_ORDER.index(t) for t in column_texts(b, 5)]
    assert ranks == sorted(ranks, reverse=True) and ranks[0] > ranks[-1], ranks
    assert column_texts(b, 5)[0] == "Samhällskritisk"


def test_filter_by_missing_required_role(browser):
    b = browser
    b.open(REGISTER)
    total = count_in(b.text(".result-count"))
    label = b.find("label[for=f-missingRole]")
    assert label.text.strip() == "Saknar obligatorisk roll"
    Select(b.find("#f-missingRole")).select_by_visible_text("Systemförvaltare")
    b.submit_and_wait(b.find("form.filters button[type=submit]"))

    assert "missingRole=systemforvaltare" in b.path
    b.check_axe()
    shown = count_in(b.text(".result-count"))
    assert b.text(".result-count").endswith("matchar filtret")
    assert 0 < shown < total
    names = row_names(b)
    assert len(names) == shown
    assert "Speedadmin" in names or "Infracontrol Online" in names  # the demo's vacant systemförvaltare
    gaps = column_texts(b, 8)
    for name, cell in zip(names, gaps):
        assert re.search(r"(Systemförvaltare saknas|Ersättare för systemförvaltare saknas)", cell), f"{name}: {cell!r}"
    # The filter stays chosen, and "Rensa filter" leads back to everything.
    assert Select(b.find("#f-missingRole")).first_selected_option.text == "Systemförvaltare"
    b.submit_and_wait(b.driver.find_element(By.LINK_TEXT, "Rensa filter"))
    b.check_axe()
    assert count_in(b.text(".result-count")) == total


def test_register_pagination_moves_between_pages(browser):
    b = browser
    b.open(REGISTER)
    first_page = row_names(b)
    assert len(first_page) == 50
    current = b.find("nav.pagination [aria-current=page]")
    assert current.text == "1"
    b.submit_and_wait(b.find("nav.pagination a[rel=next]"))
    assert "page=2" in b.path
    b.check_axe()
    assert b.find("nav.pagination [aria-current=page]").text == "2"
    second_page = row_names(b)
    assert second_page and not set(second_page) & set(first_page)
    assert b.find_all("nav.pagination a[rel=prev]")
