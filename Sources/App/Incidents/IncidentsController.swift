import Fluent
import Foundation
import Plot
import StyrbordCore
import Vapor

/// HTML pages and form posts for incidents: the report form, the list, the incident page with its IMY
/// notification, actions, follow-up and status, and the statistics.
struct IncidentsController {
    @Sendable func index(req: Request) async throws -> Response {
        let tenant = try await req.tenant()
        let ctx = PageContext(request: req, tenant: tenant)
        let filter = try IncidentFilter(req.queryItems, strict: false)
        let incidents = try await IncidentQueries.list(tenant: tenant, filter: filter, on: req.db)
        let systems = try await IncidentQueries.systems(of: incidents, tenant: tenant, on: req.db)
        let names = try await PlanQueries.systemNames(systems.values.flatMap { $0 }, tenant: tenant, on: req.db)
        let now = req.dependencies.now()
        let all = try await ITSystem.scoped(to: tenant, on: req.db).sort(\.$sortKey).field(\.$id).field(\.$name).all()
        let items = Dictionary(req.queryItems, uniquingKeysWith: { a, _ in a })
        let model = IncidentListPage.Model(
            tenantSlug: tenant.slug,
            rows: incidents.map { i in
                IncidentListPage.Row(
                    id: i.id!, reference: i.reference, title: i.title, kind: ctx.t(i.kind.label),
                    severity: ctx.t(i.severity.label), status: ctx.t(i.status.label),
                    reportedOn: CalendarDay(i.reportedAt),
                    systems: (systems[i.id!] ?? []).compactMap { names[$0] }.sorted(),
                    deadline: IncidentShowPage.deadlineText(i, now: now, ctx: ctx))
            },
            filters: FormData([
                "kind": [items["kind"] ?? ""], "status": [items["status"] ?? ""],
                "severity": [items["severity"] ?? ""], "systemId": [items["systemId"] ?? ""],
            ]),
            systems: all.map { ($0.id!.uuidString, $0.name) })
        return IncidentListPage(model: model, ctx: ctx).render()
    }

    @Sendable func statistics(req: Request) async throws -> Response {
        let tenant = try await req.tenant()
        let ctx = PageContext(request: req, tenant: tenant)
        let stats = try await IncidentQueries.statistics(tenant: tenant, today: req.dependencies.today, on: req.db)
        let names = try await PlanQueries.systemNames(stats.bySystem.map(\.systemID), tenant: tenant, on: req.db)
        return IncidentStatisticsPage(
            model: .init(tenantSlug: tenant.slug, statistics: IncidentStatisticsResponse(stats, names: names)), ctx: ctx
        ).render()
    }

    @Sendable func new(req: Request) async throws -> Response {
        let tenant = try await req.tenant()
        let (day, time) = BreachNotificationDeadline.local(req.dependencies.now())
        let items = Dictionary(req.queryItems, uniquingKeysWith: { a, _ in a })
        let values = FormData([
            "occurredAt": [day.iso], "occurredAtTime": [time.description], "discoveredAt": [day.iso],
            "discoveredAtTime": [time.description], "severity": [IncidentSeverity.medium.rawValue],
            "systemIds": [items["systemId"] ?? ""].filter { !$0.isEmpty },
        ])
        return try await form(req, tenant, values: values, errors: FormErrors(), status: .ok)
    }

    @Sendable func create(req: Request) async throws -> Response {
        let tenant = try await req.tenant()
        let values = try req.formData()
        return try await FormSubmission.handle {
            let (draft, issues) = Self.draft(from: values)
            guard let draft else { throw ValidationFailure(issues: issues) }
            let more = try await IncidentRules.problems(
                draft, tenant: tenant, now: req.dependencies.now(), on: req.db)
            try RecordStore.check(issues + more.filter { m in !issues.contains { $0.field == m.field } })
            let incident = try await IncidentRules.report(draft, tenant: tenant, actor: .from(req), on: req.db)
            return req.redirect(to: IncidentRoutes.show(tenant.slug, try incident.requireID()), flash: .created)
        } showErrors: { errors in
            try await form(req, tenant, values: values, errors: errors, status: .unprocessableEntity)
        }
    }

    @Sendable func show(req: Request) async throws -> Response {
        let tenant = try await req.tenant()
        return try await showPage(req, tenant, try await load(req, tenant), failed: nil, status: .ok)
    }

