import Fluent
import Foundation
import StyrbordCore
import Vapor

/// Appointing people to roles (D2, L1, T11): the checks that need the register, and the writes.
enum RoleAssignmentRules {
    static let objectType = RoleAssignment.objectType

    /// What an assignment is held for, resolved against the tenant.
    struct ScopeTarget: Sendable {
        var kind: RoleScopeKind
        var id: UUID?
        var name: String
    }

    /// Normalizes and checks a draft; throws `ValidationFailure` with every issue.
    static func validated(
        _ draft: RoleAssignmentDraft, tenant: Tenant, excluding id: UUID? = nil, on db: any Database
    ) async throws -> (RoleAssignmentDraft, RoleType, Person, ScopeTarget) {
        let (d, draftIssues) = draft.checked()
        var v = Validator()
        v.merge(draftIssues)
        let role = try await RoleType.scoped(to: tenant, on: db).filter(\.$id == d.roleTypeId).first()
        if role == nil { v.add("roleTypeId", sv: "Rollen finns inte.", en: "The role does not exist.") }
        let person = try await Person.scoped(to: tenant, on: db).filter(\.$id == d.personId).first()
        if person == nil {
            v.add("personId", sv: "Personen finns inte.", en: "The person does not exist.")
        } else if person?.isActive == false {
            v.add(
                "personId", sv: "\(person!.name) har slutat och kan inte få en ny roll.",
                en: "\(person!.name) has left and can't be given a new role.")
        }
        if let appointer = d.appointedByPersonId,
            try await Person.scoped(to: tenant, on: db).filter(\.$id == appointer).first() == nil
        {
            v.add(
                "appointedByPersonId", sv: "Personen som utsåg finns inte.", en: "The appointing person does not exist."
            )
        }
        if let role { v.merge(d.validate(againstRoleScope: role.scope)) }
        let target = try await scopeTarget(kind: d.scope, id: d.scopeId, tenant: tenant, on: db)
        if target == nil && d.scope != .tenant && d.scopeId != nil {
            v.add("scopeId", sv: "Det rollen ska gälla för finns inte.", en: "What the role is for does not exist.")
        }
        if v.isValid, let role, let person {
            // The same person can't hold the same role for the same thing twice in overlapping periods.
            let existing = try await RoleAssignment.scoped(to: tenant, on: db)
                .filter(\.$roleTypeID == d.roleTypeId).filter(\.$personID == d.personId).filter(\.$scope == d.scope)
                .all()
                .filter { $0.id != id && $0.scopeID == d.scopeId }
            let overlaps = existing.contains { other in
                let otherEnd = other.validTo ?? "9999-12-31", end = d.validTo?.iso ?? "9999-12-31"
                return other.validFrom <= end && d.validFrom.iso <= otherEnd
            }
            if overlaps {
                v.add(
                    "personId",
                    sv: "\(person.name) har redan rollen \(role.nameSv.lowercased()) här under samma period.",
                    en: "\(person.name) already holds the role \(role.nameEn.lowercased()) here in the same period.")
            }
        }
        try v.throwIfAny()
        return (d, role!, person!, target ?? ScopeTarget(kind: .tenant, id: nil, name: tenant.name))
    }

    /// The system, förvaltningsobjekt or org unit an assignment is for, if it exists in the tenant.
    static func scopeTarget(
        kind: RoleScopeKind, id: UUID?, tenant: Tenant, on db: any Database
    ) async throws -> ScopeTarget? {
        switch kind {
        case .tenant:
            return ScopeTarget(kind: .tenant, id: nil, name: tenant.name)
        case .system:
            guard let id,
                let s = try await ITSystem.scoped(to: tenant, on: db).filter(\.$id == id).field(\.$id).field(\.$name)
                    .first()
            else { return nil }
            return ScopeTarget(kind: .system, id: id, name: s.name)
        case .orgUnit:
            guard let id, let u = try await OrgUnit.scoped(to: tenant, on: db).filter(\.$id == id).first() else {
                return nil
            }
            return ScopeTarget(kind: .orgUnit, id: id, name: u.name)
        case .managementObject:
            guard let id, let m = try await ManagementObject.scoped(to: tenant, on: db).filter(\.$id == id).first()
            else { return nil }
            return ScopeTarget(kind: .managementObject, id: id, name: m.name)
        }
    }

