import Fluent
import Foundation
import Plot
import StyrbordCore

/// A förvaltningsobjekt: what it is, who owns it, its systems and the roles held for it.
struct ManagementObjectShowPage: Page {
    struct Model: Sendable {
        var tenantSlug: String
        var id: UUID
        var draft: ManagementObjectDraft
        var owner: (id: UUID, name: String)?
        var systems: [(id: UUID, name: String)]
        var roles: [ScopedRoles.Row]
    }

    let model: Model
    let ctx: PageContext

    var title: String { model.draft.name }
    var section: NavSection? { .managementObjects }
    var breadcrumbs: [Breadcrumb] {
        [
            Breadcrumb(
                title: ctx.t("Förvaltningsobjekt", "Management objects"),
                url: ManagementObjectRoutes.index(model.tenantSlug)),
            Breadcrumb(title: model.draft.name),
        ]
    }

    var content: Node<HTML.BodyContext> {
        let d = model.draft
        let slug = model.tenantSlug
        return .group(
            .div(
                .class("page-heading"),
                .h1(.safe(d.name)),
                .div(
                    .class("actions"), .if(!ctx.mayAdminister, .attribute(named: "hidden")),
                    Components.buttonLink(ctx.t("Redigera", "Edit"), url: ManagementObjectRoutes.edit(slug, model.id)),
                    Components.buttonLink(
                        ctx.t("Ta bort", "Delete"), url: ManagementObjectRoutes.delete(slug, model.id), secondary: true)
                )),
            .if(
                !d.description.isEmpty,
                .div(.class("description"), .forEach(d.description.components(separatedBy: "\n\n")) { .p(.safe($0)) })),
            Components.facts([
                (
                    ctx.t("Ägande organisationsenhet", "Owning org unit"),
                    model.owner.map { .a(.link(OrgUnitRoutes.show(slug, $0.id)), .safe($0.name)) }
                        ?? Components.textOrDash(nil, ctx)
                ),
                (ctx.t("Antal system", "Number of systems"), .text("\(model.systems.count)")),
            ]),
            .h2(.text(ctx.t("System", "Systems"))),
            model.systems.isEmpty
                ? .p(
                    .class("muted"),
                    .text(
                        ctx.t(
                            "Inga system hör till objektet. Välj objektet på systemets sida.",
                            "No systems belong to the object. Choose the object on the system's page.")))
                : .ul(.forEach(model.systems) { .li(.a(.link(SystemRoutes.show(slug, $0.id)), .safe($0.name))) }),
            ScopedRoles.section(
                model.roles, assignURL: RoleRoutes.newAssignment(slug, scope: .managementObject, scopeID: model.id),
                tenantSlug: slug, ctx: ctx)
        )
    }
}

extension ManagementObjectShowPage.Model {
    static func load(
        object: ManagementObject, tenant: Tenant, today: CalendarDay, lang: UILanguage, on db: any Database
    ) async throws -> Self {
        let id = try object.requireID()
        let systems = try await ITSystem.scoped(to: tenant, on: db).filter(\.$managementObjectID == id).sort(\.$sortKey)
            .field(\.$id).field(\.$name).all()
        let owner =
            try await object.ownerOrgUnitID.asyncMap {
                try await OrgUnit.scoped(to: tenant, on: db).filter(\.$id == $0).first()
            } ?? nil
        return Self(
            tenantSlug: tenant.slug, id: id, draft: object.draft, owner: owner.map { ($0.id!, $0.name) },
            systems: systems.map { ($0.id!, $0.name) },
            roles: try await ScopedRoles.load(
                scope: .managementObject, id: id, tenant: tenant, today: today, lang: lang, on: db))
    }
}
