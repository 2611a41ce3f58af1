import Fluent

/// Every audited write bumps its tenant's data version, so that data derived from the register (the
/// org tree, the role catalogue) can be cached and known to be current — across processes too, since
/// the version lives in the database.
struct AddDataVersionToTenants: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema("tenants").field("data_version", .int64, .required, .sql(.default(0))).update()
    }
    func revert(on db: any Database) async throws {
        try await db.schema("tenants").deleteField("data_version").update()
    }
}
