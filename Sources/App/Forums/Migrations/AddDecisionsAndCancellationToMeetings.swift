import Fluent
import SQLKit

/// A forum decides a proposal at its meeting (the agenda item points at the decision), and a meeting can
/// be cancelled rather than deleted, so subscribed calendars learn of it (issue 5).
struct AddDecisionsAndCancellationToMeetings: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema("meeting_items")
            .field("decision_id", .uuid, .references("proposal_decisions", "id", onDelete: .setNull))
            .update()
        // One column a statement: SQLite adds them one at a time.
        try await db.schema("meetings").field("cancelled_at", .datetime).update()
        try await db.schema("meetings").field("cancellation_reason", .string, .required, .sql(.default("")))
            .update()
    }

    func revert(on db: any Database) async throws {
        try await db.schema("meetings").deleteField("cancellation_reason").update()
        try await db.schema("meetings").deleteField("cancelled_at").update()
        try await db.schema("meeting_items").deleteField("decision_id").update()
    }
}
