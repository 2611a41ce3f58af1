import Foundation
import Plot
import StyrbordCore

/// A plan: its kind, period, goals, budget, status and revision deadline (D3); a systemförvaltningsplan's
/// activities (D2); a one-year plan's initiatives with their status and the approved proposals not yet in
/// it; and the adoption form for whoever may adopt it.
struct PlanShowPage: Page {
    struct Activity {
        var title: String
        var description: String
        var budget: Int?
    }

    struct Initiative {
        var id: UUID
        var title: String
        var source: String
        var proposal: (id: UUID, diarienummer: String)?
        var status: String
        var budget: Int?
        var outcome: String
        var benefitSummary: String?
        var canFollowUp: Bool
    }

    /// A form on the page that came back with errors.
    struct FailedForm {
        enum Which: Equatable { case adoption, activity }
        var form: Which
        var values: FormData
        var errors: FormErrors
    }

    struct Model {
        var tenantSlug: String
        var id: UUID
        var title: String
        var kindName: String
        var kindSource: String?
        var years: String
        var system: (id: UUID, name: String)?
        var status: PlanStatus
        var adoptedOn: CalendarDay?
        var adoptedBy: String
        var adoptedByRole: String?
        var nextRevision: CalendarDay?
        var isOverdue: Bool
        var goals: String
        var budget: Int?
        var shape: PlanShape
        var activities: [Activity]
        var initiatives: [Initiative]
        var approvedProposals: [(id: UUID, label: String)]
        var canEdit: Bool
        var canAdopt: Bool
        var today: CalendarDay
        var failed: FailedForm?
    }

    let model: Model
    let ctx: PageContext

    var title: String { (model.failed == nil ? "" : ctx.t("Fel: ", "Error: ")) + model.title }
    var section: NavSection? { .plans }
    var breadcrumbs: [Breadcrumb] {
        [
            Breadcrumb(title: ctx.t("Planer", "Plans"), url: PlanRoutes.index(model.tenantSlug)),
            Breadcrumb(title: model.title),
        ]
    }

    private func builder(_ which: FailedForm.Which, defaults: FormData) -> FormBuilder {
        if let failed = model.failed, failed.form == which {
            return FormBuilder(ctx: ctx, values: failed.values, errors: failed.errors)
        }
        return FormBuilder(ctx: ctx, values: defaults)
    }

    static func hidden(_ name: String, _ value: String) -> Node<HTML.BodyContext> {
        .selfClosedElement(
            named: "input", attributes: [.attr("type", "hidden"), .attr("name", name), .attr("value", value)])
    }

    static func kronor(_ n: Int?) -> String { n.map { ProposalShowPage.kronor($0) + " kr" } ?? "" }

    var content: Node<HTML.BodyContext> {
        .group(
            .div(
                .class("page-heading"),
                .h1(.safe(model.title)),
                .div(
                    .class("actions"), .if(!(model.canEdit && model.status == .draft), .attribute(named: "hidden")),
                    Components.buttonLink(ctx.t("Redigera", "Edit"), url: PlanRoutes.edit(model.tenantSlug, model.id)))),
            summary(), goals(),
            .if(model.shape.holdsActivities, activities()),
            .if(model.shape.holdsInitiatives, initiatives()),
            adoption())
    }

