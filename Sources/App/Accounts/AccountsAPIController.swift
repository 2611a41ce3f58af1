import Fluent
import Foundation
import StyrbordCore
import Vapor

/// An account as the API returns it; never the password hash.
struct AccountResponse: Content {
    var id: UUID
    var email: String
    var name: String
    var isTenantAdmin: Bool
    var personId: UUID?
    var isActive: Bool
    var createdAt: Date
    var lastSignInAt: Date?

    init(_ a: Account) throws {
        id = try a.requireID()
        email = a.email
        name = a.name
        isTenantAdmin = a.isTenantAdmin
        personId = a.personID
        isActive = a.isActive
        createdAt = a.createdAt
        lastSignInAt = a.lastSignInAt
    }
}

struct CreateAccountRequest: Content {
    var email: String
    var name: String
    var isTenantAdmin: Bool?
    var personId: UUID?
    /// Leave out to have one generated; it is returned once as `initialPassword`.
    var password: String?
}

struct CreatedAccountResponse: Content {
    var account: AccountResponse
    /// Only when the password was generated: shown this once.
    var initialPassword: String?
}

/// The municipality's accounts, for the administrator's scripts (for example provisioning from HR).
struct AccountsAPIController {
    @Sendable func index(req: Request) async throws -> [AccountResponse] {
        let tenant = try await req.tenant()
        return try await Account.query(on: req.db).filter(\.$tenantID == tenant.requireID()).sort(\.$email).all()
            .map(AccountResponse.init)
    }

    @Sendable func show(req: Request) async throws -> AccountResponse {
        try AccountResponse(try await AccountRules.find(req, in: try await req.tenant()))
    }

    @Sendable func create(req: Request) async throws -> Response {
        let tenant = try await req.tenant()
        let body = try req.jsonBody(CreateAccountRequest.self)
        let draft = AccountDraft(
            email: body.email, name: body.name, isTenantAdmin: body.isTenantAdmin ?? false, personId: body.personId)
        let (account, password) = try await AccountRules.create(
            draft, tenant: tenant, password: body.password, passwords: req.passwordHasher, actor: .from(req), on: req.db
        )
        let response = try await CreatedAccountResponse(
            account: AccountResponse(account), initialPassword: body.password == nil ? password : nil
        ).encodeResponse(status: .created, for: req)
        response.headers.replaceOrAdd(
            name: .location, value: AccountRoutes.apiShow(tenant.slug, try account.requireID()))
        return response
    }

    @Sendable func update(req: Request) async throws -> AccountResponse {
        let account = try await AccountRules.find(req, in: try await req.tenant())
        let draft = try req.jsonBody(AccountDraft.self)
        return try AccountResponse(try await AccountRules.update(account, with: draft, actor: .from(req), on: req.db))
    }

}
