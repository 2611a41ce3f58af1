import Fluent
import Foundation
import StyrbordCore
import Vapor

/// JSON endpoints for förvaltningsobjekt.
struct ManagementObjectsAPIController {
    /// Objects by name, searched by name.
    @Sendable func index(req: Request) async throws -> ListResponse<ManagementObjectResponse> {
        let tenant = try await req.tenant()
        let query = try ListQuery.strict(req.queryItems)
        let all = try await ManagementObjectsController.matching(query.text, tenant: tenant, on: req.db)
        let page = all.dropFirst(query.offset).prefix(query.perPage)
        return ListResponse(
            items: try page.map(ManagementObjectResponse.init), page: query.page, perPage: query.perPage,
            total: all.count)
    }

    @Sendable func show(req: Request) async throws -> ManagementObjectResponse {
        try ManagementObjectResponse(try await load(req))
    }

    @Sendable func create(req: Request) async throws -> Response {
        let tenant = try await req.tenant()
        let object = try await ManagementObjectRules.create(
            try req.jsonBody(ManagementObjectDraft.self), tenant: tenant, actor: .from(req), on: req.db)
        let response = try await ManagementObjectResponse(object).encodeResponse(status: .created, for: req)
        response.headers.replaceOrAdd(
            name: .location, value: ManagementObjectRoutes.apiShow(tenant.slug, try object.requireID()))
        return response
    }

    /// Replaces the whole object with the body.
    @Sendable func update(req: Request) async throws -> ManagementObjectResponse {
        let object = try await load(req)
        let draft = try req.jsonBody(ManagementObjectDraft.self)
        return try ManagementObjectResponse(
            try await ManagementObjectRules.update(
                object, with: draft, tenant: try await req.tenant(), actor: .from(req), on: req.db))
    }

    @Sendable func delete(req: Request) async throws -> HTTPStatus {
        try await ManagementObjectRules.delete(
            try await load(req), actor: .from(req), message: nil, lang: .en, on: req.db)
        return .noContent
    }

    private func load(_ req: Request) async throws -> ManagementObject {
        try await ManagementObject.find(
            try req.parameters.require("managementObjectID", as: UUID.self), in: try await req.tenant(),
            on: req.db, what: ManagementObject.what)
    }
}
