import Fluent
import Foundation
import StyrbordCore
import Vapor

/// Which incidents a list shows: by kind, status, severity, system, and open or not.
struct IncidentFilter: Sendable {
    var kind: IncidentKind?
    var status: IncidentStatus?
    var severity: IncidentSeverity?
    var systemId: UUID?
    /// Only incidents not closed.
    var openOnly = false

    static let keys = ["kind", "status", "severity", "systemId", "open"]

    init(_ items: [(String, String)], strict: Bool) throws {
        var issues = strict ? ListQuery.emptyParameters(items, among: Self.keys) : []
        let dict = Dictionary(items, uniquingKeysWith: { a, _ in a })
        func bad(_ field: String) {
            issues.append(ValidationIssue(field: field, message: Localized(sv: "Okänt värde.", en: "Unknown value.")))
        }
        if let raw = dict["kind"], !raw.isEmpty {
            kind = IncidentKind(rawValue: raw)
            if kind == nil { bad("kind") }
        }
        if let raw = dict["status"], !raw.isEmpty {
            status = IncidentStatus(rawValue: raw)
            if status == nil { bad("status") }
        }
        if let raw = dict["severity"], !raw.isEmpty {
            severity = IncidentSeverity(rawValue: raw)
            if severity == nil { bad("severity") }
        }
        if let raw = dict["systemId"], !raw.isEmpty {
            systemId = UUID.parsing(raw)
            if systemId == nil { bad("systemId") }
        }
        if let raw = dict["open"], !raw.isEmpty {
            switch raw {
            case "true": openOnly = true
            case "false": openOnly = false
            default: bad("open")
            }
        }
        if strict && !issues.isEmpty { throw InvalidQuery(issues: issues) }
    }
}

/// Reads shared by the pages and the API.
enum IncidentQueries {
    /// The tenant's incidents, newest first.
    static func list(tenant: Tenant, filter: IncidentFilter, on db: any Database) async throws -> [Incident] {
        var q = try Incident.scoped(to: tenant, on: db)
        if let kind = filter.kind { q = q.filter(\.$kind == kind) }
        if let status = filter.status { q = q.filter(\.$status == status) }
        if let severity = filter.severity { q = q.filter(\.$severity == severity) }
        if filter.openOnly { q = q.filter(\.$status != .closed) }
        if let system = filter.systemId {
            let ids = try await IncidentSystem.scoped(to: tenant, on: db).filter(\.$systemID == system).all()
                .map(\.incidentID)
            q = q.filter(\.$id ~~ ids)
        }
        return try await q.sort(\.$reportedAt, .descending).sort(\.$id).all()
    }

    /// The systems of each incident.
    static func systems(of incidents: [Incident], tenant: Tenant, on db: any Database) async throws -> [UUID: [UUID]] {
        guard !incidents.isEmpty else { return [:] }
        let rows = try await IncidentSystem.scoped(to: tenant, on: db).filter(
            \.$incidentID ~~ incidents.compactMap(\.id)
        )
        .all()
        return Dictionary(grouping: rows, by: \.incidentID).mapValues { $0.map(\.systemID) }
    }

    /// Every incident of the last twelve months (by when it happened), counted per month, kind and system.
    static func statistics(
        tenant: Tenant, today: CalendarDay, on db: any Database
    ) async throws
        -> IncidentStatistics
    {
        let start = YearMonth(today).adding(months: -11)
        let from = CalendarDay(year: start.year, month: start.month, day: 1)!.startDate
        let incidents = try await Incident.scoped(to: tenant, on: db).filter(\.$occurredAt >= from).all()
        let systems = try await self.systems(of: incidents, tenant: tenant, on: db)
        return IncidentStatistics(
            entries: incidents.map {
                IncidentStatistics.Entry(
                    occurredOn: CalendarDay($0.occurredAt), kind: $0.kind, systemIDs: systems[$0.id!] ?? [])
            }, today: today)
    }
}

/// Where the 72 hours for notifying IMY stand (GDPR art. 33).
struct BreachDeadlineResponse: Content {
    /// When the 72 hours run out.
    var deadlineAt: Date
    /// `running`, `overdue`, `notified-in-time`, `notified-late`, or `not-notified` (a reason is recorded).
    var state: String
    /// Seconds left while running; negative once overdue; nil once decided.
    var secondsLeft: Int?

    init(_ incident: Incident, now: Date) {
        let deadline = BreachNotificationDeadline(
            awareAt: incident.discoveredAt, notifiedAt: incident.imyNotified == true ? incident.imyNotifiedAt : nil)
        deadlineAt = deadline.deadline
        if incident.imyNotified == false {
            state = "not-notified"
            return
        }
        switch deadline.state(now: now) {
        case .running(let remaining):
            state = "running"
            secondsLeft = Int(remaining)
        case .overdue(let by):
            state = "overdue"
            secondsLeft = -Int(by)
        case .notifiedInTime: state = "notified-in-time"
        case .notifiedLate: state = "notified-late"
        }
    }
}

