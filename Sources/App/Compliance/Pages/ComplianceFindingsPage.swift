import Foundation
import Plot
import StyrbordCore

/// Every finding of the day, filtered by rule, severity, förvaltning and who should act: the drill-down
/// from the overview. Each row links to the object, at the tab where the gap is put right.
struct ComplianceFindingsPage: Page {
    struct Model: Sendable {
        var tenantSlug: String
        var day: CalendarDay
        var query: FindingQuery
        /// The rule the list is narrowed to, to explain it above the list.
        var rule: (title: String, summary: String, requirement: String)?
        /// The förvaltning the list is narrowed to.
        var administrationName: String?
        var rows: [FindingRow]
        var total: Int
        var pageCount: Int
        var ruleOptions: [(value: String, label: String)]
        var administrationOptions: [(value: String, label: String)]
        var personOptions: [(value: String, label: String)]
    }

    let model: Model
    let ctx: PageContext

    var title: String {
        if let rule = model.rule { return ctx.t("Avvikelser: \(rule.title)", "Findings: \(rule.title)") }
        if let name = model.administrationName { return ctx.t("Avvikelser: \(name)", "Findings: \(name)") }
        return ctx.t("Avvikelser", "Findings")
    }
    var section: NavSection? { .compliance }
    var breadcrumbs: [Breadcrumb] {
        [
            Breadcrumb(title: ctx.tenant?.name ?? ""),
            Breadcrumb(title: ctx.t("Efterlevnad", "Compliance"), url: ComplianceRoutes.overview(model.tenantSlug)),
            Breadcrumb(title: title),
        ]
    }

    var content: Node<HTML.BodyContext> {
        .group(
            .h1(.safe(title)),
            .unwrap(model.rule) { rule in
                .p(.safe(rule.summary), .text(" "), .span(.class("requirement"), .safe("(\(rule.requirement))")))
            },
            filters,
            .p(
                .class("result-count"), .attribute(named: "role", value: "status"),
                .text(
                    ctx.t(
                        "\(model.total) \(model.total == 1 ? "avvikelse" : "avvikelser") i dag, \(model.day.iso)",
                        "\(model.total) \(model.total == 1 ? "finding" : "findings") today, \(model.day.iso)"))),
            model.rows.isEmpty
                ? .div(
                    .class("empty-state"),
                    .p(.text(ctx.t("Inga avvikelser matchar.", "No findings match."))))
                : FindingsTable.render(
                    model.rows, caption: ctx.t("Avvikelser", "Findings"), showResponsible: true, ctx: ctx),
            Components.pagination(page: model.query.page, pageCount: model.pageCount, ctx: ctx) { page in
                ComplianceRoutes.findings(
                    model.tenantSlug, query: model.query.parameters + (page == 1 ? [] : [("page", "\(page)")]))
            }
        )
    }

    private var filters: Node<HTML.BodyContext> {
        let values = FormData(
            Dictionary(model.query.parameters.map { ($0.0, [$0.1]) }, uniquingKeysWith: { a, _ in a }))
        let f = FormBuilder(ctx: ctx, values: values)
        let any = ctx.t("Alla", "All")
        return .el(
            "form",
            .attr("method", "get"), .attr("action", ComplianceRoutes.findings(model.tenantSlug)),
            .attr("class", "filters"), .attr("role", "search"),
            .attr("aria-label", ctx.t("Filtrera avvikelser", "Filter findings")),
            f.select("rule", label: ctx.t("Regel", "Rule"), options: model.ruleOptions, emptyLabel: any),
            f.select(
                "severity", label: ctx.t("Allvarlighet", "Severity"), options: f.options(ComplianceSeverity.self),
                emptyLabel: any),
            f.select(
                "administration", label: ctx.t("Förvaltning", "Administration"), options: model.administrationOptions,
                emptyLabel: any),
            f.select(
                "person", label: ctx.t("Ska åtgärdas av", "To be acted on by"), options: model.personOptions,
                emptyLabel: any),
            .div(
                .class("filter-actions"),
                f.submit(ctx.t("Filtrera", "Filter")),
                .if(
                    !model.query.parameters.isEmpty,
                    .a(
                        .class("button secondary"), .link(ComplianceRoutes.findings(model.tenantSlug)),
                        .text(ctx.t("Rensa filter", "Clear filters")))))
        )
    }
}

/// "Att göra": the findings the signed-in person should act on, soonest due first within each severity.
struct ComplianceTodoPage: Page {
    struct Model: Sendable {
        var tenantSlug: String
        var day: CalendarDay
        /// Nil when the account is not linked to a person in the register.
        var personName: String?
        var rows: [FindingRow]
    }

    let model: Model
    let ctx: PageContext

    var title: String { ctx.t("Att göra", "To do") }
    var section: NavSection? { .todo }
    var breadcrumbs: [Breadcrumb] { [Breadcrumb(title: ctx.tenant?.name ?? ""), Breadcrumb(title: title)] }

    var content: Node<HTML.BodyContext> {
        let overdue = model.rows.filter(\.isOverdue).count
        return .group(
            .h1(.text(title)),
            .unwrap(model.personName) { name in
                .p(
                    .safe(
                        ctx.t(
                            "Avvikelser från kommunens regler som \(name) ska åtgärda, som systemägare, IT-samordnare eller IT-chef. Den som innehar rollen närmast objektet ansvarar.",
                            "Departures from the municipality's rules that \(name) should act on, as system owner, IT coordinator or IT manager. Whoever holds the role nearest the object is responsible."
                        )))
            },
            model.personName == nil
                ? .div(
                    .class("notice"),
                    .p(
                        .text(
                            ctx.t(
                                "Ditt konto är inte kopplat till en person i registret, så det finns inget att visa här. Be administratören koppla kontot under Konton.",
                                "Your account is not linked to a person in the register, so there is nothing to show here. Ask the administrator to link it under Accounts."
                            ))),
                    .p(
                        .a(
                            .link(ComplianceRoutes.findings(model.tenantSlug)),
                            .text(ctx.t("Se alla avvikelser", "See all findings")))))
                : .group(
                    .p(
                        .class("result-count"), .attribute(named: "role", value: "status"),
                        .text(
                            ctx.t(
                                "\(model.rows.count) att åtgärda, varav \(overdue) försenade.",
                                "\(model.rows.count) to act on, \(overdue) of them overdue."))),
                    model.rows.isEmpty
                        ? .div(
                            .class("empty-state"),
                            .p(.text(ctx.t("Inget att åtgärda just nu.", "Nothing to act on right now."))))
                        : FindingsTable.render(
                            model.rows, caption: ctx.t("Att åtgärda", "To act on"), showResponsible: false, ctx: ctx)
                )
        )
    }
}
