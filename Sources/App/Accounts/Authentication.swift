import Crypto
import Fluent
import Foundation
import SQLKit
import StyrbordCore
import Vapor

/// Who sent a request, and how they proved it.
struct SignedIn: Sendable {
    enum Credential: Sendable {
        case session(UUID)
        case token(id: UUID, name: String, access: TokenAccess)
    }

    let account: Account
    let credential: Credential

    /// A read-only token never changes anything, whatever its account may do.
    var canWrite: Bool {
        if case .token(_, _, let access) = credential { return access == .readWrite }
        return true
    }

    /// The name history records: the account, and the token when one was used.
    var actorName: String {
        if case .token(_, let name, _) = credential { return "\(account.actorName) (token \(name))" }
        return account.actorName
    }
}

/// Secrets for cookies and tokens: 32 random bytes, URL-safe; only their SHA-256 is stored.
enum Secrets {
    static func make() -> String {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<32).map { _ in UInt8.random(in: 0...255, using: &generator) }
        return Data(bytes).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    static func hash(_ secret: String) -> String {
        SHA256.hash(data: Data(secret.utf8)).map { String(format: "%02x", $0) }.joined()
    }
}

/// How long sessions live. A municipal workday fits in the absolute limit; an unattended browser is
/// signed out after the idle limit.
enum SessionPolicy {
    static let cookieName = "styrbord_session"
    static let absoluteLifetime: TimeInterval = 10 * 3600
    static let idleLimit: TimeInterval = 2 * 3600
    /// `last_seen_at` is written at most this often, so reading pages does not mean writing rows.
    static let touchInterval: TimeInterval = 5 * 60
}

/// API tokens look like `stb_<43 characters>`; the prefix helps secret scanners and people alike.
enum TokenFormat {
    static let prefix = "stb_"
    /// Token use is written to the audit trail when a token is used after this long unused.
    static let useRecordingInterval: TimeInterval = 3600
    /// `last_used_at` is written at most this often.
    static let touchInterval: TimeInterval = 60
}

/// Reads the session cookie or the API token and remembers who is signed in. A token that is
/// wrong, expired or revoked is an error (401), never a silent fall back to anonymous.
struct AuthenticationMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        if let bearer = request.headers.bearerAuthorization {
            request.signedIn = try await Self.authenticate(token: bearer.token, request: request)
            return try await next.respond(to: request)
        }
        guard let secret = request.cookies[SessionPolicy.cookieName]?.string, !secret.isEmpty else {
            return try await next.respond(to: request)
        }
        request.signedIn = try await Self.authenticate(sessionSecret: secret, request: request)
        let response = try await next.respond(to: request)
        if request.signedIn == nil && response.cookies[SessionPolicy.cookieName] == nil {
            // The cookie named a session that has ended: clear it so the browser stops sending it.
            response.cookies[SessionPolicy.cookieName] = SessionCookie.expired(for: request)
        }
        return response
    }

    static func authenticate(sessionSecret: String, request: Request) async throws -> SignedIn? {
        let now = request.dependencies.now()
        // The session and its account in one round trip: this runs before every signed-in request.
        guard
            let session = try await UserSession.query(on: request.db)
                .join(Account.self, on: \UserSession.$accountID == \Account.$id)
                .filter(\.$tokenHash == Secrets.hash(sessionSecret)).first()
        else { return nil }
        if session.expiresAt <= now || now.timeIntervalSince(session.lastSeenAt) > SessionPolicy.idleLimit {
            try await session.delete(on: request.db)
            return nil
        }
        let account = try session.joined(Account.self)
        guard account.isActive else { return nil }
        if now.timeIntervalSince(session.lastSeenAt) > SessionPolicy.touchInterval {
            session.lastSeenAt = now
            try await session.update(on: request.db)
        }
        return SignedIn(account: account, credential: .session(try session.requireID()))
    }

    static func authenticate(token: String, request: Request) async throws -> SignedIn {
        let now = request.dependencies.now()
        guard token.hasPrefix(TokenFormat.prefix),
            let stored = try await APIToken.query(on: request.db).filter(\.$tokenHash == Secrets.hash(token)).first()
        else { throw AuthError.tokenInvalid }
        if stored.revokedAt != nil { throw AuthError.tokenRevoked }
        if stored.expiresAt <= now { throw AuthError.tokenExpired }
        guard let account = try await Account.find(stored.accountID, on: request.db), account.isActive else {
            throw AuthError.tokenInvalid
        }
        let signedIn = SignedIn(
            account: account, credential: .token(id: try stored.requireID(), name: stored.name, access: stored.access))
        let idle = stored.lastUsedAt.map { now.timeIntervalSince($0) } ?? .infinity
        if idle > TokenFormat.touchInterval {
            if idle > TokenFormat.useRecordingInterval {
                try await SecurityEvents.record(
                    .tokenUsed, account: account, objectType: "api-token", objectID: stored.id, label: stored.name,
                    message: "\(request.method) \(request.url.path)", request: request)
            }
            stored.lastUsedAt = now
            try await stored.update(on: request.db)
        }
        return signedIn
    }
}

