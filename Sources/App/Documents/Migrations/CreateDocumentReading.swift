import Fluent

/// L8 (issue 6): whom a governing document concerns — everyone (the new `concerns_everyone` flag), chosen
/// org units or holders of chosen roles, each a row with its foreign key so a unit or role a document
/// names cannot be deleted silently — and the read-confirmation requests sent when it changes.
struct CreateDocumentReading: AsyncMigration {
    func prepare(on db: any Database) async throws {
        // Documents registered before this concern everyone, as a municipality's documents usually do.
        try await db.schema("governing_documents")
            .field("concerns_everyone", .bool, .required, .sql(.default(true)))
            .update()
        try await db.schema("document_audience_units")
            .id()
            .field("tenant_id", .uuid, .required, .references("tenants", "id"))
            .field("document_id", .uuid, .required, .references("governing_documents", "id"))
            .field("org_unit_id", .uuid, .required, .references("org_units", "id"))
            .unique(on: "document_id", "org_unit_id")
            .create()
        try await db.schema("document_audience_roles")
            .id()
            .field("tenant_id", .uuid, .required, .references("tenants", "id"))
            .field("document_id", .uuid, .required, .references("governing_documents", "id"))
            .field("role_type_id", .uuid, .required, .references("role_types", "id"))
            .unique(on: "document_id", "role_type_id")
            .create()
        try await db.schema("document_read_requests")
            .id()
            .field("tenant_id", .uuid, .required, .references("tenants", "id"))
            .field("document_id", .uuid, .required, .references("governing_documents", "id"))
            .field("version_id", .uuid, .required, .references("document_versions", "id"))
            .field("person_id", .uuid, .required, .references("people", "id"))
            .field("requested_at", .datetime, .required)
            .field("requested_on", .string, .required)  // ISO day, for the L8 deadline
            .field("confirmed_at", .datetime)
            .unique(on: "version_id", "person_id")
            .create()
    }

    func revert(on db: any Database) async throws {
        try await db.schema("document_read_requests").delete()
        try await db.schema("document_audience_roles").delete()
        try await db.schema("document_audience_units").delete()
        try await db.schema("governing_documents").deleteField("concerns_everyone").update()
    }
}
