import Foundation

/// T9 (all incidents reported and followed up), GDPR art. 33: open incidents past their deadlines.
///
/// Every incident not yet closed is checked; it is a finding when
/// - it is a personal data breach whose 72 hours for notifying IMY ran out on an earlier day, and
///   neither a notification nor a reason not to notify is recorded (`imy`, due the deadline's day);
/// - one of its actions is not done and its due day has passed (`action`, due the earliest such day);
/// - it has been open longer than the profile's `incidents.open_at_most` (`open`, due that day).
///
/// The rules judge whole days, so a breach whose deadline ran out at 14:00 today is reported tomorrow;
/// the incident's own page and API show the deadline to the minute.
struct IncidentDeadlineRule: ComplianceRule {
    var descriptor: ComplianceRuleDescriptor {
        ComplianceRuleDescriptor(
            id: ComplianceRules.incidentDeadline,
            title: Localized(sv: "Incidenter följs upp i tid", en: "Incidents followed up in time"),
            summary: Localized(
                sv:
                    "Öppna incidenter håller sina tidsgränser: en personuppgiftsincident anmäls till IMY inom 72 timmar eller så dokumenteras varför den inte anmäls, åtgärder görs till sitt datum och ingen incident står öppen längre än styrningsprofilen tillåter (T9).",
                en:
                    "Open incidents keep their deadlines: a personal data breach is reported to IMY within 72 hours or the reason not to is recorded, actions are done by their dates and no incident stays open longer than the governance profile allows (T9)."
            ),
            objectKind: .incident)
    }

    func evaluate(
        _ context: ComplianceContext, settings: ComplianceConfiguration.RuleSettings, into result: inout RuleResult
    ) {
        let day = context.day
        let requirement = context.configuration.incidentSource ?? settings.requirement
        for incident in context.snapshot.incidents {
            let firstSystem = incident.systemIDs.compactMap { context.systems[$0] }.first
            let object = ComplianceObject(
                kind: .incident, id: incident.id, label: incident.title, systemID: firstSystem?.id,
                administrationID: firstSystem.flatMap { context.administration(ofSystem: $0) })
            result.check(object)
            let responsible = firstSystem.flatMap { context.responsible(forSystem: $0.id) }
            func report(_ detail: String, _ due: CalendarDay, _ message: Localized) {
                result.report(
                    ComplianceFinding(
                        ruleID: descriptor.id, requirement: requirement, severity: settings.severity, object: object,
                        detail: detail, responsible: responsible ?? tenantResponsible(context), dueOn: due,
                        message: message))
            }
            if incident.kind == .personalDataBreach && incident.imy == .pending {
                let deadline = BreachNotificationDeadline(awareAt: incident.discoveredAt)
                let (deadlineDay, time) = deadline.localDeadline()
                if deadlineDay < day {
                    report(
                        "imy", deadlineDay,
                        Localized(
                            sv:
                                "Personuppgiftsincidenten skulle ha anmälts till IMY senast \(deadlineDay) \(time), 72 timmar efter upptäckten. Anmäl den och ange skälen till dröjsmålet, eller dokumentera varför den inte anmäls.",
                            en:
                                "The personal data breach should have been reported to IMY by \(deadlineDay) \(time), 72 hours after discovery. Report it with the reasons for the delay, or record why it is not reported."
                        ))
                }
            }
            let late = incident.openActions.compactMap(\.dueOn).filter { $0 < day }.sorted()
            if let first = late.first {
                report(
                    "action", first,
                    Localized(
                        sv:
                            "\(late.count) åtgärd\(late.count == 1 ? "" : "er") är försenad\(late.count == 1 ? "" : "e") (den första skulle vara klar \(first)).",
                        en:
                            "\(late.count) action\(late.count == 1 ? " is" : "s are") overdue (the first was due \(first))."
                    ))
            }
            let openUntil = incident.reportedOn.advanced(byDays: context.configuration.incidentOpenDays)
            if openUntil < day {
                report(
                    "open", openUntil,
                    Localized(
                        sv:
                            "Incidenten rapporterades \(incident.reportedOn) och har varit öppen längre än de \(context.configuration.incidentOpenDays) dagar styrningsprofilen tillåter. Avsluta den med en lärdom eller skriv varför den dröjer.",
                        en:
                            "The incident was reported on \(incident.reportedOn) and has been open longer than the \(context.configuration.incidentOpenDays) days the governance profile allows. Close it with a lesson learned or record why it takes longer."
                    ))
            }
        }
    }

    /// Who acts on an incident that touches no system: the tenant's responsible under the chain.
    private func tenantResponsible(_ context: ComplianceContext) -> ComplianceResponsible? {
        guard let key = context.configuration.responsible.tenantRoleKey else { return nil }
        let current = context.tenantAssignments.filter { $0.roleKey == key && context.isCurrent($0) }
        guard let chosen = current.first(where: { $0.holding == .primary }) ?? current.first,
            let person = context.people[chosen.personID]
        else { return nil }
        return ComplianceResponsible(
            personID: person.id, name: person.name, roleKey: key, roleName: context.snapshot.roleName(key),
            basis: .tenant)
    }
}
