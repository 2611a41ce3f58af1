import Fluent

/// Services and service levels (issue 6, part 4; D7, T7, T8): the IT unit's tjänstekatalog with its levels,
/// an agreement on service level (SLA, driftavtal) per system, and the system's outages. The agreement
/// refers to its system, level, systemägare and driftpartner by foreign key without cascade: the register
/// refuses to delete what an agreement names (`RegisterError.inUse`) instead of blanking it.
struct CreateServices: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema("services")
            .id()
            .field("tenant_id", .uuid, .required, .references("tenants", "id", onDelete: .cascade))
            .field("name", .string, .required)
            .field("sort_key", .string, .required)
            .field("description", .string, .required)
            .field("price_minor", .int64)  // öre; nil when the catalogue gives no price
            .field("currency", .string, .required)
            .field("price_model", .string)
            .field("created_at", .datetime, .required)
            .field("updated_at", .datetime, .required)
            .create()
        try await Indexes.create("services_tenant", on: "services", columns: ["tenant_id"], db: db)
        try await db.schema("service_levels")
            .id()
            .field("tenant_id", .uuid, .required, .references("tenants", "id", onDelete: .cascade))
            .field("service_id", .uuid, .required, .references("services", "id"))
            .field("name", .string, .required)
            .field("availability_hundredths", .int64, .required)  // 99.5 % is 9950
            .field("service_hours", .string, .required)  // "always" or "weekdays 07:00-17:00"
            .field("support_hours", .string, .required)
            .field("description", .string, .required)
            .field("created_at", .datetime, .required)
            .field("updated_at", .datetime, .required)
            .create()
        try await Indexes.create("service_levels_service", on: "service_levels", columns: ["service_id"], db: db)
        try await db.schema("service_agreements")
            .id()
            .field("tenant_id", .uuid, .required, .references("tenants", "id", onDelete: .cascade))
            .field("system_id", .uuid, .required, .references("it_systems", "id"))
            .field("service_level_id", .uuid, .references("service_levels", "id"))
            .field("owner_person_id", .uuid, .required, .references("people", "id"))
            .field("supplier_id", .uuid, .references("suppliers", "id"))  // nil: the IT unit itself
            .field("availability_hundredths", .int64, .required)
            .field("service_hours", .string, .required)
            .field("support_hours", .string, .required)
            .field("planned_maintenance_counts", .bool, .required)
            .field("p1_response_minutes", .int64)
            .field("p1_resolution_minutes", .int64)
            .field("p2_response_minutes", .int64)
            .field("p2_resolution_minutes", .int64)
            .field("p3_response_minutes", .int64)
            .field("p3_resolution_minutes", .int64)
            .field("p4_response_minutes", .int64)
            .field("p4_resolution_minutes", .int64)
            .field("responsibilities", .string, .required)
            .field("price_minor", .int64)
            .field("currency", .string, .required)
            .field("price_model", .string)
            .field("valid_from", .string, .required)  // ISO day
            .field("valid_to", .string)
            .field("notice_period_months", .int64)
            .field("created_at", .datetime, .required)
            .field("updated_at", .datetime, .required)
            .create()
        try await Indexes.create(
            "service_agreements_tenant_system", on: "service_agreements", columns: ["tenant_id", "system_id"], db: db)
        try await db.schema("outages")
            .id()
            .field("tenant_id", .uuid, .required, .references("tenants", "id", onDelete: .cascade))
            .field("system_id", .uuid, .required, .references("it_systems", "id"))
            .field("starts_at", .datetime, .required)
            .field("ends_at", .datetime)  // nil while it goes on
            .field("is_planned", .bool, .required)
            .field("description", .string, .required)
            .field("created_at", .datetime, .required)
            .field("updated_at", .datetime, .required)
            .create()
        try await Indexes.create("outages_tenant_system", on: "outages", columns: ["tenant_id", "system_id"], db: db)
    }

    func revert(on db: any Database) async throws {
        try await db.schema("outages").delete()
        try await db.schema("service_agreements").delete()
        try await db.schema("service_levels").delete()
        try await db.schema("services").delete()
    }
}
