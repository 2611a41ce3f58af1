import Fluent
import Foundation
import StyrbordCore
import Vapor

/// Everything that can go wrong with an incident beyond its fields.
enum IncidentError: AppError {
    /// Only a personal data breach is reported to IMY.
    case notABreach
    /// A closed incident is reopened before it is changed.
    case closed

    var status: HTTPResponseStatus { .conflict }

    var code: String {
        switch self {
        case .notABreach: "incident.not-a-breach"
        case .closed: "incident.closed"
        }
    }

    var userMessage: Localized {
        switch self {
        case .notABreach:
            Localized(
                sv: "Bara en personuppgiftsincident anmäls till IMY.",
                en: "Only a personal data breach is reported to IMY.")
        case .closed:
            Localized(
                sv: "Incidenten är avslutad. Öppna den igen för att ändra den.",
                en: "The incident is closed. Reopen it to change it.")
        }
    }
}

/// Checks and writes for incidents, their actions, follow-up and status. Pages, the API and tests all
/// come here; every write is one transaction with its history line (and its notices).
enum IncidentRules {
    /// Instants may lie a little ahead of the server's clock (a reporter's watch): five minutes.
    static let clockSlack: TimeInterval = 300

    /// Every problem with the draft: its own, instants in the future, and systems not in the register.
    static func problems(
        _ draft: IncidentDraft, tenant: Tenant, now: Date, on db: any Database
    ) async throws -> [ValidationIssue] {
        let (d, checked) = draft.checked()
        var issues = checked
        for (field, date) in [("occurredAt", d.occurredAt), ("discoveredAt", d.discoveredAt)]
        where date > now.addingTimeInterval(clockSlack) && !issues.contains(where: { $0.field == field }) {
            issues.append(
                ValidationIssue(
                    field: field,
                    message: Localized(sv: "Tidpunkten ligger i framtiden.", en: "The time is in the future.")))
        }
        if !d.systemIds.isEmpty && !issues.contains(where: { $0.field == "systemIds" }) {
            let found = try await ITSystem.scoped(to: tenant, on: db).filter(\.$id ~~ d.systemIds).count()
            if found != d.systemIds.count {
                issues.append(
                    ValidationIssue(
                        field: "systemIds",
                        message: Localized(
                            sv: "Något av systemen finns inte i registret.",
                            en: "One of the systems is not in the register.")))
            }
        }
        return issues
    }

    /// Reports an incident: stores it with its systems and history line, and tells the people responsible
    /// (F5: an access incident reaches the managers of its systems; a breach the data protection roles).
    static func report(
        _ draft: IncidentDraft, tenant: Tenant, actor: AuditActor, on db: any Database
    ) async throws -> Incident {
        try RecordStore.check(try await problems(draft, tenant: tenant, now: actor.now(), on: db))
        let d = draft.normalized()
        let profile = try await ProfileRules.current(tenant, on: db).1
        let tenantID = try tenant.requireID()
        var attempt = 0
        while true {
            attempt += 1
            do {
                return try await db.writeTransaction { tx in
                    let now = actor.now()
                    let year = CalendarDay(now).year
                    let last = try await Incident.scoped(to: tenant, on: tx).filter(\.$numberYear == year)
                        .sort(\.$number, .descending).first()
                    let incident = Incident()
                    incident.id = actor.uuid()
                    incident.tenantID = tenantID
                    incident.numberYear = year
                    incident.number = (last?.number ?? 0) + 1
                    incident.kind = d.kind
                    incident.severity = d.severity
                    incident.status = .reported
                    incident.title = d.title
                    incident.description = d.description
                    incident.occurredAt = d.occurredAt
                    incident.discoveredAt = d.discoveredAt
                    incident.reportedAt = now
                    incident.reportedByName = actor.name
                    incident.reportedByAccountID = actor.accountID
                    incident.imyNotified = nil
                    incident.imyNotifiedAt = nil
                    incident.imyReference = ""
                    incident.imyReason = ""
                    incident.lesson = ""
                    incident.createdAt = now
                    incident.updatedAt = now
                    try await incident.create(on: tx)
                    let id = try incident.requireID()
                    for systemID in d.systemIds {
                        try await IncidentSystem(
                            id: actor.uuid(), tenantID: tenantID, incidentID: id, systemID: systemID
                        )
                        .create(on: tx)
                    }
                    let recipients = try await self.recipients(
                        of: incident, systemIDs: d.systemIds, profile: profile, tenant: tenant, day: CalendarDay(now),
                        on: tx)
                    try await Notifier.post(
                        notice(for: incident, tenantSlug: tenant.slug), to: recipients, tenantID: tenantID,
                        actor: actor, on: tx)
                    try await AuditLog.record(
                        .create, objectType: Incident.objectType, objectID: id,
                        label: "\(incident.reference) \(incident.title)", tenantID: tenantID,
                        before: IncidentDraft?.none, after: d, systemID: d.systemIds.first, actor: actor, on: tx)
                    return incident
                }
            } catch let error as any DatabaseError where error.isConstraintFailure && attempt < 10 {
                continue
            }
        }
    }

