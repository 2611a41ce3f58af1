import Fluent
import Foundation
import StyrbordCore

/// `styrbord audit verify`: walks each chain page by page and reports every entry that was altered or
/// removed, every actor that no longer matches its commitment, and every head that disagrees.
enum AuditVerification {
    /// What a verification found.
    struct Report: Sendable {
        var entries: Int
        var chains: Int
        var problems: [AuditProblem]

        var isIntact: Bool { problems.isEmpty }

        /// One line per problem, then a summary.
        var lines: [String] {
            let counted =
                "\(entries.grouped) \(entries == 1 ? "entry" : "entries") in \(chains.grouped) "
                + (chains == 1 ? "chain" : "chains")
            if isIntact { return ["Audit trail intact: \(counted)."] }
            return problems.map(\.description) + [
                "Audit trail NOT intact: \(problems.count.grouped) \(problems.count == 1 ? "problem" : "problems") "
                    + "in \(counted)."
            ]
        }
    }

    /// Verifies one tenant's chain, or every chain (the platform's too) when `tenant` is nil. Reads in a
    /// snapshot, so writers that append meanwhile are neither seen nor mistaken for damage.
    static func verify(tenant: Tenant? = nil, pageSize: Int = 2_000, on db: any Database) async throws -> Report {
        try await db.transaction { tx in
            try await DatabaseTuning.readSnapshot(tx)
            let heads = try await AuditChainStore.heads(on: tx)
            let names = try await chainNames(on: tx)
            var chains: [UUID?]
            if let tenant {
                chains = [try tenant.requireID()]
            } else {
                var seen = Set<UUID?>()
                chains = (Array(heads.keys) + (try await AuditChainStore.chainsWithEntries(on: tx))).filter {
                    seen.insert($0).inserted
                }
                // The platform first, then tenants by name, so reports read the same every time.
                chains.sort { (names[$0] ?? "", $0?.uuidString ?? "") < (names[$1] ?? "", $1?.uuidString ?? "") }
            }
            var report = Report(entries: 0, chains: 0, problems: [])
            for chain in chains {
                let name = names[chain] ?? "tenant \(chain?.uuidString.lowercased() ?? "?")"
                var verifier = AuditChainVerifier(chainName: name)
                var after: (seq: Int64, id: UUID)?
                while true {
                    let page = try await AuditChainStore.page(of: chain, after: after, limit: pageSize, on: tx)
                    for record in page { verifier.check(record) }
                    guard page.count == pageSize, let last = page.last else { break }
                    after = (last.seq, last.id)
                }
                verifier.finish(head: heads[chain])
                if verifier.count > 0 || heads[chain] != nil { report.chains += 1 }
                report.entries += verifier.count
                report.problems += verifier.problems
            }
            return report
        }
    }

    /// "platform" and "tenant <slug>" for every chain that can exist.
    private static func chainNames(on db: any Database) async throws -> [UUID?: String] {
        var names: [UUID?: String] = [nil: "platform"]
        for tenant in try await Tenant.query(on: db).all() {
            names[try tenant.requireID()] = "tenant \(tenant.slug)"
        }
        return names
    }
}

extension Int {
    /// 12,345: thousands grouped with commas, for the command line's reports.
    var grouped: String {
        let digits = String(magnitude)
        var out = ""
        for (index, digit) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { out.append(",") }
            out.append(digit)
        }
        return (self < 0 ? "-" : "") + out
    }
}
