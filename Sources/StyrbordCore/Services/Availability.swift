import Foundation

/// When a service is to be available, as an agreement (SLA, driftavtal) states it (D7, T8): every hour,
/// or weekdays between two times in Swedish time.
public enum ServiceHours: Sendable, Hashable, Codable {
    case always
    /// Monday–Friday from `opens` to `closes`, minutes after midnight in Sweden; public holidays are
    /// counted as weekdays (agreements that exclude them say so in words).
    case weekdays(opens: Int, closes: Int)

    public static let officeHours = ServiceHours.weekdays(opens: 7 * 60, closes: 17 * 60)

    public var label: Localized {
        switch self {
        case .always: return Localized(sv: "Dygnet runt", en: "Around the clock")
        case .weekdays(let opens, let closes):
            func time(_ m: Int) -> String { String(format: "%02d:%02d", m / 60, m % 60) }
            return Localized(
                sv: "Vardagar \(time(opens))–\(time(closes))", en: "Weekdays \(time(opens))–\(time(closes))")
        }
    }
}

/// An interruption of a system, from `start` until `end` (nil: still going on).
public struct Outage: Sendable, Hashable, Codable {
    public var start: Date
    public var end: Date?
    /// A planned maintenance window the agreement allows; it does not count against availability.
    public var isPlanned: Bool

    public init(start: Date, end: Date?, isPlanned: Bool = false) {
        self.start = start
        self.end = end
        self.isPlanned = isPlanned
    }
}

/// Measured availability of a system for one calendar month against its agreed level (T8: followed
/// up against agreed service levels).
public struct AvailabilityReport: Sendable, Hashable {
    public var month: CalendarMonth
    /// Seconds of service time in the month (within the service hours).
    public var serviceSeconds: Int
    /// Seconds of service time lost to unplanned outages (overlaps counted once).
    public var downSeconds: Int
    /// The agreed level in per cent, e.g. 99.5.
    public var agreedPercent: Double

    /// 100 when the month has no service time at all.
    public var measuredPercent: Double {
        serviceSeconds == 0 ? 100 : 100 * Double(serviceSeconds - downSeconds) / Double(serviceSeconds)
    }

    public var meetsAgreement: Bool { measuredPercent + 1e-9 >= agreedPercent }

    /// How long the system may be down in the month and still meet the agreement.
    public var allowedDownSeconds: Int { Int((Double(serviceSeconds) * (100 - agreedPercent) / 100).rounded(.down)) }

    /// Measures `outages` over `month` within `hours`. Outages still going on count up to `now`.
    public static func measure(
        month: CalendarMonth, hours: ServiceHours, agreedPercent: Double, outages: [Outage], now: Date
    ) -> AvailabilityReport {
        let windows = serviceWindows(month: month, hours: hours)
        // Unplanned outages, clipped to the month and merged so that overlaps count once.
        let intervals = outages.filter { !$0.isPlanned }.map { ($0.start, min($0.end ?? now, now)) }
            .filter { $0.0 < $0.1 }.sorted { $0.0 < $1.0 }
        var merged: [(Date, Date)] = []
        for interval in intervals {
            if let last = merged.last, interval.0 <= last.1 {
                merged[merged.count - 1].1 = max(last.1, interval.1)
            } else {
                merged.append(interval)
            }
        }
        var service = 0.0
        var down = 0.0
        for window in windows {
            service += window.1.timeIntervalSince(window.0)
            for outage in merged {
                let start = max(window.0, outage.0)
                let end = min(window.1, outage.1)
                if start < end { down += end.timeIntervalSince(start) }
            }
        }
        return AvailabilityReport(
            month: month, serviceSeconds: Int(service.rounded()), downSeconds: Int(down.rounded()),
            agreedPercent: agreedPercent)
    }

    /// The month's service time as instants, in Swedish time (summer time included).
    static func serviceWindows(month: CalendarMonth, hours: ServiceHours) -> [(Date, Date)] {
        let calendar = CalendarMonth.swedish
        var windows: [(Date, Date)] = []
        var day = month.firstDay
        while day.month == month.month && day.year == month.year {
            let midnight = day.startInSweden
            switch hours {
            case .always:
                windows.append((midnight, day.adding(days: 1).startInSweden))
            case .weekdays(let opens, let closes):
                let weekday = calendar.component(.weekday, from: midnight)  // 1 Sunday … 7 Saturday
                if (2...6).contains(weekday), opens < closes,
                    let from = calendar.date(byAdding: .minute, value: opens, to: midnight),
                    let to = calendar.date(byAdding: .minute, value: closes, to: midnight)
                {
                    windows.append((from, to))
                }
            }
            day = day.adding(days: 1)
        }
        return windows
    }
}

/// A calendar month, e.g. 2026-11.
public struct CalendarMonth: Sendable, Hashable, Codable, Comparable {
    public var year: Int
    public var month: Int

    public init?(year: Int, month: Int) {
        guard (1...12).contains(month), (1900...9999).contains(year) else { return nil }
        self.year = year
        self.month = month
    }

    public var firstDay: CalendarDay { CalendarDay(year: year, month: month, day: 1)! }

    public static func < (a: CalendarMonth, b: CalendarMonth) -> Bool { (a.year, a.month) < (b.year, b.month) }

    static let swedish: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Europe/Stockholm") ?? .gmt
        return calendar
    }()
}

extension CalendarDay {
    /// Midnight at the start of the day in Sweden.
    var startInSweden: Date {
        CalendarMonth.swedish.date(from: DateComponents(year: year, month: month, day: day)) ?? .distantPast
    }
}
