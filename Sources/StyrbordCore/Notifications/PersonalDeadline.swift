import Foundation

/// A date a person must act by (a plan's revision, a contract's last day for notice, a proposal's step),
/// shown as a whole-day event in the person's calendar feed. Each area computes its own; see
/// `PersonalDeadlines` in the app and docs/notifications.md.
public struct PersonalDeadline: Sendable, Hashable {
    /// Stable across renderings (`plan-revision-<id>@styrbord`), so calendars update rather than duplicate.
    public var uid: String
    public var date: CalendarDay
    public var title: String
    public var description: String
    /// A path inside the municipality (`/t/<slug>/plans/<id>`), or "".
    public var link: String

    public init(uid: String, date: CalendarDay, title: String, description: String = "", link: String = "") {
        self.uid = uid
        self.date = date
        self.title = title
        self.description = description
        self.link = link
    }

    /// As an all-day calendar event; `baseURL` (scheme and host) makes the link absolute.
    public func event(baseURL: String?) -> CalendarFeed.Event {
        let url = link.isEmpty ? nil : (baseURL ?? "") + link
        return CalendarFeed.Event(
            uid: uid, summary: title, start: date.startDate, end: date.startDate, isAllDay: true,
            description: [description, url.map { "Länk: \($0)" } ?? ""].filter { !$0.isEmpty }.joined(separator: "\n"),
            url: baseURL == nil ? nil : url)
    }

    /// The deadlines worth showing: from `from` (some days back, so a just-missed one still shows) on,
    /// by date, then title; the same uid once.
    public static func window(_ deadlines: [PersonalDeadline], from: CalendarDay) -> [PersonalDeadline] {
        var seen: Set<String> = []
        return deadlines.filter { $0.date >= from }.sorted { ($0.date, $0.title) < ($1.date, $1.title) }
            .filter { seen.insert($0.uid).inserted }
    }
}

/// A contract's next date to act on, the same the efterlevnad rule warns about (D7): the last day to give
/// notice for the current period (rolled forward for contracts that renew), or the end of one that does not.
public enum ContractDeadline {
    public struct Next: Sendable, Hashable {
        public var date: CalendarDay
        /// True: the last day to give notice; false: the contract ends.
        public var isNotice: Bool
        public var periodEnd: CalendarDay
    }

    public static func next(_ contract: ComplianceSnapshot.Contract, on day: CalendarDay) -> Next? {
        switch ContractNoticeRule.nextMilestone(contract, on: day) {
        case .notice(let deadline, let end): Next(date: deadline, isNotice: true, periodEnd: end)
        case .ends(let end): Next(date: end, isNotice: false, periodEnd: end)
        case nil: nil
        }
    }
}