    /// What the people responsible are told of a new incident.
    static func notice(for incident: Incident, tenantSlug: String) -> Notifier.Message {
        let kind: String =
            switch incident.kind {
            case .access: "incident.access"
            case .personalDataBreach: "incident.breach"
            default: "incident.reported"
            }
        var body =
            "\(incident.kind.label.sv), allvarlighet \(incident.severity.label.sv.lowercased()): \(incident.description)"
        if let deadline = incident.deadline {
            let (day, time) = deadline.localDeadline()
            body += "\n\nAnmäls till IMY senast \(day) \(time) (72 timmar efter upptäckten)."
        }
        return Notifier.Message(
            kind: kind, title: "Incident \(incident.reference): \(incident.title)", body: body,
            link: IncidentRoutes.show(tenantSlug, incident.id!), subjectType: Incident.objectType,
            subjectID: incident.id)
    }

    /// Who is told of a new incident: the holders of the profile's handler roles (the säkerhetschef); for an
    /// access incident the holders of its `access_notify` roles on each affected system (F5: systemägare and
    /// systemförvaltare, ersättare included); for a personal data breach the holders of its `breach_notify`
    /// roles (dataskyddsombud, informationssäkerhetssamordnare) that the municipality's catalogue has.
    static func recipients(
        of incident: Incident, systemIDs: [UUID], profile: GovernanceProfile, tenant: Tenant, day: CalendarDay,
        on db: any Database
    ) async throws -> [UUID] {
        let rules = profile.incidents
        var keys = Set(rules.handlers)
        if incident.kind == .personalDataBreach { keys.formUnion(rules.breachNotify) }
        let systemKeys = incident.kind == .access ? Set(rules.accessNotify) : []
        let allKeys = keys.union(systemKeys)
        guard !allKeys.isEmpty else { return [] }
        let types = try await RoleType.scoped(to: tenant, on: db).filter(\.$key ~~ Array(allKeys)).all()
        guard !types.isEmpty else { return [] }
        let keyOf = Dictionary(uniqueKeysWithValues: types.map { ($0.id!, $0.key) })
        let assignments = try await RoleAssignment.scoped(to: tenant, on: db).filter(\.$roleTypeID ~~ Array(keyOf.keys))
            .all()
        var people: [UUID] = []
        for a in assignments {
            guard let key = keyOf[a.roleTypeID],
                let from = CalendarDay(iso: a.validFrom), from <= day,
                a.validTo.flatMap(CalendarDay.init(iso:)).map({ day <= $0 }) ?? true
            else { continue }
            if systemKeys.contains(key), a.scope == .system, let system = a.systemID, systemIDs.contains(system) {
                people.append(a.personID)
            } else if keys.contains(key), a.scope != .system {
                people.append(a.personID)
            }
        }
        return people
    }

    /// Records whether IMY was notified of a personal data breach, when and under which reference, or why not.
    static func recordImy(
        _ incident: Incident, _ draft: ImyNotificationDraft, actor: AuditActor, on db: any Database
    ) async throws {
        guard incident.kind == .personalDataBreach else { throw IncidentError.notABreach }
        if incident.status == .closed { throw IncidentError.closed }
        let (d, issues) = draft.checked()
        var all = issues
        if let at = d.notifiedAt, !all.contains(where: { $0.field == "notifiedAt" }) {
            if at > actor.now().addingTimeInterval(clockSlack) {
                all.append(
                    ValidationIssue(
                        field: "notifiedAt",
                        message: Localized(sv: "Tidpunkten ligger i framtiden.", en: "The time is in the future.")))
            } else if at < incident.discoveredAt {
                all.append(
                    ValidationIssue(
                        field: "notifiedAt",
                        message: Localized(
                            sv: "IMY kan inte ha underrättats innan incidenten upptäcktes.",
                            en: "IMY can't have been notified before the incident was discovered.")))
            }
        }
        try RecordStore.check(all)
        let before = incident.imyDraft
        try await db.writeTransaction { tx in
            incident.imyNotified = d.notified
            incident.imyNotifiedAt = d.notifiedAt
            incident.imyReference = d.reference
            incident.imyReason = d.reasonNotNotified
            incident.updatedAt = actor.now()
            try await incident.update(on: tx)
            try await AuditLog.record(
                .update, objectType: Incident.objectType, objectID: try incident.requireID(),
                label: "\(incident.reference) IMY", tenantID: incident.tenantID, before: before, after: d,
                message: d.notified ? "Anmäld till IMY" : "Anmäls inte till IMY", actor: actor, on: tx)
        }
    }

    /// The responsible person must be one of the municipality's people.
    private static func checkPerson(_ id: UUID?, tenant: Tenant, on db: any Database) async throws -> [ValidationIssue]
    {
        guard let id else { return [] }
        if try await Person.scoped(to: tenant, on: db).filter(\.$id == id).count() > 0 { return [] }
        return [
            ValidationIssue(
                field: "responsiblePersonId",
                message: Localized(sv: "Välj en person ur registret.", en: "Choose a person from the register."))
        ]
    }