    private func summary() -> Node<HTML.BodyContext> {
        let revision: Node<HTML.BodyContext> =
            model.nextRevision.map { day in
                .group(
                    .text(day.iso),
                    .if(
                        model.isOverdue,
                        .group(.text(" "), Components.badge(ctx.t("Försenad", "Overdue"), kind: "error"))))
            } ?? Components.textOrDash(model.status == .adopted ? ctx.t("Inget intervall", "No interval") : nil, ctx)
        var rows: [(String, Node<HTML.BodyContext>)] = [
            (ctx.t("Slag", "Kind"), .safe(model.kindName + (model.kindSource.map { " (\($0))" } ?? ""))),
            (ctx.t("Period", "Period"), .safe(model.years)),
        ]
        if let system = model.system {
            rows.append(
                (
                    ctx.t("System", "System"),
                    .a(.link(SystemRoutes.show(model.tenantSlug, system.id)), .safe(system.name))
                ))
        }
        rows += [
            (
                ctx.t("Status", "Status"),
                Components.badge(ctx.t(model.status.label), kind: model.status == .adopted ? "ok" : "neutral")
            ),
            (
                ctx.t("Fastställd", "Adopted"),
                Components.textOrDash(model.adoptedOn.map { "\($0.iso), \(model.adoptedBy)" }, ctx)
            ),
            (ctx.t("Revideras senast", "Revise by"), revision),
            (ctx.t("Budget", "Budget"), Components.textOrDash(Self.kronor(model.budget), ctx)),
        ]
        return Components.facts(rows)
    }

    private func goals() -> Node<HTML.BodyContext> {
        .section(
            .h2(.text(ctx.t("Mål", "Goals"))),
            model.goals.isEmpty
                ? .p(.class("muted"), .text(ctx.t("Inga mål angivna.", "No goals given.")))
                : .div(
                    .class("prose"),
                    .forEach(model.goals.components(separatedBy: "\n").filter { !$0.isEmpty }) { .p(.safe($0)) }))
    }

    private func activities() -> Node<HTML.BodyContext> {
        let f = builder(.activity, defaults: FormData())
        let labels = [
            "title": ctx.t("Aktivitet", "Activity"), "description": ctx.t("Beskrivning", "Description"),
            "budget": ctx.t("Budget (kr)", "Budget (SEK)"),
        ]
        return .section(
            .id("activities"),
            .h2(.text(ctx.t("Aktiviteter", "Activities"))),
            model.activities.isEmpty
                ? .p(.class("muted"), .text(ctx.t("Inga aktiviteter ännu.", "No activities yet.")))
                : Components.tableWrap(
                    ctx.t("Aktiviteter", "Activities"),
                    .table(
                        .caption(.class("visually-hidden"), .text(ctx.t("Aktiviteter", "Activities"))),
                        .thead(
                            .tr(
                                Components.header(ctx.t("Aktivitet", "Activity")),
                                Components.header(ctx.t("Beskrivning", "Description")),
                                Components.header(ctx.t("Budget", "Budget")))),
                        .tbody(
                            .forEach(model.activities) { a in
                                .tr(
                                    .th(.attribute(named: "scope", value: "row"), .safe(a.title)),
                                    .td(.safe(a.description)), .td(.safe(Self.kronor(a.budget))))
                            }))),
            .if(
                model.canEdit,
                .group(
                    .h3(.text(ctx.t("Lägg till aktivitet", "Add an activity"))),
                    f.errorSummary(labels: labels),
                    f.form(
                        action: PlanRoutes.activities(model.tenantSlug, model.id),
                        f.input("title", label: labels["title"]!, required: true),
                        f.textarea("description", label: labels["description"]!, rows: 2),
                        f.input("budget", label: labels["budget"]!, inputMode: "numeric"),
                        f.submit(ctx.t("Lägg till aktiviteten", "Add the activity"))))))
    }

    private func initiatives() -> Node<HTML.BodyContext> {
        .section(
            .id("initiatives"),
            .div(
                .class("page-heading"),
                .h2(.text(ctx.t("Insatser", "Initiatives"))),
                .div(
                    .class("actions"), .if(!model.canEdit, .attribute(named: "hidden")),
                    Components.buttonLink(
                        ctx.t("Lägg till insats", "Add an initiative"),
                        url: PlanRoutes.newInitiative(model.tenantSlug, model.id), secondary: true))),
            model.initiatives.isEmpty
                ? .p(.class("muted"), .text(ctx.t("Inga insatser ännu.", "No initiatives yet.")))
                : initiativeTable(),
            .if(model.canEdit && !model.approvedProposals.isEmpty, approvedProposals()))
    }

