"""Keyboard use: the skip link, visible focus, and where focus goes after a failed save."""

from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.keys import Keys

from support import TENANT

REGISTER = f"{TENANT}/systems"


def tab(b, times=1):
    actions = ActionChains(b.driver)
    for _ in range(times):
        actions.send_keys(Keys.TAB)
    actions.perform()
    return b.active_element()


def focus_ring(b, element):
    """The outline and box shadow the element is drawn with right now."""
    return b.driver.execute_script(
        "const s = getComputedStyle(arguments[0]);"
        "return {style: s.outlineStyle, width: parseFloat(s.outlineWidth), color: s.outlineColor, shadow: s.boxShadow,"
        "        focusVisible: arguments[0].matches(':focus-visible')};", element)


def test_skip_link_is_first_shows_on_focus_and_moves_to_main(browser):
    b = browser
    b.open(REGISTER)
    skip = b.find("a.skip-link")
    assert b.driver.execute_script("return arguments[0].getBoundingClientRect().right", skip) <= 0  # off-screen
    focused = tab(b)
    assert focused == skip
    assert focused.text == "Hoppa till innehållet"
    rect = b.driver.execute_script("const r = arguments[0].getBoundingClientRect(); return [r.left, r.top, r.width, r.height];", skip)
    assert rect[0] >= 0 and rect[1] >= 0 and rect[2] > 0 and rect[3] > 0, rect  # on screen while focused
    b.check_axe()  # the visible skip link must meet contrast too

    ActionChains(b.driver).send_keys(Keys.ENTER).perform()
    b.wait().until(lambda d: d.switch_to.active_element.get_attribute("id") == "main")
    assert b.driver.current_url.endswith("#main")
    # The next Tab goes to the first control in the content, not back to the header.
    nxt = tab(b)
    assert b.driver.execute_script("return document.querySelector('main').contains(arguments[0])", nxt)


def test_focus_is_visible_on_every_stop_in_the_first_screen(browser):
    b = browser
    b.open(REGISTER)
    seen = []
    # Far enough to pass the header's links (the nav grows with each area) into the register's form.
    for _ in range(60):
        if {"a", "input", "select", "button"} <= set(seen):
            break
        element = tab(b)
        ring = focus_ring(b, element)
        label = f"{element.tag_name} {element.get_attribute('class') or ''} {element.text[:30]!r}"
        assert ring["focusVisible"], label
        assert ring["style"] != "none" and ring["width"] >= 2, f"{label}: {ring}"
        assert ring["shadow"] != "none", f"{label}: {ring}"
        seen.append(element.tag_name)
    # The walk went through links, the search box, selects and the button.
    assert {"a", "input", "select", "button"} <= set(seen), seen

    # Without focus the same link has no ring: the ring comes from focus, not from the link's own style.
    link = b.find("table.register tbody th a")
    b.driver.execute_script("document.activeElement.blur()")
    assert focus_ring(b, link)["style"] == "none"


def test_error_summary_takes_focus_after_a_failed_save_and_is_announced(browser):
    b = browser
    b.open(f"{TENANT}/systems/new")
    # Submit the empty form from the keyboard.
    b.find("#f-name").click()
    with b.navigation():
        ActionChains(b.driver).send_keys(Keys.ENTER).perform()
    assert b.document_status() == 422
    b.check_axe()
    summary = b.find("#error-summary")
    assert b.active_element() == summary
    assert summary.get_attribute("tabindex") == "-1" and summary.get_attribute("role") == "alert"
    # Tab from the summary reaches its first link.
    first_link = summary.find_element("css selector", "a")
    assert tab(b) == first_link
