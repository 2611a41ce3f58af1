import Foundation
import Vapor

/// URLs of sign-in, one's own account, the tenant's account administration and the platform page.
enum AccountRoutes {
    static func signIn(next: String? = nil) -> String {
        URLBuilder.path("/login", query: [("next", next.flatMap(safeNext) ?? "")])
    }
    static let signInAction = "/login"
    static let signOut = "/logout"
    static let account = "/account"
    static let password = "/account/password"
    static let tokens = "/account/tokens"
    static func revokeToken(_ id: UUID) -> String { URLBuilder.segments("account", "tokens", id.uuidString, "revoke") }
    static let platform = "/platform"
    static let platformTenants = "/platform/tenants"
    static let apiMe = "/api/v1/me"

    static func index(_ tenant: String) -> String { URLBuilder.segments("t", tenant, "accounts") }
    static func new(_ tenant: String) -> String { URLBuilder.segments("t", tenant, "accounts", "new") }
    static func edit(_ tenant: String, _ id: UUID) -> String {
        URLBuilder.segments("t", tenant, "accounts", id.uuidString, "edit")
    }
    static func resetPassword(_ tenant: String, _ id: UUID) -> String {
        URLBuilder.segments("t", tenant, "accounts", id.uuidString, "reset-password")
    }
    static func apiIndex(_ tenant: String) -> String { URLBuilder.segments("api", "v1", "tenants", tenant, "accounts") }
    static func apiShow(_ tenant: String, _ id: UUID) -> String {
        URLBuilder.segments("api", "v1", "tenants", tenant, "accounts", id.uuidString)
    }

    /// Only a path on this site: never another host (`//evil`, `https://…`) or a backslash trick.
    static func safeNext(_ next: String) -> String? {
        guard next.hasPrefix("/"), !next.hasPrefix("//"), !next.contains("\\"), !next.contains("\0"),
            next.count <= 2000, !next.hasPrefix(signInAction)
        else { return nil }
        return next
    }

    static func register(app: Application, html: any RoutesBuilder, api: any RoutesBuilder) {
        let signIn = SignInController()
        app.get("login", use: signIn.page).access(.open)
        app.post("login", use: signIn.signIn).access(.open)
        app.post("logout", use: signIn.signOut).access(.signedIn)

        let own = OwnAccountController()
        app.get("account", use: own.show).access(.signedIn)
        app.get("account", "password", use: own.passwordForm).access(.signedIn)
        app.post("account", "password", use: own.changePassword).access(.signedIn)
        app.post("account", "tokens", use: own.createToken).access(.signedIn)
        app.post("account", "tokens", ":tokenID", "revoke", use: own.revokeToken).access(.signedIn)
        app.get("api", "v1", "me", use: own.me).access(.signedIn)

        let platform = PlatformController()
        app.get("platform", use: platform.index).access(.platform)
        app.post("platform", "tenants", use: platform.create).access(.platform)

        let admin = AccountsController()
        let accounts = html.grouped("accounts")
        accounts.get(use: admin.index).access(.tenant(.administer))
        accounts.get("new", use: admin.new).access(.tenant(.administer))
        accounts.post(use: admin.create).access(.tenant(.administer))
        accounts.get(":accountID", "edit", use: admin.edit).access(.tenant(.administer))
        accounts.post(":accountID", "edit", use: admin.update).access(.tenant(.administer))
        accounts.post(":accountID", "reset-password", use: admin.resetPassword).access(.tenant(.administer))

        let json = AccountsAPIController()
        let apiAccounts = api.grouped("accounts")
        apiAccounts.get(use: json.index).access(.tenant(.administer))
        apiAccounts.post(use: json.create).access(.tenant(.administer))
        apiAccounts.get(":accountID", use: json.show).access(.tenant(.administer))
        apiAccounts.put(":accountID", use: json.update).access(.tenant(.administer))
    }
}
