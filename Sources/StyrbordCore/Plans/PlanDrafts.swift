import Foundation

/// Where a plan stands: a draft being written, or adopted (fastställd) by whoever the profile says.
public enum PlanStatus: String, LabelledValue {
    case draft = "utkast"
    case adopted = "faststalld"

    public var label: Localized {
        switch self {
        case .draft: Localized(sv: "Utkast", en: "Draft")
        case .adopted: Localized(sv: "Fastställd", en: "Adopted")
        }
    }
}

/// Where an initiative of a plan stands (D3: the IT-verksamhetsplan follows its initiatives).
public enum InitiativeStatus: String, LabelledValue {
    case planned = "planerad"
    case ongoing = "pagaende"
    case done = "klar"
    case cancelled = "avbruten"

    public var label: Localized {
        switch self {
        case .planned: Localized(sv: "Planerad", en: "Planned")
        case .ongoing: Localized(sv: "Pågående", en: "Ongoing")
        case .done: Localized(sv: "Klar", en: "Done")
        case .cancelled: Localized(sv: "Avbruten", en: "Cancelled")
        }
    }
}

/// Where an initiative came from: a decided proposal, an activity of a systemförvaltningsplan (D3: the
/// smaller ones), or written straight into the plan.
public enum InitiativeSource: String, LabelledValue {
    case proposal
    case activity
    case free

    public var label: Localized {
        switch self {
        case .proposal: Localized(sv: "Beslutat förslag", en: "Decided proposal")
        case .activity: Localized(sv: "Aktivitet i systemförvaltningsplan", en: "System management plan activity")
        case .free: Localized(sv: "Egen insats", en: "Own initiative")
        }
    }
}

/// How a plan kind of the profile is shaped: a plan per system (goals, activities, budget; D2), a plan for
/// one year (initiatives; D3's IT-verksamhetsplan) or a programme over several years (goals; D3's
/// eFörvaltningsprogram). Derived from the kind: per system, else by how often it must be revised.
public enum PlanShape: String, Sendable, Hashable {
    case perSystem, yearly, programme

    public init(_ kind: GovernanceProfile.PlanKind) {
        if kind.isPerSystem {
            self = .perSystem
        } else if let every = kind.reviseEvery, every.approximateDays > 366 {
            self = .programme
        } else {
            self = .yearly
        }
    }

    /// Years a plan of this kind covers by default: one, or as many as its revision interval.
    public static func defaultYears(_ kind: GovernanceProfile.PlanKind) -> Int {
        guard PlanShape(kind) == .programme, let every = kind.reviseEvery else { return 1 }
        return max(1, (every.approximateDays + 364) / 365)
    }

    /// Plans that hold initiatives (decided proposals, activities of systemförvaltningsplaner).
    public var holdsInitiatives: Bool { self == .yearly }
    /// Plans that hold activities of their own (the systemförvaltningsplan's).
    public var holdsActivities: Bool { self == .perSystem }
}

/// When an adopted plan must next be revised: adoption plus the profile's `revise_every` (D3). Nil when the
/// kind sets no interval.
public func planRevisionDeadline(adoptedOn: CalendarDay, kind: GovernanceProfile.PlanKind) -> CalendarDay? {
    kind.reviseEvery?.after(adoptedOn)
}

/// A plan as its author writes it: which of the profile's kinds, for which system (per-system kinds), the
/// years it covers, its goals and budget. The title may be left empty: it is then "<kind> <years>".
public struct PlanDraft: RecordDraft, Hashable, Codable {
    public var kind: String
    public var systemId: UUID?
    public var title: String
    public var startYear: Int
    /// The last year covered; nil: as many years as the kind's shape gives.
    public var endYear: Int?
    public var goals: String
    /// Whole kronor.
    public var budget: Int?

    public static let minYear = 2000
    public static let maxYear = 2100
    public static let maxYears = 10
    public static let maxBudget = BenefitCalculation.maxAmount

    public init(
        kind: String, systemId: UUID? = nil, title: String = "", startYear: Int, endYear: Int? = nil,
        goals: String = "", budget: Int? = nil
    ) {
        self.kind = kind
        self.systemId = systemId
        self.title = title
        self.startYear = startYear
        self.endYear = endYear
        self.goals = goals
        self.budget = budget
    }

