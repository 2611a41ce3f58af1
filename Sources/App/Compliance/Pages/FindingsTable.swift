import Foundation
import Plot
import StyrbordCore

/// A finding as the pages show it: plain values, links already built.
struct FindingRow: Sendable {
    var severity: ComplianceSeverity
    var ruleTitle: String
    var requirement: String
    var objectKind: ComplianceObjectKind
    var objectLabel: String
    var objectURL: String
    var message: String
    var responsibleName: String?
    var responsibleURL: String?
    var responsibleRole: String?
    var dueOn: CalendarDay
    var isOverdue: Bool

    /// Builds the row for `finding` in the viewer's language.
    init(_ finding: ComplianceFinding, tenantSlug: String, today: CalendarDay, lang: UILanguage) {
        severity = finding.severity
        ruleTitle = ComplianceRules.descriptor(finding.ruleID)?.title[lang] ?? finding.ruleID.rawValue
        requirement = finding.requirement
        objectKind = finding.object.kind
        objectLabel = finding.object.label
        objectURL = Self.url(for: finding, tenantSlug: tenantSlug)
        message = finding.message[lang]
        responsibleName = finding.responsible?.name
        responsibleURL = finding.responsible.map { PersonRoutes.show(tenantSlug, $0.personID) }
        responsibleRole = finding.responsible.map { $0.roleName[lang] }
        dueOn = finding.dueOn
        isOverdue = finding.isOverdue(on: today)
    }

    /// Where the gap is put right: the tab of the system's page that holds what is missing.
    static func url(for finding: ComplianceFinding, tenantSlug: String) -> String {
        if finding.object.kind == .plan {
            // A missing plan has no page of its own: the list shows what the profile requires.
            return finding.detail == "missing"
                ? PlanRoutes.index(tenantSlug) : PlanRoutes.show(tenantSlug, finding.object.id)
        }
        guard let system = finding.object.systemID else { return ComplianceRoutes.overview(tenantSlug) }
        let tab: SystemTab =
            switch finding.ruleID {
            case ComplianceRules.requiredRoles, ComplianceRules.deputies: .roles
            case ComplianceRules.classification, ComplianceRules.processingRecord,
                ComplianceRules.processorAgreement:
                .classification
            case ComplianceRules.contractNotice: .contracts
            case ComplianceRules.serviceAvailability, ComplianceRules.serviceAgreement: .service
            default: .overview
            }
        return SystemRoutes.tab(tenantSlug, system, tab)
    }
}

/// The table of findings on the findings page and "Att göra".
enum FindingsTable {
    static func render(
        _ rows: [FindingRow], caption: String, showResponsible: Bool, ctx: PageContext
    ) -> Node<HTML.BodyContext> {
        Components.tableWrap(
            caption,
            .table(
                .class("findings"),
                .caption(.class("visually-hidden"), .safe(caption)),
                .thead(
                    .tr(
                        Components.header(ctx.t("Allvarlighet", "Severity")),
                        Components.header(ctx.t("Gäller", "Concerns")),
                        Components.header(ctx.t("Avvikelse", "Finding")),
                        Components.header(ctx.t("Regel", "Rule")),
                        .if(showResponsible, Components.header(ctx.t("Ska åtgärdas av", "To be acted on by"))),
                        Components.header(ctx.t("Senast", "Due"))
                    )),
                .tbody(.forEach(rows) { row(for: $0, showResponsible: showResponsible, ctx: ctx) })))
    }

    private static func row(for r: FindingRow, showResponsible: Bool, ctx: PageContext) -> Node<HTML.TableContext> {
        .tr(
            .td(severityBadge(r.severity, ctx: ctx)),
            .th(
                .attribute(named: "scope", value: "row"),
                .span(.class("object-kind"), .safe(r.objectKind.label[ctx.lang] + ": ")),
                .a(.link(r.objectURL), .safe(r.objectLabel))),
            .td(.safe(r.message)),
            .td(.safe(r.ruleTitle), .text(" "), .span(.class("requirement"), .safe("(\(r.requirement))"))),
            .if(
                showResponsible,
                .td(
                    .unwrap(r.responsibleName) { name in
                        .group(
                            .a(.link(r.responsibleURL ?? ""), .safe(name)),
                            .unwrap(r.responsibleRole) { .span(.class("muted small role-basis"), .safe($0)) })
                    },
                    .if(
                        r.responsibleName == nil,
                        .span(
                            .class("muted"),
                            .text(ctx.t("Ingen utsedd – administratören", "Nobody appointed – the administrator"))))
                )),
            .td(
                .class("due"),
                .text(r.dueOn.iso),
                .if(r.isOverdue, .group(.text(" "), Components.badge(ctx.t("Försenad", "Overdue"), kind: "error"))))
        )
    }

    /// The severity as a word on a coloured badge: never colour alone.
    static func severityBadge(_ severity: ComplianceSeverity, ctx: PageContext) -> Node<HTML.BodyContext> {
        Components.badge(
            severity.label[ctx.lang],
            kind: severity == .error ? "error" : severity == .warning ? "warning" : "neutral")
    }
}
