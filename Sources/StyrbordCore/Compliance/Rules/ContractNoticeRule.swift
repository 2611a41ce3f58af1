import Foundation

/// D7: a system's agreements are kept in force deliberately. A contract is reported when its last day to
/// give notice falls within the warning window, so that the systemägare decides to renew, renegotiate
/// or end it in time; and when a contract that does not renew ends within the window.
struct ContractNoticeRule: ComplianceRule {
    var descriptor: ComplianceRuleDescriptor {
        ComplianceRuleDescriptor(
            id: ComplianceRules.contractNotice,
            title: Localized(sv: "Avtal att säga upp eller förnya", en: "Contracts to end or renew"),
            summary: Localized(
                sv:
                    "Avtal som närmar sig sista dag för uppsägning, eller som löper ut utan förlängning, tas upp i god tid (D7).",
                en:
                    "Contracts nearing their last day to give notice, or ending without renewal, are raised in time (D7)."
            ),
            objectKind: .contract)
    }

    /// What happens next to a contract, seen from `day`.
    enum Milestone: Equatable {
        /// The last day to give notice for the period ending on `periodEnd`.
        case notice(deadline: CalendarDay, periodEnd: CalendarDay)
        /// The contract ends on `end` and does not renew.
        case ends(CalendarDay)
    }

    /// The next milestone on or after `day`, nil when the contract has no end date or has ended.
    static func nextMilestone(_ c: ComplianceSnapshot.Contract, on day: CalendarDay) -> Milestone? {
        guard var end = c.endsOn else { return nil }
        let notice = max(0, c.noticePeriodMonths ?? 0)
        let renewal = c.autoRenews ? (c.renewalPeriodMonths ?? 12) : 0
        if renewal > 0 {
            // Roll forward to the first period whose notice date is still ahead (bounded: bad data can't spin).
            var rounds = 0
            while end.advanced(byMonths: -notice) < day && rounds < 1_200 {
                end = end.advanced(byMonths: renewal)
                rounds += 1
            }
            return .notice(deadline: end.advanced(byMonths: -notice), periodEnd: end)
        }
        guard end >= day else { return nil }
        let deadline = end.advanced(byMonths: -notice)
        return deadline >= day && notice > 0 ? .notice(deadline: deadline, periodEnd: end) : .ends(end)
    }

    func evaluate(
        _ context: ComplianceContext, settings: ComplianceConfiguration.RuleSettings, into result: inout RuleResult
    ) {
        let day = context.day
        let horizon = day.advanced(byDays: context.configuration.contractNoticeWarningDays)
        for contract in context.snapshot.contracts {
            guard let system = context.systems[contract.systemID], system.lifecycle.isActive,
                let milestone = Self.nextMilestone(contract, on: day)
            else { continue }
            let object = ComplianceObject(
                kind: .contract, id: contract.id, label: "\(contract.title) (\(system.name))", systemID: system.id,
                administrationID: context.administration(ofSystem: system))
            result.check(object)
            let due: CalendarDay
            let detail: String
            let message: Localized
            switch milestone {
            case .notice(let deadline, let periodEnd):
                guard deadline <= horizon else { continue }
                due = deadline
                detail = "notice"
                let months = contract.noticePeriodMonths ?? 0
                message =
                    contract.autoRenews
                    ? Localized(
                        sv:
                            "Sista dag att säga upp avtalet är \(deadline); annars förlängs det efter \(periodEnd) (\(months) månaders uppsägningstid).",
                        en:
                            "The last day to give notice is \(deadline); otherwise the contract renews after \(periodEnd) (\(months) months' notice)."
                    )
                    : Localized(
                        sv:
                            "Sista dag att säga upp avtalet är \(deadline) (\(months) månaders uppsägningstid före \(periodEnd)).",
                        en: "The last day to give notice is \(deadline) (\(months) months' notice before \(periodEnd))."
                    )
            case .ends(let end):
                guard end <= horizon else { continue }
                due = end
                detail = "ends"
                message = Localized(
                    sv: "Avtalet löper ut \(end) och förlängs inte; se till att systemet har ett avtal efter det.",
                    en:
                        "The contract ends on \(end) and does not renew; make sure the system has an agreement after it."
                )
            }
            result.report(
                ComplianceFinding(
                    ruleID: descriptor.id, requirement: settings.requirement, severity: settings.severity,
                    object: object, detail: detail, responsible: context.responsible(forSystem: system.id),
                    dueOn: due, message: message))
        }
    }
}
