import Foundation
import Plot
import StyrbordCore

/// A supplier, the systems it supplies or runs and its contracts.
struct SupplierShowPage: Page {
    struct Model {
        var tenantSlug: String
        var id: UUID
        var draft: SupplierDraft
        var systems: [(id: UUID, name: String, role: String)]
        var contracts: [(id: UUID, system: String, title: String, endsOn: String)]
    }

    let model: Model
    let ctx: PageContext

    var title: String { model.draft.name }
    var section: NavSection? { .suppliers }
    var breadcrumbs: [Breadcrumb] {
        [
            Breadcrumb(title: ctx.t("Leverantörer", "Suppliers"), url: SupplierRoutes.index(model.tenantSlug)),
            Breadcrumb(title: model.draft.name),
        ]
    }

    var content: Node<HTML.BodyContext> {
        let d = model.draft
        return .group(
            .div(
                .class("page-heading"),
                .h1(.safe(d.name)),
                .div(
                    .class("actions"), .if(!ctx.mayAdminister, .attribute(named: "hidden")),
                    Components.buttonLink(
                        ctx.t("Redigera", "Edit"), url: SupplierRoutes.edit(model.tenantSlug, model.id)),
                    Components.buttonLink(
                        ctx.t("Ta bort", "Delete"), url: SupplierRoutes.delete(model.tenantSlug, model.id),
                        secondary: true))),
            Components.facts([
                (ctx.t("Organisationsnummer", "Organisation number"), Components.textOrDash(d.organisationNumber, ctx)),
                (ctx.t("Kontaktperson", "Contact"), Components.textOrDash(d.contactName, ctx)),
                (
                    ctx.t("E-post", "E-mail"),
                    d.email.isEmpty ? Components.textOrDash(nil, ctx) : .a(.link("mailto:" + d.email), .safe(d.email))
                ),
                (ctx.t("Telefon", "Phone"), Components.textOrDash(d.phone, ctx)),
                (
                    ctx.t("Webbplats", "Website"),
                    d.website.isEmpty
                        ? Components.textOrDash(nil, ctx)
                        : .a(.link(d.website), .attribute(named: "rel", value: "noopener"), .safe(d.website))
                ),
                (ctx.t("Anteckningar", "Notes"), Components.textOrDash(d.notes, ctx)),
            ]),
            .h2(.text(ctx.t("System", "Systems"))),
            model.systems.isEmpty
                ? .p(.class("muted"), .text(ctx.t("Inga system.", "No systems.")))
                : .ul(
                    .forEach(model.systems) { s in
                        .li(
                            .a(.link(SystemRoutes.show(model.tenantSlug, s.id)), .safe(s.name)),
                            .text(
                                s.role == "supplier"
                                    ? ""
                                    : s.role == "operator"
                                        ? ctx.t(" (driftpartner)", " (operator)")
                                        : ctx.t(" (leverantör och driftpartner)", " (supplier and operator)")))
                    }),
            .h2(.text(ctx.t("Avtal", "Contracts"))),
            model.contracts.isEmpty
                ? .p(.class("muted"), .text(ctx.t("Inga avtal.", "No contracts.")))
                : .ul(
                    .forEach(model.contracts) { c in
                        .li(
                            .a(
                                .link(SystemRoutes.tab(model.tenantSlug, c.id, .contracts)),
                                .safe("\(c.system): \(c.title)")),
                            .if(!c.endsOn.isEmpty, .text(ctx.t(" – löper ut \(c.endsOn)", " – ends \(c.endsOn)"))))
                    })
        )
    }
}
