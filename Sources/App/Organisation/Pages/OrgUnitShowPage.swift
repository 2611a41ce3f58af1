import Fluent
import Foundation
import Plot
import StyrbordCore

/// One org unit: its place in the tree, its manager, sub-units, systems, people and roles.
struct OrgUnitShowPage: Page {
    /// A unit, system or person to link to.
    struct Link: Sendable {
        var id: UUID
        var name: String
    }

    struct ChildRow: Sendable {
        var id: UUID
        var name: String
        var kind: OrgUnitKind
    }

    struct PersonRow: Sendable {
        var id: UUID
        var name: String
        var title: String
        var isActive: Bool
    }

    struct Model: Sendable {
        var tenantSlug: String
        var id: UUID
        var draft: OrgUnitDraft
        /// The units above this one, from the root down.
        var ancestors: [Link]
        var manager: PersonRow?
        var children: [ChildRow]
        var ownedSystems: [Link]
        var usedSystems: [Link]
        var people: [PersonRow]
        var roles: [ScopedRoles.Row]
    }

    let model: Model
    let ctx: PageContext

    var title: String { model.draft.name }
    var section: NavSection? { .organisation }
    var breadcrumbs: [Breadcrumb] {
        [Breadcrumb(title: ctx.t("Organisation", "Organisation"), url: OrgUnitRoutes.index(model.tenantSlug))]
            + model.ancestors.map { Breadcrumb(title: $0.name, url: OrgUnitRoutes.show(model.tenantSlug, $0.id)) }
            + [Breadcrumb(title: model.draft.name)]
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
                    Components.buttonLink(ctx.t("Redigera", "Edit"), url: OrgUnitRoutes.edit(slug, model.id)),
                    Components.buttonLink(
                        ctx.t("Ta bort", "Delete"), url: OrgUnitRoutes.delete(slug, model.id), secondary: true))),
            Components.facts([
                (ctx.t("Typ", "Kind"), .safe(ctx.t(d.kind.label))),
                (ctx.t("Förkortning", "Short name"), Components.textOrDash(d.shortName, ctx)),
                (
                    ctx.t("Ingår i", "Part of"),
                    model.ancestors.last.map { .a(.link(OrgUnitRoutes.show(slug, $0.id)), .safe($0.name)) }
                        ?? .text(ctx.t("Högsta nivån", "Top level"))
                ),
                (ctx.t("Chef", "Manager"), model.manager.map(personLink) ?? Components.textOrDash(nil, ctx)),
            ]),
            childrenSection,
            systemsSection,
            peopleSection,
            ScopedRoles.section(
                model.roles, assignURL: RoleRoutes.newAssignment(slug, scope: .orgUnit, scopeID: model.id),
                tenantSlug: slug, ctx: ctx)
        )
    }

    private func personLink(_ p: PersonRow) -> Node<HTML.BodyContext> {
        .group(
            .a(.link(PersonRoutes.show(model.tenantSlug, p.id)), .safe(p.name)),
            .if(!p.isActive, .group(.text(" "), Components.badge(ctx.t("Har slutat", "Has left"), kind: "warning"))))
    }

    private var childrenSection: Node<HTML.BodyContext> {
        .group(
            .h2(.text(ctx.t("Underenheter", "Sub-units"))),
            model.children.isEmpty
                ? .p(.class("muted"), .text(ctx.t("Inga underenheter.", "No sub-units.")))
                : .ul(
                    .forEach(model.children) { child in
                        .li(
                            .a(.link(OrgUnitRoutes.show(model.tenantSlug, child.id)), .safe(child.name)), .text(" – "),
                            .safe(ctx.t(child.kind.label)))
                    }),
            .p(
                .if(!ctx.mayAdminister, .attribute(named: "hidden")),
                Components.buttonLink(
                    ctx.t("Lägg till underenhet", "Add sub-unit"),
                    url: OrgUnitRoutes.new(model.tenantSlug, parent: model.id),
                    secondary: true))
        )
    }

    private var systemsSection: Node<HTML.BodyContext> {
        .group(
            .h2(.text(ctx.t("System", "Systems"))),
            .h3(.text(ctx.t("Äger", "Owns"))),
            systemList(model.ownedSystems, empty: ctx.t("Enheten äger inga system.", "The unit owns no systems.")),
            .if(
                !model.usedSystems.isEmpty,
                .group(
                    .h3(.text(ctx.t("Använder", "Uses"))),
                    systemList(model.usedSystems, empty: ""))),
            .p(
                .a(
                    .link(SystemRoutes.index(model.tenantSlug, query: [("orgUnit", model.id.uuidString)])),
                    .text(
                        ctx.t(
                            "Visa enhetens system i systemregistret (med underenheterna)",
                            "Show the unit's systems in the register (with sub-units)"))))
        )
    }

    private func systemList(_ systems: [Link], empty: String) -> Node<HTML.BodyContext> {
        systems.isEmpty
            ? .p(.class("muted"), .safe(empty))
            : .ul(.forEach(systems) { .li(.a(.link(SystemRoutes.show(model.tenantSlug, $0.id)), .safe($0.name))) })
    }

    private var peopleSection: Node<HTML.BodyContext> {
        .group(
            .h2(.text(ctx.t("Personer", "People"))),
            model.people.isEmpty
                ? .p(.class("muted"), .text(ctx.t("Inga personer hör till enheten.", "Nobody belongs to the unit.")))
                : .ul(
                    .forEach(model.people) { p in
                        .li(personLink(p), .if(!p.title.isEmpty, .safe(", \(p.title)")))
                    })
        )
    }
}

extension OrgUnitShowPage.Model {
    static func load(
        unit: OrgUnit, tenant: Tenant, today: CalendarDay, lang: UILanguage, on db: any Database
    ) async throws -> Self {
        let id = try unit.requireID()
        let tree = OrgTree(units: try await OrgUnit.scoped(to: tenant, on: db).all())
        let owned = try await ITSystem.scoped(to: tenant, on: db).filter(\.$ownerOrgUnitID == id).sort(\.$sortKey).all()
        let usedIDs = try await SystemUserOrgUnit.query(on: db).filter(\.$orgUnitID == id).all().map(\.systemID)
        let used =
            usedIDs.isEmpty
            ? [] : try await ITSystem.scoped(to: tenant, on: db).filter(\.$id ~~ usedIDs).sort(\.$sortKey).all()
        let people = try await Person.scoped(to: tenant, on: db).filter(\.$orgUnitID == id).sort(\.$sortKey).all()
        let manager =
            try await unit.managerPersonID.asyncMap {
                try await Person.scoped(to: tenant, on: db).filter(\.$id == $0).first()
            } ?? nil
        func row(_ p: Person) -> OrgUnitShowPage.PersonRow {
            .init(id: p.id!, name: p.name, title: p.title, isActive: p.isActive)
        }
        return Self(
            tenantSlug: tenant.slug, id: id, draft: unit.draft,
            ancestors: tree.path(id).dropLast().map { .init(id: $0.id, name: $0.name) },
            manager: manager.map(row),
            children: tree.children(of: id).map { .init(id: $0.id, name: $0.name, kind: $0.kind) },
            ownedSystems: owned.map { .init(id: $0.id!, name: $0.name) },
            usedSystems: used.map { .init(id: $0.id!, name: $0.name) },
            people: people.map(row),
            roles: try await ScopedRoles.load(scope: .orgUnit, id: id, tenant: tenant, today: today, lang: lang, on: db)
        )
    }
}
