import Foundation

/// A municipality's IT governance as data (issue 4): its roles, system categories, forums, the
/// checklist and routes a proposal takes, review intervals, document precedence and cost principles.
/// Read from YAML by `ProfileParser` and checked by `ProfileValidator`; docs/profiles.md describes the
/// format. Every list keeps the document's order. Lookups below answer the questions rules ask.
public struct GovernanceProfile: Sendable, Hashable {
    public var formatVersion: Int
    public var key: String
    public var name: Localized
    public var municipality: String?
    public var description: Localized?
    public var sources: [SourceDocument]
    public var bodies: [Body]
    public var roles: [Role]
    public var systemCategories: [CategoryRules]
    public var forums: [Forum]
    public var assessmentPoints: [AssessmentPoint]
    public var checklist: Checklist?
    /// Lowest first: a proposal gets the highest classification any rule gives, or the first.
    public var classifications: [Classification]
    public var classificationRules: [ClassificationRule]
    public var delegations: [Delegation]
    public var routes: [Route]
    public var documentTypes: [DocumentType]
    public var documentPrecedence: [PrecedenceGroup]
    public var planKinds: [PlanKind]
    public var intervals: Intervals
    public var costAllocation: [CostPrinciple]
    public var calculation: CalculationRules = CalculationRules()
    /// D7: which systems must have an agreement on service level; nil when the profile says nothing.
    public var serviceAgreements: ServiceAgreements? = nil

    /// D7: the systems that must have an agreement on service level (SLA, driftavtal).
    public struct ServiceAgreements: Sendable, Hashable {
        /// Categories whose systems need one; empty: every category.
        public var requiredFor: [SystemCategory]
        /// Only systems whose KLASSA availability level is at least this.
        public var availabilityAtLeast: Int?
        public var source: String?

        public init(requiredFor: [SystemCategory] = [], availabilityAtLeast: Int? = nil, source: String? = nil) {
            self.requiredFor = requiredFor
            self.availabilityAtLeast = availabilityAtLeast
            self.source = source
        }
    }

    /// A document the profile was written from.
    public struct SourceDocument: Sendable, Hashable {
        public var title: String
        public var decidedBy: String?
        public var decidedOn: CalendarDay?
        public var idPrefix: String?
    }

    /// A political body or unit that decides, owns or pays (kommunstyrelsen, IT-enheten).
    public struct Body: Sendable, Hashable {
        public var key: String
        public var name: Localized
        public var kind: ProfileBodyKind
        /// Stands for each nämnd or förvaltning in turn ("the owning nämnd"), not for one body.
        public var isPerOrgUnit: Bool
        public var description: Localized?
        public var source: String?
    }

    /// A role of the catalogue.
    public struct Role: Sendable, Hashable {
        public var key: String
        public var name: Localized
        public var scope: RoleScopeKind
        public var duties: Localized
        /// The key of the role, forum or body that appoints its holders.
        public var appointedBy: String?
        /// May be left unfilled; `fallsBackTo` then carries its duties.
        public var isOptional: Bool
        public var fallsBackTo: String?
        public var source: String?
    }

    /// One of the register's system categories as this municipality governs it.
    public struct CategoryRules: Sendable, Hashable {
        public var category: SystemCategory
        public var name: Localized
        public var description: Localized?
        /// Who decides that a system is in the category (E3/F2: kommunstyrelsen for common systems).
        public var decidedBy: String
        public var ownedBy: String?
        public var examples: [String]
        public var requiredRoles: [RequiredRole]
        public var source: String?
    }

    /// A role every system of a category must have, and whether an ersättare is required (T11).
    public struct RequiredRole: Sendable, Hashable {
        public var role: String
        public var deputyRequired: Bool
        public var source: String?
    }

    /// A forum: who chairs and convenes it, who sits in it, how often it meets, what it may do.
    public struct Forum: Sendable, Hashable {
        public var key: String
        public var name: Localized
        public var purpose: Localized?
        /// Each förvaltning has its own (lokalt IT-forum).
        public var isPerOrgUnit: Bool
        public var chair: String?
        public var convener: String?
        public var members: [String]
        public var adjunctMembers: [String]
        public var cadence: Cadence?
        public var mandate: [Mandate]
        public var source: String?
    }

