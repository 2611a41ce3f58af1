import Fluent
import Foundation
import StyrbordCore

// Loading the register's page models from the database. Kept beside the pages, away from the views,
// so the pages themselves never see Fluent.

extension SystemsIndexPage.Model {
    static func load(
        page: SystemPage, context: RegisterContext, lang: UILanguage, on db: any Database
    ) async throws -> Self {
        let tenant = context.tenant
        let ids = page.ids
        let systems = page.rows
        let ownerKey = RoleCatalogue.systemOwner, managerKey = RoleCatalogue.systemManager
        let roles = try await context.systemRoles(of: ids, on: db)
        let byRole = context.roleTypesByID
        var holders: [UUID: [String: [String]]] = [:]
        let current = roles.assignments.filter { $0.isCurrent(on: context.today) }
            .sorted { ($0.holding == .primary ? 0 : 1, $0.validFrom) < ($1.holding == .primary ? 0 : 1, $1.validFrom) }
        for a in current {
            guard let systemID = a.systemID, let key = byRole[a.roleTypeID]?.key, key == ownerKey || key == managerKey,
                let name = roles.people[a.personID]?.name
            else { continue }
            let shown = a.holding == .deputy ? "\(name) (\(lang == .sv ? "ers." : "deputy"))" : name
            holders[systemID, default: [:]][key, default: []].append(shown)
        }
        let gaps = context.roleGaps(
            systems.map { .init(id: $0.id, category: $0.category, lifecycle: $0.lifecycleStatus) }, roles: roles)
        let rows = systems.map { s in
            SystemsIndexPage.Row(
                id: s.id, name: s.name, aliases: s.aliases, category: s.category,
                owner: context.orgTree.name(s.ownerOrgUnitID), lifecycle: s.lifecycleStatus, criticality: s.criticality,
                systemOwners: holders[s.id]?[ownerKey] ?? [], systemManagers: holders[s.id]?[managerKey] ?? [],
                gaps: (gaps[s.id] ?? []).map { gapText($0, context: context, lang: lang) })
        }
        let required = Set(context.policy.requirements.map(\.roleKey))
        let roleOptions =
            [(SystemQuery.anyRole, lang == .sv ? "Någon obligatorisk roll" : "Any required role")]
            + context.systemRoleTypes.filter { required.contains($0.key) }.map { ($0.key, $0.name[lang]) }
        return Self(
            tenantSlug: tenant.slug, query: page.query, rows: rows, total: page.total, pageCount: page.pageCount,
            orgOptions: context.orgTree.options(), roleOptions: roleOptions,
            systemOwnerTitle: context.roleName(ownerKey, lang), systemManagerTitle: context.roleName(managerKey, lang))
    }
}

/// How a role gap reads: "Systemförvaltare saknas" or "Ersättare för systemförvaltare saknas (T11)".
func gapText(_ gap: RoleGap, context: RegisterContext, lang: UILanguage) -> String {
    let role = context.roleName(gap.roleKey, lang)
    switch (gap.missing, lang) {
    case (.primary, .sv): return "\(role) saknas (\(gap.source))"
    case (.primary, .en): return "\(role) missing (\(gap.source))"
    case (.deputy, .sv): return "Ersättare för \(role.lowercased()) saknas (\(gap.source))"
    case (.deputy, .en): return "Deputy \(role.lowercased()) missing (\(gap.source))"
    }
}

/// Names of people by id, within the tenant.
func names(of ids: Set<UUID>, tenant: Tenant, on db: any Database) async throws -> [UUID: String] {
    guard !ids.isEmpty else { return [:] }
    let people = try await Person.scoped(to: tenant, on: db).filter(\.$id ~~ Array(ids)).field(\.$id).field(\.$name)
        .all()
    return Dictionary(uniqueKeysWithValues: people.map { ($0.id!, $0.name) })
}

