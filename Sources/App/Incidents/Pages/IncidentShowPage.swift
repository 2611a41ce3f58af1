import Foundation
import Plot
import StyrbordCore

/// An incident: what happened and when, its systems, for a personal data breach the 72 hours for notifying
/// IMY and what was recorded about it, its actions, follow-up and status, with the forms of whoever handles it.
struct IncidentShowPage: Page {
    struct Action {
        var id: UUID
        var description: String
        var responsible: String?
        var dueOn: CalendarDay?
        var done: Bool
        var isOverdue: Bool
    }

    struct Note {
        var text: String
        var status: String?
        var author: String
        var at: Date
    }

    /// A form on the page that came back with errors.
    struct FailedForm {
        enum Which: Equatable { case imy, action, note, status }
        var form: Which
        var values: FormData
        var errors: FormErrors
    }

    struct Model {
        var tenantSlug: String
        var id: UUID
        var reference: String
        var title: String
        var kind: IncidentKind
        var severity: String
        var status: IncidentStatus
        var description: String
        var occurredAt: Date
        var discoveredAt: Date
        var reportedAt: Date
        var reportedBy: String
        var systems: [(id: UUID, name: String)]
        var deadline: String?
        var isDeadlineOverdue: Bool
        var imyNotified: Bool?
        var imyNotifiedAt: Date?
        var imyReference: String
        var imyReason: String
        var lesson: String
        var actions: [Action]
        var notes: [Note]
        var people: [(value: String, label: String)]
        var canHandle: Bool
        var now: Date
        var failed: FailedForm?
    }

    let model: Model
    let ctx: PageContext

    var title: String { (model.failed == nil ? "" : ctx.t("Fel: ", "Error: ")) + "\(model.reference) \(model.title)" }
    var section: NavSection? { .incidents }
    var breadcrumbs: [Breadcrumb] {
        [
            Breadcrumb(title: ctx.t("Incidenter", "Incidents"), url: IncidentRoutes.index(model.tenantSlug)),
            Breadcrumb(title: model.reference),
        ]
    }

    /// Where the 72 hours stand, in words; nil for an incident that is not a personal data breach.
    static func deadlineText(_ i: Incident, now: Date, ctx: PageContext) -> String? {
        guard let deadline = i.deadline else { return nil }
        let (day, time) = deadline.localDeadline()
        let at = "\(day.iso) \(time)"
        if i.imyNotified == false { return ctx.t("Anmäls inte (skäl angivet)", "Not reported (reason recorded)") }
        switch deadline.state(now: now) {
        case .running(let left):
            let d = BreachNotificationDeadline.describe(left)
            return ctx.t("\(d) kvar, senast \(at)", "\(d) left, by \(at)")
        case .overdue(let by):
            let d = BreachNotificationDeadline.describe(by)
            return ctx.t("Försenad med \(d) (senast \(at))", "Overdue by \(d) (deadline \(at))")
        case .notifiedInTime: return ctx.t("Anmäld i tid", "Reported in time")
        case .notifiedLate(let by):
            return ctx.t(
                "Anmäld \(BreachNotificationDeadline.describe(by)) för sent",
                "Reported \(BreachNotificationDeadline.describe(by)) late")
        }
    }

    private func builder(_ which: FailedForm.Which, defaults: FormData) -> FormBuilder {
        if let failed = model.failed, failed.form == which {
            return FormBuilder(ctx: ctx, values: failed.values, errors: failed.errors)
        }
        return FormBuilder(ctx: ctx, values: defaults)
    }

    private static func time(_ date: Date) -> String { Components.dateTime(date) }

    var content: Node<HTML.BodyContext> {
        .group(
            .h1(.safe("\(model.reference) \(model.title)")),
            summary(),
            .section(
                .h2(.text(ctx.t("Vad hände?", "What happened?"))),
                .div(
                    .class("prose"),
                    .forEach(model.description.components(separatedBy: "\n").filter { !$0.isEmpty }) { .p(.safe($0)) })),
            .if(model.kind == .personalDataBreach, imy()),
            actions(), followUp(), statusSection())
    }

    private func summary() -> Node<HTML.BodyContext> {
        var rows: [(String, Node<HTML.BodyContext>)] = [
            (ctx.t("Slag", "Kind"), .text(ctx.t(model.kind.label))),
            (ctx.t("Allvarlighet", "Severity"), .safe(model.severity)),
            (
                ctx.t("Status", "Status"),
                Components.badge(ctx.t(model.status.label), kind: model.status == .closed ? "ok" : "neutral")
            ),
            (ctx.t("Hände", "Happened"), .text(Self.time(model.occurredAt))),
            (ctx.t("Upptäcktes", "Discovered"), .text(Self.time(model.discoveredAt))),
            (ctx.t("Rapporterad", "Reported"), .safe("\(Self.time(model.reportedAt)), \(model.reportedBy)")),
            (
                ctx.t("System", "Systems"),
                model.systems.isEmpty
                    ? .text("–")
                    : .group(
                        .forEach(Array(model.systems.enumerated())) { pair in
                            .group(
                                .if(pair.offset > 0, .text(", ")),
                                .a(
                                    .link(SystemRoutes.show(model.tenantSlug, pair.element.id)),
                                    .safe(pair.element.name)))
                        })
            ),
        ]
        if let deadline = model.deadline {
            rows.append(
                (
                    ctx.t("Anmälan till IMY (72 timmar)", "Report to IMY (72 hours)"),
                    .group(
                        .span(.id("imy-deadline"), .safe(deadline)),
                        .if(
                            model.isDeadlineOverdue,
                            .group(.text(" "), Components.badge(ctx.t("Försenad", "Overdue"), kind: "error"))))
                ))
        }
        if model.status == .closed {
            rows.append((ctx.t("Lärdom", "Lesson learned"), .safe(model.lesson)))
        }
        return Components.facts(rows)
    }

