import Fluent
import Foundation
import StyrbordCore
import Vapor

/// JSON endpoints for suppliers.
struct SuppliersAPIController {
    @Sendable func index(req: Request) async throws -> ListResponse<SupplierResponse> {
        let tenant = try await req.tenant()
        let query = try ListQuery.strict(req.queryItems)
        let all = try await Supplier.scoped(to: tenant, on: req.db).sort(\.$sortKey).all()
            .filter { query.text.isEmpty || $0.name.lowercased().contains(query.text.lowercased()) }
        let page = all.dropFirst(query.offset).prefix(query.perPage)
        return ListResponse(
            items: try page.map(SupplierResponse.init), page: query.page, perPage: query.perPage, total: all.count)
    }

    @Sendable func show(req: Request) async throws -> SupplierResponse {
        try SupplierResponse(try await load(req))
    }

    @Sendable func create(req: Request) async throws -> Response {
        let tenant = try await req.tenant()
        let supplier = try await SupplierRules.create(
            try req.jsonBody(SupplierDraft.self), tenant: tenant, actor: .from(req), on: req.db)
        let response = try await SupplierResponse(supplier).encodeResponse(status: .created, for: req)
        response.headers.replaceOrAdd(
            name: .location, value: SupplierRoutes.apiShow(tenant.slug, try supplier.requireID()))
        return response
    }

    @Sendable func update(req: Request) async throws -> SupplierResponse {
        let supplier = try await load(req)
        let draft = try req.jsonBody(SupplierDraft.self)
        return try SupplierResponse(
            try await SupplierRules.update(
                supplier, with: draft, tenant: try await req.tenant(), actor: .from(req), on: req.db))
    }

    @Sendable func delete(req: Request) async throws -> HTTPStatus {
        try await SupplierRules.delete(try await load(req), actor: .from(req), message: nil, lang: .en, on: req.db)
        return .noContent
    }

    private func load(_ req: Request) async throws -> Supplier {
        try await Supplier.find(
            try req.parameters.require("supplierID", as: UUID.self), in: try await req.tenant(), on: req.db,
            what: Supplier.what)
    }
}
