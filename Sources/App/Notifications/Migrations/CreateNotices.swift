import Fluent

/// Every person's inbox of notices, with the state of each notice's e-mail copy (issue 6).
struct CreateNotices: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema("notices")
            .id()
            .field("tenant_id", .uuid, .required, .references("tenants", "id", onDelete: .cascade))
            .field("person_id", .uuid, .required, .references("people", "id", onDelete: .cascade))
            .field("kind", .string, .required)
            .field("title", .string, .required)
            .field("body", .string, .required)
            .field("link", .string, .required)
            .field("subject_type", .string, .required)
            .field("subject_id", .uuid)
            .field("created_at", .datetime, .required)
            .field("read_at", .datetime)
            .field("email_state", .string, .required)
            .field("email_attempts", .int64, .required)
            .field("emailed_at", .datetime)
            .create()
        try await Indexes.create(
            "notices_by_person", on: "notices", columns: ["tenant_id", "person_id", "created_at"], db: db)
        try await Indexes.create("notices_by_subject", on: "notices", columns: ["subject_type", "subject_id"], db: db)
        try await Indexes.create("notices_by_email_state", on: "notices", columns: ["email_state"], db: db)
    }

    func revert(on db: any Database) async throws {
        try await db.schema("notices").delete()
    }
}
