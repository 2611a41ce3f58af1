import Foundation

/// What a municipality's rules demand, as the compliance engine reads it. `standard` is the default for a
/// municipality that has written nothing down; a governance profile (issue 4) will build one through
/// `init(roleRequirements:…)`, which takes plain values only.
public struct ComplianceConfiguration: Sendable, Hashable {
    /// How one rule is applied: on or off, how serious its findings are, which requirement it enforces.
    public struct RuleSettings: Sendable, Hashable {
        public var isEnabled: Bool
        public var severity: ComplianceSeverity
        /// The requirement id (DOMAIN.md) findings cite; role rules cite each requirement's own source.
        public var requirement: String

        public init(isEnabled: Bool = true, severity: ComplianceSeverity, requirement: String) {
            self.isEnabled = isEnabled
            self.severity = severity
            self.requirement = requirement
        }
    }

    /// Who should act on a finding: the first current holder along the chain.
    public struct ResponsibleChain: Sendable, Hashable {
        /// A role held for the system itself (the systemägare under D2).
        public var systemRoleKey: String?
        /// A role held for the owning org unit or a unit above it (the förvaltning's IT-samordnare, D4).
        public var orgUnitRoleKey: String?
        /// A role held for the whole tenant (the IT-chef, D2: systemägare IT).
        public var tenantRoleKey: String?

        public init(systemRoleKey: String?, orgUnitRoleKey: String?, tenantRoleKey: String?) {
            self.systemRoleKey = systemRoleKey
            self.orgUnitRoleKey = orgUnitRoleKey
            self.tenantRoleKey = tenantRoleKey
        }

        public static let standard = ResponsibleChain(
            systemRoleKey: RoleCatalogue.systemOwner, orgUnitRoleKey: RoleCatalogue.itCoordinator,
            tenantRoleKey: RoleCatalogue.itManager)
    }

    /// A forum that must meet at least so often (D4/E2/F3), as the profile says.
    public struct ForumCadence: Sendable, Hashable {
        public var key: String
        public var name: Localized
        public var minPerYear: Int
        /// The most meetings a year the profile allows (E2: the IT-styrgrupp 10–12); nil for no limit.
        public var maxPerYear: Int?
        /// One forum per förvaltning (lokalt IT-forum): each förvaltning's meetings count for it alone.
        public var isPerOrgUnit: Bool
        /// Who should see to it that the forum meets: the convener's role, else the chair's.
        public var leaderRoleKeys: [String]
        /// The requirement the profile gives for the forum (`source`), e.g. "D4, E2".
        public var source: String?

        public init(
            key: String, name: Localized, minPerYear: Int, maxPerYear: Int? = nil, isPerOrgUnit: Bool = false,
            leaderRoleKeys: [String] = [], source: String? = nil
        ) {
            self.key = key
            self.name = name
            self.minPerYear = minPerYear
            self.maxPerYear = maxPerYear
            self.isPerOrgUnit = isPerOrgUnit
            self.leaderRoleKeys = leaderRoleKeys
            self.source = source
        }
    }

    /// D7: which systems must have an agreement on service level (SLA, driftavtal).
    public struct AgreementRequirement: Sendable, Hashable {
        /// Systems of these categories; empty: every category.
        public var categories: Set<SystemCategory>
        /// Only systems whose KLASSA availability level is at least this (unclassified ones are not asked).
        public var availabilityAtLeast: Int?
        /// The requirement findings cite (the profile's `source`).
        public var source: String?

        public init(categories: Set<SystemCategory> = [], availabilityAtLeast: Int? = nil, source: String? = nil) {
            self.categories = categories
            self.availabilityAtLeast = availabilityAtLeast
            self.source = source
        }

        public func applies(to system: ComplianceSnapshot.System) -> Bool {
            guard categories.isEmpty || categories.contains(system.category) else { return false }
            guard let least = availabilityAtLeast else { return true }
            return (system.availabilityLevel ?? -1) >= least
        }
    }

    /// Nil: the profile requires no agreements, and `services.agreement` checks nothing.
    public var agreementRequirement: AgreementRequirement?

