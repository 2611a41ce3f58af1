import Foundation

extension CalendarMonth {
    /// The month `day` falls in.
    public init(_ day: CalendarDay) {
        self.init(year: day.year, month: day.month)!
    }

    /// The month `n` months later (earlier when negative).
    public func adding(months n: Int) -> CalendarMonth {
        let index = year * 12 + (month - 1) + n
        return CalendarMonth(year: index / 12, month: index % 12 + 1) ?? self
    }

    /// The last day of the month.
    public var lastDay: CalendarDay { adding(months: 1).firstDay.advanced(byDays: -1) }

    /// "2026-11".
    public var iso: String { String(format: "%04d-%02d", year, month) }

    /// The `count` months up to and including `last`, oldest first.
    public static func months(endingWith last: CalendarMonth, count: Int) -> [CalendarMonth] {
        (0..<max(0, count)).reversed().map { last.adding(months: -$0) }
    }
}

/// What decides an agreement's measured availability (T8): its level, service hours, how planned
/// maintenance counts, and the days it is in force.
public struct AgreementTerms: Sendable, Hashable {
    public var agreedPercent: Double
    public var serviceHours: ServiceHours
    public var plannedMaintenanceCounts: Bool
    public var validFrom: CalendarDay
    public var validTo: CalendarDay?

    public init(
        agreedPercent: Double, serviceHours: ServiceHours, plannedMaintenanceCounts: Bool, validFrom: CalendarDay,
        validTo: CalendarDay?
    ) {
        self.agreedPercent = agreedPercent
        self.serviceHours = serviceHours
        self.plannedMaintenanceCounts = plannedMaintenanceCounts
        self.validFrom = validFrom
        self.validTo = validTo
    }

    /// The agreement covers some of the month.
    public func covers(_ month: CalendarMonth) -> Bool {
        validFrom <= month.lastDay && (validTo.map { month.firstDay <= $0 } ?? true)
    }

    /// The month measured against the agreed level, within the service hours. Planned maintenance is
    /// left out unless the agreement says it counts.
    public func measure(_ month: CalendarMonth, outages: [Outage], now: Date) -> AvailabilityReport {
        let counted =
            plannedMaintenanceCounts
            ? outages.map { Outage(start: $0.start, end: $0.end, isPlanned: false) } : outages
        return AvailabilityReport.measure(
            month: month, hours: serviceHours, agreedPercent: agreedPercent, outages: counted, now: now)
    }

    /// Completed months within the agreement, among the `count` months before `today`'s month, oldest first,
    /// that fall short of the agreed level.
    public func monthsBelow(outages: [Outage], today: CalendarDay, count: Int = 12) -> [AvailabilityReport] {
        let current = CalendarMonth(today)
        let now = current.firstDay.startInSweden
        return CalendarMonth.months(endingWith: current.adding(months: -1), count: count)
            .filter(covers)
            .map { measure($0, outages: outages, now: now) }
            .filter { !$0.meetsAgreement }
    }
}

/// A date someone must act on for an agreement: the last day to give notice, or the day it ends.
/// Made for the per-person calendar (ICS) feed and the inbox: what, when, and for whom.
public struct AgreementDeadline: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable, Codable {
        /// The last day to give notice so that the agreement ends on its end date.
        case notice
        /// The agreement's last day.
        case expiry
    }

    public var agreementID: UUID
    public var kind: Kind
    public var date: CalendarDay
    public var title: Localized
    /// Who should act: the agreement's systemägare (and whoever else the caller adds).
    public var personIDs: [UUID]

    public init(agreementID: UUID, kind: Kind, date: CalendarDay, title: Localized, personIDs: [UUID]) {
        self.agreementID = agreementID
        self.kind = kind
        self.date = date
        self.title = title
        self.personIDs = personIDs
    }

    /// The notice and expiry dates of an agreement that fall on or after `from` (and on or before `until`
    /// when given), earliest first. An agreement without an end date has none; a notice period of 0 gives
    /// only the expiry.
    public static func upcoming(
        agreementID: UUID, systemName: String, validTo: CalendarDay?, noticePeriodMonths: Int?, personIDs: [UUID],
        from: CalendarDay, until: CalendarDay? = nil
    ) -> [AgreementDeadline] {
        guard let validTo else { return [] }
        var result: [AgreementDeadline] = []
        let months = max(0, noticePeriodMonths ?? 0)
        if months > 0 {
            let notice = validTo.advanced(byMonths: -months)
            result.append(
                AgreementDeadline(
                    agreementID: agreementID, kind: .notice, date: notice,
                    title: Localized(
                        sv: "Sista dag att säga upp driftavtalet för \(systemName) (upphör \(validTo))",
                        en: "Last day to give notice on the service agreement for \(systemName) (ends \(validTo))"),
                    personIDs: personIDs))
        }
        result.append(
            AgreementDeadline(
                agreementID: agreementID, kind: .expiry, date: validTo,
                title: Localized(
                    sv: "Driftavtalet för \(systemName) upphör", en: "The service agreement for \(systemName) ends"),
                personIDs: personIDs))
        return result.filter { deadline in
            deadline.date >= from && (until.map { deadline.date <= $0 } ?? true)
        }
    }
}
