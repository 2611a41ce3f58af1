"""Access rights (T9, L8): the systemägare's part, as the administrator. Two grants are registered on a
system, a bad account list is refused with its line named, a review started from the system's own
account list shows the account without a grant and the grant without an account; one grant is
confirmed, the other removed with its reason, and the review is completed. Every page visited is
checked with axe (WCAG 2.1 A and AA)."""

import os
import tempfile
import uuid

from selenium.webdriver.support.ui import Select

from support import TENANT


def _csv(text: str) -> str:
    handle, path = tempfile.mkstemp(suffix=".csv")
    with os.fdopen(handle, "w", encoding="utf-8") as f:
        f.write(text)
    return path


def _register(b, index: int, level: str, username: str, reference: str) -> None:
    Select(b.find("#grant-f-personId")).select_by_index(index)
    b.find("#grant-f-accessLevel").send_keys(level)
    b.find("#grant-f-usernameInSystem").send_keys(username)
    b.find("#grant-f-decisionReference").send_keys(reference)
    b.submit_and_wait(b.find("main #register form button[type=submit]"))


def test_an_access_review_against_the_account_list(browser):
    b = browser
    tag = uuid.uuid4().hex[:6]
    first_user, second_user = f"anv{tag}a", f"anv{tag}b"

    # The municipality's access page, then a system's, from its page in the register.
    b.open(f"{TENANT}/access")
    assert b.h1() == "Behörigheter"
    b.open(f"{TENANT}/systems")
    b.submit_and_wait(b.find("main table tbody tr a"))
    b.check_axe()
    b.submit_and_wait(b.find("main .page-heading a[href$='/access']"))
    assert b.h1().startswith("Behörigheter i ")
    b.check_axe()
    access_path = b.path

    # A registration without a decision reference comes back with the message by its field.
    Select(b.find("#grant-f-personId")).select_by_index(1)
    b.find("#grant-f-accessLevel").send_keys("Läs")
    b.submit_and_wait(b.find("main #register form button[type=submit]"))
    assert b.document_status() == 422
    assert "Ange beslutet" in b.text("#grant-f-decisionReference-error")
    b.check_axe()

    # Two grants with their decisions; each waits for its holder to confirm the security rules (L8).
    b.open(access_path)
    _register(b, 1, "Handläggare", first_user, f"KS 2026/{tag}-1")
    b.check_axe()
    _register(b, 2, "Läsbehörighet", second_user, f"KS 2026/{tag}-2")
    b.check_axe()
    rows = b.find_all("main #grants table tbody tr")

    def grant_row(username: str):
        return next(r for r in rows if username in r.text)

    assert all("Väntar på bekräftelse" in grant_row(u).text for u in (first_user, second_user))
    holder_first = grant_row(first_user).find_element("css selector", "th").text.strip()
    holder_second = grant_row(second_user).find_element("css selector", "th").text.strip()
    assert holder_first != holder_second

    # A bad account list: refused with the line named, nothing started.
    b.find("#review-f-accounts").send_keys(_csv("namn;avdelning\nAnna;SOC\n"))
    b.submit_and_wait(b.find("main #reviews form button[type=submit]"))
    assert b.document_status() == 422
    assert "Rad 1" in b.text("#review-f-accounts-error")
    b.check_axe()
    assert "Pågår" not in b.text("main #reviews")

    # The system's account list: the first grant's account, and one nobody granted.
    b.find("#review-f-accounts").send_keys(
        _csv(f"Användarnamn;E-post;Namn\n{first_user};;{holder_first}\nokand{tag};okand{tag}@example.se;Okänd\n"))
    b.submit_and_wait(b.find("main #reviews form button[type=submit]"))
    assert b.h1().startswith("Behörighetsgranskning av ")
    b.check_axe()
    assert f"okand{tag}" in b.text("main #accounts-without-grant")

    def row_of(name: str):
        return next(r for r in b.find_all("main #items table tbody tr") if r.find_element("css selector", "th").text.strip() == name)

    assert first_user in row_of(holder_first).text
    assert "Inget konto i systemet" in row_of(holder_second).text

    # Confirm the first; remove the second with its reason.
    b.submit_and_wait(row_of(holder_first).find_element("css selector", "button[value=bekraftad]"))
    b.check_axe()
    row = row_of(holder_second)
    row.find_element("css selector", "input[name=reason]").send_keys("Har inget konto i systemet")
    b.submit_and_wait(row.find_element("css selector", "button[value=borttagen]"))
    b.check_axe()
    assert "Bekräftad" in row_of(holder_first).text
    assert "Borttagen" in row_of(holder_second).text

    b.submit_and_wait(b.find("main form[action$='/complete'] button[type=submit]"))
    b.check_axe()
    assert "Avslutad" in b.text("main dl")

    # Back on the system: the removed grant is gone from those in force; the review is completed.
    b.open(access_path)
    grants = b.text("main #grants")
    assert second_user not in grants and first_user in grants
    assert "Avslutad" in b.text("main #reviews")
