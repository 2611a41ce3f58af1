import Foundation

/// What kind of incident (T9: all incidents reported; F5: incidents in access management).
public enum IncidentKind: String, LabelledValue {
    case informationSecurity = "informationssakerhet"
    /// GDPR art. 33: reported to IMY within 72 hours.
    case personalDataBreach = "personuppgiftsincident"
    /// F5: reported to the responsible manager.
    case access = "behorighet"
    case operations = "drift"

    public var label: Localized {
        switch self {
        case .informationSecurity: Localized(sv: "Informationssäkerhet", en: "Information security")
        case .personalDataBreach: Localized(sv: "Personuppgiftsincident", en: "Personal data breach")
        case .access: Localized(sv: "Behörighet", en: "Access")
        case .operations: Localized(sv: "Drift", en: "Operations")
        }
    }
}

/// How serious the reporter or handler judges the incident.
public enum IncidentSeverity: String, LabelledValue {
    case low = "lag"
    case medium = "medel"
    case high = "hog"
    case critical = "kritisk"

    public var label: Localized {
        switch self {
        case .low: Localized(sv: "Låg", en: "Low")
        case .medium: Localized(sv: "Medel", en: "Medium")
        case .high: Localized(sv: "Hög", en: "High")
        case .critical: Localized(sv: "Kritisk", en: "Critical")
        }
    }
}

/// Where an incident stands: reported → under investigation → resolved → closed (T9: followed up).
public enum IncidentStatus: String, LabelledValue {
    case reported = "rapporterad"
    case investigating = "under-utredning"
    case resolved = "atgardad"
    case closed = "avslutad"

    public var label: Localized {
        switch self {
        case .reported: Localized(sv: "Rapporterad", en: "Reported")
        case .investigating: Localized(sv: "Under utredning", en: "Under investigation")
        case .resolved: Localized(sv: "Åtgärdad", en: "Resolved")
        case .closed: Localized(sv: "Avslutad", en: "Closed")
        }
    }

    public var rank: Int {
        switch self {
        case .reported: 0
        case .investigating: 1
        case .resolved: 2
        case .closed: 3
        }
    }

    public var isOpen: Bool { self != .closed }
}

/// The instants an incident's dates may take: this century, as the rest of the register. In JSON an
/// instant is ISO 8601 text with seconds and a zone (`2026-03-02T10:15:00+01:00`, `…Z`, fractions allowed).
public enum IncidentTime {
    static let earliest = Date(timeIntervalSince1970: 946_684_800)  // 2000-01-01
    static let latest = Date(timeIntervalSince1970: 4_102_444_800)  // 2100-01-01
    /// What text that can't be read becomes: outside the range, so validation names the field.
    static let unreadable = Date(timeIntervalSince1970: 0)

    static func inRange(_ date: Date) -> Bool { date >= earliest && date < latest }

    /// The instant written as ISO 8601 text, or nil.
    public static func parse(_ text: String) -> Date? {
        let plain = ISO8601DateFormatter()
        plain.formatOptions = [.withInternetDateTime]
        if let date = plain.date(from: text) { return date }
        let fractional = ISO8601DateFormatter()
        fractional.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return fractional.date(from: text)
    }

    public static func format(_ date: Date) -> String {
        let f = ISO8601DateFormatter()
        f.formatOptions = [.withInternetDateTime]
        return f.string(from: date)
    }

    static func decode<K: CodingKey>(_ c: KeyedDecodingContainer<K>, _ key: K) throws -> Date {
        parse(try c.decode(String.self, forKey: key)) ?? unreadable
    }

    static func decodeIfPresent<K: CodingKey>(_ c: KeyedDecodingContainer<K>, _ key: K) throws -> Date? {
        try c.decodeIfPresent(String.self, forKey: key).map { parse($0) ?? unreadable }
    }
}

/// An incident as its reporter writes it: kind, severity, what happened, when it happened and was
/// discovered, and the systems it touched (T9, F5).
public struct IncidentDraft: RecordDraft, Hashable, Codable {
    public var kind: IncidentKind
    public var severity: IncidentSeverity
    public var title: String
    public var description: String
    public var occurredAt: Date
    /// When the municipality became aware: the 72 hours of a personal data breach run from here.
    public var discoveredAt: Date
    public var systemIds: [UUID]

    public static let maxSystems = 50

    public init(
        kind: IncidentKind, severity: IncidentSeverity, title: String, description: String, occurredAt: Date,
        discoveredAt: Date, systemIds: [UUID] = []
    ) {
        self.kind = kind
        self.severity = severity
        self.title = title
        self.description = description
        self.occurredAt = occurredAt
        self.discoveredAt = discoveredAt
        self.systemIds = systemIds
    }