    @Sendable func recordImy(req: Request) async throws -> Response {
        let tenant = try await req.tenant()
        let incident = try await load(req, tenant)
        let values = try req.formData()
        return try await FormSubmission.handle {
            var issues: [ValidationIssue] = []
            let notified = values["notified"]
            if notified != "true" && notified != "false" {
                issues.append(
                    ValidationIssue(
                        field: "notified",
                        message: Localized(sv: "Ange om IMY underrättades.", en: "Say whether IMY was notified.")))
            }
            let at =
                notified == "true" ? Self.instant(values, "notifiedAt", &issues, required: true) : nil
            try RecordStore.check(issues)
            try await IncidentRules.recordImy(
                incident,
                ImyNotificationDraft(
                    notified: notified == "true", notifiedAt: at, reference: values.untrimmed("reference"),
                    reasonNotNotified: values.untrimmed("reasonNotNotified")), actor: .from(req), on: req.db)
            return req.redirect(to: IncidentRoutes.show(tenant.slug, try incident.requireID()) + "#imy", flash: .saved)
        } showErrors: { errors in
            try await showPage(req, tenant, incident, failed: .init(form: .imy, values: values, errors: errors))
        }
    }

    @Sendable func addAction(req: Request) async throws -> Response {
        let tenant = try await req.tenant()
        let incident = try await load(req, tenant)
        let values = try req.formData()
        return try await FormSubmission.handle {
            var issues: [ValidationIssue] = []
            let due = FormParser.day(values, "dueOn", &issues)
            let person = values["responsiblePersonId"]
            if !person.isEmpty && UUID.parsing(person) == nil {
                issues.append(
                    ValidationIssue(
                        field: "responsiblePersonId", message: Localized(sv: "Välj en person.", en: "Choose a person."))
                )
            }
            try RecordStore.check(issues)
            _ = try await IncidentRules.addAction(
                incident,
                IncidentActionDraft(
                    description: values.untrimmed("description"), responsiblePersonId: UUID.parsing(person),
                    dueOn: due), tenant: tenant, actor: .from(req), on: req.db)
            return req.redirect(
                to: IncidentRoutes.show(tenant.slug, try incident.requireID()) + "#actions", flash: .saved)
        } showErrors: { errors in
            try await showPage(req, tenant, incident, failed: .init(form: .action, values: values, errors: errors))
        }
    }

    @Sendable func actionDone(req: Request) async throws -> Response {
        let tenant = try await req.tenant()
        let incident = try await load(req, tenant)
        let action = try await IncidentAction.find(
            try req.parameters.require("actionID", as: UUID.self), in: tenant, on: req.db, what: IncidentAction.what)
        guard action.incidentID == incident.id else { throw CommonError.notFound(what: IncidentAction.what) }
        var draft = action.draft
        draft.done = true
        try await IncidentRules.updateAction(
            action, draft, incident: incident, tenant: tenant, actor: .from(req), on: req.db)
        return req.redirect(to: IncidentRoutes.show(tenant.slug, try incident.requireID()) + "#actions", flash: .saved)
    }

    @Sendable func addNote(req: Request) async throws -> Response {
        let tenant = try await req.tenant()
        let incident = try await load(req, tenant)
        let values = try req.formData()
        return try await FormSubmission.handle {
            _ = try await IncidentRules.addNote(
                incident, IncidentNoteDraft(text: values.untrimmed("text")), actor: .from(req), on: req.db)
            return req.redirect(
                to: IncidentRoutes.show(tenant.slug, try incident.requireID()) + "#follow-up", flash: .saved)
        } showErrors: { errors in
            try await showPage(req, tenant, incident, failed: .init(form: .note, values: values, errors: errors))
        }
    }

    @Sendable func changeStatus(req: Request) async throws -> Response {
        let tenant = try await req.tenant()
        let incident = try await load(req, tenant)
        let values = try req.formData()
        return try await FormSubmission.handle {
            guard let status = IncidentStatus(rawValue: values["status"]) else {
                throw ValidationFailure(issues: [
                    ValidationIssue(field: "status", message: Localized(sv: "Välj status.", en: "Choose the status."))
                ])
            }
            try await IncidentRules.changeStatus(
                incident,
                IncidentStatusDraft(
                    status: status, lesson: values.untrimmed("lesson"), reason: values.untrimmed("reason")),
                actor: .from(req), on: req.db)
            return req.redirect(to: IncidentRoutes.show(tenant.slug, try incident.requireID()), flash: .saved)
        } showErrors: { errors in
            try await showPage(req, tenant, incident, failed: .init(form: .status, values: values, errors: errors))
        }
    }

    // MARK: - Rendering