/// The session cookie: HttpOnly (no script reads it), SameSite=Lax (not sent on cross-site posts),
/// Secure whenever the request came over TLS.
enum SessionCookie {
    static func make(secret: String, for request: Request) -> HTTPCookies.Value {
        HTTPCookies.Value(
            string: secret, maxAge: Int(SessionPolicy.absoluteLifetime), path: "/",
            isSecure: request.isSecureTransport, isHTTPOnly: true, sameSite: .lax)
    }

    static func expired(for request: Request) -> HTTPCookies.Value {
        HTTPCookies.Value(
            string: "", expires: Date(timeIntervalSince1970: 0), maxAge: 0, path: "/",
            isSecure: request.isSecureTransport, isHTTPOnly: true, sameSite: .lax)
    }
}

extension Request {
    private struct SignedInKey: StorageKey { typealias Value = SignedIn }
    private struct PrincipalKey: StorageKey { typealias Value = Principal }

    /// The account behind this request, if any.
    var signedIn: SignedIn? {
        get { storage[SignedInKey.self] }
        set { storage[SignedInKey.self] = newValue }
    }

    /// The signed-in account as the access policy sees it, with the roles its person holds today.
    func principal() async throws -> Principal? {
        if let cached = storage[PrincipalKey.self] { return cached }
        guard let signedIn else { return nil }
        let principal = try await PrincipalLoader.load(signedIn, today: dependencies.today, on: db)
        storage[PrincipalKey.self] = principal
        return principal
    }
}

