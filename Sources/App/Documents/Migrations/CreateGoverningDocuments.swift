import Fluent

/// Governing documents (issue 6, D1, D10): the register, each version's metadata and its file's bytes.
struct CreateGoverningDocuments: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema("governing_documents")
            .id()
            .field("tenant_id", .uuid, .required, .references("tenants", "id"))
            .field("title", .string, .required)
            .field("type_key", .string, .required)
            .field("owner_person_id", .uuid, .required, .references("people", "id"))
            .field("decided_by", .string, .required)
            .field("decided_on", .string)
            .field("decision_reference", .string, .required)
            .field("valid_from", .string)
            .field("valid_to", .string)
            .field("review_every_months", .int64)  // nil: the profile's interval for the type
            .field("next_review_on", .string)  // nil: derived from the decision and the interval
            .field("status", .string, .required)
            .field("is_published", .bool, .required)
            .field("published_at", .datetime)
            .field("created_at", .datetime, .required)
            .field("updated_at", .datetime, .required)
            .create()
        try await db.schema("document_versions")
            .id()
            .field("tenant_id", .uuid, .required, .references("tenants", "id"))
            .field("document_id", .uuid, .required, .references("governing_documents", "id"))
            .field("number", .int64, .required)
            .field("file_name", .string, .required)
            .field("kind", .string, .required)
            .field("size_bytes", .int64, .required)
            .field("sha256", .string, .required)
            .field("uploaded_by", .string, .required)
            .field("uploaded_at", .datetime, .required)
            .unique(on: "document_id", "number")
            .create()
        // Bytes are the one type outside STYLE's list: blob and bytea both hold them as they are.
        try await db.schema("document_files")
            .id()
            .field("tenant_id", .uuid, .required, .references("tenants", "id"))
            .field("content", .data, .required)
            .create()
    }

    func revert(on db: any Database) async throws {
        try await db.schema("document_files").delete()
        try await db.schema("document_versions").delete()
        try await db.schema("governing_documents").delete()
    }
}
