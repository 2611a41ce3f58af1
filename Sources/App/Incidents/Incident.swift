import Fluent
import Foundation
import StyrbordCore

/// An incident (T9, F5): reported by anyone, of a kind and severity, touching some systems of the register
/// (through `incident_systems`, so a system with incidents is not deleted silently), followed through its
/// status flow to a lesson learned. A personal data breach also records whether IMY was notified.
final class Incident: Model, @unchecked Sendable {
    static let objectType = "incident"
    static let schema = "incidents"

    @ID(key: .id) var id: UUID?
    @Field(key: "tenant_id") var tenantID: UUID
    /// INC-2026-3: per tenant and year, for people to say on the phone.
    @Field(key: "number_year") var numberYear: Int
    @Field(key: "number") var number: Int
    @Field(key: "kind") var kind: IncidentKind
    @Field(key: "severity") var severity: IncidentSeverity
    @Field(key: "status") var status: IncidentStatus
    @Field(key: "title") var title: String
    @Field(key: "description") var description: String
    @Field(key: "occurred_at") var occurredAt: Date
    @Field(key: "discovered_at") var discoveredAt: Date
    @Field(key: "reported_at") var reportedAt: Date
    @Field(key: "reported_by_name") var reportedByName: String
    @OptionalField(key: "reported_by_account_id") var reportedByAccountID: UUID?
    /// Nil until recorded: true when IMY was notified, false when it was decided not to.
    @OptionalField(key: "imy_notified") var imyNotified: Bool?
    @OptionalField(key: "imy_notified_at") var imyNotifiedAt: Date?
    @Field(key: "imy_reference") var imyReference: String
    @Field(key: "imy_reason") var imyReason: String
    @Field(key: "lesson") var lesson: String
    @OptionalField(key: "closed_at") var closedAt: Date?
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "updated_at") var updatedAt: Date

    var properties: [any AnyProperty] {
        [
            $id, $tenantID, $numberYear, $number, $kind, $severity, $status, $title, $description, $occurredAt,
            $discoveredAt, $reportedAt, $reportedByName, $reportedByAccountID, $imyNotified, $imyNotifiedAt,
            $imyReference, $imyReason, $lesson, $closedAt, $createdAt, $updatedAt,
        ]
    }

    init() {}

    var reference: String { "INC-\(numberYear)-\(number)" }

    var deadline: BreachNotificationDeadline? {
        guard kind == .personalDataBreach else { return nil }
        return BreachNotificationDeadline(awareAt: discoveredAt, notifiedAt: imyNotified == true ? imyNotifiedAt : nil)
    }

    func draft(systemIDs: [UUID]) -> IncidentDraft {
        IncidentDraft(
            kind: kind, severity: severity, title: title, description: description, occurredAt: occurredAt,
            discoveredAt: discoveredAt, systemIds: systemIDs)
    }

    var imyDraft: ImyNotificationDraft? {
        imyNotified.map {
            ImyNotificationDraft(
                notified: $0, notifiedAt: imyNotifiedAt, reference: imyReference, reasonNotNotified: imyReason)
        }
    }

    static let what = Localized(sv: "Incidenten", en: "The incident")
}

extension Incident: TenantScoped {}

/// A system an incident touched: a row per pair, with a foreign key to the register that refuses to let
/// the system go while the incident refers to it.
final class IncidentSystem: Model, @unchecked Sendable {
    static let schema = "incident_systems"

    @ID(key: .id) var id: UUID?
    @Field(key: "tenant_id") var tenantID: UUID
    @Field(key: "incident_id") var incidentID: UUID
    @Field(key: "system_id") var systemID: UUID

    var properties: [any AnyProperty] { [$id, $tenantID, $incidentID, $systemID] }

    init() {}

    init(id: UUID, tenantID: UUID, incidentID: UUID, systemID: UUID) {
        self.id = id
        self.tenantID = tenantID
        self.incidentID = incidentID
        self.systemID = systemID
    }
}

extension IncidentSystem: TenantScoped {}

/// An action (åtgärd) of an incident: what, who, by when, done or not.
final class IncidentAction: Model, @unchecked Sendable {
    static let objectType = "incident-action"
    static let schema = "incident_actions"

    @ID(key: .id) var id: UUID?
    @Field(key: "tenant_id") var tenantID: UUID
    @Field(key: "incident_id") var incidentID: UUID
    @Field(key: "description") var description: String
    @OptionalField(key: "responsible_person_id") var responsiblePersonID: UUID?
    @OptionalField(key: "due_on") var dueOn: String?
    @Field(key: "done") var done: Bool
    @OptionalField(key: "done_at") var doneAt: Date?
    @Field(key: "created_at") var createdAt: Date

    var properties: [any AnyProperty] {
        [$id, $tenantID, $incidentID, $description, $responsiblePersonID, $dueOn, $done, $doneAt, $createdAt]
    }

    init() {}

    var dueDay: CalendarDay? { dueOn.flatMap(CalendarDay.init(iso:)) }

    var draft: IncidentActionDraft {
        IncidentActionDraft(
            description: description, responsiblePersonId: responsiblePersonID, dueOn: dueDay, done: done)
    }

    static let what = Localized(sv: "Åtgärden", en: "The action")
}

extension IncidentAction: TenantScoped {}

/// One entry of an incident's follow-up: a note, or a status change with its lesson or reason.
final class IncidentNote: Model, @unchecked Sendable {
    static let objectType = "incident-note"
    static let schema = "incident_notes"

    @ID(key: .id) var id: UUID?
    @Field(key: "tenant_id") var tenantID: UUID
    @Field(key: "incident_id") var incidentID: UUID
    @Field(key: "text") var text: String
    /// The status the incident moved to with this entry; nil for a plain note.
    @OptionalField(key: "status") var status: IncidentStatus?
    @Field(key: "author_name") var authorName: String
    @Field(key: "created_at") var createdAt: Date

    var properties: [any AnyProperty] { [$id, $tenantID, $incidentID, $text, $status, $authorName, $createdAt] }

    init() {}
}

extension IncidentNote: TenantScoped {}
