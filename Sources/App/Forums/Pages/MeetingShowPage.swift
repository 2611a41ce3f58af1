import Foundation
import Plot
import StyrbordCore

/// A meeting: when and where, the agenda with each item's minutes (a proposal item's outcome and
/// assessments move the proposal on), attendance, and approving (justera) the minutes, which locks it.
struct MeetingShowPage: Page {
    /// A form that came back with errors: only it shows them and the values sent.
    struct FailedForm {
        enum Which: Equatable {
            case addItem, attendance, approve, cancel
            case minutes(UUID)
        }
        var form: Which
        var values: FormData
        var errors: FormErrors
    }

    struct Model {
        var tenantSlug: String
        var state: MeetingState
        var orgUnitName: String?
        var canRun: Bool
        var failed: FailedForm?
    }

    let model: Model
    let ctx: PageContext

    private var state: MeetingState { model.state }
    private var meeting: Meeting { model.state.meeting }
    private var id: UUID { meeting.id! }
    private var isLocked: Bool { meeting.isApproved }
    private var mayChange: Bool { model.canRun && !isLocked && !meeting.isCancelled }

    var heading: String {
        let d = meeting.draft
        return
            "\(ctx.t(state.forum.name))\(model.orgUnitName.map { " – \($0)" } ?? "") \(meeting.day.iso) \(d.startTime?.description ?? "")"
    }
    var title: String { (model.failed == nil ? "" : ctx.t("Fel: ", "Error: ")) + heading }
    var section: NavSection? { .forums }
    var breadcrumbs: [Breadcrumb] {
        [
            Breadcrumb(title: ctx.t("Forum", "Forums"), url: ForumRoutes.index(model.tenantSlug)),
            Breadcrumb(title: ctx.t(state.forum.name), url: ForumRoutes.show(model.tenantSlug, state.forum.key)),
            Breadcrumb(title: meeting.day.iso),
        ]
    }

    private func builder(_ which: FailedForm.Which, defaults: FormData) -> FormBuilder {
        if let failed = model.failed, failed.form == which {
            return FormBuilder(ctx: ctx, values: failed.values, errors: failed.errors)
        }
        return FormBuilder(ctx: ctx, values: defaults)
    }

    var content: Node<HTML.BodyContext> {
        .group(
            .div(
                .class("page-heading"),
                .h1(.safe(heading)),
                .if(
                    mayChange,
                    .div(
                        .class("actions"),
                        Components.buttonLink(
                            ctx.t("Ändra tid och plats", "Change time and place"),
                            url: ForumRoutes.editMeeting(model.tenantSlug, id))))),
            summary(), agenda(), addItem(), attendance(), approval(), cancellation())
    }

    private func summary() -> Node<HTML.BodyContext> {
        let d = meeting.draft
        return Components.facts([
            (
                ctx.t("Tid", "Time"),
                .text("\(meeting.day.iso) \(d.startTime?.description ?? "")–\(d.endTime?.description ?? "")")
            ),
            (ctx.t("Plats", "Place"), Components.textOrDash(meeting.place, ctx)),
            (ctx.t("Beskrivning", "Description"), Components.textOrDash(meeting.description, ctx)),
            (
                ctx.t("Protokoll", "Minutes"),
                meeting.isCancelled
                    ? .group(
                        Components.badge(ctx.t("Inställt", "Cancelled"), kind: "warning"),
                        .text(meeting.cancellationReason.isEmpty ? "" : " " + meeting.cancellationReason))
                    : isLocked
                        ? .group(
                            Components.badge(ctx.t("Justerat", "Approved"), kind: "ok"),
                            .text(" \(meeting.approvedByName) \(meeting.approvedAt.map(Components.dateTime) ?? "")"))
                        : Components.badge(ctx.t("Ej justerat", "Not approved"))
            ),
        ])
    }

    // MARK: Agenda and minutes

    private func agenda() -> Node<HTML.BodyContext> {
        .section(
            .id("agenda"),
            .h2(.text(ctx.t("Dagordning och protokoll", "Agenda and minutes"))),
            state.items.isEmpty
                ? .p(.class("muted"), .text(ctx.t("Dagordningen är tom.", "The agenda is empty.")))
                : .ol(.class("agenda"), .forEach(state.items) { .li(item($0)) }))
    }

