import Foundation
import Plot
import StyrbordCore

/// The municipality's incidents, newest first, filtered by kind, status, severity and system; each
/// personal data breach with where its 72 hours stand.
struct IncidentListPage: Page {
    struct Row {
        var id: UUID
        var reference: String
        var title: String
        var kind: String
        var severity: String
        var status: String
        var reportedOn: CalendarDay
        var systems: [String]
        var deadline: String?
    }

    struct Model {
        var tenantSlug: String
        var rows: [Row]
        var filters: FormData
        var systems: [(value: String, label: String)]
    }

    let model: Model
    let ctx: PageContext

    var title: String { ctx.t("Incidenter", "Incidents") }
    var section: NavSection? { .incidents }
    var breadcrumbs: [Breadcrumb] { [Breadcrumb(title: title)] }

    var content: Node<HTML.BodyContext> {
        let f = FormBuilder(ctx: ctx, values: model.filters)
        return .group(
            .div(
                .class("page-heading"),
                .h1(.text(title)),
                .div(
                    .class("actions"),
                    Components.buttonLink(
                        ctx.t("Statistik", "Statistics"), url: IncidentRoutes.statistics(model.tenantSlug),
                        secondary: true),
                    Components.buttonLink(
                        ctx.t("Rapportera incident", "Report an incident"), url: IncidentRoutes.new(model.tenantSlug)))),
            .p(
                .text(
                    ctx.t(
                        "Alla incidenter rapporteras och följs upp (T9); behörighetsincidenter går till de ansvariga för systemet (F5).",
                        "Every incident is reported and followed up (T9); access incidents go to the people responsible for the system (F5)."
                    ))),
            .el(
                "form", .attr("method", "get"), .attr("action", IncidentRoutes.index(model.tenantSlug)),
                .attr("class", "filters"),
                f.select(
                    "kind", label: ctx.t("Slag", "Kind"), options: f.options(IncidentKind.self),
                    emptyLabel: ctx.t("Alla", "All")),
                f.select(
                    "status", label: ctx.t("Status", "Status"), options: f.options(IncidentStatus.self),
                    emptyLabel: ctx.t("Alla", "All")),
                f.select(
                    "severity", label: ctx.t("Allvarlighet", "Severity"), options: f.options(IncidentSeverity.self),
                    emptyLabel: ctx.t("Alla", "All")),
                f.select(
                    "systemId", label: ctx.t("System", "System"), options: model.systems,
                    emptyLabel: ctx.t("Alla", "All")),
                f.submit(ctx.t("Filtrera", "Filter"), secondary: true)),
            model.rows.isEmpty
                ? .p(.class("muted"), .text(ctx.t("Inga incidenter.", "No incidents.")))
                : table())
    }

    private func table() -> Node<HTML.BodyContext> {
        Components.tableWrap(
            title,
            .table(
                .caption(.text(ctx.t("\(model.rows.count) incidenter", "\(model.rows.count) incidents"))),
                .thead(
                    .tr(
                        Components.header(ctx.t("Incident", "Incident")), Components.header(ctx.t("Slag", "Kind")),
                        Components.header(ctx.t("Allvarlighet", "Severity")),
                        Components.header(ctx.t("Status", "Status")), Components.header(ctx.t("System", "Systems")),
                        Components.header(ctx.t("Rapporterad", "Reported")),
                        Components.header(ctx.t("Anmälan till IMY", "Report to IMY")))),
                .tbody(
                    .forEach(model.rows) { r in
                        .tr(
                            .th(
                                .attribute(named: "scope", value: "row"),
                                .a(
                                    .link(IncidentRoutes.show(model.tenantSlug, r.id)),
                                    .safe("\(r.reference) \(r.title)"))),
                            .td(.safe(r.kind)), .td(.safe(r.severity)), .td(.safe(r.status)),
                            .td(
                                Components.textOrDash(r.systems.isEmpty ? nil : r.systems.joined(separator: ", "), ctx)),
                            .td(.text(r.reportedOn.iso)), .td(Components.textOrDash(r.deadline, ctx)))
                    })))
    }
}

/// Incidents per month over the last twelve months, per kind and per system (T9: followed up).
struct IncidentStatisticsPage: Page {
    struct Model {
        var tenantSlug: String
        var statistics: IncidentStatisticsResponse
    }

    let model: Model
    let ctx: PageContext

    var title: String { ctx.t("Incidentstatistik", "Incident statistics") }
    var section: NavSection? { .incidents }
    var breadcrumbs: [Breadcrumb] {
        [
            Breadcrumb(title: ctx.t("Incidenter", "Incidents"), url: IncidentRoutes.index(model.tenantSlug)),
            Breadcrumb(title: ctx.t("Statistik", "Statistics")),
        ]
    }

    var content: Node<HTML.BodyContext> {
        let s = model.statistics
        return .group(
            .h1(.text(title)),
            .p(
                .text(
                    ctx.t(
                        "Antal incidenter per månad de senaste tolv månaderna, efter när de inträffade.",
                        "Incidents per month over the last twelve months, by when they happened."))),
            .h2(.text(ctx.t("Per slag", "By kind"))),
            table(
                caption: ctx.t("Incidenter per slag och månad", "Incidents by kind and month"),
                first: ctx.t("Slag", "Kind"),
                rows: s.byKind.map { (ctx.t($0.kind.label), $0.counts, $0.total) }
                    + [(ctx.t("Alla", "All"), s.totals, s.totals.reduce(0, +))]),
            .h2(.text(ctx.t("Per system", "By system"))),
            s.bySystem.isEmpty
                ? .p(.class("muted"), .text(ctx.t("Inga incidenter med system.", "No incidents with systems.")))
                : table(
                    caption: ctx.t("Incidenter per system och månad", "Incidents by system and month"),
                    first: ctx.t("System", "System"), rows: s.bySystem.map { ($0.name, $0.counts, $0.total) }))
    }

    private func table(caption: String, first: String, rows: [(String, [Int], Int)]) -> Node<HTML.BodyContext> {
        Components.tableWrap(
            caption,
            .table(
                .caption(.text(caption)),
                .thead(
                    .tr(
                        Components.header(first),
                        .forEach(model.statistics.months) { Components.header($0) },
                        Components.header(ctx.t("Summa", "Total")))),
                .tbody(
                    .forEach(rows) { row in
                        .tr(
                            .th(.attribute(named: "scope", value: "row"), .safe(row.0)),
                            .forEach(row.1) { .td(.text(String($0))) }, .td(.text(String(row.2))))
                    })))
    }
}
