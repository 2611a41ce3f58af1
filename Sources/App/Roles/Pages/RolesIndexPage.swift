import Foundation
import Plot
import StyrbordCore

/// Municipality-wide roles, roles per förvaltning and the role catalogue.
struct RolesIndexPage: Page {
    struct Holder {
        var assignmentID: UUID
        var personID: UUID
        var name: String
        var holding: RoleHolding
        var validFrom: String
    }

    struct TenantRole {
        var roleID: UUID
        var name: String
        var holders: [Holder]
    }

    struct UnitRow {
        var unitID: UUID
        var name: String
        /// One list of holders per role in `unitRoleNames`.
        var holders: [[Holder]]
    }

    struct CatalogueRow {
        var name: String
        var scope: RoleScopeKind
        var duties: String
        var source: String
    }

    struct Model {
        var tenantSlug: String
        var tenantRoles: [TenantRole]
        var unitRoleNames: [String]
        var unitRoleIDs: [UUID]
        var unitRows: [UnitRow]
        var catalogue: [CatalogueRow]
    }

    let model: Model
    let ctx: PageContext

    var title: String { ctx.t("Roller", "Roles") }
    var section: NavSection? { .roles }
    var breadcrumbs: [Breadcrumb] { [Breadcrumb(title: ctx.tenant?.name ?? ""), Breadcrumb(title: title)] }

    private func holders(_ list: [Holder]) -> Node<HTML.BodyContext> {
        list.isEmpty
            ? .span(.class("badge badge-warning"), .text(ctx.t("Vakant", "Vacant")))
            : .ul(
                .class("plain"),
                .forEach(list) { h in
                    .li(
                        .a(.link(PersonRoutes.show(model.tenantSlug, h.personID)), .safe(h.name)),
                        .if(h.holding == .deputy, .text(ctx.t(" (ersättare)", " (deputy)"))),
                        .text(" "),
                        .a(
                            .class("small"), .link(RoleRoutes.endAssignment(model.tenantSlug, h.assignmentID)),
                            .ariaLabel(ctx.t("Avsluta \(h.name)s roll", "End \(h.name)'s role")),
                            .text(ctx.t("Avsluta", "End"))))
                })
    }

    var content: Node<HTML.BodyContext> {
        .group(
            .h1(.text(title)),
            .h2(.text(ctx.t("Kommunövergripande roller", "Municipality-wide roles"))),
            Components.tableWrap(
                ctx.t("Kommunövergripande roller", "Municipality-wide roles"),
                .table(
                    .thead(
                        .tr(
                            Components.header(ctx.t("Roll", "Role")), Components.header(ctx.t("Innehavare", "Holders")),
                            Components.header(ctx.t("Åtgärder", "Actions")))),
                    .tbody(
                        .forEach(model.tenantRoles) { role in
                            .tr(
                                .th(.attribute(named: "scope", value: "row"), .safe(role.name)),
                                .td(holders(role.holders)),
                                .td(
                                    .a(
                                        .link(
                                            RoleRoutes.newAssignment(
                                                model.tenantSlug, scope: .tenant, scopeID: nil, role: role.roleID)),
                                        .ariaLabel(
                                            ctx.t(
                                                "Tilldela \(role.name.lowercased())", "Assign \(role.name.lowercased())"
                                            )),
                                        .text(ctx.t("Tilldela", "Assign"))))
                            )
                        }))),
            .if(
                !model.unitRoleNames.isEmpty,
                .group(
                    .h2(.text(ctx.t("Roller per förvaltning och bolag", "Roles per administration and company"))),
                    model.unitRows.isEmpty
                        ? .p(
                            .class("muted"),
                            .text(ctx.t("Inga förvaltningar registrerade.", "No administrations registered.")))
                        : Components.tableWrap(
                            ctx.t("Roller per förvaltning och bolag", "Roles per administration and company"),
                            .table(
                                .thead(
                                    .tr(
                                        Components.header(ctx.t("Förvaltning/bolag", "Administration/company")),
                                        .forEach(model.unitRoleNames) { Components.header($0) })),
                                .tbody(
                                    .forEach(model.unitRows) { row in
                                        .tr(
                                            .th(
                                                .attribute(named: "scope", value: "row"),
                                                .a(
                                                    .link(OrgUnitRoutes.show(model.tenantSlug, row.unitID)),
                                                    .safe(row.name))),
                                            .forEach(Array(row.holders.enumerated())) { index, list in
                                                .td(
                                                    holders(list), .text(" "),
                                                    .a(
                                                        .class("small"),
                                                        .link(
                                                            RoleRoutes.newAssignment(
                                                                model.tenantSlug, scope: .orgUnit, scopeID: row.unitID,
                                                                role: model.unitRoleIDs[index])),
                                                        .ariaLabel(
                                                            ctx.t(
                                                                "Tilldela \(model.unitRoleNames[index].lowercased()) för \(row.name)",
                                                                "Assign \(model.unitRoleNames[index].lowercased()) for \(row.name)"
                                                            )),
                                                        .text(ctx.t("Tilldela", "Assign"))))
                                            }
                                        )
                                    }))))),
            .h2(.text(ctx.t("Rollkatalog", "Role catalogue"))),
            .p(
                .class("hint"),
                .text(
                    ctx.t(
                        "Rollerna och deras ansvar enligt kommunens riktlinjer. Hänvisningen anger var kravet kommer ifrån.",
                        "The roles and their duties under the municipality's guidelines. The reference says where the requirement comes from."
                    ))),
            Components.tableWrap(
                ctx.t("Rollkatalog", "Role catalogue"),
                .table(
                    .thead(
                        .tr(
                            Components.header(ctx.t("Roll", "Role")),
                            Components.header(ctx.t("Gäller för", "Held for")),
                            Components.header(ctx.t("Ansvar", "Duties")), Components.header(ctx.t("Källa", "Source")))),
                    .tbody(
                        .forEach(model.catalogue) { row in
                            .tr(
                                .th(.attribute(named: "scope", value: "row"), .safe(row.name)),
                                .td(.safe(ctx.t(row.scope.label))), .td(.safe(row.duties)), .td(.safe(row.source)))
                        })))
        )
    }
}
