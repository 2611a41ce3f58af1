import Foundation

/// T8: availability is followed up against the agreed service level. A system whose measured availability
/// in a completed month (of the last twelve) fell below what its agreement promises is a finding, one per
/// month, due `resolutionDays` after that month ended. Only service hours count, and planned maintenance
/// only where the agreement says it does (`AgreementTerms.measure`).
struct ServiceAvailabilityRule: ComplianceRule {
    var descriptor: ComplianceRuleDescriptor {
        ComplianceRuleDescriptor(
            id: ComplianceRules.serviceAvailability,
            title: Localized(sv: "Tillgänglighet enligt driftavtal", en: "Availability as agreed"),
            summary: Localized(
                sv:
                    "Systemets uppmätta tillgänglighet under en avslutad månad når den nivå dess driftavtal (SLA) anger (T7, T8).",
                en:
                    "The system's measured availability in a completed month reaches the level its service agreement (SLA) sets (T7, T8)."
            ),
            objectKind: .agreement)
    }

    func evaluate(
        _ context: ComplianceContext, settings: ComplianceConfiguration.RuleSettings, into result: inout RuleResult
    ) {
        for agreement in context.snapshot.agreements {
            guard let system = context.systems[agreement.systemID], system.lifecycle.isActive else { continue }
            let months = CalendarMonth.months(endingWith: CalendarMonth(context.day).adding(months: -1), count: 12)
            guard months.contains(where: agreement.terms.covers) else { continue }
            let object = ComplianceObject(
                kind: .agreement, id: agreement.id, label: "Driftavtal \(system.name)", systemID: system.id,
                administrationID: context.administration(ofSystem: system))
            result.check(object)
            let below = agreement.terms.monthsBelow(
                outages: context.snapshot.outages[system.id] ?? [], today: context.day)
            for report in below {
                let measured = AvailabilityTarget.format(report.measuredPercent, .sv)
                let measuredEn = AvailabilityTarget.format(report.measuredPercent, .en)
                result.report(
                    ComplianceFinding(
                        ruleID: descriptor.id, requirement: settings.requirement, severity: settings.severity,
                        object: object, detail: report.month.iso,
                        responsible: owner(agreement, context) ?? context.responsible(forSystem: system.id),
                        dueOn: context.due(after: report.month.adding(months: 1).firstDay),
                        message: Localized(
                            sv:
                                "Tillgängligheten \(report.month.iso) var \(measured), under avtalade \(AvailabilityTarget.format(report.agreedPercent, .sv)). Följ upp med driftpartnern.",
                            en:
                                "Availability in \(report.month.iso) was \(measuredEn), below the agreed \(AvailabilityTarget.format(report.agreedPercent, .en)). Follow up with the operations partner."
                        )))
            }
        }
    }

    /// The systemägare who signed the agreement, while still in the municipality.
    private func owner(_ a: ComplianceSnapshot.Agreement, _ context: ComplianceContext) -> ComplianceResponsible? {
        guard let id = a.ownerPersonID, let person = context.people[id], person.isActive else { return nil }
        let key = RoleCatalogue.systemOwner
        return ComplianceResponsible(
            personID: id, name: person.name, roleKey: key, roleName: context.snapshot.roleName(key), basis: .system)
    }
}

/// D7: every system the profile names (`service_agreements`: by category and KLASSA availability level)
/// has an agreement on service level in force while it is in operation. Without that section in the
/// profile the rule asks nothing of anyone.
struct ServiceAgreementRule: ComplianceRule {
    var descriptor: ComplianceRuleDescriptor {
        ComplianceRuleDescriptor(
            id: ComplianceRules.serviceAgreement,
            title: Localized(sv: "System med driftavtal", en: "Systems with a service agreement"),
            summary: Localized(
                sv:
                    "System i drift som styrningsprofilen kräver det för har ett gällande driftavtal (SLA) om omfattning, tillgänglighet, ansvar, pris och support (D7).",
                en:
                    "Systems in operation that the governance profile requires it for have a service agreement (SLA) in force on scope, availability, responsibilities, price and support (D7)."
            ),
            objectKind: .system)
    }

    func evaluate(
        _ context: ComplianceContext, settings: ComplianceConfiguration.RuleSettings, into result: inout RuleResult
    ) {
        guard let requirement = context.configuration.agreementRequirement else { return }
        var inForce = Set<UUID>()
        for a in context.snapshot.agreements
        where a.terms.validFrom <= context.day && (a.terms.validTo.map { context.day <= $0 } ?? true) {
            inForce.insert(a.systemID)
        }
        for system in context.activeSystems where system.lifecycle == .inProduction && requirement.applies(to: system) {
            let object = ComplianceObject(
                kind: .system, id: system.id, label: system.name, systemID: system.id,
                administrationID: context.administration(ofSystem: system))
            result.check(object)
            guard !inForce.contains(system.id) else { continue }
            result.report(
                ComplianceFinding(
                    ruleID: descriptor.id, requirement: requirement.source ?? settings.requirement,
                    severity: settings.severity, object: object, detail: "missing",
                    responsible: context.responsible(forSystem: system.id),
                    dueOn: context.due(after: system.registeredOn),
                    message: Localized(
                        sv:
                            "Systemet har inget gällande driftavtal. Teckna ett med driftpartnern om tillgänglighet, supporttider, ansvar och pris.",
                        en:
                            "The system has no service agreement in force. Make one with the operations partner on availability, support hours, responsibilities and price."
                    )))
        }
    }
}