    /// Meetings a year.
    public struct Cadence: Sendable, Hashable {
        public var minPerYear: Int?
        public var maxPerYear: Int?
    }

    /// One thing a forum may do.
    public struct Mandate: Sendable, Hashable {
        public var action: ProfileAction
        public var what: Localized
        public var classifications: [String]
        public var planKinds: [String]
        public var documentTypes: [String]
    }

    public struct AssessmentPoint: Sendable, Hashable {
        public var key: String
        public var text: Localized
        public var source: String?
    }

    /// The checklist for assessing a proposal (D5).
    public struct Checklist: Sendable, Hashable {
        public var name: Localized?
        public var questions: [Question]
        public var source: String?
    }

    public struct Question: Sendable, Hashable {
        public var key: String
        public var text: Localized
        public var answer: ProfileAnswerKind
        public var choices: [Choice]
        public var unit: String?
        public var isRequired: Bool
        public var help: Localized?
        public var source: String?
    }

    public struct Choice: Sendable, Hashable {
        public var key: String
        public var text: Localized
    }

    public struct Classification: Sendable, Hashable {
        public var key: String
        public var name: Localized
        public var description: Localized?
        public var source: String?
    }

    /// When `when` holds, the proposal is at least `then`.
    public struct ClassificationRule: Sendable, Hashable {
        public var when: ProfileCondition
        public var then: String
        public var note: Localized?
        public var source: String?
    }

    /// Who decides, by amount (delegationsordning).
    public struct Delegation: Sendable, Hashable {
        public var key: String
        public var name: Localized
        /// By rising `below`; the last has none.
        public var levels: [DelegationLevel]
        public var source: String?
    }

    public struct DelegationLevel: Sendable, Hashable {
        /// Amounts below this many kronor; nil for the top level.
        public var below: Int?
        public var decidedBy: String
    }

    /// The route of proposals of some classifications and categories.
    public struct Route: Sendable, Hashable {
        public var key: String
        public var name: Localized
        public var classifications: [String]
        public var categories: [SystemCategory]
        public var steps: [Step]
        /// Used instead of `steps` for an urgent proposal; empty when the route has no urgent path.
        public var urgentSteps: [Step]
        public var source: String?

        /// The steps an urgent (or not) proposal goes through.
        public func path(urgent: Bool) -> [Step] { urgent && !urgentSteps.isEmpty ? urgentSteps : steps }
    }

    /// Who acts in a step.
    public enum StepActor: Sendable, Hashable {
        case forum(String)
        case role(String)
        case body(String)
        /// Whoever the delegation names for the proposal's amount.
        case delegation(String)

        public var key: String {
            switch self {
            case .forum(let k), .role(let k), .body(let k), .delegation(let k): k
            }
        }
    }

    /// One step of a route.
    public struct Step: Sendable, Hashable {
        public var key: String
        public var actor: StepActor
        public var action: ProfileAction
        /// For assess: the assessment points covered.
        public var against: [String]
        public var when: ProfileCondition?
        /// Must be done before the decision (D4: the central forum's assessment and recommendation).
        public var isRequiredBeforeDecision: Bool
        public var text: Localized?
        public var source: String?
    }

    public struct DocumentType: Sendable, Hashable {
        public var key: String
        public var name: Localized
        public var decidedBy: String?
        public var approvedBy: String?
        public var reviewEvery: ProfileDuration?
        public var source: String?
    }

    /// Document types in order of precedence, highest first (D1).
    public struct PrecedenceGroup: Sendable, Hashable {
        public var name: Localized
        public var order: [String]
        public var source: String?
    }

    public struct PlanKind: Sendable, Hashable {
        public var key: String
        public var name: Localized
        public var isPerSystem: Bool
        public var adoptedBy: String?
        public var owner: String?
        public var reviseEvery: ProfileDuration?
        public var source: String?
    }

