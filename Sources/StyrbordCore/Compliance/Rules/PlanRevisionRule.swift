import Foundation

/// D3 (and D2, F3 as each municipality's profile says): the plans the profile requires exist, are adopted
/// and are revised at least as often as the profile's `revise_every` for their kind.
///
/// For each kind of plan that is not per system and has an interval, the latest adopted plan counts:
/// - none adopted at all: `missing`, due the configured days after the first of January (a municipality
///   has no plan for the year; on day one that is a real gap, and so it is reported);
/// - a one-year kind whose latest plan is for an earlier year: `current-year`, due when that plan's
///   revision falls due (no IT-verksamhetsplan for this year yet);
/// - otherwise its revision deadline (adoption + `revise_every`) has passed: `revision`.
///
/// Per-system kinds (systemförvaltningsplan, D2) are judged only for systems that have an adopted plan:
/// its revision deadline, or for a kind without an interval, a plan for an earlier year. A system that
/// never had one is not reported: a municipality starting with 290 systems would otherwise get 290
/// findings at once for the same gap, which drowns the rest (docs/compliance.md).
struct PlanRevisionRule: ComplianceRule {
    var descriptor: ComplianceRuleDescriptor {
        ComplianceRuleDescriptor(
            id: ComplianceRules.planRevision,
            title: Localized(sv: "Planer fastställda och reviderade", en: "Plans adopted and revised"),
            summary: Localized(
                sv:
                    "Planerna styrningsprofilen kräver finns, är fastställda och revideras så ofta som profilen säger, till exempel eFörvaltningsprogrammet vart tredje år och IT-verksamhetsplanen varje år (D3).",
                en:
                    "The plans the governance profile requires exist, are adopted and are revised as often as it says, for example the e-government programme every three years and the IT operations plan every year (D3)."
            ),
            objectKind: .plan)
    }

    func evaluate(
        _ context: ComplianceContext, settings: ComplianceConfiguration.RuleSettings, into result: inout RuleResult
    ) {
        let day = context.day
        var latest: [String: ComplianceSnapshot.Plan] = [:]  // by kind, and kind + system
        for plan in context.snapshot.plans {
            guard let adopted = plan.adoptedOn else { continue }
            let key = plan.kindKey + "/" + (plan.systemID?.uuidString ?? "")
            if let seen = latest[key], let seenOn = seen.adoptedOn,
                (seen.endYear, seenOn, seen.id.uuidString) >= (plan.endYear, adopted, plan.id.uuidString)
            {
                continue
            }
            latest[key] = plan
        }
        for kind in context.configuration.planKinds {
            let shape = PlanShape(kind)
            let requirement = kind.source ?? settings.requirement
            if shape == .perSystem {
                for system in context.activeSystems {
                    guard let plan = latest[kind.key + "/" + system.id.uuidString] else { continue }
                    let object = ComplianceObject(
                        kind: .plan, id: plan.id, label: "\(plan.title) (\(system.name))", systemID: system.id,
                        administrationID: context.administration(ofSystem: system))
                    result.check(object)
                    guard let (detail, due, message) = judge(plan, kind: kind, shape: shape, day: day, context: context)
                    else { continue }
                    result.report(
                        ComplianceFinding(
                            ruleID: descriptor.id, requirement: requirement, severity: settings.severity,
                            object: object, detail: detail,
                            responsible: systemResponsible(kind, system.id, context), dueOn: due, message: message))
                }
                continue
            }
            guard kind.reviseEvery != nil else { continue }
            let responsible = tenantResponsible(kind, context)
            guard let plan = latest[kind.key + "/"] else {
                let object = ComplianceObject(
                    kind: .plan, id: Self.missingID(kind.key), label: kind.name.sv, systemID: nil,
                    administrationID: nil)
                result.check(object)
                let due = context.due(after: CalendarDay(year: day.year, month: 1, day: 1) ?? day)
                result.report(
                    ComplianceFinding(
                        ruleID: descriptor.id, requirement: requirement, severity: settings.severity, object: object,
                        detail: "missing", responsible: responsible, dueOn: due,
                        message: Localized(
                            sv:
                                "Det finns ingen fastställd \(kind.name.sv.lowercasedFirst). Styrningsprofilen kräver en, reviderad minst var \(kind.reviseEvery!.label.sv).",
                            en:
                                "There is no adopted \(kind.name.en). The governance profile requires one, revised at least every \(kind.reviseEvery!.label.en)."
                        )))
                continue
            }
            let object = ComplianceObject(
                kind: .plan, id: plan.id, label: plan.title, systemID: nil, administrationID: nil)
            result.check(object)
            guard let (detail, due, message) = judge(plan, kind: kind, shape: shape, day: day, context: context)
            else { continue }
            result.report(
                ComplianceFinding(
                    ruleID: descriptor.id, requirement: requirement, severity: settings.severity, object: object,
                    detail: detail, responsible: responsible, dueOn: due, message: message))
        }
    }

