import Fluent
import Foundation
import StyrbordCore
import Vapor

/// bcrypt off the event loop; the cost comes from configuration (tests use the minimum).
struct PasswordHasher: Sendable {
    let cost: Int
    let threadPool: NIOThreadPool

    func hash(_ password: String) async throws -> String {
        let cost = cost
        return try await threadPool.runIfActive { try Bcrypt.hash(password, cost: cost) }
    }

    func verify(_ password: String, against hash: String) async throws -> Bool {
        try await threadPool.runIfActive { (try? Bcrypt.verify(password, created: hash)) ?? false }
    }

    /// A hash of nothing anyone knows, checked when the email is unknown so that the answer takes as long
    /// as for a known one (no telling which emails have accounts).
    func verifyAgainstNothing(_ password: String) async throws {
        _ = try await verify(password, against: Self.decoy)
    }

    private static let decoy = (try? Bcrypt.hash(Secrets.make(), cost: 10)) ?? ""

    /// A password to hand out once (a new account, a reset): 20 characters without look-alikes.
    static func generate() -> String {
        let alphabet = Array("abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789")
        var generator = SystemRandomNumberGenerator()
        let chars = (0..<20).map { _ in alphabet[Int.random(in: 0..<alphabet.count, using: &generator)] }
        // Groups of five read and type more easily.
        return stride(from: 0, to: 20, by: 5).map { String(chars[$0..<$0 + 5]) }.joined(separator: "-")
    }
}

extension Application {
    private struct PasswordCostKey: StorageKey { typealias Value = Int }

    var passwordCost: Int {
        get { storage[PasswordCostKey.self] ?? 12 }
        set { storage[PasswordCostKey.self] = newValue }
    }

    var passwordHasher: PasswordHasher { PasswordHasher(cost: passwordCost, threadPool: threadPool) }
}

extension Request {
    var passwordHasher: PasswordHasher { application.passwordHasher }
}

/// Creating and changing accounts, with history. Passwords never enter the history.
enum AccountRules {
    static let objectType = "account"

    /// Creates an account with `password` (or a generated one, returned so it can be shown once).
    static func create(
        _ draft: AccountDraft, tenant: Tenant?, password: String?, isPlatformOperator: Bool = false,
        passwords: PasswordHasher, actor: AuditActor, on db: any Database
    ) async throws -> (Account, initialPassword: String) {
        let tenantID = try tenant?.requireID()
        try await validate(draft, tenantID: tenantID, excluding: nil, on: db)
        let initial = password ?? PasswordHasher.generate()
        if password != nil { try RecordStore.check(PasswordPolicy.check(initial, email: draft.email)) }
        let hash = try await passwords.hash(initial)
        let account = Account(
            id: actor.uuid(), tenantID: tenantID, draft: draft, passwordHash: hash,
            isPlatformOperator: isPlatformOperator, now: actor.now())
        try await db.writeTransaction { tx in
            try await account.create(on: tx)
            try await AuditLog.record(
                .create, objectType: objectType, objectID: try account.requireID(), label: account.actorName,
                tenantID: tenantID, before: AccountDraft?.none, after: account.draft, actor: actor, on: tx)
        }
        return (account, initial)
    }

    static func update(
        _ account: Account, with draft: AccountDraft, actor: AuditActor, on db: any Database
    ) async throws -> Account {
        try await validate(draft, tenantID: account.tenantID, excluding: account.id, on: db)
        if account.id == actor.accountID && (!draft.isActive || !draft.isTenantAdmin) && account.isTenantAdmin {
            // Nobody locks themselves out; another administrator can do it.
            throw ValidationFailure(issues: [
                ValidationIssue(
                    field: draft.isActive ? "isTenantAdmin" : "isActive",
                    message: Localized(
                        sv: "Du kan inte ta bort din egen administratörsbehörighet eller stänga ditt eget konto.",
                        en: "You can't remove your own administrator rights or deactivate your own account."))
            ])
        }
        let before = account.draft
        var cleaned = draft
        cleaned.email = AccountDraft.normalise(email: draft.email)
        cleaned.name = draft.name.trimmed
        let normalised = cleaned
        guard before != normalised else { return account }
        try await db.writeTransaction { tx in
            account.apply(normalised, now: actor.now())
            try await account.update(on: tx)
            if !normalised.isActive {
                // A closed account is signed out everywhere at once.
                try await UserSession.query(on: tx).filter(\.$accountID == account.requireID()).delete()
            }
            try await AuditLog.record(
                .update, objectType: objectType, objectID: try account.requireID(), label: account.actorName,
                tenantID: account.tenantID, before: before, after: normalised, actor: actor, on: tx)
        }
        return account
    }