    private func showPage(
        _ req: Request, _ tenant: Tenant, _ incident: Incident, failed: IncidentShowPage.FailedForm?,
        status: HTTPResponseStatus = .unprocessableEntity
    ) async throws -> Response {
        let ctx = PageContext(request: req, tenant: tenant)
        let id = try incident.requireID()
        let now = req.dependencies.now()
        let systemIDs = try await IncidentRules.systemIDs(of: id, on: req.db)
        let names = try await PlanQueries.systemNames(systemIDs, tenant: tenant, on: req.db)
        let actions = try await IncidentAction.scoped(to: tenant, on: req.db).filter(\.$incidentID == id)
            .sort(\.$createdAt).sort(\.$id).all()
        let notes = try await IncidentNote.scoped(to: tenant, on: req.db).filter(\.$incidentID == id)
            .sort(\.$createdAt).sort(\.$id).all()
        let canHandle = await req.can(.handleIncident(try await AccessFacts.incident(incident, tenant, req)))
        let people = try await Person.scoped(to: tenant, on: req.db).filter(\.$isActive == true).sort(\.$sortKey)
            .field(\.$id).field(\.$name).all()
        let personNames = Dictionary(uniqueKeysWithValues: people.map { ($0.id!, $0.name) })
        let today = req.dependencies.today
        let model = IncidentShowPage.Model(
            tenantSlug: tenant.slug, id: id, reference: incident.reference, title: incident.title,
            kind: incident.kind, severity: ctx.t(incident.severity.label), status: incident.status,
            description: incident.description, occurredAt: incident.occurredAt, discoveredAt: incident.discoveredAt,
            reportedAt: incident.reportedAt, reportedBy: incident.reportedByName,
            systems: systemIDs.map { ($0, names[$0] ?? ctx.t("(borttaget system)", "(removed system)")) },
            deadline: IncidentShowPage.deadlineText(incident, now: now, ctx: ctx),
            isDeadlineOverdue: BreachDeadlineResponse(incident, now: now).state == "overdue",
            imyNotified: incident.imyNotified, imyNotifiedAt: incident.imyNotifiedAt,
            imyReference: incident.imyReference,
            imyReason: incident.imyReason, lesson: incident.lesson,
            actions: actions.map { a in
                IncidentShowPage.Action(
                    id: a.id!, description: a.description,
                    responsible: a.responsiblePersonID.flatMap { personNames[$0] }, dueOn: a.dueDay, done: a.done,
                    isOverdue: !a.done && (a.dueDay.map { $0 < today } ?? false))
            },
            notes: notes.map {
                IncidentShowPage.Note(
                    text: $0.text, status: $0.status.map { ctx.t($0.label) }, author: $0.authorName, at: $0.createdAt)
            },
            people: people.map { ($0.id!.uuidString, $0.name) }, canHandle: canHandle, now: now, failed: failed)
        return IncidentShowPage(model: model, ctx: ctx).render(status: status)
    }

    private func form(
        _ req: Request, _ tenant: Tenant, values: FormData, errors: FormErrors, status: HTTPResponseStatus
    ) async throws -> Response {
        let ctx = PageContext(request: req, tenant: tenant)
        let systems = try await ITSystem.scoped(to: tenant, on: req.db).sort(\.$sortKey).field(\.$id).field(\.$name)
            .all()
        let labels = [
            "kind": ctx.t("Slag av incident", "Kind of incident"), "severity": ctx.t("Allvarlighet", "Severity"),
            "title": ctx.t("Rubrik", "Title"), "description": ctx.t("Vad hände?", "What happened?"),
            "occurredAt": ctx.t("Datum då det hände", "Date it happened"),
            "occurredAtTime": ctx.t("Klockslag då det hände", "Time it happened"),
            "discoveredAt": ctx.t("Datum då det upptäcktes", "Date it was discovered"),
            "discoveredAtTime": ctx.t("Klockslag då det upptäcktes", "Time it was discovered"),
            "systemIds": ctx.t("Berörda system", "Systems affected"),
        ]
        let model = RecordFormPage.Model(
            heading: ctx.t("Rapportera en incident", "Report an incident"),
            breadcrumbs: [
                Breadcrumb(title: ctx.t("Incidenter", "Incidents"), url: IncidentRoutes.index(tenant.slug)),
                Breadcrumb(title: ctx.t("Rapportera", "Report")),
            ], section: .incidents, action: IncidentRoutes.index(tenant.slug),
            cancelURL: IncidentRoutes.index(tenant.slug),
            submitLabel: ctx.t("Rapportera incidenten", "Report the incident"), values: values, errors: errors,
            labels: labels,
            intro: ctx.t(
                "Alla medarbetare rapporterar incidenter (T9). En personuppgiftsincident ska anmälas till IMY inom 72 timmar från att den upptäcktes; en behörighetsincident går till de ansvariga för systemet (F5). Tider anges i svensk tid.",
                "Every employee reports incidents (T9). A personal data breach must be reported to IMY within 72 hours of its discovery; an access incident goes to the people responsible for the system (F5). Times are Swedish time."
            ))
        return RecordFormPage(model: model, ctx: ctx) { f in
            .group(
                f.select(
                    "kind", label: labels["kind"]!, options: f.options(IncidentKind.self),
                    emptyLabel: ctx.t("— Välj —", "— Choose —"), required: true),
                f.select(
                    "severity", label: labels["severity"]!, options: f.options(IncidentSeverity.self), required: true),
                f.input("title", label: labels["title"]!, required: true),
                f.textarea("description", label: labels["description"]!, rows: 5, required: true),
                f.input("occurredAt", label: labels["occurredAt"]!, type: "date", required: true),
                f.input("occurredAtTime", label: labels["occurredAtTime"]!, type: "time", required: true),
                f.input("discoveredAt", label: labels["discoveredAt"]!, type: "date", required: true),
                f.input("discoveredAtTime", label: labels["discoveredAtTime"]!, type: "time", required: true),
                f.checkboxGroup(
                    "systemIds", legend: labels["systemIds"]!, options: systems.map { ($0.id!.uuidString, $0.name) },
                    hint: ctx.t(
                        "För en behörighetsincident: minst ett system.", "For an access incident: at least one system.")
                ))
        }.render(status: status)
    }