/// Builds a `Principal` from an account and the register.
enum PrincipalLoader {
    static func load(_ signedIn: SignedIn, today: CalendarDay, on db: any Database) async throws -> Principal {
        let account = signedIn.account
        let accountID = try account.requireID()
        if account.isPlatformOperator {
            return Principal(accountID: accountID, kind: .platformOperator, canWrite: signedIn.canWrite)
        }
        guard let tenantID = account.tenantID else {
            // An account with neither a tenant nor the operator flag can do nothing.
            return Principal(accountID: accountID, kind: .member(tenantID: UUID()), canWrite: false)
        }
        var principal = Principal(
            accountID: accountID, kind: .member(tenantID: tenantID), isTenantAdmin: account.isTenantAdmin,
            canWrite: signedIn.canWrite, personID: account.personID)
        // An administrator may do everything in the tenant; the roles would change nothing.
        guard !account.isTenantAdmin, let personID = account.personID else { return principal }
        let rows = try await RegisterRows.sql(db)
            .select()
            .column(SQLColumn("scope", table: "ra"))
            .column(SQLColumn("system_id", table: "ra"))
            .column(SQLColumn("org_unit_id", table: "ra"))
            .column(SQLColumn("holding", table: "ra"))
            .column(SQLColumn("key", table: "rt"))
            .from(SQLAlias(SQLIdentifier("role_assignments"), as: SQLIdentifier("ra")))
            .join(
                SQLAlias(SQLIdentifier("role_types"), as: SQLIdentifier("rt")),
                on: SQLColumn("id", table: "rt"), .equal, SQLColumn("role_type_id", table: "ra")
            )
            .where(SQLColumn("tenant_id", table: "ra"), .equal, SQLBind(tenantID))
            .where(SQLColumn("person_id", table: "ra"), .equal, SQLBind(personID))
            .where(SQLColumn("valid_from", table: "ra"), .lessThanOrEqual, SQLBind(today.description))
            .where { w in
                w.where(SQLColumn("valid_to", table: "ra"), .is, SQLLiteral.null)
                    .orWhere(SQLColumn("valid_to", table: "ra"), .greaterThanOrEqual, SQLBind(today.description))
            }
            .all(decoding: SystemRoleGrantRow.self)
        for row in rows {
            guard let holding = RoleHolding(rawValue: row.holding) else { continue }
            if row.scope == RoleScopeKind.system.rawValue, let systemID = row.system_id {
                principal.systemRoles[systemID, default: []].insert(SystemRoleGrant(roleKey: row.key, holding: holding))
            } else if row.scope == RoleScopeKind.orgUnit.rawValue, row.key == RoleCatalogue.itCoordinator,
                let unit = row.org_unit_id
            {
                principal.coordinatedOrgUnits.insert(unit)
            }
            // Forums are led by roles held for a unit or the whole municipality (D4/E2).
            if row.scope == RoleScopeKind.orgUnit.rawValue, let unit = row.org_unit_id {
                principal.heldRoles.insert(UnitRoleGrant(roleKey: row.key, orgUnitID: unit))
            } else if row.scope == RoleScopeKind.tenant.rawValue {
                principal.heldRoles.insert(UnitRoleGrant(roleKey: row.key, orgUnitID: nil))
            }
        }
        return principal
    }

    private struct SystemRoleGrantRow: Decodable {
        var scope: String
        var system_id: UUID?
        var org_unit_id: UUID?
        var holding: String
        var key: String
    }
}

/// Refusals of sign-in and tokens.
enum AuthError: AppError {
    case signInRequired
    case tokenInvalid
    case tokenExpired
    case tokenRevoked
    case forbidden(Localized)
    case readOnlyToken

    var status: HTTPResponseStatus {
        switch self {
        case .signInRequired, .tokenInvalid, .tokenExpired, .tokenRevoked: .unauthorized
        case .forbidden, .readOnlyToken: .forbidden
        }
    }

    var code: String {
        switch self {
        case .signInRequired: "auth.required"
        case .tokenInvalid: "auth.token-invalid"
        case .tokenExpired: "auth.token-expired"
        case .tokenRevoked: "auth.token-revoked"
        case .forbidden: "auth.forbidden"
        case .readOnlyToken: "auth.read-only-token"
        }
    }

    var userMessage: Localized {
        switch self {
        case .signInRequired:
            Localized(
                sv:
                    "Logga in för att fortsätta. Skript och integrationer använder en API-token (Authorization: Bearer).",
                en: "Sign in to continue. Scripts and integrations use an API token (Authorization: Bearer).")
        case .tokenInvalid:
            Localized(
                sv: "API-token är okänd. Skapa en ny under Mitt konto.",
                en: "The API token is not known. Create a new one under My account.")
        case .tokenExpired:
            Localized(
                sv: "API-token har gått ut. Skapa en ny under Mitt konto.",
                en: "The API token has expired. Create a new one under My account.")
        case .tokenRevoked:
            Localized(
                sv: "API-token är återkallad. Skapa en ny under Mitt konto.",
                en: "The API token has been revoked. Create a new one under My account.")
        case .forbidden(let reason):
            Localized(
                sv:
                    "Du har inte behörighet till detta. \(reason.sv) Behöver du göra det, kontakta kommunens administratör.",
                en: "You don't have permission for this. \(reason.en) If you need to, contact the administrator.")
        case .readOnlyToken:
            Localized(
                sv: "API-token får bara läsa. Använd en token som får läsa och ändra.",
                en: "The API token may only read. Use a token that may read and change.")
        }
    }
}
