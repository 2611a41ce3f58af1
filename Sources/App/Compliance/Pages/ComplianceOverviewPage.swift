import Foundation
import Plot
import StyrbordCore

/// Efterlevnad: how well the municipality follows its own rules today, per rule and per förvaltning, and
/// over time.
struct ComplianceOverviewPage: Page {
    struct RuleRow: Sendable {
        var id: ComplianceRuleID
        var title: String
        var summary: String
        var requirement: String
        var severity: ComplianceSeverity
        var score: ComplianceScore
        var findingCount: Int
    }

    struct AdministrationRow: Sendable {
        /// Nil: objects without an owning förvaltning.
        var id: UUID?
        var name: String
        var score: ComplianceScore
        var findingCount: Int
    }

    struct TrendRow: Sendable {
        var day: CalendarDay
        var score: ComplianceScore
        var errors: Int
        var warnings: Int
    }

    struct Model: Sendable {
        var tenantSlug: String
        var day: CalendarDay
        var overall: ComplianceScore
        var errors: Int
        var warnings: Int
        var overdue: Int
        var rules: [RuleRow]
        var administrations: [AdministrationRow]
        /// Oldest first.
        var trend: [TrendRow]
        /// The viewer's own findings; nil when the account is not linked to a person in the register.
        var ownFindings: Int?
    }

    let model: Model
    let ctx: PageContext

    var title: String { ctx.t("Efterlevnad", "Compliance") }
    var section: NavSection? { .compliance }
    var breadcrumbs: [Breadcrumb] { [Breadcrumb(title: ctx.tenant?.name ?? ""), Breadcrumb(title: title)] }

    var content: Node<HTML.BodyContext> {
        .group(
            .div(
                .class("page-heading"),
                .h1(.text(title)),
                .div(
                    .class("actions"),
                    Components.buttonLink(
                        ctx.t("Alla avvikelser", "All findings"), url: ComplianceRoutes.findings(model.tenantSlug)),
                    Components.buttonLink(
                        ctx.t("Att göra", "To do"), url: ComplianceRoutes.todo(model.tenantSlug), secondary: true))),
            .p(
                .text(
                    ctx.t(
                        "Hur väl kommunen följer sina egna regler för IT-styrning i dag, \(model.day.iso). Ett objekt följer reglerna när ingen regel har någon avvikelse för det.",
                        "How well the municipality follows its own IT governance rules today, \(model.day.iso). An object complies when no rule finds anything about it."
                    ))),
            summary,
            .h2(.id("per-rule"), .text(ctx.t("Per regel", "Per rule"))),
            rulesTable,
            .h2(.id("per-administration"), .text(ctx.t("Per förvaltning", "Per administration"))),
            administrationsTable,
            .h2(.id("trend"), .text(ctx.t("Över tid", "Over time"))),
            trend
        )
    }

    private var summary: Node<HTML.BodyContext> {
        .div(
            .class("score-summary"),
            .p(
                .class("score-headline"),
                .span(.class("score-figure"), .text(percentText(model.overall))),
                .text(" "),
                .text(
                    ctx.t(
                        "av \(model.overall.checked) kontrollerade objekt följer reglerna (\(model.overall.compliant) st).",
                        "of \(model.overall.checked) checked objects comply (\(model.overall.compliant))."))),
            .ul(
                .class("plain score-counts"),
                .li(
                    FindingsTable.severityBadge(.error, ctx: ctx), .text(" "),
                    .a(
                        .link(ComplianceRoutes.findings(model.tenantSlug, query: [("severity", "error")])),
                        .text(ctx.t("\(model.errors) brister", "\(model.errors) errors")))),
                .li(
                    FindingsTable.severityBadge(.warning, ctx: ctx), .text(" "),
                    .a(
                        .link(ComplianceRoutes.findings(model.tenantSlug, query: [("severity", "warning")])),
                        .text(ctx.t("\(model.warnings) varningar", "\(model.warnings) warnings")))),
                .li(.text(ctx.t("\(model.overdue) är försenade.", "\(model.overdue) are overdue."))),
                .unwrap(model.ownFindings) { own in
                    .li(
                        .a(
                            .link(ComplianceRoutes.todo(model.tenantSlug)),
                            .text(
                                ctx.t(
                                    "\(own) \(own == 1 ? "avvikelse" : "avvikelser") att åtgärda för dig",
                                    "\(own) \(own == 1 ? "finding" : "findings") for you to act on"))))
                })
        )
    }

    private func findingsText(_ n: Int) -> String {
        n == 1 ? ctx.t("1 avvikelse", "1 finding") : ctx.t("\(n) avvikelser", "\(n) findings")
    }

    private func percentText(_ score: ComplianceScore) -> String {
        score.percent.map { "\($0) %" } ?? "–"
    }

    private func scoreCell(_ score: ComplianceScore) -> Node<HTML.TableRowContext> {
        .td(
            .class("number"),
            .unwrap(score.percent) { percent in
                .group(
                    .text("\(percent) %"),
                    .el(
                        "meter", .attr("class", "score-meter"), .attr("min", "0"), .attr("max", "100"),
                        .attr("value", "\(percent)"), .attr("aria-hidden", "true")))
            },
            .if(score.percent == nil, .span(.class("muted"), .text(ctx.t("Inget att kontrollera", "Nothing to check"))))
        )
    }

