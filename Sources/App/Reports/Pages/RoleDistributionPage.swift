import Foundation
import Plot
import StyrbordCore

/// L1: the report "Rollfördelning över IT-system", printable.
struct RoleDistributionPage: Page {
    struct Model {
        var tenantSlug: String
        var report: RoleDistribution
        var orgOptions: [(value: String, label: String)]
        var orgUnitID: UUID?
        var includeDecommissioned: Bool
    }

    let model: Model
    let ctx: PageContext

    var title: String { ctx.t("Rollfördelning över IT-system", "Role distribution across IT systems") }
    var section: NavSection? { .reports }
    var breadcrumbs: [Breadcrumb] { [Breadcrumb(title: ctx.tenant?.name ?? ""), Breadcrumb(title: title)] }

    private var query: [(String, String)] {
        [
            ("orgUnit", model.orgUnitID?.uuidString ?? ""),
            ("includeDecommissioned", model.includeDecommissioned ? "true" : ""),
        ]
    }

    var content: Node<HTML.BodyContext> {
        let f = FormBuilder(
            ctx: ctx,
            values: FormData([
                "orgUnit": [model.orgUnitID?.uuidString ?? ""],
                "includeDecommissioned": model.includeDecommissioned ? ["true"] : [],
            ]))
        let report = model.report
        let gapCount = report.rows.filter { !$0.gaps.isEmpty }.count
        return .group(
            .div(
                .class("page-heading"),
                .h1(.text(title)),
                .div(
                    .class("actions no-print"),
                    Components.buttonLink(
                        ctx.t("Ladda ner CSV (Excel)", "Download CSV (Excel)"),
                        url: ReportRoutes.roleDistributionCSV(model.tenantSlug, query: query), secondary: true),
                    .el(
                        "button", .attr("type", "button"), .attr("class", "button secondary"),
                        .attr("data-action", "print"), .attr("hidden", ""),
                        .text(ctx.t("Skriv ut", "Print"))))),
            .p(
                .text(
                    ctx.t(
                        "Vem som har vilken roll för varje system i dag, \(report.today.iso) (L1). † betyder att personen har slutat.",
                        "Who holds which role for every system today, \(report.today.iso) (L1). † means the person has left."
                    ))),
            .el(
                "form", .attr("method", "get"), .attr("action", ReportRoutes.roleDistribution(model.tenantSlug)),
                .attr("class", "filters no-print"),
                f.select(
                    "orgUnit", label: ctx.t("Förvaltning", "Administration"), options: model.orgOptions,
                    emptyLabel: ctx.t("Alla", "All")),
                f.checkbox(
                    "includeDecommissioned",
                    label: ctx.t("Visa även avvecklade system", "Also show decommissioned systems")),
                .div(.class("filter-actions"), f.submit(ctx.t("Visa", "Show")))),
            .p(
                .attribute(named: "role", value: "status"),
                .text(
                    ctx.t(
                        "\(report.rows.count) system, varav \(gapCount) saknar någon obligatorisk roll.",
                        "\(report.rows.count) systems, \(gapCount) of which lack a required role."))),
            Components.tableWrap(
                title, extraClass: "report",
                .table(
                    .class("matrix"),
                    .caption(.class("visually-hidden"), .text(title)),
                    .thead(
                        .tr(
                            Components.header(ctx.t("System", "System")),
                            Components.header(ctx.t("Förvaltning", "Administration")),
                            .forEach(report.roles) { Components.header($0.name[ctx.lang]) })),
                    .tbody(
                        .forEach(report.rows) { row in
                            .tr(
                                .th(
                                    .attribute(named: "scope", value: "row"),
                                    .a(.link(SystemRoutes.tab(model.tenantSlug, row.systemID, .roles)), .safe(row.name))
                                ),
                                .td(Components.textOrDash(row.owner, ctx)),
                                .forEach(report.roles) { role in
                                    let holders = row.holders[role.key] ?? []
                                    let missing = row.gaps.filter { $0.roleKey == role.key }
                                    return .td(
                                        .if(
                                            !holders.isEmpty, .safe(RoleDistribution.cellText(holders, lang: ctx.lang))),
                                        .forEach(missing) { gap in
                                            .group(
                                                .if(!holders.isEmpty, .br()),
                                                Components.badge(
                                                    gap.missing == .primary
                                                        ? ctx.t("Saknas", "Missing")
                                                        : ctx.t("Ersättare saknas", "Deputy missing"), kind: "warning"))
                                        })
                                }
                            )
                        })))
        )
    }
}