    /// Something done at least every `every`.
    public struct Interval: Sendable, Hashable {
        public var every: ProfileDuration
        public var by: String?
        public var note: Localized?
        public var source: String?
    }

    public struct AccessReview: Sendable, Hashable {
        public var levelAtLeast: Int
        public var every: ProfileDuration
        public var source: String?
    }

    public struct NoticeWarning: Sendable, Hashable {
        public var before: ProfileDuration
        public var source: String?
    }

    public struct Intervals: Sendable, Hashable {
        public var accessReviews: [AccessReview] = []
        public var classificationValidity: Interval?
        public var benefitEvaluation: Interval?
        public var companyMeetings: Interval?
        public var termFollowUp: Interval?
        public var selfAssessment: Interval?
        public var contractNoticeWarning: NoticeWarning?

        public init() {}
    }

    /// How a proposal's nyttokalkyl is made and when one is required (T6, F4).
    public struct CalculationRules: Sendable, Hashable {
        public var discountRatePercent: Double = 4
        public var years: Int = 5
        /// Nil: a calculation is never required; `.all([])` always.
        public var requiredWhen: ProfileCondition?
        /// T6: the costs cover every part of the operations phase.
        public var coversOperations = false
        /// F4: the identified benefits must outweigh the total cost.
        public var fullProfitabilityWhen: ProfileCondition?
        public var source: String?

        public init() {}
    }

    public struct CostPrinciple: Sendable, Hashable {
        public var subject: ProfileCostSubject
        public var principles: [ProfileCostPrincipleKind]
        public var paidBy: String?
        public var decidedBy: String?
        public var allocationKey: Localized?
        public var text: Localized
        public var source: String?
    }
}

// MARK: - Vocabularies

/// What happens in a route step or a forum's mandate. For report, consult and contact the named forum,
/// role or body is the one reported to, consulted or contacted; for the others it is the one acting.
public enum ProfileAction: String, Sendable, CaseIterable, Codable {
    case report, consult, prepare, assess, approve, recommend, decide, contact

    public var label: Localized {
        switch self {
        case .report: Localized(sv: "anmäls till", en: "reported to")
        case .consult: Localized(sv: "rådfrågas", en: "consulted")
        case .prepare: Localized(sv: "bereder", en: "prepares")
        case .assess: Localized(sv: "bedömer", en: "assesses")
        case .approve: Localized(sv: "godkänner", en: "approves")
        case .recommend: Localized(sv: "rekommenderar", en: "recommends")
        case .decide: Localized(sv: "beslutar", en: "decides")
        case .contact: Localized(sv: "kontaktas", en: "contacted")
        }
    }
}

/// How a checklist question is answered.
public enum ProfileAnswerKind: String, Sendable, CaseIterable, Codable {
    case yesNo = "yes_no"
    case choice, amount, text

    public var label: Localized {
        switch self {
        case .yesNo: Localized(sv: "ja/nej", en: "yes/no")
        case .choice: Localized(sv: "val", en: "choice")
        case .amount: Localized(sv: "belopp", en: "amount")
        case .text: Localized(sv: "fritext", en: "free text")
        }
    }
}

public enum ProfileBodyKind: String, Sendable, CaseIterable, Codable {
    case political, unit

    public var label: Localized {
        switch self {
        case .political: Localized(sv: "politiskt organ", en: "political body")
        case .unit: Localized(sv: "enhet", en: "unit")
        }
    }
}

/// What a cost principle is about.
public enum ProfileCostSubject: String, Sendable, CaseIterable, Codable {
    case commonSystems = "common_systems"
    case businessSystems = "business_systems"
    /// A system or förvaltningsobjekt several förvaltningar use (D9).
    case sharedSystems = "shared_systems"
    case equipment, network, platform, projects

    public var label: Localized {
        switch self {
        case .commonSystems: Localized(sv: "Kommungemensamma system", en: "Common systems")
        case .businessSystems: Localized(sv: "Verksamhetssystem", en: "Business systems")
        case .sharedSystems: Localized(sv: "System som flera förvaltningar delar", en: "Systems shared by departments")
        case .equipment: Localized(sv: "Utrustning", en: "Equipment")
        case .network: Localized(sv: "Kommunnätet", en: "The municipal network")
        case .platform: Localized(sv: "IT-plattformen", en: "The IT platform")
        case .projects: Localized(sv: "Projekt och utveckling", en: "Projects and development")
        }
    }
}

