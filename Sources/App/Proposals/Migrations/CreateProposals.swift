import Fluent

/// Proposals for IT changes (issue 5): the proposal with its checklist answers and calculation as JSON
/// text, the records of its route's steps, and its decisions. The diarienummer is unique per tenant.
struct CreateProposals: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema("proposals")
            .id()
            .field("tenant_id", .uuid, .required, .references("tenants", "id"))
            .field("number_year", .int64, .required)
            .field("number", .int64, .required)
            .field("diarienummer", .string, .required)
            .field("title", .string, .required)
            .field("need", .string, .required)
            .field("needs_analysis", .string, .required)
            .field("org_unit_id", .uuid)  // nil only once the unit has been removed from the register
            .field("system_ids", .string, .required)  // JSON array of system ids
            .field("category", .string)
            .field("expected_cost", .int64)
            .field("expected_start_on", .string)
            .field("expected_done_on", .string)
            .field("is_urgent", .bool, .required)
            .field("urgency_reason", .string, .required)
            .field("status", .string, .required)
            .field("checklist", .string, .required)  // JSON: {"answers": {...}}
            .field("calculation", .string)  // JSON BenefitCalculation; nil until one is made
            .field("proposed_by_account_id", .uuid)
            .field("proposed_by_name", .string, .required)
            .field("created_at", .datetime, .required)
            .field("updated_at", .datetime, .required)
            .unique(on: "tenant_id", "number_year", "number")
            .unique(on: "tenant_id", "diarienummer")
            .create()
        try await db.schema("proposal_step_records")
            .id()
            .field("tenant_id", .uuid, .required, .references("tenants", "id"))
            .field("proposal_id", .uuid, .required, .references("proposals", "id"))
            .field("position", .int64, .required)
            .field("step_key", .string, .required)
            .field("outcome", .string, .required)
            .field("assessments", .string, .required)  // JSON: point key → text
            .field("note", .string, .required)
            .field("recorded_by_account_id", .uuid)
            .field("recorded_by_name", .string, .required)
            .field("recorded_at", .datetime, .required)
            .unique(on: "proposal_id", "position")
            .create()
        try await db.schema("proposal_decisions")
            .id()
            .field("tenant_id", .uuid, .required, .references("tenants", "id"))
            .field("proposal_id", .uuid, .required, .references("proposals", "id"))
            .field("position", .int64, .required)
            .field("outcome", .string, .required)
            .field("decided_by_body", .string, .required)
            .field("decided_by_person", .string, .required)
            .field("delegation", .string, .required)
            .field("reasons", .string, .required)
            .field("conditions", .string, .required)
            .field("decided_on", .string, .required)
            .field("is_urgent_path", .bool, .required)
            .field("recorded_by_account_id", .uuid)
            .field("recorded_by_name", .string, .required)
            .field("recorded_at", .datetime, .required)
            .unique(on: "proposal_id", "position")
            .create()
    }

    func revert(on db: any Database) async throws {
        try await db.schema("proposal_decisions").delete()
        try await db.schema("proposal_step_records").delete()
        try await db.schema("proposals").delete()
    }
}
