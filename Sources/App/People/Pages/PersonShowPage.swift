import Fluent
import Foundation
import Plot
import StyrbordCore

/// A person: details, the roles they hold and held, and what needs a new holder once they have left.
struct PersonShowPage: Page {
    /// One role assignment and what it is held for.
    struct RoleRow: Sendable {
        var roleName: String
        /// The system, object or unit; nil for a role held for the whole municipality.
        var scopeName: String?
        var scopeURL: String?
        var holding: RoleHolding
        var validFrom: String
        var validTo: String?
        var isOngoing: Bool
    }

    /// The roles held for one kind of scope (systems, org units …).
    struct RoleGroup: Sendable {
        var scope: RoleScopeKind
        var rows: [RoleRow]
    }

    /// An access right the person holds.
    struct AccessRow: Sendable {
        var systemID: UUID
        var systemName: String
        var accessLevel: String
        var grantedOn: String
    }

    struct Model: Sendable {
        var tenantSlug: String
        var id: UUID
        var draft: PersonDraft
        var orgUnit: (id: UUID, name: String)?
        var groups: [RoleGroup]
        /// Access rights in force (T9); each to be removed once the person has left.
        var accessGrants: [AccessRow] = []
        /// L8: when the person confirmed having read the security rules; nil while not.
        var securityRulesConfirmedAt: Date? = nil
        /// The viewer is the person and may confirm.
        var canConfirmSecurityRules = false

        /// Roles still held by someone who has left: each needs a new holder.
        var rolesNeedingNewHolder: [RoleRow] {
            draft.isActive ? [] : groups.flatMap(\.rows).filter(\.isOngoing)
        }
    }

    let model: Model
    let ctx: PageContext