/// How a cost is paid.
public enum ProfileCostPrincipleKind: String, Sendable, CaseIterable, Codable {
    case centralBudget = "central_budget"
    case distributed
    case ownUse = "own_use"
    case ownerPays = "owner_pays"
    case rent
    case centralCoFunding = "central_co_funding"
    case exempt

    public var label: Localized {
        switch self {
        case .centralBudget: Localized(sv: "betalas centralt", en: "paid centrally")
        case .distributed: Localized(sv: "fördelas på verksamheterna", en: "distributed to the departments")
        case .ownUse: Localized(sv: "var och en betalar sitt nyttjande", en: "each pays for its own use")
        case .ownerPays: Localized(sv: "ägaren betalar allt", en: "the owner pays in full")
        case .rent: Localized(sv: "hyrs (hyressystem)", en: "rented (rental system)")
        case .centralCoFunding: Localized(sv: "central delfinansiering möjlig", en: "central co-funding possible")
        case .exempt: Localized(sv: "undantaget", en: "exempt")
        }
    }
}

/// An interval: a whole number of days, weeks, months, years or terms of office (4 years, mandatperiod).
public struct ProfileDuration: Sendable, Hashable, CustomStringConvertible {
    public enum Unit: String, Sendable, CaseIterable, Codable {
        case days, weeks, months, years, terms
    }

    public var amount: Int
    public var unit: Unit

    public init(_ amount: Int, _ unit: Unit) {
        self.amount = amount
        self.unit = unit
    }

    /// A Swedish term of office is four years.
    public static let yearsPerTerm = 4

    /// The day this long after `day`.
    public func after(_ day: CalendarDay) -> CalendarDay {
        switch unit {
        case .days: day.adding(days: amount)
        case .weeks: day.adding(days: 7 * amount)
        case .months: day.adding(months: amount)
        case .years: day.adding(years: amount)
        case .terms: day.adding(years: Self.yearsPerTerm * amount)
        }
    }

    /// The day this long before `day`.
    public func before(_ day: CalendarDay) -> CalendarDay {
        ProfileDuration(-amount, unit).after(day)
    }

    /// Roughly in days, for comparing intervals.
    public var approximateDays: Int {
        switch unit {
        case .days: amount
        case .weeks: 7 * amount
        case .months: 30 * amount
        case .years: 365 * amount
        case .terms: 365 * Self.yearsPerTerm * amount
        }
    }

    public var description: String { "\(amount) \(unit.rawValue)" }

    public var label: Localized {
        let n = amount
        switch unit {
        case .days: return Localized(sv: "\(n) \(n == 1 ? "dag" : "dagar")", en: "\(n) \(n == 1 ? "day" : "days")")
        case .weeks:
            return Localized(sv: "\(n) \(n == 1 ? "vecka" : "veckor")", en: "\(n) \(n == 1 ? "week" : "weeks")")
        case .months:
            return Localized(sv: "\(n) \(n == 1 ? "månad" : "månader")", en: "\(n) \(n == 1 ? "month" : "months")")
        case .years: return Localized(sv: "\(n) år", en: "\(n) \(n == 1 ? "year" : "years")")
        case .terms:
            return Localized(
                sv: "\(n) \(n == 1 ? "mandatperiod" : "mandatperioder")",
                en: "\(n) \(n == 1 ? "term of office" : "terms of office")")
        }
    }
}

// MARK: - Lookups

