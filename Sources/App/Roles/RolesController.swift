import Fluent
import Foundation
import Plot
import StyrbordCore
import Vapor

/// The roles page: who holds the municipality-wide roles, the roles per org unit, and the catalogue.
struct RolesController {
    @Sendable func index(req: Request) async throws -> Response {
        let tenant = try await req.tenant()
        let ctx = PageContext(request: req, tenant: tenant)
        let today = req.dependencies.today
        let context = try await RegisterContext.load(tenant: tenant, today: today, on: req.db)
        let assignments = try await RoleAssignment.scoped(to: tenant, on: req.db)
            .filter(\.$scope ~~ [RoleScopeKind.tenant, RoleScopeKind.orgUnit]).all()
            .filter { $0.isCurrent(on: today) }
        let people = try await names(of: Set(assignments.map(\.personID)), tenant: tenant, on: req.db)
        func holder(_ a: RoleAssignment) -> RolesIndexPage.Holder {
            .init(
                assignmentID: a.id!, personID: a.personID, name: people[a.personID] ?? "?", holding: a.holding,
                validFrom: a.validFrom)
        }
        let tenantRoles = context.roleTypes.filter { $0.scope == .tenant }.map { role in
            RolesIndexPage.TenantRole(
                roleID: role.id!, name: role.name[ctx.lang],
                holders: assignments.filter { $0.roleTypeID == role.id && $0.scope == .tenant }.map(holder))
        }
        let unitRoles = context.roleTypes.filter { $0.scope == .orgUnit }
        // IT-samordnare and similar roles are held per förvaltning (D4) and per company, not per nämnd.
        let unitRows = context.orgTree.entries.filter { $0.kind == .administration || $0.kind == .company }.map {
            unit in
            RolesIndexPage.UnitRow(
                unitID: unit.id, name: unit.name,
                holders: unitRoles.map { role in
                    assignments.filter { $0.roleTypeID == role.id && $0.orgUnitID == unit.id }.map(holder)
                })
        }
        let catalogue = context.roleTypes.map {
            RolesIndexPage.CatalogueRow(
                name: $0.name[ctx.lang], scope: $0.scope, duties: $0.duties[ctx.lang], source: $0.source)
        }
        let model = RolesIndexPage.Model(
            tenantSlug: tenant.slug, tenantRoles: tenantRoles, unitRoleNames: unitRoles.map { $0.name[ctx.lang] },
            unitRoleIDs: unitRoles.map { $0.id! }, unitRows: unitRows, catalogue: catalogue)
        return RolesIndexPage(model: model, ctx: ctx).render()
    }
}
