import Fluent
import Foundation
import SQLKit
import StyrbordCore

/// The database side of the audit chains: each chain's head in `audit_chain_heads`, and entries read
/// back in chain order. Hashing and checking are `AuditChain` and `AuditChainVerifier` in the core.
enum AuditChainStore {
    /// A chain's key in `audit_chain_heads`: the tenant's id, or "platform" for entries without a tenant.
    static func key(of tenantID: UUID?) -> String {
        tenantID.map { $0.uuidString.lowercased() } ?? "platform"
    }

    /// Reserves `count` sequence numbers in the chain and returns its head as it was before. The UPDATE
    /// locks the head row until the transaction ends: on PostgreSQL a second writer to the same chain
    /// waits here and then reads the first one's committed head; SQLite lets one transaction write at a time.
    static func lockHead(
        of tenantID: UUID?, advancingBy count: Int, on db: any Database
    ) async throws -> AuditChainHead {
        let sql = RegisterRows.sql(db)
        let key = key(of: tenantID)
        for _ in 0..<2 {
            let rows = try await sql.update("audit_chain_heads")
                .set("last_seq", to: SQLBinaryExpression(SQLColumn("last_seq"), .add, SQLBind(Int64(count))))
                .where("chain_key", .equal, SQLBind(key))
                .returning("last_seq", "last_entry_id", "last_hash")
                .all()
            if let row = rows.first {
                // RETURNING shows the new seq; the entry id and hash are still the previous entry's.
                return AuditChainHead(
                    lastSeq: try row.decode(column: "last_seq", as: Int64.self) - Int64(count),
                    lastEntryID: try RegisterRows.optionalUUID(
                        row, "last_entry_id", text: DatabaseTuning.isSQLite(db)),
                    lastHash: try row.decode(column: "last_hash", as: String?.self))
            }
            // The chain's first entry. A concurrent first writer may insert too: the later insert does
            // nothing (after waiting for the earlier one's commit) and its UPDATE then finds the row.
            try await sql.insert(into: "audit_chain_heads")
                .columns("chain_key", "tenant_id", "last_seq")
                .values(SQLBind(key), SQLBind(tenantID), SQLBind(Int64(0)))
                .ignoringConflicts(with: "chain_key")
                .run()
        }
        throw AuditChainError.headMissing(key)
    }

    /// Moves the head to the chain's new last entry (after `lockHead`, in the same transaction).
    static func storeHead(_ head: AuditChainHead, of tenantID: UUID?, on db: any Database) async throws {
        try await RegisterRows.sql(db).update("audit_chain_heads")
            .set("last_seq", to: SQLBind(head.lastSeq))
            .set("last_entry_id", to: SQLBind(head.lastEntryID))
            .set("last_hash", to: SQLBind(head.lastHash))
            .where("chain_key", .equal, SQLBind(key(of: tenantID)))
            .run()
    }

    /// Creates or replaces a chain's head (the backfill).
    static func replaceHead(_ head: AuditChainHead, of tenantID: UUID?, on db: any Database) async throws {
        let sql = RegisterRows.sql(db)
        try await sql.delete(from: "audit_chain_heads").where("chain_key", .equal, SQLBind(key(of: tenantID))).run()
        try await sql.insert(into: "audit_chain_heads")
            .columns("chain_key", "tenant_id", "last_seq", "last_entry_id", "last_hash")
            .values(
                SQLBind(key(of: tenantID)), SQLBind(tenantID), SQLBind(head.lastSeq), SQLBind(head.lastEntryID),
                SQLBind(head.lastHash)
            )
            .run()
    }

    /// Every chain's head, by the chain's tenant (nil: the platform chain).
    static func heads(on db: any Database) async throws -> [UUID?: AuditChainHead] {
        let text = DatabaseTuning.isSQLite(db)
        let rows = try await RegisterRows.sql(db).select()
            .columns("chain_key", "tenant_id", "last_seq", "last_entry_id", "last_hash")
            .from("audit_chain_heads")
            .all()
        var heads: [UUID?: AuditChainHead] = [:]
        for row in rows {
            let tenantID = try RegisterRows.optionalUUID(row, "tenant_id", text: text)
            heads[tenantID] = AuditChainHead(
                lastSeq: try row.decode(column: "last_seq", as: Int64.self),
                lastEntryID: try RegisterRows.optionalUUID(row, "last_entry_id", text: text),
                lastHash: try row.decode(column: "last_hash", as: String?.self))
        }
        return heads
    }

    /// The tenants that have entries (nil: the platform chain has some).
    static func chainsWithEntries(on db: any Database) async throws -> [UUID?] {
        let text = DatabaseTuning.isSQLite(db)
        return try await RegisterRows.sql(db).select().distinct().column("tenant_id").from("audit_entries").all()
            .map { try RegisterRows.optionalUUID($0, "tenant_id", text: text) }
    }

