/// A rule that a kind of system must have a role filled, and whether a deputy is required too.
public struct RoleRequirement: Sendable, Hashable {
    public var roleKey: String
    /// The system categories the rule applies to.
    public var categories: Set<SystemCategory>
    public var deputyRequired: Bool
    /// The requirement id in DOMAIN.md the rule comes from.
    public var source: String

    public init(roleKey: String, categories: Set<SystemCategory>, deputyRequired: Bool, source: String) {
        self.roleKey = roleKey
        self.categories = categories
        self.deputyRequired = deputyRequired
        self.source = source
    }
}

/// A role held on a system as far as the requirement check needs to know.
public struct HeldRole: Sendable, Hashable {
    public var roleKey: String
    public var holding: RoleHolding
    public var validFrom: CalendarDay
    public var validTo: CalendarDay?
    /// A person who has left the organisation no longer fills a role.
    public var holderIsActive: Bool

    public init(
        roleKey: String, holding: RoleHolding, validFrom: CalendarDay, validTo: CalendarDay?, holderIsActive: Bool
    ) {
        self.roleKey = roleKey
        self.holding = holding
        self.validFrom = validFrom
        self.validTo = validTo
        self.holderIsActive = holderIsActive
    }

    /// Valid on `day`: started, not ended (`validTo` is the last day held), and held by an active person.
    public func isCurrent(on day: CalendarDay) -> Bool {
        holderIsActive && validFrom <= day && (validTo.map { day <= $0 } ?? true)
    }
}

/// A required role that is not filled.
public struct RoleGap: Sendable, Hashable {
    public var roleKey: String
    /// `.primary` when nobody holds the role, `.deputy` when the required ersättare is missing.
    public var missing: RoleHolding
    public var source: String

    public init(roleKey: String, missing: RoleHolding, source: String) {
        self.roleKey = roleKey
        self.missing = missing
        self.source = source
    }
}

/// Which roles each kind of system must have. Governance profiles (issue 4) supply their own;
/// `standard` is the default a municipality without written rules gets.
public struct RoleRequirementPolicy: Sendable, Hashable {
    public var requirements: [RoleRequirement]

    public init(requirements: [RoleRequirement]) { self.requirements = requirements }

    /// D2: every system has a systemägare who appoints a systemförvaltare;
    /// T11: a verksamhetssystem's systemförvaltare has an ersättare.
    public static let standard = RoleRequirementPolicy(requirements: [
        RoleRequirement(
            roleKey: RoleCatalogue.systemOwner, categories: Set(SystemCategory.allCases), deputyRequired: false,
            source: "D2"),
        RoleRequirement(
            roleKey: RoleCatalogue.systemManager, categories: [.common], deputyRequired: false, source: "D2"),
        RoleRequirement(
            roleKey: RoleCatalogue.systemManager, categories: [.business], deputyRequired: true, source: "T11"),
    ])

    /// The role keys a system of this category must have (a primary holder).
    public func requiredRoleKeys(for category: SystemCategory) -> [String] {
        var seen = Set<String>()
        return requirements.filter { $0.categories.contains(category) }.map(\.roleKey).filter {
            seen.insert($0).inserted
        }
    }

    /// What is missing for one system on `day`. Decommissioned systems need no roles.
    public func gaps(
        category: SystemCategory, lifecycle: LifecycleStatus, held: [HeldRole], on day: CalendarDay
    ) -> [RoleGap] {
        guard lifecycle.isActive else { return [] }
        let current = held.filter { $0.isCurrent(on: day) }
        var result: [RoleGap] = []
        for requirement in requirements where requirement.categories.contains(category) {
            let holders = current.filter { $0.roleKey == requirement.roleKey }
            if !holders.contains(where: { $0.holding == .primary }) {
                result.append(RoleGap(roleKey: requirement.roleKey, missing: .primary, source: requirement.source))
            }
            if requirement.deputyRequired && !holders.contains(where: { $0.holding == .deputy }) {
                result.append(RoleGap(roleKey: requirement.roleKey, missing: .deputy, source: requirement.source))
            }
        }
        var seen = Set<RoleGap>()
        return result.filter { seen.insert($0).inserted }
    }
}
