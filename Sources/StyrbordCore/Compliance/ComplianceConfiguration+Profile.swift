import Foundation

extension ComplianceConfiguration {
    /// A municipality's own rules: the roles and ersättare its profile requires of each kind of system
    /// (D2, T11 where the text says so), how long a classification holds (T9) and how early a contract's
    /// notice date is reported; what the profile does not say stays as in `standard`.
    public init(profile: GovernanceProfile) {
        var c = ComplianceConfiguration.standard
        c.roleRequirements = profile.roleRequirementPolicy
        if let validity = profile.classificationValidity { c.classificationValidityMonths = validity.wholeMonths }
        if let warning = profile.contractNoticeWarning { c.contractNoticeWarningDays = warning.approximateDays }
        self = c
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
