import Foundation

/// GDPR art. 33: a personal data breach is reported to the supervisory authority (IMY) within 72
/// hours of the organisation becoming aware of it.
public struct BreachNotificationDeadline: Sendable, Hashable {
    public static let hours = 72

    public var awareAt: Date
    public var notifiedAt: Date?

    public init(awareAt: Date, notifiedAt: Date? = nil) {
        self.awareAt = awareAt
        self.notifiedAt = notifiedAt
    }

    public var deadline: Date { awareAt.addingTimeInterval(TimeInterval(Self.hours * 3_600)) }

    public enum State: Sendable, Hashable {
        /// Not yet reported; this much time is left.
        case running(remaining: TimeInterval)
        /// Not reported and past the deadline by this much.
        case overdue(by: TimeInterval)
        case notifiedInTime
        /// Reported, but after the deadline (art. 33(1): the report then gives the reasons for the delay).
        case notifiedLate(by: TimeInterval)
    }

    public func state(now: Date) -> State {
        if let notifiedAt {
            return notifiedAt <= deadline ? .notifiedInTime : .notifiedLate(by: notifiedAt.timeIntervalSince(deadline))
        }
        return now <= deadline
            ? .running(remaining: deadline.timeIntervalSince(now)) : .overdue(by: now.timeIntervalSince(deadline))
    }
}

extension BreachNotificationDeadline {
    /// The deadline as a Swedish wall clock shows it: 72 hours are counted in real time, so across the
    /// change to or from summer time the clock reads an hour later or earlier than at discovery.
    public func localDeadline(in timeZone: TimeZone = CalendarDay.timeZone) -> (day: CalendarDay, time: TimeOfDay) {
        BreachNotificationDeadline.local(deadline, in: timeZone)
    }

    /// An instant as day and minute on the Swedish clock.
    public static func local(
        _ date: Date, in timeZone: TimeZone = CalendarDay.timeZone
    ) -> (
        day: CalendarDay, time: TimeOfDay
    ) {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        return (
            CalendarDay(year: c.year!, month: c.month!, day: c.day!)!,
            TimeOfDay(hour: c.hour!, minute: c.minute!)!
        )
    }

    /// Whole hours and minutes of an interval, "5 h 7 min", for the page and the API.
    public static func describe(_ interval: TimeInterval) -> String {
        let minutes = Int((abs(interval) / 60).rounded(.down))
        return "\(minutes / 60) h \(minutes % 60) min"
    }
}
