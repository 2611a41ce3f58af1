import Fluent

/// Plans (issue 5, item 6): plans of the profile's kinds with their status and adoption, the activities of
/// systemförvaltningsplaner, and the initiatives of the IT-verksamhetsplan with their benefit follow-up.
/// System and proposal ids carry no foreign key: removing a system or a proposal must not be blocked by a
/// plan that once named it, and the plan keeps its own title.
struct CreatePlans: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema("plans")
            .id()
            .field("tenant_id", .uuid, .required, .references("tenants", "id"))
            .field("kind_key", .string, .required)  // the profile's plan kind
            .field("system_id", .uuid)  // per-system kinds only
            .field("title", .string, .required)
            .field("start_year", .int64, .required)
            .field("end_year", .int64, .required)
            .field("goals", .string, .required)
            .field("budget", .int64)  // whole kronor
            .field("status", .string, .required)
            .field("adopted_on", .string)  // ISO day; nil while a draft
            .field("adopted_by", .string, .required)  // the body and its paragraph, or the systemägare
            .field("adopted_by_account_id", .uuid)
            .field("created_at", .datetime, .required)
            .field("updated_at", .datetime, .required)
            .create()
        try await db.schema("plan_activities")
            .id()
            .field("tenant_id", .uuid, .required, .references("tenants", "id"))
            .field("plan_id", .uuid, .required, .references("plans", "id"))
            .field("position", .int64, .required)
            .field("title", .string, .required)
            .field("description", .string, .required)
            .field("budget", .int64)
            .field("created_at", .datetime, .required)
            .unique(on: "plan_id", "position")
            .create()
        try await db.schema("plan_initiatives")
            .id()
            .field("tenant_id", .uuid, .required, .references("tenants", "id"))
            .field("plan_id", .uuid, .required, .references("plans", "id"))
            .field("position", .int64, .required)
            .field("source", .string, .required)
            .field("proposal_id", .uuid)
            .field("activity_id", .uuid)
            .field("title", .string, .required)
            .field("description", .string, .required)
            .field("status", .string, .required)
            .field("budget", .int64)
            .field("outcome", .string, .required)
            .field("follow_up", .string)  // JSON BenefitFollowUp; nil until followed up
            .field("followed_up_by_name", .string, .required)
            .field("followed_up_at", .datetime)
            .field("created_at", .datetime, .required)
            .field("updated_at", .datetime, .required)
            .unique(on: "plan_id", "position")
            .create()
    }

    func revert(on db: any Database) async throws {
        try await db.schema("plan_initiatives").delete()
        try await db.schema("plan_activities").delete()
        try await db.schema("plans").delete()
    }
}
