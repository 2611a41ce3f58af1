import Foundation
import Testing

@testable import StyrbordCore

@Suite("Availability against the agreed level")
struct AvailabilityTests {
    static func at(_ iso: String) -> Date { ISO8601DateFormatter().date(from: iso)! }
    static let november = CalendarMonth(year: 2026, month: 11)!
    static let later = at("2027-01-01T00:00:00Z")

    @Test("T8: around the clock, two hours down in November is 99.72 %, within an agreed 99.5 %")
    func aroundTheClock() {
        let report = AvailabilityReport.measure(
            month: Self.november, hours: .always, agreedPercent: 99.5,
            outages: [Outage(start: Self.at("2026-11-10T08:00:00Z"), end: Self.at("2026-11-10T10:00:00Z"))],
            now: Self.later)
        #expect(report.serviceSeconds == 30 * 86_400)
        #expect(report.downSeconds == 7_200)
        #expect(abs(report.measuredPercent - 99.7222) < 0.0001)
        #expect(report.meetsAgreement)
        #expect(report.allowedDownSeconds == 12_960)  // 3.6 hours
    }

    @Test("Office hours count only weekdays 07–17 Swedish time: a weekend outage costs two hours")
    func officeHours() {
        // Friday 6 November 15:00 UTC (16:00 in Sweden) to Monday 9 November 07:00 UTC (08:00).
        let report = AvailabilityReport.measure(
            month: Self.november, hours: .officeHours, agreedPercent: 99.9,
            outages: [Outage(start: Self.at("2026-11-06T15:00:00Z"), end: Self.at("2026-11-09T07:00:00Z"))],
            now: Self.later)
        #expect(report.serviceSeconds == 21 * 10 * 3_600)
        #expect(report.downSeconds == 7_200)
        #expect(!report.meetsAgreement)  // 99.05 % < 99.9 %
    }

    @Test("Overlapping outages count once, planned maintenance not at all, an ongoing one up to now")
    func overlapsPlannedAndOngoing() {
        let report = AvailabilityReport.measure(
            month: Self.november, hours: .always, agreedPercent: 99,
            outages: [
                Outage(start: Self.at("2026-11-02T10:00:00Z"), end: Self.at("2026-11-02T12:00:00Z")),
                Outage(start: Self.at("2026-11-02T11:00:00Z"), end: Self.at("2026-11-02T13:00:00Z")),
                Outage(start: Self.at("2026-11-03T00:00:00Z"), end: Self.at("2026-11-03T06:00:00Z"), isPlanned: true),
                Outage(start: Self.at("2026-11-30T22:00:00Z"), end: nil),
                Outage(start: Self.at("2026-10-31T21:00:00Z"), end: Self.at("2026-10-31T22:45:00Z")),  // 23:45 in Sweden: October
            ],
            now: Self.at("2026-11-30T22:30:00Z"))
        #expect(report.downSeconds == 3 * 3_600 + 1_800)
    }

    @Test("The month of the change to summer time has an hour less of service around the clock")
    func summerTime() {
        let march = AvailabilityReport.measure(
            month: CalendarMonth(year: 2027, month: 3)!, hours: .always, agreedPercent: 99, outages: [],
            now: Self.later)
        #expect(march.serviceSeconds == 31 * 86_400 - 3_600)
        #expect(march.measuredPercent == 100)
    }

    @Test("Months outside 1–12 don't exist")
    func months() {
        #expect(CalendarMonth(year: 2026, month: 13) == nil)
        #expect(CalendarMonth(year: 2026, month: 0) == nil)
        #expect(CalendarMonth(year: 2026, month: 11)! < CalendarMonth(year: 2027, month: 1)!)
    }
}
