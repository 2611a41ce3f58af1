import Foundation

extension ComplianceConfiguration {
    /// A municipality's own rules: the roles and ersättare its profile requires of each kind of system
    /// (D2, T11 where the text says so), which categories must name an owning unit and where the common
    /// systems belong (E3/F2, each category's `owned_by`), how long a classification holds (T9) and how
    /// early a contract's notice date is reported.
    ///
    /// A profile says nothing about who acts on a finding or how many days a gap may stay open, so the
    /// responsible chain and `resolutionDays` stay as in `standard`, as do the rules' severities.
    public init(profile: GovernanceProfile) {
        var c = ComplianceConfiguration.standard
        c.roleRequirements = profile.roleRequirementPolicy
        c.ownerRequiredCategories = Set(profile.systemCategories.filter { $0.ownedBy != nil }.map(\.category))
        c.commonSystemOwners = Self.ownerNames(profile.categoryOwner(for: .common))
        // Without an interval the text sets none, and Styrbord's standard applies.
        if let validity = profile.classificationValidity { c.classificationValidityMonths = validity.wholeMonths }
        if let warning = profile.contractNoticeWarning { c.contractNoticeWarningDays = warning.approximateDays }
        c.forumCadences = profile.forums.compactMap { forum in
            let min = forum.cadence?.minPerYear ?? 0
            let max = forum.cadence?.maxPerYear
            guard min > 0 || max != nil else { return nil }
            return ForumCadence(
                key: forum.key, name: forum.name, minPerYear: min, maxPerYear: max, isPerOrgUnit: forum.isPerOrgUnit,
                leaderRoleKeys: [forum.convener, forum.chair].compactMap { $0 }, source: forum.source)
        }
        c.planKinds = profile.planKinds
        for type in profile.documentTypes {
            c.documentTypes[type.key] = DocumentTypeRules(
                name: type.name, reviewEvery: type.reviewEvery, source: type.source)
        }
        c.agreementRequirement = profile.serviceAgreements.map {
            AgreementRequirement(
                categories: Set($0.requiredFor), availabilityAtLeast: $0.availabilityAtLeast, source: $0.source)
        }
        self = c
    }

    /// The org unit names that stand for the owner of common systems: one body's names and its key
    /// (`it-enheten` matches a unit named "IT-enheten"). Empty, so any owning unit will do, when the
    /// profile names no owner, a body that stands for each nämnd or förvaltning, or a role or forum.
    static func ownerNames(_ owner: GovernanceProfile.Actor?) -> [String] {
        guard case .body(let body) = owner, !body.isPerOrgUnit else { return [] }
        var names: [String] = []
        for name in [body.name.sv, body.name.en, body.key] where !names.contains(name) { names.append(name) }
        return names
    }
}

extension ProfileDuration {
    /// The duration in months, rounded up (a classification valid 45 days is judged after two months).
    var wholeMonths: Int {
        switch unit {
        case .days: max(1, (amount + 29) / 30)
        case .weeks: max(1, (amount * 7 + 29) / 30)
        case .months: amount
        case .years: amount * 12
        case .terms: amount * 12 * Self.yearsPerTerm
        }
    }

}