extension GovernanceProfile {
    public func role(_ key: String) -> Role? { roles.first { $0.key == key } }
    public func forum(_ key: String) -> Forum? { forums.first { $0.key == key } }
    public func body(_ key: String) -> Body? { bodies.first { $0.key == key } }
    public func question(_ key: String) -> Question? { checklist?.questions.first { $0.key == key } }
    public func classification(_ key: String) -> Classification? { classifications.first { $0.key == key } }
    public func delegation(_ key: String) -> Delegation? { delegations.first { $0.key == key } }
    public func documentType(_ key: String) -> DocumentType? { documentTypes.first { $0.key == key } }
    public func planKind(_ key: String) -> PlanKind? { planKinds.first { $0.key == key } }
    public func assessmentPoint(_ key: String) -> AssessmentPoint? { assessmentPoints.first { $0.key == key } }

    /// What a key of a role, forum or body names.
    public enum Actor: Sendable, Hashable {
        case role(Role), forum(Forum), body(Body)

        public var name: Localized {
            switch self {
            case .role(let r): r.name
            case .forum(let f): f.name
            case .body(let b): b.name
            }
        }
    }

    public func actor(_ key: String) -> Actor? {
        if let r = role(key) { return .role(r) }
        if let f = forum(key) { return .forum(f) }
        if let b = body(key) { return .body(b) }
        return nil
    }

    /// The display name of whatever `key` names (or the key itself).
    public func actorName(_ key: String) -> Localized { actor(key)?.name ?? Localized(verbatim: key) }

    /// How the profile governs a category.
    public func category(_ category: SystemCategory) -> CategoryRules? {
        systemCategories.first { $0.category == category }
    }

    /// The roles every system of `category` must have, with whether an ersättare is required (D2, T11).
    public func requiredRoles(for category: SystemCategory) -> [RequiredRole] {
        self.category(category)?.requiredRoles ?? []
    }

    /// Who decides that a system is in `category` (E3/F2).
    public func categoryDecider(for category: SystemCategory) -> String? { self.category(category)?.decidedBy }

    /// Who owns systems of `category` (E3/F2: the kommunstyrelse owns the common ones), if the profile says.
    public func categoryOwner(for category: SystemCategory) -> Actor? {
        self.category(category)?.ownedBy.flatMap(actor)
    }

    /// How long an information classification is valid, if the profile says.
    public var classificationValidity: ProfileDuration? { intervals.classificationValidity?.every }

    /// When a classification made on `day` runs out.
    public func classificationExpiry(classifiedOn day: CalendarDay) -> CalendarDay? {
        classificationValidity?.after(day)
    }

    /// How often governing documents of `type` are reviewed at least (D10).
    public func reviewInterval(forDocumentType type: String) -> ProfileDuration? { documentType(type)?.reviewEvery }

    /// How often plans of `kind` are revised at least (D3).
    public func revisionInterval(forPlanKind kind: String) -> ProfileDuration? { planKind(kind)?.reviseEvery }

    /// How often access to a system whose highest KLASSA level is `level` is reviewed (T9): the entry
    /// with the highest `level_at_least` not above `level`.
    public func accessReviewInterval(forLevel level: Int) -> ProfileDuration? {
        intervals.accessReviews.filter { $0.levelAtLeast <= level }.max { $0.levelAtLeast < $1.levelAtLeast }?.every
    }

    /// How long before a contract's last day of notice to warn.
    public var contractNoticeWarning: ProfileDuration? { intervals.contractNoticeWarning?.before }

    /// The day to start warning about a contract whose notice must be given by `lastNoticeDay`.
    public func contractWarningDay(lastNoticeDay: CalendarDay) -> CalendarDay? {
        contractNoticeWarning?.before(lastNoticeDay)
    }

    /// How often a forum is to meet (at least / at most N times a year).
    public func cadence(of forum: String) -> Cadence? { self.forum(forum)?.cadence }

    /// Which of two document types rules when they conflict (D1): the one earlier in a shared
    /// precedence group; nil when no group orders both.
    public func precedingDocumentType(_ a: String, _ b: String) -> String? {
        for group in documentPrecedence {
            if let i = group.order.firstIndex(of: a), let j = group.order.firstIndex(of: b), i != j {
                return i < j ? a : b
            }
        }
        return nil
    }

    /// The rank (0 highest) of a document type within its precedence group.
    public func precedenceRank(of type: String) -> (group: Int, rank: Int)? {
        for (g, group) in documentPrecedence.enumerated() {
            if let rank = group.order.firstIndex(of: type) { return (g, rank) }
        }
        return nil
    }

