import Fluent
import Foundation
import SQLKit
import StyrbordCore

// The tamper-evident audit trail (issue 3, part 5): see docs/audit.md.

/// Each entry's place in its chain, its hash, and the actor as a commitment. `seq`, `entry_hash` and
/// `actor_commitment` are required with a default only because SQLite can add a NOT NULL column no other
/// way; `BackfillAuditChain` gives every existing row its real values, and `audit verify` reports any row
/// still carrying a default.
struct AddChainToAuditEntries: AsyncMigration {
    // One column per statement: SQLite's ALTER TABLE adds or drops one column at a time.
    func prepare(on db: any Database) async throws {
        try await db.schema("audit_entries").field("seq", .int64, .required, .sql(.default(0))).update()
        try await db.schema("audit_entries").field("prev_id", .uuid).update()  // nil for a chain's first entry
        try await db.schema("audit_entries").field("prev_hash", .string).update()
        try await db.schema("audit_entries").field("entry_hash", .string, .required, .sql(.default(""))).update()
        try await db.schema("audit_entries").field("actor_id", .uuid).update()  // nil from the command line
        try await db.schema("audit_entries").field("actor_salt", .string).update()  // nil once pseudonymised
        try await db.schema("audit_entries").field("actor_commitment", .string, .required, .sql(.default("")))
            .update()
    }
    func revert(on db: any Database) async throws {
        for field in ["actor_commitment", "actor_salt", "actor_id", "entry_hash", "prev_hash", "prev_id", "seq"] {
            try await db.schema("audit_entries").deleteField(FieldKey(stringLiteral: field)).update()
        }
    }
}

/// Where each chain ends: one row per tenant with history, and one for the platform. Writers lock their
/// chain's row to append, and `audit verify` notices when the last entries are gone.
struct CreateAuditChainHeads: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema("audit_chain_heads")
            .field("chain_key", .string, .identifier(auto: false))  // the tenant's id, or "platform"
            .field("tenant_id", .uuid)
            .field("last_seq", .int64, .required)
            .field("last_entry_id", .uuid)
            .field("last_hash", .string)
            .create()
    }
    func revert(on db: any Database) async throws { try await db.schema("audit_chain_heads").delete() }
}

/// Chains the history written before the chain existed, in the order it happened (time, then id), so
/// that existing databases verify. Each entry gets a salt and commitment for its actor; no account is
/// known for them.
struct BackfillAuditChain: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.transaction { tx in
            for chain in try await AuditChainStore.chainsWithEntries(on: tx) {
                try await backfill(chain: chain, on: tx)
            }
        }
    }

    /// The columns this migration adds are removed by `AddChainToAuditEntries`'s revert.
    func revert(on db: any Database) async throws {}

    private func backfill(chain tenantID: UUID?, on db: any Database) async throws {
        let sql = RegisterRows.sql(db)
        let text = DatabaseTuning.isSQLite(db)
        // The order first (ids and times only), then the rows a page at a time: a chain can be long.
        let order = try await AuditChainStore.inChain(
            tenantID, sql.select().columns("id", "at").from("audit_entries")
        ).all().map { row in
            (id: try RegisterRows.uuid(row, "id", text: text), at: try row.decode(column: "at", as: Date.self))
        }.sorted { ($0.at, $0.id.uuidString.lowercased()) < ($1.at, $1.id.uuidString.lowercased()) }
        var head = AuditChainHead.empty
        var start = 0
        while start < order.count {
            let ids = order[start..<min(order.count, start + 500)].map(\.id)
            let rows = try await sql.select().columns(AuditChainStore.columns).from("audit_entries")
                .where("id", .in, ids).all()
            let byID = Dictionary(
                uniqueKeysWithValues: try rows.map { row in
                    let record = try AuditChainStore.record(row, text: text)
                    return (record.id, record)
                })
            var records = ids.compactMap { byID[$0] }
            for index in records.indices {
                records[index].actorID = nil
                records[index].actorSalt = nil
            }
            head = AuditChain.append(&records, after: head)
            for r in records {
                try await sql.update("audit_entries")
                    .set("seq", to: SQLBind(r.seq))
                    .set("prev_id", to: SQLBind(r.prevID))
                    .set("prev_hash", to: SQLBind(r.prevHash))
                    .set("entry_hash", to: SQLBind(r.entryHash))
                    .set("actor_salt", to: SQLBind(r.actorSalt))
                    .set("actor_commitment", to: SQLBind(r.actorCommitment))
                    .where("id", .equal, SQLBind(r.id))
                    .run()
            }
            start += 500
        }
        try await AuditChainStore.replaceHead(head, of: tenantID, on: db)
    }
}

/// One entry per place in a chain, enforced by the database as well as by the head's lock: a unique
/// (tenant, seq) for the tenants' chains, and a partial unique index for the platform's, whose NULL
/// tenant a plain unique index would not compare. Also the lookups by account and by age (pseudonymising).
struct IndexAuditChain: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await Indexes.create(
            "audit_entries_chain_seq", on: "audit_entries", columns: ["tenant_id", "seq"], unique: true, db: db)
        try await Indexes.create(
            "audit_entries_platform_seq", on: "audit_entries", columns: ["seq"], unique: true,
            where: SQLBinaryExpression(SQLColumn("tenant_id"), .is, SQLLiteral.null), db: db)
        try await Indexes.create("audit_entries_actor", on: "audit_entries", columns: ["actor_id"], db: db)
        try await Indexes.create("audit_entries_at", on: "audit_entries", columns: ["tenant_id", "at"], db: db)
    }
    func revert(on db: any Database) async throws {
        for name in [
            "audit_entries_at", "audit_entries_actor", "audit_entries_platform_seq", "audit_entries_chain_seq",
        ] {
            try await Indexes.drop(name, db: db)
        }
    }
}