    private func initiativeTable() -> Node<HTML.BodyContext> {
        Components.tableWrap(
            ctx.t("Insatser", "Initiatives"),
            .table(
                .caption(.class("visually-hidden"), .text(ctx.t("Insatser", "Initiatives"))),
                .thead(
                    .tr(
                        Components.header(ctx.t("Insats", "Initiative")),
                        Components.header(ctx.t("Ursprung", "Source")),
                        Components.header(ctx.t("Status", "Status")), Components.header(ctx.t("Budget", "Budget")),
                        Components.header(ctx.t("Utfall", "Outcome")),
                        Components.header(ctx.t("Nyttouppföljning", "Benefit follow-up")))),
                .tbody(
                    .forEach(model.initiatives) { i in
                        .tr(
                            .th(
                                .attribute(named: "scope", value: "row"),
                                model.canEdit
                                    ? .a(.link(PlanRoutes.editInitiative(model.tenantSlug, i.id)), .safe(i.title))
                                    : .safe(i.title)),
                            .td(
                                .safe(i.source),
                                .unwrap(i.proposal) { p in
                                    .group(
                                        .text(": "),
                                        .a(.link(ProposalRoutes.show(model.tenantSlug, p.id)), .safe(p.diarienummer)))
                                }),
                            .td(.safe(i.status)), .td(.safe(Self.kronor(i.budget))), .td(.safe(i.outcome)),
                            .td(
                                Components.textOrDash(i.benefitSummary, ctx),
                                .if(
                                    i.canFollowUp,
                                    .group(
                                        .text(" "),
                                        .a(
                                            .link(PlanRoutes.followUp(model.tenantSlug, i.id)),
                                            .text(ctx.t("Följ upp", "Follow up")),
                                            .span(.class("visually-hidden"), .safe(" " + i.title)))))))
                    })))
    }

    /// D3: the decided proposals waiting to enter the plan, each with its own button.
    private func approvedProposals() -> Node<HTML.BodyContext> {
        let f = FormBuilder(ctx: ctx, values: FormData())
        return .group(
            .h3(.text(ctx.t("Beviljade förslag som inte är insatser än", "Approved proposals not yet initiatives"))),
            .ul(
                .class("plain"),
                .forEach(model.approvedProposals) { p in
                    .li(
                        f.form(
                            action: PlanRoutes.initiatives(model.tenantSlug, model.id),
                            Self.hidden("source", InitiativeSource.proposal.rawValue),
                            Self.hidden("proposalId", p.id.uuidString),
                            .a(.link(ProposalRoutes.show(model.tenantSlug, p.id)), .safe(p.label)), .text(" "),
                            f.submit(
                                ctx.t("Lägg in i planen", "Add to the plan"), secondary: true, hiddenContext: p.label)))
                }))
    }

    private func adoption() -> Node<HTML.BodyContext> {
        guard model.status == .draft else { return .empty }
        guard model.canAdopt else {
            return .section(
                .h2(.text(ctx.t("Fastställelse", "Adoption"))),
                .p(
                    .text(
                        ctx.t("Planen är ett utkast. Den fastställs av ", "The plan is a draft. It is adopted by ")
                            + (model.adoptedByRole ?? ctx.t("administratören", "the administrator")) + ".")))
        }
        let f = builder(.adoption, defaults: FormData(["adoptedOn": [model.today.iso]]))
        let labels = [
            "adoptedOn": ctx.t("Fastställd den", "Adopted on"), "adoptedBy": ctx.t("Fastställd av", "Adopted by"),
        ]
        return .section(
            .id("adoption"),
            .h2(.text(ctx.t("Fastställ planen", "Adopt the plan"))),
            f.errorSummary(labels: labels),
            f.form(
                action: PlanRoutes.adopt(model.tenantSlug, model.id),
                f.input("adoptedOn", label: labels["adoptedOn"]!, type: "date", required: true),
                f.input(
                    "adoptedBy", label: labels["adoptedBy"]!,
                    hint: model.adoptedByRole.map { ctx.t("Enligt profilen: ", "Under the profile: ") + $0 + "." },
                    required: true),
                f.submit(ctx.t("Fastställ", "Adopt"))))
    }
}
