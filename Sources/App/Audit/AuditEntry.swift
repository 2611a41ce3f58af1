import Fluent
import Foundation
import StyrbordCore
import Vapor

/// One change to one record, or one security event: who, when, what it looked like before and after
/// (F5: spårbarhet). Append-only and hash-chained (see docs/audit.md): only `AuditLog` inserts rows,
/// only `AuditPseudonymisation` updates them (the actor columns), and nothing deletes them.
final class AuditEntry: Model, @unchecked Sendable {
    static let schema = "audit_entries"

    /// What happened to the record.
    enum Action: String, Codable, Sendable {
        case create, update, delete, `import`
        // Security events (issue 3), written by `AuditLog.recordEvent`.
        case signIn = "sign-in"
        case signOut = "sign-out"
        case signInFailed = "sign-in-failed"
        case accessDenied = "access-denied"
        case tokenUsed = "token-used"
        case tokenCreated = "token-created"
        case tokenRevoked = "token-revoked"
        case passwordChanged = "password-changed"

        /// How a history line says it: "Anna *changed* the system".
        var verb: Localized {
            switch self {
            case .create: Localized(sv: "skapade", en: "created")
            case .update: Localized(sv: "ändrade", en: "changed")
            case .delete: Localized(sv: "tog bort", en: "deleted")
            case .import: Localized(sv: "importerade", en: "imported")
            case .signIn: Localized(sv: "loggade in", en: "signed in")
            case .signOut: Localized(sv: "loggade ut", en: "signed out")
            case .signInFailed: Localized(sv: "misslyckades logga in", en: "failed to sign in")
            case .accessDenied: Localized(sv: "nekades åtkomst", en: "was refused access")
            case .tokenUsed: Localized(sv: "använde API-token", en: "used an API token")
            case .tokenCreated: Localized(sv: "skapade API-token", en: "created an API token")
            case .tokenRevoked: Localized(sv: "återkallade API-token", en: "revoked an API token")
            case .passwordChanged: Localized(sv: "bytte lösenord", en: "changed the password")
            }
        }
        /// Changes to records, as a record's history shows them (security events are not part of it).
        static let changes: [Action] = [.create, .update, .delete, .import]
    }

    @ID(key: .id) var id: UUID?
    @OptionalField(key: "tenant_id") var tenantID: UUID?
    /// The kind of record ("system", "person", "role-assignment").
    @Field(key: "object_type") var objectType: String
    @Field(key: "object_id") var objectID: UUID
    /// The record's name at the time, so history stays readable after a rename or delete.
    @Field(key: "object_label") var objectLabel: String
    @Field(key: "action") var action: Action
    /// Who acted, or `pseudonym-…` once `audit pseudonymise` has replaced them.
    @Field(key: "actor") var actor: String
    @Field(key: "request_id") var requestID: String
    @Field(key: "at") var at: Date
    /// JSON of the record before the change; nil on create.
    @OptionalField(key: "before") var before: String?
    /// JSON of the record after the change; nil on delete.
    @OptionalField(key: "after") var after: String?
    @OptionalField(key: "message") var message: String?
    /// The system a change belongs to, so a system's history includes its roles, contracts and integrations.
    @OptionalField(key: "system_id") var systemID: UUID?
    /// 1, 2, 3 … within the entry's chain: its tenant's, or the platform's when `tenantID` is nil.
    @Field(key: "seq") var seq: Int64
    /// The entry before this one in its chain; nil for the first.
    @OptionalField(key: "prev_id") var prevID: UUID?
    @OptionalField(key: "prev_hash") var prevHash: String?
    /// SHA-256 over this entry's contents and `prevHash` (`AuditChain.entryHash`).
    @Field(key: "entry_hash") var entryHash: String
    /// The account that acted; nil for the command line and once pseudonymised.
    @OptionalField(key: "actor_id") var actorID: UUID?
    /// Random per entry, so the commitment reveals nothing; nil once pseudonymised.
    @OptionalField(key: "actor_salt") var actorSalt: String?
    /// SHA-256 over salt, actor and account: the hash covers this instead of the actor.
    @Field(key: "actor_commitment") var actorCommitment: String

    /// Listed by hand: FluentKit otherwise finds the properties by reflection on every row it decodes,
    /// which dominated the register's response time. `ModelPropertiesTests` checks the list is complete.
    var properties: [any AnyProperty] {
        [
            $id, $tenantID, $objectType, $objectID, $objectLabel, $action, $actor, $requestID, $at, $before, $after,
            $message, $systemID, $seq, $prevID, $prevHash, $entryHash, $actorID, $actorSalt, $actorCommitment,
        ]
    }

    init() {}

    /// The entry as the chain's hashing and verification see it.
    var chainRecord: AuditChainRecord {
        AuditChainRecord(
            id: id ?? UUID(), tenantID: tenantID, seq: seq, prevID: prevID, prevHash: prevHash, entryHash: entryHash,
            objectType: objectType, objectID: objectID, objectLabel: objectLabel, action: action.rawValue,
            actor: actor, actorID: actorID, actorSalt: actorSalt, actorCommitment: actorCommitment,
            requestID: requestID, atMilliseconds: AuditChain.milliseconds(at), before: before, after: after,
            message: message, systemID: systemID)
    }
}