    private func imy() -> Node<HTML.BodyContext> {
        let recorded: Node<HTML.BodyContext> =
            switch model.imyNotified {
            case .some(true):
                .p(
                    .safe(
                        ctx.t("IMY underrättades ", "IMY was notified on ")
                            + (model.imyNotifiedAt.map(Self.time) ?? "")
                            + (model.imyReference.isEmpty
                                ? "" : ctx.t(", ärende ", ", reference ") + model.imyReference)
                            + "."))
            case .some(false):
                .p(.safe(ctx.t("Anmäls inte till IMY. Skäl: ", "Not reported to IMY. Reason: ") + model.imyReason))
            case .none:
                .p(
                    .text(
                        ctx.t(
                            "Ingen anmälan till IMY är registrerad ännu.", "No report to IMY has been recorded yet.")))
            }
        let (day, time) = BreachNotificationDeadline.local(model.now)
        let f = builder(
            .imy,
            defaults: FormData([
                "notified": [model.imyNotified.map { $0 ? "true" : "false" } ?? "true"],
                "notifiedAt": [day.iso], "notifiedAtTime": [time.description], "reference": [model.imyReference],
                "reasonNotNotified": [model.imyReason],
            ]))
        let labels = [
            "notified": ctx.t("Underrättades IMY?", "Was IMY notified?"),
            "notifiedAt": ctx.t("Datum för anmälan", "Date of the report"),
            "notifiedAtTime": ctx.t("Klockslag för anmälan", "Time of the report"),
            "reference": ctx.t("IMY:s diarienummer", "IMY reference"),
            "reasonNotNotified": ctx.t("Skäl att inte anmäla", "Reason for not reporting"),
        ]
        return .section(
            .id("imy"),
            .h2(.text(ctx.t("Anmälan till IMY", "Report to IMY"))),
            .p(
                .class("hint"),
                .text(
                    ctx.t(
                        "En personuppgiftsincident anmäls till Integritetsskyddsmyndigheten inom 72 timmar från att den upptäcktes (GDPR art. 33), om den inte sannolikt saknar risk för de registrerades rättigheter. Då dokumenteras skälet.",
                        "A personal data breach is reported to the Swedish Authority for Privacy Protection within 72 hours of its discovery (GDPR art. 33), unless it is unlikely to risk the data subjects' rights; the reason is then recorded."
                    ))),
            recorded,
            .if(
                model.canHandle && model.status != .closed,
                .group(
                    f.errorSummary(labels: labels),
                    f.form(
                        action: IncidentRoutes.imy(model.tenantSlug, model.id),
                        f.select(
                            "notified", label: labels["notified"]!,
                            options: [
                                ("true", ctx.t("Ja, IMY underrättades", "Yes, IMY was notified")),
                                ("false", ctx.t("Nej, anmäls inte", "No, not reported")),
                            ], required: true),
                        f.input("notifiedAt", label: labels["notifiedAt"]!, type: "date"),
                        f.input("notifiedAtTime", label: labels["notifiedAtTime"]!, type: "time"),
                        f.input("reference", label: labels["reference"]!),
                        f.textarea(
                            "reasonNotNotified", label: labels["reasonNotNotified"]!,
                            hint: ctx.t("När IMY inte underrättas.", "When IMY is not notified."), rows: 3),
                        f.submit(ctx.t("Spara anmälan", "Save the report"))))))
    }

