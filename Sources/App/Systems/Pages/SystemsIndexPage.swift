import Foundation
import Plot
import StyrbordCore

/// The system register: search, filters, sortable columns and pages.
struct SystemsIndexPage: Page {
    struct Row: Sendable {
        var id: UUID
        var name: String
        var aliases: [String]
        var category: SystemCategory
        var owner: String?
        var lifecycle: LifecycleStatus
        var criticality: Criticality
        var systemOwners: [String]
        var systemManagers: [String]
        var gaps: [String]
    }

    struct Model: Sendable {
        var tenantSlug: String
        var query: SystemQuery
        var rows: [Row]
        var total: Int
        var pageCount: Int
        var orgOptions: [(value: String, label: String)]
        var roleOptions: [(value: String, label: String)]
        var systemOwnerTitle: String
        var systemManagerTitle: String
        /// Offer "Nytt system" (the administrator and IT-samordnare).
        var canCreate = false
        /// Offer the import (the administrator).
        var canImport = false
    }

    let model: Model
    let ctx: PageContext

    var title: String { ctx.t("Systemregister", "System register") }
    var section: NavSection? { .systems }
    var breadcrumbs: [Breadcrumb] { [Breadcrumb(title: ctx.tenant?.name ?? "", url: nil), Breadcrumb(title: title)] }

    var content: Node<HTML.BodyContext> {
        .group(
            .div(
                .class("page-heading"),
                .h1(.text(title)),
                .div(
                    .class("actions"),
                    model.canCreate
                        ? Components.buttonLink(
                            ctx.t("Nytt system", "New system"), url: SystemRoutes.new(model.tenantSlug))
                        : .empty,
                    Components.buttonLink(
                        ctx.t("Exportera CSV", "Export CSV"),
                        url: TransferRoutes.export(model.tenantSlug, .systems, .csv, query: filterParameters),
                        secondary: true))
            ),
            filters,
            .p(
                .class("result-count"), .attribute(named: "role", value: "status"),
                .text(resultText)),
            model.rows.isEmpty ? emptyState : table,
            Components.pagination(page: model.query.page, pageCount: model.pageCount, ctx: ctx) { page in
                var q = model.query
                q.page = page
                return SystemRoutes.index(model.tenantSlug, query: q.parameters)
            }
        )
    }

    private var filterParameters: [(String, String)] {
        var q = model.query
        q.page = 1
        return q.parameters
    }

    private var resultText: String {
        let n = model.total
        if model.query.isFiltered {
            return ctx.t("\(n) system matchar filtret", "\(n) systems match the filter")
        }
        return ctx.t("\(n) system i registret", "\(n) systems in the register")
    }

    private var filters: Node<HTML.BodyContext> {
        let values = FormData(
            Dictionary(model.query.parameters.map { ($0.0, [$0.1]) }, uniquingKeysWith: { a, _ in a }))
        let f = FormBuilder(ctx: ctx, values: values)
        let any = ctx.t("Alla", "All")
        return .el(
            "form",
            .attr("method", "get"), .attr("action", SystemRoutes.index(model.tenantSlug)), .attr("class", "filters"),
            .attr("role", "search"), .attr("aria-label", ctx.t("Sök och filtrera system", "Search and filter systems")),
            f.input(
                "q", label: ctx.t("Sök", "Search"), type: "search",
                hint: ctx.t(
                    "Namn, alias, beskrivning, produkt eller etikett", "Name, alias, description, product or tag")),
            f.select(
                "category", label: ctx.t("Kategori", "Category"), options: f.options(SystemCategory.self),
                emptyLabel: any),
            f.select(
                "orgUnit", label: ctx.t("Förvaltning", "Administration"), options: model.orgOptions, emptyLabel: any),
            f.select(
                "lifecycle", label: ctx.t("Livscykel", "Lifecycle"), options: f.options(LifecycleStatus.self),
                emptyLabel: any),
            f.select(
                "criticality", label: ctx.t("Kritikalitet", "Criticality"), options: f.options(Criticality.self),
                emptyLabel: any),
            f.select(
                "personalData", label: ctx.t("Personuppgifter", "Personal data"),
                options: f.options(PersonalDataLevel.self), emptyLabel: any),
            f.select(
                "missingRole", label: ctx.t("Saknar obligatorisk roll", "Missing a required role"),
                options: model.roleOptions,
                emptyLabel: ctx.t("Visa alla", "Show all")),
            .unwrap(model.query.sort == .name ? nil : model.query.sort) { sort in
                .selfClosedElement(
                    named: "input",
                    attributes: [.attr("type", "hidden"), .attr("name", "sort"), .attr("value", sort.rawValue)])
            },
            .if(
                model.query.descending,
                .selfClosedElement(
                    named: "input",
                    attributes: [.attr("type", "hidden"), .attr("name", "order"), .attr("value", "desc")])),
            .div(
                .class("filter-actions"),
                f.submit(ctx.t("Filtrera", "Filter")),
                .if(
                    model.query.isFiltered,
                    .a(
                        .class("button secondary"), .link(SystemRoutes.index(model.tenantSlug)),
                        .text(ctx.t("Rensa filter", "Clear filters"))))
            )
        )
    }