    /// Sets a new password and signs the account out everywhere except `keepSession`.
    static func setPassword(
        _ account: Account, to password: String, keepSession: UUID?, passwords: PasswordHasher, actor: AuditActor,
        message: String, on db: any Database
    ) async throws {
        let hash = try await passwords.hash(password)
        try await db.writeTransaction { tx in
            account.passwordHash = hash
            account.passwordChangedAt = actor.now()
            try await account.update(on: tx)
            var others = UserSession.query(on: tx).filter(\.$accountID == (try account.requireID()))
            if let keepSession { others = others.filter(\.$id != keepSession) }
            try await others.delete()
            try await AuditLog.recordEvent(
                .passwordChanged, objectType: objectType, objectID: account.id, label: account.actorName,
                tenantID: account.tenantID, message: message, actor: actor, on: tx)
        }
    }

    /// The tenant's account with the id in the path, or 404 (another tenant's reads the same).
    static func find(_ req: Request, in tenant: Tenant) async throws -> Account {
        let id = try req.parameters.require("accountID", as: UUID.self)
        guard
            let account = try await Account.query(on: req.db).filter(\.$id == id)
                .filter(\.$tenantID == (try tenant.requireID())).first()
        else { throw CommonError.notFound(what: Localized(sv: "Kontot", en: "The account")) }
        return account
    }

    private static func validate(
        _ draft: AccountDraft, tenantID: UUID?, excluding: UUID?, on db: any Database
    ) async throws {
        var issues = draft.validate()
        let email = AccountDraft.normalise(email: draft.email)
        if issues.isEmpty {
            var existing = Account.query(on: db).filter(\.$email == email)
            if let excluding { existing = existing.filter(\.$id != excluding) }
            if try await existing.first() != nil {
                issues.append(
                    ValidationIssue(
                        field: "email",
                        message: Localized(
                            sv: "Det finns redan ett konto med e-postadressen \(email).",
                            en: "There is already an account with the email address \(email).")))
            }
        }
        if let personID = draft.personId {
            let found =
                if let tenantID {
                    try await Person.query(on: db).filter(\.$id == personID).filter(\.$tenantID == tenantID).first()
                } else { Person?.none }
            if found == nil {
                issues.append(
                    ValidationIssue(
                        field: "personId",
                        message: Localized(
                            sv: "Personen finns inte i kommunens register.",
                            en: "The person is not in the municipality's register.")))
            }
        }
        try RecordStore.check(issues)
    }
}

/// Making and revoking one's own API tokens.
enum TokenRules {
    /// Creates a token and returns it with its secret, which is never stored and never shown again.
    static func create(
        _ draft: TokenDraft, for account: Account, actor: AuditActor, on db: any Database
    ) async throws -> (APIToken, secret: String) {
        try RecordStore.check(draft.validate())
        let secret = TokenFormat.prefix + Secrets.make()
        let token = APIToken()
        token.id = actor.uuid()
        token.accountID = try account.requireID()
        token.name = draft.name.trimmed
        token.tokenHash = Secrets.hash(secret)
        token.prefix = String(secret.prefix(TokenFormat.prefix.count + 6))
        token.access = draft.access
        token.createdAt = actor.now()
        token.expiresAt = actor.now().addingTimeInterval(TimeInterval(draft.validDays) * 86_400)
        try await db.writeTransaction { tx in
            try await token.create(on: tx)
            try await AuditLog.recordEvent(
                .tokenCreated, objectType: "api-token", objectID: token.id, label: token.name,
                tenantID: account.tenantID,
                message: "\(draft.access.rawValue), \(draft.validDays) days", actor: actor, on: tx)
        }
        return (token, secret)
    }

    static func revoke(_ token: APIToken, account: Account, actor: AuditActor, on db: any Database) async throws {
        guard token.revokedAt == nil else { return }
        try await db.writeTransaction { tx in
            token.revokedAt = actor.now()
            try await token.update(on: tx)
            try await AuditLog.recordEvent(
                .tokenRevoked, objectType: "api-token", objectID: token.id, label: token.name,
                tenantID: account.tenantID, message: nil, actor: actor, on: tx)
        }
    }
}
