import Foundation

/// A time of day in Sweden, "09:30": how meetings are announced.
public struct TimeOfDay: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    public let hour: Int
    public let minute: Int

    public init?(hour: Int, minute: Int) {
        guard (0...23).contains(hour), (0...59).contains(minute) else { return nil }
        self.hour = hour
        self.minute = minute
    }

    /// Exactly `HH:MM`, 00:00–23:59.
    public init?(_ text: String) {
        let scalars = Array(text.unicodeScalars)
        guard scalars.count == 5, scalars[2] == ":",
            let h = Int(String(String.UnicodeScalarView(scalars[0..<2]))),
            let m = Int(String(String.UnicodeScalarView(scalars[3..<5]))),
            scalars.enumerated().allSatisfy({ $0.offset == 2 || ("0"..."9").contains($0.element) })
        else { return nil }
        self.init(hour: h, minute: m)
    }

    public var description: String {
        (hour < 10 ? "0" : "") + String(hour) + ":" + (minute < 10 ? "0" : "") + String(minute)
    }

    public var minutes: Int { hour * 60 + minute }
    public static func < (a: Self, b: Self) -> Bool { a.minutes < b.minutes }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let t = TimeOfDay(text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "HH:MM"))
        }
        self = t
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(description)
    }

    /// The instant this time of day on `day` in Sweden.
    public func on(_ day: CalendarDay) -> Date {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = CalendarDay.timeZone
        let components = DateComponents(
            year: day.year, month: day.month, day: day.day, hour: hour, minute: minute)
        return calendar.date(from: components) ?? day.startDate
    }
}

/// A forum's meeting as it is scheduled: which forum (and förvaltning, for a forum each förvaltning
/// has), when and where.
public struct MeetingDraft: RecordDraft, Hashable, Codable {
    public var forumKey: String
    /// The förvaltning whose forum meets; required for a per-förvaltning forum, nil otherwise.
    public var orgUnitId: UUID?
    public var date: CalendarDay?
    public var startTime: TimeOfDay?
    public var endTime: TimeOfDay?
    public var place: String
    public var description: String

    public static let maxPlace = 200
    public static let maxDescription = 4_000

    public init(
        forumKey: String, orgUnitId: UUID? = nil, date: CalendarDay?, startTime: TimeOfDay?, endTime: TimeOfDay?,
        place: String = "", description: String = ""
    ) {
        self.forumKey = forumKey
        self.orgUnitId = orgUnitId
        self.date = date
        self.startTime = startTime
        self.endTime = endTime
        self.place = place
        self.description = description
    }

    enum CodingKeys: String, CodingKey { case forumKey, orgUnitId, date, startTime, endTime, place, description }
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        forumKey = try c.decode(String.self, forKey: .forumKey)
        orgUnitId = try c.decodeIfPresent(UUID.self, forKey: .orgUnitId)
        date = try c.decode(CalendarDay.self, forKey: .date)
        startTime = try c.decode(TimeOfDay.self, forKey: .startTime)
        endTime = try c.decode(TimeOfDay.self, forKey: .endTime)
        place = try c.decodeIfPresent(String.self, forKey: .place) ?? ""
        description = try c.decodeIfPresent(String.self, forKey: .description) ?? ""
    }

    public func normalized() -> MeetingDraft {
        var copy = self
        copy.forumKey = forumKey.trimmed
        copy.place = place.trimmed
        copy.description = description.trimmed
        return copy
    }

    public func validate() -> [ValidationIssue] {
        var v = Validator()
        v.requireText(forumKey, field: "forumKey", label: Localized(sv: "Forum", en: "Forum"), max: 200)
        if date == nil { v.add("date", sv: "Ange mötets datum.", en: "Enter the meeting's date.") }
        if startTime == nil { v.add("startTime", sv: "Ange starttid som 09:30.", en: "Enter the start as 09:30.") }
        if endTime == nil { v.add("endTime", sv: "Ange sluttid som 11:00.", en: "Enter the end as 11:00.") }
        if let s = startTime, let e = endTime, e <= s {
            v.add("endTime", sv: "Mötet måste sluta efter att det börjat.", en: "The meeting must end after it starts.")
        }
        v.limit(place, field: "place", label: Localized(sv: "Plats", en: "Place"), max: Self.maxPlace)
        v.limit(
            description, field: "description", label: Localized(sv: "Beskrivning", en: "Description"),
            max: Self.maxDescription)
        return v.issues
    }

    /// When it starts and ends, once the draft is valid.
    public var interval: (start: Date, end: Date)? {
        guard let date, let startTime, let endTime else { return nil }
        return (startTime.on(date), endTime.on(date))
    }
}

/// An item on a meeting's agenda: a proposal waiting for the forum (its next step is the forum's), or a
/// free item with a title of its own.
public struct AgendaItemDraft: RecordDraft, Hashable, Codable {
    public var proposalId: UUID?
    public var title: String
    public var description: String

    public static let maxTitle = 300
    public static let maxDescription = 4_000

    public init(proposalId: UUID? = nil, title: String = "", description: String = "") {
        self.proposalId = proposalId
        self.title = title
        self.description = description
    }

    enum CodingKeys: String, CodingKey { case proposalId, title, description }
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        proposalId = try c.decodeIfPresent(UUID.self, forKey: .proposalId)
        title = try c.decodeIfPresent(String.self, forKey: .title) ?? ""
        description = try c.decodeIfPresent(String.self, forKey: .description) ?? ""
    }

    public func normalized() -> AgendaItemDraft {
        var copy = self
        copy.title = title.trimmed
        copy.description = description.trimmed
        return copy
    }

    public func validate() -> [ValidationIssue] {
        var v = Validator()
        if proposalId == nil {
            v.requireText(title, field: "title", label: Localized(sv: "Rubrik", en: "Title"), max: Self.maxTitle)
        } else {
            v.limit(title, field: "title", label: Localized(sv: "Rubrik", en: "Title"), max: Self.maxTitle)
        }
        v.limit(
            description, field: "description", label: Localized(sv: "Beskrivning", en: "Description"),
            max: Self.maxDescription)
        return v.issues
    }
}

