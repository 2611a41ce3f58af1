import Foundation

/// Who acts on an access finding for a system: the holder of `roleKey` on it (the systemägare under the
/// standard profile), else whoever acts for the system under the chain.
private func accessResponsible(
    _ roleKey: String, system systemID: UUID, _ context: ComplianceContext
) -> ComplianceResponsible? {
    let current = (context.systemAssignments[systemID] ?? []).filter { $0.roleKey == roleKey && context.isCurrent($0) }
    if let chosen = current.first(where: { $0.holding == .primary }) ?? current.first,
        let person = context.people[chosen.personID]
    {
        return ComplianceResponsible(
            personID: person.id, name: person.name, roleKey: roleKey, roleName: context.snapshot.roleName(roleKey),
            basis: .system)
    }
    return context.responsible(forSystem: systemID)
}

private func grantObject(
    _ grant: ComplianceSnapshot.AccessGrant, _ system: ComplianceSnapshot.System, _ context: ComplianceContext
) -> ComplianceObject {
    let person = context.people[grant.personID]?.name ?? ""
    let level = grant.accessLevel.isEmpty ? "" : ", \(grant.accessLevel)"
    return ComplianceObject(
        kind: .accessGrant, id: grant.id, label: "\(person) (\(system.name)\(level))", systemID: system.id,
        administrationID: context.administration(ofSystem: system))
}

/// T9: access is granted formally and the decision documented. Every grant in force on an active system
/// is checked; one without a documented decision (registered or imported as such) is a finding, due the
/// configured days after it was granted. The decider on the system (profile `access.decided_by`) acts.
struct AccessDecisionRule: ComplianceRule {
    var descriptor: ComplianceRuleDescriptor {
        ComplianceRuleDescriptor(
            id: ComplianceRules.accessDecision,
            title: Localized(
                sv: "Behörigheter med dokumenterat beslut", en: "Access rights with a documented decision"),
            summary: Localized(
                sv:
                    "Varje behörighet bygger på ett dokumenterat beslut: en beviljad ansökan eller en beslutsreferens (T9).",
                en:
                    "Every access right rests on a documented decision: an approved request or a decision reference (T9)."
            ),
            objectKind: .accessGrant)
    }

    func evaluate(
        _ context: ComplianceContext, settings: ComplianceConfiguration.RuleSettings, into result: inout RuleResult
    ) {
        for grant in context.snapshot.accessGrants {
            guard let system = context.systems[grant.systemID], system.lifecycle.isActive else { continue }
            let object = grantObject(grant, system, context)
            result.check(object)
            guard !grant.hasDecision else { continue }
            result.report(
                ComplianceFinding(
                    ruleID: descriptor.id, requirement: settings.requirement, severity: settings.severity,
                    object: object, detail: "no-decision",
                    responsible: accessResponsible(
                        context.configuration.access.decidingRole, system: system.id, context),
                    dueOn: context.due(after: grant.grantedOn),
                    message: Localized(
                        sv:
                            "Behörigheten saknar dokumenterat beslut. Pröva behovet och dokumentera beslutet, eller ta bort behörigheten.",
                        en:
                            "The access right has no documented decision. Assess the need and document the decision, or remove the access right."
                    )))
        }
    }
}

/// T9: access is reviewed regularly, as often as the profile's `intervals.access_reviews` says for the
/// system's highest KLASSA level (unclassified counts as level 0). Every active system with a grant in
/// force is checked; its review is due the interval after the last completed review or, before any
/// review, after its earliest grant in force. Overdue is a finding, due that day; the reviewer on the
/// system (profile `access.reviewed_by`) acts.
struct AccessReviewRule: ComplianceRule {
    var descriptor: ComplianceRuleDescriptor {
        ComplianceRuleDescriptor(
            id: ComplianceRules.accessReview,
            title: Localized(sv: "Behörighetsgranskning i tid", en: "Access reviews on time"),
            summary: Localized(
                sv:
                    "Behörigheterna i varje system granskas så ofta som styrningsprofilen säger för systemets informationsklassning (T9).",
                en:
                    "Every system's access rights are reviewed as often as the governance profile says for its information classification (T9)."
            ),
            objectKind: .system)
    }