    /// "Systemförvaltare: Mats Malm (ersättare) – Procapita": how the assignment reads in history.
    static func label(role: RoleType, person: Person, holding: RoleHolding, target: ScopeTarget) -> String {
        "\(role.nameSv): \(person.name)\(holding == .deputy ? " (ersättare)" : "") – \(target.name)"
    }

    static func create(
        _ draft: RoleAssignmentDraft, tenant: Tenant, actor: AuditActor, on db: any Database
    ) async throws -> RoleAssignment {
        let (d, role, person, target) = try await validated(draft, tenant: tenant, on: db)
        try await actor.access?.appointRole(scope: d.scope, scopeID: d.scopeId, tenant: tenant)
        return try await RecordStore.create(
            RoleAssignment.self, d, tenant: tenant, actor: actor,
            label: label(role: role, person: person, holding: d.holding, target: target), on: db)
    }

    static func update(
        _ assignment: RoleAssignment, with draft: RoleAssignmentDraft, tenant: Tenant, actor: AuditActor,
        message: String? = nil, on db: any Database
    ) async throws -> RoleAssignment {
        let (d, role, person, target) = try await validated(draft, tenant: tenant, excluding: assignment.id, on: db)
        if d.scope != assignment.draft.scope || d.scopeId != assignment.draft.scopeId {
            try await actor.access?.appointRole(scope: d.scope, scopeID: d.scopeId, tenant: tenant)
        }
        return try await RecordStore.update(
            assignment, with: d, actor: actor, message: message,
            label: label(role: role, person: person, holding: d.holding, target: target), on: db)
    }

    /// Ends the assignment: `lastDay` is the last day the role is held. Kept as history, not deleted.
    static func end(
        _ assignment: RoleAssignment, lastDay: CalendarDay, tenant: Tenant, actor: AuditActor, message: String?,
        on db: any Database
    ) async throws {
        var d = assignment.draft
        guard lastDay >= d.validFrom else {
            throw ValidationFailure(issues: [
                ValidationIssue(
                    field: "validTo",
                    message: Localized(
                        sv: "Slutdatum kan inte ligga före startdatum (\(d.validFrom)).",
                        en: "The end date can't be before the start date (\(d.validFrom))."))
            ])
        }
        d.validTo = lastDay
        let label = try await describe(assignment, tenant: tenant, on: db)
        _ = try await RecordStore.update(assignment, with: d, actor: actor, message: message, label: label, on: db)
    }

    static func delete(
        _ assignment: RoleAssignment, tenant: Tenant, actor: AuditActor, message: String?, on db: any Database
    ) async throws {
        let label = try await describe(assignment, tenant: tenant, on: db)
        try await RecordStore.delete(assignment, actor: actor, message: message, label: label, on: db)
    }

    static func describe(_ a: RoleAssignment, tenant: Tenant, on db: any Database) async throws -> String {
        let role = try await RoleType.find(a.roleTypeID, on: db)
        let person = try await Person.find(a.personID, on: db)
        let target = try await scopeTarget(kind: a.scope, id: a.scopeID, tenant: tenant, on: db)
        guard let role, let person, let target else { return "" }
        return label(role: role, person: person, holding: a.holding, target: target)
    }

    /// Where to go back to after changing an assignment: the page of what it is held for.
    static func returnURL(tenant: String, scope: RoleScopeKind, scopeID: UUID?) -> String {
        switch (scope, scopeID) {
        case (.system, let id?): SystemRoutes.tab(tenant, id, .roles)
        case (.orgUnit, let id?): OrgUnitRoutes.show(tenant, id)
        case (.managementObject, let id?): ManagementObjectRoutes.show(tenant, id)
        default: RoleRoutes.index(tenant)
        }
    }
}
