import Fluent
import Foundation
import StyrbordCore
import Vapor

/// The result of an `audit` command, as text for the terminal; `succeeded` false exits with status 1.
public struct AuditOutcome: Sendable {
    public var report: String
    public var succeeded: Bool
}

/// `styrbord audit verify`.
public enum AuditCommands {
    /// Walks every chain (or one tenant's): status 0 and one line when intact, otherwise one line per problem.
    public static func verify(app: Application, tenantSlug: String?) async throws -> AuditOutcome {
        let tenant = try await find(tenantSlug, on: app.db)
        let report = try await AuditVerification.verify(tenant: tenant, on: app.db)
        return AuditOutcome(report: report.lines.joined(separator: "\n"), succeeded: report.isIntact)
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