    private func item(_ item: MeetingItem) -> Node<HTML.BodyContext> {
        let proposal = item.proposalID.flatMap { state.proposals[$0] }
        let step = proposal?.workflow.steps.first { $0.step.key == item.stepKey }?.step
        if MeetingRules.isDecision(item, in: state) { return decisionItem(item, proposal: proposal) }
        return .group(
            .h3(
                .unwrap(item.proposalID) { pid in
                    .a(.link(ProposalRoutes.show(model.tenantSlug, pid)), .safe(item.title))
                },
                .if(item.proposalID == nil, .safe(item.title))),
            .unwrap(item.description.isEmpty ? nil : item.description) { .p(.safe($0)) },
            item.hasMinutes
                ? .div(
                    .class("minutes"),
                    .p(
                        .strong(.text(ctx.t("Protokoll: ", "Minutes: "))),
                        .unwrap(item.outcome) { .text(ctx.t($0.label) + ". ") },
                        .safe(item.minutes)),
                    .if(
                        !item.assessments.isEmpty,
                        .dl(
                            .class("facts"),
                            .forEach(item.assessments.sorted { $0.key < $1.key }) { point in
                                .group(
                                    .dt(
                                        .safe(
                                            ctx.t(
                                                state.profile.assessmentPoint(point.key)?.text
                                                    ?? Localized(verbatim: point.key)))),
                                    .dd(.safe(point.value)))
                            })))
                : .p(.class("muted"), .text(ctx.t("Inget protokollfört ännu.", "No minutes yet."))),
            .if(mayChange, minutesForm(item, step: step)),
            .if(mayChange && !item.hasMinutes, removeForm(item)))
    }

    private func prefix(_ item: MeetingItem) -> String { "item\(item.position)." }

    private func minutesForm(_ item: MeetingItem, step: GovernanceProfile.Step?) -> Node<HTML.BodyContext> {
        let p = prefix(item)
        var defaults: [String: [String]] = [p + "note": [item.minutes], p + "outcome": [item.outcome?.rawValue ?? ""]]
        for (key, text) in item.assessments { defaults[p + "assessments.\(key)"] = [text] }
        let f = builder(.minutes(item.id!), defaults: FormData(defaults))
        var labels = [p + "outcome": ctx.t("Utfall", "Outcome"), p + "note": ctx.t("Protokollsanteckning", "Minutes")]
        let against = step?.against ?? []
        for point in against {
            labels[p + "assessments.\(point)"] = ctx.t(
                state.profile.assessmentPoint(point)?.text ?? Localized(verbatim: point))
        }
        let outcomes = StepOutcome.allCases.filter { o in step.map { o.fits($0.action) } ?? false }
            .map { ($0.rawValue, ctx.t($0.label)) }
        return .el(
            "details", .if(model.failed?.form == .minutes(item.id!) || !item.hasMinutes, .attribute(named: "open")),
            .el(
                "summary", .text(ctx.t("Protokollför punkten", "Record the minutes")),
                .span(.class("visually-hidden"), .safe(" " + item.title))),
            f.errorSummary(labels: labels),
            f.form(
                action: ForumRoutes.minutes(model.tenantSlug, id, item.id!),
                .if(
                    item.proposalID != nil,
                    f.select(
                        p + "outcome", label: labels[p + "outcome"]!, options: outcomes,
                        emptyLabel: ctx.t("— Välj —", "— Choose —"), required: true)),
                .group(
                    against.map { point in
                        f.textarea(p + "assessments.\(point)", label: labels[p + "assessments.\(point)"]!, rows: 2)
                    }),
                f.textarea(p + "note", label: labels[p + "note"]!, rows: 2),
                .div(
                    .class("form-actions"),
                    f.submit(ctx.t("Spara protokoll", "Save the minutes"), hiddenContext: item.title))))
    }

    // MARK: A decision taken at the meeting (E4/E5)

    private func decisionItem(_ item: MeetingItem, proposal: ProposalState?) -> Node<HTML.BodyContext> {
        let decision = item.decisionID.flatMap { id in proposal?.decisions.first { $0.id == id } }
        return .group(
            .h3(
                .unwrap(item.proposalID) { pid in
                    .a(.link(ProposalRoutes.show(model.tenantSlug, pid)), .safe(item.title))
                }),
            .unwrap(item.description.isEmpty ? nil : item.description) { .p(.safe($0)) },
            .unwrap(decision) { d in
                .div(
                    .class("minutes"),
                    .p(
                        .strong(.text(ctx.t("Beslut: ", "Decision: "))), .text(ctx.t(d.outcome.label) + ". "),
                        .safe(d.reasons)),
                    .unwrap(d.conditions.isEmpty ? nil : d.conditions) {
                        .p(.strong(.text(ctx.t("Villkor: ", "Conditions: "))), .safe($0))
                    },
                    .p(
                        .class("muted"),
                        .safe(
                            "\(d.decidedByBody), \(d.decidedByPerson)"
                                + (d.delegation.isEmpty
                                    ? "" : " – \(ctx.t("delegation", "delegation")): \(d.delegation)")
                                + ", \(d.decidedOn)")))
            },
            .if(
                decision == nil && item.hasMinutes,
                .p(.class("muted"), .text(ctx.t("Beslut protokollfört.", "Decision recorded.")))),
            .if(
                decision == nil && !item.hasMinutes,
                .group(
                    .p(
                        .class("muted"),
                        .text(ctx.t("Forumet fattar beslut vid punkten.", "The forum decides at this item."))),
                    .if(
                        mayChange && proposal?.proposal.status.isSettled == false,
                        decisionForm(item, proposal: proposal)),
                    .if(mayChange, removeForm(item)))))
    }