    private var rulesTable: Node<HTML.BodyContext> {
        let caption = ctx.t("Efterlevnad per regel", "Compliance per rule")
        return Components.tableWrap(
            caption,
            .table(
                .class("scores"),
                .caption(.class("visually-hidden"), .text(caption)),
                .thead(
                    .tr(
                        Components.header(ctx.t("Regel", "Rule")),
                        Components.header(ctx.t("Krav", "Requirement")),
                        Components.header(ctx.t("Allvarlighet", "Severity")),
                        .th(
                            .attribute(named: "scope", value: "col"), .class("number"), .text(ctx.t("Följer", "Comply"))
                        ),
                        .th(
                            .attribute(named: "scope", value: "col"), .class("number"),
                            .text(ctx.t("Kontrollerade", "Checked"))),
                        .th(.attribute(named: "scope", value: "col"), .class("number"), .text(ctx.t("Andel", "Share"))),
                        Components.header(ctx.t("Avvikelser", "Findings"))
                    )),
                .tbody(
                    .forEach(model.rules) { rule in
                        .tr(
                            .th(
                                .attribute(named: "scope", value: "row"), .safe(rule.title),
                                .span(.class("muted small rule-summary"), .safe(rule.summary))),
                            .td(.safe(rule.requirement)),
                            .td(FindingsTable.severityBadge(rule.severity, ctx: ctx)),
                            .td(.class("number"), .text("\(rule.score.compliant)")),
                            .td(.class("number"), .text("\(rule.score.checked)")),
                            scoreCell(rule.score),
                            .td(
                                rule.findingCount == 0
                                    ? .text("0")
                                    : .a(
                                        .link(
                                            ComplianceRoutes.findings(
                                                model.tenantSlug, query: [("rule", rule.id.rawValue)])),
                                        .text(findingsText(rule.findingCount))))
                        )
                    })))
    }

    private var administrationsTable: Node<HTML.BodyContext> {
        let caption = ctx.t("Efterlevnad per förvaltning", "Compliance per administration")
        guard !model.administrations.isEmpty else {
            return .p(.class("empty-state"), .text(ctx.t("Inga objekt att kontrollera än.", "Nothing to check yet.")))
        }
        return Components.tableWrap(
            caption,
            .table(
                .class("scores"),
                .caption(.class("visually-hidden"), .text(caption)),
                .thead(
                    .tr(
                        Components.header(ctx.t("Förvaltning", "Administration")),
                        .th(
                            .attribute(named: "scope", value: "col"), .class("number"), .text(ctx.t("Följer", "Comply"))
                        ),
                        .th(
                            .attribute(named: "scope", value: "col"), .class("number"),
                            .text(ctx.t("Objekt", "Objects"))),
                        .th(.attribute(named: "scope", value: "col"), .class("number"), .text(ctx.t("Andel", "Share"))),
                        Components.header(ctx.t("Avvikelser", "Findings"))
                    )),
                .tbody(
                    .forEach(model.administrations) { row in
                        let name =
                            row.id == nil
                            ? ctx.t("Utan ägande förvaltning", "Without an owning administration") : row.name
                        let filter = row.id?.uuidString ?? "none"
                        return .tr(
                            .th(.attribute(named: "scope", value: "row"), .safe(name)),
                            .td(.class("number"), .text("\(row.score.compliant)")),
                            .td(.class("number"), .text("\(row.score.checked)")),
                            scoreCell(row.score),
                            .td(
                                row.findingCount == 0
                                    ? .text("0")
                                    : .a(
                                        .link(
                                            ComplianceRoutes.findings(
                                                model.tenantSlug, query: [("administration", filter)])),
                                        .text(findingsText(row.findingCount))))
                        )
                    })))
    }

    private var trend: Node<HTML.BodyContext> {
        let points = model.trend.compactMap { row in
            row.score.share.map { TrendChartSVG.Point(day: row.day, percent: $0 * 100) }
        }
        let caption = ctx.t("Efterlevnad per dag", "Compliance per day")
        return .group(
            .p(
                .text(
                    ctx.t(
                        "Andelen objekt som följer reglerna, mätt första gången varje dag som efterlevnaden beräknas.",
                        "The share of objects that comply, measured the first time each day that compliance is computed."
                    ))),
            .el(
                "figure", .attr("class", "trend-chart"),
                Components.trusted(TrendChartSVG.render(points, lang: ctx.lang))),
            .el(
                "details",
                .el("summary", .text(ctx.t("Visa mätningarna som tabell", "Show the measurements as a table"))),
                Components.tableWrap(
                    caption,
                    .table(
                        .class("scores"),
                        .caption(.class("visually-hidden"), .text(caption)),
                        .thead(
                            .tr(
                                Components.header(ctx.t("Dag", "Day")),
                                .th(
                                    .attribute(named: "scope", value: "col"), .class("number"),
                                    .text(ctx.t("Andel", "Share"))),
                                .th(
                                    .attribute(named: "scope", value: "col"), .class("number"),
                                    .text(ctx.t("Följer", "Comply"))),
                                .th(
                                    .attribute(named: "scope", value: "col"), .class("number"),
                                    .text(ctx.t("Objekt", "Objects"))),
                                .th(
                                    .attribute(named: "scope", value: "col"), .class("number"),
                                    .text(ctx.t("Brister", "Errors"))),
                                .th(
                                    .attribute(named: "scope", value: "col"), .class("number"),
                                    .text(ctx.t("Varningar", "Warnings")))
                            )),
                        .tbody(
                            .forEach(model.trend.reversed()) { row in
                                .tr(
                                    .th(.attribute(named: "scope", value: "row"), .text(row.day.iso)),
                                    .td(.class("number"), .text(percentText(row.score))),
                                    .td(.class("number"), .text("\(row.score.compliant)")),
                                    .td(.class("number"), .text("\(row.score.checked)")),
                                    .td(.class("number"), .text("\(row.errors)")),
                                    .td(.class("number"), .text("\(row.warnings)"))
                                )
                            }))))
        )
    }
}
