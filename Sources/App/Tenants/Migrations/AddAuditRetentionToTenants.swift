import Fluent

/// How long a tenant's history keeps who acted before `audit pseudonymise` replaces them (issue 3).
struct AddAuditRetentionToTenants: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema("tenants").field("audit_actor_retention_years", .int64).update()  // nil: not set
    }
    func revert(on db: any Database) async throws {
        try await db.schema("tenants").deleteField("audit_actor_retention_years").update()
    }
}
