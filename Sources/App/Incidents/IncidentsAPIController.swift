import Fluent
import Foundation
import StyrbordCore
import Vapor

/// JSON endpoints for incidents, their IMY notification, actions, follow-up, status and statistics.
struct IncidentsAPIController {
    @Sendable func index(req: Request) async throws -> ListResponse<IncidentSummary> {
        let tenant = try await req.tenant()
        let items = req.queryItems
        let query = try ListQuery.strict(items)
        let filter = try IncidentFilter(items, strict: true)
        let all = try await IncidentQueries.list(tenant: tenant, filter: filter, on: req.db)
        let page = Array(all.dropFirst(query.offset).prefix(query.perPage))
        let systems = try await IncidentQueries.systems(of: page, tenant: tenant, on: req.db)
        let now = req.dependencies.now()
        return ListResponse(
            items: page.map { IncidentSummary($0, systemIDs: systems[$0.id!] ?? [], now: now) }, page: query.page,
            perPage: query.perPage, total: all.count)
    }

    @Sendable func show(req: Request) async throws -> IncidentResponse {
        let tenant = try await req.tenant()
        return try await IncidentResponse.load(
            try await load(req, tenant), tenant: tenant, now: req.dependencies.now(), on: req.db)
    }

    @Sendable func create(req: Request) async throws -> Response {
        let tenant = try await req.tenant()
        let incident = try await IncidentRules.report(
            try req.jsonBody(IncidentDraft.self), tenant: tenant, actor: .from(req), on: req.db)
        let res = try await IncidentResponse.load(incident, tenant: tenant, now: req.dependencies.now(), on: req.db)
            .encodeResponse(status: .created, for: req)
        res.headers.replaceOrAdd(name: .location, value: IncidentRoutes.apiShow(tenant.slug, try incident.requireID()))
        return res
    }

    @Sendable func recordImy(req: Request) async throws -> IncidentResponse {
        let tenant = try await req.tenant()
        let incident = try await load(req, tenant)
        try await IncidentRules.recordImy(
            incident, try req.jsonBody(ImyNotificationDraft.self), actor: .from(req), on: req.db)
        return try await IncidentResponse.load(incident, tenant: tenant, now: req.dependencies.now(), on: req.db)
    }

    @Sendable func addAction(req: Request) async throws -> Response {
        let tenant = try await req.tenant()
        let incident = try await load(req, tenant)
        _ = try await IncidentRules.addAction(
            incident, try req.jsonBody(IncidentActionDraft.self), tenant: tenant, actor: .from(req), on: req.db)
        return try await IncidentResponse.load(incident, tenant: tenant, now: req.dependencies.now(), on: req.db)
            .encodeResponse(status: .created, for: req)
    }

    @Sendable func updateAction(req: Request) async throws -> IncidentResponse {
        let tenant = try await req.tenant()
        let incident = try await load(req, tenant)
        let action = try await loadAction(req, tenant, incident)
        try await IncidentRules.updateAction(
            action, try req.jsonBody(IncidentActionDraft.self), incident: incident, tenant: tenant, actor: .from(req),
            on: req.db)
        return try await IncidentResponse.load(incident, tenant: tenant, now: req.dependencies.now(), on: req.db)
    }

    @Sendable func addNote(req: Request) async throws -> Response {
        let tenant = try await req.tenant()
        let incident = try await load(req, tenant)
        _ = try await IncidentRules.addNote(
            incident, try req.jsonBody(IncidentNoteDraft.self), actor: .from(req), on: req.db)
        return try await IncidentResponse.load(incident, tenant: tenant, now: req.dependencies.now(), on: req.db)
            .encodeResponse(status: .created, for: req)
    }

    @Sendable func changeStatus(req: Request) async throws -> IncidentResponse {
        let tenant = try await req.tenant()
        let incident = try await load(req, tenant)
        try await IncidentRules.changeStatus(
            incident, try req.jsonBody(IncidentStatusDraft.self), actor: .from(req), on: req.db)
        return try await IncidentResponse.load(incident, tenant: tenant, now: req.dependencies.now(), on: req.db)
    }

    @Sendable func statistics(req: Request) async throws -> IncidentStatisticsResponse {
        let tenant = try await req.tenant()
        let stats = try await IncidentQueries.statistics(tenant: tenant, today: req.dependencies.today, on: req.db)
        let names = try await PlanQueries.systemNames(stats.bySystem.map(\.systemID), tenant: tenant, on: req.db)
        return IncidentStatisticsResponse(stats, names: names)
    }

    private func load(_ req: Request, _ tenant: Tenant) async throws -> Incident {
        try await Incident.find(
            try req.parameters.require("incidentID", as: UUID.self), in: tenant, on: req.db, what: Incident.what)
    }

    private func loadAction(_ req: Request, _ tenant: Tenant, _ incident: Incident) async throws -> IncidentAction {
        let action = try await IncidentAction.find(
            try req.parameters.require("actionID", as: UUID.self), in: tenant, on: req.db, what: IncidentAction.what)
        guard action.incidentID == incident.id else { throw CommonError.notFound(what: IncidentAction.what) }
        return action
    }
}