    enum CodingKeys: String, CodingKey { case kind, systemId, title, startYear, endYear, goals, budget }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        kind = try c.decode(String.self, forKey: .kind)
        systemId = try c.decodeIfPresent(UUID.self, forKey: .systemId)
        title = try c.decodeIfPresent(String.self, forKey: .title) ?? ""
        startYear = try c.decode(Int.self, forKey: .startYear)
        endYear = try c.decodeIfPresent(Int.self, forKey: .endYear)
        goals = try c.decodeIfPresent(String.self, forKey: .goals) ?? ""
        budget = try c.decodeIfPresent(Int.self, forKey: .budget)
    }

    public func normalized() -> PlanDraft {
        var copy = self
        copy.kind = kind.trimmed
        copy.title = title.trimmed
        copy.goals = goals.trimmed
        return copy
    }

    public func validate() -> [ValidationIssue] {
        var v = Validator()
        v.requireText(kind, field: "kind", label: Localized(sv: "Slag av plan", en: "Kind of plan"), max: 100)
        v.limit(title, field: "title", label: Localized(sv: "Rubrik", en: "Title"), max: 200)
        v.limit(goals, field: "goals", label: Localized(sv: "Mål", en: "Goals"), max: 10_000)
        if !(Self.minYear...Self.maxYear).contains(startYear) {
            v.add(
                "startYear", sv: "Ange ett år mellan \(Self.minYear) och \(Self.maxYear).",
                en: "Enter a year between \(Self.minYear) and \(Self.maxYear).")
        }
        // The range check first: `startYear + maxYears` must not overflow on absurd input.
        let startInRange = (Self.minYear...Self.maxYear).contains(startYear)
        if let endYear,
            !(Self.minYear...Self.maxYear).contains(endYear)
                || (startInRange && !(startYear...(startYear + Self.maxYears - 1)).contains(endYear))
        {
            v.add(
                "endYear", sv: "Slutåret ska ligga från startåret och högst \(Self.maxYears) år framåt.",
                en: "The last year must be from the first year and at most \(Self.maxYears) years on.")
        }
        if let budget, !(0...Self.maxBudget).contains(budget) {
            v.add(
                "budget", sv: "Budgeten ska vara mellan 0 och \(Self.maxBudget) kronor.",
                en: "The budget must be between 0 and \(Self.maxBudget) kronor.")
        }
        return v.issues
    }

    /// The checks against the profile's kind: it exists, a system is named exactly when the kind is per
    /// system, and a one-year kind covers one year.
    public func validate(against kind: GovernanceProfile.PlanKind?) -> [ValidationIssue] {
        var v = Validator()
        guard let kind else {
            v.add(
                "kind", sv: "Styrningsprofilen har inget sådant slag av plan.",
                en: "The governance profile has no such kind of plan.")
            return v.issues
        }
        let shape = PlanShape(kind)
        if shape == .perSystem && systemId == nil {
            v.add("systemId", sv: "Välj systemet planen gäller.", en: "Choose the system the plan is for.")
        }
        if shape != .perSystem && systemId != nil {
            v.add(
                "systemId", sv: "\(kind.name.sv) gäller inte ett enskilt system.",
                en: "A \(kind.name.en) is not for a single system.")
        }
        if shape != .programme, let endYear, endYear != startYear {
            v.add("endYear", sv: "\(kind.name.sv) gäller ett år.", en: "A \(kind.name.en) covers one year.")
        }
        return v.issues
    }

    /// The last year the plan covers.
    public func lastYear(for kind: GovernanceProfile.PlanKind) -> Int {
        endYear ?? startYear + PlanShape.defaultYears(kind) - 1
    }
}

/// An activity of a systemförvaltningsplan: what is to be done to the system this year, at what cost.
public struct ActivityDraft: RecordDraft, Hashable, Codable {
    public var title: String
    public var description: String
    /// Whole kronor.
    public var budget: Int?

    public init(title: String, description: String = "", budget: Int? = nil) {
        self.title = title
        self.description = description
        self.budget = budget
    }

    enum CodingKeys: String, CodingKey { case title, description, budget }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        title = try c.decode(String.self, forKey: .title)
        description = try c.decodeIfPresent(String.self, forKey: .description) ?? ""
        budget = try c.decodeIfPresent(Int.self, forKey: .budget)
    }

    public func normalized() -> ActivityDraft {
        ActivityDraft(title: title.trimmed, description: description.trimmed, budget: budget)
    }

    public func validate() -> [ValidationIssue] {
        var v = Validator()
        v.requireText(title, field: "title", label: Localized(sv: "Aktivitet", en: "Activity"), max: 200)
        v.limit(description, field: "description", label: Localized(sv: "Beskrivning", en: "Description"), max: 5_000)
        checkBudget(budget, &v)
        return v.issues
    }
}

/// A new initiative of a plan: from a decided proposal, from an activity of a systemförvaltningsplan, or
/// written freely. Title and budget default to the proposal's or the activity's.
public struct InitiativeDraft: RecordDraft, Hashable, Codable {
    public var source: InitiativeSource
    public var proposalId: UUID?
    public var activityId: UUID?
    public var title: String
    public var description: String
    /// Whole kronor.
    public var budget: Int?

    public init(
        source: InitiativeSource, proposalId: UUID? = nil, activityId: UUID? = nil, title: String = "",
        description: String = "", budget: Int? = nil
    ) {
        self.source = source
        self.proposalId = proposalId
        self.activityId = activityId
        self.title = title
        self.description = description
        self.budget = budget
    }

