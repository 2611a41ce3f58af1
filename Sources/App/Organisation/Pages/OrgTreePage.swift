import Fluent
import Foundation
import Plot
import StyrbordCore

/// The organisation tree: every unit, indented under its parent, with its kind and its systems.
struct OrgTreePage: Page {
    /// One unit and the units below it.
    struct Item: Sendable {
        var id: UUID
        var name: String
        var shortName: String
        var kind: OrgUnitKind
        /// Systems the unit owns itself.
        var ownedSystems: Int
        /// Systems owned by the unit or any unit below it: what the register's filter shows.
        var subtreeSystems: Int
        var children: [Item]
    }

    struct Model: Sendable {
        var tenantSlug: String
        var tenantName: String
        var roots: [Item]
        var unitCount: Int
    }

    let model: Model
    let ctx: PageContext

    var title: String { ctx.t("Organisation", "Organisation") }
    var section: NavSection? { .organisation }
    var breadcrumbs: [Breadcrumb] { [Breadcrumb(title: model.tenantName), Breadcrumb(title: title)] }

    var content: Node<HTML.BodyContext> {
        .group(
            .div(
                .class("page-heading"),
                .h1(.text(title)),
                .div(
                    .class("actions"), .if(!ctx.mayAdminister, .attribute(named: "hidden")),
                    Components.buttonLink(
                        ctx.t("Ny organisationsenhet", "New org unit"), url: OrgUnitRoutes.new(model.tenantSlug)))),
            .p(.class("result-count"), .text(ctx.t("\(model.unitCount) enheter", "\(model.unitCount) units"))),
            model.roots.isEmpty
                ? .p(
                    .class("empty-state"),
                    .text(
                        ctx.t(
                            "Organisationen är tom. Börja med kommunstyrelsen eller en förvaltning.",
                            "The organisation is empty. Start with the municipal executive board or an administration.")
                    ))
                : .nav(
                    .class("org-tree"), .ariaLabel(ctx.t("Organisationsträd", "Organisation tree")), list(model.roots))
        )
    }

    /// Nested lists, so that the depth is in the structure, not only in the indentation.
    private func list(_ items: [Item]) -> Node<HTML.BodyContext> {
        .ul(
            .forEach(items) { item in
                .li(
                    .a(.link(OrgUnitRoutes.show(model.tenantSlug, item.id)), .safe(item.name)),
                    .if(!item.shortName.isEmpty, .span(.class("muted"), .safe(" (\(item.shortName))"))),
                    .text(" – "), .span(.class("kind"), .safe(ctx.t(item.kind.label))),
                    .text(" – "), systems(item),
                    .if(!item.children.isEmpty, list(item.children)))
            })
    }

    private func systems(_ item: Item) -> Node<HTML.BodyContext> {
        guard item.subtreeSystems > 0 else { return .span(.class("muted"), .text(ctx.t("inga system", "no systems"))) }
        let text =
            ctx.t("\(item.ownedSystems) system", "\(item.ownedSystems) systems")
            + (item.subtreeSystems != item.ownedSystems
                ? ctx.t(" (\(item.subtreeSystems) med underenheterna)", " (\(item.subtreeSystems) with sub-units)")
                : "")
        return .a(.link(SystemRoutes.index(model.tenantSlug, query: [("orgUnit", item.id.uuidString)])), .text(text))
    }
}

extension OrgTreePage.Model {
    static func load(tenant: Tenant, on db: any Database) async throws -> Self {
        let tree = OrgTree(units: try await OrgUnit.scoped(to: tenant, on: db).all())
        let systems = try await ITSystem.scoped(to: tenant, on: db).field(\.$id).field(\.$ownerOrgUnitID).all()
        var owned: [UUID: Int] = [:]
        for system in systems { if let owner = system.ownerOrgUnitID { owned[owner, default: 0] += 1 } }
        func item(_ entry: OrgTree.Entry) -> OrgTreePage.Item {
            let children = tree.children(of: entry.id).map(item)
            let own = owned[entry.id] ?? 0
            return .init(
                id: entry.id, name: entry.name, shortName: entry.shortName, kind: entry.kind, ownedSystems: own,
                subtreeSystems: own + children.reduce(0) { $0 + $1.subtreeSystems }, children: children)
        }
        return Self(
            tenantSlug: tenant.slug, tenantName: tenant.name, roots: tree.entries.filter { $0.depth == 0 }.map(item),
            unitCount: tree.entries.count)
    }
}
