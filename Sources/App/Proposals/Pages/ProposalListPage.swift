import Foundation
import Plot
import StyrbordCore

/// The municipality's proposals, newest first, filtered by status and förvaltning.
struct ProposalListPage: Page {
    struct Row {
        var id: UUID
        var diarienummer: String
        var title: String
        var status: String
        var orgUnit: String
        var isUrgent: Bool
    }

    struct Model {
        var tenantSlug: String
        var rows: [Row]
        var total: Int
        var page: Int
        var pageCount: Int
        var status: String
        var orgUnitId: String
        var units: [(value: String, label: String)]
    }

    let model: Model
    let ctx: PageContext

    var title: String { ctx.t("Förslag till IT-insatser", "IT proposals") }
    var section: NavSection? { .proposals }
    var breadcrumbs: [Breadcrumb] { [Breadcrumb(title: ctx.t("Förslag", "Proposals"))] }

    var content: Node<HTML.BodyContext> {
        let f = FormBuilder(
            ctx: ctx, values: FormData(["status": [model.status], "orgUnitId": [model.orgUnitId]]))
        let statuses = Proposal.Status.allCases.map { ($0.rawValue, ctx.t($0.label)) }
        return .group(
            .div(
                .class("page-heading"),
                .h1(.text(title)),
                .div(
                    .class("actions"),
                    Components.buttonLink(
                        ctx.t("Nytt förslag", "New proposal"), url: ProposalRoutes.new(model.tenantSlug)))),
            .el(
                "form", .attr("method", "get"), .attr("action", ProposalRoutes.index(model.tenantSlug)),
                .attr("class", "filters"),
                f.select(
                    "status", label: ctx.t("Status", "Status"), options: statuses, emptyLabel: ctx.t("Alla", "All")),
                f.select(
                    "orgUnitId", label: ctx.t("Förvaltning", "Administration"), options: model.units,
                    emptyLabel: ctx.t("Alla", "All")),
                f.submit(ctx.t("Filtrera", "Filter"), secondary: true)),
            model.rows.isEmpty
                ? .p(.class("muted"), .text(ctx.t("Inga förslag.", "No proposals.")))
                : table(),
            Components.pagination(page: model.page, pageCount: model.pageCount, ctx: ctx) {
                ProposalRoutes.index(
                    model.tenantSlug,
                    query: [("status", model.status), ("orgUnitId", model.orgUnitId), ("page", String($0))])
            })
    }

    private func table() -> Node<HTML.BodyContext> {
        .table(
            .caption(.text(ctx.t("\(model.total) förslag", "\(model.total) proposals"))),
            .thead(
                .tr(
                    Components.header(ctx.t("Diarienummer", "Reference")), Components.header(ctx.t("Rubrik", "Title")),
                    Components.header(ctx.t("Förvaltning", "Administration")),
                    Components.header(ctx.t("Status", "Status")))),
            .tbody(
                .forEach(model.rows) { r in
                    .tr(
                        .td(.safe(r.diarienummer)),
                        .td(
                            .a(.link(ProposalRoutes.show(model.tenantSlug, r.id)), .safe(r.title)),
                            .if(
                                r.isUrgent,
                                .group(.text(" "), Components.badge(ctx.t("Brådskande", "Urgent"), kind: "warning")))),
                        .td(.safe(r.orgUnit)), .td(.safe(r.status)))
                }))
    }
}
