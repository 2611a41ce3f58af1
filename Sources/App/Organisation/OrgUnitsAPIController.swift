import Fluent
import Foundation
import StyrbordCore
import Vapor

/// JSON endpoints for the organisation tree.
struct OrgUnitsAPIController {
    /// Units in tree order (each parent before its children), searched by name and short name.
    @Sendable func index(req: Request) async throws -> ListResponse<OrgUnitResponse> {
        let tenant = try await req.tenant()
        let query = try ListQuery.strict(req.queryItems)
        let units = try await OrgUnit.scoped(to: tenant, on: req.db).all()
        let byID = Dictionary(uniqueKeysWithValues: units.map { ($0.id!, $0) })
        let text = query.text.lowercased()
        let inTree = OrgTree(units: units).entries.compactMap { byID[$0.id] }
        // Units the tree can't reach (only a cycle written around the rules could cause that) still list, last.
        let reached = Set(inTree.compactMap(\.id))
        let all = (inTree + units.filter { !reached.contains($0.id!) }.sorted { $0.sortKey < $1.sortKey })
            .filter { text.isEmpty || $0.name.lowercased().contains(text) || $0.shortName.lowercased().contains(text) }
        let page = all.dropFirst(query.offset).prefix(query.perPage)
        return ListResponse(
            items: try page.map(OrgUnitResponse.init), page: query.page, perPage: query.perPage, total: all.count)
    }

    @Sendable func show(req: Request) async throws -> OrgUnitResponse {
        try OrgUnitResponse(try await load(req))
    }

    @Sendable func create(req: Request) async throws -> Response {
        let tenant = try await req.tenant()
        let unit = try await OrgUnitRules.create(
            try req.jsonBody(OrgUnitDraft.self), tenant: tenant, actor: .from(req), on: req.db)
        let response = try await OrgUnitResponse(unit).encodeResponse(status: .created, for: req)
        response.headers.replaceOrAdd(name: .location, value: OrgUnitRoutes.apiShow(tenant.slug, try unit.requireID()))
        return response
    }

    /// Replaces the whole unit with the body.
    @Sendable func update(req: Request) async throws -> OrgUnitResponse {
        let unit = try await load(req)
        let draft = try req.jsonBody(OrgUnitDraft.self)
        return try OrgUnitResponse(
            try await OrgUnitRules.update(
                unit, with: draft, tenant: try await req.tenant(), actor: .from(req), on: req.db))
    }

    @Sendable func delete(req: Request) async throws -> HTTPStatus {
        try await OrgUnitRules.delete(try await load(req), actor: .from(req), message: nil, lang: .en, on: req.db)
        return .noContent
    }

    private func load(_ req: Request) async throws -> OrgUnit {
        try await OrgUnit.find(
            try req.parameters.require("orgUnitID", as: UUID.self), in: try await req.tenant(), on: req.db,
            what: OrgUnit.what)
    }
}
