"""Notifications (issue 6): a notice waits in the inbox with the unread count in the header, marking it read
clears the count; the person's calendar feed carries their deadlines as whole-day events, read with a real
calendar library. axe checks every page visited."""

import datetime
import urllib.request

import icalendar
import pytest

from support import OWNER, TENANT

INBOX = f"{TENANT}/inbox"
WELCOME = "Välkommen till inkorgen i Styrbord"


def unread_count(b) -> int:
    counts = b.find_all("header .inbox-link .unread-count")
    return int(counts[0].text.split()[0]) if counts else 0


def test_a_notice_in_the_inbox_is_counted_and_marked_read(browser):
    b = browser
    b.open(f"{TENANT}/systems")
    # The header links to the inbox with the unread count, on every page.
    before = unread_count(b)
    assert before >= 1
    b.submit_and_wait(b.find("header .inbox-link"))
    b.check_axe()
    assert b.path == INBOX
    assert b.h1() == "Inkorg"
    notice = next(li for li in b.find_all("main li.notice-unread") if WELCOME in li.text)
    assert "Oläst" in notice.text
    # Marking it read: the count goes down, and with nothing unread, away.
    b.submit_and_wait(notice.find_element("css selector", "form button[type=submit]"))
    b.check_axe()
    assert "Notisen är markerad som läst." in b.text("main")
    assert unread_count(b) == before - 1
    if before - 1 > 0:
        b.submit_and_wait(b.find("main form[action$='/inbox/read-all'] button[type=submit]"))
        b.check_axe()
    assert unread_count(b) == 0
    assert "Du har inga olästa notiser." in b.text("main")
    read = next(li for li in b.find_all("main li.notice-read") if WELCOME in li.text)
    assert "Oläst" not in read.text
    # In English too.
    b.open(f"{INBOX}?lang=en")
    assert b.h1() == "Inbox"
    assert "You have no unread notices." in b.text("main")


@pytest.mark.signed_in_as(OWNER)
def test_the_personal_calendar_feed_carries_deadlines(browser):
    b = browser
    b.open(f"{TENANT}/forums")
    b.submit_and_wait(b.find("main form[action$='/calendar-feed'] button[type=submit]"))
    b.check_axe()
    url = b.text("#calendar code")
    assert "/calendar/cal_" in url and url.endswith(".ics")
    with urllib.request.urlopen(url) as response:  # no cookies: the secret is the credential
        assert response.headers.get_content_type() == "text/calendar"
        calendar = icalendar.Calendar.from_ical(response.read())
    deadlines = [e for e in calendar.walk("VEVENT") if not str(e.get("UID")).startswith("meeting-")]
    assert deadlines, [str(e.get("SUMMARY")) for e in calendar.walk("VEVENT")]
    for event in deadlines:
        start = event.decoded("DTSTART")
        # A whole day: a date, not a time, ending the next day.
        assert type(start) is datetime.date, (event.get("SUMMARY"), start)
        assert event.decoded("DTEND") == start + datetime.timedelta(days=1)
        assert str(event.get("UID")).endswith("@styrbord")
        assert str(event.get("URL")).startswith("http")
    summaries = [str(e.get("SUMMARY")) for e in deadlines]
    assert any(s.startswith(("Sista dag att säga upp:", "Avtalet löper ut:", "Revidera senast:")) for s in summaries), summaries
