import Fluent
import Foundation
import Plot
import StyrbordCore

/// The role assignments held for one org unit or förvaltningsobjekt (IT-samordnare for a
/// förvaltning, D4), as the page of that unit or object lists them. Shared by the organisation and
/// management object pages; a system's own roles tab has its richer version.
enum ScopedRoles {
    /// One assignment as a row.
    struct Row: Sendable {
        var roleName: String
        /// The role's place in the tenant's catalogue, for ordering.
        var roleOrder: Int
        var personID: UUID
        var personName: String
        var personIsActive: Bool
        var holding: RoleHolding
        var validFrom: String
        var validTo: String?
        var isOngoing: Bool
    }

    /// Not yet ended on `day` (`valid_to` is the last day held); a role starting later counts as held.
    static func isOngoing(_ a: RoleAssignment, on day: CalendarDay) -> Bool {
        a.validTo.map { day.iso <= $0 } ?? true
    }

    /// Every assignment for the scope, ongoing first, each group in catalogue order.
    static func load(
        scope: RoleScopeKind, id: UUID, tenant: Tenant, today: CalendarDay, lang: UILanguage,
        on db: any Database
    ) async throws -> [Row] {
        var query = try RoleAssignment.scoped(to: tenant, on: db)
        switch scope {
        case .orgUnit: query = query.filter(\.$orgUnitID == id)
        case .managementObject: query = query.filter(\.$managementObjectID == id)
        case .system: query = query.filter(\.$systemID == id)
        case .tenant: query = query.filter(\.$scope == .tenant)
        }
        let assignments = try await query.all()
        guard !assignments.isEmpty else { return [] }
        let roleTypes = try await RoleType.scoped(to: tenant, on: db).all()
        let types = Dictionary(uniqueKeysWithValues: roleTypes.compactMap { r in r.id.map { ($0, r) } })
        let people = try await Person.scoped(to: tenant, on: db).filter(
            \.$id ~~ Array(Set(assignments.map(\.personID)))
        ).all()
        let byID = Dictionary(uniqueKeysWithValues: people.compactMap { p in p.id.map { ($0, p) } })
        return assignments.map { a in
            Row(
                roleName: types[a.roleTypeID]?.name[lang] ?? "?", roleOrder: types[a.roleTypeID]?.sortOrder ?? Int.max,
                personID: a.personID, personName: byID[a.personID]?.name ?? "?",
                personIsActive: byID[a.personID]?.isActive ?? false, holding: a.holding, validFrom: a.validFrom,
                validTo: a.validTo, isOngoing: isOngoing(a, on: today))
        }.sorted {
            ($0.isOngoing ? 0 : 1, $0.roleOrder, $0.holding == .primary ? 0 : 1, $0.validFrom)
                < ($1.isOngoing ? 0 : 1, $1.roleOrder, $1.holding == .primary ? 0 : 1, $1.validFrom)
        }
    }

    /// The roles section of a unit's or object's page: a "Tilldela roll" link and one table.
    static func section(
        _ rows: [Row], assignURL: String, tenantSlug: String, ctx: PageContext
    ) -> Node<HTML.BodyContext> {
        .group(
            .h2(.text(ctx.t("Roller", "Roles"))),
            .p(Components.buttonLink(ctx.t("Tilldela roll", "Assign role"), url: assignURL, secondary: true)),
            rows.isEmpty
                ? .p(
                    .class("muted"),
                    .text(ctx.t("Ingen har tilldelats någon roll här.", "Nobody has been assigned a role here.")))
                : Components.tableWrap(
                    ctx.t("Roller", "Roles"),
                    .table(
                        .thead(
                            .tr(
                                Components.header(ctx.t("Roll", "Role")), Components.header(ctx.t("Person", "Person")),
                                Components.header(ctx.t("Ordinarie/ersättare", "Primary/deputy")),
                                Components.header(ctx.t("Från", "From")),
                                Components.header(ctx.t("Till", "To")), Components.header(ctx.t("Status", "Status")))),
                        .tbody(
                            .forEach(rows) { row in
                                .tr(
                                    .th(.attribute(named: "scope", value: "row"), .safe(row.roleName)),
                                    .td(
                                        .a(.link(PersonRoutes.show(tenantSlug, row.personID)), .safe(row.personName)),
                                        .if(
                                            !row.personIsActive,
                                            .group(
                                                .text(" "),
                                                Components.badge(ctx.t("Har slutat", "Has left"), kind: "warning")))),
                                    .td(.safe(ctx.t(row.holding.label))),
                                    .td(.safe(row.validFrom)),
                                    .td(Components.textOrDash(row.validTo, ctx)),
                                    .td(
                                        .text(
                                            row.isOngoing ? ctx.t("Nuvarande", "Current") : ctx.t("Avslutad", "Ended")))
                                )
                            })
                    ))
        )
    }
}
