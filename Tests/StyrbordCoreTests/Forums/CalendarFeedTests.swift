import Foundation
import Testing

@testable import StyrbordCore

@Suite("Calendar feed")
struct CalendarFeedTests {
    static let made = Date(timeIntervalSince1970: 1_795_000_000)  // 2026-11-18T11:06:40Z

    @Test("A meeting is one VEVENT in UTC with a stable UID, CRLF line ends and the calendar's name")
    func meeting() throws {
        // 2026-12-01 13:00–15:00 in Stockholm (UTC+1).
        let start = try #require(ISO8601DateFormatter().date(from: "2026-12-01T12:00:00Z"))
        let feed = CalendarFeed(
            name: "IT-styrgrupp",
            events: [
                .init(
                    uid: "meeting-1@sjovik.styrbord", summary: "IT-styrgrupp", start: start,
                    end: start.addingTimeInterval(7_200), location: "Sal 3, kommunhuset", sequence: 2)
            ], generatedAt: Self.made)
        let lines = feed.text.components(separatedBy: "\r\n")
        #expect(feed.text.hasSuffix("END:VCALENDAR\r\n"))
        #expect(!feed.text.replacingOccurrences(of: "\r\n", with: "").contains("\n"))
        #expect(
            lines.prefix(6) == [
                "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Styrbord//Styrbord//SV", "CALSCALE:GREGORIAN",
                "METHOD:PUBLISH", "X-WR-CALNAME:IT-styrgrupp",
            ])
        #expect(
            Array(lines[6...16]) == [
                "BEGIN:VEVENT", "UID:meeting-1@sjovik.styrbord", "DTSTAMP:20261118T110640Z",
                "DTSTART:20261201T120000Z", "DTEND:20261201T140000Z", "SUMMARY:IT-styrgrupp",
                "LOCATION:Sal 3\\, kommunhuset", "SEQUENCE:2", "STATUS:CONFIRMED", "END:VEVENT", "END:VCALENDAR",
            ])
    }

    @Test("A deadline is a whole day in Sweden: 23:30 UTC on 31 March is 1 April in Stockholm")
    func allDay() throws {
        let late = try #require(ISO8601DateFormatter().date(from: "2027-03-31T23:30:00Z"))
        let text = CalendarFeed(
            name: "Mina uppgifter",
            events: [.init(uid: "d@x", summary: "Översyn", start: late, end: late, isAllDay: true)],
            generatedAt: Self.made
        ).text
        #expect(text.contains("\r\nDTSTART;VALUE=DATE:20270401\r\nDTEND;VALUE=DATE:20270402\r\n"))
    }

    @Test("Text escapes backslash, semicolon, comma and line breaks, and drops other control characters")
    func escaping() {
        #expect(CalendarFeed.escape("a\\b;c,d\r\ne\nf\rg\u{7}h\ti") == #"a\\b\;c\,d\ne\nf\ngh i"#)
    }

    @Test("Long lines fold at 75 octets without splitting a character, and unfold to the original")
    func folding() {
        let line = "DESCRIPTION:" + String(repeating: "Förslag till IT-insats för ändring av e-tjänst. ", count: 5)
        let folded = CalendarFeed.fold(line)
        let parts = folded.components(separatedBy: "\r\n")
        #expect(parts.count > 1)
        #expect(parts.allSatisfy { $0.utf8.count <= 75 })
        #expect(parts.dropFirst().allSatisfy { $0.hasPrefix(" ") })
        #expect(folded.replacingOccurrences(of: "\r\n ", with: "") == line)
        #expect(CalendarFeed.fold("kort") == "kort")
    }
}
