import Fluent

/// The daily efterlevnad scores the overview's trend is drawn from (issue 4): one row per tenant and day.
struct CreateComplianceDailyScores: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema("compliance_daily_scores")
            .id()
            .field("tenant_id", .uuid, .required, .references("tenants", "id", onDelete: .cascade))
            .field("day", .string, .required)  // yyyy-MM-dd
            .field("checked", .int64, .required)
            .field("compliant", .int64, .required)
            .field("errors", .int64, .required)
            .field("warnings", .int64, .required)
            .field("infos", .int64, .required)
            .field("rules", .string, .required)  // JSON
            .field("administrations", .string, .required)  // JSON
            .field("created_at", .datetime, .required)
            .unique(on: "tenant_id", "day")
            .create()
    }
    func revert(on db: any Database) async throws { try await db.schema("compliance_daily_scores").delete() }
}