    private func decisionForm(_ item: MeetingItem, proposal: ProposalState?) -> Node<HTML.BodyContext> {
        let p = prefix(item)
        let chair = state.sitting.people.first { $0.seat == .chair }?.name ?? ""
        var delegation = ""
        if case .delegation(let key)? = proposal?.workflow.decisionStep?.step.actor {
            delegation = ctx.t(state.profile.delegation(key)?.name ?? Localized(verbatim: key))
        }
        let f = builder(
            .minutes(item.id!),
            defaults: FormData([p + "decidedByPerson": [chair], p + "delegation": [delegation]]))
        let labels = [
            p + "outcome": ctx.t("Beslut", "Decision"),
            p + "decidedByPerson": ctx.t("Beslutsfattare (ordförande)", "Decision maker (chair)"),
            p + "delegation": ctx.t("Delegation", "Delegation"),
            p + "reasons": ctx.t("Motivering", "Reasons"),
            p + "conditions": ctx.t("Villkor", "Conditions"),
        ]
        return .el(
            "details", .attribute(named: "open"),
            .el(
                "summary", .text(ctx.t("Fatta beslut", "Record the decision")),
                .span(.class("visually-hidden"), .safe(" " + item.title))),
            f.errorSummary(labels: labels),
            f.form(
                action: ForumRoutes.decision(model.tenantSlug, id, item.id!),
                f.select(
                    p + "outcome", label: labels[p + "outcome"]!,
                    options: DecisionOutcome.allCases.map { ($0.rawValue, ctx.t($0.label)) },
                    emptyLabel: ctx.t("— Välj —", "— Choose —"), required: true),
                f.input(p + "decidedByPerson", label: labels[p + "decidedByPerson"]!, required: true),
                f.input(p + "delegation", label: labels[p + "delegation"]!),
                f.textarea(p + "reasons", label: labels[p + "reasons"]!, rows: 3, required: true),
                f.textarea(p + "conditions", label: labels[p + "conditions"]!, rows: 2),
                .div(
                    .class("form-actions"),
                    f.submit(ctx.t("Fatta beslut", "Record the decision"), hiddenContext: item.title))))
    }

    private func removeForm(_ item: MeetingItem) -> Node<HTML.BodyContext> {
        let f = FormBuilder(ctx: ctx, values: FormData())
        return f.form(
            action: ForumRoutes.removeItem(model.tenantSlug, id, item.id!),
            f.submit(
                ctx.t("Ta bort från dagordningen", "Remove from the agenda"), secondary: true, hiddenContext: item.title
            ))
    }

    private func addItem() -> Node<HTML.BodyContext> {
        guard mayChange else { return .empty }
        let f = builder(.addItem, defaults: FormData())
        let labels = [
            "proposalId": ctx.t("Förslag som väntar på forumet", "Proposal waiting for the forum"),
            "title": ctx.t("Rubrik (för en fri punkt)", "Title (for a free item)"),
            "description": ctx.t("Beskrivning", "Description"),
        ]
        let options = state.waiting.compactMap { s -> (String, String)? in
            guard let pid = s.proposal.id, let next = s.workflow.step(awaiting: state.forum.key) else { return nil }
            return (
                pid.uuidString,
                "\(s.proposal.diarienummer) \(s.proposal.title) – \(ctx.t(s.workflow.describe(next.step)))"
            )
        }
        return .section(
            .id("add-item"),
            .h2(.text(ctx.t("Lägg till på dagordningen", "Add to the agenda"))),
            .p(
                .class("hint"),
                .text(
                    ctx.t(
                        "Välj ett förslag vars nästa steg är forumets, eller skriv en rubrik för en fri punkt.",
                        "Choose a proposal whose next step is the forum's, or write a title for a free item."))),
            f.errorSummary(labels: labels),
            f.form(
                action: ForumRoutes.items(model.tenantSlug, id),
                f.select(
                    "proposalId", label: labels["proposalId"]!, options: options,
                    emptyLabel: ctx.t("— Fri punkt —", "— Free item —")),
                f.input("title", label: labels["title"]!),
                f.textarea("description", label: labels["description"]!, rows: 2),
                .div(.class("form-actions"), f.submit(ctx.t("Lägg till", "Add")))))
    }

