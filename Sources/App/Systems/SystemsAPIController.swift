import Fluent
import Foundation
import StyrbordCore
import Vapor

/// JSON endpoints for the system register under `/api/v1/tenants/{tenant}/systems`.
struct SystemsAPIController {
    /// GET the register, filtered, sorted and paged like the register page.
    @Sendable func index(req: Request) async throws -> ListResponse<SystemResponse> {
        let tenant = try await req.tenant()
        let query = try SystemQuery.parseStrict(req.queryItems)
        let context = try await req.registerContext(for: tenant)
        let page = try await query.run(tenant: tenant, context: context, on: req.db)
        let items = try await Self.responses(
            for: try await page.models(tenant: tenant, on: req.db), context: context, on: req.db)
        return ListResponse(items: items, page: query.page, perPage: query.perPage, total: page.total)
    }

    @Sendable func show(req: Request) async throws -> SystemResponse {
        let (tenant, system) = try await load(req)
        let context = try await req.registerContext(for: tenant)
        return try await Self.responses(for: [system], context: context, on: req.db)[0]
    }

    @Sendable func create(req: Request) async throws -> Response {
        let tenant = try await req.tenant()
        let draft = try req.jsonBody(SystemWriteRequest.self)
        let system = try await SystemRules.create(draft, tenant: tenant, actor: .from(req), on: req.db)
        let context = try await req.registerContext(for: tenant)
        let body = try await Self.responses(for: [system], context: context, on: req.db)[0]
        let response = try await body.encodeResponse(status: .created, for: req)
        response.headers.replaceOrAdd(name: .location, value: SystemRoutes.apiShow(tenant.slug, body.id))
        return response
    }

    /// PUT replaces the whole record (fields left out get their defaults).
    @Sendable func update(req: Request) async throws -> SystemResponse {
        let (tenant, system) = try await load(req)
        let draft = try req.jsonBody(SystemWriteRequest.self)
        let updated = try await SystemRules.update(
            system, with: draft, tenant: tenant, actor: .from(req),
            message: req.headers.first(name: "X-Change-Message"), on: req.db)
        let context = try await req.registerContext(for: tenant)
        return try await Self.responses(for: [updated], context: context, on: req.db)[0]
    }

    @Sendable func delete(req: Request) async throws -> HTTPStatus {
        let (tenant, system) = try await load(req)
        try await SystemRules.delete(system, tenant: tenant, actor: .from(req), on: req.db)
        return .noContent
    }

    /// What the system depends on and what depends on it, transitively.
    @Sendable func dependencies(req: Request) async throws -> DependenciesResponse {
        let (tenant, system) = try await load(req)
        let view = try await SystemDependencies.load(system: system, tenant: tenant, on: req.db)
        func map(_ reaches: [IntegrationGraph.Reach]) -> [DependencyResponse] {
            reaches.map {
                DependencyResponse(
                    systemId: $0.system, name: view.names[$0.system] ?? "", distance: $0.distance, via: $0.via)
            }
        }
        return DependenciesResponse(dependsOn: map(view.dependsOn), dependedOnBy: map(view.dependedOnBy))
    }

    @Sendable func history(req: Request) async throws -> [HistoryEntryResponse] {
        let (tenant, system) = try await load(req)
        return try await SystemHistory.entries(for: try system.requireID(), tenant: tenant, on: req.db).map(
            HistoryEntryResponse.init)
    }

    private func load(_ req: Request) async throws -> (Tenant, ITSystem) {
        let tenant = try await req.tenant()
        let id = try req.parameters.require("systemID", as: UUID.self)
        return (tenant, try await ITSystem.find(id, in: tenant, on: req.db, what: ITSystem.what))
    }

    /// Builds responses for several systems with one query per related table.
    static func responses(
        for systems: [ITSystem], context: RegisterContext, on db: any Database
    ) async throws -> [SystemResponse] {
        let ids = systems.compactMap(\.id)
        let links = ids.isEmpty ? [] : try await SystemUserOrgUnit.query(on: db).filter(\.$systemID ~~ ids).all()
        let users = Dictionary(grouping: links, by: \.systemID).mapValues {
            $0.map(\.orgUnitID).sorted { $0.uuidString < $1.uuidString }
        }
        let gaps = try await context.roleGaps(systems: systems, on: db)
        return try systems.map { s in
            try SystemResponse(s, userOrgUnitIds: users[s.id!] ?? [], gaps: gaps[s.id!] ?? [])
        }
    }
}

/// A system's place in the integration graph, for the integrations tab and the API.
struct SystemDependencies: Sendable {
    var dependsOn: [IntegrationGraph.Reach]
    var dependedOnBy: [IntegrationGraph.Reach]
    var names: [UUID: String]
    var layout: NeighbourhoodLayout
    /// The integrations that touch this system directly.
    var direct: [Integration]

    static func load(system: ITSystem, tenant: Tenant, on db: any Database) async throws -> SystemDependencies {
        let id = try system.requireID()
        let all = try await Integration.scoped(to: tenant, on: db).all()
        let edges = all.compactMap { i -> IntegrationGraph.Edge? in
            guard let target = i.targetSystemID, let iid = i.id else { return nil }
            return IntegrationGraph.Edge(id: iid, source: i.sourceSystemID, target: target)
        }
        let graph = IntegrationGraph(edges: edges)
        let up = graph.dependencies(of: id)
        let down = graph.dependents(of: id)
        let involved = Set(up.map(\.system) + down.map(\.system) + [id])
            .union(
                all.filter { $0.sourceSystemID == id || $0.targetSystemID == id }.flatMap {
                    [$0.sourceSystemID, $0.targetSystemID].compactMap { $0 }
                })
        let systems = try await ITSystem.scoped(to: tenant, on: db).filter(\.$id ~~ Array(involved)).field(\.$id).field(
            \.$name
        ).all()
        let names = Dictionary(uniqueKeysWithValues: systems.compactMap { s in s.id.map { ($0, s.name) } })
        return SystemDependencies(
            dependsOn: up, dependedOnBy: down, names: names,
            layout: NeighbourhoodLayout(center: id, graph: graph, names: names),
            direct: all.filter { $0.sourceSystemID == id || $0.targetSystemID == id })
    }
}

/// A system's history: its own changes and those of its roles, contracts and integrations. Security
/// events (an access denied to the system, say) are in the audit trail but not in its history.
enum SystemHistory {
    static func entries(for systemID: UUID, tenant: Tenant, on db: any Database) async throws -> [AuditEntry] {
        try await AuditEntry.query(on: db)
            .filter(\.$tenantID == (try tenant.requireID()))
            .group(.or) { $0.filter(\.$systemID == systemID).filter(\.$objectID == systemID) }
            .filter(\.$action ~~ AuditEntry.Action.changes)
            .sort(\.$at, .descending).sort(\.$id, .descending)
            .limit(500)
            .all()
    }
}
