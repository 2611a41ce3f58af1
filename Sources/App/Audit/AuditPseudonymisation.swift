import Fluent
import Foundation
import SQLKit
import StyrbordCore

/// `styrbord audit pseudonymise`: replaces who acted in old entries by a pseudonym, so that history keeps
/// what happened and when but no longer says who, once the tenant's retention period has passed. The
/// only code that updates audit rows; it changes the actor columns alone, which the chain's hashes don't
/// cover (they cover the actor's commitment), so the trail still verifies afterwards.
enum AuditPseudonymisation {
    /// What happened to one chain.
    struct ChainResult: Sendable, Equatable {
        var chainName: String
        /// Nil when the tenant has no retention period and none was given.
        var years: Int?
        var cutoff: Date?
        var changed: Int
        /// Entries whose actor no longer matches its commitment: left for `audit verify` to report, since
        /// pseudonymising them would hide the tampering.
        var mismatched: Int
    }

    /// Pseudonymises entries older than `olderThanYears` (default: each tenant's own setting) in every
    /// tenant, or only in `tenant`; the platform's chain too when `olderThanYears` is given and no tenant.
    /// One transaction per chain; one random key for the whole run, discarded afterwards, so one person's
    /// entries share a pseudonym within a run and nobody can recompute it later.
    static func run(
        olderThanYears: Int?, tenant: Tenant?, dryRun: Bool, now: Date, on db: any Database
    ) async throws -> [ChainResult] {
        let pseudonymiser = AuditPseudonymiser()
        var targets: [(tenantID: UUID?, name: String, years: Int?)] = []
        let tenants = if let tenant { [tenant] } else { try await Tenant.query(on: db).sort(\.$slug).all() }
        if tenant == nil, olderThanYears != nil { targets.append((nil, "platform", olderThanYears)) }
        for t in tenants {
            let years = olderThanYears ?? t.auditActorRetentionYears.flatMap { $0 >= 1 ? $0 : nil }
            targets.append((try t.requireID(), "tenant \(t.slug)", years))
        }
        var results: [ChainResult] = []
        for target in targets {
            guard let years = target.years else {
                results.append(
                    ChainResult(chainName: target.name, years: nil, cutoff: nil, changed: 0, mismatched: 0))
                continue
            }
            let cutoff = cutoff(years: years, before: now)
            let counts = try await db.writeTransaction { tx in
                try await pseudonymise(
                    chain: target.tenantID, before: cutoff, with: pseudonymiser, dryRun: dryRun, on: tx)
            }
            results.append(
                ChainResult(
                    chainName: target.name, years: years, cutoff: cutoff, changed: counts.changed,
                    mismatched: counts.mismatched))
        }
        return results
    }

    /// `years` calendar years before `now`, in Swedish time.
    static func cutoff(years: Int, before now: Date) -> Date {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Europe/Stockholm") ?? .current
        return calendar.date(byAdding: .year, value: -years, to: now) ?? now
    }

    private static func pseudonymise(
        chain tenantID: UUID?, before cutoff: Date, with pseudonymiser: AuditPseudonymiser, dryRun: Bool,
        on db: any Database
    ) async throws -> (changed: Int, mismatched: Int) {
        let sql = RegisterRows.sql(db)
        let text = DatabaseTuning.isSQLite(db)
        var idsByPseudonym: [String: [UUID]] = [:]
        var mismatched = 0
        var after: UUID?
        let pageSize = 2_000
        while true {
            var query = sql.select().columns("id", "actor", "actor_id", "actor_salt", "actor_commitment")
                .from("audit_entries")
                .where("at", .lessThan, SQLBind(cutoff))
                .where(SQLColumn("actor_salt"), .isNot, SQLLiteral.null)
            query = AuditChainStore.inChain(tenantID, query)
            if let after { query = query.where("id", .greaterThan, SQLBind(after)) }
            let rows = try await query.orderBy("id").limit(pageSize).all()
            for row in rows {
                let id = try RegisterRows.uuid(row, "id", text: text)
                let actor = try row.decode(column: "actor", as: String.self)
                let actorID = try RegisterRows.optionalUUID(row, "actor_id", text: text)
                let salt = try row.decode(column: "actor_salt", as: String.self)
                let commitment = try row.decode(column: "actor_commitment", as: String.self)
                if AuditChain.actorCommitment(salt: salt, actor: actor, actorID: actorID) == commitment {
                    idsByPseudonym[pseudonymiser.pseudonym(actor: actor, actorID: actorID), default: []].append(id)
                } else {
                    mismatched += 1
                }
                after = id
            }
            if rows.count < pageSize { break }
        }
        let changed = idsByPseudonym.values.reduce(0) { $0 + $1.count }
        guard !dryRun else { return (changed, mismatched) }
        for (pseudonym, ids) in idsByPseudonym {
            var start = 0
            while start < ids.count {
                let chunk = Array(ids[start..<min(ids.count, start + 500)])
                try await sql.update("audit_entries")
                    .set("actor", to: SQLBind(pseudonym))
                    .set("actor_id", to: SQLLiteral.null)
                    .set("actor_salt", to: SQLLiteral.null)
                    .where("id", .in, chunk)
                    .run()
                start += 500
            }
        }
        return (changed, mismatched)
    }
}
