import Foundation
import Testing

@testable import StyrbordCore

@Suite("The 72-hour deadline for notifying IMY of a personal data breach")
struct BreachNotificationDeadlineTests {
    @Test("GDPR art. 33: 72 hours from awareness; in time, late, running and overdue")
    func breachDeadline() {
        let aware = Date(timeIntervalSince1970: 1_800_000_000)
        let d = BreachNotificationDeadline(awareAt: aware)
        #expect(d.deadline == aware.addingTimeInterval(72 * 3_600))
        #expect(d.state(now: aware.addingTimeInterval(3_600)) == .running(remaining: 71 * 3_600))
        #expect(d.state(now: aware.addingTimeInterval(73 * 3_600)) == .overdue(by: 3_600))
        #expect(
            BreachNotificationDeadline(awareAt: aware, notifiedAt: aware.addingTimeInterval(72 * 3_600)).state(
                now: .distantFuture)
                == .notifiedInTime)
        #expect(
            BreachNotificationDeadline(awareAt: aware, notifiedAt: aware.addingTimeInterval(80 * 3_600)).state(
                now: aware)
                == .notifiedLate(by: 8 * 3_600))
    }
}

@Suite("The 72 hours across summer time in Europe/Stockholm")
struct BreachDeadlineDSTTests {
    static func at(_ iso: String) -> Date { IncidentTime.parse(iso)! }

    @Test("GDPR art. 33: discovered on Friday 27 March 2026 10:00 (CET), due Monday 30 March 11:00 (CEST)")
    func springForward() {
        // Summer time starts on Sunday 29 March at 02:00: 72 real hours end at 11:00 on the clock.
        let d = BreachNotificationDeadline(awareAt: Self.at("2026-03-27T10:00:00+01:00"))
        #expect(d.deadline == Self.at("2026-03-30T11:00:00+02:00"))
        let (day, time) = d.localDeadline()
        #expect(day == CalendarDay(iso: "2026-03-30") && time == TimeOfDay("11:00"))
        #expect(d.state(now: Self.at("2026-03-30T10:30:00+02:00")) == .running(remaining: 1_800))
        #expect(d.state(now: Self.at("2026-03-30T11:01:00+02:00")) == .overdue(by: 60))
    }

    @Test("GDPR art. 33: discovered on Friday 23 October 2026 10:00 (CEST), due Monday 26 October 09:00 (CET)")
    func fallBack() {
        // Summer time ends on Sunday 25 October at 03:00: the clock shows an hour earlier than at discovery.
        let d = BreachNotificationDeadline(awareAt: Self.at("2026-10-23T10:00:00+02:00"))
        let (day, time) = d.localDeadline()
        #expect(day == CalendarDay(iso: "2026-10-26") && time == TimeOfDay("09:00"))
        #expect(d.deadline.timeIntervalSince(Self.at("2026-10-23T08:00:00Z")) == 72 * 3_600)
    }

    @Test("A day without a change: the clock shows the same time three days later")
    func plainDays() {
        let (day, time) = BreachNotificationDeadline(awareAt: Self.at("2026-05-04T23:30:00+02:00")).localDeadline()
        #expect(day == CalendarDay(iso: "2026-05-07") && time == TimeOfDay("23:30"))
        #expect(BreachNotificationDeadline.describe(3 * 3_600 + 7 * 60 + 59) == "3 h 7 min")
    }

    @Test("Instants in the API: ISO 8601 with a zone, fractions allowed; anything else is not read")
    func parsing() {
        #expect(IncidentTime.parse("2026-03-02T10:15:00Z") == Date(timeIntervalSince1970: 1_772_446_500))
        #expect(IncidentTime.parse("2026-03-02T11:15:00.250+01:00") == Date(timeIntervalSince1970: 1_772_446_500.25))
        #expect(IncidentTime.parse("2026-03-02 10:15") == nil)
        #expect(IncidentTime.parse("2026-13-02T10:15:00Z") == nil)
    }
}