/// An incident in a list.
struct IncidentSummary: Content {
    var id: UUID
    var reference: String
    var kind: IncidentKind
    var severity: IncidentSeverity
    var status: IncidentStatus
    var title: String
    var occurredAt: Date
    var discoveredAt: Date
    var reportedAt: Date
    var systemIds: [UUID]
    /// Only for a personal data breach.
    var imyDeadline: BreachDeadlineResponse?

    init(_ i: Incident, systemIDs: [UUID], now: Date) {
        id = i.id!
        reference = i.reference
        kind = i.kind
        severity = i.severity
        status = i.status
        title = i.title
        occurredAt = i.occurredAt
        discoveredAt = i.discoveredAt
        reportedAt = i.reportedAt
        systemIds = systemIDs
        imyDeadline = i.kind == .personalDataBreach ? BreachDeadlineResponse(i, now: now) : nil
    }
}

struct IncidentActionResponse: Content {
    var id: UUID
    var description: String
    var responsiblePersonId: UUID?
    var dueOn: CalendarDay?
    var done: Bool
    var doneAt: Date?

    init(_ a: IncidentAction) {
        id = a.id!
        description = a.description
        responsiblePersonId = a.responsiblePersonID
        dueOn = a.dueDay
        done = a.done
        doneAt = a.doneAt
    }
}

struct IncidentNoteResponse: Content {
    var id: UUID
    var text: String
    var status: IncidentStatus?
    var authorName: String
    var createdAt: Date
}

/// An incident with everything recorded about it.
struct IncidentResponse: Content {
    struct Imy: Content {
        /// Nil until recorded.
        var notified: Bool?
        var notifiedAt: Date?
        var reference: String
        var reasonNotNotified: String
        var deadline: BreachDeadlineResponse
    }

    var id: UUID
    var reference: String
    var kind: IncidentKind
    var severity: IncidentSeverity
    var status: IncidentStatus
    var title: String
    var description: String
    var occurredAt: Date
    var discoveredAt: Date
    var reportedAt: Date
    var reportedBy: String
    var systemIds: [UUID]
    /// Only for a personal data breach.
    var imy: Imy?
    var lesson: String
    var closedAt: Date?
    var actions: [IncidentActionResponse]
    var notes: [IncidentNoteResponse]

    static func load(_ i: Incident, tenant: Tenant, now: Date, on db: any Database) async throws -> IncidentResponse {
        let id = try i.requireID()
        let actions = try await IncidentAction.scoped(to: tenant, on: db).filter(\.$incidentID == id)
            .sort(\.$createdAt).sort(\.$id).all()
        let notes = try await IncidentNote.scoped(to: tenant, on: db).filter(\.$incidentID == id)
            .sort(\.$createdAt).sort(\.$id).all()
        return IncidentResponse(
            id: id, reference: i.reference, kind: i.kind, severity: i.severity, status: i.status, title: i.title,
            description: i.description, occurredAt: i.occurredAt, discoveredAt: i.discoveredAt,
            reportedAt: i.reportedAt, reportedBy: i.reportedByName,
            systemIds: try await IncidentRules.systemIDs(of: id, on: db),
            imy: i.kind == .personalDataBreach
                ? Imy(
                    notified: i.imyNotified, notifiedAt: i.imyNotifiedAt, reference: i.imyReference,
                    reasonNotNotified: i.imyReason, deadline: BreachDeadlineResponse(i, now: now)) : nil,
            lesson: i.lesson, closedAt: i.closedAt, actions: actions.map(IncidentActionResponse.init),
            notes: notes.map {
                IncidentNoteResponse(
                    id: $0.id!, text: $0.text, status: $0.status, authorName: $0.authorName, createdAt: $0.createdAt)
            })
    }
}

/// Incidents per month over the last twelve months: in total, per kind and per system.
struct IncidentStatisticsResponse: Content {
    struct KindRow: Content {
        var kind: IncidentKind
        var counts: [Int]
        var total: Int
    }

    struct SystemRow: Content {
        var systemId: UUID
        var name: String
        var counts: [Int]
        var total: Int
    }

    var months: [String]
    var totals: [Int]
    var byKind: [KindRow]
    var bySystem: [SystemRow]

    init(_ s: IncidentStatistics, names: [UUID: String]) {
        months = s.months.map(\.description)
        totals = s.totals
        byKind = s.byKind.map { KindRow(kind: $0.kind, counts: $0.counts, total: $0.counts.reduce(0, +)) }
        bySystem = s.bySystem.map {
            SystemRow(
                systemId: $0.systemID, name: names[$0.systemID] ?? "", counts: $0.counts, total: $0.counts.reduce(0, +))
        }
    }
}