    /// Forums with a least cadence; empty when the profile sets none.
    public var forumCadences: [ForumCadence] = []
    /// Meetings are counted from this day on, and never from before it: the day the governance profile
    /// in force took effect, since meetings held before Styrbord knew of them were never recorded.
    public var meetingsCountFrom: CalendarDay?

    /// D2, T11: which roles each kind of system must have, and where an ersättare is required.
    public var roleRequirements: RoleRequirementPolicy
    /// Systems of these categories must name an owning org unit (D2, E3).
    public var ownerRequiredCategories: Set<SystemCategory>
    /// E3/F2: kommungemensamma systems are owned by these org units (matched by short name or name, as
    /// written in the profile) or a unit below one of them. Empty: any owner will do.
    public var commonSystemOwners: [String]
    /// T9: how long a classification holds when it names no "valid until" of its own, counted from the
    /// day it was made. Nil: a classification without a "valid until" never expires.
    public var classificationValidityMonths: Int?
    /// How many days before the last day to give notice a contract is reported.
    public var contractNoticeWarningDays: Int
    /// D10: each document type's review interval and the requirement it comes from, by type key.
    public var documentTypes: [String: DocumentTypeRules] = [:]
    /// L8: days a person has to confirm reading a changed governing document before it is overdue. The
    /// governance profile has no setting for it yet.
    public var readConfirmationDays: Int = ReadConfirmation.standardDays
    /// How many days a gap may stay open after it appears (a role ended, a system registered without
    /// classification) before it is overdue.
    public var resolutionDays: Int
    public var responsible: ResponsibleChain
    /// D2, D3: the profile's plan kinds, each revised at least every so often. Empty: no plans are required.
    public var planKinds: [GovernanceProfile.PlanKind] = []
    /// Per rule; a rule without an entry runs with its own defaults.
    public var rules: [ComplianceRuleID: RuleSettings]

    public init(
        roleRequirements: [RoleRequirement], ownerRequiredCategories: Set<SystemCategory>,
        commonSystemOwners: [String], classificationValidityMonths: Int?, contractNoticeWarningDays: Int,
        resolutionDays: Int, responsible: ResponsibleChain, rules: [ComplianceRuleID: RuleSettings]
    ) {
        self.roleRequirements = RoleRequirementPolicy(requirements: roleRequirements)
        self.ownerRequiredCategories = ownerRequiredCategories
        self.commonSystemOwners = commonSystemOwners
        self.classificationValidityMonths = classificationValidityMonths
        self.contractNoticeWarningDays = contractNoticeWarningDays
        self.resolutionDays = resolutionDays
        self.responsible = responsible
        self.rules = rules
    }

    /// How often a document type is reviewed, and the profile's source for it.
    public struct DocumentTypeRules: Sendable, Hashable {
        public var name: Localized
        public var reviewEvery: ProfileDuration?
        public var source: String?
        public init(name: Localized, reviewEvery: ProfileDuration?, source: String?) {
            self.name = name
            self.reviewEvery = reviewEvery
            self.source = source
        }
    }

    /// The settings `rule` runs with.
    public func settings(for rule: ComplianceRuleID) -> RuleSettings {
        rules[rule] ?? ComplianceRules.defaultSettings[rule]
            ?? RuleSettings(severity: .warning, requirement: "")
    }

    /// The default: D2 and T11's roles (`RoleRequirementPolicy.standard`), every system owned by an org
    /// unit and the common ones by the kommunstyrelse (E3), KLASSA classifications valid three years (T9),
    /// a GDPR record and processor agreement wherever personal data is processed (T4), contracts reported
    /// 90 days before the notice date (D7), 30 days to close a new gap.
    public static let standard = ComplianceConfiguration(
        roleRequirements: RoleRequirementPolicy.standard.requirements,
        ownerRequiredCategories: Set(SystemCategory.allCases),
        commonSystemOwners: ["KS", "Kommunstyrelsen"],
        classificationValidityMonths: 36,
        contractNoticeWarningDays: 90,
        resolutionDays: 30,
        responsible: .standard,
        rules: ComplianceRules.defaultSettings)
}
