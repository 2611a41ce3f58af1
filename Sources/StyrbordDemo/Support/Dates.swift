import Foundation
import StyrbordCore

extension CalendarDay {
    /// The first day of the month `months` away from this day's month.
    func monthStart(_ months: Int) -> CalendarDay {
        let total = year * 12 + (month - 1) + months
        return CalendarDay(year: total / 12, month: total % 12 + 1, day: 1)!
    }
}

/// First-of-month days from 20 years back to 8 years ahead of `today`. `CalendarDay` goes through
/// Foundation's calendar on every construction, so the generator computes these once per `today` and
/// picks from them instead of building hundreds of thousands of dates.
final class MonthTable: @unchecked Sendable {
    static let monthsBack = 240
    static let monthsAhead = 96

    let today: CalendarDay
    /// `starts[monthsBack + k]` is the first day of the month k months from today's.
    private let starts: [CalendarDay]
    /// The last day of the same months.
    private let ends: [CalendarDay]

    private init(today: CalendarDay) {
        self.today = today
        let firsts = (-Self.monthsBack...(Self.monthsAhead + 1)).map { today.monthStart($0) }
        starts = Array(firsts.dropLast())
        ends = firsts.dropFirst().map { $0.adding(days: -1) }
    }

    func start(_ months: Int) -> CalendarDay { starts[Self.monthsBack + clamp(months)] }
    func end(_ months: Int) -> CalendarDay { ends[Self.monthsBack + clamp(months)] }

    private func clamp(_ months: Int) -> Int { min(max(months, -Self.monthsBack), Self.monthsAhead) }

    // One table per `today`, shared by every generated municipality; the lock makes the cache safe
    // when municipalities are generated in parallel.
    private static let lock = NSLock()
    nonisolated(unsafe) private static var cache: [CalendarDay: MonthTable] = [:]

    static func table(for today: CalendarDay) -> MonthTable {
        lock.lock()
        defer { lock.unlock() }
        if let table = cache[today] { return table }
        if cache.count > 8 { cache.removeAll() }
        let table = MonthTable(today: today)
        cache[today] = table
        return table
    }
}
