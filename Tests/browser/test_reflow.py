"""Reflow (WCAG 1.4.10): at 320 CSS pixels wide nothing but a data table or a picture scrolls sideways."""

import pytest
from selenium.webdriver.common.by import By

from support import OPERATOR, TENANT

OVERFLOWING = """
const width = document.documentElement.clientWidth;
const out = [];
for (const el of document.querySelectorAll('body *')) {
  if (el.closest('.table-wrap, figure, .visually-hidden, .skip-link')) continue;
  const r = el.getBoundingClientRect();
  if (r.width > 0 && r.right > width + 1) out.push(`<${el.localName} class="${el.className}"> ends at ${Math.round(r.right)} px`);
}
return {width, scrollWidth: document.documentElement.scrollWidth, out: out.slice(0, 10)};
"""


def narrow(b):
    b.driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                             {"width": 320, "height": 640, "deviceScaleFactor": 1, "mobile": False})


def assert_reflows(b):
    result = b.driver.execute_script(OVERFLOWING)
    assert result["width"] <= 320
    assert not result["out"] and result["scrollWidth"] <= result["width"], result


@pytest.mark.parametrize("path", [
    f"{TENANT}/{p}" for p in ["systems", "systems/new", "org", "people", "suppliers", "management-objects", "roles",
                              "reports/role-distribution", "transfer", "systems?q=lifecare#first",
                              "efterlevnad", "efterlevnad/avvikelser", "att-gora",
                              "accounts", "accounts/new"]
] + ["/account", "/account/password"])
def test_pages_reflow_at_320_pixels(browser, path):
    b = browser
    narrow(b)
    if path.endswith("#first"):  # a system page with every tab: reached through the search
        b.open(path.removesuffix("#first"), axe=False)
        path = b.driver.find_element(By.CSS_SELECTOR, "table.register tbody th a").get_attribute("pathname")
    b.open(path)
    assert_reflows(b)
    # The header (name, sign-out button) fits too, and nothing in it is hidden.
    assert b.find("header .viewer form.sign-out button").is_displayed()


@pytest.mark.signed_out
def test_the_sign_in_page_reflows_at_320_pixels(browser):
    b = browser
    narrow(b)
    b.open("/login")
    assert_reflows(b)


@pytest.mark.signed_in_as(OPERATOR)
def test_the_platform_page_reflows_at_320_pixels(browser):
    b = browser
    narrow(b)
    b.open("/platform")
    assert_reflows(b)


def test_a_new_token_reflows_at_320_pixels(browser):
    """The secret is one long word: it must wrap, not push the page wide."""
    b = browser
    narrow(b)
    b.open("/account", axe=False)
    b.find("#f-name").send_keys("Smal skärm")
    b.submit_and_wait(b.find("form[action='/account/tokens'] button[type=submit]"))
    assert b.find("#new-token").is_displayed()
    assert_reflows(b)