    enum CodingKeys: String, CodingKey { case source, proposalId, activityId, title, description, budget }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        source = try c.decode(InitiativeSource.self, forKey: .source)
        proposalId = try c.decodeIfPresent(UUID.self, forKey: .proposalId)
        activityId = try c.decodeIfPresent(UUID.self, forKey: .activityId)
        title = try c.decodeIfPresent(String.self, forKey: .title) ?? ""
        description = try c.decodeIfPresent(String.self, forKey: .description) ?? ""
        budget = try c.decodeIfPresent(Int.self, forKey: .budget)
    }

    public func normalized() -> InitiativeDraft {
        var copy = self
        copy.title = title.trimmed
        copy.description = description.trimmed
        return copy
    }

    public func validate() -> [ValidationIssue] {
        var v = Validator()
        switch source {
        case .proposal:
            if proposalId == nil {
                v.add("proposalId", sv: "Välj ett beslutat förslag.", en: "Choose a decided proposal.")
            }
        case .activity:
            if activityId == nil { v.add("activityId", sv: "Välj en aktivitet.", en: "Choose an activity.") }
        case .free:
            if title.trimmed.isEmpty {
                v.add("title", sv: "Ange insatsens rubrik.", en: "Enter the initiative's title.")
            }
        }
        if source != .proposal && proposalId != nil {
            v.add("proposalId", sv: "Ett förslag anges bara för en insats från förslag.", en: "Only for a proposal.")
        }
        if source != .activity && activityId != nil {
            v.add(
                "activityId", sv: "En aktivitet anges bara för en insats från aktivitet.", en: "Only for an activity.")
        }
        v.limit(title, field: "title", label: Localized(sv: "Rubrik", en: "Title"), max: 200)
        v.limit(description, field: "description", label: Localized(sv: "Beskrivning", en: "Description"), max: 5_000)
        checkBudget(budget, &v)
        return v.issues
    }
}

/// How an initiative is going: its status, budget and, once done or cancelled, its outcome.
public struct InitiativeUpdate: RecordDraft, Hashable, Codable {
    public var title: String
    public var description: String
    public var status: InitiativeStatus
    public var budget: Int?
    public var outcome: String

    public init(
        title: String, description: String = "", status: InitiativeStatus, budget: Int? = nil, outcome: String = ""
    ) {
        self.title = title
        self.description = description
        self.status = status
        self.budget = budget
        self.outcome = outcome
    }

    enum CodingKeys: String, CodingKey { case title, description, status, budget, outcome }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        title = try c.decode(String.self, forKey: .title)
        description = try c.decodeIfPresent(String.self, forKey: .description) ?? ""
        status = try c.decode(InitiativeStatus.self, forKey: .status)
        budget = try c.decodeIfPresent(Int.self, forKey: .budget)
        outcome = try c.decodeIfPresent(String.self, forKey: .outcome) ?? ""
    }

    public func normalized() -> InitiativeUpdate {
        InitiativeUpdate(
            title: title.trimmed, description: description.trimmed, status: status, budget: budget,
            outcome: outcome.trimmed)
    }

    public func validate() -> [ValidationIssue] {
        var v = Validator()
        v.requireText(title, field: "title", label: Localized(sv: "Rubrik", en: "Title"), max: 200)
        v.limit(description, field: "description", label: Localized(sv: "Beskrivning", en: "Description"), max: 5_000)
        v.limit(outcome, field: "outcome", label: Localized(sv: "Utfall", en: "Outcome"), max: 5_000)
        checkBudget(budget, &v)
        return v.issues
    }
}

/// The adoption (fastställelse) of a plan: the day and who adopted it (the body and its paragraph, or the
/// systemägare).
public struct AdoptionDraft: RecordDraft, Hashable, Codable {
    public var adoptedOn: CalendarDay?
    public var adoptedBy: String

    public init(adoptedOn: CalendarDay?, adoptedBy: String) {
        self.adoptedOn = adoptedOn
        self.adoptedBy = adoptedBy
    }

    enum CodingKeys: String, CodingKey { case adoptedOn, adoptedBy }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        adoptedOn = try c.decode(CalendarDay.self, forKey: .adoptedOn)
        adoptedBy = try c.decode(String.self, forKey: .adoptedBy)
    }

    public func normalized() -> AdoptionDraft { AdoptionDraft(adoptedOn: adoptedOn, adoptedBy: adoptedBy.trimmed) }

    public func validate() -> [ValidationIssue] {
        var v = Validator()
        if adoptedOn == nil {
            v.add("adoptedOn", sv: "Ange dagen planen fastställdes.", en: "Enter the adoption date.")
        }
        v.requireText(adoptedBy, field: "adoptedBy", label: Localized(sv: "Fastställd av", en: "Adopted by"), max: 200)
        return v.issues
    }
}

private func checkBudget(_ budget: Int?, _ v: inout Validator) {
    if let budget, !(0...PlanDraft.maxBudget).contains(budget) {
        v.add(
            "budget", sv: "Budgeten ska vara mellan 0 och \(PlanDraft.maxBudget) kronor.",
            en: "The budget must be between 0 and \(PlanDraft.maxBudget) kronor.")
    }
}

extension GovernanceProfile.PlanKind {
    /// A kind known only by its key: a plan whose kind a later profile version no longer has stays readable.
    public init(standIn key: String) {
        self.init(
            key: key, name: Localized(verbatim: key), isPerSystem: false, adoptedBy: nil, owner: nil, reviseEvery: nil,
            source: nil)
    }
}
