import Fluent
import Foundation
import Vapor

/// Sign-ins, refusals and token use, in the audit trail of the account's municipality (or the
/// platform's, for operators and unknown emails). They do not count as data changes, so caches stay.
enum SecurityEvents {
    static func record(
        _ action: AuditEntry.Action, account: Account?, objectType: String, objectID: UUID?, label: String,
        message: String?, request: Request
    ) async throws {
        var actor = AuditActor.from(request)
        if let account {
            actor.name = account.actorName
            actor.accountID = account.id
        }
        try await AuditLog.recordEvent(
            action, objectType: objectType, objectID: objectID ?? account?.id, label: label,
            tenantID: account?.tenantID, message: message, actor: actor, on: request.db)
    }
}
