import Fluent
import Foundation
import StyrbordCore
import Vapor

/// The result of an `audit` command, as text for the terminal; `succeeded` false exits with status 1.
public struct AuditOutcome: Sendable {
    public var report: String
    public var succeeded: Bool
}

/// `styrbord audit verify|pseudonymise`.
public enum AuditCommands {
    /// Walks every chain (or one tenant's): status 0 and one line when intact, otherwise one line per problem.
    public static func verify(app: Application, tenantSlug: String?) async throws -> AuditOutcome {
        let tenant = try await find(tenantSlug, on: app.db)
        let report = try await AuditVerification.verify(tenant: tenant, on: app.db)
        return AuditOutcome(report: report.lines.joined(separator: "\n"), succeeded: report.isIntact)
    }

    /// Replaces the actors of old entries by pseudonyms and says how many entries changed per chain.
    public static func pseudonymise(
        app: Application, olderThanYears: Int?, tenantSlug: String?, dryRun: Bool
    ) async throws -> AuditOutcome {
        let tenant = try await find(tenantSlug, on: app.db)
        let results = try await AuditPseudonymisation.run(
            olderThanYears: olderThanYears, tenant: tenant, dryRun: dryRun, now: app.dependencies.now(), on: app.db)
        var lines: [String] = []
        var total = 0
        var mismatched = 0
        for result in results {
            guard let years = result.years, let cutoff = result.cutoff else {
                lines.append(
                    "\(result.chainName): no retention period set; give --older-than-years or set "
                        + "tenants.audit_actor_retention_years.")
                continue
            }
            let verb = dryRun ? "would be pseudonymised" : "pseudonymised"
            lines.append(
                "\(result.chainName): \(result.changed.grouped) \(result.changed == 1 ? "entry" : "entries") \(verb) "
                    + "(older than \(years) \(years == 1 ? "year" : "years"), before \(CalendarDay(cutoff).iso)).")
            if result.mismatched > 0 {
                lines.append(
                    "  \(result.mismatched.grouped) left unchanged: the actor does not match its commitment "
                        + "(run `styrbord audit verify`).")
            }
            total += result.changed
            mismatched += result.mismatched
        }
        lines.append(
            dryRun
                ? "Dry run: \(total.grouped) entries would be pseudonymised; nothing was written."
                : "Pseudonymised \(total.grouped) \(total == 1 ? "entry" : "entries").")
        return AuditOutcome(report: lines.joined(separator: "\n"), succeeded: mismatched == 0)
    }

    /// The tenant named on the command line, or nil when none was.
    private static func find(_ slug: String?, on db: any Database) async throws -> Tenant? {
        guard let slug else { return nil }
        guard let tenant = try await Tenant.query(on: db).filter(\.$slug == slug).first() else {
            throw CommandFailure("There is no municipality \"\(slug)\". `styrbord tenant list` shows them.")
        }
        return tenant
    }
}