    private func load(_ req: Request, _ tenant: Tenant) async throws -> Incident {
        try await Incident.find(
            try req.parameters.require("incidentID", as: UUID.self), in: tenant, on: req.db, what: Incident.what)
    }

    // MARK: - Reading the forms

    /// A Swedish day and time from the fields `field` (date) and `field + "Time"` (HH:mm).
    static func instant(_ f: FormData, _ field: String, _ issues: inout [ValidationIssue], required: Bool) -> Date? {
        let day = FormParser.day(f, field, &issues)
        let rawTime = f[field + "Time"]
        let time = rawTime.isEmpty ? TimeOfDay(hour: 0, minute: 0) : TimeOfDay(rawTime)
        if time == nil {
            issues.append(
                ValidationIssue(
                    field: field + "Time",
                    message: Localized(sv: "Ange klockslaget som 14:30.", en: "Enter the time as 14:30.")))
        }
        if day == nil && required && !issues.contains(where: { $0.field == field }) {
            issues.append(
                ValidationIssue(field: field, message: Localized(sv: "Ange ett datum.", en: "Enter a date.")))
        }
        guard let day, let time else { return nil }
        return time.on(day)
    }

    static func draft(from f: FormData) -> (IncidentDraft?, [ValidationIssue]) {
        var issues: [ValidationIssue] = []
        let occurred = instant(f, "occurredAt", &issues, required: true)
        let discovered = instant(f, "discoveredAt", &issues, required: true)
        let kind = IncidentKind(rawValue: f["kind"])
        if kind == nil {
            issues.append(
                ValidationIssue(field: "kind", message: Localized(sv: "Välj slag av incident.", en: "Choose the kind."))
            )
        }
        let severity = IncidentSeverity(rawValue: f["severity"])
        if severity == nil {
            issues.append(
                ValidationIssue(
                    field: "severity", message: Localized(sv: "Välj allvarlighet.", en: "Choose the severity.")))
        }
        let systems = f.all("systemIds").filter { !$0.isEmpty }
        let ids = systems.compactMap(UUID.parsing)
        if ids.count != systems.count {
            issues.append(
                ValidationIssue(
                    field: "systemIds",
                    message: Localized(sv: "Välj system ur listan.", en: "Choose systems from the list.")))
        }
        let draft = IncidentDraft(
            kind: kind ?? .informationSecurity, severity: severity ?? .medium, title: f.untrimmed("title"),
            description: f.untrimmed("description"), occurredAt: occurred ?? IncidentDraftDefaults.placeholder,
            discoveredAt: discovered ?? occurred ?? IncidentDraftDefaults.placeholder, systemIds: ids)
        let checks = draft.checked().issues.filter { c in
            !issues.contains { $0.field == c.field } && (kind != nil || c.field != "systemIds")
                && (occurred != nil || c.field != "occurredAt") && (discovered != nil || c.field != "discoveredAt")
        }
        return (
            issues.isEmpty && checks.isEmpty ? draft : (kind == nil || severity == nil ? nil : draft), issues + checks
        )
    }
}

/// A stand-in instant for a draft whose date could not be read (its problem is already reported).
enum IncidentDraftDefaults {
    static let placeholder = Date(timeIntervalSince1970: 1_767_225_600)  // 2026-01-01
}