    // MARK: Attendance

    private func attendance() -> Node<HTML.BodyContext> {
        let present = Dictionary(state.attendance.map { ($0.personID, $0.present) }, uniquingKeysWith: { a, _ in a })
        let people = state.sitting.people
        var defaults: [String: [String]] = [
            "present": people.filter { present[$0.personID] == true }.map(\.personID.uuidString)
        ]
        defaults["guests"] = [meeting.guests.joined(separator: "\n")]
        let f = builder(.attendance, defaults: FormData(defaults))
        let recorded = !state.attendance.isEmpty || !meeting.guests.isEmpty
        return .section(
            .id("attendance"),
            .h2(.text(ctx.t("Närvaro", "Attendance"))),
            recorded
                ? .ul(
                    .forEach(people) { m in
                        .li(
                            .safe(m.name), .text(" – "),
                            .text(
                                present[m.personID] == true
                                    ? ctx.t("närvarande", "present") : ctx.t("frånvarande", "absent")))
                    },
                    .forEach(meeting.guests) { g in .li(.safe(g), .text(ctx.t(" – adjungerad", " – adjunct"))) })
                : .p(.class("muted"), .text(ctx.t("Ingen närvaro registrerad.", "No attendance recorded."))),
            .if(
                mayChange,
                .group(
                    f.errorSummary(labels: [
                        "present": ctx.t("Närvarande", "Present"),
                        "guests": ctx.t("Adjungerade och gäster", "Adjuncts and guests"),
                    ]),
                    f.form(
                        action: ForumRoutes.attendance(model.tenantSlug, id),
                        .selfClosedElement(
                            named: "input",
                            attributes: [.attr("type", "hidden"), .attr("name", "recorded"), .attr("value", "1")]),
                        f.checkboxGroup(
                            "present", legend: ctx.t("Närvarande ledamöter", "Members present"),
                            options: people.map {
                                ($0.personID.uuidString, "\($0.name) (\(ctx.t($0.seat.label).lowercased()))")
                            }),
                        f.textarea(
                            "guests", label: ctx.t("Adjungerade och gäster", "Adjuncts and guests"),
                            hint: ctx.t("En per rad, med namn och roll.", "One a line, with name and role."), rows: 3),
                        .div(.class("form-actions"), f.submit(ctx.t("Spara närvaro", "Save attendance")))))))
    }

    // MARK: Cancelling

    private func cancellation() -> Node<HTML.BodyContext> {
        guard mayChange, !state.items.contains(where: \.hasMinutes), state.attendance.isEmpty else { return .empty }
        let f = builder(.cancel, defaults: FormData())
        return .section(
            .id("cancel"),
            .h2(.text(ctx.t("Ställ in mötet", "Cancel the meeting"))),
            .p(
                .text(
                    ctx.t(
                        "Ett inställt möte finns kvar, markerat som inställt, så att prenumererande kalendrar får veta det.",
                        "A cancelled meeting stays, marked as cancelled, so that subscribed calendars learn of it."))),
            f.errorSummary(labels: ["reason": ctx.t("Anledning", "Reason")]),
            f.form(
                action: ForumRoutes.cancel(model.tenantSlug, id),
                f.input("reason", label: ctx.t("Anledning", "Reason")),
                .div(.class("form-actions"), f.submit(ctx.t("Ställ in mötet", "Cancel the meeting"), secondary: true))))
    }

    // MARK: Approval

    private func approval() -> Node<HTML.BodyContext> {
        guard mayChange else { return .empty }
        let f = builder(.approve, defaults: FormData())
        return .section(
            .id("approve"),
            .h2(.text(ctx.t("Justera protokollet", "Approve the minutes"))),
            .p(
                .text(
                    ctx.t(
                        "När protokollet är justerat kan mötet, dagordningen, protokollet och närvaron inte längre ändras.",
                        "Once the minutes are approved, the meeting, its agenda, minutes and attendance can no longer be changed."
                    ))),
            f.errorSummary(labels: [:]),
            f.form(
                action: ForumRoutes.approve(model.tenantSlug, id),
                f.submit(ctx.t("Justera protokollet", "Approve the minutes"))))
    }
}