extension SystemShowPage.Model {
    static func load(
        system: ITSystem, tab: SystemTab, context: RegisterContext, lang: UILanguage, now: Date = Date(),
        on db: any Database
    ) async throws -> Self {
        let tenant = context.tenant
        let id = try system.requireID()
        let gaps = try await context.roleGaps(systems: [system], on: db)[id] ?? []
        let content: SystemShowPage.TabContent
        switch tab {
        case .overview:
            let userIDs = try await SystemRules.userOrgUnitIDs(of: id, on: db)
            let suppliers = try await Supplier.scoped(to: tenant, on: db)
                .filter(\.$id ~~ [system.supplierID, system.operatorSupplierID].compactMap { $0 }).all()
            let object = try await system.managementObjectID.asyncMap {
                try await ManagementObject.scoped(to: tenant, on: db).filter(\.$id == $0).first()
            }
            content = .overview(
                .init(
                    draft: system.draft(userOrgUnitIds: userIDs),
                    ownerName: context.orgTree.name(system.ownerOrgUnitID),
                    userNames: userIDs.compactMap { context.orgTree.name($0) }.sorted(),
                    managementObjectName: object??.name,
                    supplierName: suppliers.first { $0.id == system.supplierID }?.name,
                    operatorName: suppliers.first { $0.id == system.operatorSupplierID }?.name,
                    createdAt: system.createdAt, updatedAt: system.updatedAt))
        case .roles:
            content = .roles(try await roles(system: system, gaps: gaps, context: context, lang: lang, on: db))
        case .integrations:
            let deps = try await SystemDependencies.load(system: system, tenant: tenant, on: db)
            func reached(_ r: [IntegrationGraph.Reach]) -> [SystemShowPage.Reached] {
                r.map { .init(id: $0.system, name: deps.names[$0.system] ?? "", distance: $0.distance) }
            }
            content = .integrations(
                .init(
                    picture: deps.layout.nodes.count > 1
                        ? NeighbourhoodSVG.render(
                            deps.layout, center: id, names: deps.names,
                            link: { SystemRoutes.tab(tenant.slug, $0, .integrations) }, lang: lang)
                        : nil,
                    dependsOn: reached(deps.dependsOn), dependedOnBy: reached(deps.dependedOnBy),
                    direct: deps.direct.map { i in
                        let outgoing = i.sourceSystemID == id
                        let other = outgoing ? i.targetSystemID : i.sourceSystemID
                        return .init(
                            id: i.id!, isOutgoing: outgoing, otherID: other,
                            otherName: other.flatMap { deps.names[$0] },
                            externalParty: i.externalParty, kind: i.kind, information: i.information,
                            frequency: i.frequency)
                    }.sorted {
                        ($0.isOutgoing ? 1 : 0, $0.otherName ?? $0.externalParty) < (
                            $1.isOutgoing ? 1 : 0, $1.otherName ?? $1.externalParty
                        )
                    }))
        case .service:
            content = .service(
                try await ServiceTab.Model.load(system: system, tenant: tenant, now: now, lang: lang, on: db))
        case .contracts:
            let contracts = try await Contract.scoped(to: tenant, on: db).filter(\.$systemID == id).sort(\.$endsOn)
                .all()
            let supplierNames = try await Dictionary(
                uniqueKeysWithValues: Supplier.scoped(to: tenant, on: db)
                    .filter(\.$id ~~ contracts.compactMap(\.supplierID)).all().map { ($0.id!, $0.name) })
            var total: Int64 = 0
            let rows = contracts.map { c -> SystemShowPage.ContractRow in
                let d = c.draft
                total += (d.yearlyLicenceCost?.amountMinor ?? 0) + (d.yearlyOperationCost?.amountMinor ?? 0)
                let deadline = d.noticeDeadline
                let soon = deadline.map { context.today <= $0 && context.today.days(until: $0) <= 180 } ?? false
                return .init(
                    id: c.id!, title: c.title, supplierName: c.supplierID.flatMap { supplierNames[$0] },
                    reference: c.reference,
                    startsOn: c.startsOn ?? "", endsOn: c.endsOn ?? "", noticeDeadline: deadline?.iso, noticeSoon: soon,
                    autoRenews: c.autoRenews, licence: d.yearlyLicenceCost, operation: d.yearlyOperationCost)
            }
            content = .contracts(.init(rows: rows, yearlyTotal: Money(amountMinor: total)))
        case .classification:
            let draft = system.draft(userOrgUnitIds: [])
            let classifier = try await names(
                of: Set([system.classifiedByPersonID].compactMap { $0 }), tenant: tenant, on: db)
            content = .classification(
                .init(
                    draft: draft, classifiedByName: system.classifiedByPersonID.flatMap { classifier[$0] },
                    isExpired: draft.classification.validUntil.map { $0 < context.today } ?? false))
        case .history:
            let entries = try await SystemHistory.entries(for: id, tenant: tenant, on: db)
            content = .history(
                entries.map {
                    .init(
                        at: $0.at, actor: $0.actor, action: $0.action, objectType: $0.objectType, label: $0.objectLabel,
                        message: $0.message, requestID: $0.requestID,
                        changes: AuditChange.diff(before: $0.before, after: $0.after))
                })
        }
        return Self(
            tenantSlug: tenant.slug, id: id, name: system.name, aliases: system.aliases, category: system.category,
            lifecycle: system.lifecycleStatus, criticality: system.criticality,
            gaps: gaps.map { gapText($0, context: context, lang: lang) }, tab: tab, content: content)
    }