    static func addAction(
        _ incident: Incident, _ draft: IncidentActionDraft, tenant: Tenant, actor: AuditActor, on db: any Database
    ) async throws -> IncidentAction {
        if incident.status == .closed { throw IncidentError.closed }
        let (d, issues) = draft.checked()
        try RecordStore.check(issues + (try await checkPerson(d.responsiblePersonId, tenant: tenant, on: db)))
        return try await db.writeTransaction { tx in
            let action = IncidentAction()
            action.id = actor.uuid()
            action.tenantID = incident.tenantID
            action.incidentID = try incident.requireID()
            action.description = d.description
            action.responsiblePersonID = d.responsiblePersonId
            action.dueOn = d.dueOn?.iso
            action.done = d.done
            action.doneAt = d.done ? actor.now() : nil
            action.createdAt = actor.now()
            try await action.create(on: tx)
            try await AuditLog.record(
                .create, objectType: IncidentAction.objectType, objectID: try action.requireID(),
                label: "\(incident.reference): \(d.description)", tenantID: incident.tenantID,
                before: IncidentActionDraft?.none, after: d, actor: actor, on: tx)
            return action
        }
    }

    static func updateAction(
        _ action: IncidentAction, _ draft: IncidentActionDraft, incident: Incident, tenant: Tenant, actor: AuditActor,
        on db: any Database
    ) async throws {
        if incident.status == .closed { throw IncidentError.closed }
        let (d, issues) = draft.checked()
        try RecordStore.check(issues + (try await checkPerson(d.responsiblePersonId, tenant: tenant, on: db)))
        let before = action.draft
        guard before != d else { return }
        try await db.writeTransaction { tx in
            action.description = d.description
            action.responsiblePersonID = d.responsiblePersonId
            action.dueOn = d.dueOn?.iso
            if d.done != action.done { action.doneAt = d.done ? actor.now() : nil }
            action.done = d.done
            try await action.update(on: tx)
            try await AuditLog.record(
                .update, objectType: IncidentAction.objectType, objectID: try action.requireID(),
                label: "\(incident.reference): \(d.description)", tenantID: incident.tenantID, before: before,
                after: d, message: d.done && !before.done ? "Klar" : nil, actor: actor, on: tx)
        }
    }

    static func addNote(
        _ incident: Incident, _ draft: IncidentNoteDraft, actor: AuditActor, on db: any Database
    ) async throws -> IncidentNote {
        let (d, issues) = draft.checked()
        try RecordStore.check(issues)
        return try await db.writeTransaction { tx in
            let note = try await writeNote(incident, text: d.text, status: nil, actor: actor, on: tx)
            try await AuditLog.record(
                .create, objectType: IncidentNote.objectType, objectID: try note.requireID(),
                label: "\(incident.reference) uppföljning", tenantID: incident.tenantID,
                before: IncidentNoteDraft?.none, after: d, actor: actor, on: tx)
            return note
        }
    }

    private static func writeNote(
        _ incident: Incident, text: String, status: IncidentStatus?, actor: AuditActor, on db: any Database
    ) async throws -> IncidentNote {
        let note = IncidentNote()
        note.id = actor.uuid()
        note.tenantID = incident.tenantID
        note.incidentID = try incident.requireID()
        note.text = text
        note.status = status
        note.authorName = actor.name
        note.createdAt = actor.now()
        try await note.create(on: db)
        return note
    }

    /// Moves the incident along its flow: forward, closing with a lesson learned, or reopening with a reason.
    static func changeStatus(
        _ incident: Incident, _ draft: IncidentStatusDraft, actor: AuditActor, on db: any Database
    ) async throws {
        let (d, issues) = draft.checked()
        try RecordStore.check(issues + d.problems(from: incident.status))
        let before = IncidentStatusDraft(status: incident.status, lesson: incident.lesson)
        let reopening = d.status.rank < incident.status.rank
        try await db.writeTransaction { tx in
            incident.status = d.status
            if d.status == .closed {
                incident.lesson = d.lesson
                incident.closedAt = actor.now()
            } else {
                incident.closedAt = nil
            }
            incident.updatedAt = actor.now()
            try await incident.update(on: tx)
            let text =
                d.status == .closed
                ? d.lesson : reopening ? d.reason : [d.reason, d.lesson].first { !$0.isEmpty } ?? ""
            _ = try await writeNote(incident, text: text, status: d.status, actor: actor, on: tx)
            try await AuditLog.record(
                .update, objectType: Incident.objectType, objectID: try incident.requireID(),
                label: "\(incident.reference) \(d.status.label.sv.lowercased())", tenantID: incident.tenantID,
                before: before, after: d, message: reopening ? "Återöppnad" : d.status.label.sv, actor: actor, on: tx)
        }
    }

    /// The systems an incident touched, by id.
    static func systemIDs(of incidentID: UUID, on db: any Database) async throws -> [UUID] {
        try await IncidentSystem.query(on: db).filter(\.$incidentID == incidentID).all().map(\.systemID)
    }
}