    func evaluate(
        _ context: ComplianceContext, settings: ComplianceConfiguration.RuleSettings, into result: inout RuleResult
    ) {
        var earliest: [UUID: CalendarDay] = [:]
        for grant in context.snapshot.accessGrants {
            earliest[grant.systemID] = min(earliest[grant.systemID] ?? grant.grantedOn, grant.grantedOn)
        }
        var lastReview: [UUID: CalendarDay] = [:]
        for review in context.snapshot.accessReviews {
            lastReview[review.systemID] = max(lastReview[review.systemID] ?? review.completedOn, review.completedOn)
        }
        for system in context.activeSystems {
            guard let first = earliest[system.id] else { continue }
            let object = context.object(for: system)
            result.check(object)
            let last = lastReview[system.id]
            guard
                let due = accessReviewDue(
                    lastReviewedOn: last, earliestGrantOn: first, level: system.highestLevel,
                    intervals: context.configuration.accessReviewIntervals), due < context.day
            else { continue }
            let since =
                last.map { Localized(sv: "senast granskade \($0)", en: "last reviewed on \($0)") }
                ?? Localized(sv: "har aldrig granskats", en: "have never been reviewed")
            result.report(
                ComplianceFinding(
                    ruleID: descriptor.id, requirement: settings.requirement, severity: settings.severity,
                    object: object, detail: last == nil ? "never" : "overdue",
                    responsible: accessResponsible(
                        context.configuration.access.reviewingRole, system: system.id, context),
                    dueOn: due,
                    message: Localized(
                        sv:
                            "Behörigheterna i systemet \(since.sv) och skulle ha granskats senast \(due). Gör en behörighetsgranskning.",
                        en:
                            "The system's access rights \(since.en) and should have been reviewed by \(due). Run an access review."
                    )))
        }
    }
}

/// T9 (access only on need) and L1: when someone leaves, their access ends. A grant in force held by a
/// person marked as having left (or whose last day has passed) is a finding, due the day after they
/// left; the decider on the system acts.
struct AccessLeaversRule: ComplianceRule {
    var descriptor: ComplianceRuleDescriptor {
        ComplianceRuleDescriptor(
            id: ComplianceRules.accessLeavers,
            title: Localized(sv: "Behörigheter för personer som slutat", en: "Access rights of people who have left"),
            summary: Localized(
                sv: "Den som har slutat har inga behörigheter kvar (T9: behörighet bara efter behov).",
                en: "Nobody who has left keeps an access right (T9: access only on need)."),
            objectKind: .accessGrant)
    }

    func evaluate(
        _ context: ComplianceContext, settings: ComplianceConfiguration.RuleSettings, into result: inout RuleResult
    ) {
        for grant in context.snapshot.accessGrants {
            guard let system = context.systems[grant.systemID], system.lifecycle.isActive else { continue }
            let object = grantObject(grant, system, context)
            result.check(object)
            guard let person = context.people[grant.personID] else { continue }
            let hasLeft = !person.isActive || person.leftOn.map { $0 < context.day } == true
            guard hasLeft else { continue }
            let due = person.leftOn.map { $0.advanced(byDays: 1) } ?? grant.grantedOn
            result.report(
                ComplianceFinding(
                    ruleID: descriptor.id, requirement: settings.requirement, severity: settings.severity,
                    object: object, detail: "left",
                    responsible: accessResponsible(
                        context.configuration.access.decidingRole, system: system.id, context),
                    dueOn: due,
                    message: Localized(
                        sv: "\(person.name) har slutat men har kvar behörigheten. Ta bort den.",
                        en: "\(person.name) has left but still holds the access right. Remove it.")))
        }
    }
}
