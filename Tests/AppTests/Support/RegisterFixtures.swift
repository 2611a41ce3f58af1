import Fluent
import Foundation
import StyrbordCore
import Vapor

@testable import App

/// Fixtures for the organisation, people and förvaltningsobjekt tests.
extension Fixtures {
    static func managementObject(
        _ name: String, owner: OrgUnit? = nil, in tenant: Tenant, on db: any Database
    ) async throws -> ManagementObject {
        let object = ManagementObject(
            id: UUID(), tenantID: try tenant.requireID(),
            draft: ManagementObjectDraft(name: name, ownerOrgUnitId: owner?.id), now: testNow)
        try await object.create(on: db)
        return object
    }

    /// A role type of the tenant's own, for scopes the standard catalogue has none for (förvaltningsobjekt).
    static func customRoleType(
        _ key: String, name: String, scope: RoleScopeKind, in tenant: Tenant, on db: any Database
    ) async throws -> RoleType {
        let definition = RoleDefinition(
            key: key, name: Localized(sv: name, en: name), scope: scope,
            duties: Localized(verbatim: ""), source: "test")
        let role = RoleType(id: UUID(), tenantID: try tenant.requireID(), definition: definition, sortOrder: 100)
        try await role.create(on: db)
        return role
    }

    /// Gives `person` the role `role` for any scope (an org unit, a förvaltningsobjekt, the tenant).
    @discardableResult
    static func assign(
        _ role: RoleType, to person: Person, scope: RoleScopeKind, scopeID: UUID?, holding: RoleHolding = .primary,
        from: CalendarDay = CalendarDay(year: 2024, month: 1, day: 1)!, to: CalendarDay? = nil,
        appointedBy: Person? = nil, in tenant: Tenant, db: any Database
    ) async throws -> RoleAssignment {
        let draft = RoleAssignmentDraft(
            roleTypeId: try role.requireID(), personId: try person.requireID(), scope: scope,
            scopeId: scopeID, holding: holding, validFrom: from, validTo: to,
            appointedByPersonId: appointedBy?.id)
        let assignment = RoleAssignment(id: UUID(), tenantID: try tenant.requireID(), draft: draft, now: testNow)
        try await assignment.create(on: db)
        return assignment
    }
}

/// An administrator called `name`, signed in: history tests check that changes carry the actor's name.
func signedInAdmin(_ name: String, of tenant: Tenant, on app: Application) async throws -> TestUser {
    let email = name.lowercased().replacingOccurrences(of: " ", with: ".") + "@\(tenant.slug).se"
    let account = try await Fixtures.account(email, name: name, admin: true, in: tenant, on: app)
    return .session(try await Fixtures.session(for: account, on: app))
}
