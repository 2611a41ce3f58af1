import Fluent

/// Incidents (issue 6, item 3): the incident, the systems it touched (a foreign key to the register, so
/// a system with incidents can't be deleted), its actions and its follow-up notes.
struct CreateIncidents: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema("incidents")
            .id()
            .field("tenant_id", .uuid, .required, .references("tenants", "id"))
            .field("number_year", .int64, .required)
            .field("number", .int64, .required)
            .field("kind", .string, .required)
            .field("severity", .string, .required)
            .field("status", .string, .required)
            .field("title", .string, .required)
            .field("description", .string, .required)
            .field("occurred_at", .datetime, .required)
            .field("discovered_at", .datetime, .required)
            .field("reported_at", .datetime, .required)
            .field("reported_by_name", .string, .required)
            .field("reported_by_account_id", .uuid)
            .field("imy_notified", .bool)  // nil until recorded
            .field("imy_notified_at", .datetime)
            .field("imy_reference", .string, .required)
            .field("imy_reason", .string, .required)
            .field("lesson", .string, .required)
            .field("closed_at", .datetime)
            .field("created_at", .datetime, .required)
            .field("updated_at", .datetime, .required)
            .unique(on: "tenant_id", "number_year", "number")
            .create()
        try await db.schema("incident_systems")
            .id()
            .field("tenant_id", .uuid, .required, .references("tenants", "id"))
            .field("incident_id", .uuid, .required, .references("incidents", "id", onDelete: .cascade))
            .field("system_id", .uuid, .required, .references("it_systems", "id"))
            .unique(on: "incident_id", "system_id")
            .create()
        try await db.schema("incident_actions")
            .id()
            .field("tenant_id", .uuid, .required, .references("tenants", "id"))
            .field("incident_id", .uuid, .required, .references("incidents", "id", onDelete: .cascade))
            .field("description", .string, .required)
            .field("responsible_person_id", .uuid, .references("people", "id"))
            .field("due_on", .string)  // ISO day
            .field("done", .bool, .required)
            .field("done_at", .datetime)
            .field("created_at", .datetime, .required)
            .create()
        try await db.schema("incident_notes")
            .id()
            .field("tenant_id", .uuid, .required, .references("tenants", "id"))
            .field("incident_id", .uuid, .required, .references("incidents", "id", onDelete: .cascade))
            .field("text", .string, .required)
            .field("status", .string)
            .field("author_name", .string, .required)
            .field("created_at", .datetime, .required)
            .create()
        try await Indexes.create("incident_systems_by_system", on: "incident_systems", columns: ["system_id"], db: db)
        try await Indexes.create(
            "incident_actions_by_incident", on: "incident_actions", columns: ["incident_id"], db: db)
        try await Indexes.create("incident_notes_by_incident", on: "incident_notes", columns: ["incident_id"], db: db)
    }

    func revert(on db: any Database) async throws {
        try await db.schema("incident_notes").delete()
        try await db.schema("incident_actions").delete()
        try await db.schema("incident_systems").delete()
        try await db.schema("incidents").delete()
    }
}