    var title: String { model.draft.name }
    var section: NavSection? { .people }
    var breadcrumbs: [Breadcrumb] {
        [
            Breadcrumb(title: ctx.t("Personer", "People"), url: PersonRoutes.index(model.tenantSlug)),
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
                    Components.buttonLink(ctx.t("Redigera", "Edit"), url: PersonRoutes.edit(slug, model.id)),
                    Components.buttonLink(
                        ctx.t("Ta bort", "Delete"), url: PersonRoutes.delete(slug, model.id), secondary: true))),
            .if(!d.isActive, .p(.class("badges"), Components.badge(leftText, kind: "warning"))),
            vacancyNotice,
            Components.facts([
                (ctx.t("Titel", "Title"), Components.textOrDash(d.title, ctx)),
                (
                    ctx.t("Organisationsenhet", "Org unit"),
                    model.orgUnit.map { .a(.link(OrgUnitRoutes.show(slug, $0.id)), .safe($0.name)) }
                        ?? Components.textOrDash(nil, ctx)
                ),
                (
                    ctx.t("E-post", "E-mail"),
                    d.email.isEmpty ? Components.textOrDash(nil, ctx) : .a(.link("mailto:" + d.email), .safe(d.email))
                ),
                (ctx.t("Telefon", "Phone"), Components.textOrDash(d.phone, ctx)),
                (ctx.t("Status", "Status"), .text(d.isActive ? ctx.t("Aktiv", "Active") : leftText)),
            ]),
            accessSection,
            .h2(.text(ctx.t("Roller", "Roles"))),
            model.groups.isEmpty
                ? .p(
                    .class("muted"),
                    .text(ctx.t("Personen har inte haft någon roll.", "The person has not held any role.")))
                : .forEach(model.groups) { roleGroup($0) }
        )
    }

    /// T9 and L8: the person's access rights, whether they have confirmed the security rules, and, once
    /// they have left, the notice that each grant is to be removed.
    private var accessSection: Node<HTML.BodyContext> {
        let rows = model.accessGrants
        guard !rows.isEmpty || model.securityRulesConfirmedAt != nil else { return .empty }
        let f = FormBuilder(ctx: ctx, values: FormData())
        return .section(
            .id("access"),
            .h2(.text(ctx.t("Behörigheter", "Access rights"))),
            .if(
                !model.draft.isActive && !rows.isEmpty,
                .div(
                    .class("notice warning"), .attribute(named: "role", value: "note"),
                    .p(
                        .text(
                            ctx.t(
                                "\(model.draft.name) har slutat. Behörigheterna nedan ska tas bort.",
                                "\(model.draft.name) has left. The access rights below are to be removed."))))),
            .p(
                .strong(.text(ctx.t("Säkerhetsreglerna: ", "Security rules: "))),
                model.securityRulesConfirmedAt.map {
                    Components.badge(
                        ctx.t(
                            "Lästa, bekräftat \(Components.dateTime($0))", "Read, confirmed \(Components.dateTime($0))"),
                        kind: "ok")
                } ?? Components.badge(ctx.t("Väntar på bekräftelse", "Awaiting confirmation"), kind: "warning")),
            .if(
                model.canConfirmSecurityRules && model.securityRulesConfirmedAt == nil,
                f.form(
                    action: AccessRoutes.confirmSecurityRules(model.tenantSlug, model.id),
                    f.submit(ctx.t("Jag har läst säkerhetsreglerna", "I have read the security rules")))),
            rows.isEmpty
                ? .empty
                : .ul(
                    .forEach(rows) { r in
                        .li(
                            .a(.link(AccessRoutes.system(model.tenantSlug, r.systemID)), .safe(r.systemName)),
                            .safe(": \(r.accessLevel) (" + ctx.t("sedan ", "since ") + r.grantedOn + ")"))
                    }))
    }

    private var leftText: String {
        ctx.t("Har slutat", "Has left") + (model.draft.leftOn.map { ctx.t(" \($0.iso)", " on \($0.iso)") } ?? "")
    }

    /// What the municipality must act on when someone leaves: every role they still hold.
    private var vacancyNotice: Node<HTML.BodyContext> {
        let rows = model.rolesNeedingNewHolder
        guard !rows.isEmpty else { return .empty }
        return .div(
            .class("notice warning"), .attribute(named: "role", value: "note"),
            .attribute(named: "aria-labelledby", value: "vacancy-heading"),
            .h2(
                .class("notice-title"), .id("vacancy-heading"),
                .text(ctx.t("Roller behöver ny innehavare", "Roles need a new holder"))),
            .p(
                .safe(
                    ctx.t(
                        "\(model.draft.name) har slutat men står fortfarande som innehavare av \(rows.count) \(rows.count == 1 ? "roll" : "roller"). Utse en ny innehavare för varje roll och avsluta den gamla tilldelningen.",
                        "\(model.draft.name) has left but is still recorded as holding \(rows.count) \(rows.count == 1 ? "role" : "roles"). Appoint a new holder for each and end the old assignment."
                    ))),
            .ul(
                .forEach(rows) { row in
                    .li(
                        .safe(row.roleName + " (" + ctx.t(row.holding.label).lowercased() + ")"),
                        .text(ctx.t(" för ", " for ")), scopeCell(row))
                }))
    }

    private func scopeCell(_ row: RoleRow) -> Node<HTML.BodyContext> {
        guard let name = row.scopeName else { return .text(ctx.t("hela kommunen", "the whole municipality")) }
        return row.scopeURL.map { .a(.link($0), .safe(name)) } ?? .safe(name)
    }

    private func groupTitle(_ scope: RoleScopeKind) -> String {
        switch scope {
        case .system: ctx.t("System", "Systems")
        case .managementObject: ctx.t("Förvaltningsobjekt", "Management objects")
        case .orgUnit: ctx.t("Organisationsenheter", "Org units")
        case .tenant: ctx.t("Hela kommunen", "Whole municipality")
        }
    }

    private func roleGroup(_ group: RoleGroup) -> Node<HTML.BodyContext> {
        .group(
            .h3(.text(groupTitle(group.scope))),
            Components.tableWrap(
                groupTitle(group.scope),
                .table(
                    .thead(
                        .tr(
                            Components.header(ctx.t("Roll", "Role")),
                            .if(group.scope != .tenant, Components.header(ctx.t("Gäller", "Held for"))),
                            Components.header(ctx.t("Ordinarie/ersättare", "Primary/deputy")),
                            Components.header(ctx.t("Från", "From")),
                            Components.header(ctx.t("Till", "To")), Components.header(ctx.t("Status", "Status")))),
                    .tbody(
                        .forEach(group.rows) { row in
                            .tr(
                                .th(.attribute(named: "scope", value: "row"), .safe(row.roleName)),
                                .if(group.scope != .tenant, .td(scopeCell(row))),
                                .td(.safe(ctx.t(row.holding.label))),
                                .td(.safe(row.validFrom)),
                                .td(Components.textOrDash(row.validTo, ctx)),
                                .td(.text(row.isOngoing ? ctx.t("Nuvarande", "Current") : ctx.t("Avslutad", "Ended"))))
                        })
                ))
        )
    }
}