    /// Every column of an entry, as `record(_:text:)` reads them.
    static let columns = [
        "id", "tenant_id", "seq", "prev_id", "prev_hash", "entry_hash", "object_type", "object_id", "object_label",
        "action", "actor", "actor_id", "actor_salt", "actor_commitment", "request_id", "at", "before", "after",
        "message", "system_id",
    ]

    /// Inserts chained entries with multi-row statements, in chunks small enough for SQLite's limit on bound
    /// values. SQLKit rather than Fluent's models: the demo loader writes hundreds at once.
    static func insert(_ records: [AuditChainRecord], on db: any Database) async throws {
        let sql = RegisterRows.sql(db)
        let chunk = 20_000 / columns.count
        var start = 0
        while start < records.count {
            var insert = sql.insert(into: "audit_entries").columns(columns)
            for r in records[start..<min(records.count, start + chunk)] {
                insert = insert.values([
                    SQLBind(r.id), SQLBind(r.tenantID), SQLBind(r.seq), SQLBind(r.prevID), SQLBind(r.prevHash),
                    SQLBind(r.entryHash), SQLBind(r.objectType), SQLBind(r.objectID), SQLBind(r.objectLabel),
                    SQLBind(r.action), SQLBind(r.actor), SQLBind(r.actorID), SQLBind(r.actorSalt),
                    SQLBind(r.actorCommitment), SQLBind(r.requestID),
                    SQLBind(Date(timeIntervalSince1970: Double(r.atMilliseconds) / 1000)), SQLBind(r.before),
                    SQLBind(r.after), SQLBind(r.message), SQLBind(r.systemID),
                ])
            }
            try await insert.run()
            start += chunk
        }
    }

    /// One page of a chain's entries in chain order (seq, then id), after the entry `after`.
    /// Read with SQLKit rather than the model: a tampered row (an unknown action, say) must still load.
    static func page(
        of tenantID: UUID?, after: (seq: Int64, id: UUID)?, limit: Int, on db: any Database
    ) async throws -> [AuditChainRecord] {
        let text = DatabaseTuning.isSQLite(db)
        var query = RegisterRows.sql(db).select().columns(columns).from("audit_entries")
        query = inChain(tenantID, query)
        if let after {
            query = query.where(group: {
                $0.where("seq", .greaterThan, SQLBind(after.seq)).orWhere(group: {
                    $0.where("seq", .equal, SQLBind(after.seq)).where("id", .greaterThan, SQLBind(after.id))
                })
            })
        }
        return try await query.orderBy("seq").orderBy("id").limit(limit).all().map { try record($0, text: text) }
    }

    /// Restricts a query to one chain.
    static func inChain<Builder: SQLPredicateBuilder>(_ tenantID: UUID?, _ builder: Builder) -> Builder {
        if let tenantID {
            builder.where("tenant_id", .equal, SQLBind(tenantID))
        } else {
            builder.where(SQLColumn("tenant_id"), .is, SQLLiteral.null)
        }
    }

    static func record(_ r: any SQLRow, text: Bool) throws -> AuditChainRecord {
        AuditChainRecord(
            id: try RegisterRows.uuid(r, "id", text: text),
            tenantID: try RegisterRows.optionalUUID(r, "tenant_id", text: text),
            seq: try r.decode(column: "seq", as: Int64.self),
            prevID: try RegisterRows.optionalUUID(r, "prev_id", text: text),
            prevHash: try r.decode(column: "prev_hash", as: String?.self),
            entryHash: try r.decode(column: "entry_hash", as: String.self),
            objectType: try r.decode(column: "object_type", as: String.self),
            objectID: try RegisterRows.uuid(r, "object_id", text: text),
            objectLabel: try r.decode(column: "object_label", as: String.self),
            action: try r.decode(column: "action", as: String.self),
            actor: try r.decode(column: "actor", as: String.self),
            actorID: try RegisterRows.optionalUUID(r, "actor_id", text: text),
            actorSalt: try r.decode(column: "actor_salt", as: String?.self),
            actorCommitment: try r.decode(column: "actor_commitment", as: String.self),
            requestID: try r.decode(column: "request_id", as: String.self),
            atMilliseconds: AuditChain.milliseconds(try r.decode(column: "at", as: Date.self)),
            before: try r.decode(column: "before", as: String?.self),
            after: try r.decode(column: "after", as: String?.self),
            message: try r.decode(column: "message", as: String?.self),
            systemID: try RegisterRows.optionalUUID(r, "system_id", text: text))
    }
}

/// What can stop the audit trail from being written.
enum AuditChainError: Error, CustomStringConvertible {
    /// The head row could be neither found nor created (it should never happen).
    case headMissing(String)

    var description: String {
        switch self {
        case .headMissing(let key): "The audit chain \(key) has no head and none could be created."
        }
    }
}