/// What the minutes (protokoll) say about one agenda item. For a proposal item the outcome and the
/// assessments go to the proposal's step (the same record as on the proposal's page); a free item only
/// takes the note.
public struct MinutesDraft: RecordDraft, Hashable, Codable {
    public var outcome: StepOutcome?
    public var assessments: [String: String]
    public var note: String

    public init(outcome: StepOutcome? = nil, assessments: [String: String] = [:], note: String = "") {
        self.outcome = outcome
        self.assessments = assessments
        self.note = note
    }

    enum CodingKeys: String, CodingKey { case outcome, assessments, note }
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        outcome = try c.decodeIfPresent(StepOutcome.self, forKey: .outcome)
        assessments = try c.decodeIfPresent([String: String].self, forKey: .assessments) ?? [:]
        note = try c.decodeIfPresent(String.self, forKey: .note) ?? ""
    }

    public func normalized() -> MinutesDraft {
        var copy = self
        copy.note = note.trimmed
        copy.assessments = assessments.mapValues(\.trimmed).filter { !$0.value.isEmpty }
        return copy
    }

    public func validate() -> [ValidationIssue] {
        var v = Validator()
        v.limit(note, field: "note", label: Localized(sv: "Protokollsanteckning", en: "Minutes"), max: 4_000)
        for key in assessments.keys.sorted() {
            v.limit(
                assessments[key] ?? "", field: "assessments.\(key)",
                label: Localized(sv: "Bedömningen", en: "The assessment"), max: StepRecordDraft.maxAssessmentLength)
        }
        return v.issues
    }
}

/// The decision a forum takes at its meeting on a proposal awaiting it (E4/E5: the IT-styrgrupp decides).
/// The meeting gives the body (the forum) and the date; the chair's minutes give the rest.
public struct MeetingDecisionDraft: Hashable, Codable, Sendable {
    public var outcome: DecisionOutcome?
    /// Who signs for the forum, normally its chair.
    public var decidedByPerson: String
    public var delegation: String
    public var reasons: String
    public var conditions: String

    public init(
        outcome: DecisionOutcome?, decidedByPerson: String, delegation: String = "", reasons: String,
        conditions: String = ""
    ) {
        self.outcome = outcome
        self.decidedByPerson = decidedByPerson
        self.delegation = delegation
        self.reasons = reasons
        self.conditions = conditions
    }

    enum CodingKeys: String, CodingKey { case outcome, decidedByPerson, delegation, reasons, conditions }
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        outcome = try c.decode(DecisionOutcome.self, forKey: .outcome)
        decidedByPerson = try c.decode(String.self, forKey: .decidedByPerson)
        delegation = try c.decodeIfPresent(String.self, forKey: .delegation) ?? ""
        reasons = try c.decode(String.self, forKey: .reasons)
        conditions = try c.decodeIfPresent(String.self, forKey: .conditions) ?? ""
    }

    /// The proposal's decision record, with the forum as the deciding body and the meeting's day; nil
    /// with the issues when no outcome was chosen.
    public func decision(body: String, on day: CalendarDay) -> (DecisionDraft?, [ValidationIssue]) {
        guard let outcome else {
            return (
                nil,
                [ValidationIssue(field: "outcome", message: Localized(sv: "Välj beslut.", en: "Choose the decision."))]
            )
        }
        return (
            DecisionDraft(
                outcome: outcome, decidedByBody: body, decidedByPerson: decidedByPerson, delegation: delegation,
                reasons: reasons, conditions: conditions, decidedOn: day),
            []
        )
    }
}

/// Who attended: each member present or not, and adjunct guests by name.
public struct AttendanceDraft: RecordDraft, Hashable, Codable {
    public struct Entry: Sendable, Hashable, Codable {
        public var personId: UUID
        public var present: Bool
        public init(personId: UUID, present: Bool) {
            self.personId = personId
            self.present = present
        }
    }

    public var members: [Entry]
    /// Adjungerade and other guests, by name ("Kommunjurist Eva Ek").
    public var guests: [String]

    public static let maxEntries = 200
    public static let maxGuestLength = 200

    public init(members: [Entry] = [], guests: [String] = []) {
        self.members = members
        self.guests = guests
    }

    enum CodingKeys: String, CodingKey { case members, guests }
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        members = try c.decodeIfPresent([Entry].self, forKey: .members) ?? []
        guests = try c.decodeIfPresent([String].self, forKey: .guests) ?? []
    }

    public func normalized() -> AttendanceDraft {
        var seen = Set<UUID>()
        var copy = self
        copy.members = members.reversed().filter { seen.insert($0.personId).inserted }.reversed()
        copy.guests = guests.map(\.trimmed).filter { !$0.isEmpty }
        return copy
    }

    public func validate() -> [ValidationIssue] {
        var v = Validator()
        if members.count > Self.maxEntries {
            v.add("members", sv: "Högst \(Self.maxEntries) rader.", en: "At most \(Self.maxEntries) entries.")
        }
        if guests.count > Self.maxEntries {
            v.add("guests", sv: "Högst \(Self.maxEntries) gäster.", en: "At most \(Self.maxEntries) guests.")
        }
        for (i, guest) in guests.enumerated() {
            v.limit(guest, field: "guests[\(i)]", label: Localized(sv: "Gäst", en: "Guest"), max: Self.maxGuestLength)
        }
        return v.issues
    }
}