    private func actions() -> Node<HTML.BodyContext> {
        let f = builder(.action, defaults: FormData())
        let labels = [
            "description": ctx.t("Åtgärd", "Action"), "responsiblePersonId": ctx.t("Ansvarig", "Responsible"),
            "dueOn": ctx.t("Klar senast", "Due by"),
        ]
        let open = model.canHandle && model.status != .closed
        return .section(
            .id("actions"),
            .h2(.text(ctx.t("Åtgärder", "Actions"))),
            model.actions.isEmpty
                ? .p(.class("muted"), .text(ctx.t("Inga åtgärder ännu.", "No actions yet.")))
                : Components.tableWrap(
                    ctx.t("Åtgärder", "Actions"),
                    .table(
                        .caption(.class("visually-hidden"), .text(ctx.t("Åtgärder", "Actions"))),
                        .thead(
                            .tr(
                                Components.header(ctx.t("Åtgärd", "Action")),
                                Components.header(ctx.t("Ansvarig", "Responsible")),
                                Components.header(ctx.t("Klar senast", "Due by")),
                                Components.header(ctx.t("Status", "Status")))),
                        .tbody(.forEach(model.actions) { actionRow($0, open: open) }))),
            .if(
                open,
                .group(
                    .h3(.text(ctx.t("Lägg till åtgärd", "Add an action"))),
                    f.prefixingIDs("action-").errorSummary(labels: labels),
                    f.prefixingIDs("action-").form(
                        action: IncidentRoutes.actions(model.tenantSlug, model.id),
                        f.prefixingIDs("action-").textarea(
                            "description", label: labels["description"]!, rows: 2, required: true),
                        f.prefixingIDs("action-").select(
                            "responsiblePersonId", label: labels["responsiblePersonId"]!, options: model.people,
                            emptyLabel: ctx.t("— Ingen —", "— None —")),
                        f.prefixingIDs("action-").input("dueOn", label: labels["dueOn"]!, type: "date"),
                        f.submit(ctx.t("Lägg till åtgärden", "Add the action"))))))
    }

    private func actionRow(_ a: Action, open: Bool) -> Node<HTML.TableContext> {
        let f = FormBuilder(ctx: ctx, values: FormData())
        return .tr(
            .th(.attribute(named: "scope", value: "row"), .safe(a.description)),
            .td(Components.textOrDash(a.responsible, ctx)),
            .td(
                .text(a.dueOn?.iso ?? "–"),
                .if(a.isOverdue, .group(.text(" "), Components.badge(ctx.t("Försenad", "Overdue"), kind: "error")))),
            .td(
                a.done
                    ? Components.badge(ctx.t("Klar", "Done"), kind: "ok")
                    : .group(
                        .text(ctx.t("Pågår", "Ongoing")),
                        .if(
                            open,
                            .group(
                                .text(" "),
                                f.form(
                                    action: IncidentRoutes.actionDone(model.tenantSlug, model.id, a.id),
                                    f.submit(
                                        ctx.t("Markera klar", "Mark done"), secondary: true,
                                        hiddenContext: a.description)))))))
    }

    private func followUp() -> Node<HTML.BodyContext> {
        let f = builder(.note, defaults: FormData()).prefixingIDs("note-")
        let labels = ["text": ctx.t("Anteckning", "Note")]
        return .section(
            .id("follow-up"),
            .h2(.text(ctx.t("Uppföljning", "Follow-up"))),
            model.notes.isEmpty
                ? .p(.class("muted"), .text(ctx.t("Ingen uppföljning ännu.", "No follow-up yet.")))
                : .ul(
                    .class("plain"),
                    .forEach(model.notes) { n in
                        .li(
                            .strong(.safe("\(Self.time(n.at)) \(n.author)" + (n.status.map { " → \($0)" } ?? ""))),
                            .if(!n.text.isEmpty, .group(.text(": "), .safe(n.text))))
                    }),
            .if(
                model.canHandle,
                .group(
                    f.errorSummary(labels: labels),
                    f.form(
                        action: IncidentRoutes.notes(model.tenantSlug, model.id),
                        f.textarea("text", label: labels["text"]!, rows: 3, required: true),
                        f.submit(ctx.t("Lägg till anteckningen", "Add the note"), secondary: true)))))
    }

    private func statusSection() -> Node<HTML.BodyContext> {
        guard model.canHandle else { return .empty }
        let options: [(value: String, label: String)] =
            model.status.rank >= IncidentStatus.resolved.rank
            ? [IncidentStatus.closed, .investigating].filter { $0 != model.status }.map {
                (
                    $0.rawValue,
                    $0 == .investigating
                        ? ctx.t("Öppna igen (Under utredning)", "Reopen (Under investigation)") : ctx.t($0.label)
                )
            }
            : IncidentStatus.allCases.filter { $0.rank > model.status.rank }.map { ($0.rawValue, ctx.t($0.label)) }
        let next = options.first?.value ?? ""
        let f = builder(.status, defaults: FormData(["status": [next]])).prefixingIDs("status-")
        let labels = [
            "status": ctx.t("Ny status", "New status"), "lesson": ctx.t("Lärdom", "Lesson learned"),
            "reason": ctx.t("Skäl att öppna igen", "Reason for reopening"),
        ]
        return .section(
            .id("status"),
            .h2(.text(ctx.t("Status", "Status"))),
            f.errorSummary(labels: labels),
            f.form(
                action: IncidentRoutes.status(model.tenantSlug, model.id),
                f.select("status", label: labels["status"]!, options: options, required: true),
                f.textarea(
                    "lesson", label: labels["lesson"]!,
                    hint: ctx.t(
                        "Krävs för att avsluta: vad ni lärde er och vad som ändras.",
                        "Required to close: what was learned and what changes."), rows: 3),
                f.textarea(
                    "reason", label: labels["reason"]!,
                    hint: ctx.t("Krävs för att öppna igen.", "Required to reopen."), rows: 2),
                f.submit(ctx.t("Ändra status", "Change the status"))))
    }
}
