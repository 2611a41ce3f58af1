import Foundation

/// How much a finding matters. `styrbord check --fail-on` and the API filter by it.
public enum ComplianceSeverity: String, LabelledValue, Comparable {
    case info
    case warning
    case error

    public var label: Localized {
        switch self {
        case .info: Localized(sv: "Information", en: "Information")
        case .warning: Localized(sv: "Varning", en: "Warning")
        case .error: Localized(sv: "Brist", en: "Error")
        }
    }

    public var rank: Int {
        switch self {
        case .info: 0
        case .warning: 1
        case .error: 2
        }
    }

    public static func < (a: Self, b: Self) -> Bool { a.rank < b.rank }
}

/// A rule's stable code: in URLs, the API, `styrbord check` and the daily scores. Never renamed once
/// shipped; a rule that changes meaning gets a new id.
public struct ComplianceRuleID: RawRepresentable, Sendable, Hashable, Codable, Comparable,
    ExpressibleByStringLiteral, CustomStringConvertible
{
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public init(stringLiteral value: String) { rawValue = value }
    public var description: String { rawValue }
    public static func < (a: Self, b: Self) -> Bool { a.rawValue < b.rawValue }

    public init(from decoder: any Decoder) throws {
        rawValue = try decoder.singleValueContainer().decode(String.self)
    }
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(rawValue)
    }
}

/// What a finding is about. Later rules add documents, plans, forums, access reviews and proposals.
public enum ComplianceObjectKind: String, LabelledValue {
    case system
    case contract
    /// A forum of the profile (for a forum each förvaltning has, one per förvaltning).
    case forum
    case plan
    case document
    /// An agreement on service level (SLA, driftavtal).
    case agreement

    public var label: Localized {
        switch self {
        case .document: Localized(sv: "Styrdokument", en: "Governing document")
        case .system: Localized(sv: "System", en: "System")
        case .contract: Localized(sv: "Avtal", en: "Contract")
        case .forum: Localized(sv: "Forum", en: "Forum")
        case .plan: Localized(sv: "Plan", en: "Plan")
        case .agreement: Localized(sv: "Driftavtal", en: "Service agreement")
        }
    }
}

/// The object a rule checked: enough to name it, link to it and count it for its förvaltning.
public struct ComplianceObject: Sendable, Hashable {
    public var kind: ComplianceObjectKind
    public var id: UUID
    public var label: String
    /// The system the object belongs to (the system itself, or a contract's system): links and permissions.
    public var systemID: UUID?
    /// The förvaltning (or company) the object belongs to, for the scores per förvaltning; nil when unowned.
    public var administrationID: UUID?

    public init(kind: ComplianceObjectKind, id: UUID, label: String, systemID: UUID?, administrationID: UUID?) {
        self.kind = kind
        self.id = id
        self.label = label
        self.systemID = systemID
        self.administrationID = administrationID
    }
}

/// Who should act on a finding, and in which role.
public struct ComplianceResponsible: Sendable, Hashable {
    /// Why this person: the object's own role holder first, then the förvaltning's IT-samordnare, then the IT-chef.
    public enum Basis: String, Sendable, Hashable, Codable {
        case system, administration, tenant
        /// The object's own owner (a governing document's).
        case owner
    }

    public var personID: UUID
    public var name: String
    /// The role the person acts in (`systemagare`, `it-samordnare`, `it-chef` under the standard chain).
    public var roleKey: String
    /// How the tenant names that role.
    public var roleName: Localized
    public var basis: Basis

    public init(personID: UUID, name: String, roleKey: String, roleName: Localized, basis: Basis) {
        self.personID = personID
        self.name = name
        self.roleKey = roleKey
        self.roleName = roleName
        self.basis = basis
    }
}

/// One place where the tenant does not follow its rules: which rule and requirement, about what, who
/// should act, by when, and what to do.
public struct ComplianceFinding: Sendable, Hashable {
    public var ruleID: ComplianceRuleID
    /// The requirement id in DOMAIN.md the finding enforces (T11, D2 …).
    public var requirement: String
    public var severity: ComplianceSeverity
    public var object: ComplianceObject
    /// Which particular gap, stable per object (`systemforvaltare/ersattare`, `expired`): findings are
    /// identified by rule, object and this.
    public var detail: String
    /// Nil when nobody holds any role in the chain: then the administrator must see to it.
    public var responsible: ComplianceResponsible?
    /// The last day to put it right; in the past when it is overdue.
    public var dueOn: CalendarDay
    public var message: Localized

    public init(
        ruleID: ComplianceRuleID, requirement: String, severity: ComplianceSeverity, object: ComplianceObject,
        detail: String, responsible: ComplianceResponsible?, dueOn: CalendarDay, message: Localized
    ) {
        self.ruleID = ruleID
        self.requirement = requirement
        self.severity = severity
        self.object = object
        self.detail = detail
        self.responsible = responsible
        self.dueOn = dueOn
        self.message = message
    }

    /// Stable across evaluations while the gap lasts.
    public var key: String { "\(ruleID.rawValue):\(object.kind.rawValue):\(object.id.uuidString):\(detail)" }

    public func isOverdue(on day: CalendarDay) -> Bool { dueOn < day }
}
