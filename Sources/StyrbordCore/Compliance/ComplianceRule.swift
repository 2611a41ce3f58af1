import Foundation

/// What a rule is, for people: its name, what it checks, the requirement it enforces.
public struct ComplianceRuleDescriptor: Sendable, Hashable {
    public var id: ComplianceRuleID
    public var title: Localized
    public var summary: Localized
    /// The kind of object the rule checks; its score counts these.
    public var objectKind: ComplianceObjectKind

    public init(id: ComplianceRuleID, title: Localized, summary: Localized, objectKind: ComplianceObjectKind) {
        self.id = id
        self.title = title
        self.summary = summary
        self.objectKind = objectKind
    }
}

/// One rule of efterlevnad. A rule looks at the snapshot through the context, reports every object it
/// applies to (for its score) and a finding for each gap. Rules hold no state and never see the database.
///
/// Adding one: give it an id in `ComplianceRules`, default settings, a place in `ComplianceRules.all`,
/// the data it needs in `ComplianceSnapshot` (and the app's loader), and tests named by its requirement.
public protocol ComplianceRule: Sendable {
    var descriptor: ComplianceRuleDescriptor { get }
    func evaluate(
        _ context: ComplianceContext, settings: ComplianceConfiguration.RuleSettings, into result: inout RuleResult)
}

/// What one rule found: the objects it applies to and its findings about them.
public struct RuleResult: Sendable {
    public var checked: [ComplianceObject] = []
    public var findings: [ComplianceFinding] = []

    public init() {}

    public mutating func check(_ object: ComplianceObject) { checked.append(object) }
    public mutating func report(_ finding: ComplianceFinding) { findings.append(finding) }
}

/// The registry of rules, in the order pages list them, and their defaults.
public enum ComplianceRules {
    public static let requiredRoles: ComplianceRuleID = "roles.required"
    public static let deputies: ComplianceRuleID = "roles.deputy"
    public static let owner: ComplianceRuleID = "systems.owner"
    public static let classification: ComplianceRuleID = "classification.current"
    public static let processingRecord: ComplianceRuleID = "gdpr.record"
    public static let processorAgreement: ComplianceRuleID = "gdpr.processor-agreement"
    public static let contractNotice: ComplianceRuleID = "contracts.notice"
    public static let forumCadence: ComplianceRuleID = "forums.cadence"
    public static let planRevision: ComplianceRuleID = "plans.revision"
    public static let documentReview: ComplianceRuleID = "documents.review"
    public static let documentUnread: ComplianceRuleID = "documents.unread"
    public static let serviceAvailability: ComplianceRuleID = "services.availability"
    public static let serviceAgreement: ComplianceRuleID = "services.agreement"

    /// Every rule the engine knows.
    public static let all: [any ComplianceRule] = [
        RequiredRolesRule(deputies: false), RequiredRolesRule(deputies: true), OwnerRule(), ClassificationRule(),
        ProcessingRecordRule(), ProcessorAgreementRule(), ContractNoticeRule(), ForumCadenceRule(),
        PlanRevisionRule(), DocumentReviewRule(), DocumentUnreadRule(), ServiceAvailabilityRule(),
        ServiceAgreementRule(),
    ]

    public static let defaultSettings: [ComplianceRuleID: ComplianceConfiguration.RuleSettings] = [
        requiredRoles: .init(severity: .error, requirement: "D2"),
        deputies: .init(severity: .error, requirement: "T11"),
        owner: .init(severity: .error, requirement: "E3"),
        classification: .init(severity: .warning, requirement: "T9"),
        processingRecord: .init(severity: .error, requirement: "T4"),
        processorAgreement: .init(severity: .error, requirement: "T4"),
        contractNotice: .init(severity: .warning, requirement: "D7"),
        forumCadence: .init(severity: .warning, requirement: "D4"),
        planRevision: .init(severity: .error, requirement: "D3"),
        documentReview: .init(severity: .warning, requirement: "D10"),
        documentUnread: .init(severity: .warning, requirement: "L8"),
        serviceAvailability: .init(severity: .warning, requirement: "T8"),
        serviceAgreement: .init(severity: .error, requirement: "D7"),
    ]

    public static func descriptor(_ id: ComplianceRuleID) -> ComplianceRuleDescriptor? {
        all.first { $0.descriptor.id == id }?.descriptor
    }
}
