import Fluent
import Foundation
import StyrbordCore
import Vapor

/// `styrbord user create|reset-password` and `styrbord token create`: the way in before anyone can sign in.
public enum AccountCommandSupport {
    /// Creates an account; returns the password (the given one, or a generated one to show once).
    public static func createUser(
        app: Application, tenantSlug: String?, email: String, name: String, isAdmin: Bool,
        isPlatformOperator: Bool, password: String?
    ) async throws -> String {
        var tenant: Tenant?
        if isPlatformOperator {
            guard tenantSlug == nil else {
                throw CommandFailure("A platform operator belongs to no municipality: leave out --tenant.")
            }
        } else {
            guard let slug = tenantSlug else {
                throw CommandFailure("Name the municipality with --tenant (or use --platform-operator).")
            }
            guard let found = try await Tenant.query(on: app.db).filter(\.$slug == slug).first() else {
                throw CommandFailure("There is no municipality \"\(slug)\" (styrbord tenant list shows them).")
            }
            tenant = found
        }
        do {
            let (_, issued) = try await AccountRules.create(
                AccountDraft(email: email, name: name, isTenantAdmin: isAdmin), tenant: tenant, password: password,
                isPlatformOperator: isPlatformOperator, passwords: app.passwordHasher,
                actor: .command("styrbord user create", dependencies: app.dependencies), on: app.db)
            return issued
        } catch let failure as ValidationFailure {
            throw CommandFailure(failure.issues.map { "--\($0.field): \($0.message.en)" }.joined(separator: "\n"))
        }
    }

    /// Sets a new password (given or generated) and signs the account out everywhere; returns it.
    public static func resetPassword(app: Application, email: String, password: String?) async throws -> String {
        guard
            let account = try await Account.query(on: app.db).filter(\.$email == AccountDraft.normalise(email: email))
                .first()
        else { throw CommandFailure("There is no account with the email address \(email).") }
        let new = password ?? PasswordHasher.generate()
        let issues = PasswordPolicy.check(new, email: account.email)
        if !issues.isEmpty { throw CommandFailure(issues.map { "password: \($0.message.en)" }.joined(separator: "\n")) }
        try await AccountRules.setPassword(
            account, to: new, keepSession: nil, passwords: app.passwordHasher,
            actor: .command("styrbord user reset-password", dependencies: app.dependencies),
            message: "reset on the command line", on: app.db)
        return new
    }

    /// Makes an API token for the account; returns the secret (shown once).
    public static func createToken(
        app: Application, email: String, name: String, readWrite: Bool, days: Int
    ) async throws -> String {
        guard
            let account = try await Account.query(on: app.db).filter(\.$email == AccountDraft.normalise(email: email))
                .first()
        else { throw CommandFailure("There is no account with the email address \(email).") }
        do {
            let (_, secret) = try await TokenRules.create(
                TokenDraft(name: name, access: readWrite ? .readWrite : .read, validDays: days), for: account,
                actor: .command("styrbord token create", dependencies: app.dependencies), on: app.db)
            return secret
        } catch let failure as ValidationFailure {
            throw CommandFailure(failure.issues.map { "--\($0.field): \($0.message.en)" }.joined(separator: "\n"))
        }
    }
}