    enum CodingKeys: String, CodingKey {
        case kind, severity, title, description, occurredAt, discoveredAt, systemIds
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        kind = try c.decode(IncidentKind.self, forKey: .kind)
        severity = try c.decode(IncidentSeverity.self, forKey: .severity)
        title = try c.decode(String.self, forKey: .title)
        description = try c.decodeIfPresent(String.self, forKey: .description) ?? ""
        occurredAt = try IncidentTime.decode(c, .occurredAt)
        discoveredAt = try IncidentTime.decode(c, .discoveredAt)
        systemIds = try c.decodeIfPresent([UUID].self, forKey: .systemIds) ?? []
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(kind, forKey: .kind)
        try c.encode(severity, forKey: .severity)
        try c.encode(title, forKey: .title)
        try c.encode(description, forKey: .description)
        try c.encode(IncidentTime.format(occurredAt), forKey: .occurredAt)
        try c.encode(IncidentTime.format(discoveredAt), forKey: .discoveredAt)
        try c.encode(systemIds, forKey: .systemIds)
    }

    public func normalized() -> IncidentDraft {
        var copy = self
        copy.title = title.trimmed
        copy.description = description.trimmed
        var seen = Set<UUID>()
        copy.systemIds = systemIds.filter { seen.insert($0).inserted }
        return copy
    }

    public func validate() -> [ValidationIssue] {
        var v = Validator()
        v.requireText(title, field: "title", label: Localized(sv: "Rubrik", en: "Title"), max: 200)
        v.requireText(
            description, field: "description", label: Localized(sv: "Vad som hände", en: "What happened"),
            max: 10_000)
        if !IncidentTime.inRange(occurredAt) {
            v.add("occurredAt", sv: "Ange när det hände (år 2000–2099).", en: "Enter when it happened (2000–2099).")
        }
        if !IncidentTime.inRange(discoveredAt) {
            v.add(
                "discoveredAt", sv: "Ange när det upptäcktes (år 2000–2099).",
                en: "Enter when it was discovered (2000–2099).")
        } else if IncidentTime.inRange(occurredAt) && discoveredAt < occurredAt {
            v.add(
                "discoveredAt", sv: "Incidenten kan inte ha upptäckts innan den hände.",
                en: "The incident can't have been discovered before it happened.")
        }
        if systemIds.count > Self.maxSystems {
            v.add(
                "systemIds", sv: "Välj högst \(Self.maxSystems) system.",
                en: "Choose at most \(Self.maxSystems) systems.")
        }
        if kind == .access && systemIds.isEmpty {
            v.add(
                "systemIds", sv: "Välj det system behörighetsincidenten gäller: dess ansvariga underrättas (F5).",
                en: "Choose the system the access incident concerns: its responsible managers are notified (F5).")
        }
        return v.issues
    }
}

/// Whether a personal data breach was reported to IMY (GDPR art. 33), when and under which reference, or
/// why it was not (a breach unlikely to risk people's rights is documented but not reported).
public struct ImyNotificationDraft: RecordDraft, Hashable, Codable {
    public var notified: Bool
    public var notifiedAt: Date?
    public var reference: String
    public var reasonNotNotified: String

    public init(notified: Bool, notifiedAt: Date? = nil, reference: String = "", reasonNotNotified: String = "") {
        self.notified = notified
        self.notifiedAt = notifiedAt
        self.reference = reference
        self.reasonNotNotified = reasonNotNotified
    }

    enum CodingKeys: String, CodingKey { case notified, notifiedAt, reference, reasonNotNotified }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        notified = try c.decode(Bool.self, forKey: .notified)
        notifiedAt = try IncidentTime.decodeIfPresent(c, .notifiedAt)
        reference = try c.decodeIfPresent(String.self, forKey: .reference) ?? ""
        reasonNotNotified = try c.decodeIfPresent(String.self, forKey: .reasonNotNotified) ?? ""
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(notified, forKey: .notified)
        try c.encodeIfPresent(notifiedAt.map(IncidentTime.format), forKey: .notifiedAt)
        try c.encode(reference, forKey: .reference)
        try c.encode(reasonNotNotified, forKey: .reasonNotNotified)
    }

    public func normalized() -> ImyNotificationDraft {
        var copy = self
        copy.reference = reference.trimmed
        copy.reasonNotNotified = reasonNotNotified.trimmed
        if notified { copy.reasonNotNotified = "" } else { copy.notifiedAt = nil }
        return copy
    }

    public func validate() -> [ValidationIssue] {
        var v = Validator()
        v.limit(
            reference, field: "reference", label: Localized(sv: "IMY:s diarienummer", en: "IMY reference"), max: 100)
        if notified {
            if let notifiedAt {
                if !IncidentTime.inRange(notifiedAt) {
                    v.add(
                        "notifiedAt", sv: "Ange när IMY underrättades (år 2000–2099).",
                        en: "Enter when IMY was notified (2000–2099).")
                }
            } else {
                v.add("notifiedAt", sv: "Ange när IMY underrättades.", en: "Enter when IMY was notified.")
            }
            v.limit(
                reasonNotNotified, field: "reasonNotNotified",
                label: Localized(sv: "Skäl", en: "Reason"), max: 2_000)
        } else {
            v.requireText(
                reasonNotNotified, field: "reasonNotNotified",
                label: Localized(sv: "Skäl att inte anmäla", en: "Reason for not notifying"), max: 2_000)
        }
        return v.issues
    }
}

