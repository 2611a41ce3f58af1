"""Reflow (WCAG 1.4.10): at 320 CSS pixels wide nothing but a data table or a picture scrolls sideways."""

import pytest
from selenium.webdriver.common.by import By

from support import TENANT

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


@pytest.mark.parametrize("path", [
    "/systems", "/systems/new", "/org", "/people", "/suppliers", "/management-objects", "/roles",
    "/reports/role-distribution", "/transfer", "/systems?q=lifecare#first",
])
def test_pages_reflow_at_320_pixels(browser, path):
    b = browser
    b.driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                             {"width": 320, "height": 640, "deviceScaleFactor": 1, "mobile": False})
    if path.endswith("#first"):  # a system page with every tab: reached through the search
        b.open(TENANT + path.removesuffix("#first"), axe=False)
        path = b.driver.find_element(By.CSS_SELECTOR, "table.register tbody th a").get_attribute("pathname").removeprefix(TENANT)
    b.open(TENANT + path)
    result = b.driver.execute_script(OVERFLOWING)
    assert result["width"] <= 320
    assert not result["out"] and result["scrollWidth"] <= result["width"], result