    /// The classification of a proposal with these facts: the highest any rule gives, else the lowest.
    public func classify(_ facts: ProposalFacts) -> String? {
        let order = classifications.map(\.key)
        let given = classificationRules.filter { $0.when.holds(for: facts) }.compactMap {
            order.firstIndex(of: $0.then)
        }
        return given.max().map { order[$0] } ?? order.first
    }

    /// The route for a classification and category.
    public func route(classification: String, category: SystemCategory) -> Route? {
        routes.first { $0.classifications.contains(classification) && $0.categories.contains(category) }
    }

    /// The steps a proposal with these facts goes through: its route's (urgent) path, without the
    /// steps whose condition does not hold, up to and including the first decision.
    public func steps(for facts: ProposalFacts) -> [Step] {
        guard let classification = facts.classification ?? classify(facts), let category = facts.category,
            let route = route(classification: classification, category: category)
        else { return [] }
        var facts = facts
        facts.classification = classification
        var result: [Step] = []
        for step in route.path(urgent: facts.isUrgent) where step.when?.holds(for: facts) ?? true {
            result.append(step)
            if step.action == .decide { break }
        }
        return result
    }

    /// Who decides an amount under a delegation: the first level whose limit is above it.
    public func decider(for amount: Int, delegation key: String) -> String? {
        delegation(key)?.levels.first { $0.below.map { amount < $0 } ?? true }?.decidedBy
    }

    /// The role catalogue as the register's role types.
    public var roleDefinitions: [RoleDefinition] {
        roles.map {
            RoleDefinition(key: $0.key, name: $0.name, scope: $0.scope, duties: $0.duties, source: $0.source ?? "")
        }
    }

    /// The register's role requirements (which roles each category of system must have, with
    /// deputies) as the profile states them. Requirements that differ only in category are merged,
    /// so the standard profile gives exactly `RoleRequirementPolicy.standard`.
    public var roleRequirementPolicy: RoleRequirementPolicy {
        struct Key: Hashable {
            var role: String
            var deputy: Bool
            var source: String
        }
        var order: [Key] = []
        var categories: [Key: Set<SystemCategory>] = [:]
        for rules in systemCategories {
            for required in rules.requiredRoles {
                let key = Key(
                    role: required.role, deputy: required.deputyRequired,
                    source: required.source ?? rules.source ?? "")
                if categories[key] == nil { order.append(key) }
                categories[key, default: []].insert(rules.category)
            }
        }
        return RoleRequirementPolicy(
            requirements: order.map {
                RoleRequirement(
                    roleKey: $0.role, categories: categories[$0] ?? [], deputyRequired: $0.deputy, source: $0.source)
            })
    }
}

/// What a rule may know about a proposal (the change process fills it in).
public struct ProposalFacts: Sendable, Hashable {
    public enum Answer: Sendable, Hashable {
        case yes, no
        case choice(String)
        case amount(Int)
        case text(String)
    }

    /// Answers by question key; a missing key is an unanswered question.
    public var answers: [String: Answer]
    /// The proposal's total cost in kronor.
    public var amount: Int?
    /// The categories of the systems it affects.
    public var affectedCategories: Set<SystemCategory>
    /// How many förvaltningar it affects.
    public var affectedOrgUnitCount: Int
    /// The proposal's category (of its main system).
    public var category: SystemCategory?
    /// Set once classified; `classify` fills it when nil.
    public var classification: String?
    public var isUrgent: Bool

    public init(
        answers: [String: Answer] = [:], amount: Int? = nil, affectedCategories: Set<SystemCategory> = [],
        affectedOrgUnitCount: Int = 1, category: SystemCategory? = nil, classification: String? = nil,
        isUrgent: Bool = false
    ) {
        self.answers = answers
        self.amount = amount
        self.affectedCategories = affectedCategories
        self.affectedOrgUnitCount = affectedOrgUnitCount
        self.category = category
        self.classification = classification
        self.isUrgent = isUrgent
    }
}