/// An action (åtgärd) to put an incident right or keep it from happening again.
public struct IncidentActionDraft: RecordDraft, Hashable, Codable {
    public var description: String
    public var responsiblePersonId: UUID?
    public var dueOn: CalendarDay?
    public var done: Bool

    public init(description: String, responsiblePersonId: UUID? = nil, dueOn: CalendarDay? = nil, done: Bool = false) {
        self.description = description
        self.responsiblePersonId = responsiblePersonId
        self.dueOn = dueOn
        self.done = done
    }

    enum CodingKeys: String, CodingKey { case description, responsiblePersonId, dueOn, done }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        description = try c.decode(String.self, forKey: .description)
        responsiblePersonId = try c.decodeIfPresent(UUID.self, forKey: .responsiblePersonId)
        dueOn = try c.decodeIfPresent(CalendarDay.self, forKey: .dueOn)
        done = try c.decodeIfPresent(Bool.self, forKey: .done) ?? false
    }

    public func normalized() -> IncidentActionDraft {
        var copy = self
        copy.description = description.trimmed
        return copy
    }

    public func validate() -> [ValidationIssue] {
        var v = Validator()
        v.requireText(description, field: "description", label: Localized(sv: "Åtgärd", en: "Action"), max: 2_000)
        if let dueOn, !(2000...2099).contains(dueOn.year) {
            v.add("dueOn", sv: "Ange ett datum år 2000–2099.", en: "Enter a date in 2000–2099.")
        }
        return v.issues
    }
}

/// A note in an incident's follow-up (uppföljning).
public struct IncidentNoteDraft: RecordDraft, Hashable, Codable {
    public var text: String

    public init(text: String) { self.text = text }

    public func normalized() -> IncidentNoteDraft { IncidentNoteDraft(text: text.trimmed) }

    public func validate() -> [ValidationIssue] {
        var v = Validator()
        v.requireText(text, field: "text", label: Localized(sv: "Anteckning", en: "Note"), max: 5_000)
        return v.issues
    }
}

/// A step in the incident's status flow: forward to a later status, closing with a lesson learned, or
/// reopening a resolved or closed incident with a reason.
public struct IncidentStatusDraft: RecordDraft, Hashable, Codable {
    public var status: IncidentStatus
    /// The lesson learned (lärdom): required to close.
    public var lesson: String
    /// Why it is reopened: required to reopen.
    public var reason: String

    public init(status: IncidentStatus, lesson: String = "", reason: String = "") {
        self.status = status
        self.lesson = lesson
        self.reason = reason
    }

    enum CodingKeys: String, CodingKey { case status, lesson, reason }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        status = try c.decode(IncidentStatus.self, forKey: .status)
        lesson = try c.decodeIfPresent(String.self, forKey: .lesson) ?? ""
        reason = try c.decodeIfPresent(String.self, forKey: .reason) ?? ""
    }

    public func normalized() -> IncidentStatusDraft {
        IncidentStatusDraft(status: status, lesson: lesson.trimmed, reason: reason.trimmed)
    }

    public func validate() -> [ValidationIssue] {
        var v = Validator()
        v.limit(lesson, field: "lesson", label: Localized(sv: "Lärdom", en: "Lesson learned"), max: 5_000)
        v.limit(reason, field: "reason", label: Localized(sv: "Skäl", en: "Reason"), max: 2_000)
        return v.issues
    }

    /// The problems with moving an incident from `current` to this status: the flow goes forward; closing
    /// needs a lesson learned; going back (reopening) is only to "under investigation", with a reason.
    public func problems(from current: IncidentStatus) -> [ValidationIssue] {
        var v = Validator()
        if status == current {
            v.add("status", sv: "Incidenten har redan den statusen.", en: "The incident already has that status.")
        } else if status.rank < current.rank {
            if status != .investigating || current.rank < IncidentStatus.resolved.rank {
                v.add(
                    "status", sv: "En incident kan bara återöppnas till Under utredning.",
                    en: "An incident can only be reopened to Under investigation.")
            } else if reason.trimmed.isEmpty {
                v.add(
                    "reason", sv: "Skriv varför incidenten öppnas igen.", en: "Write why the incident is reopened.")
            }
        }
        if status == .closed && lesson.trimmed.isEmpty {
            v.add(
                "lesson", sv: "Skriv vad ni lärde er (lärdom) innan incidenten avslutas.",
                en: "Write the lesson learned before closing the incident.")
        }
        return v.issues
    }
}
