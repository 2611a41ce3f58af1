import Foundation

/// Whom a governing document concerns (L8): everyone in the municipality, or the people of chosen org
/// units (each with its sub-units) together with the holders of chosen roles. They are told when the
/// document changes and are asked to confirm that they have read it.
public struct DocumentAudienceDraft: RecordDraft, Hashable, Codable {
    /// Everyone in the municipality; then no units or roles are chosen.
    public var everyone: Bool
    /// Org units whose people (and their sub-units' people) the document concerns.
    public var orgUnitIds: [UUID]
    /// Role types whose current holders the document concerns.
    public var roleTypeIds: [UUID]

    public static let maxChoices = 200

    public init(everyone: Bool = true, orgUnitIds: [UUID] = [], roleTypeIds: [UUID] = []) {
        self.everyone = everyone
        self.orgUnitIds = orgUnitIds
        self.roleTypeIds = roleTypeIds
    }

    enum CodingKeys: String, CodingKey { case everyone, orgUnitIds, roleTypeIds }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        everyone = try c.decode(Bool.self, forKey: .everyone)
        orgUnitIds = try c.decodeIfPresent([UUID].self, forKey: .orgUnitIds) ?? []
        roleTypeIds = try c.decodeIfPresent([UUID].self, forKey: .roleTypeIds) ?? []
    }

    /// Each choice once, in the order first given.
    public func normalized() -> DocumentAudienceDraft {
        var copy = self
        var seen = Set<UUID>()
        copy.orgUnitIds = orgUnitIds.filter { seen.insert($0).inserted }
        seen = []
        copy.roleTypeIds = roleTypeIds.filter { seen.insert($0).inserted }
        return copy
    }

    public func validate() -> [ValidationIssue] {
        var v = Validator()
        if everyone && !(orgUnitIds.isEmpty && roleTypeIds.isEmpty) {
            v.add(
                "everyone",
                sv: "Välj antingen alla i kommunen eller vissa enheter och roller, inte båda.",
                en: "Choose either everyone in the municipality or some units and roles, not both.")
        }
        if !everyone && orgUnitIds.isEmpty && roleTypeIds.isEmpty {
            v.add(
                "orgUnitIds",
                sv: "Välj minst en enhet eller roll som dokumentet berör, eller alla i kommunen.",
                en: "Choose at least one unit or role the document concerns, or everyone in the municipality.")
        }
        if orgUnitIds.count > Self.maxChoices {
            v.add(
                "orgUnitIds", sv: "Högst \(Self.maxChoices) enheter.", en: "At most \(Self.maxChoices) units.")
        }
        if roleTypeIds.count > Self.maxChoices {
            v.add(
                "roleTypeIds", sv: "Högst \(Self.maxChoices) roller.", en: "At most \(Self.maxChoices) roles.")
        }
        return v.issues
    }

    /// The people the audience reaches. `unitOf` gives each active person's org unit, `parentOf` each
    /// unit's parent, `roleHolders` the people holding each chosen role today.
    public func people(
        active: [(person: UUID, orgUnit: UUID?)], parentOf: [UUID: UUID], roleHolders: Set<UUID>
    ) -> Set<UUID> {
        if everyone { return Set(active.map(\.person)) }
        let chosen = Set(orgUnitIds)
        var result = Set<UUID>()
        for (person, unit) in active {
            if roleHolders.contains(person) {
                result.insert(person)
                continue
            }
            // Walk up from the person's unit; a chosen unit on the way reaches them.
            var current = unit
            var steps = 0
            while let u = current, steps <= parentOf.count {
                if chosen.contains(u) {
                    result.insert(person)
                    break
                }
                current = parentOf[u]
                steps += 1
            }
        }
        return result
    }
}

/// How far the people a document concerns have confirmed reading its current version (L8).
public struct ReadingTally: Sendable, Hashable, Codable {
    public var requested: Int
    public var confirmed: Int
    /// Not confirmed, and the days to confirm have passed.
    public var overdue: Int

    public init(requested: Int = 0, confirmed: Int = 0, overdue: Int = 0) {
        self.requested = requested
        self.confirmed = confirmed
        self.overdue = overdue
    }

    public var unconfirmed: Int { requested - confirmed }
}

/// L8: a read confirmation is due this many days after it is asked for, unless the configuration says
/// otherwise (`ComplianceConfiguration.readConfirmationDays`).
public enum ReadConfirmation {
    public static let standardDays = 14

    /// The last day to confirm a request made on `requestedOn`.
    public static func due(requestedOn: CalendarDay, days: Int = standardDays) -> CalendarDay {
        requestedOn.adding(days: days)
    }

    /// Whether a request made on `requestedOn` and still unconfirmed is overdue on `today`.
    public static func isOverdue(requestedOn: CalendarDay, today: CalendarDay, days: Int = standardDays) -> Bool {
        due(requestedOn: requestedOn, days: days) < today
    }
}