    /// The gap of an adopted plan, if any: a one-year plan for an earlier year, or its revision overdue.
    private func judge(
        _ plan: ComplianceSnapshot.Plan, kind: GovernanceProfile.PlanKind, shape: PlanShape, day: CalendarDay,
        context: ComplianceContext
    ) -> (String, CalendarDay, Localized)? {
        guard let adoptedOn = plan.adoptedOn else { return nil }
        let deadline = planRevisionDeadline(adoptedOn: adoptedOn, kind: kind)
        if shape != .programme && plan.endYear < day.year {
            let due = deadline ?? context.due(after: CalendarDay(year: day.year, month: 1, day: 1) ?? day)
            return (
                "current-year", due,
                Localized(
                    sv:
                        "Det finns ingen fastställd \(kind.name.sv.lowercasedFirst) för \(day.year); den senaste gäller \(plan.endYear).",
                    en: "There is no adopted \(kind.name.en) for \(day.year); the latest is for \(plan.endYear).")
            )
        }
        guard let deadline, deadline < day else { return nil }
        return (
            "revision", deadline,
            Localized(
                sv:
                    "Planen fastställdes \(adoptedOn) och skulle ha reviderats senast \(deadline) (minst var \(kind.reviseEvery!.label.sv)).",
                en:
                    "The plan was adopted on \(adoptedOn) and should have been revised by \(deadline) (at least every \(kind.reviseEvery!.label.en))."
            )
        )
    }

    /// A per-system plan's responsible: the holder of the role that adopts it for the system (the
    /// systemägare, D2), else whoever acts for the system.
    private func systemResponsible(
        _ kind: GovernanceProfile.PlanKind, _ systemID: UUID, _ context: ComplianceContext
    ) -> ComplianceResponsible? {
        if let key = kind.adoptedBy,
            let found = holder(key, in: context.systemAssignments[systemID] ?? [], .system, context)
        {
            return found
        }
        return context.responsible(forSystem: systemID)
    }

    /// A municipality-wide plan's responsible: the holder of its owner role (the IT-chef), else the
    /// tenant's responsible under the chain.
    private func tenantResponsible(
        _ kind: GovernanceProfile.PlanKind, _ context: ComplianceContext
    ) -> ComplianceResponsible? {
        for key in [kind.owner, context.configuration.responsible.tenantRoleKey].compactMap({ $0 }) {
            if let found = holder(key, in: context.tenantAssignments, .tenant, context) { return found }
        }
        return nil
    }

    private func holder(
        _ key: String, in assignments: [ComplianceSnapshot.RoleAssignment], _ basis: ComplianceResponsible.Basis,
        _ context: ComplianceContext
    ) -> ComplianceResponsible? {
        let current = assignments.filter { $0.roleKey == key && context.isCurrent($0) }
        guard let chosen = current.first(where: { $0.holding == .primary }) ?? current.first,
            let person = context.people[chosen.personID]
        else { return nil }
        return ComplianceResponsible(
            personID: person.id, name: person.name, roleKey: key, roleName: context.snapshot.roleName(key),
            basis: basis)
    }

    /// A stable id for "no plan of this kind": the same every day, different per kind.
    static func missingID(_ kindKey: String) -> UUID {
        var bytes = [UInt8](repeating: 0, count: 16)
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for (i, byte) in Array(("plan-kind:" + kindKey).utf8).enumerated() {
            hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3
            bytes[i % 16] ^= UInt8(truncatingIfNeeded: hash >> 24)
        }
        bytes[6] = (bytes[6] & 0x0f) | 0x80  // a custom (version 8) UUID, never a random one's
        bytes[8] = (bytes[8] & 0x3f) | 0x80
        return UUID(
            uuid: (
                bytes[0], bytes[1], bytes[2], bytes[3], bytes[4], bytes[5], bytes[6], bytes[7], bytes[8], bytes[9],
                bytes[10], bytes[11], bytes[12], bytes[13], bytes[14], bytes[15]
            ))
    }
}

extension String {
    /// "IT-verksamhetsplan" stays as it is; "Systemförvaltningsplan" becomes "systemförvaltningsplan".
    var lowercasedFirst: String {
        guard let first, first.isUppercase, dropFirst().first?.isLowercase ?? true else { return self }
        return first.lowercased() + dropFirst()
    }
}
