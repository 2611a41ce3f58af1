import Foundation
import Plot
import StyrbordCore

/// The municipality's plans per kind of the governance profile, filtered by kind and year, each with its
/// status and next revision deadline (D3).
struct PlanListPage: Page {
    struct Row {
        var id: UUID
        var title: String
        var years: String
        var system: String?
        var status: String
        var nextRevision: CalendarDay?
        var isOverdue: Bool
    }

    struct KindGroup {
        var key: String
        var name: String
        var revision: String?
        var source: String?
        var rows: [Row]
    }

    struct Model {
        var tenantSlug: String
        var groups: [KindGroup]
        var kinds: [(value: String, label: String)]
        var kind: String
        var year: String
        var canCreate: Bool
    }

    let model: Model
    let ctx: PageContext

    var title: String { ctx.t("Planer", "Plans") }
    var section: NavSection? { .plans }
    var breadcrumbs: [Breadcrumb] { [Breadcrumb(title: title)] }

    var content: Node<HTML.BodyContext> {
        let f = FormBuilder(ctx: ctx, values: FormData(["kind": [model.kind], "year": [model.year]]))
        return .group(
            .div(
                .class("page-heading"),
                .h1(.text(title)),
                .div(
                    .class("actions"), .if(!model.canCreate, .attribute(named: "hidden")),
                    Components.buttonLink(ctx.t("Ny plan", "New plan"), url: PlanRoutes.new(model.tenantSlug)))),
            .p(
                .text(
                    ctx.t(
                        "Planerna styrningsprofilen kräver, med status och när de senast ska revideras.",
                        "The plans the governance profile requires, with their status and revision deadline."))),
            .el(
                "form", .attr("method", "get"), .attr("action", PlanRoutes.index(model.tenantSlug)),
                .attr("class", "filters"),
                f.select("kind", label: ctx.t("Slag", "Kind"), options: model.kinds, emptyLabel: ctx.t("Alla", "All")),
                f.input("year", label: ctx.t("År", "Year"), inputMode: "numeric"),
                f.submit(ctx.t("Filtrera", "Filter"), secondary: true)),
            model.groups.isEmpty
                ? .p(
                    .class("muted"),
                    .text(ctx.t("Styrningsprofilen anger inga planer.", "The governance profile names no plans.")))
                : .forEach(model.groups) { group($0) })
    }

    private func group(_ g: KindGroup) -> Node<HTML.BodyContext> {
        .section(
            .h2(.safe(g.name)),
            .p(
                .class("hint"),
                .safe(
                    [
                        g.revision.map { ctx.t("Revideras minst var ", "Revised at least every ") + $0 + "." },
                        g.source.map { ctx.t("Krav: ", "Requirement: ") + $0 },
                    ].compactMap { $0 }.joined(separator: " "))),
            g.rows.isEmpty
                ? .p(.class("muted"), .text(ctx.t("Inga planer av detta slag.", "No plans of this kind.")))
                : table(g))
    }

    private func table(_ g: KindGroup) -> Node<HTML.BodyContext> {
        Components.tableWrap(
            g.name,
            .table(
                .caption(.safe(ctx.t("\(g.rows.count) planer: ", "\(g.rows.count) plans: ") + g.name)),
                .thead(
                    .tr(
                        Components.header(ctx.t("Plan", "Plan")), Components.header(ctx.t("År", "Years")),
                        Components.header(ctx.t("System", "System")), Components.header(ctx.t("Status", "Status")),
                        Components.header(ctx.t("Revideras senast", "Revise by")))),
                .tbody(
                    .forEach(g.rows) { r in
                        .tr(
                            .th(
                                .attribute(named: "scope", value: "row"),
                                .a(.link(PlanRoutes.show(model.tenantSlug, r.id)), .safe(r.title))),
                            .td(.safe(r.years)), .td(Components.textOrDash(r.system, ctx)), .td(.safe(r.status)),
                            .td(
                                .text(r.nextRevision?.iso ?? "–"),
                                .if(
                                    r.isOverdue,
                                    .group(.text(" "), Components.badge(ctx.t("Försenad", "Overdue"), kind: "error")))))
                    })))
    }
}
