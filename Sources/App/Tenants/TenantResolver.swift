import Fluent
import NIOConcurrencyHelpers
import StyrbordCore
import Vapor

extension Request {
    /// The tenant named in the path (`/t/:tenant/…` and `/api/v1/tenants/:tenant/…`), or 404.
    func tenant() async throws -> Tenant {
        if let cached = storage[CurrentTenantKey.self] { return cached }
        let slug = try parameters.require("tenant")
        guard let tenant = try await Tenant.query(on: db).filter(\.$slug == slug).first() else {
            throw CommonError.tenantNotFound(slug: slug)
        }
        storage[CurrentTenantKey.self] = tenant
        return tenant
    }

    private struct CurrentTenantKey: StorageKey { typealias Value = Tenant }
}
