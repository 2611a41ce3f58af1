import Fluent

/// Access rights (issue 6, item 2): requests and their decisions, grants and their removal, each person's
/// confirmation of the security rules (L8), and access reviews with their items (T9). Systems and people
/// are foreign keys without cascade: a system or person with access history can't be deleted silently
/// (the rules refuse it with an explanation first).
struct CreateAccessRights: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema("access_requests")
            .id()
            .field("tenant_id", .uuid, .required, .references("tenants", "id"))
            .field("system_id", .uuid, .required, .references("it_systems", "id"))
            .field("person_id", .uuid, .required, .references("people", "id"))
            .field("access_level", .string, .required)
            .field("need", .string, .required)
            .field("username_in_system", .string, .required)
            .field("status", .string, .required)
            .field("requested_by_account_id", .uuid)
            .field("requested_by_name", .string, .required)
            .field("requested_at", .datetime, .required)
            .field("decided_by_account_id", .uuid)
            .field("decided_by_name", .string, .required)
            .field("decided_at", .datetime)
            .field("decision_reason", .string, .required)
            .create()
        try await db.schema("access_grants")
            .id()
            .field("tenant_id", .uuid, .required, .references("tenants", "id"))
            .field("system_id", .uuid, .required, .references("it_systems", "id"))
            .field("person_id", .uuid, .required, .references("people", "id"))
            .field("request_id", .uuid, .references("access_requests", "id"))
            .field("access_level", .string, .required)
            .field("username_in_system", .string, .required)
            .field("decision_reference", .string, .required)
            .field("has_decision", .bool, .required)
            .field("granted_on", .string, .required)  // ISO day
            .field("granted_by_name", .string, .required)
            .field("created_at", .datetime, .required)
            .field("removed_at", .datetime)  // nil while in force
            .field("removed_by_name", .string, .required)
            .field("removal_reason", .string, .required)
            .create()
        try await db.schema("security_rules_confirmations")
            .id()
            .field("tenant_id", .uuid, .required, .references("tenants", "id"))
            .field("person_id", .uuid, .required, .references("people", "id"))
            .field("confirmed_at", .datetime, .required)
            .field("account_id", .uuid)
            .unique(on: "person_id")
            .create()
        try await db.schema("access_reviews")
            .id()
            .field("tenant_id", .uuid, .required, .references("tenants", "id"))
            .field("system_id", .uuid, .required, .references("it_systems", "id"))
            .field("started_by_name", .string, .required)
            .field("started_at", .datetime, .required)
            .field("from_account_list", .bool, .required)
            .field("account_count", .int64, .required)
            .field("unmatched_accounts", .string, .required)  // JSON list of accounts without a grant
            .field("completed_on", .string)  // ISO day; nil while open
            .field("completed_by_name", .string, .required)
            .field("next_due_on", .string)
            .create()
        try await db.schema("access_review_items")
            .id()
            .field("tenant_id", .uuid, .required, .references("tenants", "id"))
            .field("review_id", .uuid, .required, .references("access_reviews", "id"))
            .field("grant_id", .uuid, .required, .references("access_grants", "id"))
            .field("has_account", .bool)  // nil: no account list
            .field("matched_account", .string, .required)
            .field("outcome", .string, .required)
            .field("reason", .string, .required)
            .field("decided_by_name", .string, .required)
            .field("decided_at", .datetime)
            .unique(on: "review_id", "grant_id")
            .create()
    }

    func revert(on db: any Database) async throws {
        try await db.schema("access_review_items").delete()
        try await db.schema("access_reviews").delete()
        try await db.schema("security_rules_confirmations").delete()
        try await db.schema("access_grants").delete()
        try await db.schema("access_requests").delete()
    }
}
