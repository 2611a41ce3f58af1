"""The checker itself: a page made worse on purpose must fail it, so a silent axe can't pass everything."""

import pytest

from support import TENANT, AxeViolations

BREAK_THE_PAGE = """
const main = document.querySelector('main');
main.insertAdjacentHTML('beforeend',
  '<p id="pale">Pale text</p>' +
  '<input type="text" name="unlabelled">' +
  '<img src="/static/none.png">' +
  '<a href="#nowhere">Broken in-page link</a>' +
  '<span id="main">A second main id</span>');
// The app's Content-Security-Policy drops style attributes in markup; the CSSOM is still allowed.
document.getElementById('pale').style.color = '#b0b0b0';
"""


def test_axe_and_the_markup_checks_report_a_broken_page(browser):
    b = browser
    b.open(f"{TENANT}/people")  # passes as served
    b.driver.execute_script(BREAK_THE_PAGE)
    with pytest.raises(AxeViolations) as failure:
        b.check_axe()
    report = str(failure.value)
    for expected in ["color-contrast", "label", "image-alt", 'id "main" is used 2 times', "link to #nowhere points nowhere"]:
        assert expected in report, report
