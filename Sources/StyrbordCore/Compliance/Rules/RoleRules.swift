import Foundation

/// D2, T11: the roles each kind of system must have, held today by someone still in the organisation;
/// with `deputies`, the ersättare the configuration requires (T11). The requirements are the same
/// `RoleRequirementPolicy` the register's "missing a required role" filter uses, read the same way
/// (`RoleRulesTests.agreesWithPolicy` holds the two together); a role required twice is reported once.
struct RequiredRolesRule: ComplianceRule {
    let deputies: Bool

    var descriptor: ComplianceRuleDescriptor {
        deputies
            ? ComplianceRuleDescriptor(
                id: ComplianceRules.deputies,
                title: Localized(sv: "Ersättare", en: "Deputies"),
                summary: Localized(
                    sv: "Där en roll kräver ersättare finns en ersättare som fortfarande är anställd (T11).",
                    en: "Where a role requires a deputy, a deputy who is still employed holds it (T11)."),
                objectKind: .system)
            : ComplianceRuleDescriptor(
                id: ComplianceRules.requiredRoles,
                title: Localized(sv: "Obligatoriska roller", en: "Required roles"),
                summary: Localized(
                    sv:
                        "Varje system har de roller dess kategori kräver, innehavda i dag av personer som fortfarande är anställda (D2).",
                    en:
                        "Every system has the roles its category requires, held today by people who are still employed (D2)."
                ),
                objectKind: .system)
    }

    func evaluate(
        _ context: ComplianceContext, settings: ComplianceConfiguration.RuleSettings, into result: inout RuleResult
    ) {
        let wanted: RoleHolding = deputies ? .deputy : .primary
        // The requirements each category must meet, once.
        var byCategory: [SystemCategory: [RoleRequirement]] = [:]
        for r in context.configuration.roleRequirements.requirements where !deputies || r.deputyRequired {
            for category in r.categories { byCategory[category, default: []].append(r) }
        }
        for system in context.activeSystems {
            guard let requirements = byCategory[system.category] else { continue }
            let object = context.object(for: system)
            result.check(object)
            let assignments = context.systemAssignments[system.id] ?? []
            var reported: [String] = []
            for requirement in requirements where !reported.contains(requirement.roleKey) {
                let filled = assignments.contains {
                    $0.roleKey == requirement.roleKey && $0.holding == wanted && context.isCurrent($0)
                }
                guard !filled else { continue }
                reported.append(requirement.roleKey)
                let gap = RoleGap(roleKey: requirement.roleKey, missing: wanted, source: requirement.source)
                let previous = lastHolder(of: gap, in: assignments, context: context)
                result.report(
                    ComplianceFinding(
                        ruleID: descriptor.id, requirement: gap.source.isEmpty ? settings.requirement : gap.source,
                        severity: settings.severity, object: object,
                        detail: "\(gap.roleKey)/\(gap.missing.rawValue)",
                        responsible: context.responsible(forSystem: system.id),
                        dueOn: context.due(after: previous?.vacantSince ?? system.registeredOn),
                        message: message(role: context.snapshot.roleName(gap.roleKey), previous: previous)))
            }
        }
    }

    /// The last person who held the missing role, and since when it is vacant: they left, or their term ended.
    private struct Previous {
        var name: String
        var vacantSince: CalendarDay
        var hasLeft: Bool
    }

    private func lastHolder(
        of gap: RoleGap, in assignments: [ComplianceSnapshot.RoleAssignment], context: ComplianceContext
    ) -> Previous? {
        var best: Previous?
        for a in assignments where a.roleKey == gap.roleKey && a.holding == gap.missing && a.validFrom <= context.day {
            guard let person = context.people[a.personID] else { continue }
            let since: CalendarDay
            let left: Bool
            if !person.isActive, a.validTo.map({ context.day <= $0 }) ?? true {
                since = person.leftOn ?? a.validFrom
                left = true
            } else if let end = a.validTo, end < context.day {
                since = end.advanced(byDays: 1)
                left = !person.isActive
            } else {
                continue
            }
            if best.map({ $0.vacantSince < since }) ?? true {
                best = Previous(name: person.name, vacantSince: since, hasLeft: left)
            }
        }
        return best
    }

    private func message(role: Localized, previous: Previous?) -> Localized {
        let roleSv = role.sv, roleEn = role.en
        if deputies {
            guard let previous else {
                return Localized(sv: "\(roleSv) saknar ersättare.", en: "\(roleEn) has no deputy.")
            }
            return previous.hasLeft
                ? Localized(
                    sv: "\(roleSv) saknar ersättare: \(previous.name) har slutat (\(previous.vacantSince)).",
                    en: "\(roleEn) has no deputy: \(previous.name) has left (\(previous.vacantSince)).")
                : Localized(
                    sv:
                        "\(roleSv) saknar ersättare sedan \(previous.vacantSince), då uppdraget för \(previous.name) upphörde.",
                    en: "\(roleEn) has had no deputy since \(previous.vacantSince), when \(previous.name)'s term ended."
                )
        }
        guard let previous else {
            return Localized(sv: "\(roleSv) saknas.", en: "No \(roleEn.lowercased()) is appointed.")
        }
        return previous.hasLeft
            ? Localized(
                sv: "\(roleSv) saknas: \(previous.name) har slutat (\(previous.vacantSince)).",
                en: "No \(roleEn.lowercased()): \(previous.name) has left (\(previous.vacantSince)).")
            : Localized(
                sv: "\(roleSv) saknas sedan \(previous.vacantSince), då uppdraget för \(previous.name) upphörde.",
                en: "No \(roleEn.lowercased()) since \(previous.vacantSince), when \(previous.name)'s term ended.")
    }
}

extension ComplianceSnapshot {
    /// How a role reads: the tenant's own name for it, else the standard catalogue's, else its key.
    public func roleName(_ key: String) -> Localized {
        roleNames[key] ?? RoleCatalogue.standard.first { $0.key == key }?.name ?? Localized(verbatim: key)
    }
}
