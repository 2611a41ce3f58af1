import Fluent
import Foundation
import StyrbordCore
import Vapor

/// Someone who signs in: an employee of one municipality, or the service's platform operator (no tenant).
/// The account's person in the register decides which systems it may change (see `AccessPolicy`).
final class Account: Model, @unchecked Sendable {
    static let schema = "accounts"

    @ID(key: .id) var id: UUID?
    /// Nil only for platform operators.
    @OptionalField(key: "tenant_id") var tenantID: UUID?
    /// Lower-case; the sign-in name, unique on the service.
    @Field(key: "email") var email: String
    @Field(key: "name") var name: String
    /// bcrypt; never shown, never logged.
    @Field(key: "password_hash") var passwordHash: String
    @Field(key: "is_tenant_admin") var isTenantAdmin: Bool
    @Field(key: "is_platform_operator") var isPlatformOperator: Bool
    @OptionalField(key: "person_id") var personID: UUID?
    /// A deactivated account can't sign in and its tokens stop working; history keeps its name.
    @Field(key: "is_active") var isActive: Bool
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "updated_at") var updatedAt: Date
    @Field(key: "password_changed_at") var passwordChangedAt: Date
    @OptionalField(key: "last_sign_in_at") var lastSignInAt: Date?

    var properties: [any AnyProperty] {
        [
            $id, $tenantID, $email, $name, $passwordHash, $isTenantAdmin, $isPlatformOperator, $personID, $isActive,
            $createdAt, $updatedAt, $passwordChangedAt, $lastSignInAt,
        ]
    }

    init() {}

    init(
        id: UUID, tenantID: UUID?, draft: AccountDraft, passwordHash: String, isPlatformOperator: Bool = false,
        now: Date
    ) {
        self.id = id
        self.tenantID = tenantID
        self.passwordHash = passwordHash
        self.isPlatformOperator = isPlatformOperator
        self.createdAt = now
        self.passwordChangedAt = now
        apply(draft, now: now)
    }

    var draft: AccountDraft {
        AccountDraft(email: email, name: name, isTenantAdmin: isTenantAdmin, personId: personID, isActive: isActive)
    }

    func apply(_ draft: AccountDraft, now: Date) {
        email = AccountDraft.normalise(email: draft.email)
        name = draft.name.trimmingCharacters(in: .whitespacesAndNewlines)
        isTenantAdmin = draft.isTenantAdmin
        personID = draft.personId
        isActive = draft.isActive
        updatedAt = now
    }

    /// The name history shows for changes made by this account.
    var actorName: String { "\(name) <\(email)>" }
}

/// A signed-in browser. The cookie holds a random secret; only its SHA-256 is stored, so a copy of the
/// database does not let anyone take over a session.
final class UserSession: Model, @unchecked Sendable {
    static let schema = "user_sessions"

    @ID(key: .id) var id: UUID?
    @Field(key: "token_hash") var tokenHash: String
    @Field(key: "account_id") var accountID: UUID
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "last_seen_at") var lastSeenAt: Date
    /// The session ends at this instant even when in use.
    @Field(key: "expires_at") var expiresAt: Date

    var properties: [any AnyProperty] { [$id, $tokenHash, $accountID, $createdAt, $lastSeenAt, $expiresAt] }

    init() {}

    init(id: UUID, tokenHash: String, accountID: UUID, now: Date, lifetime: TimeInterval) {
        self.id = id
        self.tokenHash = tokenHash
        self.accountID = accountID
        self.createdAt = now
        self.lastSeenAt = now
        self.expiresAt = now.addingTimeInterval(lifetime)
    }
}

/// A token a script or integration uses instead of a password (`Authorization: Bearer …`).
final class APIToken: Model, @unchecked Sendable {
    static let schema = "api_tokens"

    @ID(key: .id) var id: UUID?
    @Field(key: "account_id") var accountID: UUID
    @Field(key: "name") var name: String
    /// SHA-256 of the secret; the secret itself is shown once, when the token is made.
    @Field(key: "token_hash") var tokenHash: String
    /// The first characters of the secret, so a user can tell their tokens apart.
    @Field(key: "prefix") var prefix: String
    @Field(key: "access") var access: TokenAccess
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "expires_at") var expiresAt: Date
    @OptionalField(key: "last_used_at") var lastUsedAt: Date?
    @OptionalField(key: "revoked_at") var revokedAt: Date?

    var properties: [any AnyProperty] {
        [$id, $accountID, $name, $tokenHash, $prefix, $access, $createdAt, $expiresAt, $lastUsedAt, $revokedAt]
    }

    init() {}

    func isUsable(at now: Date) -> Bool { revokedAt == nil && expiresAt > now }
}

/// One failed sign-in, kept for the throttle (`SignInThrottle`) for a day.
final class SignInFailure: Model, @unchecked Sendable {
    static let schema = "sign_in_failures"

    @ID(key: .id) var id: UUID?
    @Field(key: "email") var email: String
    @Field(key: "address") var address: String
    @Field(key: "at") var at: Date

    var properties: [any AnyProperty] { [$id, $email, $address, $at] }

    init() {}

    init(id: UUID, email: String, address: String, at: Date) {
        self.id = id
        self.email = email
        self.address = address
        self.at = at
    }
}
