import Fluent
import Foundation
import NIOConcurrencyHelpers
import StyrbordCore
import Vapor

/// The org tree and role catalogue of each tenant, kept while the tenant's data version is unchanged.
/// Every audited write bumps the version in the database (`AuditLog.record`), so an entry can never
/// outlive a change, whichever process or instance made it.
final class RegisterCache: Sendable {
    struct Entry: Sendable {
        var version: Int64
        var orgTree: OrgTree
        var roleTypes: [RoleType]
        /// The roles each kind of system must have, from the tenant's governance profile (T11, D2).
        var policy: RoleRequirementPolicy
    }

    private let entries = NIOLockedValueBox<[UUID: Entry]>([:])

    func entry(for tenant: Tenant, load: () async throws -> Entry) async throws -> Entry {
        let id = try tenant.requireID()
        if let cached = entries.withLockedValue({ $0[id] }), cached.version == tenant.dataVersion {
            return cached
        }
        var fresh = try await load()
        fresh.version = tenant.dataVersion
        entries.withLockedValue { $0[id] = fresh }
        return fresh
    }
}

extension Application {
    private struct RegisterCacheKey: StorageKey { typealias Value = RegisterCache }

    /// One cache per application (tests make many), created in `configure` before any request.
    var registerCache: RegisterCache {
        get { storage[RegisterCacheKey.self] ?? RegisterCache() }
        set { storage[RegisterCacheKey.self] = newValue }
    }
}

extension Request {
    /// The register context for `tenant`, from the cache when the tenant's data is unchanged.
    func registerContext(for tenant: Tenant) async throws -> RegisterContext {
        try await RegisterContext.load(
            tenant: tenant, today: dependencies.today, cache: application.registerCache, on: db)
    }
}
