import Foundation
import Testing

@testable import StyrbordCore

@Suite("CalendarDay arithmetic without Foundation's calendar")
struct CalendarDayArithmeticTests {
    @Test("Ordinals count days from 1970-01-01 and round-trip across 1900, 2000 and 2100")
    func ordinals() {
        #expect(CalendarDay(iso: "1970-01-01")!.ordinal == 0)
        #expect(CalendarDay(iso: "2000-03-01")!.ordinal == 11_017)
        #expect(CalendarDay(iso: "1969-12-31")!.ordinal == -1)
        var day = CalendarDay(iso: "1896-01-01")!
        let end = CalendarDay(iso: "2104-12-31")!
        var n = day.ordinal
        while day < end {
            let next = day.advanced(byDays: 1)
            #expect(next.ordinal == n + 1)
            #expect(CalendarDay(ordinal: n) == day)
            day = next
            n += 1
        }
    }

    @Test("Day and month arithmetic agree with Foundation's calendar")
    func agreesWithFoundation() {
        for text in ["2024-01-31", "2024-02-29", "2025-03-31", "2026-12-31", "2027-08-15", "2100-02-28"] {
            let day = CalendarDay(iso: text)!
            for months in [-25, -12, -6, -1, 1, 2, 11, 12, 36] {
                #expect(day.advanced(byMonths: months) == day.adding(months: months), "\(text) \(months) months")
            }
            for days in [-400, -1, 1, 30, 365, 1_000] {
                #expect(day.advanced(byDays: days) == day.adding(days: days), "\(text) \(days) days")
            }
        }
    }
}