extension PersonShowPage.Model {
    static func load(
        person: Person, tenant: Tenant, today: CalendarDay, lang: UILanguage, on db: any Database
    ) async throws -> Self {
        let id = try person.requireID()
        let slug = tenant.slug
        let assignments = try await RoleAssignment.scoped(to: tenant, on: db).filter(\.$personID == id).all()
        let roleTypes = Dictionary(
            uniqueKeysWithValues: try await RoleType.scoped(to: tenant, on: db).all().map { ($0.id!, $0) })
        let tree = OrgTree(units: try await OrgUnit.scoped(to: tenant, on: db).all())
        let systemIDs = assignments.compactMap(\.systemID), objectIDs = assignments.compactMap(\.managementObjectID)
        let systems =
            systemIDs.isEmpty
            ? [:]
            : Dictionary(
                uniqueKeysWithValues: try await ITSystem.scoped(to: tenant, on: db)
                    .filter(\.$id ~~ systemIDs).field(\.$id).field(\.$name).all().map { ($0.id!, $0.name) })
        let objects =
            objectIDs.isEmpty
            ? [:]
            : Dictionary(
                uniqueKeysWithValues: try await ManagementObject.scoped(to: tenant, on: db)
                    .filter(\.$id ~~ objectIDs).field(\.$id).field(\.$name).all().map { ($0.id!, $0.name) })
        func row(_ a: RoleAssignment) -> (scope: RoleScopeKind, order: Int, row: PersonShowPage.RoleRow) {
            let (name, url): (String?, String?) =
                switch a.scope {
                case .system:
                    (a.systemID.flatMap { systems[$0] }, a.systemID.map { SystemRoutes.tab(slug, $0, .roles) })
                case .managementObject:
                    (
                        a.managementObjectID.flatMap { objects[$0] },
                        a.managementObjectID.map { ManagementObjectRoutes.show(slug, $0) }
                    )
                case .orgUnit: (tree.name(a.orgUnitID), a.orgUnitID.map { OrgUnitRoutes.show(slug, $0) })
                case .tenant: (nil, nil)
                }
            let role = roleTypes[a.roleTypeID]
            return (
                a.scope, role?.sortOrder ?? Int.max,
                .init(
                    roleName: role?.name[lang] ?? "?", scopeName: a.scope == .tenant ? nil : name ?? "?", scopeURL: url,
                    holding: a.holding, validFrom: a.validFrom, validTo: a.validTo,
                    isOngoing: ScopedRoles.isOngoing(a, on: today))
            )
        }
        // Ongoing roles first; then by what they are held for, catalogue order and start.
        let rows = assignments.map(row).sorted {
            ($0.row.isOngoing ? 0 : 1, $0.row.scopeName ?? "", $0.order, $0.row.validFrom)
                < ($1.row.isOngoing ? 0 : 1, $1.row.scopeName ?? "", $1.order, $1.row.validFrom)
        }
        let groups = RoleScopeKind.allCases.compactMap { scope -> PersonShowPage.RoleGroup? in
            let inScope = rows.filter { $0.scope == scope }.map(\.row)
            return inScope.isEmpty ? nil : .init(scope: scope, rows: inScope)
        }
        let grants = try await AccessGrant.scoped(to: tenant, on: db).filter(\.$personID == id)
            .filter(\.$removedAt == nil).sort(\.$grantedOn).all()
        let grantSystems = try await AccessQueries.systems(grants.map(\.systemID), tenant: tenant, on: db)
        let confirmed = try await AccessQueries.confirmations([id], tenant: tenant, on: db)[id]
        return Self(
            tenantSlug: slug, id: id, draft: person.draft,
            orgUnit: tree.entry(person.orgUnitID).map { ($0.id, $0.name) }, groups: groups,
            accessGrants: grants.map {
                .init(
                    systemID: $0.systemID, systemName: grantSystems[$0.systemID]?.name ?? "",
                    accessLevel: $0.accessLevel,
                    grantedOn: $0.grantedOn)
            }, securityRulesConfirmedAt: confirmed)
    }
}