    private static func roles(
        system: ITSystem, gaps: [RoleGap], context: RegisterContext, lang: UILanguage, on db: any Database
    ) async throws -> SystemShowPage.Roles {
        let tenant = context.tenant
        let assignments = try await RoleAssignment.scoped(to: tenant, on: db).filter(\.$systemID == system.requireID())
            .all()
        let personIDs = Set(assignments.flatMap { [$0.personID, $0.appointedByPersonID].compactMap { $0 } })
        let people = try await Person.scoped(to: tenant, on: db).filter(\.$id ~~ Array(personIDs)).all()
        let byID = Dictionary(uniqueKeysWithValues: people.map { ($0.id!, $0) })
        let roleTypes = context.roleTypesByID
        func row(_ a: RoleAssignment) -> SystemShowPage.RoleRow {
            .init(
                id: a.id!, roleName: roleTypes[a.roleTypeID]?.name[lang] ?? "?", personID: a.personID,
                personName: byID[a.personID]?.name ?? "?", personIsActive: byID[a.personID]?.isActive ?? false,
                holding: a.holding, validFrom: a.validFrom, validTo: a.validTo,
                appointedBy: a.appointedByPersonID.flatMap { byID[$0]?.name }, decisionReference: a.decisionReference)
        }
        let order = Dictionary(uniqueKeysWithValues: context.roleTypes.enumerated().map { ($0.element.id!, $0.offset) })
        let sorted = assignments.sorted {
            (order[$0.roleTypeID] ?? 99, $0.holding == .primary ? 0 : 1, $0.validFrom) < (
                order[$1.roleTypeID] ?? 99, $1.holding == .primary ? 0 : 1, $1.validFrom
            )
        }
        let current = sorted.filter { $0.validTo.map { context.today.iso <= $0 } ?? true }
        let past = sorted.filter { $0.validTo.map { $0 < context.today.iso } ?? false }
        var requirements: [SystemShowPage.RequirementStatus] = []
        if system.lifecycleStatus.isActive {
            for requirement in context.policy.requirements where requirement.categories.contains(system.category) {
                let role = context.roleName(requirement.roleKey, lang)
                requirements.append(
                    .init(
                        text: "\(role) (\(requirement.source))",
                        isMet: !gaps.contains { $0.roleKey == requirement.roleKey && $0.missing == .primary }))
                if requirement.deputyRequired {
                    requirements.append(
                        .init(
                            text: (lang == .sv ? "Ersättare för \(role.lowercased())" : "Deputy \(role.lowercased())")
                                + " (\(requirement.source))",
                            isMet: !gaps.contains { $0.roleKey == requirement.roleKey && $0.missing == .deputy }))
                }
            }
        }
        return .init(current: current.map(row), past: past.map(row), requirements: requirements)
    }
}

extension Optional {
    func asyncMap<T>(_ transform: (Wrapped) async throws -> T) async rethrows -> T? {
        switch self {
        case .some(let value): try await transform(value)
        case .none: nil
        }
    }
}