    private var emptyState: Node<HTML.BodyContext> {
        .div(
            .class("empty-state"),
            .p(
                .text(
                    model.query.isFiltered
                        ? ctx.t(
                            "Inga system matchar. Prova att ta bort något filter.",
                            "No systems match. Try removing a filter.")
                        : ctx.t(
                            "Registret är tomt. Lägg till ett system eller importera en systemförteckning.",
                            "The register is empty. Add a system or import a system list."))),
            .if(
                model.canImport,
                .p(
                    Components.buttonLink(
                        ctx.t("Importera från Excel (CSV)", "Import from Excel (CSV)"),
                        url: TransferRoutes.importForm(model.tenantSlug), secondary: true)))
        )
    }

    private func sortURL(_ sort: SystemQuery.Sort) -> String {
        var q = model.query
        q.descending = q.sort == sort ? !q.descending : false
        q.sort = sort
        q.page = 1
        return SystemRoutes.index(model.tenantSlug, query: q.parameters)
    }

    private func header(_ title: String, _ sort: SystemQuery.Sort) -> Node<HTML.TableRowContext> {
        Components.sortableHeader(
            title, isCurrent: model.query.sort == sort, descending: model.query.descending, url: sortURL(sort), ctx: ctx
        )
    }

    private var table: Node<HTML.BodyContext> {
        Components.tableWrap(
            title,
            .table(
                .class("register"),
                .caption(
                    .class("visually-hidden"),
                    .text(
                        ctx.t(
                            "System i registret. Klicka på en kolumnrubrik för att sortera.",
                            "Systems in the register. Select a column heading to sort."))),
                .thead(
                    .tr(
                        header(ctx.t("Namn", "Name"), .name),
                        header(ctx.t("Kategori", "Category"), .category),
                        header(ctx.t("Ägande förvaltning", "Owning administration"), .owner),
                        header(ctx.t("Livscykel", "Lifecycle"), .lifecycle),
                        header(ctx.t("Kritikalitet", "Criticality"), .criticality),
                        Components.header(model.systemOwnerTitle),
                        Components.header(model.systemManagerTitle),
                        Components.header(ctx.t("Brister", "Gaps"))
                    )),
                .tbody(
                    .forEach(model.rows) { row in
                        .tr(
                            .th(
                                .attribute(named: "scope", value: "row"),
                                .a(.link(SystemRoutes.show(model.tenantSlug, row.id)), .safe(row.name)),
                                .if(
                                    !row.aliases.isEmpty,
                                    .span(.class("aliases"), .safe(row.aliases.joined(separator: ", "))))),
                            .td(.safe(ctx.t(row.category.label))),
                            .td(Components.textOrDash(row.owner, ctx)),
                            .td(.safe(ctx.t(row.lifecycle.label))),
                            .td(.safe(ctx.t(row.criticality.label))),
                            .td(Components.textOrDash(row.systemOwners.joined(separator: ", "), ctx)),
                            .td(Components.textOrDash(row.systemManagers.joined(separator: ", "), ctx)),
                            .td(
                                row.gaps.isEmpty
                                    ? .span(.class("ok"), .text(ctx.t("Inga", "None")))
                                    : .ul(
                                        .class("gaps"),
                                        .forEach(row.gaps) { .li(Components.badge($0, kind: "warning")) }))
                        )
                    })
            )
        )
    }
}
