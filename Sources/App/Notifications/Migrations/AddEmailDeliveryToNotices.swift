import Fluent

/// The delivery of a notice's e-mail copy retries with backoff: when to try next, and why the last try
/// failed (issue 6).
struct AddEmailDeliveryToNotices: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema("notices").field("email_next_attempt_at", .datetime).update()
        try await db.schema("notices").field("email_error", .string).update()
    }

    func revert(on db: any Database) async throws {
        try await db.schema("notices").deleteField("email_error").update()
        try await db.schema("notices").deleteField("email_next_attempt_at").update()
    }
}
